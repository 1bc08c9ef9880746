using System.Diagnostics;
using System.Text;
using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Rtsp.Server;
using NanoMikey.Srtp.Policy;
using Xunit.Abstractions;

namespace NanoMikey.Rtsp.Tests.Server
{
    /// <summary>
    /// Our RTSP server on 127.0.0.1 played by GStreamer's rtspsrc (a real RFC 4567 client: it reads our SDP's MIKEY-NULL, keys
    /// its srtpdec with it, sends its own MIKEY in SETUP and SRTCP receiver reports), over UDP and over interleaved TCP, for the
    /// four policies. The WAV GStreamer writes must match the tone the server sent: SNR ≥ <see cref="DemoReport.SnrThresholdDecibels"/>
    /// (20 dB; G.711 alone gives ~37 dB on this tone, a wrong key or a broken packet gives noise near 0 dB — the emulator's
    /// GStreamer test uses the same threshold). What the server put on the wire is SRTP (no packet carries a plaintext
    /// frame) and SRTCP. Fails when gst-launch-1.0 or the plugins are missing (the README's test command installs them).
    /// Ports 18500-18599 (RTSP) and 18600-18699 (RTP/RTCP) belong to this class.
    /// </summary>
    public class GStreamerPlayTests
    {
        private readonly ITestOutputHelper _out;

        public GStreamerPlayTests(ITestOutputHelper output) => _out = output;

        public static TheoryData<string, bool, int> Cases => new()
        {
            { "AES_CM_128_HMAC_SHA1_80", false, 0 },
            { "AES_CM_128_HMAC_SHA1_80", true, 1 },
            { "AES_CM_128_HMAC_SHA1_32", false, 2 },
            { "AES_CM_128_HMAC_SHA1_32", true, 3 },
            { "AES_256_CM_HMAC_SHA1_80", false, 4 },
            { "AES_256_CM_HMAC_SHA1_80", true, 5 },
            { "AEAD_AES_128_GCM", false, 6 },
            { "AEAD_AES_128_GCM", true, 7 },
        };

