using System;
using NanoMikey.Emulator.Scenarios;
using NanoMikey.Emulator.GStreamer;
using Spectre.Console;

namespace NanoMikey.Cli.Demo
{
    /// <summary>Runs `demo sensor --rtsp`: says when the stream is ready and how to play it, then prints the server's summary.</summary>
    public static class RtspDemoConsole
    {
        /// <summary>Runs the RTSP sensor demo; returns 0 when everything passed, 1 otherwise.</summary>
        public static int Run(DemoOptions options, bool progress)
        {
            if (options.PlayWithGStreamer && !RtspPlayer.IsInstalled())
            {
                Console.Error.WriteLine("nanomikey demo: --play needs gst-launch-1.0 with rtspsrc (Debian: gstreamer1.0-tools gstreamer1.0-rtsp gstreamer1.0-plugins-good gstreamer1.0-plugins-bad)");
                return 1;
            }

            var scenario = new RtspDemoScenario(options);
            AnsiConsole.MarkupLine($"[bold]nanoMikey demo[/]: sensor serves RTSP with MIKEY (NULL mode) + SRTP for {options.Seconds} s, seed {options.Seed}");
            scenario.Ready = (url, command) =>
            {
                AnsiConsole.MarkupLine("[green]serving[/] " + Markup.Escape(url));
                AnsiConsole.MarkupLine(options.PlayWithGStreamer ? "playing it with:" : "play it (in another terminal, while this runs) with:");
                Console.WriteLine("  " + command);
            };
            long lastSecond = -1;
            scenario.Progress = (t, sensor) =>
            {
                if (!progress || (long)t == lastSecond || (long)t % 2 != 0) return;
                lastSecond = (long)t;
                Console.WriteLine($"  t={t,5:F1} s  sensor: {sensor.State}, {sensor.Server.ClientCount} client(s), {sensor.Server.PlayingCount} playing, {sensor.Server.PacketsSent} SRTP packets sent");
            };
            RtspDemoReport r = scenario.Run();

            var table = new Table().Title("RTSP sensor").HideHeaders().AddColumns("", "");
            table.AddRow("stream", Markup.Escape(r.Url));
            table.AddRow("frames read / served", $"{r.FramesRead} / {r.FramesServed}");
            table.AddRow("SRTP packets sent", r.PacketsSent.ToString());
            table.AddRow("SRTCP reports sent / received", $"{r.ReportsSent} / {r.ReportsReceived}");
            table.AddRow("datagrams dropped", r.DatagramsDropped + " (rtspsrc's NAT punching, failed SRTCP)");
            table.AddRow("connections refused", r.Refused.ToString());
            if (r.Played)
            {
                table.AddRow("rtspsrc decoded", $"{r.PlayedSeconds:F1} s");
                table.AddRow("audio SNR (microphone vs rtspsrc)", double.IsNaN(r.SnrDecibels) ? "n/a" : $"{r.SnrDecibels:F1} dB");
            }

            AnsiConsole.Write(table);
            if (options.OutputDirectory != null)
            {
                Console.WriteLine("wrote " + System.IO.Path.Combine(options.OutputDirectory, "rtsp-demo.pcap"));
                if (r.Played) Console.WriteLine("wrote " + System.IO.Path.Combine(options.OutputDirectory, "rtspsrc-received.wav"));
            }

            foreach (string f in r.Failures) AnsiConsole.MarkupLine("[red]FAILED[/] " + Markup.Escape(f));
            if (r.Passed) AnsiConsole.MarkupLine(r.Played ? $"[green]PASSED[/] (SNR threshold {DemoReport.SnrThresholdDecibels} dB)" : "[green]PASSED[/] (served; run with --play to check the audio)");
            return r.Passed ? 0 : 1;
        }
    }
}
