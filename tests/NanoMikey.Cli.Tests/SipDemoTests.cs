using System.Diagnostics;

namespace NanoMikey.Cli.Tests
{
    /// <summary>
    /// `nanomikey demo --sip`: the door station calls a flat of three indoor units through a Kamailio the demo starts on
    /// 127.0.0.1:19650 (ports 19650–19655); without Kamailio it says so in one line and fails.
    /// </summary>
    public class SipDemoTests
    {
        [Fact]
        public void SipDemoCallsTheFlatThroughKamailioAndPasses()
        {
            CliRun run = CliRun.Start("demo", "--sip", "--sip-port", "19650", "--seconds", "2", "--no-progress");
            Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
            Assert.Contains("4 of 4", run.Stdout);
            Assert.Contains("3 / 3", run.Stdout); // rang / forks keyed
            Assert.Contains("indoor2 (EcdhSign)", run.Stdout);
            Assert.Contains("2 of 2", run.Stdout); // losers' keys wiped
            Assert.Contains("PASSED", run.Stdout);
            Assert.DoesNotContain("FAILED", run.Stdout);
        }

        [Fact]
        public void WithoutKamailioItSaysSoInOneLineAndFails()
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nanomikey.dll"));
            foreach (string a in new[] { "demo", "--sip", "--sip-port", "19652" }) psi.ArgumentList.Add(a);
            psi.Environment["NANOMIKEY_KAMAILIO"] = "/nonexistent/kamailio";
            using var p = Process.Start(psi)!;
            string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(30_000));
            Assert.Equal(1, p.ExitCode);
            Assert.Equal("nanomikey demo: kamailio is not installed (apt-get install kamailio): demo --sip needs it as registrar and forking proxy",
                stderr.Trim());
            Assert.Equal("", stdout.Trim());
        }

        [Theory]
        [InlineData("demo", "sensor", "--sip")]
        [InlineData("demo", "--sip", "--sip-port", "80")]
        public void SipOptionsOutsideTheIntercomDemoAreUsageErrors(params string[] args)
        {
            CliRun run = CliRun.Start(args);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--sip", run.Stderr);
        }
    }
}
