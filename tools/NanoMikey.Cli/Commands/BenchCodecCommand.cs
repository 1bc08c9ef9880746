using System;
using System.CommandLine;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `codec` verb.</summary>
    public static class BenchCodecCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var cmd = new Command("codec", "(not built yet)");
            cmd.SetAction(_ => { Console.Error.WriteLine("codec: not built yet"); return 2; });
            return cmd;
        }
    }
}
