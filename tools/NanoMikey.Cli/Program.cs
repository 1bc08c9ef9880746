using System.CommandLine;
using NanoMikey.Cli.Commands;

namespace NanoMikey.Cli
{
    /// <summary>Entry point of the <c>nanomikey</c> command.</summary>
    public static class Program
    {
        /// <summary>Builds the verb tree and runs it.</summary>
        public static int Main(string[] args)
        {
            var root = new RootCommand("nanomikey: MIKEY + SRTP for .NET nanoFramework devices, host tools");
            var bench = new Command("bench", "Benchmarks next to .NET's and libsrtp's implementations in the same run");
            bench.Subcommands.Add(BenchCryptoCommand.Create());
            bench.Subcommands.Add(BenchEccCommand.Create());
            bench.Subcommands.Add(BenchCodecCommand.Create());
            bench.Subcommands.Add(BenchSrtpCommand.Create());
            root.Subcommands.Add(bench);
            root.Subcommands.Add(DecodeCommand.Create());
            return root.Parse(args).Invoke();
        }
    }
}
