using System;
using System.CommandLine;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `ecc` verb.</summary>
    public static class BenchEccCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var cmd = new Command("ecc", "(not built yet)");
            cmd.SetAction(_ => { Console.Error.WriteLine("ecc: not built yet"); return 2; });
            return cmd;
        }
    }
}