        internal static SrtpPolicy Policy(string name) => name switch
        {
            "AES_CM_128_HMAC_SHA1_80" => SrtpPolicy.AesCm128HmacSha1_80(),
            "AES_CM_128_HMAC_SHA1_32" => SrtpPolicy.AesCm128HmacSha1_32(),
            "AES_256_CM_HMAC_SHA1_80" => SrtpPolicy.AesCm256HmacSha1_80(),
            "AEAD_AES_128_GCM" => SrtpPolicy.AeadAes128Gcm(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void RtspsrcPlaysOurSrtpStream(string policy, bool tcp, int index)
        {
            int rtspPort = 18500 + index, rtpPort = 18600 + 2 * index;
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-rtsp-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string wav = Path.Combine(dir, "gst.wav");
            using var f = new HostServerFixture(rtspPort, rtpPort, Policy(policy));
            GstProcess.WarmUp();
            using var gst = GstProcess.Start("-e", "rtspsrc", $"location=rtsp://127.0.0.1:{rtspPort}/audio", "protocols=" + (tcp ? "tcp" : "udp"),
                "latency=100", "!", "rtppcmudepay", "!", "mulawdec", "!", "wavenc", "!", "filesink", "location=" + wav);
            try
            {
                Assert.True(f.Pump(() => f.Server.PlayingCount == 1 || gst.HasExited, 20000), "rtspsrc did not start playing; last status " + f.Server.LastStatus + "\n" + gst.Output);
                Assert.True(f.Pump(() => gst.HasExited, 6000) == false, "gst-launch-1.0 stopped early:\n" + gst.Output);
                gst.Interrupt();
                // rtspsrc tears down on EOS: keep serving until it is gone.
                Assert.True(f.Pump(() => gst.HasExited, 15000), "gst-launch-1.0 did not stop");
                _out.WriteLine(gst.Output);
                _out.WriteLine($"server: {f.Server.PacketsSent} SRTP packets, {f.Server.ReportsSent} SRTCP SR sent, {f.Server.ReportsReceived} SRTCP RR received, {f.Server.Dropped} dropped, last status {f.Server.LastStatus}");
                Assert.True(File.Exists(wav), "GStreamer wrote no WAV:\n" + gst.Output);
                short[] received = WavFile.Read(wav);
                short[] sent = f.Sent.ToArray();
                _out.WriteLine($"sent {sent.Length} samples, GStreamer wrote {received.Length}");
                Assert.True(received.Length > 8000 * 4, "GStreamer decoded less than 4 s of the 6 s stream:\n" + gst.Output);
                SignalToNoise snr = SignalToNoise.Measure(sent, received);
                _out.WriteLine("SNR " + snr);
                Assert.True(snr.Decibels >= DemoReport.SnrThresholdDecibels, "SNR " + snr);
                Assert.Equal(0, f.Server.PlayingCount); // TEARDOWN answered and the session gone
                Assert.True(f.Server.ReportsReceived > 0, "no SRTCP report from rtspsrc authenticated with its KeyMgmt key");
                Assert.True(f.Server.ReportsSent > 0, "no SRTCP sender report sent");
                if (!tcp) WireShowsSrtpOnly(f, Policy(policy));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void TwoRtspsrcPlayAtOnceEachWithItsOwnKeys()
        {
            const int rtspPort = 18520, rtpPort = 18620;
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-rtsp-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            using var f = new HostServerFixture(rtspPort, rtpPort, SrtpPolicy.AesCm128HmacSha1_80());
            GstProcess.WarmUp();
            var players = new List<GstProcess>();
            try
            {
                foreach (string protocol in new[] { "udp", "tcp" })
                {
                    players.Add(GstProcess.Start("-e", "rtspsrc", $"location=rtsp://127.0.0.1:{rtspPort}/audio", "protocols=" + protocol, "latency=100",
                        "!", "rtppcmudepay", "!", "mulawdec", "!", "wavenc", "!", "filesink", "location=" + Path.Combine(dir, protocol + ".wav")));
                }

                Assert.True(f.Pump(() => f.Server.PlayingCount == 2, 20000), "both did not start playing\n" + players[0].Output + players[1].Output);
                f.Pump(() => false, 4000);
                Assert.Equal(2, f.Server.PlayingCount);
                foreach (GstProcess p in players) p.Interrupt();
                Assert.True(f.Pump(() => players.All(p => p.HasExited), 15000), "gst-launch-1.0 did not stop");
                Assert.Equal(0, f.Server.ClientCount);
                foreach (string protocol in new[] { "udp", "tcp" })
                {
                    // The two-tone signal repeats every 40 samples, so each player's WAV aligns with what was sent whenever it joined.
                    short[] received = WavFile.Read(Path.Combine(dir, protocol + ".wav"));
                    SignalToNoise snr = SignalToNoise.Measure(f.Sent.ToArray(), received);
                    _out.WriteLine($"{protocol}: {received.Length} samples, SNR {snr}");
                    Assert.True(received.Length > 8000 * 3, protocol + ": less than 3 s decoded");
                    Assert.True(snr.Decibels >= DemoReport.SnrThresholdDecibels, protocol + ": SNR " + snr);
                }

                // Distinct SSRCs and keys per client: the UDP client's packets are not the TCP client's (RFC 3711 §9.1: no two-time pad).
                Assert.True(f.Server.ReportsReceived >= 2, "SRTCP from both clients expected");
            }
            finally
            {
                foreach (GstProcess p in players) p.Dispose();
                Directory.Delete(dir, true);
            }
        }

        // The server's own record of the wire: every RTP datagram is SRTP (payload not one of the plaintext frames, tag
        // after it), every RTCP datagram SRTCP (E flag set in the SRTCP index, RFC 3711 §3.4).
        private static void WireShowsSrtpOnly(HostServerFixture f, SrtpPolicy policy)
        {
            var plain = new HashSet<string>(f.Frames.Select(Convert.ToHexString));
            Assert.NotEmpty(f.Rtp.SentDatagrams);
            foreach (byte[] d in f.Rtp.SentDatagrams)
            {
                Assert.True(d.Length > 12 + 160, "no room for a tag: " + d.Length);
                Assert.DoesNotContain(Convert.ToHexString(d, 12, 160), plain);
            }

            Assert.NotEmpty(f.Rtcp.SentDatagrams);
            foreach (byte[] d in f.Rtcp.SentDatagrams)
            {
                Assert.Equal(200, d[1]); // SR first in the compound
                // E ‖ SRTCP index just before the authentication tag (RFC 3711 §3.4); last with AEAD (RFC 7714 §17).
                int tag = policy.IsAead ? 0 : policy.EffectiveSrtcpTagLength;
                Assert.True((d[d.Length - tag - 4] & 0x80) != 0, "SRTCP E flag not set");
            }
        }
    }

    /// <summary>gst-launch-1.0 as a child process, its output collected, killed by pid when disposed.</summary>
    internal sealed class GstProcess : IDisposable
    {
        private readonly Process _p;
        private readonly StringBuilder _output = new StringBuilder();

        private GstProcess(Process p)
        {
            _p = p;
            _p.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
            _p.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
            _p.BeginOutputReadLine();
            _p.BeginErrorReadLine();
        }

        public bool HasExited => _p.HasExited;

        public string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        /// <summary>A first gst-launch-1.0 builds GStreamer's plugin registry (seconds): done before a stream starts.</summary>
        public static void WarmUp()
        {
            using Process warm = Process.Start(new ProcessStartInfo("gst-launch-1.0", "-q fakesrc num-buffers=1 ! fakesink") { RedirectStandardError = true, RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("gst-launch-1.0 did not start");
            warm.StandardOutput.ReadToEnd();
            warm.StandardError.ReadToEnd();
            warm.WaitForExit();
        }

        public static GstProcess Start(params string[] args)
        {
            var psi = new ProcessStartInfo("gst-launch-1.0") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in args) psi.ArgumentList.Add(a);
            return new GstProcess(Process.Start(psi) ?? throw new InvalidOperationException("gst-launch-1.0 did not start"));
        }

        /// <summary>SIGINT: with -e, end of stream first (wavenc writes its header, rtspsrc sends TEARDOWN).</summary>
        public void Interrupt()
        {
            using Process kill = Process.Start("kill", new[] { "-INT", _p.Id.ToString() })!;
            kill.WaitForExit();
        }

        public void Dispose()
        {
            try
            {
                if (!_p.HasExited) _p.Kill();
            }
            catch (InvalidOperationException)
            {
            }

            _p.Dispose();
        }
    }
}
