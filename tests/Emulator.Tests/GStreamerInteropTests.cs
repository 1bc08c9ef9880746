using System.Diagnostics;
using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Emulator.Sntp;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Roles;
using NanoMikey.Mikey.Session;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;
using Xunit.Abstractions;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>
    /// The sensor's stream plays in GStreamer, a real SRTP peer: an emulated sensor on real UDP (127.0.0.31) keys with an
    /// emulated collector (127.0.0.41, PSK over MIKEY on UDP 2269), then its SRTP goes to a gst-launch-1.0 pipeline
    /// (udpsrc with application/x-srtp caps carrying the key and salt from our MIKEY exchange, srtpdec, rtppcmudepay,
    /// mulawdec, wavenc). The WAV GStreamer writes must match what the sensor's microphone gave (SNR ≥
    /// <see cref="DemoReport.SnrThresholdDecibels"/>: G.711 alone gives ~37 dB on the tone; a wrong key or a broken packet
    /// gives noise, near 0 dB). Fails when gst-launch-1.0 or its plugins are missing (the README's test command installs them).
    /// </summary>
    public class GStreamerInteropTests
    {
        private const int GstPort = 15004;
        private readonly ITestOutputHelper _out;

        public GStreamerInteropTests(ITestOutputHelper output)
        {
            _out = output;
        }

        [Fact]
        public void SensorStreamDecodedByGStreamerMatchesWhatTheSensorSent()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-gst-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            Process? gst = null;
            try
            {
                // A first gst-launch-1.0 on a machine builds GStreamer's plugin registry (seconds): do it before the stream starts.
                using (Process warm = Process.Start(new ProcessStartInfo("gst-launch-1.0", "-q fakesrc num-buffers=1 ! srtpdec ! fakesink") { RedirectStandardError = true, RedirectStandardOutput = true })
                    ?? throw new InvalidOperationException("gst-launch-1.0 did not start"))
                {
                    warm.StandardOutput.ReadToEnd();
                    warm.StandardError.ReadToEnd();
                    warm.WaitForExit();
                }

                var scheduler = new VirtualScheduler { Paced = true };
                uint sensorAddress = IPv4.FromOctets(127, 0, 0, 31), collectorAddress = IPv4.FromOctets(127, 0, 0, 41), timeAddress = IPv4.FromOctets(127, 0, 0, 51);

                var timeIf = new LoopbackNetworkInterface(timeAddress);
                IDatagramSocket ts = timeIf.CreateUdpSocket();
                Assert.Equal(DatagramStatus.Ok, ts.Bind(timeAddress, 12123));
                var server = new SntpServer(ts, () => NtpTimestamp.FromUtcTicks(DateTime.UtcNow.Ticks));
                scheduler.Add(new SntpServerTask(server));

                DeviceConfig sensorConfig = DemoScenario.LoadConfig("sensor");
                DeviceConfig collectorConfig = DemoScenario.LoadConfig("collector");
                foreach (DeviceConfig c in new[] { sensorConfig, collectorConfig })
                {
                    c.ClearTimeServers();
                    c.AddTimeServer(timeAddress, 12123);
                }

                sensorConfig.Address = sensorAddress;
                sensorConfig.Peer = collectorAddress;
                sensorConfig.RtpPort = GstPort; // the stream goes to GStreamer's udpsrc on the collector's address
                sensorConfig.StreamSeconds = 6;
                collectorConfig.Address = collectorAddress;
                collectorConfig.RtpPort = 16004;

                var tone = new ToneSource(ToneShape.TwoTone, 400, 0.5, 1000);
                var sensor = new EmulatedDevice(sensorConfig, scheduler, new LoopbackNetworkInterface(sensorAddress), 3, 0, 0, tone);
                var collector = new EmulatedDevice(collectorConfig, scheduler, new LoopbackNetworkInterface(collectorAddress), 3, 0, 0, null);

                Assert.True(scheduler.RunUntil(() => sensor.Sensor!.State == StationState.InCall, 20_000_000), "the sensor did not key: " + sensor.Sensor!.State);
                CryptoSession cs = sensor.Stack.Initiator.Bundle!.Get(0);
                var key = cs.GetMasterKey(0);
                string keyHex = Convert.ToHexString(key.Key, 0, key.KeyLength) + Convert.ToHexString(key.Salt, 0, key.SaltLength);
                string wav = Path.Combine(dir, "gst.wav");
                string caps = "application/x-srtp,media=(string)audio,clock-rate=(int)8000,encoding-name=(string)PCMU,payload=(int)0," +
                    $"ssrc=(uint){cs.Ssrc},srtp-key=(buffer){keyHex},srtp-cipher=(string)aes-128-icm,srtp-auth=(string)hmac-sha1-80," +
                    "srtcp-cipher=(string)aes-128-icm,srtcp-auth=(string)hmac-sha1-80,roc=(uint)0";
                var psi = new ProcessStartInfo("gst-launch-1.0") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (string a in new[] { "-e", "udpsrc", "address=127.0.0.41", "port=" + GstPort, "caps=" + caps, "!", "srtpdec", "!",
                    "rtppcmudepay", "!", "mulawdec", "!", "wavenc", "!", "filesink", "location=" + wav })
                    psi.ArgumentList.Add(a);
                gst = Process.Start(psi) ?? throw new InvalidOperationException("gst-launch-1.0 did not start");
                var gstOut = new System.Text.StringBuilder();
                gst.OutputDataReceived += (_, e) => { lock (gstOut) gstOut.AppendLine(e.Data); };
                gst.ErrorDataReceived += (_, e) => { lock (gstOut) gstOut.AppendLine(e.Data); };
                gst.BeginOutputReadLine();
                gst.BeginErrorReadLine();

                Assert.True(scheduler.RunUntil(() => sensor.Sensor!.Finished, scheduler.NowMicros + 30_000_000), "the sensor did not finish");
                Thread.Sleep(300);
                // End of stream on SIGINT (-e): wavenc writes the final header.
                using (Process kill = Process.Start("kill", new[] { "-INT", gst.Id.ToString() })!) kill.WaitForExit();
                Assert.True(gst.WaitForExit(10000), "gst-launch-1.0 did not stop");
                _out.WriteLine(gstOut.ToString());
                Assert.True(File.Exists(wav), "GStreamer wrote no WAV");

                short[] received = WavFile.Read(wav);
                short[] sent = sensor.Microphone!.ToArray();
                _out.WriteLine($"sent {sensor.Stack.Media.Statistics.PacketsSent + sensor.Sensor!.Totals.PacketsSent} packets, {sent.Length} samples; GStreamer wrote {received.Length} samples");
                Assert.True(received.Length > 8000 * 3, "GStreamer decoded less than 3 s of the 6 s stream");
                SignalToNoise snr = SignalToNoise.Measure(sent, received);
                _out.WriteLine("SNR " + snr);
                Assert.True(snr.Decibels >= DemoReport.SnrThresholdDecibels, "SNR " + snr);
            }
            finally
            {
                if (gst != null && !gst.HasExited) gst.Kill();
                gst?.Dispose();
                Directory.Delete(dir, true);
            }
        }
    }
}
