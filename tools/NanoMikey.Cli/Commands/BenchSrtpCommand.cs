using System;
using System.CommandLine;
using NanoMikey.Cli.Bench;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `srtp` verb: SRTP protect/unprotect packet rates next to libsrtp2 (P/Invoke) in the same run.</summary>
    public static class BenchSrtpCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var rounds = new Option<int>("--rounds") { Description = "Timed rounds per row (best kept)", DefaultValueFactory = _ => 25 };
            var millis = new Option<int>("--round-ms") { Description = "Target milliseconds per round", DefaultValueFactory = _ => 40 };
            var cmd = new Command("srtp", "SRTP protect/unprotect (AES_CM_128_HMAC_SHA1_80, AEAD_AES_128_GCM; 172 and 1200 bytes; host and software AES) vs libsrtp2");
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
                try
                {
                    Console.WriteLine(SrtpBench.Run(r, ms).ToString());
                }
                catch (DllNotFoundException e)
                {
                    Console.Error.WriteLine("srtp: libsrtp2 (libsrtp2.so.1) not found; install the Debian package libsrtp2-1. " + e.Message);
                    return 1;
                }
                return 0;
            });
            return cmd;
        }
    }
}
