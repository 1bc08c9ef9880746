using System;
using System.CommandLine;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `decode` verb.</summary>
    public static class DecodeCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var cmd = new Command("decode", "(not built yet)");
            cmd.SetAction(_ => { Console.Error.WriteLine("decode: not built yet"); return 2; });
            return cmd;
        }
    }
}
