using System;
using System.CommandLine;
using NanoMikey.Cli.Bench;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `ecc` verb: P-256 key generation, ECDH, ECDSA, ECMQV, ECIES and the ECDH-SIGN exchange next to .NET (OpenSSL) in the same run.</summary>
    public static class BenchEccCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var cost = new Option<double>("--cost-per-mul-us")
            {
                Description = "Device cost of one P-256 field multiplication in microseconds, before the interpreter slowdown",
                DefaultValueFactory = _ => 12.8,
            };
            var slowMin = new Option<double>("--slowdown-min") { Description = "Lower interpreter slowdown factor for the projection", DefaultValueFactory = _ => 20 };
            var slowMax = new Option<double>("--slowdown-max") { Description = "Upper interpreter slowdown factor for the projection", DefaultValueFactory = _ => 100 };
            var cmd = new Command("ecc", "P-256 keygen, ECDH, ECDSA sign/verify, ECMQV, ECIES and a MIKEY ECDH-SIGN exchange vs .NET (OpenSSL), field-multiplication counts, device projection");
            var timing = new BenchTimingOptions(cmd, 5, 200);
            cmd.Options.Add(cost);
            cmd.Options.Add(slowMin);
            cmd.Options.Add(slowMax);
            cmd.SetAction(parseResult =>
            {
                if (!timing.TryRead(parseResult, out int r, out int ms)) return 2;
                double c = parseResult.GetValue(cost);
                double lo = parseResult.GetValue(slowMin);
                double hi = parseResult.GetValue(slowMax);
                if (c <= 0 || lo <= 0 || hi < lo)
                {
                    Console.Error.WriteLine("--cost-per-mul-us and the slowdowns must be positive (min <= max)");
                    return 2;
                }
                var bench = new EccBench(r, ms);
                Console.WriteLine(bench.RunTimings().ToString());
                Console.WriteLine(bench.OperationCounts(c, lo, hi));
                return 0;
            });
            return cmd;
        }
    }
}
