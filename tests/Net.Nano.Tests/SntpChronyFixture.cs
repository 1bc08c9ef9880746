using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NanoMikey.Net.Tests
{
    /// <summary>
    /// A real SNTP peer: chronyd serving the host's clock on 127.0.0.1 at a free high port, from a configuration in a temp
    /// directory, never touching the host clock (-x). Started once for the class and stopped on dispose. A missing chronyd
    /// is a failure, not a skip (CI installs it: apt-get install chrony).
    /// </summary>
    public sealed class SntpChronyFixture : IDisposable
    {
        private readonly Process _process;
        private readonly string _dir;

        public SntpChronyFixture()
        {
            string? chronyd = Find();
            if (chronyd == null) throw new InvalidOperationException("chronyd not found (apt-get install chrony): the SNTP real-peer tests need it");
            _dir = Directory.CreateTempSubdirectory("nanomikey-chrony-").FullName;
            // chronyd drops root privileges to its own user: it must be able to write its files here.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_dir, (UnixFileMode)0x1FF);
            Port = FreeUdpPort();
            string conf = Path.Combine(_dir, "chrony.conf");
            File.WriteAllText(conf, string.Join('\n',
                $"port {Port}",
                "bindaddress 127.0.0.1",
                "allow 127.0.0.1",
                "local stratum 8",
                "cmdport 0",
                $"pidfile {Path.Combine(_dir, "chronyd.pid")}",
                $"driftfile {Path.Combine(_dir, "drift")}",
                ""));
            var psi = new ProcessStartInfo(chronyd, $"-x -d -f {conf}")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            _process = Process.Start(psi) ?? throw new InvalidOperationException("chronyd did not start");
            _process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (Log) Log.Add(e.Data); };
            _process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (Log) Log.Add(e.Data); };
            _process.BeginErrorReadLine();
            _process.BeginOutputReadLine();
            WaitUntilServing();
        }

        /// <summary>chronyd's UDP port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>chronyd's log lines.</summary>
        public List<string> Log { get; } = new List<string>();

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit(5000);
                }
            }
            finally
            {
                _process.Dispose();
                try { Directory.Delete(_dir, true); } catch (IOException) { }
            }
        }

        private static string? Find()
        {
            foreach (string dir in new[] { "/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin" })
            {
                string p = Path.Combine(dir, "chronyd");
                if (File.Exists(p)) return p;
            }

            return null;
        }

        private static int FreeUdpPort()
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)s.LocalEndPoint!).Port;
        }

        private void WaitUntilServing()
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.ReceiveTimeout = 200;
            byte[] request = new byte[48];
            request[0] = 0x23; // LI 0, VN 4, mode 3
            request[47] = 1;
            byte[] answer = new byte[128];
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited) break;
                s.SendTo(request, new IPEndPoint(IPAddress.Loopback, Port));
                try
                {
                    int n = s.Receive(answer);
                    // Serving once it answers as a synchronised server (local stratum 8, LI ≠ 3).
                    if (n >= 48 && answer[1] != 0 && (answer[0] >> 6) != 3) return;
                }
                catch (SocketException)
                {
                }

                Thread.Sleep(100);
            }

            string log;
            lock (Log) log = string.Join('\n', Log);
            Dispose();
            throw new InvalidOperationException("chronyd is not serving on 127.0.0.1:" + Port + "\n" + log);
        }
    }
}
