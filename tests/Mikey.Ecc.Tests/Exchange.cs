using NanoMikey.Crypto.Cipher;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Ecc.Tests.EccFixtures;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>
    /// Alice (initiator, certificate "alice") and Bob (responder, certificate "bob"), both trusting the test CA, in one of the
    /// three modes ("ecdh", "ecies", "ecmqv"), with one crypto session; buffers for the offer and the answer.
    /// </summary>
    internal sealed class Exchange
    {
        public static readonly TheoryData<string> Modes = new() { "ecdh", "ecies", "ecmqv" };

        public TestClock Clock = new() { NtpNow = T };
        public EccInitiator I = null!;
        public EccResponder R = null!;
        public byte[] Offer = new byte[4096], Answer = new byte[4096];
        public int OfferLength, AnswerLength;

        /// <summary>Writes the offer and lets the responder answer it.</summary>
        public MikeyExchangeStatus Run()
        {
            Assert.Equal(MikeyExchangeStatus.Ok, I.WriteOffer(Offer, 0, Offer.Length));
            OfferLength = I.OfferLength;
            MikeyExchangeStatus s = R.Respond(Offer, 0, OfferLength, Answer, 0, Answer.Length);
            AnswerLength = R.AnswerLength;
            return s;
        }

        /// <summary>A fresh offer (new RAND, T) with one crypto session.</summary>
        public MikeyExchangeStatus RunAgain()
        {
            I.Reset();
            I.AddCryptoSession(0x01020304, 0, SrtpPolicy.AesCm128HmacSha1_80());
            return Run();
        }

        public static Exchange Make(string mode, EccCredentials? alice = null, EccPeerTrust? bobTrusts = null, string? seed = null, bool verify = true,
            int cacheSize = 16, bool softwareAes = false, EccCredentials? bob = null)
        {
            var x = new Exchange();
            seed ??= mode;
            NanoMikey.Crypto.Hal.IAesEngineFactory aes = softwareAes ? new SoftwareAesFactory() : new HostAesEngineFactory();
            alice ??= Credentials("alice", Alice, "alice");
            bob ??= Credentials("bob", Bob, "bob");
            bobTrusts ??= TrustCa();
            var cache = Cache(x.Clock, cacheSize);
            switch (mode)
            {
                case "ecdh":
                    x.I = new EcdhSignInitiator(Drbg(seed + "/i"), x.Clock, alice, TrustCa());
                    x.R = new EcdhSignResponder(Drbg(seed + "/r"), x.Clock, cache, bob, bobTrusts);
                    break;
                case "ecies":
                    x.I = new EciesInitiator(aes, Drbg(seed + "/i"), x.Clock, alice, TrustCa());
                    x.R = new EciesResponder(aes, x.Clock, cache, bob, bobTrusts);
                    break;
                default:
                    x.I = new EcmqvInitiator(aes, Drbg(seed + "/i"), x.Clock, alice, TrustCa());
                    x.R = new EcmqvResponder(aes, x.Clock, cache, bob, bobTrusts);
                    break;
            }

            x.I.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
            if (x.I is EccStaticKeyInitiator s)
            {
                byte[] bobCert = Cert("bob");
                Assert.Equal(MikeyExchangeStatus.Ok, s.SetResponderCertificate(bobCert, 0, bobCert.Length));
                s.RequestVerification = verify;
            }

            x.I.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            return x;
        }

        /// <summary>Replaces the last 64 bytes of a signed message with a fresh signature by key <paramref name="key"/>.</summary>
        public static void Resign(byte[] msg, int length, string key)
        {
            byte[] hash = System.Security.Cryptography.SHA256.HashData(msg.AsSpan(0, length - 64));
            NanoMikey.Ecc.EcdsaP256.Sign(Key(key), hash, 0, 32, msg, length - 64);
        }
    }
}
