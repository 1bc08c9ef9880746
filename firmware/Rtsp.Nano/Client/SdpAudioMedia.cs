using System;

namespace NanoMikey.Rtsp.Client
{
    /// <summary>
    /// Finds in a DESCRIBE answer's SDP (RFC 4566) the first audio stream a client can play: <c>m=audio</c> with the RTP/SAVP
    /// profile (RFC 3711; RFC 4567 §3.1 keys it) and payload type 0 (PCMU, RFC 3551 §6), and its <c>a=control</c> (RFC 2326
    /// C.1.1). The key itself is read with <c>SdpKeyMgmt</c>, media level first.
    /// </summary>
    public sealed class SdpAudioMedia
    {
        /// <summary>Index of the m= section found (0-based, counting every m= line), or -1.</summary>
        public int MediaIndex { get; private set; }

        /// <summary>The section's a=control value (absolute or relative URI), or null.</summary>
        public string? Control { get; private set; }

        /// <summary>Reads an SDP; true when an RTP/SAVP audio stream carrying PCMU with an a=control was found.</summary>
        /// <param name="sdp">The SDP text (CRLF or LF line ends).</param>
        /// <returns>True when usable.</returns>
        public bool Read(string sdp)
        {
            if (sdp == null) throw new ArgumentNullException();
            MediaIndex = -1;
            Control = null;
            int index = -1;
            bool inAudio = false;
            int p = 0;
            while (p < sdp.Length)
            {
                int end = sdp.IndexOf('\n', p);
                if (end < 0) end = sdp.Length;
                int stop = end > p && sdp[end - 1] == '\r' ? end - 1 : end;
                int start = p;
                p = end + 1;
                if (stop - start < 2 || sdp[start + 1] != '=') continue;
                char type = sdp[start];
                if (type == 'm')
                {
                    index++;
                    if (MediaIndex >= 0) break; // the stream chosen ends here
                    inAudio = IsSavpPcmuAudio(sdp, start + 2, stop);
                    if (inAudio) MediaIndex = index;
                }
                else if (type == 'a' && inAudio && stop - start > 10 && sdp.Substring(start, 10) == "a=control:")
                {
                    Control = sdp.Substring(start + 10, stop - start - 10);
                }
            }

            return MediaIndex >= 0 && Control != null && Control.Length > 0;
        }

        // m=<media> <port> <proto> <fmt> ... (RFC 4566 §5.14).
        private static bool IsSavpPcmuAudio(string s, int p, int stop)
        {
            string line = s.Substring(p, stop - p);
            string[] f = line.Split(' ');
            if (f.Length < 4 || f[0] != "audio" || f[2] != "RTP/SAVP") return false;
            for (int i = 3; i < f.Length; i++)
            {
                if (f[i] == "0") return true;
            }

            return false;
        }
    }
}
