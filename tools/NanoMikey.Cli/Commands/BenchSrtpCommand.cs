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
            var cmd = new Command("srtp", "SRTP protect/unprotect (AES_CM_128_HMAC_SHA1_80, AEAD_AES_128_GCM; 172 and 1200 bytes; host and software AES) vs libsrtp2");
            var timing = new BenchTimingOptions(cmd, 25, 40);
            cmd.SetAction(parseResult =>
            {
                if (!timing.TryRead(parseResult, out int r, out int ms)) return 2;
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
