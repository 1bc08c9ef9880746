using System;
using System.CommandLine;
using NanoMikey.Cli.Demo;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Firmware.Config;
using NanoMikey.Mikey.Modes;

namespace NanoMikey.Cli.Commands
{
    /// <summary>
    /// The `demo` verb: emulated devices running the firmware talk over a seeded virtual network — a door station calls an
    /// indoor unit (default) or, with `demo sensor`, a sensor streams to its collector. Progress while it runs, then a summary
    /// table; the received audio as WAV and the traffic as pcap go to --out. `demo sensor --rtsp` serves the sensor's stream over RTSP for GStreamer instead; `demo --sip` calls through Kamailio. Exit 0 when everything passed, 1 when anything failed.
    /// </summary>
    public static class DemoCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var cmd = new Command("demo", "Emulated devices: a door station calls an indoor unit (or `demo sensor`: a sensor streams to its collector) over MIKEY + SRTP on a virtual network");
            var scenario = new Argument<string>("scenario") { Description = "intercom (default) or sensor", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "intercom" };
            var mode = new Option<string>("--mode") { Description = "MIKEY mode: auto (what the key material selects: ECDH-SIGN for the stations, PSK for the sensor), psk, ecdh-sign, ecies, ecmqv", DefaultValueFactory = _ => "auto" };
            var profile = new Option<string>("--profile") { Description = "SRTP profile: AES_CM_128_HMAC_SHA1_80, AES_CM_128_HMAC_SHA1_32, AES_256_CM_HMAC_SHA1_80, AEAD_AES_128_GCM, AEAD_AES_256_GCM", DefaultValueFactory = _ => "AES_CM_128_HMAC_SHA1_80" };
            var seconds = new Option<int>("--seconds") { Description = "Seconds of audio each way", DefaultValueFactory = _ => 10 };
            var seed = new Option<int>("--seed") { Description = "Seed of the network and the devices' entropy (same seed, same pcap)", DefaultValueFactory = _ => 1 };
            var loss = new Option<double>("--loss") { Description = "Random loss, %" };
            var burst = new Option<double>("--burst") { Description = "Burst loss: % chance per datagram of entering a burst (Gilbert-Elliott; leaves with 30 % per datagram)" };
            var reorder = new Option<double>("--reorder") { Description = "Reordering, % of datagrams held back 30 ms" };
            var duplicate = new Option<double>("--duplicate") { Description = "Duplication, %" };
            var corrupt = new Option<double>("--corrupt") { Description = "Corruption (one bit flipped), %" };
            var delay = new Option<double>("--delay") { Description = "One-way delay, ms", DefaultValueFactory = _ => 10 };
            var jitter = new Option<double>("--jitter") { Description = "Delay jitter, ms" };
            var loseOffer = new Option<bool>("--lose-first-offer") { Description = "Drop the first I_MESSAGE (keying completes by retransmission)" };
            var offset = new Option<double>("--clock-offset") { Description = "RTC error of the calling device at start, s (SNTP corrects it)" };
            var peerOffset = new Option<double>("--peer-clock-offset") { Description = "RTC error of the answering device at start, s" };
            var drift = new Option<double>("--drift") { Description = "Crystal drift of the devices, ppm (opposite signs)" };
            var flip = new Option<int>("--flip-every") { Description = "Man in the middle: flip a bit in every Nth media packet of the caller" };
            var replay = new Option<int>("--replay-at") { Description = "Man in the middle: replay the captured I_MESSAGE at this second (after the call)" };
            var output = new Option<string>("--out") { Description = "Folder for the received audio (WAV) and the capture (pcap)", DefaultValueFactory = _ => "demo-out" };
            var wav = new Option<string?>("--wav") { Description = "WAV file (16-bit mono 8 kHz) for the caller's microphone instead of the test tones (SNR on speech drops with loss: concealment repeats frames)" };
            var cycles = new Option<int>("--cycles") { Description = "Sensor: wake-key-stream-sleep cycles (each keys afresh)", DefaultValueFactory = _ => 1 };
            var sleep = new Option<int>("--sleep") { Description = "Sensor: seconds asleep between cycles", DefaultValueFactory = _ => 5 };
            var rtsp = new Option<bool>("--rtsp") { Description = "Sensor: serve the microphone over RTSP (MIKEY-NULL in the SDP, SRTP media) on 127.0.0.1 and print the gst-launch-1.0 line that plays it" };
            var rtspPort = new Option<int>("--rtsp-port") { Description = "RTSP: the TCP port", DefaultValueFactory = _ => 8554 };
            var play = new Option<bool>("--play") { Description = "RTSP: play the stream with GStreamer's rtspsrc and check the audio it decodes" };
            var tcp = new Option<bool>("--tcp") { Description = "RTSP with --play: interleaved TCP instead of UDP" };
            var sip = new Option<bool>("--sip") { Description = "Intercom: a door station calls a flat of three indoor units through Kamailio (started on 127.0.0.1; must be installed), MIKEY in SDP, SRTP with the winner; --seconds defaults to 5" };
            var sipPort = new Option<int>("--sip-port") { Description = "SIP: Kamailio's UDP port on 127.0.0.1 (the devices use the next five)", DefaultValueFactory = _ => 15060 };
            var quiet = new Option<bool>("--no-progress") { Description = "No progress display (the summary still prints)" };
            cmd.Arguments.Add(scenario);
            foreach (Option o in new Option[] { mode, profile, seconds, seed, loss, burst, reorder, duplicate, corrupt, delay, jitter, loseOffer, offset, peerOffset, drift, flip, replay, output, wav, cycles, sleep, rtsp, rtspPort, play, tcp, sip, sipPort, quiet })
                cmd.Options.Add(o);
            cmd.SetAction(parse =>
            {
                var options = new DemoOptions
                {
                    Seed = parse.GetValue(seed),
                    Seconds = parse.GetValue(seconds),
                    LoseFirstOffer = parse.GetValue(loseOffer),
                    CallerClockOffsetMicros = (long)(parse.GetValue(offset) * 1e6),
                    AnswererClockOffsetMicros = (long)(parse.GetValue(peerOffset) * 1e6),
                    DriftPpm = parse.GetValue(drift),
                    FlipEveryNthMediaPacket = parse.GetValue(flip),
                    ReplayOfferAfterSeconds = parse.GetValue(replay),
                    OutputDirectory = parse.GetValue(output),
                    CallerWav = parse.GetValue(wav),
                    SensorCycles = parse.GetValue(cycles),
                    SensorSleepSeconds = parse.GetValue(sleep),
                    Network = new Impairments
                    {
                        LossPercent = parse.GetValue(loss),
                        BurstEnterPercent = parse.GetValue(burst),
                        BurstLeavePercent = 30,
                        ReorderPercent = parse.GetValue(reorder),
                        DuplicatePercent = parse.GetValue(duplicate),
                        CorruptPercent = parse.GetValue(corrupt),
                        DelayMs = parse.GetValue(delay),
                        JitterMs = parse.GetValue(jitter),
                    },
                };
                string which = parse.GetValue(scenario) ?? "intercom";
                if (which == "sensor") options.Scenario = DemoScenarioKind.Sensor;
                else if (which != "intercom") return Usage("unknown scenario '" + which + "' (intercom or sensor)");
                MikeyMode? m = ParseMode(parse.GetValue(mode) ?? "auto");
                if (m == null) return Usage("unknown mode '" + parse.GetValue(mode) + "'");
                options.Mode = m.Value;
                SrtpProfile? p = ParseProfile(parse.GetValue(profile) ?? "");
                if (p == null) return Usage("unknown SRTP profile '" + parse.GetValue(profile) + "'");
                options.Profile = p.Value;
                if (options.Seconds < 1 || options.Seconds > 3600) return Usage("--seconds must be 1..3600");
                if (options.SensorCycles < 1 || options.SensorCycles > 100 || options.SensorSleepSeconds < 0 || options.SensorSleepSeconds > 3600) return Usage("--cycles must be 1..100 and --sleep 0..3600");
                if (options.CallerWav != null && !System.IO.File.Exists(options.CallerWav)) return Usage("no such WAV file: " + options.CallerWav);
                if (parse.GetValue(sip))
                {
                    if (options.Scenario != DemoScenarioKind.Intercom || parse.GetValue(rtsp)) return Usage("--sip is for `demo intercom`");
                    if (parse.GetResult(seconds) is not { Implicit: false }) options.Seconds = 5;
                    int port = parse.GetValue(sipPort);
                    if (port < 1024 || port > 65000) return Usage("--sip-port must be 1024..65000");
                    return SipDemoConsole.Run(options, port, !parse.GetValue(quiet));
                }

                if (parse.GetValue(rtsp))
                {
                    if (options.Scenario != DemoScenarioKind.Sensor) return Usage("--rtsp is for `demo sensor`");
                    options.RtspPort = parse.GetValue(rtspPort);
                    if (options.RtspPort < 1 || options.RtspPort > 65533) return Usage("--rtsp-port must be 1..65533");
                    options.PlayWithGStreamer = parse.GetValue(play);
                    options.RtspOverTcp = parse.GetValue(tcp);
                    return RtspDemoConsole.Run(options, !parse.GetValue(quiet));
                }

                if (parse.GetValue(play) || parse.GetValue(tcp)) return Usage("--play and --tcp need --rtsp");
                try
                {
                    options.Network.Validate();
                }
                catch (ArgumentException e)
                {
                    return Usage(e.Message);
                }

                return DemoConsole.Run(options, !parse.GetValue(quiet));
            });
            return cmd;
        }

        private static int Usage(string message)
        {
            Console.Error.WriteLine("nanomikey demo: " + message);
            return ExitCode.UnusableInput;
        }

        private static MikeyMode? ParseMode(string s) => s switch
        {
            "auto" => MikeyMode.None,
            "psk" => MikeyMode.Psk,
            "ecdh-sign" => MikeyMode.EcdhSign,
            "ecies" => MikeyMode.Ecies,
            "ecmqv" => MikeyMode.Ecmqv,
            _ => null,
        };

        private static SrtpProfile? ParseProfile(string s) => s switch
        {
            "AES_CM_128_HMAC_SHA1_80" => SrtpProfile.AesCm128HmacSha1_80,
            "AES_CM_128_HMAC_SHA1_32" => SrtpProfile.AesCm128HmacSha1_32,
            "AEAD_AES_128_GCM" => SrtpProfile.AeadAes128Gcm,
            "AES_256_CM_HMAC_SHA1_80" => SrtpProfile.AesCm256HmacSha1_80,
            "AEAD_AES_256_GCM" => SrtpProfile.AeadAes256Gcm,
            _ => null,
        };
    }
}
