using System;
using System.CommandLine;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The timing options every `bench` verb takes: rounds per row (best kept) and milliseconds per round.</summary>
    public sealed class BenchTimingOptions
    {
        private readonly Option<int> _rounds;
        private readonly Option<int> _roundMillis;

        /// <summary>Adds <c>--rounds</c> and <c>--round-ms</c> with the verb's defaults to <paramref name="command"/>.</summary>
        public BenchTimingOptions(Command command, int defaultRounds, int defaultRoundMillis)
        {
            _rounds = new Option<int>("--rounds") { Description = "Timed rounds per row (best kept)", DefaultValueFactory = _ => defaultRounds };
            _roundMillis = new Option<int>("--round-ms") { Description = "Target milliseconds per round", DefaultValueFactory = _ => defaultRoundMillis };
            command.Options.Add(_rounds);
            command.Options.Add(_roundMillis);
        }

        /// <summary>Reads both values; on a bad value prints why and returns false. Warns when not built in Release.</summary>
        public bool TryRead(ParseResult parseResult, out int rounds, out int roundMillis)
        {
            rounds = parseResult.GetValue(_rounds);
            roundMillis = parseResult.GetValue(_roundMillis);
            if (rounds < 1 || roundMillis < 1)
            {
                Console.Error.WriteLine("--rounds and --round-ms must be positive");
                return false;
            }
#if DEBUG
            Console.Error.WriteLine("warning: Debug build; measure with -c Release");
#endif
            return true;
        }
    }
}
