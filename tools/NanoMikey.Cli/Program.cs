using System;
using System.CommandLine;
using System.IO;
using NanoMikey.Cli.Commands;

namespace NanoMikey.Cli
{
    /// <summary>Entry point of the <c>nanomikey</c> command.</summary>
    public static class Program
    {
        /// <summary>Builds the verb tree and runs it.</summary>
        public static int Main(string[] args)
        {
            return Invoke(CreateRootCommand(), args, Console.Error);
        }

        /// <summary>The verb tree: <c>bench crypto|ecc|codec|srtp|modes</c>, <c>decode</c>, <c>demo</c> and <c>keygen rsa</c>.</summary>
        public static RootCommand CreateRootCommand()
        {
            var root = new RootCommand("nanomikey: MIKEY + SRTP for .NET nanoFramework devices, host tools (exit codes: see decode --help)");
            var bench = new Command("bench", "Benchmarks next to .NET's and libsrtp's implementations in the same run");
            bench.Subcommands.Add(BenchCryptoCommand.Create());
            bench.Subcommands.Add(BenchEccCommand.Create());
            bench.Subcommands.Add(BenchCodecCommand.Create());
            bench.Subcommands.Add(BenchSrtpCommand.Create());
            bench.Subcommands.Add(BenchModesCommand.Create());
            root.Subcommands.Add(bench);
            root.Subcommands.Add(DecodeCommand.Create());
            root.Subcommands.Add(DemoCommand.Create());
            root.Subcommands.Add(KeygenCommand.Create());
            return root;
        }

        /// <summary>
        /// Parses and runs <paramref name="args"/>. A command-line error exits <see cref="ExitCode.UnusableInput"/>; an exception
        /// escaping a command exits <see cref="ExitCode.InternalError"/> with one line on <paramref name="error"/>, never a stack trace.
        /// </summary>
        public static int Invoke(RootCommand root, string[] args, TextWriter error)
        {
            try
            {
                ParseResult parsed = root.Parse(args);
                int code = parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = error });
                return parsed.Errors.Count > 0 ? ExitCode.UnusableInput : code;
            }
            catch (Exception e)
            {
                error.WriteLine("nanomikey: internal error, please report it: " + e.GetType().Name + ": " + FirstLine(e.Message));
                return ExitCode.InternalError;
            }
        }

        private static string FirstLine(string text)
        {
            int end = text.IndexOfAny(new[] { '\r', '\n' });
            return end < 0 ? text : text.Substring(0, end);
        }
    }
}
