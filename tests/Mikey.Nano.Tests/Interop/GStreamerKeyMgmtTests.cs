using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Tests.Fixtures;
using NanoMikey.Mikey.Tests.Modes;
using NanoMikey.Mikey.Transport;

namespace NanoMikey.Mikey.Tests.Interop
{
    /// <summary>
    /// The RTSP <c>KeyMgmt</c> header (RFC 4567 §3.2) as GStreamer 1.22 really sends it: real rtspsrc's SETUP after a DESCRIBE
    /// answer carrying our NULL TEK offer (over UDP and interleaved TCP), gst-rtsp-server's ANNOUNCE answer
    /// (gst_sdp_make_keymgmt), spacing variants, and the typed failures of bad values.
    /// </summary>
    public class GStreamerKeyMgmtTests
    {
        public static IEnumerable<object[]> Setups() => new[]
        {
            new object[] { "AES_CM_128_HMAC_SHA1_80", "udp" },
            new object[] { "AES_CM_128_HMAC_SHA1_32", "tcp" },
            new object[] { "AEAD_AES_128_GCM", "udp" },
        };

        [Theory]
        [MemberData(nameof(Setups))]
        public void RtspSrcTakesOurDescribeKeyAndItsSetupKeyMgmtParsesIntoItsOwnRtcpKey(string policy, string protocols)
        {
            var clock = new TestClock { NtpNow = 0xe6a9c0d800000000 };
            PskInitiator ini = TekTransportTests.NullTekInitiator(clock, seed: 11);
            ini.Quirks = MikeyQuirks.GStreamerTagLengthInAuthKeyLength;
            ini.AddCryptoSession(0x5E550001, 0, GStreamerMikeyTests.GStreamerPolicy(policy));
            byte[] offer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));

            GstMikey.Result r = GstMikey.RtspSrcSetup(offer, ini.OfferLength, protocols);
            Assert.True(r.ExitCode == 0, "rtspsrc sent no SETUP: " + r);
            string setup = r.Str("setup");
            string keymgmt = r.Str("keymgmt");
            Assert.Contains("RTP/SAVP", setup);
            Assert.StartsWith("prot=mikey;uri=\"rtsp://127.0.0.1:", keymgmt);

