using System;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Firmware.Roles;
using Spectre.Console;

namespace NanoMikey.Cli.Demo
{
    /// <summary>Runs a demo with a live progress display and prints its summary table.</summary>
    public static class DemoConsole
    {
        /// <summary>Runs <paramref name="options"/>; returns 0 when everything passed, 1 otherwise.</summary>
        public static int Run(DemoOptions options, bool progress)
        {
            var scenario = new DemoScenario(options);
            DemoReport report;
            bool intercom = options.Scenario == DemoScenarioKind.Intercom;
            string title = intercom ? "door station calls indoor unit" : "sensor streams to collector";
            AnsiConsole.MarkupLine("[bold]nanoMikey demo[/]: " + title + ", " + options.Seconds + " s of audio, seed " + options.Seed);
            if (progress && AnsiConsole.Profile.Capabilities.Interactive)
            {
                report = null!;
                AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        ProgressTask time = ctx.AddTask("virtual time", maxValue: options.Seconds + 2);
                        ProgressTask calling = ctx.AddTask(intercom ? "door → indoor" : "sensor → collector", maxValue: options.Seconds * 50);
                        ProgressTask answering = intercom ? ctx.AddTask("indoor → door", maxValue: options.Seconds * 50) : null!;
                        scenario.Progress = (t, caller, answerer) =>
                        {
                            time.Value = Math.Min(t, time.MaxValue);
                            calling.Value = Math.Min(answerer.Stack.Media.Statistics.PacketsReceived, calling.MaxValue);
                            calling.Description = (intercom ? "door → indoor " : "sensor → collector ") + State(caller);
                            if (intercom) answering.Value = Math.Min(caller.Stack.Media.Statistics.PacketsReceived, answering.MaxValue);
                        };
                        report = scenario.Run();
                        time.Value = time.MaxValue;
                    });
            }
            else
            {
                long lastSecond = -1;
                scenario.Progress = (t, caller, answerer) =>
                {
                    if (!progress || (long)t == lastSecond || (long)t % 2 != 0) return;
                    lastSecond = (long)t;
                    Console.WriteLine($"  t={t,5:F1} s  {caller.Name}: {State(caller)}, sent {caller.Stack.Media.Statistics.PacketsSent}, received {caller.Stack.Media.Statistics.PacketsReceived}; "
                        + $"{answerer.Name}: sent {answerer.Stack.Media.Statistics.PacketsSent}, received {answerer.Stack.Media.Statistics.PacketsReceived}");
                };
                report = scenario.Run();
            }

            Print(report);
            return report.Passed ? 0 : 1;
        }

        private static string State(EmulatedDevice d)
        {
            if (d.Station != null) return d.Station.State == StationState.WaitingForTime ? "waiting for SNTP" : d.Station.State.ToString();
            if (d.Sensor != null) return d.Sensor.State == StationState.WaitingForTime ? "waiting for SNTP" : d.Sensor.State.ToString();
            return "";
        }

        private static void Print(DemoReport r)
        {
            var keying = new Table().Title("Keying").AddColumns("", "");
            keying.AddRow("MIKEY mode", r.Mode.ToString());
            keying.AddRow("handshake", r.Keyed ? $"{r.HandshakeMilliseconds:F1} ms (virtual), {r.HandshakeMessages} messages, {r.Retransmissions} retransmissions" : "[red]did not complete[/]");
            keying.AddRow("answerer: rejected / duplicates", $"{r.MikeyRejected} / {r.MikeyDuplicates}");
            keying.AddRow("network", Markup.Escape(r.NetworkSummary));
            AnsiConsole.Write(keying);

            var media = new Table().Title("Media (G.711 over SRTP, 20 ms frames)");
            media.AddColumns("direction", "sent", "received", "lost", "concealed", "auth failures", "replays dropped", "SRTCP reports", "audio SNR");
            foreach (DirectionReport d in r.Directions)
            {
                string snr = d.SnrDecibels >= DemoReport.SnrThresholdDecibels ? $"{d.SnrDecibels:F1} dB" : $"[red]{d.SnrDecibels:F1} dB[/]";
                media.AddRow(Markup.Escape(d.Name), d.Sent.ToString(), d.Received.ToString(), d.Lost.ToString(), d.Concealed.ToString(),
                    d.AuthenticationFailures.ToString(), d.ReplaysDropped.ToString(), d.Reports.ToString(), snr);
            }

            AnsiConsole.Write(media);
            var cost = new Table().Title("Cost on this host (device code, steady state)").AddColumns("", "");
            cost.AddRow("bytes allocated per packet", $"{r.BytesPerPacket:F1}");
            cost.AddRow("CPU per packet", $"{r.MicrosecondsPerPacket:F1} µs");
            cost.AddRow("run", $"{r.VirtualSeconds:F1} s virtual in {r.HostSeconds:F2} s");
            AnsiConsole.Write(cost);
            foreach (string f in r.Files) AnsiConsole.MarkupLine("wrote " + Markup.Escape(f));
            if (r.Passed)
            {
                AnsiConsole.MarkupLine($"[green]PASSED[/] (SNR threshold {DemoReport.SnrThresholdDecibels} dB per direction)");
            }
            else
            {
                foreach (string f in r.Failures) AnsiConsole.MarkupLine("[red]FAILED[/]: " + Markup.Escape(f));
            }
        }
    }
}
