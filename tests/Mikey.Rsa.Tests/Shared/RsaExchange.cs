using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>
    /// Alice (initiator, certificate "alice") and Bob (responder, certificate "bob"), both trusting the test CA, in one of the
    /// RSA modes ("pk", "rsar"), with one crypto session; buffers for the offer and the answer.
    /// </summary>
    internal sealed class RsaExchange
    {
        public static readonly TheoryData<string> Modes = new() { "pk", "rsar", "dhsign" };

        public TestClock Clock = new() { NtpNow = T };
        public RsaInitiator I = null!;
        public RsaResponder R = null!;
        public byte[] Offer = new byte[8192], Answer = new byte[8192];
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

        public static RsaExchange Make(string mode, RsaCredentials? alice = null, RsaPeerTrust? bobTrusts = null, string? seed = null, bool verify = true,
            int cacheSize = 16, bool softwareAes = false, RsaCredentials? bob = null, RsaPeerTrust? aliceTrusts = null)
        {
            var x = new RsaExchange();
            seed ??= mode;
            IAesEngineFactory aes = softwareAes ? new SoftwareAesFactory() : new HostAesEngineFactory();
            alice ??= Credentials("alice", Alice, "alice");
            bob ??= Credentials("bob", Bob, "bob");
            bobTrusts ??= TrustCa();
            aliceTrusts ??= TrustCa();
            var cache = Cache(x.Clock, cacheSize);
            switch (mode)
            {
                case "pk":
                    var pk = new PkInitiator(aes, Drbg(seed + "/i"), x.Clock, alice, aliceTrusts);
                    pk.RequestVerification = verify;
                    x.I = pk;
                    x.R = new PkResponder(aes, x.Clock, cache, bob, bobTrusts);
                    x.I.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
                    byte[] bobCert = Cert("bob");
                    Assert.Equal(MikeyExchangeStatus.Ok, pk.SetResponderCertificate(bobCert, 0, bobCert.Length));
                    break;
                case "dhsign":
                    // DH-SIGN (RFC 3830 §3.3) over OAKLEY 5: tests/Mikey.Rsa.Tests/DhSign has its own cases.
                    x.I = new DhSignInitiator(Drbg(seed + "/i"), x.Clock, alice, aliceTrusts);
                    x.R = new DhSignResponder(Drbg(seed + "/r"), x.Clock, cache, bob, bobTrusts);
                    x.I.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
                    break;
                default:
                    x.I = new RsaRInitiator(aes, Drbg(seed + "/i"), x.Clock, alice, aliceTrusts);
                    x.R = new RsaRResponder(aes, Drbg(seed + "/r"), x.Clock, cache, bob, bobTrusts);
                    x.I.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
                    break;
            }

            x.I.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            return x;
        }
    }
}
