using System;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Emulator.Sip;
using Spectre.Console;

namespace NanoMikey.Cli.Demo
{
    /// <summary>Runs `demo --sip`: the door station calls a flat of three indoor units through Kamailio, then the summary.</summary>
    public static class SipDemoConsole
    {
        /// <summary>Runs the SIP demo; returns 0 when everything passed, 1 otherwise (also when Kamailio is not installed).</summary>
        /// <param name="options">Seconds, profile, seed.</param>
        /// <param name="port">Kamailio's UDP port on 127.0.0.1.</param>
        /// <param name="progress">Print the steps as they happen.</param>
        public static int Run(DemoOptions options, int port, bool progress)
        {
            if (!KamailioRunner.IsInstalled)
            {
                Console.Error.WriteLine("nanomikey demo: " + KamailioRunner.NotInstalled);
                return 1;
            }

            AnsiConsole.MarkupLine($"[bold]nanoMikey demo[/]: door station calls flat (three indoor units) through Kamailio, MIKEY in SDP + SRTP for {options.Seconds} s, seed {options.Seed}");
            var scenario = new SipDemoScenario(options, port);
            if (progress) scenario.Progress = line => Console.WriteLine("  " + line);
            SipDemoReport r;
            try
            {
                r = scenario.Run();
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine("nanomikey demo: " + e.Message);
                return 1;
            }

            var table = new Table().Title("SIP intercom").HideHeaders().AddColumns("", "");
            table.AddRow("registrations", r.Registrations + " of 4");
            table.AddRow("indoor units rang / forks keyed", $"{r.Rang} / {r.ForksSeen}");
            table.AddRow("winner (MIKEY mode)", Markup.Escape((r.Winner ?? "none") + " (" + r.Mode + ")"));
            table.AddRow("losers' keys wiped", r.LosersWiped + " of 2");
            table.AddRow("SRTP door → winner (sent / accepted)", $"{r.DoorSent} / {r.WinnerReceived}");
            table.AddRow("SRTP winner → door (sent / accepted)", $"{r.WinnerSent} / {r.DoorReceived}");
            table.AddRow("SRTCP reports accepted", r.Reports.ToString());
            table.AddRow("authentication failures", r.AuthenticationFailures.ToString());
            table.AddRow("audio SNR door → winner / back", $"{r.SnrDoorToWinner:F1} / {r.SnrWinnerToDoor:F1} dB");
            AnsiConsole.Write(table);
            foreach (string f in r.Failures) AnsiConsole.MarkupLine("[red]FAILED[/] " + Markup.Escape(f));
            if (r.Passed) AnsiConsole.MarkupLine($"[green]PASSED[/] (SNR threshold {DemoReport.SnrThresholdDecibels} dB)");
            return r.Passed ? 0 : 1;
        }
    }
}
