using System;
using System.CommandLine;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `crypto` verb.</summary>
    public static class BenchCryptoCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var cmd = new Command("crypto", "(not built yet)");
            cmd.SetAction(_ => { Console.Error.WriteLine("crypto: not built yet"); return 2; });
            return cmd;
        }
    }
}
