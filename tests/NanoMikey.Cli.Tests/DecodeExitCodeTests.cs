using System.CommandLine;

namespace NanoMikey.Cli.Tests
{
    /// <summary>Issue 8 §7: exit codes 0 valid, 1 invalid message, 2 unusable input, 3 internal error; never a stack trace.</summary>
    public class DecodeExitCodeTests
    {
        [Fact]
        public void RtspDataOfPaddingOnly_IsUnusableInput_NotACrash()
        {
            // Used to throw ArgumentOutOfRangeException: "====" has a valid base64 length but no data character.
            var run = CliRun.Start("decode", "KeyMgmt: prot=mikey; data=\"====\"");
            CliAssert.UnusableInput(run, "KeyMgmt data is not strict base64");
        }

        [Fact]
        public void RtspDataWithABadCharacter_IsUnusableInput()
        {
            var run = CliRun.Start("decode", "KeyMgmt: prot=mikey; data=\"QU*D\"");
            CliAssert.UnusableInput(run, "KeyMgmt data is not strict base64");
        }

        [Fact]
        public void NonexistentFile_IsUnusableInput_OneLine()
        {
            string path = Path.Combine(Path.GetTempPath(), "nanomikey-absent-" + Guid.NewGuid().ToString("N"));
            var run = CliRun.Start("decode", "--file", path);
            CliAssert.UnusableInput(run, "no such file");
            Assert.Contains(path, run.Stderr);
        }

        [Fact]
        public void DirectoryAsFile_IsUnusableInput_OneLine()
        {
            var run = CliRun.Start("decode", "--file", Path.GetTempPath());
            CliAssert.UnusableInput(run, "is a directory");
        }

        [Fact]
        public void EmptyFile_IsUnusableInput()
        {
            string path = Path.GetTempFileName();
            try
            {
                CliAssert.UnusableInput(CliRun.Start("decode", "--file", path), "is empty");
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void CommandLineError_IsUnusableInput_NotInvalidMessage()
        {
            var run = CliRun.Start("decode", "AAAA", "BBBB");
            Assert.Equal(2, run.ExitCode);
            CliAssert.NoStackTrace(run);
            Assert.Contains("BBBB", run.Stderr);
        }

        [Fact]
        public void HelpDocumentsTheExitCodes()
        {
            var run = CliRun.Start("decode", "--help");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Exit codes:", run.Stdout);
            Assert.Contains("0  valid", run.Stdout);
            Assert.Contains("1  invalid MIKEY message", run.Stdout);
            Assert.Contains("2  unusable input", run.Stdout);
            Assert.Contains("3  internal error", run.Stdout);
        }

        [Fact]
        public void ExceptionEscapingACommand_ExitsInternalError_WithOneLine()
        {
            // No input makes decode throw any more (the point of these fixes), so the top-level handler gets a throwing verb.
            var root = new RootCommand("test");
            var boom = new Command("boom");
            boom.SetAction((ParseResult _) => ThrowingAction());
            root.Subcommands.Add(boom);
            var error = new StringWriter();
            Assert.Equal(3, Program.Invoke(root, new[] { "boom" }, error));
            string text = error.ToString();
            Assert.Equal("nanomikey: internal error, please report it: InvalidOperationException: first line", text.TrimEnd());
        }

        private static int ThrowingAction()
        {
            throw new InvalidOperationException("first line\n   at Somewhere.Deep()");
        }
    }
}
