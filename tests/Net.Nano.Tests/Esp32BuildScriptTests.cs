using System.Diagnostics;

namespace NanoMikey.Net.Tests
{
    /// <summary>
    /// hardware/Esp32/build.sh, as far as it can be checked without the kit: it refuses clearly when NANOFRAMEWORK_KIT
    /// is unset or names no kit, before invoking any build. (With the kit, the device-test stage runs it.)
    /// </summary>
    public class Esp32BuildScriptTests
    {
        private static (int Exit, string Error) Run(string? kit)
        {
            var start = new ProcessStartInfo("bash", Path.Combine(TestData.RepoRoot, "hardware", "Esp32", "build.sh"))
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.Environment.Remove("NANOFRAMEWORK_KIT");
            if (kit != null) start.Environment["NANOFRAMEWORK_KIT"] = kit;
            using var p = Process.Start(start)!;
            string error = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, error);
        }

        [Fact]
        public void Unset_FailsClearly()
        {
            var (exit, error) = Run(null);
            Assert.Equal(2, exit);
            Assert.Contains("NANOFRAMEWORK_KIT is not set", error);
        }

        [Fact]
        public void AFolderThatIsNoKit_FailsClearly()
        {
            string dir = Directory.CreateTempSubdirectory("no-kit-").FullName;
            try
            {
                var (exit, error) = Run(dir);
                Assert.Equal(2, exit);
                Assert.Contains("has no ref/mscorlib.dll", error);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
