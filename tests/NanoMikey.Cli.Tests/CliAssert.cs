namespace NanoMikey.Cli.Tests
{
    /// <summary>What a user of nanomikey must never see, and the one-line error they see instead.</summary>
    internal static class CliAssert
    {
        /// <summary>No stack frame or unhandled-exception banner on either stream.</summary>
        public static void NoStackTrace(CliRun run)
        {
            Assert.DoesNotContain("   at ", run.Stdout + run.Stderr);
            Assert.DoesNotContain("Unhandled exception", run.Stdout + run.Stderr);
            Assert.DoesNotContain("Exception", run.Stderr);
        }

        /// <summary>Exit code 2 (unusable input), nothing on stdout, exactly one line on stderr containing <paramref name="words"/>.</summary>
        public static void UnusableInput(CliRun run, string words)
        {
            Assert.Equal(2, run.ExitCode);
            NoStackTrace(run);
            Assert.Equal(string.Empty, run.Stdout);
            string[] lines = run.Stderr.TrimEnd('\n', '\r').Split('\n');
            Assert.Single(lines);
            Assert.StartsWith("decode: ", lines[0]);
            Assert.Contains(words, lines[0]);
        }
    }
}
