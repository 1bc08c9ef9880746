using System.Diagnostics;
using System.Text.Json;

namespace NanoMikey.Mikey.Tests.Fixtures
{
    /// <summary>
    /// Runs GStreamer's MIKEY code (libgstsdp 1.22, gstmikey.c) through Fixtures/gst_mikey.py under /usr/bin/python3 with
    /// gi: what rtspsrc and gst-rtsp-server make of a message, and the messages they write. A missing python3-gi or GstSdp
    /// fails the calling test (never a skip). Each run is bounded: GStreamer's parser never returns on payloads it does not
    /// know (peers.md), so a run that outlives the timeout is killed by its pid and reported as a hang.
    /// </summary>
    internal static class GstMikey
    {
        private const string Python = "/usr/bin/python3";
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

        /// <summary>Exit status and parsed JSON output of one run; <see cref="Hung"/> when it had to be killed.</summary>
        internal sealed record Result(int ExitCode, JsonElement Json, bool Hung, string Stderr)
        {
            public string Str(string name) => Json.TryGetProperty(name, out JsonElement e) ? e.ToString() : "";

            public override string ToString() => $"exit {ExitCode}{(Hung ? " (hung, killed)" : "")}: {Json} {Stderr}";
        }

        /// <summary>GStreamer parses <paramref name="message"/> from an SDP a=key-mgmt line (rtspsrc's path) and runs to_caps.</summary>
        internal static Result ToCaps(byte[] message, int length, int timeoutSeconds = 30) =>
            Run(TimeSpan.FromSeconds(timeoutSeconds), "to-caps", Convert.ToBase64String(message, 0, length));

        /// <summary>GStreamer writes a message from SRTP caps (gst-rtsp-server, rtspclientsink) and adds one crypto session per SSRC.</summary>
        internal static Result FromCaps(string cipher, string auth, string keyHex, params uint[] ssrcs)
        {
            var args = new List<string> { "from-caps", cipher, auth, keyHex };
            foreach (uint ssrc in ssrcs) args.Add("0x" + ssrc.ToString("x8"));
            return Run(Timeout, args.ToArray());
        }

        /// <summary>GStreamer's RTSP KeyMgmt value for such a message (gst_sdp_make_keymgmt: gst-rtsp-server's ANNOUNCE answer).</summary>
        internal static Result KeyMgmtHeader(string cipher, string auth, string keyHex, string uri, params uint[] ssrcs)
        {
            var args = new List<string> { "keymgmt-header", cipher, auth, keyHex, uri };
            foreach (uint ssrc in ssrcs) args.Add("0x" + ssrc.ToString("x8"));
            return Run(Timeout, args.ToArray());
        }

        /// <summary>
        /// Real rtspsrc (gst-launch-1.0) against a one-connection RTSP stub whose DESCRIBE answer carries
        /// <paramref name="message"/> as a=key-mgmt: the SETUP request rtspsrc then sends (Fixtures/rtspsrc_setup.py).
        /// </summary>
        internal static Result RtspSrcSetup(byte[] message, int length, string protocols) =>
            RunScript("rtspsrc_setup.py", Timeout, Convert.ToBase64String(message, 0, length), protocols);

        /// <summary>GStreamer parses the media-level a=key-mgmt of a whole SDP (gst_sdp_media_parse_keymgmt).</summary>
        internal static Result SdpKeyMgmt(string sdp) => Run(Timeout, "sdp-keymgmt", sdp);

        internal static Result Run(TimeSpan timeout, params string[] args) => RunScript("gst_mikey.py", timeout, args);

        private static Result RunScript(string name, TimeSpan timeout, params string[] args)
        {
            Assert.True(File.Exists(Python), Python + " is missing: install python3-gi and gir1.2-gst-plugins-base-1.0 (README)");
            string script = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
            var psi = new ProcessStartInfo(Python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(script);
            foreach (string a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            try
            {
                Task<string> stdout = p.StandardOutput.ReadToEndAsync();
                Task<string> stderr = p.StandardError.ReadToEndAsync();
                bool hung = !p.WaitForExit(timeout);
                if (hung)
                {
                    p.Kill(entireProcessTree: true);
                    p.WaitForExit();
                    return new Result(-1, default, true, "");
                }

                p.WaitForExit();
                string text = stdout.Result.Trim();
                Assert.True(p.ExitCode != 3, "python3-gi / GstSdp missing: " + text);
                Assert.True(text.Length > 0, name + " printed nothing; stderr: " + stderr.Result);
                return new Result(p.ExitCode, JsonDocument.Parse(text).RootElement.Clone(), false, stderr.Result);
            }
            finally
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
            }
        }
    }
}
