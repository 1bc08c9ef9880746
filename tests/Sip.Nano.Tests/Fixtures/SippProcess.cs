using System.Diagnostics;
using System.Text;

namespace NanoMikey.Sip.Tests.Fixtures
{
    /// <summary>
    /// One SIPp (sip-tester 3.6) run of a scenario from Fixtures/sipp/, on 127.0.0.1 with every port it opens inside a
    /// block of <see cref="PortsPerProcess"/> starting at the SIP port: SIP, control (-cp), media (-mp: audio RTP there and
    /// RTCP above it, video at -mp + 2, and rtp_stream's sockets near them). The scenario is copied into a temp directory (with text replacements) so its
    /// trace logs land there. Ends by itself (-m 1, -timeout with -timeout_error); Dispose kills it by pid if it has not.
    /// A missing sipp is a failure, not a skip (CI installs it: apt-get install sip-tester).
    /// </summary>
    public sealed class SippProcess : IDisposable
    {
        /// <summary>Ports one SIPp process uses, from its SIP port up.</summary>
        public const int PortsPerProcess = 10;

        private readonly Process _process;
        private readonly string _dir;
        private readonly string _scenarioName;
        private readonly StringBuilder _stdout = new StringBuilder();
        private readonly object _lock = new object();
        private bool _disposed;

        private SippProcess(string scenario, int port, string? remote, IDictionary<string, string>? replace, string[] args)
        {
            Port = port;
            if (!File.Exists("/usr/bin/sipp")) throw new InvalidOperationException("sipp not found (apt-get install sip-tester): the SIP interop tests need it");
            _dir = Directory.CreateTempSubdirectory("nanomikey-sipp-").FullName;
            string text = File.ReadAllText(ScenarioPath(scenario));
            if (replace != null)
            {
                foreach (KeyValuePair<string, string> r in replace) text = text.Replace(r.Key, r.Value);
            }

            _scenarioName = Path.GetFileNameWithoutExtension(scenario);
            string file = Path.Combine(_dir, _scenarioName + ".xml");
            File.WriteAllText(file, text);
            var psi = new ProcessStartInfo("/usr/bin/sipp")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = false,
                UseShellExecute = false,
                WorkingDirectory = _dir,
            };
            if (remote != null) psi.ArgumentList.Add(remote);
            foreach (string a in new[]
            {
                "-sf", file, "-i", "127.0.0.1", "-p", port.ToString(), "-cp", (port + 1).ToString(), "-mp", (port + 2).ToString(),
                "-m", "1", "-nostdin", "-trace_err", "-trace_msg", "-timeout", "30s", "-timeout_error",
            })
            {
                psi.ArgumentList.Add(a);
            }

            foreach (string a in args) psi.ArgumentList.Add(a);
            _process = Process.Start(psi) ?? throw new InvalidOperationException("sipp did not start");
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        /// <summary>Its SIP port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>Whether it has ended.</summary>
        public bool HasExited => _process.HasExited;

        /// <summary>
        /// Starts a scenario. <paramref name="remote"/> is the proxy (host:port) for a UAC, null for a UAS;
        /// <paramref name="args"/> are further SIPp options (-s, -key, -d, -au, -ap ...).
        /// </summary>
        public static SippProcess Start(string scenario, int port, string? remote, params string[] args)
            => new SippProcess(scenario, port, remote, null, args);

        /// <summary>As <see cref="Start(string, int, string?, string[])"/>, with text replaced in the scenario first.</summary>
        public static SippProcess Start(string scenario, int port, string? remote, IDictionary<string, string> replace, params string[] args)
            => new SippProcess(scenario, port, remote, replace, args);

        /// <summary>A scenario file in the repository.</summary>
        public static string ScenarioPath(string name)
            => Path.Combine(TestData.RepoRoot, "tests", "Sip.Nano.Tests", "Fixtures", "sipp", name.EndsWith(".xml", StringComparison.Ordinal) ? name : name + ".xml");

        /// <summary>
        /// Registers <paramref name="contactPort"/> on 127.0.0.1 as a contact of <paramref name="user"/> (digest MD5 with the
        /// cfg's password) using register.xml from <paramref name="port"/>; returns SIPp's exit code (0: 200 OK).
        /// </summary>
        public static int Register(KamailioProcess proxy, int port, string user, int contactPort, int expires = 300)
        {
            using SippProcess reg = Start("register", port, proxy.HostPort,
                "-s", user, "-au", user, "-ap", KamailioProcess.Password(user),
                "-key", "domain", KamailioProcess.Domain, "-key", "contact_port", contactPort.ToString(), "-key", "expires", expires.ToString());
            int rc = reg.WaitForExit(15000);
            if (rc != 0) throw new InvalidOperationException("register " + user + " -> " + contactPort + " failed: " + reg.Report());
            return rc;
        }

        /// <summary>Waits for the end; returns SIPp's exit code (0: every call succeeded), or -1000 on timeout.</summary>
        public int WaitForExit(int timeoutMs)
        {
            if (!_process.WaitForExit(timeoutMs)) return -1000;
            _process.WaitForExit();
            return _process.ExitCode;
        }

        /// <summary>The -trace_msg log (every message sent and received).</summary>
        public string Messages => ReadLogs("_messages.log");

        /// <summary>The -trace_err log (unexpected messages, aborts).</summary>
        public string Errors => ReadLogs("_errors.log");

        /// <summary>The screen output so far.</summary>
        public string Output
        {
            get { lock (_lock) return _stdout.ToString(); }
        }

        /// <summary>Errors, the tail of the screen output and the message trace, for an assertion message.</summary>
        public string Report()
        {
            string o = Output;
            if (o.Length > 4000) o = o.Substring(o.Length - 4000);
            return "\n--- sipp " + _scenarioName + " on " + Port + " errors:\n" + Errors + "\n--- screen:\n" + o + "\n--- messages:\n" + Messages;
        }

        /// <summary>Kills SIPp by its pid if it still runs and deletes its temp directory.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            finally
            {
                _process.Dispose();
                try { Directory.Delete(_dir, true); } catch (IOException) { }
            }
        }

        private string ReadLogs(string suffix)
        {
            var sb = new StringBuilder();
            try
            {
                foreach (string f in Directory.GetFiles(_dir, _scenarioName + "_*" + suffix)) sb.Append(File.ReadAllText(f));
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            return sb.ToString();
        }

        private void Append(string? line)
        {
            if (line == null) return;
            lock (_lock)
            {
                if (_stdout.Length > 1 << 16) _stdout.Remove(0, _stdout.Length - (1 << 15));
                _stdout.AppendLine(line);
            }
        }
    }
}
