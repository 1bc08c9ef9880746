using System.Diagnostics;
using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.GStreamer;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Roles;
using NanoMikey.Net.Sockets;
using Xunit.Abstractions;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>
    /// The whole device as an RTSP source: the firmware's sensor role (<see cref="RtspSensor"/>) on an emulated board with
    /// real loopback sockets (127.0.0.32) syncs its clock by SNTP, then serves its microphone; GStreamer's rtspsrc plays it
    /// (DESCRIBE with MIKEY-NULL in the SDP, SETUP with rtspsrc's own MIKEY for its RTCP, PLAY, SRTP over UDP or interleaved
    /// TCP). The WAV GStreamer writes must match the microphone from the first frame a client got (SNR ≥
    /// <see cref="DemoReport.SnrThresholdDecibels"/>; G.711 alone gives ~37 dB on the tone, a wrong key noise near 0 dB).
    /// Fails when gst-launch-1.0 or its RTSP/SRTP plugins are missing (the README's test command installs them).
    /// </summary>
    public class RtspSensorTests
    {
        private readonly ITestOutputHelper _out;

        public RtspSensorTests(ITestOutputHelper output)
        {
            _out = output;
        }

        [Theory]
        [InlineData("udp", SrtpProfile.AesCm128HmacSha1_80, 18554)]
        [InlineData("tcp", SrtpProfile.AeadAes128Gcm, 18556)]
        public void RtspsrcPlaysTheSensorsMicrophone(string protocol, SrtpProfile profile, int rtspPort)
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-rtsp-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            RtspPlayer? player = null;
            try
            {
                WarmGStreamer();
                var scheduler = new VirtualScheduler { Paced = true };
                byte host = (byte)(rtspPort - 18520); // 127.0.0.34, .36: one address per case, so cases may run side by side
                uint sensorAddress = IPv4.FromOctets(127, 0, 0, host), timeAddress = IPv4.FromOctets(127, 0, 0, (byte)(host + 20));
                DeviceConfig config = LoopbackSensor.Configure(scheduler, sensorAddress, timeAddress);
                config.RtspPort = rtspPort;
                config.RtpPort = rtspPort + 1000; // even: RTP, RTCP on the next
                config.Profile = profile;
                config.StreamSeconds = 7;
                var sensor = LoopbackSensor.Start(scheduler, config);
                RtspSensor role = sensor.RtspSensor ?? throw new InvalidOperationException("not an RTSP sensor");
                Assert.True(scheduler.RunUntil(() => role.State == StationState.InCall, 20_000_000), "the sensor did not sync its clock: " + role.State);

                string wav = Path.Combine(dir, "gst.wav");
                string url = $"rtsp://127.0.0.{host}:{rtspPort}/{config.RtspPath}";
                player = new RtspPlayer(url, protocol == "tcp", false, wav);
                _out.WriteLine(player.CommandLine);
                player.Start();
                // rtspsrc ends first (EOS: wavenc finishes the file; TEARDOWN, which the sensor answers), a second before the
                // sensor stops serving: a server that closes first makes rtspsrc stop on an error with the WAV unfinished.
                scheduler.RunUntil(() => role.Finished || player.HasExited, scheduler.NowMicros + (config.StreamSeconds - 1) * 1_000_000L);
                player.Interrupt();
                scheduler.RunUntil(() => role.Finished || player.HasExited, scheduler.NowMicros + 5_000_000);
                Assert.True(scheduler.RunUntil(() => role.Finished, scheduler.NowMicros + 30_000_000), "the sensor did not finish");
                Assert.True(player.Stop(10000), "gst-launch-1.0 did not stop");
                _out.WriteLine(player.Log);
                Assert.Contains("Got EOS from element", player.Log); // ended by end-of-stream, not by an error
                _out.WriteLine($"server: {role.Server.PacketsSent} packets, {role.Server.ReportsSent} SR sent, {role.Server.ReportsReceived} RR received, " +
                    $"{role.Server.Dropped} datagrams dropped; first frame served {role.FirstFrameServed}, {role.FramesSent} of {role.FramesRead} frames served");
                Assert.True(File.Exists(wav), "GStreamer wrote no WAV");
                Assert.True(role.FirstFrameServed >= 0, "no client played");

                short[] received = WavFile.Read(wav);
                short[] sent = sensor.Microphone!.ToArray();
                int from = role.FirstFrameServed * RtspSensor.FrameSamples;
                _out.WriteLine($"microphone {sent.Length} samples, served from sample {from}; GStreamer wrote {received.Length} samples");
                Assert.True(received.Length > 8000 * 3, "GStreamer decoded less than 3 s of the stream");
                SignalToNoise snr = SignalToNoise.Measure(sent.AsSpan(from), received);
                _out.WriteLine("SNR " + snr);
                Assert.True(snr.Decibels >= DemoReport.SnrThresholdDecibels, "SNR " + snr);
                Assert.True(role.Server.ReportsReceived > 0, "no SRTCP receiver report from rtspsrc was authenticated");
            }
            finally
            {
                player?.Dispose();
                Directory.Delete(dir, true);
            }
        }

        // A first gst-launch-1.0 on a machine builds GStreamer's plugin registry (seconds): do it before the stream starts.
        private static void WarmGStreamer()
        {
            using Process warm = Process.Start(new ProcessStartInfo("gst-launch-1.0", "-q fakesrc num-buffers=1 ! fakesink") { RedirectStandardError = true, RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("gst-launch-1.0 did not start");
            warm.StandardOutput.ReadToEnd();
            warm.StandardError.ReadToEnd();
            warm.WaitForExit();
            using Process check = Process.Start(new ProcessStartInfo("gst-inspect-1.0", "rtspsrc") { RedirectStandardError = true, RedirectStandardOutput = true })!;
            check.StandardOutput.ReadToEnd();
            check.StandardError.ReadToEnd();
            check.WaitForExit();
            Assert.True(check.ExitCode == 0, "GStreamer's rtspsrc is missing (gstreamer1.0-rtsp)");
        }
    }
}
