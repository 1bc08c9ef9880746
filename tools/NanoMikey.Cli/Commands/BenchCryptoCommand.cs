using System;
using System.CommandLine;
using NanoMikey.Cli.Bench;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `crypto` verb: symmetric primitives (AES-CTR, AES-GCM, HMAC, SHA) next to .NET's in the same run.</summary>
    public static class BenchCryptoCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var rounds = new Option<int>("--rounds") { Description = "Timed rounds per row (best kept)", DefaultValueFactory = _ => 5 };
            var millis = new Option<int>("--round-ms") { Description = "Target milliseconds per round", DefaultValueFactory = _ => 200 };
            var cmd = new Command("crypto", "AES-CTR (host engine, software AES), HMAC-SHA-1, SHA-256, AES-GCM vs .NET");
            cmd.Options.Add(rounds);
            cmd.Options.Add(millis);
            cmd.SetAction(parseResult =>
            {
                int r = parseResult.GetValue(rounds);
                int ms = parseResult.GetValue(millis);
                if (r < 1 || ms < 1)
                {
                    Console.Error.WriteLine("--rounds and --round-ms must be positive");
                    return 2;
                }
#if DEBUG
                Console.Error.WriteLine("warning: Debug build; measure with -c Release");
#endif
                Console.WriteLine(CryptoBench.Run(r, ms).ToString());
                return 0;
            });
            return cmd;
        }
    }
}
