using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NanoMikey.Sip.Tests.Fixtures
{
    /// <summary>
    /// Kamailio 5.6 as registrar and forking proxy on 127.0.0.1:<see cref="Port"/> (UDP), from Fixtures/kamailio.cfg, run
    /// in the foreground (-DD -E) with its runtime directory and pidfile in a temp directory; stopped by its pid (SIGTERM,
    /// which ends its worker processes too, then a kill of the tree if it lingers). A missing kamailio is a failure, not a
    /// skip (CI installs it: apt-get install kamailio). The users and passwords are the cfg's fixed table
    /// (<see cref="Password"/>).
    /// </summary>
    public sealed class KamailioProcess : IDisposable
    {
        /// <summary>The interop tests' default proxy port (the sip-interop range is 19400–19599).</summary>
        public const int DefaultPort = 19460;

        /// <summary>The realm and domain of the cfg (users register as user@nanomikey.test).</summary>
        public const string Domain = "nanomikey.test";

        /// <summary>Kamailio's module directory on Debian/Ubuntu.</summary>
        public const string ModuleDirectory = "/usr/lib/x86_64-linux-gnu/kamailio/modules";

        private readonly Process _process;
        private readonly string _dir;
        private readonly StringBuilder _log = new StringBuilder();
        private readonly object _lock = new object();
        private bool _disposed;

        /// <summary>Starts Kamailio and waits until it answers OPTIONS.</summary>
        /// <param name="port">UDP port on 127.0.0.1.</param>
        /// <param name="sha256">Digest with SHA-256 (RFC 8760) instead of MD5: the auth module's algorithm is global.</param>
        /// <param name="inviteAuth">Challenge INVITEs with 407 too (RFC 3261 §22.3).</param>
        public KamailioProcess(int port = DefaultPort, bool sha256 = false, bool inviteAuth = false)
        {
            Port = port;
            string? exe = Find();
            if (exe == null) throw new InvalidOperationException("kamailio not found (apt-get install kamailio): the SIP interop tests need it");
            if (!Directory.Exists(ModuleDirectory)) throw new InvalidOperationException("Kamailio modules not found in " + ModuleDirectory);
            _dir = Directory.CreateTempSubdirectory("nanomikey-kamailio-").FullName;
            var psi = new ProcessStartInfo(exe)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
                WorkingDirectory = _dir,
            };
            foreach (string a in new[]
            {
                "-DD", "-E", "-f", ConfigPath, "-L", ModuleDirectory, "-Y", _dir, "-P", Path.Combine(_dir, "kamailio.pid"),
                "-l", "udp:127.0.0.1:" + port, "-m", "16", "-M", "4",
            })
            {
                psi.ArgumentList.Add(a);
            }

            if (sha256) { psi.ArgumentList.Add("-A"); psi.ArgumentList.Add("AUTH_SHA256"); }
            if (inviteAuth) { psi.ArgumentList.Add("-A"); psi.ArgumentList.Add("INVITE_AUTH"); }
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

        /// <summary>The proxy's UDP port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>The proxy's address as a SIP host:port.</summary>
        public string HostPort => "127.0.0.1:" + Port;

        /// <summary>The cfg file in the repository.</summary>
        public static string ConfigPath => Path.Combine(TestData.RepoRoot, "tests", "Sip.Nano.Tests", "Fixtures", "kamailio.cfg");

        /// <summary>Kamailio's stderr log so far.</summary>
        public string Log
        {
            get { lock (_lock) return _log.ToString(); }
        }

        /// <summary>The password of a user in the cfg's fixed table.</summary>
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
                // Bounded: a flood test must not grow the log without end.
                if (_log.Length < 1 << 20) _log.AppendLine(line);
            }
        }

        private static string? Find()
        {
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
            var deadline = DateTime.UtcNow.AddSeconds(15);
            int n = 0;
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited) return false;
                string options = "OPTIONS sip:" + HostPort + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK-ready-" + (n++) + "\r\n"
                    + "From: <sip:probe@" + Domain + ">;tag=ready\r\nTo: <sip:" + HostPort + ">\r\n"
                    + "Call-ID: ready-" + local + "\r\nCSeq: " + n + " OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
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
