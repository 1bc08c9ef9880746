using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace NanoMikey.NativeCore.Tests
{
    /// <summary>
    /// Builds hardware/Esp32.Native/native/core/*.c with gcc (-O2 -fPIC -shared, -lmbedcrypto) into this test's output folder
    /// once per run (again only when a source is newer) and points the "nmcore" P/Invoke library at it.
    /// </summary>
    internal static class NmCoreLibrary
    {
        private static readonly Lazy<string> Built = new Lazy<string>(Build, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The shared library's path; throws (failing the test) when gcc or libmbedtls-dev is missing.</summary>
        internal static string Path => Built.Value;

        /// <summary>The core's source folder in the repository.</summary>
        internal static string SourceDir => System.IO.Path.Combine(TestData.RepoRoot, "hardware", "Esp32.Native", "native", "core");

        internal static void Register()
        {
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(NmCoreLibrary).Assembly, Resolve);
            }
            catch (InvalidOperationException)
            {
                // already registered by another class's static constructor
            }
        }

        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            return name == NmCore.Library ? NativeLibrary.Load(Path) : IntPtr.Zero;
        }

        private static string Build()
        {
            string gcc = FindOnPath("gcc") ?? throw new InvalidOperationException(
                "gcc is not installed: the native core tests need it (apt-get install gcc libmbedtls-dev)");
            if (!File.Exists("/usr/include/mbedtls/version.h"))
            {
                throw new InvalidOperationException("/usr/include/mbedtls is missing: the native core tests need libmbedtls-dev (apt-get install libmbedtls-dev)");
            }

            string[] sources = Directory.GetFiles(SourceDir, "*.c");
            if (sources.Length == 0) throw new InvalidOperationException("no C sources in " + SourceDir);
            string outDir = System.IO.Path.Combine(AppContext.BaseDirectory, "native");
            Directory.CreateDirectory(outDir);
            string lib = System.IO.Path.Combine(outDir, "libnmcore.so");
            DateTime newest = Directory.GetFiles(SourceDir).Max(File.GetLastWriteTimeUtc);
            if (File.Exists(lib) && File.GetLastWriteTimeUtc(lib) > newest) return lib;

            string tmp = lib + "." + Environment.ProcessId + ".tmp";
            var psi = new ProcessStartInfo(gcc)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string a in new[] { "-std=c99", "-O2", "-fPIC", "-shared", "-Wall", "-Wextra", "-Werror", "-fvisibility=hidden", "-o", tmp })
                psi.ArgumentList.Add(a);
            foreach (string s in sources) psi.ArgumentList.Add(s);
            psi.ArgumentList.Add("-lmbedcrypto");
            using (Process p = Process.Start(psi)!)
            {
                string err = p.StandardError.ReadToEnd();
                p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode != 0) throw new InvalidOperationException("gcc failed to build the native core (exit " + p.ExitCode + "):\n" + err);
            }

            File.Move(tmp, lib, true);
            return lib;
        }

        private static string? FindOnPath(string tool)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            {
                if (dir.Length == 0) continue;
                string candidate = System.IO.Path.Combine(dir, tool);
                if (File.Exists(candidate)) return candidate;
            }

            return null;
        }
    }
}
