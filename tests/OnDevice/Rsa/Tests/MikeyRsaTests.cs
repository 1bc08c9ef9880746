using nanoFramework.TestFramework;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Rsa;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// Issue 14's modes on the interpreter: each test runs the deterministic exchange of tests/vectors/mikey-rsa (the set-up
    /// of tests/Mikey.Rsa.Tests/*/…VectorTests.cs: fixture keys and certificates, T fixed, the same DRBG seeds, one
    /// AES-CM-128 crypto session, SSRC 0x11111111), checks both messages and the SRTP master key and salt byte for byte
    /// against the vector file (the TGK is internal to the library; the keys derived from it stand for it), then carries
    /// SRTP and SRTCP both ways with the resulting contexts.
    /// </summary>
    [TestClass]
    public class MikeyRsaTests
    {
        private static readonly byte[] Alice = Fixtures.Alice;
        private static readonly byte[] Bob = Fixtures.Bob;

        private static ReplayCache Cache(TestClock clock) => Fixtures.Cache(clock);

        // The vector-file lines "{prefix}i-message", "r-message", "srtp-master-key", "srtp-master-salt", then media both ways.
        private static void Check(string prefix, byte[] offer, int offerLength, byte[] answer, int answerLength,
            CryptoSessionBundle initiator, CryptoSessionBundle responder)
        {
            byte[] v = Vectors.MikeyRsaVectors();
            Bytes.AssertEqual(VectorRecords.Lookup(v, prefix + "i-message"), offer, 0, offerLength, prefix + "i-message");
            Bytes.AssertEqual(VectorRecords.Lookup(v, prefix + "r-message"), answer, 0, answerLength, prefix + "r-message");
            byte[] key = VectorRecords.Lookup(v, prefix + "srtp-master-key"), salt = VectorRecords.Lookup(v, prefix + "srtp-master-salt");
            SrtpMasterKeyEntry ki = initiator.Get(0).GetMasterKey(0), kr = responder.Get(0).GetMasterKey(0);
            Bytes.AssertEqual(key, ki.Key, 0, ki.KeyLength, prefix + "srtp-master-key (initiator)");
            Bytes.AssertEqual(key, kr.Key, 0, kr.KeyLength, prefix + "srtp-master-key (responder)");
            Bytes.AssertEqual(salt, ki.Salt, 0, ki.SaltLength, prefix + "srtp-master-salt (initiator)");
            Bytes.AssertEqual(salt, kr.Salt, 0, kr.SaltLength, prefix + "srtp-master-salt (responder)");
            Media.BothWays(initiator, responder);
        }

        private static void Run(string prefix, RsaInitiator i, MikeyResponder r)
        {
            byte[] offer = new byte[4096], answer = new byte[4096];
            i.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
            i.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.IsTrue(i.WriteOffer(offer, 0, offer.Length) == MikeyExchangeStatus.Ok, prefix + "offer");
            Assert.IsTrue(r.Respond(offer, 0, i.OfferLength, answer, 0, answer.Length) == MikeyExchangeStatus.Ok, prefix + "answer");
            Assert.IsTrue(i.ReadAnswer(answer, 0, r.AnswerLength) == MikeyExchangeStatus.Ok, prefix + "read answer");
            Check(prefix, offer, i.OfferLength, answer, r.AnswerLength, i.Bundle, r.Bundle);
        }

        [TestMethod]
        public void Pk_VectorExchangeByteForByte_ThenMediaBothWays()
        {
            // PkVectorTests: seed "vector/pk/i", V requested, Bob's certificate given to the initiator.
            var clock = new TestClock(Fixtures.T);
            var i = new PkInitiator(new SoftwareAesFactory(), RsaFixtures.Drbg("vector/pk/i"), clock, RsaFixtures.Alice, RsaFixtures.TrustCa());
            i.RequestVerification = true;
            byte[] bobCert = RsaFixtures.Cert("bob");
            Assert.IsTrue(i.SetResponderCertificate(bobCert, 0, bobCert.Length) == MikeyExchangeStatus.Ok, "responder certificate");
            var r = new PkResponder(new SoftwareAesFactory(), clock, Cache(clock), RsaFixtures.Bob, RsaFixtures.TrustCa());
            Run("pk-", i, r);
        }

        [TestMethod]
        public void RsaR_VectorExchangeByteForByte_ThenMediaBothWays()
        {
            // RsaRVectorTests: seeds "vector/rsar/i" and "vector/rsar/r", unicast.
            var clock = new TestClock(Fixtures.T);
            var i = new RsaRInitiator(new SoftwareAesFactory(), RsaFixtures.Drbg("vector/rsar/i"), clock, RsaFixtures.Alice, RsaFixtures.TrustCa());
            var r = new RsaRResponder(new SoftwareAesFactory(), RsaFixtures.Drbg("vector/rsar/r"), clock, Cache(clock), RsaFixtures.Bob, RsaFixtures.TrustCa());
            Run("rsar-", i, r);
        }

        [TestMethod]
        public void DhSign_Oakley5Pkcs1_VectorExchangeByteForByte_ThenMediaBothWays()
        {
            // DhSignVectorTests, case (OAKLEY 5, PKCS#1 v1.5): seeds "vector/dhsign/oakley5-pkcs1/i" and ".../r".
            var clock = new TestClock(Fixtures.T);
            var i = new DhSignInitiator(RsaFixtures.Drbg("vector/dhsign/oakley5-pkcs1/i"), clock, RsaFixtures.Alice, RsaFixtures.TrustCa());
            i.Group = DhGroup.Oakley5;
            i.SignatureType = SignatureType.RsaPkcs1;
            var r = new DhSignResponder(RsaFixtures.Drbg("vector/dhsign/oakley5-pkcs1/r"), clock, Cache(clock), RsaFixtures.Bob, RsaFixtures.TrustCa());
            r.SignatureType = SignatureType.RsaPkcs1;
            r.AcceptOakley1 = true;
            Run("dhsign-oakley5-pkcs1-", i, r);
        }

        private static void DhHmac(DhHmacGroup group, string name)
        {
            // DhHmacVectorTests: PSK from the file's "psk" line, seeds "vector/dhhmac/{group}/i" and ".../r", HMAC-SHA-1-160.
            string prefix = "dhhmac-" + name + "-";
            byte[] psk = VectorRecords.Lookup(Vectors.MikeyRsaVectors(), "psk");
            var clock = new TestClock(Fixtures.T);
            var i = new DhHmacInitiator(RsaFixtures.Drbg("vector/dhhmac/" + name + "/i"), clock);
            i.Group = group;
            i.Mac = MacAlgorithm.HmacSha1160;
            i.SetPreSharedKey(psk, 0, psk.Length);
            i.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
            i.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            var r = new DhHmacResponder(RsaFixtures.Drbg("vector/dhhmac/" + name + "/r"), clock, Cache(clock));
            r.AcceptOakley1 = true;
            r.SetPreSharedKey(psk, 0, psk.Length);
            r.SetIdentity(IdType.Uri, Bob, 0, Bob.Length);
            byte[] offer = new byte[1024], answer = new byte[1024];
            Assert.IsTrue(i.WriteOffer(offer, 0, offer.Length) == MikeyExchangeStatus.Ok, prefix + "offer");
            Assert.IsTrue(r.Respond(offer, 0, i.OfferLength, answer, 0, answer.Length) == MikeyExchangeStatus.Ok, prefix + "answer");
            Assert.IsTrue(i.ReadAnswer(answer, 0, r.AnswerLength) == MikeyExchangeStatus.Ok, prefix + "read answer");
            Check(prefix, offer, i.OfferLength, answer, r.AnswerLength, i.Bundle, r.Bundle);
        }

        [TestMethod]
        public void DhHmac_Oakley5_VectorExchangeByteForByte_ThenMediaBothWays()
        {
            DhHmac(DhHmacGroup.Oakley5, "oakley5");
        }

        [TestMethod]
        public void DhHmac_P256_VectorExchangeByteForByte_ThenMediaBothWays()
        {
            DhHmac(DhHmacGroup.P256, "p256");
        }
    }
}
