using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace NanoMikey.Emulator.Sip
{
    /// <summary>
    /// Kamailio as registrar and forking proxy for `demo --sip` and the SIP tests (their KamailioProcess wraps this), with the SIP interop tests' configuration (embedded from
    /// tests/Sip.Nano.Tests/Fixtures/kamailio.cfg): foreground (-DD -E), on 127.0.0.1 only, runtime directory and pidfile in
    /// a temp directory, stopped by its pid (SIGTERM, then a kill of the tree if it lingers).
    /// </summary>
    public sealed class KamailioRunner : IDisposable
    {
        /// <summary>The domain and realm of the configuration (users register as user@nanomikey.test).</summary>
        public const string Domain = "nanomikey.test";

        /// <summary>Kamailio's module directory on Debian/Ubuntu.</summary>
        public const string ModuleDirectory = "/usr/lib/x86_64-linux-gnu/kamailio/modules";

        private readonly Process _process;
        private readonly string _dir;
        private readonly StringBuilder _log = new StringBuilder();
        private readonly object _lock = new object();
        private bool _disposed;

        /// <summary>Starts Kamailio on 127.0.0.1:<paramref name="port"/> and waits until it answers OPTIONS.</summary>
        /// <param name="port">Its UDP port.</param>
        /// <exception cref="InvalidOperationException">Kamailio is not installed or does not answer.</exception>
        public KamailioRunner(int port) : this(port, Array.Empty<string>())
        {
        }

        /// <summary>
        /// Starts Kamailio on 127.0.0.1:<paramref name="port"/> with configuration switches (<c>-A</c> defines of the
        /// configuration: <c>AUTH_SHA256</c> for RFC 8760 digest, <c>INVITE_AUTH</c> to challenge INVITEs) and waits until it
        /// answers OPTIONS.
        /// </summary>
        /// <param name="port">Its UDP port.</param>
        /// <param name="defines">Names passed as <c>-A</c>.</param>
        /// <exception cref="InvalidOperationException">Kamailio is not installed or does not answer.</exception>
        public KamailioRunner(int port, params string[] defines)
        {
            Port = port;
            string exe = Find() ?? throw new InvalidOperationException(NotInstalled);
            if (!Directory.Exists(ModuleDirectory)) throw new InvalidOperationException("Kamailio modules not found in " + ModuleDirectory);
            _dir = Directory.CreateTempSubdirectory("nanomikey-demo-kamailio-").FullName;
            string cfg = Path.Combine(_dir, "kamailio.cfg");
            using (Stream s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sip.kamailio.cfg")!)
            using (FileStream f = File.Create(cfg))
            {
                s.CopyTo(f);
            }

            var psi = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = _dir };
            foreach (string a in new[]
            {
                "-DD", "-E", "-f", cfg, "-L", ModuleDirectory, "-Y", _dir, "-P", Path.Combine(_dir, "kamailio.pid"),
                "-l", "udp:127.0.0.1:" + port, "-m", "16", "-M", "4",
            })
            {
                psi.ArgumentList.Add(a);
            }

            foreach (string d in defines)
            {
                psi.ArgumentList.Add("-A");
                psi.ArgumentList.Add(d);
            }

            _process = Process.Start(psi) ?? throw new InvalidOperationException("kamailio did not start");
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            if (!WaitUntilServing())
            {
                string log = Log;
                Dispose();
                throw new InvalidOperationException("kamailio is not answering on 127.0.0.1:" + port + "\n" + log);
            }
        }

        /// <summary>The one line said when Kamailio is missing.</summary>
        public const string NotInstalled = "kamailio is not installed (apt-get install kamailio): demo --sip needs it as registrar and forking proxy";

        /// <summary>The environment variable that names the kamailio binary instead of the system directories.</summary>
        public const string BinaryVariable = "NANOMIKEY_KAMAILIO";

        /// <summary>True when the kamailio binary and its modules are installed.</summary>
        public static bool IsInstalled => Find() != null && Directory.Exists(ModuleDirectory);

        /// <summary>Its UDP port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>Its process id.</summary>
        public int ProcessId => _process.Id;

        /// <summary>Its log so far.</summary>
        public string Log
        {
            get { lock (_lock) return _log.ToString(); }
        }

        /// <summary>The password of a user in the configuration's fixed table.</summary>
        /// <param name="user">The user.</param>
        /// <returns>Its password.</returns>
        public static string Password(string user) => user + "-secret";

        /// <summary>Stops Kamailio by its pid and deletes its temp directory.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                if (!_process.HasExited)
                {
                    // SIGTERM: the main process stops its children (SIGKILL would orphan the workers).
                    using (Process kill = Process.Start("kill", new[] { "-TERM", _process.Id.ToString() })!) kill.WaitForExit();
                    if (!_process.WaitForExit(5000)) _process.Kill(true);
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

        private void Append(string? line)
        {
            if (line == null) return;
            lock (_lock)
            {
                if (_log.Length < 1 << 20) _log.AppendLine(line);
            }
        }

        private static string? Find()
        {
            // NANOMIKEY_KAMAILIO names the binary where it is not in a system directory (a path that does not exist: not installed).
            string? named = Environment.GetEnvironmentVariable(BinaryVariable);
            if (!string.IsNullOrEmpty(named)) return File.Exists(named) ? named : null;
            foreach (string dir in new[] { "/usr/sbin", "/usr/bin", "/usr/local/sbin", "/sbin" })
            {
                string p = Path.Combine(dir, "kamailio");
                if (File.Exists(p)) return p;
            }

            return null;
        }

        private bool WaitUntilServing()
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            s.ReceiveTimeout = 200;
            int local = ((IPEndPoint)s.LocalEndPoint!).Port;
            byte[] answer = new byte[4096];
            DateTime deadline = DateTime.UtcNow.AddSeconds(15);
            int n = 0;
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited) return false;
                string options = "OPTIONS sip:127.0.0.1:" + Port + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK-demo-" + (n++) + "\r\n"
                    + "From: <sip:probe@" + Domain + ">;tag=demo\r\nTo: <sip:127.0.0.1:" + Port + ">\r\nCall-ID: demo-" + local + "\r\nCSeq: " + n
                    + " OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
                s.SendTo(Encoding.ASCII.GetBytes(options), new IPEndPoint(IPAddress.Loopback, Port));
                try
                {
                    int got = s.Receive(answer);
                    if (Encoding.ASCII.GetString(answer, 0, got).StartsWith("SIP/2.0 200", StringComparison.Ordinal)) return true;
                }
                catch (SocketException)
                {
                }
            }

            return false;
        }
    }
}
