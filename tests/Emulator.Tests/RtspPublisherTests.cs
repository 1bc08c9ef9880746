using System.Diagnostics;
using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Roles;
using NanoMikey.Net.Sockets;
using NanoMikey.Rtsp.Client;
using Xunit.Abstractions;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>
    /// The whole device as an RTSP publisher: the firmware's <see cref="RtspPublisher"/> on an emulated board with real
    /// loopback sockets (127.0.0.38) syncs its clock by SNTP, then records its microphone into a real gst-rtsp-server
    /// (tests/Rtsp.Nano.Tests/Fixtures/gst_rtsp_server.py, SAVP profile, RECORD mode): ANNOUNCE with MIKEY-NULL in the SDP,
    /// the server's key from the ANNOUNCE answer, SETUP mode=record, RECORD, SRTP, TEARDOWN. The WAV the server decodes must
    /// match the microphone (SNR ≥ <see cref="DemoReport.SnrThresholdDecibels"/>). Fails when python3-gi or
    /// gst-rtsp-server are missing (the README's test command installs them).
    /// </summary>
    public class RtspPublisherTests
    {
        private const int RecorderPort = 18890;
        private readonly ITestOutputHelper _out;

        public RtspPublisherTests(ITestOutputHelper output)
        {
            _out = output;
        }

        [Fact]
        public void TheSensorRecordsItsMicrophoneIntoGstRtspServer()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-publish-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string wav = Path.Combine(dir, "recorded.wav");
            Process? server = null;
            var log = new System.Text.StringBuilder();
            try
            {
                string script = Path.Combine(TestData.RepoRoot, "tests", "Rtsp.Nano.Tests", "Fixtures", "gst_rtsp_server.py");
                var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (string a in new[] { script, "record", "--port", RecorderPort.ToString(), "--wav-out", wav }) psi.ArgumentList.Add(a);
                server = Process.Start(psi) ?? throw new InvalidOperationException("/usr/bin/python3 did not start");
                server.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
                server.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
                server.BeginOutputReadLine();
                server.BeginErrorReadLine();
                var ready = Stopwatch.StartNew();
                while (!Logged(log, "READY " + RecorderPort) && ready.ElapsedMilliseconds < 20000 && !server.HasExited) Thread.Sleep(20);
                Assert.True(Logged(log, "READY " + RecorderPort), "gst-rtsp-server fixture did not start: " + log);

                var scheduler = new VirtualScheduler { Paced = true };
                uint sensorAddress = IPv4.FromOctets(127, 0, 0, 38), timeAddress = IPv4.FromOctets(127, 0, 0, 58);
                DeviceConfig config = LoopbackSensor.Configure(scheduler, sensorAddress, timeAddress);
                config.RtpPort = 18894;
                Assert.True(config.SetRtspRecordUri("rtsp://127.0.0.1:" + RecorderPort + "/test"));
                config.StreamSeconds = 5;
                var sensor = LoopbackSensor.Start(scheduler, config);
                RtspPublisher role = sensor.RtspPublisher ?? throw new InvalidOperationException("not an RTSP publisher");

                bool done = scheduler.RunUntil(() => role.Finished || role.Failures > 0, 30_000_000);
                RtspClient c = role.Client!;
                _out.WriteLine($"publisher: {role.State}, failures {role.Failures} ({role.LastFailure}); client {c.State}, {c.PacketsSent} SRTP sent, " +
                    $"{c.ReportsSent} SR sent, {c.ReportsReceived} reports received, last status {c.LastStatusCode}");
                Assert.True(done && role.Finished && role.Failures == 0, "the publisher did not record and tear down: " + role.LastFailure + "\n" + log);
                Assert.True(c.ReportsReceived > 0, "no SRTCP report from the recorder was authenticated with its ANNOUNCE-answer key");

                // The fixture writes the WAV when the media is unprepared after TEARDOWN.
                var sw = Stopwatch.StartNew();
                while (!File.Exists(wav) && sw.ElapsedMilliseconds < 10000) Thread.Sleep(50);
                Thread.Sleep(200);
                Assert.True(File.Exists(wav), "gst-rtsp-server wrote no WAV: " + log);
                short[] received = WavFile.Read(wav);
                short[] sent = sensor.Microphone!.ToArray();
                _out.WriteLine($"microphone {sent.Length} samples; the recorder decoded {received.Length}");
                Assert.True(received.Length > 8000 * 3, "the recorder decoded less than 3 s of the 5 s stream");
                SignalToNoise snr = SignalToNoise.Measure(sent, received);
                _out.WriteLine("SNR " + snr);
                Assert.True(snr.Decibels >= DemoReport.SnrThresholdDecibels, "SNR " + snr);
            }
            finally
            {
                if (server != null && !server.HasExited)
                {
                    using (Process kill = Process.Start("kill", new[] { "-TERM", server.Id.ToString() })!) kill.WaitForExit();
                    if (!server.WaitForExit(5000)) server.Kill();
                }

                server?.Dispose();
                lock (log) _out.WriteLine(log.ToString());
                Directory.Delete(dir, true);
            }
        }

        private static bool Logged(System.Text.StringBuilder log, string text)
        {
            lock (log) return log.ToString().Contains(text);
        }
    }
}
