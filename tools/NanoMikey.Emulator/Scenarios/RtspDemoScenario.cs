using System;
using System.IO;
using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.Capture;
using NanoMikey.Emulator.GStreamer;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Emulator.Sntp;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Roles;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>
    /// `demo sensor --rtsp`: the emulated sensor (the firmware's <see cref="RtspSensor"/>) on the host's loopback, real
    /// time, serving <c>rtsp://127.0.0.1:port/audio</c> with MIKEY-NULL in its SDP and SRTP media, after syncing its clock
    /// to an SNTP server the demo runs on 127.0.0.1. It says when the stream is ready and the gst-launch-1.0 line that plays
    /// it; with <see cref="DemoOptions.PlayWithGStreamer"/> it runs that line itself and checks the decoded audio.
    /// </summary>
    public sealed class RtspDemoScenario
    {
        private const long Second = 1_000_000;
        private readonly DemoOptions _options;

        /// <summary>Prepares the run.</summary>
        /// <param name="options">Seconds, profile, port, seed, WAV, play.</param>
        public RtspDemoScenario(DemoOptions options)
        {
            if (options.RtspPort < 1 || options.RtspPort > 65533) throw new ArgumentOutOfRangeException(nameof(options), "RTSP port 1..65533");
            _options = options;
        }

        /// <summary>Called once the sensor serves, with the URL and the gst-launch-1.0 line that plays it.</summary>
        public Action<string, string>? Ready { get; set; }

        /// <summary>Called about every 100 ms of the run with the seconds since the start and the sensor.</summary>
        public Action<double, RtspSensor>? Progress { get; set; }

        /// <summary>The pcap of the sensor's UDP traffic (SNTP, SRTP, SRTCP; RTSP's TCP is not captured).</summary>
        public byte[] Pcap { get; private set; } = Array.Empty<byte>();

        /// <summary>Runs the demo in real time.</summary>
        /// <returns>The report.</returns>
        public RtspDemoReport Run()
        {
            uint address = IPv4.FromOctets(127, 0, 0, 1);
            var scheduler = new VirtualScheduler { Paced = true };
            using var pcapStream = new MemoryStream();
            PcapWriter capture = new PcapWriter(pcapStream);
            var timeIf = new LoopbackNetworkInterface(address);
            IDatagramSocket ts = timeIf.CreateUdpSocket();
            if (ts.Bind(address, 0) != DatagramStatus.Ok) throw new InvalidOperationException("no UDP port for the SNTP server on 127.0.0.1");
            scheduler.Add(new SntpServerTask(new SntpServer(ts, () => NtpTimestamp.FromUtcTicks(DateTime.UtcNow.Ticks))));

            DeviceConfig config = DemoScenario.LoadConfig("sensor");
            config.ClearTimeServers();
            config.AddTimeServer(address, ts.LocalPort);
            config.Address = address;
            config.RtspPort = _options.RtspPort;
            config.RtpPort = (_options.RtspPort + 2) & ~1; // even, RTCP on the next (RFC 3550 §11)
            if (config.RtpPort + 1 > 65535) config.RtpPort = 50000;
            config.MikeyPort = FreeUdpPort(address); // MIKEY over UDP is unused by an RTSP sensor: any free port, not 2269 of the host
            config.Profile = _options.Profile;
            config.StreamSeconds = _options.Seconds;
            IAudioSource mic = _options.CallerWav != null ? new WavSource(_options.CallerWav, loop: true) : new ToneSource(ToneShape.TwoTone, 400, 0.5, 1000);
            var sensor = new EmulatedDevice(config, scheduler, new LoopbackNetworkInterface(address, capture, scheduler), _options.Seed, 0, 0, mic,
                recordSeconds: _options.Seconds + 5);
            RtspSensor role = sensor.RtspSensor!;
            string url = $"rtsp://127.0.0.1:{_options.RtspPort}/{config.RtspPath}";
            string dir = _options.OutputDirectory ?? Path.GetTempPath();
            Directory.CreateDirectory(dir);
            string wav = Path.Combine(dir, "rtspsrc-received.wav");
            using var player = new RtspPlayer(url, _options.RtspOverTcp, config.Codec == MediaCodec.Pcma, wav);
            var failures = new System.Collections.Generic.List<string>();
            scheduler.Every(100000, now => Progress?.Invoke(now / (double)Second, role));

            bool served = scheduler.RunUntil(() => role.State == StationState.InCall, 20 * Second);
            if (!served)
            {
                failures.Add("the sensor did not synchronise its clock in 20 s");
            }
            else
            {
                Ready?.Invoke(url, player.CommandLine);
                if (_options.PlayWithGStreamer)
                {
                    if (File.Exists(wav)) File.Delete(wav);
                    player.Start();
                    // The player ends first (a second before the sensor stops serving) and the sensor answers its TEARDOWN.
                    scheduler.RunUntil(() => role.Finished || player.HasExited, scheduler.NowMicros + Math.Max(1, _options.Seconds - 1) * Second);
                    player.Interrupt();
                    scheduler.RunUntil(() => role.Finished || player.HasExited, scheduler.NowMicros + 5 * Second);
                }

                if (!scheduler.RunUntil(() => role.Finished, scheduler.NowMicros + (_options.Seconds + _options.TimeoutSeconds) * Second))
                    failures.Add("the sensor did not finish serving");
            }

            double playedSeconds = 0, snr = double.NaN;
            if (served && _options.PlayWithGStreamer)
            {
                if (!player.Stop(10000)) failures.Add("gst-launch-1.0 did not stop");
                if (!File.Exists(wav))
                {
                    failures.Add("GStreamer wrote no audio:\n" + player.Log);
                }
                else
                {
                    short[] received;
                    try
                    {
                        received = WavFile.Read(wav);
                    }
                    catch (InvalidDataException e)
                    {
                        failures.Add("GStreamer's WAV is unreadable (" + e.Message + "):\n" + player.Log);
                        received = Array.Empty<short>();
                    }

                    playedSeconds = received.Length / 8000.0;
                    short[] sent = sensor.Microphone!.ToArray();
                    int from = Math.Max(0, role.FirstFrameServed) * RtspSensor.FrameSamples;
                    if (role.FirstFrameServed < 0 || received.Length < 8000) failures.Add($"rtspsrc played {playedSeconds:F1} s:\n" + player.Log);
                    else snr = SignalToNoise.Measure(sent.AsSpan(Math.Min(from, sent.Length)), received).Decibels;
                    if (!(snr >= DemoReport.SnrThresholdDecibels)) failures.Add($"SNR {snr:F1} dB below {DemoReport.SnrThresholdDecibels} dB");
                    if (role.Server.ReportsReceived == 0) failures.Add("no SRTCP receiver report from rtspsrc authenticated");
                }
            }

            capture.Flush();
            Pcap = pcapStream.ToArray();
            if (_options.OutputDirectory != null) File.WriteAllBytes(Path.Combine(dir, "rtsp-demo.pcap"), Pcap);
            var report = new RtspDemoReport
            {
                Url = url,
                PlayCommand = player.CommandLine,
                Served = served,
                FramesRead = role.FramesRead,
                FramesServed = role.FramesSent,
                PacketsSent = role.Server.PacketsSent,
                ReportsSent = role.Server.ReportsSent,
                ReportsReceived = role.Server.ReportsReceived,
                DatagramsDropped = role.Server.Dropped,
                Refused = role.Server.Refused,
                Played = _options.PlayWithGStreamer,
                PlayedSeconds = playedSeconds,
                SnrDecibels = snr,
            };
            report.Failures.AddRange(failures);
            return report;
        }

        private static int FreeUdpPort(uint address)
        {
            using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
            probe.Bind(new System.Net.IPEndPoint(new System.Net.IPAddress(new[] { (byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address }), 0));
            return ((System.Net.IPEndPoint)probe.LocalEndPoint!).Port;
        }
    }
}
