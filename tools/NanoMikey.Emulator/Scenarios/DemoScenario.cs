using System;
using System.Collections.Generic;
using System.IO;
using System.Diagnostics;
using System.Reflection;
using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Firmware.Call;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Keying;
using NanoMikey.Firmware.Roles;
using NanoMikey.Mikey.Modes;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>
    /// The demo: on a seeded virtual network with an embedded SNTP server (10.0.0.1), either a door station calls an indoor
    /// unit (keyed with the mode the stations' key material selects, ECDH-SIGN by default) and both talk for the configured
    /// seconds, or a sensor keys with its collector (PSK) and streams to it. Devices run the firmware on the virtual-time
    /// scheduler, so the run takes a fraction of its virtual length and the same seed gives the same pcap byte for byte.
    /// </summary>
    public sealed class DemoScenario
    {
        // The stations' shared key when a run asks them for PSK (public demo material, like the rest of Provisioning/).
        private static readonly byte[] DemoStationPsk = { 0x6e, 0x61, 0x6e, 0x6f, 0x4d, 0x69, 0x6b, 0x65, 0x79, 0x20, 0x64, 0x65, 0x6d, 0x6f, 0x20, 0x31 };

        private const long Second = 1000000;
        private readonly DemoOptions _options;
        private int _packetsAtMeasureStart;
        private int _packetsAtMeasureEnd;

        /// <summary>Creates the run.</summary>
        /// <param name="options">What to run.</param>
        public DemoScenario(DemoOptions options)
        {
            _options = options;
        }

        /// <summary>The options of the run.</summary>
        public DemoOptions Options => _options;

        /// <summary>Called about every 100 ms of virtual time with the run's progress (virtual seconds, the devices).</summary>
        public Action<double, EmulatedDevice, EmulatedDevice>? Progress { get; set; }

        /// <summary>The calling device (door station or sensor), once running.</summary>
        public EmulatedDevice? Caller { get; private set; }

        /// <summary>The answering device (indoor unit or collector), once running.</summary>
        public EmulatedDevice? Answerer { get; private set; }

        /// <summary>The network, once running.</summary>
        public VirtualNetwork? Network { get; private set; }

        /// <summary>The pcap of the last run (also written to the output folder when one is set).</summary>
        public byte[] Pcap { get; private set; } = Array.Empty<byte>();

        /// <summary>Reads one of the demo's device configurations (embedded from tools/NanoMikey.Emulator/Provisioning).</summary>
        /// <param name="name">door, indoor, sensor or collector.</param>
        /// <returns>The configuration.</returns>
        public static DeviceConfig LoadConfig(string name)
        {
            using Stream s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Provisioning." + name + ".conf")
                ?? throw new ArgumentException("no demo configuration " + name, nameof(name));
            using var r = new StreamReader(s);
            var config = new DeviceConfig();
            var reader = new DeviceConfigReader();
            ConfigStatus status = reader.Read(r.ReadToEnd(), config);
            if (status != ConfigStatus.Ok) throw new InvalidDataException(name + ".conf: " + status + " at line " + reader.ErrorLine);
            return config;
        }

        /// <summary>Runs the demo.</summary>
        /// <returns>What it measured.</returns>
        public DemoReport Run()
        {
            var host = Stopwatch.StartNew();
            bool intercom = _options.Scenario == DemoScenarioKind.Intercom;
            var world = new EmulatedWorld(_options.Seed, (_options.Seconds + 10) * 110 * 300);
            VirtualScheduler scheduler = world.Scheduler;
            VirtualNetwork network = world.Network;
            Network = network;
            network.Global = _options.Network ?? new Impairments { DelayMs = 10 };

            DeviceConfig a = LoadConfig(intercom ? "door" : "sensor");
            DeviceConfig b = LoadConfig(intercom ? "indoor" : "collector");
            foreach (DeviceConfig c in new[] { a, b })
            {
                c.Mode = _options.Mode;
                c.Profile = _options.Profile;
                c.StreamSeconds = _options.Seconds;
                c.Cycles = _options.SensorCycles;
                c.SleepSeconds = _options.SensorSleepSeconds;
                // PSK asked of the stations, which hold certificates only: provision them a shared key for this run.
                if (_options.Mode == MikeyMode.Psk && c.PreSharedKey == null) c.PreSharedKey = DemoStationPsk;
            }

            // Tones whose periods divide the 20 ms frame (400/1000 Hz and 600/1400 Hz): concealment by repetition keeps them,
            // so the SNR measures content, while loss and concealment are counted on their own. Each side its own pair.
            EmulatedDevice caller = world.AddDevice(a, _options.CallerClockOffsetMicros, _options.DriftPpm,
                _options.CallerWav != null ? new WavSource(_options.CallerWav, true) : new ToneSource(ToneShape.TwoTone, 400, 0.5, 1000), _options.Seconds + 20);
            EmulatedDevice answerer = world.AddDevice(b, _options.AnswererClockOffsetMicros, -_options.DriftPpm,
                intercom ? new ToneSource(ToneShape.TwoTone, 600, 0.5, 1400) : null, _options.Seconds + 20);
            Caller = caller;
            Answerer = answerer;

            ManInTheMiddle mitm = network.ManInTheMiddle;
            if (_options.LoseFirstOffer) mitm.DropMatching(DatagramFilters.ToPort(a.MikeyPort), 1);
            if (_options.ReplayOfferAfterSeconds > 0) mitm.CaptureMatching(DatagramFilters.ToPort(a.MikeyPort), 1);
            if (_options.FlipEveryNthMediaPacket > 0)
            {
                int n = _options.FlipEveryNthMediaPacket;
                int seen = 0;
                DatagramFilter rtp = DatagramFilters.Rtp(b.RtpPort);
                uint from = a.Address;
                // A payload bit (past the 12-byte header): the packet stays RTP, only its authentication fails.
                mitm.FlipBitsMatching((e, p) => e.SourceAddress == from && rtp(e, p) && ++seen % n == 0, int.MaxValue, 8 * 40);
            }

            if (intercom) caller.Station!.PressCall();

            bool measuring = false;
            caller.Measured.SteadyState = () => caller.Stack.Media.Active;
            answerer.Measured.SteadyState = () => answerer.Stack.Media.Active;
            bool measured = false;
            _packetsAtMeasureStart = -1;
            _packetsAtMeasureEnd = -1;
            scheduler.Every(100000, now =>
            {
                bool steady = Streaming(caller) && (!intercom || Streaming(answerer));
                if (!measuring && steady && !measured)
                {
                    measuring = true;
                    _packetsAtMeasureStart = Packets(caller) + Packets(answerer);
                    caller.Measured.StartMeasuring();
                    answerer.Measured.StartMeasuring();
                }
                else if (measuring && !steady)
                {
                    // One side has hung up: what follows (BYE, wiping keys) is call tear-down, not the steady state.
                    measuring = false;
                    measured = true;
                    _packetsAtMeasureEnd = Packets(caller) + Packets(answerer);
                    caller.Measured.StopMeasuring();
                    answerer.Measured.StopMeasuring();
                }

                Progress?.Invoke(now / (double)Second, caller, answerer);
            });

            long end = ((_options.Seconds + _options.SensorSleepSeconds) * Math.Max(1, _options.SensorCycles) + _options.TimeoutSeconds) * Second;
            bool done = scheduler.RunUntil(() => Finished(caller, answerer, intercom), end);
            // Let the last packets land and the playout drain.
            scheduler.RunUntil(scheduler.NowMicros + Second);
            if (_options.ReplayOfferAfterSeconds > 0 && mitm.Captured.Count > 0)
            {
                // The attacker replays the captured I_MESSAGE, byte for byte from the same address and port.
                long at = Math.Max(scheduler.NowMicros + 1000, _options.ReplayOfferAfterSeconds * Second);
                mitm.Replay(mitm.Captured[0], at);
                scheduler.RunUntil(at + 2 * Second);
            }

            Pcap = world.Pcap();
            return Report(caller, answerer, intercom, done, scheduler, host);
        }

        // Steady state: media flowing and the first SRTCP report sent and received both ways (SRTCP keys are derived lazily,
        // on the first report, which is call set-up cost, not per packet).
        private static bool Streaming(EmulatedDevice d)
        {
            MediaStatistics s = d.Stack.Media.Statistics;
            return d.Stack.Media.Active && s.ReportsSent > 0 && (s.ReportsReceived > 0 || d.Sensor != null);
        }

        private static bool Finished(EmulatedDevice caller, EmulatedDevice answerer, bool intercom)
        {
            if (intercom)
            {
                IntercomStation s = caller.Station!;
                IntercomStation t = answerer.Station!;
                return s.Calls > 0 && s.State != StationState.InCall && t.State != StationState.InCall || s.State == StationState.Failed;
            }

            return caller.Sensor!.Finished;
        }

        private DemoReport Report(EmulatedDevice caller, EmulatedDevice answerer, bool intercom, bool done, VirtualScheduler scheduler, Stopwatch host)
        {
            MikeyUdpInitiator init = caller.Stack.Initiator;
            MikeyUdpResponder resp = answerer.Stack.Responder;
            MediaStatistics callerStats = Totals(caller);
            MediaStatistics answererStats = Totals(answerer);
            int total = callerStats.PacketsSent + callerStats.PacketsReceived + answererStats.PacketsSent + answererStats.PacketsReceived;
            // Never measured (the call ended before both sides' first SRTCP report): no figures rather than 0 over every packet.
            int packets = _packetsAtMeasureStart < 0 ? 0 : (_packetsAtMeasureEnd >= 0 ? _packetsAtMeasureEnd : total) - _packetsAtMeasureStart;
            long bytes = caller.Measured.AllocatedBytes + answerer.Measured.AllocatedBytes;
            double micros = (caller.Measured.ElapsedTicks + answerer.Measured.ElapsedTicks) * 1e6 / Stopwatch.Frequency;
            NetworkCounters n = Network!.Counters;
            var report = new DemoReport
            {
                Mode = init.Mode,
                Keyed = init.State == MikeyUdpExchangeState.Completed,
                HandshakeMilliseconds = init.HandshakeMicros / 1000.0,
                HandshakeMessages = init.MessagesSent + init.MessagesReceived,
                Retransmissions = init.Retransmissions,
                MikeyRejected = resp.Rejected,
                MikeyDuplicates = resp.Duplicates,
                MeasuredPackets = Math.Max(packets, 0),
                BytesPerPacket = packets == 0 ? 0 : bytes / (double)packets,
                MicrosecondsPerPacket = packets == 0 ? 0 : micros / packets,
                VirtualSeconds = scheduler.NowMicros / (double)Second,
                NetworkSummary = $"{n.Sent} sent, {n.Lost} lost, {n.Reordered} reordered, {n.Duplicated} duplicated, {n.Corrupted} corrupted, {n.MitmFlipped} flipped, {n.Replayed} replayed",
            };

            report.Directions.Add(Direction(caller, answerer, callerStats, answererStats));
            if (intercom) report.Directions.Add(Direction(answerer, caller, answererStats, callerStats));

            if (!done) report.Failures.Add("the run did not finish within " + (_options.Seconds + _options.TimeoutSeconds) + " s of virtual time");
            if (!report.Keyed) report.Failures.Add("the MIKEY exchange did not complete (" + init.State + ", " + init.Result + ")");
            bool tampering = _options.FlipEveryNthMediaPacket > 0 || (_options.Network?.CorruptPercent ?? 0) > 0;
            foreach (DirectionReport d in report.Directions)
            {
                if (d.Received == 0) report.Failures.Add(d.Name + ": no audio arrived");
                else if (d.SnrDecibels < DemoReport.SnrThresholdDecibels) report.Failures.Add($"{d.Name}: SNR {d.SnrDecibels:F1} dB below {DemoReport.SnrThresholdDecibels} dB");
                if (!tampering && d.AuthenticationFailures > 0) report.Failures.Add($"{d.Name}: {d.AuthenticationFailures} authentication failures on an untampered network");
            }

            if (_options.OutputDirectory != null)
            {
                Directory.CreateDirectory(_options.OutputDirectory);
                string pcapPath = Path.Combine(_options.OutputDirectory, "demo.pcap");
                File.WriteAllBytes(pcapPath, Pcap);
                report.Files.Add(pcapPath);
                foreach (EmulatedDevice d in new[] { caller, answerer })
                {
                    if (d.Speaker.Count == 0) continue;
                    string wav = Path.Combine(_options.OutputDirectory, d.Name + "-received.wav");
                    d.Speaker.Save(wav);
                    report.Files.Add(wav);
                }
            }

            report.HostSecondsSet(host.Elapsed.TotalSeconds);
            return report;
        }

        private static int Packets(EmulatedDevice d)
        {
            MediaStatistics t = Totals(d);
            return t.PacketsSent + t.PacketsReceived;
        }

        private static MediaStatistics Totals(EmulatedDevice d)
        {
            var total = new MediaStatistics();
            MediaStatistics? finished = d.Station?.Totals ?? d.Sensor?.Totals ?? d.Collector?.Totals;
            if (finished != null) total.Add(finished);
            if (d.Stack.Media.Active)
            {
                d.Stack.Media.UpdateLoss();
                total.Add(d.Stack.Media.Statistics);
            }

            return total;
        }

        private static DirectionReport Direction(EmulatedDevice sender, EmulatedDevice receiver, MediaStatistics tx, MediaStatistics rx)
        {
            SignalToNoise? snr = sender.Microphone != null && receiver.Speaker.Count > 0 && sender.Microphone.Count > 0
                ? SignalToNoise.Measure(sender.Microphone.Samples, receiver.Speaker.Samples)
                : null;
            return new DirectionReport
            {
                Name = sender.Name + " → " + receiver.Name,
                Sent = tx.PacketsSent,
                Received = rx.PacketsReceived,
                Lost = rx.Lost,
                Concealed = rx.FramesConcealed,
                AuthenticationFailures = rx.AuthenticationFailures,
                ReplaysDropped = rx.ReplaysDropped,
                Reports = rx.ReportsReceived,
                SnrDecibels = snr?.Decibels ?? 0,
                LagMilliseconds = snr?.LagMilliseconds ?? 0,
            };
        }
    }
}
