using System;

namespace NanoMikey.Mikey.Transport
{
    /// <summary>
    /// Parses and formats the RFC 4567 §3.2 RTSP <c>KeyMgmt</c> header: <c>prot=mikey; uri="…"; data="…"</c>. The RFC's ABNF
    /// omits <c>data</c> though its text and examples use it (spec §9.2 AMBIGUITY): parameters are parsed as
    /// <c>;</c>-separated name=value pairs, values optionally quoted, spaces after <c>;</c> optional, header name
    /// case-insensitive. Parsing reports positions in the text; nothing is copied.
    /// </summary>
    public sealed class RtspKeyMgmtHeader
    {
        // Static fields, not literals: each executed ldstr allocates on nanoFramework, and a server parses this per SETUP.
        private static readonly string HeaderName = "KeyMgmt";
        private static readonly string Mikey = "mikey";
        private static readonly string Prot = "prot";
        private static readonly string Uri = "uri";
        private static readonly string Data = "data";

        private string _text = string.Empty;

        /// <summary>Start of the prot value.</summary>
        public int ProtocolStart { get; private set; }

        /// <summary>Length of the prot value.</summary>
        public int ProtocolLength { get; private set; }

        /// <summary>Start of the uri value (without quotes), or -1 when absent.</summary>
        public int UriStart { get; private set; } = -1;

        /// <summary>Length of the uri value.</summary>
        public int UriLength { get; private set; }

        /// <summary>Start of the base64 data value (without quotes); set when the parameter is found, even if Parse then fails.</summary>
        public int DataStart { get; private set; }

        /// <summary>Length of the base64 data value; 0 when absent or empty.</summary>
        public int DataLength { get; private set; }

        /// <summary>Why the last <see cref="Parse"/> failed; <see cref="KeyMgmtStatus.Ok"/> when it succeeded.</summary>
        public KeyMgmtStatus Status { get; private set; }

        /// <summary>True when prot is <c>mikey</c>.</summary>
        public bool IsMikey
        {
            get { return ProtocolLength == 5 && TextMatch.At(_text, ProtocolStart, Mikey, false); }
        }

        /// <summary>
        /// Parses the first key-mgmt-spec of a header value, or of a whole header line (<c>KeyMgmt:</c> prefix, any case;
        /// folded continuation lines allowed).
        /// </summary>
        /// <returns>
        /// True when prot and a non-empty data were found and data is strict base64 (RFC 4648 §4, every character checked);
        /// otherwise <see cref="Status"/> says why.
        /// </returns>
        public bool Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            _text = text;
            UriStart = -1;
            UriLength = 0;
            ProtocolLength = 0;
            DataStart = 0;
            DataLength = 0;
            Status = KeyMgmtStatus.Malformed;
            int p = SkipSpace(text, 0);
            if (TextMatch.At(text, p, HeaderName, true))
            {
                int q = SkipSpace(text, p + 7);
                if (q < text.Length && text[q] == ':')
                {
                    p = q + 1;
                }
            }

            bool gotProt = false, gotData = false;
            while (true)
            {
                p = SkipSpace(text, p);
                int nameStart = p;
                while (p < text.Length && text[p] != '=' && text[p] != ';' && text[p] != ',' && !IsSpace(text[p]))
                {
                    p++;
                }

                int nameEnd = p;
                p = SkipSpace(text, p);
                if (p >= text.Length || text[p] != '=')
                {
                    return false;
                }

                p = SkipSpace(text, p + 1);
                int valueStart, valueEnd;
                if (p < text.Length && text[p] == '"')
                {
                    valueStart = p + 1;
                    valueEnd = text.IndexOf('"', valueStart);
                    if (valueEnd < 0)
                    {
                        return false;
                    }

                    p = valueEnd + 1;
                }
                else
                {
                    valueStart = p;
                    while (p < text.Length && text[p] != ';' && text[p] != ',' && !IsSpace(text[p]))
                    {
                        p++;
                    }

                    valueEnd = p;
                }

                int nameLength = nameEnd - nameStart;
                if (nameLength == 4 && TextMatch.At(text, nameStart, Prot, true))
                {
                    ProtocolStart = valueStart;
                    ProtocolLength = valueEnd - valueStart;
                    gotProt = true;
                }
                else if (nameLength == 3 && TextMatch.At(text, nameStart, Uri, true))
                {
                    UriStart = valueStart;
                    UriLength = valueEnd - valueStart;
                }
                else if (nameLength == 4 && TextMatch.At(text, nameStart, Data, true))
                {
                    DataStart = valueStart;
                    DataLength = valueEnd - valueStart;
                    gotData = true;
                }

                p = SkipSpace(text, p);
                if (p >= text.Length || text[p] == ',')
                {
                    break;
                }

                if (text[p] != ';')
                {
                    return false;
                }

                p++;
                if (SkipSpace(text, p) >= text.Length)
                {
                    break;
                }
            }

            // Every character is checked here, not only the length, so DecodeData cannot fail after Parse succeeded.
            Status = !gotProt ? KeyMgmtStatus.MissingProtocol
                : !gotData || DataLength == 0 ? KeyMgmtStatus.MissingData
                : Base64.Validate(text, DataStart, DataLength) > 0 ? KeyMgmtStatus.Ok : KeyMgmtStatus.InvalidBase64;
            return Status == KeyMgmtStatus.Ok;
        }

        /// <summary>Decodes the data value into <paramref name="output"/>; returns the bytes, or -1 when it is not strict base64.</summary>
        public int DecodeData(byte[] output, int offset)
        {
            return Base64.Decode(_text, DataStart, DataLength, output, offset);
        }

        /// <summary>
        /// Formats a header value <c>prot=mikey; uri="…"; data="…"</c> (RFC 4567 examples), or without the spaces after
        /// <c>;</c> when <paramref name="compact"/> (gortsplib, Hanwha). A null <paramref name="uri"/> omits the parameter.
        /// </summary>
        public static string Format(string? uri, byte[] message, int offset, int count, bool compact)
        {
            string sep = compact ? ";" : "; ";
            string head = "prot=mikey" + sep;
            if (uri != null)
            {
                head = head + "uri=\"" + uri + "\"" + sep;
            }

            return head + "data=\"" + Base64.Encode(message, offset, count) + "\"";
        }

        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static int SkipSpace(string s, int p)
        {
            while (p < s.Length && IsSpace(s[p]))
            {
                p++;
            }

            return p;
        }
    }
}
