using NanoMikey.Emulator.Audio;
using NanoMikey.Net.Sockets;
using NanoMikey.Rtsp.Client;
using NanoMikey.Srtp.Policy;
using Xunit.Abstractions;

namespace NanoMikey.Rtsp.Tests
{
    /// <summary>
    /// Our client RECORDs a tone into GStreamer's own RTSP server (the gst-rtsp-server fixture, RTP/SAVP, RECORD mode): our
    /// MIKEY goes in the ANNOUNCE SDP and the SETUP KeyMgmt, the server's SRTCP key comes back in the ANNOUNCE answer, and
    /// the server decrypts and decodes what we sent into a WAV. Ports 18600..18619.
    /// </summary>
    public class ClientRecordTests
    {
        private readonly ITestOutputHelper _out;

        public ClientRecordTests(ITestOutputHelper output) => _out = output;

        public static IEnumerable<object[]> Policies() => new[]
        {
            new object[] { "AES_CM_128_HMAC_SHA1_80", 18600 },
            new object[] { "AES_256_CM_HMAC_SHA1_80", 18601 },
        };

        internal static SrtpPolicy Policy(string name) => name switch
        {
            "AES_CM_128_HMAC_SHA1_80" => SrtpPolicy.AesCm128HmacSha1_80(),
            "AES_CM_128_HMAC_SHA1_32" => SrtpPolicy.AesCm128HmacSha1_32(),
            "AES_256_CM_HMAC_SHA1_80" => SrtpPolicy.AesCm256HmacSha1_80(),
            "AEAD_AES_128_GCM" => SrtpPolicy.AeadAes128Gcm(),
            _ => throw new ArgumentException(name),
        };

        [Theory]
        [MemberData(nameof(Policies))]
        public void RecordedToneReachesGStreamerDecryptedAndDecoded(string policy, int port)
        {
            string wav = Path.Combine(Path.GetTempPath(), "nanomikey-record-" + port + "-" + Environment.ProcessId + ".wav");
            File.Delete(wav);
            try
            {
                using var server = new ClientGstServer(port, "record", "--wav-out", wav);
                using var h = new ClientHarness(RtspClientMode.Record);
                var tone = new ClientToneSource(440, 0.5);
                h.Client.Source = tone;
                Assert.Equal(RtspClientStatus.None, h.Client.Start(IPv4.Loopback, port, "rtsp://127.0.0.1:" + port + "/test", 0x4E414E4F, Policy(policy), h.Now));
                Assert.True(h.RunUntil(() => h.Client.State == RtspClientState.Streaming || h.Client.State == RtspClientState.Failed, 10000),
                    "no session: " + h.Client.State);
                Assert.True(RtspClientState.Streaming == h.Client.State, h.Client.Failure + " " + h.Client.LastStatusCode + " " + h.Client.KeyStatus + "\n" + server.Stderr);

                // Steady state: once each SRTCP direction has carried a report (the SRTP context derives its SRTCP session
                // keys on first use), Run allocates nothing while it streams.
                Assert.True(h.RunUntil(() => h.Client.ReportsSent >= 1 && h.Client.ReportsReceived >= 1, 15000),
                    "reports sent " + h.Client.ReportsSent + ", received " + h.Client.ReportsReceived + ", dropped " + h.Client.Dropped);
                uint from = h.Client.PacketsSent;
                h.Measuring = true;
                Assert.True(h.RunUntil(() => h.Client.PacketsSent >= from + 50, 5000));
                h.Measuring = false;
                Assert.True(0 == h.AllocatedInRun, h.AllocatedInRun + " bytes allocated in " + h.MeasuredRuns + " Runs");

                h.Client.Stop(h.Now);
                Assert.True(h.RunUntil(() => h.Client.State == RtspClientState.Closed, 5000), "teardown: " + h.Client.State + " " + h.Client.Failure);
                Assert.Equal(200, h.Client.LastStatusCode);

                Assert.True(server.WaitFor("WAV " + wav, 10000), "no WAV written\n" + server.Stdout + server.Stderr);
                short[] received = WavFile.Read(wav);
                short[] sent = tone.Sent.ToArray();
                var snr = SignalToNoise.Measure(sent, received);
                _out.WriteLine(policy + ": sent " + sent.Length + " samples, GStreamer decoded " + received.Length + ", SNR " + snr
                    + ", server reports " + h.Client.ReportsReceived);
                Assert.True(received.Length >= sent.Length * 3 / 4, "decoded only " + received.Length + " of " + sent.Length + " samples");
                Assert.True(snr.Decibels >= ClientHarness.MinSnrDb, "SNR " + snr);
            }
            finally
            {
                File.Delete(wav);
            }
        }
    }
}
