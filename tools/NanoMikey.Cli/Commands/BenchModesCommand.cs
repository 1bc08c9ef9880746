using System;
using System.CommandLine;
using NanoMikey.Cli.Bench;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `modes` verb: complete MIKEY exchanges per second per mode, their work, and a labelled device projection.</summary>
    public static class BenchModesCommand
    {
        // PROJECTION inputs, not measurements of ours: the nanoFramework interpreter on this machine ran HMAC-SHA-1 over
        // 172 bytes (6 compressions) in ~110 µs and SRTP AES-CM over 172 bytes (11 software AES blocks, plus the HMAC) in
        // ~390 µs (issue 10's figures); an ESP32 at 240 MHz is slower again.
        private const double InterpreterMicrosPerCompression = 110.0 / 6;
        private const double InterpreterMicrosPerAesBlock = (390.0 - 110.0) / 11;

        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var cmd = new Command("modes", "MIKEY exchanges (offer + answer + verification, both sides) per mode, with hash compressions, AES blocks and bytes on the wire");
            var timing = new BenchTimingOptions(cmd, 5, 300);
            cmd.SetAction(parseResult =>
            {
                if (!timing.TryRead(parseResult, out int n, out int ms)) return 2;
                var soft = new ModesBench(true);
                var host = new ModesBench(false);
                var table = new BenchTable("MIKEY exchanges, both sides, one AES_CM_128_HMAC_SHA1_80 crypto session, V requested");
                table.Add("PSK exchange, software AES (device code path)", Measurement.Run(soft.ExchangeLoop, n, ms), null, "no MIKEY in .NET; target < 50 µs");
                table.Add("PSK exchange, host AES engine", Measurement.Run(host.ExchangeLoop, n, ms), null, "no MIKEY in .NET; target < 50 µs");
                Console.WriteLine(table.ToString());

                long[] c = soft.CountOneExchange();
                Console.WriteLine("| PSK work per exchange | initiator | responder |");
                Console.WriteLine("|---|---|---|");
                Console.WriteLine("| hash compressions (SHA-1/SHA-256) | " + c[0] + " | " + c[2] + " |");
                Console.WriteLine("| AES blocks | " + c[1] + " | " + c[3] + " |");
                Console.WriteLine("| P-256 field multiplications | 0 | 0 |");
                Console.WriteLine("| bytes sent | " + soft.OfferBytes + " | " + soft.AnswerBytes + " |");
                Console.WriteLine("| PROJECTION: interpreter on this machine (" + InterpreterMicrosPerCompression.ToString("0.#") + " µs/compression, "
                    + InterpreterMicrosPerAesBlock.ToString("0.#") + " µs/AES block; not measured) | "
                    + Project(c[0], c[1]) + " | " + Project(c[2], c[3]) + " |");
                Console.WriteLine("(sink " + (soft.Sink + host.Sink) + ")");
                return 0;
            });
            return cmd;
        }

        private static string Project(long compressions, long blocks)
        {
            double us = compressions * InterpreterMicrosPerCompression + blocks * InterpreterMicrosPerAesBlock;
            return (us / 1000).ToString("0.0") + " ms";
        }
    }
}
