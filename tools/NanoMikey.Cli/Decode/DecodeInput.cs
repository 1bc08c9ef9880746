using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NanoMikey.Mikey.Transport;

namespace NanoMikey.Cli.Decode
{
    /// <summary>One MIKEY message found in the user's input, with where it came from.</summary>
    public sealed class DecodeItem
    {
        /// <summary>Where the message was found (e.g. "SDP session level", "RTSP KeyMgmt").</summary>
        public required string Source { get; init; }

        /// <summary>The message bytes.</summary>
        public required byte[] Message { get; init; }
    }

    /// <summary>Turns decode input (base64, hex, SDP text, RTSP header, or a binary file) into MIKEY messages.</summary>
    public static class DecodeInput
    {
        /// <summary>Extracts the messages; returns null with a reason when the input holds none.</summary>
        public static List<DecodeItem>? Extract(string? text, string? file, out string reason)
        {
            reason = string.Empty;
            if (file != null)
            {
                byte[] raw = File.ReadAllBytes(file);
                if (!LooksLikeText(raw))
                {
                    return new List<DecodeItem> { new DecodeItem { Source = "binary file " + file, Message = raw } };
                }

                text = Encoding.ASCII.GetString(raw);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                reason = "no input: give a message as base64, hex, SDP or RTSP header text, or --file";
                return null;
            }

            text = text.Trim();
            var items = new List<DecodeItem>();
            if (text.Contains("a=key-mgmt", StringComparison.Ordinal))
            {
                var sdp = new SdpKeyMgmt();
                sdp.Reset(text);
                while (sdp.FindNext())
                {
                    if (!sdp.IsMikey)
                    {
                        continue;
                    }

                    var buf = new byte[sdp.DataLength];
                    int n = sdp.DecodeData(buf, 0);
                    if (n < 0)
                    {
                        reason = "a=key-mgmt:mikey data is not strict base64";
                        return null;
                    }

                    string where = sdp.MediaIndex < 0 ? "SDP session level" : "SDP media level (m-line " + (sdp.MediaIndex + 1) + ")";
                    items.Add(new DecodeItem { Source = where, Message = buf.AsSpan(0, n).ToArray() });
                }

                if (items.Count == 0)
                {
                    reason = "no well-formed a=key-mgmt:mikey attribute in the SDP";
                    return null;
                }

                return items;
            }

            if (text.Contains("prot=", StringComparison.OrdinalIgnoreCase))
            {
                var h = new RtspKeyMgmtHeader();
                if (!h.Parse(text) || !h.IsMikey)
                {
                    reason = "not a KeyMgmt header with prot=mikey and base64 data (RFC 4567 §3.2)";
                    return null;
                }

                var buf = new byte[h.DataLength];
                int n = h.DecodeData(buf, 0);
                string uri = h.UriStart >= 0 ? text.Substring(h.UriStart, h.UriLength) : "(none)";
                items.Add(new DecodeItem { Source = "RTSP KeyMgmt, uri " + uri, Message = buf.AsSpan(0, n).ToArray() });
                return items;
            }

            string compact = RemoveWhitespace(text);
            if (compact.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                compact = compact.Substring(2);
            }

            if (compact.Length % 2 == 0 && IsHex(compact))
            {
                items.Add(new DecodeItem { Source = "hex", Message = Convert.FromHexString(compact) });
                return items;
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
                reason = "input is neither hex nor strict base64";
                return null;
            }

            items.Add(new DecodeItem { Source = "base64", Message = bytes });
            return items;
        }

        private static bool LooksLikeText(byte[] raw)
        {
            foreach (byte b in raw)
            {
                if (b != '\r' && b != '\n' && b != '\t' && (b < 0x20 || b > 0x7E))
                {
                    return false;
                }
            }

            return raw.Length > 0;
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
