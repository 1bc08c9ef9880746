using System.Security.Cryptography;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Rsa;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests.DhSign
{
    /// <summary>
    /// Alice (DH-SIGN initiator, RSA certificate "alice") and Bob (responder, "bob"), both trusting the test CA, one crypto
    /// session; DRBG seeds "{seed}/i" and "{seed}/r".
    /// </summary>
    internal sealed class DhSignExchange
    {
        public TestClock Clock = new() { NtpNow = T };
        public DhSignInitiator I = null!;
        public DhSignResponder R = null!;
        public byte[] Offer = new byte[8192], Answer = new byte[8192];
        public int OfferLength, AnswerLength;

        internal static DhSignExchange Make(DhGroup group, SignatureType type = SignatureType.RsaPkcs1, string? seed = null, int cacheSize = 16,
            RsaPeerTrust? bobTrusts = null)
        {
            seed ??= "dhsign/" + group + "/" + type;
            var x = new DhSignExchange();
            x.I = new DhSignInitiator(Drbg(seed + "/i"), x.Clock, Credentials("alice", Alice, "alice"), TrustCa()) { Group = group, SignatureType = type };
            x.I.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
            x.I.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            x.R = new DhSignResponder(Drbg(seed + "/r"), x.Clock, Cache(x.Clock, cacheSize), Credentials("bob", Bob, "bob"), bobTrusts ?? TrustCa())
            {
                SignatureType = type,
                AcceptOakley1 = true,
            };
            return x;
        }

        /// <summary>Writes the offer and lets Bob answer it.</summary>
        internal MikeyExchangeStatus Run()
        {
            Assert.Equal(MikeyExchangeStatus.Ok, I.WriteOffer(Offer, 0, Offer.Length));
            OfferLength = I.OfferLength;
            MikeyExchangeStatus s = R.Respond(Offer, 0, OfferLength, Answer, 0, Answer.Length);
            AnswerLength = R.AnswerLength;
            return s;
        }

        /// <summary>Replaces the last 256 bytes of a signed message with a fresh PKCS#1 v1.5 / SHA-256 signature by .NET with key <paramref name="key"/>.</summary>
        internal static void Resign(byte[] msg, int length, string key)
        {
            using RSA rsa = RSA.Create(DotNetKey(key));
            byte[] sig = rsa.SignData(msg, 0, length - 256, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            sig.CopyTo(msg, length - 256);
        }
    }
}