            // The header line as it is in the request, and its value alone, parse the same.
            string line = Array.Find(setup.Split("\r\n"), l => l.StartsWith("KeyMgmt:", StringComparison.Ordinal))!;
            string uri = setup.Substring(6, setup.IndexOf(" RTSP/1.0", StringComparison.Ordinal) - 6);
            foreach (string text in new[] { line, keymgmt })
            {
                var h = new RtspKeyMgmtHeader();
                Assert.True(h.Parse(text), h.Status.ToString());
                Assert.Equal(KeyMgmtStatus.Ok, h.Status);
                Assert.True(h.IsMikey);
                Assert.Equal(uri, text.Substring(h.UriStart, h.UriLength));
                byte[] msg = new byte[h.DataLength];
                int n = h.DecodeData(msg, 0);

                // rtspsrc keys its RTCP with AES-CM-128 / HMAC-SHA1-80 whatever the stream's policy (issue 12).
                PskResponder resp = GStreamerMikeyTests.NullResponder(msg, n);
                Assert.True(MikeyExchangeStatus.Ok == resp.Respond(msg, 0, n, new byte[64], 0, 64), resp.ErrorCode.ToString());
                CryptoSession cs = resp.Bundle.Get(0);
                GStreamerMikeyTests.AssertPolicy(cs.Policy, "aes-128-icm", "hmac-sha1-80");
                Assert.NotEqual(0u, cs.Ssrc);
                Assert.Equal(16, cs.GetMasterKey(0).KeyLength);
                Assert.Equal(14, cs.GetMasterKey(0).SaltLength);
            }
        }

        [Fact]
        public void GStreamerServersAnnounceAnswerKeyMgmtParsesIntoTheServersKey()
        {
            string key = "00112233445566778899aabbccddeeff" + "0123456789abcdef0123456789ab";
            const string uri = "rtsp://127.0.0.1:8554/record/stream=0";
            GstMikey.Result g = GstMikey.KeyMgmtHeader("aes-128-icm", "hmac-sha1-80", key, uri, 0x0BADF00D);
            Assert.True(g.ExitCode == 0, g.ToString());
            string value = g.Str("keymgmt");
            Assert.StartsWith("prot=mikey;uri=\"" + uri + "\";data=\"", value); // no spaces after ';'

            var h = new RtspKeyMgmtHeader();
            Assert.True(h.Parse("KeyMgmt: " + value), h.Status.ToString());
            Assert.Equal(uri, value.Substring(h.UriStart - 9, h.UriLength)); // positions are in the parsed text
            byte[] msg = new byte[h.DataLength];
            int n = h.DecodeData(msg, 0);
            PskResponder resp = GStreamerMikeyTests.NullResponder(msg, n);
            Assert.Equal(MikeyExchangeStatus.Ok, resp.Respond(msg, 0, n, new byte[64], 0, 64));
            CryptoSession cs = resp.Bundle.Get(0);
            Assert.Equal(0x0BADF00Du, cs.Ssrc);
            Assert.Equal(key, TekTransportTests.KeyAndSalt(cs));
        }

        [Theory]
        [InlineData("prot=mikey;uri=\"{0}\";data=\"{1}\"")]                 // rtspsrc, gst-rtsp-server (gst_sdp_make_keymgmt)
        [InlineData("KeyMgmt: prot=mikey;uri=\"{0}\";data=\"{1}\"")]        // the whole request line
        [InlineData("keymgmt:prot=mikey; uri=\"{0}\"; data=\"{1}\"")]       // RFC 4567 examples' spacing
        [InlineData("KeyMgmt :  prot=mikey ;\turi=\"{0}\" ;  data=\"{1}\"  ")]
        [InlineData("KeyMgmt: prot=mikey; uri=\"{0}\";\r\n   data=\"{1}\"")] // folded continuation line
        [InlineData("KeyMgmt: data=\"{1}\";prot=mikey;uri=\"{0}\"")]        // any order
        [InlineData("KeyMgmt: prot=mikey;uri=\"{0}\";data={1}")]            // unquoted data
        public void SpacingVariantsOfTheHeaderParseToTheSameValues(string format)
        {
            byte[] m = Samples.B64(Samples.Rfc4567RMessageBase64);
            const string uri = "rtsp://127.0.0.1:8554/sensor/stream=0";
            string text = string.Format(format, uri, Samples.Rfc4567RMessageBase64);
            var h = new RtspKeyMgmtHeader();
            Assert.True(h.Parse(text), h.Status.ToString());
            Assert.True(h.IsMikey);
            Assert.Equal(uri, text.Substring(h.UriStart, h.UriLength));
            byte[] got = new byte[m.Length];
            Assert.Equal(m.Length, h.DecodeData(got, 0));
            Assert.Equal(m, got);
        }

        [Theory]
        [InlineData("prot=mikey;uri=\"rtsp://x\";data=\"AQEF*M0X\"", KeyMgmtStatus.InvalidBase64)]   // character outside RFC 4648 §4
        [InlineData("prot=mikey;uri=\"rtsp://x\";data=\"AQEFgM0\"", KeyMgmtStatus.InvalidBase64)]    // length not a multiple of 4
        [InlineData("prot=mikey;uri=\"rtsp://x\";data=\"AQE=gM0X\"", KeyMgmtStatus.InvalidBase64)]   // padding inside
        [InlineData("prot=mikey;data=\"QR==\"", KeyMgmtStatus.InvalidBase64)]                         // non-zero trailing bits
        [InlineData("prot=mikey;data=\"====\"", KeyMgmtStatus.InvalidBase64)]
        [InlineData("prot=mikey;uri=\"rtsp://x\";data=\"\"", KeyMgmtStatus.MissingData)]
        [InlineData("prot=mikey;uri=\"rtsp://x\"", KeyMgmtStatus.MissingData)]
        [InlineData("uri=\"rtsp://x\";data=\"QQ==\"", KeyMgmtStatus.MissingProtocol)]
        [InlineData("prot=mikey;uri=\"rtsp://x;data=\"QQ==", KeyMgmtStatus.Malformed)]                // unterminated quote
        [InlineData("prot=mikey uri", KeyMgmtStatus.Malformed)]
        [InlineData("", KeyMgmtStatus.Malformed)]
        public void BadValuesGiveATypedFailure(string text, KeyMgmtStatus expected)
        {
            var h = new RtspKeyMgmtHeader();
            Assert.False(h.Parse(text));
            Assert.Equal(expected, h.Status);
            Assert.True(h.Parse("prot=mikey;data=\"QQ==\""));
            Assert.Equal(KeyMgmtStatus.Ok, h.Status);
        }

        [Fact]
        public void OurDescribeSdpLineIsReadByGStreamersSdpParserAndTheirsByOurs()
        {
            // DESCRIBE answer: media-level a=key-mgmt (RFC 4567 §3.1) as gst-rtsp-server puts it, written by SdpKeyMgmt.Format.
            var clock = new TestClock { NtpNow = 0xe6a9c0d800000000 };
            PskInitiator ini = TekTransportTests.NullTekInitiator(clock, seed: 21);
            ini.AddCryptoSession(0x0DE5C001, 0, GStreamerMikeyTests.GStreamerPolicy("AES_256_CM_HMAC_SHA1_80"));
            byte[] offer = new byte[256];
            Assert.Equal(MikeyExchangeStatus.Ok, ini.WriteOffer(offer, 0, offer.Length));
            string sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=sensor\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\na=range:npt=now-\r\n"
                + "m=audio 0 RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\na=control:stream=0\r\n" + SdpKeyMgmt.Format(offer, 0, ini.OfferLength) + "\r\n";
            GstMikey.Result g = GstMikey.SdpKeyMgmt(sdp);
            Assert.True(g.ExitCode == 0, g.ToString());
            Assert.Equal("aes-256-icm", g.Str("srtp-cipher"));
            Assert.Equal("hmac-sha1-80", g.Str("srtp-auth"));
            Assert.Equal(TekTransportTests.KeyAndSalt(ini.Bundle.Get(0)), g.Str("srtp-key"));

            // The other way: the same SDP with GStreamer's own message for that suite, found and decoded by SdpKeyMgmt.
            GstMikey.Result theirs = GstMikey.FromCaps("aes-256-icm", "hmac-sha1-80", new string('b', 92), 0x0DE5C002);
            Assert.True(theirs.ExitCode == 0, theirs.ToString());
            var finder = new SdpKeyMgmt();
            finder.Reset(sdp.Replace(Convert.ToBase64String(offer, 0, ini.OfferLength), theirs.Str("base64")));
            Assert.True(finder.FindNext());
            Assert.True(finder.IsMikey);
            Assert.Equal(0, finder.MediaIndex);
            byte[] msg = new byte[finder.DataLength];
            int n = finder.DecodeData(msg, 0);
            PskResponder resp = GStreamerMikeyTests.NullResponder(msg, n);
            Assert.Equal(MikeyExchangeStatus.Ok, resp.Respond(msg, 0, n, new byte[64], 0, 64));
            Assert.Equal(0x0DE5C002u, resp.Bundle.Get(0).Ssrc);
            GStreamerMikeyTests.AssertPolicy(resp.Bundle.Get(0).Policy, "aes-256-icm", "hmac-sha1-80");
        }

        [Fact]
        public void OurFormattedHeaderIsTheOneGStreamerWrites()
        {
            // RtspKeyMgmtHeader.Format(compact) = gst_sdp_make_keymgmt for the same message and uri.
            const string uri = "rtsp://127.0.0.1:8554/record/stream=0";
            GstMikey.Result g = GstMikey.KeyMgmtHeader("aes-128-icm", "hmac-sha1-80", new string('a', 60), uri, 1);
            Assert.True(g.ExitCode == 0, g.ToString());
            string value = g.Str("keymgmt");
            var h = new RtspKeyMgmtHeader();
            Assert.True(h.Parse(value));
            byte[] msg = new byte[h.DataLength];
            int n = h.DecodeData(msg, 0);
            Assert.Equal(value, RtspKeyMgmtHeader.Format(uri, msg, 0, n, compact: true));
        }
    }
}
