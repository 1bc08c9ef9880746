using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Tests.Fixtures;
using NanoMikey.Mikey.Tests.Modes;
using NanoMikey.Mikey.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Interop
{
    /// <summary>
    /// Our MIKEY against GStreamer's own (libgstsdp 1.22 gstmikey.c, run live through Fixtures/gst_mikey.py): what rtspsrc
    /// and gst-rtsp-server make of our messages (to_caps), and what our NULL-mode responder makes of theirs (new_from_caps,
    /// as gst-rtsp-server's DESCRIBE / ANNOUNCE answer, rtspsrc's SETUP and rtspclientsink's RECORD SETUP write them).
    /// </summary>
    public class GStreamerMikeyTests
    {
        private const MikeyQuirks GStreamerQuirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength | MikeyQuirks.GStreamerAesGcmDefaults;

        /// <summary>The GStreamer-compatible 32-bit policies: GStreamer keys SRTCP with the SRTP tag length (gstsrtp.c).</summary>
        internal static SrtpPolicy GStreamerPolicy(string name)
        {
            SrtpPolicy p = TekTransportTests.Policy(name);
            if (p.AuthenticationTagLength == 4) p.SrtcpAuthenticationTagLength = 4;
            return p;
        }

        // policy, GStreamer's srtp-cipher and srtp-auth for it.
        public static IEnumerable<object[]> Policies() => new[]
        {
            new object[] { "AES_CM_128_HMAC_SHA1_80", "aes-128-icm", "hmac-sha1-80" },
            new object[] { "AES_CM_128_HMAC_SHA1_32", "aes-128-icm", "hmac-sha1-32" },
            new object[] { "AES_256_CM_HMAC_SHA1_80", "aes-256-icm", "hmac-sha1-80" },
            new object[] { "AES_256_CM_HMAC_SHA1_32", "aes-256-icm", "hmac-sha1-32" },
            new object[] { "AEAD_AES_128_GCM", "aes-128-gcm", "null" },
            new object[] { "AEAD_AES_256_GCM", "aes-256-gcm", "null" },
        };

        private static (byte[] Message, int Length, PskInitiator Initiator) OurOffer(SrtpPolicy policy, MikeyQuirks quirks, params uint[] ssrcs)
        {
            var clock = new TestClock { NtpNow = 0xe6a9c0d800000000 };
            PskInitiator ini = TekTransportTests.NullTekInitiator(clock, seed: 7);
            ini.Quirks = quirks;
            foreach (uint ssrc in ssrcs) ini.AddCryptoSession(ssrc, 3, policy);
            byte[] msg = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(msg, 0, msg.Length));
            return (msg, ini.OfferLength, ini);
        }

        [Theory]
        [MemberData(nameof(Policies))]
        public void GStreamerReadsOurNullTekOfferAsTheSamePolicyAndKey(string policy, string cipher, string auth)
        {
            var (msg, length, ini) = OurOffer(GStreamerPolicy(policy), MikeyQuirks.GStreamerTagLengthInAuthKeyLength, 0x30685760);
            GstMikey.Result r = GstMikey.ToCaps(msg, length);
            Assert.False(r.Hung, "GStreamer's parser hung on our message");
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.True(r.Json.GetProperty("to_caps").GetBoolean(), r.ToString());
            Assert.Equal(cipher, r.Str("srtp-cipher"));
            Assert.Equal(auth, r.Str("srtp-auth"));
            Assert.Equal(cipher, r.Str("srtcp-cipher"));
            Assert.Equal(auth, r.Str("srtcp-auth"));
            Assert.Equal(TekTransportTests.KeyAndSalt(ini.Bundle.Get(0)), r.Str("srtp-key"));
            Assert.Equal("[5,11,10,1]", r.Str("payloads").Replace(" ", "")); // T, RAND, SP, KEMAC
            Assert.Equal(0x30685760u, r.Json.GetProperty("cs")[0].GetProperty("ssrc").GetUInt32());
            Assert.Equal(3u, r.Json.GetProperty("cs")[0].GetProperty("roc").GetUInt32());

            // And what GStreamer read is what our own responder reads (with the GStreamer quirks).
            PskResponder ours = NullResponder(msg, length);
            Assert.Equal(MikeyExchangeStatus.Ok, ours.Respond(msg, 0, length, new byte[64], 0, 64));
            AssertPolicy(ours.Bundle.Get(0).Policy, cipher, auth);
            Assert.Equal(TekTransportTests.KeyAndSalt(ini.Bundle.Get(0)), TekTransportTests.KeyAndSalt(ours.Bundle.Get(0)));
        }

        [Fact]
        public void WithoutTheQuirkGStreamerMisreadsA32BitTagAndReadsEverythingElseRight()
        {
            // Why the write quirk exists: RFC 3830 puts the tag length in type 11, which GStreamer ignores.
            var (msg, length, _) = OurOffer(GStreamerPolicy("AES_CM_128_HMAC_SHA1_32"), MikeyQuirks.None, 1);
            GstMikey.Result r = GstMikey.ToCaps(msg, length);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.Equal("hmac-sha1-80", r.Str("srtp-auth"));

            // 80-bit, AES-256 and GCM need no quirk: the RFC form already reads right.
            foreach (object[] row in Policies())
            {
                if (((string)row[0]).EndsWith("_32")) continue;
                (msg, length, _) = OurOffer(GStreamerPolicy((string)row[0]), MikeyQuirks.None, 1);
                r = GstMikey.ToCaps(msg, length);
                Assert.True(r.ExitCode == 0, r.ToString());
                Assert.Equal((string)row[1], r.Str("srtp-cipher"));
                Assert.Equal((string)row[2], r.Str("srtp-auth"));
            }
        }

        [Fact]
        public void TheQuirkRefusesPoliciesGStreamerCannotExpress()
        {
            // RFC 4568 AES_CM_128_HMAC_SHA1_32 keeps an 80-bit SRTCP tag; GStreamer would run SRTCP with 32 bits.
            var clock = new TestClock { NtpNow = 0xe6a9c0d800000000 };
            PskInitiator ini = TekTransportTests.NullTekInitiator(clock);
            ini.Quirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength;
            ini.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_32());
            byte[] msg = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Unsupported, ini.WriteOffer(msg, 0, msg.Length));
            Assert.Equal(0, ini.OfferLength);

            PskInitiator aes192 = TekTransportTests.NullTekInitiator(clock);
            aes192.Quirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength;
            aes192.AddCryptoSession(1, 0, SrtpPolicy.AesCm192HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.Unsupported, aes192.WriteOffer(msg, 0, msg.Length));
        }

        // GStreamer's (cipher, auth) pairs and the key length each takes (key ‖ salt).
        public static IEnumerable<object[]> GStreamerSuites() => new[]
        {
            new object[] { "aes-128-icm", "hmac-sha1-80", 30 },
            new object[] { "aes-128-icm", "hmac-sha1-32", 30 },
            new object[] { "aes-256-icm", "hmac-sha1-80", 46 },
            new object[] { "aes-256-icm", "hmac-sha1-32", 46 },
            new object[] { "aes-128-gcm", "null", 28 },
            new object[] { "aes-256-gcm", "null", 44 },
        };

        [Theory]
        [MemberData(nameof(GStreamerSuites))]
        public void OurNullResponderReadsGStreamersOfferAsItsPolicyAndKey(string cipher, string auth, int keyLength)
        {
            // gst-rtsp-server's DESCRIBE answer (and rtspsrc's SETUP, always aes-128-icm / hmac-sha1-80): new_from_caps plus
            // one crypto session for the sender's SSRC.
            string key = RandomHex(keyLength, cipher.GetHashCode() ^ auth.GetHashCode());
            GstMikey.Result g = GstMikey.FromCaps(cipher, auth, key, 0xCAFE0001);
            Assert.True(g.ExitCode == 0, g.ToString());
            byte[] msg = Convert.FromBase64String(g.Str("base64"));
            PskResponder r = NullResponder(msg, msg.Length);
            byte[] answer = new byte[64];
            Assert.True(MikeyExchangeStatus.Ok == r.Respond(msg, 0, msg.Length, answer, 0, answer.Length), r.ErrorCode.ToString());
            Assert.Equal(0, r.AnswerLength); // V = 0: nothing to answer
            Assert.Equal(1, r.Bundle.Count);
            CryptoSession cs = r.Bundle.Get(0);
            Assert.Equal(0xCAFE0001u, cs.Ssrc);
            Assert.Equal(0u, cs.Roc);
            AssertPolicy(cs.Policy, cipher, auth);
            Assert.Equal(key, TekTransportTests.KeyAndSalt(cs));
            Assert.Equal(0, cs.GetMasterKey(0).MkiLength);
        }

        [Fact]
        public void OurNullResponderReadsGStreamersRecordSetupListingTwoSsrcs()
        {
            // rtspclientsink's SETUP repeats its key in a new message with a crypto session per sending SSRC.
            string key = RandomHex(30, 12);
            GstMikey.Result g = GstMikey.FromCaps("aes-128-icm", "hmac-sha1-80", key, 0x11110001, 0x22220002);
            Assert.True(g.ExitCode == 0, g.ToString());
            byte[] msg = Convert.FromBase64String(g.Str("base64"));
            PskResponder r = NullResponder(msg, msg.Length);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, msg.Length, new byte[64], 0, 64));
            Assert.Equal(2, r.Bundle.Count);
            Assert.Equal(0x11110001u, r.Bundle.Get(0).Ssrc);
            Assert.Equal(0x22220002u, r.Bundle.Get(1).Ssrc);
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal(key, TekTransportTests.KeyAndSalt(r.Bundle.Get(i)));
                AssertPolicy(r.Bundle.Get(i).Policy, "aes-128-icm", "hmac-sha1-80");
            }
        }

        [Fact]
        public void WithoutTheReadQuirksGStreamersGcmOfferIsRefusedAndIts32BitOfferMisread()
        {
            // Why RTSP code must set both read quirks towards GStreamer. GCM: no salt length (type 4), so RFC 3830's default
            // 14-byte salt makes the 28-byte TEK the wrong length: refused, bundle untouched.
            GstMikey.Result g = GstMikey.FromCaps("aes-128-gcm", "null", RandomHex(28, 3), 5);
            Assert.True(g.ExitCode == 0, g.ToString());
            byte[] msg = Convert.FromBase64String(g.Str("base64"));
            PskResponder r = NullResponder(msg, msg.Length);
            r.Quirks = MikeyQuirks.None;
            Assert.NotEqual(MikeyExchangeStatus.Ok, r.Respond(msg, 0, msg.Length, new byte[64], 0, 64));
            Assert.Equal(0, r.Bundle.Count);

            // HMAC-SHA1-32: strict RFC 3830 reads type 3 = 4 as a 4-byte auth key and keeps the 80-bit default tag, which
            // no packet from GStreamer would pass (SrtpMinimumPolicy has no floor on the auth key length to refuse it).
            g = GstMikey.FromCaps("aes-128-icm", "hmac-sha1-32", RandomHex(30, 3), 5);
            Assert.True(g.ExitCode == 0, g.ToString());
            msg = Convert.FromBase64String(g.Str("base64"));
            r = NullResponder(msg, msg.Length);
            r.Quirks = MikeyQuirks.None;
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, msg.Length, new byte[64], 0, 64));
            Assert.Equal(4, r.Bundle.Get(0).Policy.EffectiveSrtpAuthenticationKeyLength);
            Assert.Equal(10, r.Bundle.Get(0).Policy.EffectiveSrtpTagLength);
        }

        [Fact]
        public void StoredGStreamerMessagesGiveTheirKeysWithoutPython()
        {
            // tests/vectors/mikey/gstreamer-1.22.txt: made by GStreamer 1.22.0 new_from_caps (SOURCE.md).
            int seen = 0;
            foreach (string line in File.ReadAllLines(TestData.VectorPath("mikey", "gstreamer-1.22.txt")))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                string[] f = line.Split(' ');
                string cipher = f[0], auth = f[1], key = f[2], b64 = f[f.Length - 1];
                byte[] msg = Convert.FromBase64String(b64);
                PskResponder r = NullResponder(msg, msg.Length);
                Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(msg, 0, msg.Length, new byte[64], 0, 64));
                Assert.Equal(f.Length - 4, r.Bundle.Count);
                for (int i = 0; i < r.Bundle.Count; i++)
                {
                    Assert.Equal(Convert.ToUInt32(f[3 + i], 16), r.Bundle.Get(i).Ssrc);
                    Assert.Equal(key, TekTransportTests.KeyAndSalt(r.Bundle.Get(i)));
                    AssertPolicy(r.Bundle.Get(i).Policy, cipher, auth);
                }

                seen++;
            }

            Assert.Equal(2, seen);
        }

        [Fact]
        public void GStreamerHangsOnAnIdPayloadWhichIsWhyTekOffersNeverCarryOne()
        {
            // peers.md: the RFC 4567 §5.1 example (HDR, T, RAND, ID, SP, KEMAC) never returns from GStreamer's parser.
            byte[] rfc4567 = Convert.FromBase64String(Samples.Rfc4567IMessageBase64);
            GstMikey.Result r = GstMikey.ToCaps(rfc4567, rfc4567.Length, timeoutSeconds: 5);
            Assert.True(r.Hung, "expected GStreamer 1.22 to spin on an ID payload; got " + r);
        }

        internal static void AssertPolicy(SrtpPolicy p, string cipher, string auth)
        {
            bool gcm = cipher.EndsWith("gcm");
            Assert.Equal(gcm ? SrtpEncryptionAlgorithm.AesGcm : SrtpEncryptionAlgorithm.AesCm, p.EncryptionAlgorithm);
            Assert.Equal(cipher.StartsWith("aes-256") ? 32 : 16, p.SessionEncryptionKeyLength);
            Assert.Equal(gcm ? 12 : 14, p.SessionSaltKeyLength);
            if (gcm)
            {
                Assert.Equal(16, p.AeadAuthenticationTagLength);
                return;
            }

            int tag = auth == "hmac-sha1-32" ? 4 : 10;
            Assert.Equal(SrtpAuthenticationAlgorithm.HmacSha1, p.EffectiveSrtpAuthentication);
            Assert.Equal(20, p.EffectiveSrtpAuthenticationKeyLength);
            Assert.Equal(tag, p.EffectiveSrtpTagLength);
            Assert.Equal(tag, p.EffectiveSrtcpTagLength); // GStreamer keys SRTCP with the same tag (gstsrtp.c)
        }

        internal static PskResponder NullResponder(byte[] msg, int length)
        {
            // The message's own T, so freshness holds whenever GStreamer made it.
            var reader = new MikeyReader();
            Assert.Equal(MikeyStatus.Ok, reader.Reset(msg, 0, length));
            ulong t = 0;
            while (reader.Read() == MikeyStatus.Ok)
            {
                if (reader.PayloadType == PayloadType.Timestamp) t = reader.Timestamp.Value;
            }

            var clock = new TestClock { NtpNow = t };
            return new PskResponder(new HostAesEngineFactory(), clock, new ReplayCache(16, clock, new FreshnessPolicy()))
            {
                AcceptNullMode = true,
                Quirks = GStreamerQuirks,
            };
        }

        private static string RandomHex(int length, int seed)
        {
            byte[] b = new byte[length];
            new Random(seed).NextBytes(b);
            return Convert.ToHexString(b).ToLowerInvariant();
        }
    }
}
