namespace NanoMikey.Cli.Tests
{
    /// <summary>`nanomikey demo` as a user runs it: the summary, the files, and the exit code that says whether it passed.</summary>
    public class DemoCommandTests
    {
        [Fact]
        public void IntercomDemoPassesAndWritesAudioAndCapture()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-cli-demo-" + Guid.NewGuid().ToString("N"));
            try
            {
                var run = CliRun.Start("demo", "--seconds", "3", "--loss", "3", "--jitter", "5", "--out", dir, "--no-progress");
                Assert.Equal(0, run.ExitCode);
                Assert.Contains("ECDH-SIGN", run.Stdout);
                Assert.Contains("door → indoor", run.Stdout);
                Assert.Contains("PASSED", run.Stdout);
                Assert.True(File.Exists(Path.Combine(dir, "demo.pcap")));
                Assert.True(File.Exists(Path.Combine(dir, "door-received.wav")));
                Assert.True(File.Exists(Path.Combine(dir, "indoor-received.wav")));
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void SensorDemoKeysWithPsk()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-cli-demo-" + Guid.NewGuid().ToString("N"));
            try
            {
                var run = CliRun.Start("demo", "sensor", "--seconds", "2", "--out", dir, "--no-progress");
                Assert.Equal(0, run.ExitCode);
                Assert.Contains("PSK", run.Stdout);
                Assert.Contains("sensor → collector", run.Stdout);
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData(false, "19654")]
        [InlineData(true, "19656")]
        public void RtspSensorDemoPrintsThePlayLineAndRtspsrcPlaysIt(bool tcp, string port)
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-cli-demo-" + Guid.NewGuid().ToString("N"));
            try
            {
                var args = new List<string> { "demo", "sensor", "--rtsp", "--rtsp-port", port, "--play", "--seconds", "5", "--out", dir, "--no-progress" };
                if (tcp) args.Add("--tcp");
                var run = CliRun.Start(args.ToArray());
                Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
                Assert.Contains("gst-launch-1.0 -e rtspsrc location=rtsp://127.0.0.1:" + port + "/audio protocols=" + (tcp ? "tcp" : "udp"), run.Stdout);
                Assert.Contains("PASSED (SNR threshold", run.Stdout);
                Assert.True(File.Exists(Path.Combine(dir, "rtspsrc-received.wav")));
                Assert.True(File.Exists(Path.Combine(dir, "rtsp-demo.pcap")));
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData("demo", "--rtsp")]
        [InlineData("demo", "sensor", "--play")]
        [InlineData("demo", "sensor", "--rtsp", "--rtsp-port", "0")]
        public void RtspOptionsOutsideTheRtspSensorDemoAreUsageErrors(params string[] args)
        {
            var run = CliRun.Start(args);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("nanomikey demo:", run.Stderr);
        }

        [Fact]
        public void ARunWhereNoAudioArrivesExitsOne()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-cli-demo-" + Guid.NewGuid().ToString("N"));
            try
            {
                // Every media packet of the door tampered with: authentication drops them all.
                var run = CliRun.Start("demo", "--seconds", "2", "--flip-every", "1", "--out", dir, "--no-progress");
                Assert.Equal(1, run.ExitCode);
                Assert.Contains("FAILED", run.Stdout);
                Assert.Contains("no audio arrived", run.Stdout);
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData("--mode", "rsa")]
        [InlineData("--profile", "AES_CM_999")]
        [InlineData("--loss", "150")]
        public void UnusableOptionsExitTwo(string option, string value)
        {
            var run = CliRun.Start("demo", option, value, "--no-progress");
            Assert.Equal(2, run.ExitCode);
        }
    }
}
