using System;

namespace NanoMikey.Mikey.Transport
{
    /// <summary>
    /// Finds and formats the RFC 4567 §3.1 SDP attribute <c>a=key-mgmt:&lt;prtcl-id&gt; &lt;base64&gt;</c> at session and
    /// media level. A reusable cursor: <see cref="FindNext"/> reports positions in the SDP text, nothing is copied.
    /// </summary>
    public sealed class SdpKeyMgmt
    {
        private const string AttributeName = "a=key-mgmt:";

        private string _sdp = string.Empty;
        private int _scan;
        private int _mediaIndex = -1;

        /// <summary>Index of the m= section the attribute belongs to (0-based), or -1 at session level.</summary>
        public int MediaIndex { get; private set; } = -1;

        /// <summary>Start of the attribute line in the SDP text.</summary>
        public int LineStart { get; private set; }

        /// <summary>Start of the protocol id (e.g. <c>mikey</c>).</summary>
        public int ProtocolStart { get; private set; }

        /// <summary>Length of the protocol id.</summary>
        public int ProtocolLength { get; private set; }

        /// <summary>Start of the base64 key management data.</summary>
        public int DataStart { get; private set; }

        /// <summary>Length of the base64 key management data.</summary>
        public int DataLength { get; private set; }

        /// <summary>True when the protocol id of the attribute found is exactly <c>mikey</c> (case-sensitive, RFC 4567 §3).</summary>
        public bool IsMikey
        {
            get { return ProtocolLength == 5 && TextMatch.At(_sdp, ProtocolStart, "mikey", false); }
        }

        /// <summary>Starts scanning an SDP text (CRLF or LF line ends).</summary>
        public void Reset(string sdp)
        {
            if (sdp == null)
            {
                throw new ArgumentNullException(nameof(sdp));
            }

            _sdp = sdp;
            _scan = 0;
            _mediaIndex = -1;
            MediaIndex = -1;
        }

        /// <summary>Moves to the next well-formed key-mgmt attribute.</summary>
        /// <returns>True when one was found; malformed key-mgmt lines are skipped.</returns>
        public bool FindNext()
        {
            string s = _sdp;
            while (_scan < s.Length)
            {
                int start = _scan;
                int end = s.IndexOf('\n', start);
                if (end < 0)
                {
                    end = s.Length;
                }

                _scan = end + 1;
                int stop = end > start && s[end - 1] == '\r' ? end - 1 : end;
                if (stop - start >= 2 && s[start] == 'm' && s[start + 1] == '=')
                {
                    _mediaIndex++;
                    continue;
                }

                if (stop - start > AttributeName.Length && TextMatch.At(s, start, AttributeName, false)
                    && ParseValue(s, start + AttributeName.Length, stop))
                {
                    LineStart = start;
                    MediaIndex = _mediaIndex;
                    return true;
                }
            }

            return false;
        }

        /// <summary>Decodes the data of the attribute found into <paramref name="output"/>; returns the bytes, or -1 when it is not strict base64.</summary>
        public int DecodeData(byte[] output, int offset)
        {
            return Base64.Decode(_sdp, DataStart, DataLength, output, offset);
        }

        /// <summary>Formats the attribute line without line end: <c>a=key-mgmt:mikey &lt;base64&gt;</c>.</summary>
        public static string Format(byte[] message, int offset, int count)
        {
            return AttributeName + "mikey " + Base64.Encode(message, offset, count);
        }

        // key-mgmt-attribute = "key-mgmt" ":" [SP] prtcl-id SP keymgmt-data (RFC 4567 §3.1).
        private bool ParseValue(string s, int p, int stop)
        {
            if (p < stop && s[p] == ' ')
            {
                p++;
            }

            int id = p;
            while (p < stop && IsAlphaNum(s[p]))
            {
                p++;
            }

            if (p == id || p >= stop || s[p] != ' ')
            {
                return false;
            }

            ProtocolStart = id;
            ProtocolLength = p - id;
            p++;
            DataStart = p;
            DataLength = stop - p;
            return DataLength > 0 && Base64.GetDecodedLength(s, DataStart, DataLength) >= 0;
        }

        private static bool IsAlphaNum(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }
}
