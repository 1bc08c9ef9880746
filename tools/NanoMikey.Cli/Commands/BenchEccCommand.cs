using System;
using System.CommandLine;
using NanoMikey.Cli.Bench;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `ecc` verb: P-256 key generation, ECDH, ECDSA, ECMQV and ECIES next to .NET (OpenSSL) in the same run.</summary>
    public static class BenchEccCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var rounds = new Option<int>("--rounds") { Description = "Timed rounds per row (best kept)", DefaultValueFactory = _ => 5 };
            var millis = new Option<int>("--round-ms") { Description = "Target milliseconds per round", DefaultValueFactory = _ => 200 };
            var cost = new Option<double>("--cost-per-mul-us")
            {
                Description = "Device cost of one P-256 field multiplication in microseconds, before the interpreter slowdown",
                DefaultValueFactory = _ => 12.8,
            };
            var slowMin = new Option<double>("--slowdown-min") { Description = "Lower interpreter slowdown factor for the projection", DefaultValueFactory = _ => 20 };
            var slowMax = new Option<double>("--slowdown-max") { Description = "Upper interpreter slowdown factor for the projection", DefaultValueFactory = _ => 100 };
            var cmd = new Command("ecc", "P-256 keygen, ECDH, ECDSA sign/verify, ECMQV, ECIES vs .NET (OpenSSL), field-multiplication counts, device projection");
            cmd.Options.Add(rounds);
            cmd.Options.Add(millis);
            cmd.Options.Add(cost);
            cmd.Options.Add(slowMin);
            cmd.Options.Add(slowMax);
            cmd.SetAction(parseResult =>
            {
                int r = parseResult.GetValue(rounds);
                int ms = parseResult.GetValue(millis);
                double c = parseResult.GetValue(cost);
                double lo = parseResult.GetValue(slowMin);
                double hi = parseResult.GetValue(slowMax);
                if (r < 1 || ms < 1 || c <= 0 || lo <= 0 || hi < lo)
                {
                    Console.Error.WriteLine("--rounds, --round-ms, --cost-per-mul-us and the slowdowns must be positive (min <= max)");
                    return 2;
                }
#if DEBUG
                Console.Error.WriteLine("warning: Debug build; measure with -c Release");
#endif
                var bench = new EccBench(r, ms);
                Console.WriteLine(bench.RunTimings().ToString());
                Console.WriteLine(bench.OperationCounts(c, lo, hi));
                return 0;
            });
            return cmd;
        }
    }
}
