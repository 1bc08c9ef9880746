using System;
using System.Collections.Generic;
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
            var keying = new Table().Title("Keying").HideHeaders().AddColumns("", "");
            keying.AddRow("MIKEY mode", ModeName(r.Mode));
            keying.AddRow("handshake", r.Keyed ? $"{r.HandshakeMilliseconds:F1} ms, {r.HandshakeMessages} messages, {r.Retransmissions} retransmitted" : "[red]did not complete[/]");
            keying.AddRow("rejected / duplicates", $"{r.MikeyRejected} / {r.MikeyDuplicates} (at the answerer)");
            keying.AddRow("network", Markup.Escape(r.NetworkSummary));
            AnsiConsole.Write(keying);

            // One column per direction: the table stays narrow enough for an 80-column terminal or a CI log.
            var media = new Table().Title("Media: G.711 over SRTP, 20 ms frames").AddColumn("");
            foreach (DirectionReport d in r.Directions) media.AddColumn(Markup.Escape(d.Name));
            Row(media, r, "packets sent", d => d.Sent.ToString());
            Row(media, r, "packets received", d => d.Received.ToString());
            Row(media, r, "lost", d => d.Lost.ToString());
            Row(media, r, "concealed frames", d => d.Concealed.ToString());
            Row(media, r, "authentication failures", d => d.AuthenticationFailures.ToString());
            Row(media, r, "replays dropped", d => d.ReplaysDropped.ToString());
            Row(media, r, "SRTCP reports received", d => d.Reports.ToString());
            Row(media, r, "audio SNR (sent vs played)", d => d.SnrDecibels >= DemoReport.SnrThresholdDecibels ? $"{d.SnrDecibels:F1} dB" : $"[red]{d.SnrDecibels:F1} dB[/]");
            AnsiConsole.Write(media);

            var cost = new Table().Title("Cost on this host, devices' steady state").HideHeaders().AddColumns("", "");
            bool measured = r.MeasuredPackets > 0;
            cost.AddRow("bytes allocated per packet", measured ? $"{r.BytesPerPacket:F1} (over {r.MeasuredPackets} packets)" : "n/a (the run ended before the first SRTCP report)");
            cost.AddRow("CPU per packet", measured ? $"{r.MicrosecondsPerPacket:F1} µs" : "n/a");
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

        private static string ModeName(NanoMikey.Mikey.Modes.MikeyMode m) => m switch
        {
            NanoMikey.Mikey.Modes.MikeyMode.Psk => "PSK (RFC 3830 §3.1)",
            NanoMikey.Mikey.Modes.MikeyMode.EcdhSign => "ECDH-SIGN (P-256, docs/ecc-profile.md)",
            NanoMikey.Mikey.Modes.MikeyMode.Ecies => "ECIES (P-256, docs/ecc-profile.md)",
            NanoMikey.Mikey.Modes.MikeyMode.Ecmqv => "ECMQV (P-256, docs/ecc-profile.md)",
            _ => m.ToString(),
        };

        private static void Row(Table t, DemoReport r, string name, Func<DirectionReport, string> value)
        {
            var cells = new List<string> { name };
            foreach (DirectionReport d in r.Directions) cells.Add(value(d));
            t.AddRow(cells.ToArray());
        }
    }
}
