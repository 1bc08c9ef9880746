using System.Diagnostics;
using System.Text;

namespace NanoMikey.Rtsp.Tests
{
    /// <summary>
    /// The gst-rtsp-server fixture (Fixtures/gst_rtsp_server.py under /usr/bin/python3 with gi) as a child process on
    /// 127.0.0.1:<c>port</c>; killed by its pid on Dispose. Fails (not skips) when Python, gi or GStreamer are missing.
    /// </summary>
    internal sealed class ClientGstServer : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stdout = new StringBuilder();
        private readonly StringBuilder _stderr = new StringBuilder();
        private readonly object _lock = new object();

        public ClientGstServer(int port, params string[] args)
        {
            Port = port;
            string script = Path.Combine(TestData.RepoRoot, "tests", "Rtsp.Nano.Tests", "Fixtures", "gst_rtsp_server.py");
            var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(script);
            foreach (string a in args) psi.ArgumentList.Add(a);
            psi.ArgumentList.Add("--port");
            psi.ArgumentList.Add(port.ToString());
            _process = Process.Start(psi) ?? throw new InvalidOperationException("/usr/bin/python3 did not start");
            _process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (_lock) _stdout.AppendLine(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_lock) _stderr.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            if (!WaitFor("READY " + port, 20000))
            {
                string err = Stderr;
                Dispose();
                throw new InvalidOperationException("gst-rtsp-server fixture did not start (needs /usr/bin/python3 with gi, gir1.2-gst-rtsp-server-1.0, "
                    + "gstreamer1.0-plugins-good/bad): " + err);
            }
        }

        public int Port { get; }

        public string Stdout
        {
            get { lock (_lock) return _stdout.ToString(); }
        }

        public string Stderr
        {
            get { lock (_lock) return _stderr.ToString(); }
        }

        /// <summary>Waits until the fixture printed <paramref name="text"/> on stdout.</summary>
        public bool WaitFor(string text, int timeoutMs)
        {
            var sw = Stopwatch.StartNew();
            while (sw.ElapsedMilliseconds < timeoutMs)
            {
                if (Stdout.Contains(text)) return true;
                if (_process.HasExited) return Stdout.Contains(text);
                Thread.Sleep(20);
            }

            return false;
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    using (Process kill = Process.Start("kill", new[] { "-TERM", _process.Id.ToString() })!) kill.WaitForExit();
                    if (!_process.WaitForExit(5000)) _process.Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            _process.Dispose();
        }
    }
}
