using nanoFramework.TestFramework;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Transport;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// MIKEY on the interpreter: the messages of tests/vectors/mikey/samples.md, the worked PSK exchange of its §8.2, the
    /// deterministic ECC exchanges of tests/vectors/mikey-ecc/vectors.txt rebuilt byte for byte, and a complete exchange per
    /// mode (PSK, NULL, ECDH-SIGN, ECIES, ECMQV) ending in SRTP and SRTCP both ways.
    /// </summary>
    [TestClass]
    public class MikeyTests
    {
        // Walks a message to its end; true when every payload parsed and the chain ended at the last byte.
        private static bool Walks(byte[] m, bool update, out MikeyStatus status)
        {
            var r = new MikeyReader { IsCsbUpdate = update };
            status = r.Reset(m, 0, m.Length);
            if (status != MikeyStatus.Ok) return false;
            while ((status = r.Read()) == MikeyStatus.Ok)
            {
            }
            return status == MikeyStatus.End;
        }

        [TestMethod]
        public void SamplesMd_EveryMessageParsesToItsLastByte()
        {
            // samples.md: "every message parsed with the payload chain ending exactly at the last byte". Base64 values are
            // decoded with the library's Base64 and must give a hex block of the same section when the section prints one.
            var r = new VectorRecords(Vectors.MikeySamples());
            int messages = 0;
            while (r.Next())
            {
                if (r.Byte(1) == (byte)'n') continue;
                string where = "samples.md §" + r.Text(0);
                byte[] m;
                if (r.Byte(1) == (byte)'b')
                {
                    string text = r.Text(2);
                    int n = Base64.GetDecodedLength(text, 0, text.Length);
                    Assert.IsTrue(n > 0, where + ": Base64 refused");
                    m = new byte[n];
                    Assert.AreEqual(n, Base64.Decode(text, 0, text.Length, m, 0), where + ": Base64 length");
                    Assert.IsTrue(SectionHasHex(r.Text(0), m) || !SectionHasAnyHex(r.Text(0)), where + ": Base64 differs from the section's hex");
                }
                else
                {
                    m = r.Field(2);
                }
                // Strict first; GStreamer's RAND-less messages (§4) read as CSB updates (RFC 3830 §4.5), as the host test does.
                bool ok = Walks(m, false, out MikeyStatus s) || Walks(m, true, out s);
                Assert.IsTrue(ok, where + " (" + m.Length.ToString() + " bytes): status " + ((int)s).ToString());
                messages++;
            }
            Assert.IsTrue(messages >= 10, "only " + messages.ToString() + " messages in samples.md");
        }

        private static bool SectionHasAnyHex(string section)
        {
            var r = new VectorRecords(Vectors.MikeySamples());
            while (r.Next())
            {
                if (r.Byte(1) == (byte)'h' && r.Text(0) == section) return true;
            }
            return false;
        }

        private static bool SectionHasHex(string section, byte[] m)
        {
            var r = new VectorRecords(Vectors.MikeySamples());
            while (r.Next())
            {
                if (r.Byte(1) == (byte)'h' && r.Text(0) == section && r.Length(2) == m.Length && Bytes.Equal(r.Data, r.Offset(2), m, 0, m.Length)) return true;
            }
            return false;
        }

        // samples.md §8.2: the hex blocks of the section in order are the I_MESSAGE and the R_MESSAGE.
        private static byte[] SampleBlock(string section, int index)
        {
            var r = new VectorRecords(Vectors.MikeySamples());
            int i = 0;
            while (r.Next())
            {
                if (r.Byte(1) == (byte)'h' && r.Text(0) == section && i++ == index) return r.Field(2);
            }
            throw new System.ArgumentException("samples.md §" + section + " has no hex block " + index.ToString());
        }

        private static byte[] SampleNamed(string name)
        {
            var r = new VectorRecords(Vectors.MikeySamples());
            while (r.Next())
            {
                if (r.Byte(1) == (byte)'n' && r.Is(2, name)) return r.Field(3);
            }
            throw new System.ArgumentException("samples.md: no " + name);
        }

        [TestMethod]
        public void SamplesMd_8_2_ResponderAnswersByteExactly()
        {
            byte[] psk = SampleNamed("psk"), offer = SampleBlock("8.2", 0), expected = SampleBlock("8.2", 1);
            var clock = new TestClock(Fixtures.T);
            var r = new PskResponder(new SoftwareAesFactory(), clock, Fixtures.Cache(clock));
            r.SetPreSharedKey(psk, 0, psk.Length);
            r.SetIdentity(IdType.Uri, Fixtures.Bob, 0, Fixtures.Bob.Length);
            var answer = new byte[256];
            Assert.IsTrue(r.Respond(offer, 0, offer.Length, answer, 0, answer.Length) == MikeyExchangeStatus.Ok, "respond");
            Bytes.AssertEqual(expected, answer, 0, r.AnswerLength, "R_MESSAGE");
            SrtpMasterKeyEntry k = r.Bundle.Get(0).GetMasterKey(0);
            Bytes.AssertEqual(SampleNamed("master-key"), k.Key, 0, k.KeyLength, "SRTP master key");
            Bytes.AssertEqual(SampleNamed("master-salt"), k.Salt, 0, k.SaltLength, "SRTP master salt");
        }

        // vectors.txt values by name.
        private static byte[] V(string name) => VectorRecords.Lookup(Vectors.MikeyEccVectors(), name);

        [TestMethod]
        public void EccVectors_StaticKeysAndDrbgDraws()
        {
            // SHA-256 and HMAC_DRBG known answers: the fixtures' scalars and each initiator's first draws.
            Bytes.AssertEqual(V("alice-static-scalar"), Fixtures.Scalar("alice"), 0, 32, "alice");
            Bytes.AssertEqual(V("bob-static-scalar"), Fixtures.Scalar("bob"), 0, 32, "bob");
            string[] modes = { "ecdh", "ecies", "ecmqv" };
            foreach (string mode in modes)
            {
                HmacDrbg d = Fixtures.Drbg("vector/" + mode + "/i");
                var rand = new byte[16];
                var csb = new byte[4];
                d.Generate(rand, 0, 16);
                d.Generate(csb, 0, 4);
                Bytes.AssertEqual(V(mode + "-rand"), rand, 0, 16, mode + " RAND");
                Bytes.AssertEqual(V(mode + "-csb-id"), csb, 0, 4, mode + " CSB ID");
            }
        }

        private static Exchange Deterministic(string mode)
        {
            Exchange x = Exchange.Make(mode, "vector/" + mode);
            Assert.IsTrue(x.Run() == MikeyExchangeStatus.Ok, mode + " respond");
            Assert.IsTrue(x.I.ReadAnswer(x.Answer, 0, x.AnswerLength) == MikeyExchangeStatus.Ok, mode + " read answer");
            Bytes.AssertEqual(V(mode + "-i-message"), x.Offer, 0, x.OfferLength, mode + " I_MESSAGE");
            Bytes.AssertEqual(V(mode + "-r-message"), x.Answer, 0, x.AnswerLength, mode + " R_MESSAGE");
            SrtpMasterKeyEntry k = x.I.Bundle.Get(0).GetMasterKey(0);
            Bytes.AssertEqual(V(mode + "-srtp-master-key"), k.Key, 0, k.KeyLength, mode + " SRTP master key");
            Bytes.AssertEqual(V(mode + "-srtp-master-salt"), k.Salt, 0, k.SaltLength, mode + " SRTP master salt");
            return x;
        }

        [TestMethod]
        public void EcdhSign_VectorsRebuiltThenMediaBothWays()
        {
            Exchange x = Deterministic("ecdh");
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [TestMethod]
        public void Ecies_VectorsRebuiltThenMediaBothWays()
        {
            Exchange x = Deterministic("ecies");
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [TestMethod]
        public void Ecmqv_VectorsRebuiltThenMediaBothWays()
        {
            Exchange x = Deterministic("ecmqv");
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        private static PskInitiator PskInitiator(TestClock clock, byte[] psk, bool nullMode)
        {
            var i = new PskInitiator(new SoftwareAesFactory(), Fixtures.Drbg("psk/i"), clock);
            if (nullMode) i.UseNullMode = true;
            else i.SetPreSharedKey(psk, 0, psk.Length);
            i.SetIdentities(IdType.Uri, Fixtures.Alice, Fixtures.Alice.Length, Fixtures.Bob, Fixtures.Bob.Length);
            i.RequestVerification = !nullMode;
            i.AddCryptoSession(0xDEADBEEF, 0, SrtpPolicy.AesCm128HmacSha1_80());
            i.AddCryptoSession(0xCAFEF00D, 0, SrtpPolicy.AeadAes128Gcm());
            return i;
        }

        private static void PskOrNull(bool nullMode)
        {
            byte[] psk = SampleNamed("psk");
            var clock = new TestClock(Fixtures.T);
            PskInitiator i = PskInitiator(clock, psk, nullMode);
            var r = new PskResponder(new SoftwareAesFactory(), clock, Fixtures.Cache(clock));
            if (nullMode) r.AcceptNullMode = true;
            else r.SetPreSharedKey(psk, 0, psk.Length);
            r.SetIdentity(IdType.Uri, Fixtures.Bob, 0, Fixtures.Bob.Length);
            var offer = new byte[512];
            var answer = new byte[512];
            Assert.IsTrue(i.WriteOffer(offer, 0, offer.Length) == MikeyExchangeStatus.Ok, "offer");
            Assert.IsTrue(r.Respond(offer, 0, i.OfferLength, answer, 0, answer.Length) == MikeyExchangeStatus.Ok, "respond " + ((int)r.ErrorCode).ToString());
            if (!nullMode)
            {
                Assert.IsTrue(i.ReadAnswer(answer, 0, r.AnswerLength) == MikeyExchangeStatus.Ok, "read answer");
                Assert.IsTrue(i.IsComplete, "complete");
            }
            Media.BothWays(i.Bundle, r.Bundle);

            // The same offer again is a replay (RFC 3830 §5.4).
            Assert.IsTrue(r.Respond(offer, 0, i.OfferLength, answer, 0, answer.Length) == MikeyExchangeStatus.Replayed, "replayed offer");
        }

        [TestMethod]
        public void Psk_ExchangeThenMediaBothWays() => PskOrNull(false);

        [TestMethod]
        public void Null_ExchangeThenMediaBothWays() => PskOrNull(true);
    }

    /// <summary>Alice (initiator) and Bob (responder) in one ECC mode, one AES-CM-128 crypto session (tests/Mikey.Ecc.Tests/Exchange.cs).</summary>
    internal sealed class Exchange
    {
        public TestClock Clock = new TestClock(Fixtures.T);
        public EccInitiator I;
        public EccResponder R;
        public byte[] Offer = new byte[2048], Answer = new byte[2048];
        public int OfferLength, AnswerLength;

        public MikeyExchangeStatus Run()
        {
            Assert.IsTrue(I.WriteOffer(Offer, 0, Offer.Length) == MikeyExchangeStatus.Ok, "offer");
            OfferLength = I.OfferLength;
            MikeyExchangeStatus s = R.Respond(Offer, 0, OfferLength, Answer, 0, Answer.Length);
            AnswerLength = R.AnswerLength;
            return s;
        }

        public static Exchange Make(string mode, string seed)
        {
            var x = new Exchange();
            var aes = new SoftwareAesFactory();
            EccCredentials alice = Fixtures.Credentials("alice", Fixtures.Alice, "alice"), bob = Fixtures.Credentials("bob", Fixtures.Bob, "bob");
            if (mode == "ecdh")
            {
                x.I = new EcdhSignInitiator(Fixtures.Drbg(seed + "/i"), x.Clock, alice, Fixtures.TrustCa());
                x.R = new EcdhSignResponder(Fixtures.Drbg(seed + "/r"), x.Clock, Fixtures.Cache(x.Clock), bob, Fixtures.TrustCa());
            }
            else if (mode == "ecies")
            {
                x.I = new EciesInitiator(aes, Fixtures.Drbg(seed + "/i"), x.Clock, alice, Fixtures.TrustCa());
                x.R = new EciesResponder(aes, x.Clock, Fixtures.Cache(x.Clock), bob, Fixtures.TrustCa());
            }
            else
            {
                x.I = new EcmqvInitiator(aes, Fixtures.Drbg(seed + "/i"), x.Clock, alice, Fixtures.TrustCa());
                x.R = new EcmqvResponder(aes, x.Clock, Fixtures.Cache(x.Clock), bob, Fixtures.TrustCa());
            }
            x.I.SetResponderIdentity(IdType.Uri, Fixtures.Bob, 0, Fixtures.Bob.Length);
            if (x.I is EccStaticKeyInitiator s)
            {
                byte[] bobCert = Fixtures.Cert("bob");
                Assert.IsTrue(s.SetResponderCertificate(bobCert, 0, bobCert.Length) == MikeyExchangeStatus.Ok, "Bob's certificate");
                s.RequestVerification = true;
            }
            x.I.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            return x;
        }
    }
}
