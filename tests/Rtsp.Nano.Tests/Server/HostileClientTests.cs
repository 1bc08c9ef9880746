using System.Text.RegularExpressions;
using NanoMikey.Crypto.Random;
using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Time;
using NanoMikey.Mikey.Transport;
using NanoMikey.Rtsp.Server;
using NanoMikey.Srtp.Policy;
using Xunit.Abstractions;

namespace NanoMikey.Rtsp.Tests.Server
{
    /// <summary>
    /// Hostile and broken clients against the server on real TCP (127.0.0.1, ports 18700-18799 belong to this class): each
    /// gets its status (RFC 2326 §7.1.1, RFC 4567 §5.4), memory stays bounded (fixed slots: one too many is answered 503, a
    /// silent connection is freed by its timeout), a failed SETUP changes nothing, and a client that is playing meanwhile —
    /// GStreamer's rtspsrc — is not disturbed: its audio still matches.
    /// </summary>
    public class HostileClientTests
    {
        private readonly ITestOutputHelper _out;

        public HostileClientTests(ITestOutputHelper output) => _out = output;

        internal static string Status(string? answer) => answer == null ? "none" : answer.Substring(9, 3);

        [Fact]
        public void HostileRequestsGetTheirStatusWhileRtspsrcKeepsPlaying()
        {
            const int port = 18700;
            var options = new RtspServerOptions { MaxClients = 3, IdleConnectionMicros = 1_000_000 };
            using var f = new HostServerFixture(port, 18710, SrtpPolicy.AesCm128HmacSha1_80(), options);
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-rtsp-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string wav = Path.Combine(dir, "gst.wav");
            GstProcess.WarmUp();
            using var gst = GstProcess.Start("-e", "rtspsrc", $"location=rtsp://127.0.0.1:{port}/audio", "protocols=udp", "latency=100",
                "!", "rtppcmudepay", "!", "mulawdec", "!", "wavenc", "!", "filesink", "location=" + wav);
            try
            {
                Assert.True(f.Pump(() => f.Server.PlayingCount == 1 || gst.HasExited, 20000), "rtspsrc did not start playing\n" + gst.Output);
                string uri = $"rtsp://127.0.0.1:{port}/audio";

                using (var c = new RawRtspClient(f, port))
                {
                    // Truncated: half a request, then the client goes away; the slot is freed.
                    c.Send("DESCRIBE " + uri + " RTSP/1.0\r\nCSe");
                    f.Pump(() => false, 100);
                }

                Assert.True(f.Pump(() => f.Server.ClientCount == 1, 2000), "the truncated client's slot was not freed");

                (string request, string status)[] cases =
                {
                    ("GARBAGE\r\n\r\n", "400"),
                    ("OPTIONS " + uri + " RTSP/1.0\r\n\r\n", "400"), // no CSeq
                    ("FOO " + uri + " RTSP/1.0\r\nCSeq: 1\r\n\r\n", "501"),
                    ("ANNOUNCE " + uri + " RTSP/1.0\r\nCSeq: 1\r\n\r\n", "405"),
                    ("OPTIONS " + uri + " RTSP/2.0\r\nCSeq: 1\r\n\r\n", "505"),
                    ("DESCRIBE rtsp://127.0.0.1:" + port + "/" + new string('a', 300) + " RTSP/1.0\r\nCSeq: 1\r\n\r\n", "414"),
                    ("OPTIONS " + uri + " RTSP/1.0\r\nCSeq: 1\r\nX-Big: " + new string('x', 1500) + "\r\n\r\n", "413"),
                    ("OPTIONS " + uri + " RTSP/1.0\r\nCSeq: 1\r\n" + string.Concat(Enumerable.Range(0, 200).Select(i => "H" + i + ": v\r\n")) + "\r\n", "413"),
                    ("SET_PARAMETER " + uri + " RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 100000\r\n\r\n", "413"),
                    ("PLAY " + uri + " RTSP/1.0\r\nCSeq: 1\r\nSession: 12345678\r\n\r\n", "454"),
                    ("PLAY " + uri + " RTSP/1.0\r\nCSeq: 1\r\n\r\n", "454"),
                    ("DESCRIBE rtsp://127.0.0.1:" + port + "/video RTSP/1.0\r\nCSeq: 1\r\n\r\n", "404"),
                    ("SETUP " + uri + "/stream=0 RTSP/1.0\r\nCSeq: 1\r\nTransport: RTP/SAVP;unicast;client_port=5000-5001\r\n\r\n", "455"), // no DESCRIBE
                };
                foreach (var (request, status) in cases)
                {
                    using var c = new RawRtspClient(f, port);
                    string? answer = c.Request(request);
                    _out.WriteLine(status + " <- " + (answer ?? "none").Split("\r\n")[0]);
                    Assert.Equal(status, Status(answer));
                }

                using (var c = new RawRtspClient(f, port))
                {
                    Assert.Equal("200", Status(c.Request("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")));
                    string setup = "SETUP " + uri + "/stream=0 RTSP/1.0\r\nCSeq: 2\r\nTransport: {0}\r\n{1}\r\n";
                    // Bad base64 in KeyMgmt: 400. No KeyMgmt: 403 (RFC 4567 §3.2). No transport we serve: 461. The aggregate: 459.
                    Assert.Equal("400", Status(c.Request(string.Format(setup, "RTP/SAVP;unicast;client_port=5000-5001", "KeyMgmt: prot=mikey; uri=\"\"; data=\"AQ*=\"\r\n"))));
                    Assert.Equal("403", Status(c.Request(string.Format(setup, "RTP/SAVP;unicast;client_port=5000-5001", ""))));
                    Assert.Equal("461", Status(c.Request(string.Format(setup, "RTP/AVP;unicast;client_port=5000-5001,RTP/SAVP;multicast", ""))));
                    Assert.Equal("459", Status(c.Request("SETUP " + uri + " RTSP/1.0\r\nCSeq: 3\r\nTransport: RTP/SAVP;unicast;client_port=5000-5001\r\n\r\n")));
                    // Valid base64 that is no MIKEY: 463 Key management failure, and no session came of it.
                    Assert.Equal("463", Status(c.Request(string.Format(setup, "RTP/SAVP;unicast;client_port=5000-5001", "KeyMgmt: prot=mikey; uri=\"\"; data=\"AQIDBAUGBwg=\"\r\n"))));
                    Assert.Equal("454", Status(c.Request("PLAY " + uri + " RTSP/1.0\r\nCSeq: 4\r\nSession: 00000001\r\n\r\n")));
                }

                // Silent connections hold slots only until their timeout; while every slot is taken, one more gets 503.
                Assert.True(f.Pump(() => f.Server.ClientCount == 1, 2000), "closed clients still hold slots: " + f.Server.ClientCount);
                using (var s1 = new RawRtspClient(f, port))
                using (var s2 = new RawRtspClient(f, port))
                {
                    Assert.True(f.Pump(() => f.Server.ClientCount == 3, 2000), "silent clients not accepted: " + f.Server.ClientCount + " clients, refused " + f.Server.Refused);
                    using (var extra = new RawRtspClient(f, port))
                    {
                        Assert.Equal("503", Status(extra.ReadAnswer()));
                        Assert.True(extra.WaitClosed(2000));
                    }

                    Assert.True(s1.WaitClosed(3000) && s2.WaitClosed(3000), "silent connections not closed by the idle timeout");
                    Assert.Equal(1, f.Server.ClientCount);
                    using var after = new RawRtspClient(f, port);
                    Assert.Equal("200", Status(after.Request("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n")));
                }

                Assert.Equal(1, f.Server.PlayingCount);
                f.Pump(() => gst.HasExited, 2000);
                gst.Interrupt();
                Assert.True(f.Pump(() => gst.HasExited, 15000), "gst-launch-1.0 did not stop");
                short[] received = WavFile.Read(wav);
                SignalToNoise snr = SignalToNoise.Measure(f.Sent.ToArray(), received);
                _out.WriteLine($"rtspsrc: {received.Length} samples of {f.Sent.Count} sent, SNR {snr}; refused {f.Server.Refused}, dropped {f.Server.Dropped}");
                Assert.True(received.Length >= f.Sent.Count - 8000, "rtspsrc lost audio while the hostile clients were served");
                Assert.True(snr.Decibels >= DemoReport.SnrThresholdDecibels, "SNR " + snr);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void InPskModeAFailedKeyIs463AndChangesNothing()
        {
            const int port = 18720;
            using var f = new HostServerFixture(port, 18730, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] psk = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
            byte[] wrong = psk.Select(b => (byte)(b ^ 0x5A)).ToArray();
            f.Keys.SetPreSharedKey(psk, 0, psk.Length);
            string uri = $"rtsp://127.0.0.1:{port}/audio";
            using var c = new RawRtspClient(f, port);
            Assert.Equal("200", Status(c.Request("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")));

            string? ok = c.Request(Setup(uri, 2, null, ClientKey(psk, nullMode: false)));
            Assert.Equal("200", Status(ok));
            string session = Regex.Match(ok!, "Session: ([0-9A-F]{8});timeout=60").Groups[1].Value;
            Assert.Equal(8, session.Length);

            // A MIKEY that fails authentication (another PSK), and a MIKEY-NULL one (refused in PSK mode): 463, session kept.
            Assert.Equal("463", Status(c.Request(Setup(uri, 3, session, ClientKey(wrong, nullMode: false)))));
            Assert.Equal("463", Status(c.Request(Setup(uri, 4, session, ClientKey(psk, nullMode: true)))));
            Assert.Equal("200", Status(c.Request("PLAY " + uri + " RTSP/1.0\r\nCSeq: 5\r\nSession: " + session + "\r\n\r\n")));
            Assert.Equal(1, f.Server.PlayingCount);
            Assert.Equal("200", Status(c.Request("TEARDOWN " + uri + " RTSP/1.0\r\nCSeq: 6\r\nSession: " + session + "\r\n\r\n")));
            Assert.Equal(0, f.Server.PlayingCount);
        }

        [Fact]
        public void InPskModeTheOfferIsAuthenticatedAndCarriesTheStreamKey()
        {
            const int port = 18722;
            using var f = new HostServerFixture(port, 18732, SrtpPolicy.AesCm128HmacSha1_80());
            using var media = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 18734));
            byte[] psk = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
            f.Keys.SetPreSharedKey(psk, 0, psk.Length);
            string uri = $"rtsp://127.0.0.1:{port}/audio";
            using var c = new RawRtspClient(f, port);
            string? describe = c.Request("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            Assert.Equal("200", Status(describe));
            byte[] offer = Convert.FromBase64String(Regex.Match(describe!, "a=key-mgmt:mikey ([A-Za-z0-9+/=]+)").Groups[1].Value);

            // Another PSK: the offer does not authenticate. The right one: the stream's key, as one of ours reads it.
            var clock = new HostMikeyClock();
            var wrong = new PskResponder(new HostAesEngineFactory(), clock, new ReplayCache(4, clock, new FreshnessPolicy()));
            wrong.SetPreSharedKey(psk.Select(b => (byte)~b).ToArray(), 0, psk.Length);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, wrong.Respond(offer, 0, offer.Length, new byte[256], 0, 256));
            var client = new PskResponder(new HostAesEngineFactory(), clock, new ReplayCache(4, clock, new FreshnessPolicy()));
            client.SetPreSharedKey(psk, 0, psk.Length);
            Assert.Equal(MikeyExchangeStatus.Ok, client.Respond(offer, 0, offer.Length, new byte[256], 0, 256));
            var stream = client.Bundle.Get(0).CreateSrtpContext(NanoMikey.Srtp.Context.SrtpDirection.Inbound, null, SrtpMinimumPolicy.Strict);

            string? setup = c.Request("SETUP " + uri + "/stream=0 RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/SAVP;unicast;client_port=18734-18735\r\nKeyMgmt: " +
                ClientKey(psk, nullMode: false) + "\r\n\r\n");
            Assert.Equal("200", Status(setup));
            Assert.Contains("ssrc=" + client.Bundle.Get(0).Ssrc.ToString("X8"), setup);
            string session = Regex.Match(setup!, "Session: ([0-9A-F]{8})").Groups[1].Value;
            Assert.Equal("200", Status(c.Request("PLAY " + uri + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + session + "\r\n\r\n")));
            byte[] frame = Enumerable.Range(0, 160).Select(i => (byte)i).ToArray();
            Assert.Equal(1, f.Server.PushFrame(frame, 0, 160));
            var from = new System.Net.IPEndPoint(System.Net.IPAddress.Any, 0);
            media.Client.ReceiveTimeout = 2000;
            byte[] packet = media.Receive(ref from);
            int length = packet.Length;
            Assert.Equal(NanoMikey.Srtp.SrtpStatus.Ok, stream.Unprotect(packet, 0, ref length));
            Assert.Equal(frame, packet.AsSpan(12, length - 12).ToArray());
        }

        private static string Setup(string uri, int cseq, string? session, string keyMgmt) =>
            "SETUP " + uri + "/stream=0 RTSP/1.0\r\nCSeq: " + cseq + "\r\nTransport: RTP/SAVP;unicast;client_port=5000-5001\r\n" +
            (session != null ? "Session: " + session + "\r\n" : "") + "KeyMgmt: " + keyMgmt + "\r\n\r\n";

        // The client's own MIKEY (its RTCP key), PSK-authenticated or NULL, as one of ours would send it.
        internal static string ClientKey(byte[] psk, bool nullMode)
        {
            var clock = new HostMikeyClock();
            var initiator = new PskInitiator(new HostAesEngineFactory(), new HmacDrbg(new HostEntropySource(), null), clock) { UseNullMode = nullMode };
            initiator.SetPreSharedKey(psk, 0, psk.Length);
            initiator.AddCryptoSession(0x11223344, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] m = new byte[512];
            Assert.Equal(MikeyExchangeStatus.Ok, initiator.WriteOffer(m, 0, m.Length));
            return RtspKeyMgmtHeader.Format("", m, 0, initiator.OfferLength, false);
        }
    }
}
