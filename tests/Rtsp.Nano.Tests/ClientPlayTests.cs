using NanoMikey.Emulator.Audio;
using NanoMikey.Net.Sockets;
using NanoMikey.Rtsp.Client;
using NanoMikey.Srtp.Policy;
using Xunit.Abstractions;

namespace NanoMikey.Rtsp.Tests
{
    /// <summary>
    /// Our client PLAYs GStreamer's own RTSP server (the gst-rtsp-server fixture serving a 440 Hz µ-law tone over RTP/SAVP
    /// with a policy and master key we choose): it takes the key from the SDP's a=key-mgmt:mikey, sends its own in the SETUP
    /// KeyMgmt, and decrypts and decodes the stream. Ports 18620..18639.
    /// </summary>
    public class ClientPlayTests
    {
        private readonly ITestOutputHelper _out;

        public ClientPlayTests(ITestOutputHelper output) => _out = output;

        // srtpenc cipher/auth, the key ‖ salt it is given, port.
        public static IEnumerable<object[]> Policies() => new[]
        {
            new object[] { "aes-128-icm", "hmac-sha1-80", 30, 18620 },
            new object[] { "aes-128-icm", "hmac-sha1-32", 30, 18621 },
            new object[] { "aes-256-icm", "hmac-sha1-80", 46, 18622 },
            new object[] { "aes-128-gcm", "null", 28, 18623 },
        };

        [Theory]
        [MemberData(nameof(Policies))]
        public void PlayedStreamIsDecryptedWithTheKeyFromTheSdp(string cipher, string auth, int keyLength, int port)
        {
            byte[] key = new byte[keyLength];
            new Random(port).NextBytes(key);
            using var server = new ClientGstServer(port, "play", "--tone", "440", "--volume", "0.5", "--cipher", cipher, "--auth", auth,
                "--key", Convert.ToHexString(key));
            using var h = new ClientHarness(RtspClientMode.Play, port);
            var sink = new ClientPcmSink();
            h.Client.Sink = sink;
            Assert.Equal(RtspClientStatus.None, h.Client.Start(IPv4.Loopback, port, "rtsp://127.0.0.1:" + port + "/test", 0x504C4159,
                SrtpPolicy.AesCm128HmacSha1_80(), h.Now));
            Assert.True(h.RunUntil(() => h.Client.State == RtspClientState.Streaming || h.Client.State == RtspClientState.Failed, 10000),
                "no session: " + h.Client.State);
            Assert.True(RtspClientState.Streaming == h.Client.State, h.Client.Failure + " " + h.Client.LastStatusCode + " " + h.Client.KeyStatus + "\n" + server.Stderr);
            Assert.NotEqual(0u, h.Client.ServerSsrc);

            // Steady state: once each SRTCP direction has carried a report (SRTCP session keys are derived on first use),
            // Run allocates nothing while it receives, decrypts and decodes.
            Assert.True(h.RunUntil(() => h.Client.ReportsSent >= 1 && h.Client.ReportsReceived >= 1, 15000),
                "reports sent " + h.Client.ReportsSent + ", received " + h.Client.ReportsReceived + ", dropped " + h.Client.Dropped);
            int from = sink.Received.Count;
            h.Measuring = true;
            Assert.True(h.RunUntil(() => sink.Received.Count >= from + 8000, 5000));
            h.Measuring = false;
            Assert.True(0 == h.AllocatedInRun, h.AllocatedInRun + " bytes allocated in " + h.MeasuredRuns + " Runs");

            Assert.True(h.RunUntil(() => sink.Received.Count >= 24000, 15000),
                "received " + h.Client.PacketsReceived + " packets, auth failures " + h.Client.AuthenticationFailures + ", dropped " + h.Client.Dropped);
            h.Client.Stop(h.Now);
            Assert.True(h.RunUntil(() => h.Client.State == RtspClientState.Closed, 5000), "teardown: " + h.Client.State + " " + h.Client.Failure);
            Assert.Equal(0u, h.Client.AuthenticationFailures);

            short[] sent = new short[16000];
            new ToneSource(ToneShape.Sine, 440, 0.5).Read(sent, 0, sent.Length);
            var snr = SignalToNoise.Measure(sent, sink.Received.ToArray());
            _out.WriteLine(cipher + "/" + auth + ": " + h.Client.PacketsReceived + " packets, " + sink.Received.Count + " samples, SNR " + snr
                + ", server reports " + h.Client.ReportsReceived + ", dropped " + h.Client.Dropped);
            Assert.True(snr.Decibels >= ClientHarness.MinSnrDb, "SNR " + snr);
        }
    }
}
