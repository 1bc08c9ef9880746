using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace NanoMikey.Emulator.GStreamer
{
    /// <summary>
    /// GStreamer's rtspsrc as the far end of an RTSP source: <c>gst-launch-1.0 -e rtspsrc location=… protocols=udp|tcp !
    /// rtppcmudepay ! mulawdec ! wavenc ! filesink</c> (or the A-law elements) in its own process, stopped with SIGINT so
    /// wavenc writes its header (-e: end of stream on interrupt). What the demo prints for the user to run is
    /// <see cref="CommandLine"/>.
    /// </summary>
    public sealed class RtspPlayer : IDisposable
    {
        private readonly List<string> _arguments = new List<string>();
        private readonly StringBuilder _log = new StringBuilder();
        private Process? _process;

        /// <summary>Builds the pipeline.</summary>
        /// <param name="url">The stream, <c>rtsp://host:port/path</c>.</param>
        /// <param name="tcp">Interleaved TCP instead of UDP (RFC 2326 §10.12).</param>
        /// <param name="pcma">The stream is PCMA (payload type 8) rather than PCMU.</param>
        /// <param name="wavPath">Where the decoded audio goes.</param>
        public RtspPlayer(string url, bool tcp, bool pcma, string wavPath)
        {
            WavPath = wavPath;
            _arguments.AddRange(new[] { "-e", "rtspsrc", "location=" + url, "protocols=" + (tcp ? "tcp" : "udp"), "latency=100", "!",
                pcma ? "rtppcmadepay" : "rtppcmudepay", "!", pcma ? "alawdec" : "mulawdec", "!", "wavenc", "!", "filesink", "location=" + wavPath });
        }

        /// <summary>The WAV file rtspsrc's audio is written to.</summary>
        public string WavPath { get; }

        /// <summary>The command a user types to play the stream.</summary>
        public string CommandLine => "gst-launch-1.0 " + string.Join(' ', _arguments);

        /// <summary>What gst-launch-1.0 printed.</summary>
        public string Log
        {
            get
            {
                lock (_log) return _log.ToString();
            }
        }

        /// <summary>True when gst-launch-1.0 and rtspsrc are installed.</summary>
        public static bool IsInstalled()
        {
            try
            {
                using Process p = Process.Start(new ProcessStartInfo("gst-inspect-1.0", "rtspsrc") { RedirectStandardError = true, RedirectStandardOutput = true })!;
                p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                return p.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }

        /// <summary>Starts gst-launch-1.0.</summary>
        public void Start()
        {
            var psi = new ProcessStartInfo("gst-launch-1.0") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in _arguments) psi.ArgumentList.Add(a);
            _process = Process.Start(psi) ?? throw new InvalidOperationException("gst-launch-1.0 did not start");
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        /// <summary>True once gst-launch-1.0 has exited (false before <see cref="Start"/>).</summary>
        public bool HasExited => _process != null && _process.HasExited;

        /// <summary>
        /// Asks the pipeline to end without waiting: SIGINT makes gst-launch-1.0 -e send end-of-stream, rtspsrc sends TEARDOWN
        /// and wavenc finishes the file. Keep the server running meanwhile: rtspsrc waits for the TEARDOWN answer, and a
        /// server that closes first makes it stop on an error, with the WAV unfinished.
        /// </summary>
        public void Interrupt()
        {
            if (_process == null || _process.HasExited) return;
            using Process kill = Process.Start("kill", new[] { "-INT", _process.Id.ToString() })!;
            kill.WaitForExit();
        }

        /// <summary>Ends the pipeline: SIGINT (end of stream: wavenc finishes the file) unless it has ended already.</summary>
        /// <param name="timeoutMilliseconds">How long to wait for it to exit.</param>
        /// <returns>True when it exited in time.</returns>
        public bool Stop(int timeoutMilliseconds)
        {
            if (_process == null) return true;
            if (!_process.HasExited)
            {
                using Process kill = Process.Start("kill", new[] { "-INT", _process.Id.ToString() })!;
                kill.WaitForExit();
            }

            bool exited = _process.WaitForExit(timeoutMilliseconds);
            if (exited) _process.WaitForExit(); // flush the output handlers
            return exited;
        }

        /// <summary>Kills gst-launch-1.0 if it still runs.</summary>
        public void Dispose()
        {
            if (_process != null && !_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }

            _process?.Dispose();
            _process = null;
        }

        private void Append(string? line)
        {
            if (line == null) return;
            lock (_log) _log.AppendLine(line);
        }
    }
}
