using System;
using System.Collections.Generic;
using System.Text;
using NanoMikey.Mikey.Transport;

namespace NanoMikey.Cli.Decode
{
    /// <summary>Turns decode input (base64, hex, SDP text, RTSP header, or a binary file) into MIKEY messages.</summary>
    public static class DecodeInput
    {
        /// <summary>
        /// Extracts the messages from raw bytes (a file or standard input): text in any detected encoding is parsed as
        /// <see cref="Extract(string?, out string)"/>, anything else is one binary MIKEY message.
        /// </summary>
        public static List<DecodeItem>? Extract(byte[] raw, string name, out string reason)
        {
            string? text = InputText.Decode(raw);
            if (text == null)
            {
                reason = string.Empty;
                return new List<DecodeItem> { new DecodeItem { Source = "binary " + name, Message = raw } };
            }

            return Extract(text, out reason);
        }

        /// <summary>Extracts the messages from text; returns null with a one-line reason when the input holds none.</summary>
        public static List<DecodeItem>? Extract(string? text, out string reason)
        {
            reason = string.Empty;
            text = text?.TrimStart('\uFEFF').Trim(); // a UTF-8 byte order mark, from a file or standard input
            if (string.IsNullOrWhiteSpace(text))
            {
                reason = "no input: give a message as base64, hex, SDP or RTSP header text, or --file";
                return null;
            }

            if (text.Contains("a=key-mgmt", StringComparison.Ordinal))
            {
                return FromSdp(text, out reason);
            }

            if (text.Contains("prot=", StringComparison.OrdinalIgnoreCase))
            {
                return FromRtsp(text, out reason);
            }

            string compact = RemoveWhitespace(text);
            if (compact.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                compact = compact.Substring(2);
            }

            if (compact.Length % 2 == 0 && IsHex(compact))
            {
                return new List<DecodeItem> { new DecodeItem { Source = "hex", Message = Convert.FromHexString(compact) } };
            }

            int len = Base64.GetDecodedLength(compact, 0, compact.Length);
            if (len < 0)
            {
                reason = "input is neither hex nor strict base64 (length not a multiple of 4)";
                return null;
            }

            var bytes = new byte[len];
            if (Base64.Decode(compact, 0, compact.Length, bytes, 0) < 0)
            {
                reason = "input is neither hex nor strict base64 (RFC 4648 §4: A-Z a-z 0-9 + /, '=' only as final padding)";
                return null;
            }

            return new List<DecodeItem> { new DecodeItem { Source = "base64", Message = bytes } };
        }

        // RFC 4567 §3.1: every a=key-mgmt:mikey attribute, session level first, each with its m= line.
        private static List<DecodeItem>? FromSdp(string text, out string reason)
        {
            reason = string.Empty;
            var items = new List<DecodeItem>();
            string? otherCase = null;
            var sdp = new SdpKeyMgmt();
            sdp.Reset(text);
            while (sdp.FindNext())
            {
                if (!sdp.IsMikey)
                {
                    string id = text.Substring(sdp.ProtocolStart, sdp.ProtocolLength);
                    if (string.Equals(id, "mikey", StringComparison.OrdinalIgnoreCase))
                    {
                        otherCase = id;
                    }

                    continue;
                }

                bool session = sdp.MediaIndex < 0;
                string where = session ? "SDP session level" : "SDP media level (m-line " + (sdp.MediaIndex + 1) + ")";
                var buf = new byte[sdp.DataLength];
                int n = sdp.DecodeData(buf, 0);
                if (n < 0)
                {
                    reason = "a=key-mgmt:mikey data at " + where + " is not strict base64 (RFC 4648 §4)";
                    return null;
                }

                Array.Resize(ref buf, n);
                items.Add(new DecodeItem
                {
                    Source = where,
                    Message = buf,
                    SdpLevel = session ? "session" : "media",
                    MediaLine = session ? 0 : sdp.MediaIndex + 1,
                });
            }

            if (items.Count == 0)
            {
                reason = otherCase == null
                    ? "no well-formed a=key-mgmt:mikey attribute in the SDP"
                    : "no a=key-mgmt:mikey attribute in the SDP; '" + otherCase + "' is another protocol id (case-sensitive, RFC 4567 §3.1)";
                return null;
            }

            return items;
        }

        // RFC 4567 §3.2: KeyMgmt: prot=mikey; uri="…"; data="…".
        private static List<DecodeItem>? FromRtsp(string text, out string reason)
        {
            reason = string.Empty;
            var h = new RtspKeyMgmtHeader();
            if (!h.Parse(text))
            {
                reason = h.DataLength > 0 && Base64.Validate(text, h.DataStart, h.DataLength) < 0
                    ? "KeyMgmt data is not strict base64 (RFC 4648 §4: A-Z a-z 0-9 + /, '=' only as final padding)"
                    : "not a KeyMgmt header with prot=mikey and non-empty base64 data (RFC 4567 §3.2)";
                return null;
            }

            if (!h.IsMikey)
            {
                reason = "KeyMgmt prot is '" + text.Substring(h.ProtocolStart, h.ProtocolLength) + "', not mikey (case-sensitive, RFC 4567 §3.2)";
                return null;
            }

            var buf = new byte[h.DataLength];
            Array.Resize(ref buf, h.DecodeData(buf, 0));
            string uri = h.UriStart >= 0 ? text.Substring(h.UriStart, h.UriLength) : "(none)";
            return new List<DecodeItem> { new DecodeItem { Source = "RTSP KeyMgmt, uri " + uri, Message = buf } };
        }

        private static string RemoveWhitespace(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (char c in s)
            {
                if (!char.IsWhiteSpace(c))
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        private static bool IsHex(string s)
        {
            foreach (char c in s)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }

            return s.Length > 0;
        }
    }
}
