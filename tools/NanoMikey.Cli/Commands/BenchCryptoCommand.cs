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
            var cmd = new Command("crypto", "AES-CTR (host engine, software AES), HMAC-SHA-1, SHA-256, AES-GCM vs .NET");
            var timing = new BenchTimingOptions(cmd, 5, 200);
            cmd.SetAction(parseResult =>
            {
                if (!timing.TryRead(parseResult, out int r, out int ms)) return 2;
                Console.WriteLine(CryptoBench.Run(r, ms).ToString());
                return 0;
            });
            return cmd;
        }
    }
}
