using System;
using NanoMikey.Emulator.Audio;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Emulator.Sip;
using NanoMikey.Emulator.Sntp;
using NanoMikey.Firmware.Config;
using NanoMikey.Firmware.Hal;
using NanoMikey.Firmware.Roles;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>
    /// `demo --sip`: a door station and three indoor units (the firmware's <see cref="SipIntercom"/>) on 127.0.0.2–5, real
    /// time and real UDP, registered with a Kamailio the demo starts on 127.0.0.1. The door calls <c>flat</c> (the three
    /// units' user), Kamailio forks the INVITE, each unit answers the MIKEY offer in its own 183, the first to pick up wins
    /// (RFC 5197 §5.2) and audio flows both ways with the winner's keys for <see cref="DemoOptions.Seconds"/>.
    /// </summary>
    public sealed class SipDemoScenario
    {
        private const long Second = 1_000_000;

        /// <summary>The indoor units' auto-answer delays: the second picks up first.</summary>
        private static readonly int[] AnswerMillis = { 1500, 700, 2200 };

        private readonly DemoOptions _options;
        private readonly int _basePort;

        /// <summary>Prepares the run.</summary>
        /// <param name="options">Seconds, profile, seed.</param>
        /// <param name="basePort">Kamailio's UDP port on 127.0.0.1; the devices use the next ones (SIP +1, MIKEY +2, RTP +4/+5).</param>
        public SipDemoScenario(DemoOptions options, int basePort)
        {
            if (basePort < 1024 || basePort > 65000) throw new ArgumentOutOfRangeException(nameof(basePort), "base port 1024..65000");
            _options = options;
            _basePort = basePort;
        }

        /// <summary>Called with one line per step of the call.</summary>
        public Action<string>? Progress { get; set; }

        /// <summary>Runs the demo (Kamailio must be installed: <see cref="KamailioRunner.IsInstalled"/>).</summary>
        /// <returns>The report.</returns>
        public SipDemoReport Run()
        {
            using var kamailio = new KamailioRunner(_basePort);
            Progress?.Invoke("kamailio (pid " + kamailio.ProcessId + ") on 127.0.0.1:" + _basePort);
            uint server = IPv4.FromOctets(127, 0, 0, 1);
            var scheduler = new VirtualScheduler { Paced = true };
            var timeIf = new LoopbackNetworkInterface(server);
            IDatagramSocket ts = timeIf.CreateUdpSocket();
            if (ts.Bind(server, 0) != DatagramStatus.Ok) throw new InvalidOperationException("no UDP port for the SNTP server on 127.0.0.1");
            scheduler.Add(new SntpServerTask(new SntpServer(ts, () => NtpTimestamp.FromUtcTicks(DateTime.UtcNow.Ticks))));

            EmulatedDevice door = Device("door", "door", 2, -1, scheduler, ts.LocalPort, new ToneSource(ToneShape.TwoTone, 400, 0.5, 1000));
            var indoor = new EmulatedDevice[3];
            for (int i = 0; i < 3; i++)
            {
                indoor[i] = Device("indoor", "indoor" + (i + 1), 3 + i, AnswerMillis[i], scheduler, ts.LocalPort, new ToneSource(ToneShape.TwoTone, 600, 0.5, 1400));
            }

            SipIntercom caller = door.SipIntercom!;
            var all = new[] { door, indoor[0], indoor[1], indoor[2] };
            var report = new SipDemoReportBuilder();
            scheduler.Every(5000, _ =>
            {
                int forks = caller.CallerKeying!.Offer.ForkCount;
                if (forks > report.ForksSeen) report.ForksSeen = forks;
                for (int i = 0; i < 3; i++) if (indoor[i].SipIntercom!.State == StationState.Ringing) report.Rang[i] = true;
                if (caller.State == StationState.InCall && report.ForksAtWin < 0) report.ForksAtWin = forks;
            });

            bool ready = scheduler.RunUntil(() => Array.TrueForAll(all, d => d.SipIntercom!.Registered && d.Stack.Clock.IsSynchronised), 20 * Second);
            int registrations = Array.FindAll(all, d => d.SipIntercom!.Registered).Length;
            Progress?.Invoke("registered: " + registrations + " of 4 (door, and indoor1-3 as flat)");
            if (ready)
            {
                caller.PressCall();
                Progress?.Invoke("door calls sip:flat@" + KamailioRunner.Domain);
                if (scheduler.RunUntil(() => caller.State == StationState.InCall || caller.State == StationState.Failed, scheduler.NowMicros + 15 * Second)
                    && caller.State == StationState.InCall)
                {
                    Progress?.Invoke("call up: " + _options.Seconds + " s of audio both ways");
                    // The door ends the call after its stream seconds (BYE); the winner follows.
                    scheduler.RunUntil(() => caller.State != StationState.InCall, scheduler.NowMicros + (_options.Seconds + 5) * Second);
                    scheduler.RunUntil(() => Array.TrueForAll(indoor, d => d.SipIntercom!.State != StationState.InCall), scheduler.NowMicros + 5 * Second);
                }
            }

            return report.Build(registrations, door, indoor, caller, ready);
        }

        private EmulatedDevice Device(string keys, string name, int host, int answerMillis, VirtualScheduler scheduler, int sntpPort, IAudioSource mic)
        {
            uint address = IPv4.FromOctets(127, 0, 0, (byte)host);
            DeviceConfig c = DemoScenario.LoadConfig(keys);
            c.Name = name;
            c.Address = address;
            c.ClearTimeServers();
            c.AddTimeServer(IPv4.FromOctets(127, 0, 0, 1), sntpPort);
            c.SipRegistrarAddress = IPv4.FromOctets(127, 0, 0, 1);
            c.SipRegistrarPort = _basePort;
            c.SipDomain = KamailioRunner.Domain;
            c.SipUser = keys == "door" ? "door" : "flat";
            c.SipCall = keys == "door" ? "flat" : null;
            c.SipPassword = KamailioRunner.Password(c.SipUser);
            c.SipPort = _basePort + 1;
            c.SipAnswerMillis = answerMillis;
            c.MikeyPort = _basePort + 2; // MIKEY over UDP is unused on SIP (it rides in SDP): a port of the demo's range, not 2269
            c.RtpPort = (_basePort + 4) & ~1; // even, RTCP on the next (RFC 3550 §11)
            c.Profile = _options.Profile;
            c.StreamSeconds = keys == "door" ? _options.Seconds : 0;
            if (ConfigStatus.Ok != DeviceConfigReader.Validate(c)) throw new InvalidOperationException(name + ": incomplete configuration");
            return new EmulatedDevice(c, scheduler, new LoopbackNetworkInterface(address, null, scheduler), _options.Seed, 0, 0, mic,
                recordSeconds: _options.Seconds + 30);
        }

        private sealed class SipDemoReportBuilder
        {
            public int ForksSeen;
            public int ForksAtWin = -1;
            public readonly bool[] Rang = new bool[3];

            public SipDemoReport Build(int registrations, EmulatedDevice door, EmulatedDevice[] indoor, SipIntercom caller, bool ready)
            {
                EmulatedDevice? winner = Array.Find(indoor, d => d.SipIntercom!.Calls > 0);
                int wiped = 0;
                foreach (EmulatedDevice d in indoor)
                {
                    SipIntercom r = d.SipIntercom!;
                    if (d != winner && r.Calls == 0 && r.CalleeKeying!.Keys == null && !d.Stack.Media.Active) wiped++;
                }

                SipIntercom? w = winner?.SipIntercom;
                double snrOut = Snr(door, winner), snrBack = Snr(winner, door);
                var report = new SipDemoReport
                {
                    Registrations = registrations,
                    Rang = Array.FindAll(Rang, b => b).Length,
                    ForksSeen = ForksSeen,
                    Winner = winner?.Name,
                    Mode = caller.CallerKeying!.Offer.Mode.ToString(),
                    LosersWiped = wiped,
                    DoorSent = caller.Totals.PacketsSent,
                    DoorReceived = caller.Totals.PacketsReceived,
                    WinnerSent = w?.Totals.PacketsSent ?? 0,
                    WinnerReceived = w?.Totals.PacketsReceived ?? 0,
                    AuthenticationFailures = caller.Totals.AuthenticationFailures + (w?.Totals.AuthenticationFailures ?? 0),
                    Reports = caller.Totals.ReportsReceived + (w?.Totals.ReportsReceived ?? 0),
                    SnrDoorToWinner = snrOut,
                    SnrWinnerToDoor = snrBack,
                };
                var f = report.Failures;
                if (!ready) f.Add("not every device registered and synchronised its clock in 20 s");
                if (report.Rang != 3) f.Add(report.Rang + " of 3 indoor units rang");
                if (ForksSeen != 3) f.Add("the door keyed " + ForksSeen + " early dialogs, not 3");
                if (winner == null) f.Add("no indoor unit won the call (door: " + caller.State + " " + caller.UserAgent.LastFailure + ")");
                if (wiped != 2) f.Add(wiped + " of 2 losers have their keys wiped");
                if (ForksAtWin > 1) f.Add("the door kept " + ForksAtWin + " forks' keys after the 200");
                if (report.AuthenticationFailures != 0) f.Add(report.AuthenticationFailures + " SRTP/SRTCP authentication failures");
                int expected = (int)(door.Config.StreamSeconds * 50 * 0.8);
                if (report.WinnerReceived < expected || report.DoorReceived < expected)
                    f.Add("SRTP packets door→winner " + report.WinnerReceived + ", winner→door " + report.DoorReceived + ": fewer than " + expected);
                if (!(snrOut >= DemoReport.SnrThresholdDecibels) || !(snrBack >= DemoReport.SnrThresholdDecibels))
                    f.Add($"SNR {snrOut:F1} / {snrBack:F1} dB below {DemoReport.SnrThresholdDecibels} dB");
                if (caller.State == StationState.InCall) f.Add("the door did not hang up");
                return report;
            }

            private static double Snr(EmulatedDevice? sender, EmulatedDevice? receiver)
            {
                if (sender == null || receiver == null || sender.Microphone == null || sender.Microphone.Count == 0 || receiver.Speaker.Count == 0) return double.NaN;
                return SignalToNoise.Measure(sender.Microphone.Samples, receiver.Speaker.Samples).Decibels;
            }
        }
    }
}
