using System;
using System.CommandLine;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `srtp` verb.</summary>
    public static class BenchSrtpCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var cmd = new Command("srtp", "(not built yet)");
            cmd.SetAction(_ => { Console.Error.WriteLine("srtp: not built yet"); return 2; });
            return cmd;
        }
    }
}
