using System.Diagnostics;

namespace NanoMikey.Cli.Tests
{
    /// <summary>One run of the built nanomikey.dll in its own process.</summary>
    internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
    {
        public static CliRun Start(params string[] args)
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nanomikey.dll"));
            foreach (string a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(60_000))
            {
                p.Kill(true);
                throw new TimeoutException("nanomikey " + string.Join(" ", args) + " did not finish");
            }
            return new CliRun(p.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
