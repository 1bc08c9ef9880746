using System;
using NanoMikey.Net.Text;

namespace NanoMikey.Rtsp.Message
{
    /// <summary>
    /// Reads one RTSP 1.0 request (RFC 2326 §6) or one interleaved binary frame (§10.12) from the start of the bytes a
    /// connection has received, forward only, in place: the request line, the headers and the body are positions in the
    /// caller's buffer, nothing is copied. Limits on the URI, each line, the header count and the body keep a hostile
    /// peer's request bounded. Lines end in CRLF or a bare LF; continuation lines (leading SP/HT) extend the header above.
    /// Allocation-free after construction.
    /// </summary>
    public sealed class RtspRequestReader
    {
        private static readonly string Version = "RTSP/1.0";
        private static readonly string VersionPrefix = "RTSP/";
        private static readonly string SessionName = "Session";

        private readonly int[] _nameStart;
        private readonly int[] _nameLength;
        private readonly int[] _valueStart;
        private readonly int[] _valueLength;
        private readonly int _maxLine;
        private readonly int _maxUri;
        private readonly int _maxBody;
        private byte[] _b = new byte[0];

        /// <summary>Creates a reader with its limits.</summary>
        /// <param name="maxHeaders">Most header lines in one request (at least 1).</param>
        /// <param name="maxLineLength">Longest header line, line end excluded (at least 64).</param>
        /// <param name="maxUriLength">Longest Request-URI (at least 16).</param>
        /// <param name="maxBodyLength">Largest Content-Length accepted (0 or more).</param>
        public RtspRequestReader(int maxHeaders, int maxLineLength, int maxUriLength, int maxBodyLength)
        {
            if (maxHeaders < 1 || maxLineLength < 64 || maxUriLength < 16 || maxBodyLength < 0) throw new ArgumentOutOfRangeException();
            _nameStart = new int[maxHeaders];
            _nameLength = new int[maxHeaders];
            _valueStart = new int[maxHeaders];
            _valueLength = new int[maxHeaders];
            _maxLine = maxLineLength;
            _maxUri = maxUriLength;
            _maxBody = maxBodyLength;
        }

        /// <summary>The buffer of the last <see cref="Read"/>; every offset below points into it.</summary>
        public byte[] Buffer { get { return _b; } }

        /// <summary>The method of the request (Unknown for a token this reader does not know: answer 501).</summary>
        public RtspMethod Method { get; private set; }

        /// <summary>Offset of the method token.</summary>
        public int MethodOffset { get; private set; }

        /// <summary>Length of the method token.</summary>
        public int MethodLength { get; private set; }

        /// <summary>Offset of the Request-URI.</summary>
        public int UriOffset { get; private set; }

        /// <summary>Length of the Request-URI.</summary>
        public int UriLength { get; private set; }

        /// <summary>Number of header fields read (a continuation line is part of its field).</summary>
        public int HeaderCount { get; private set; }

        /// <summary>The CSeq value (RFC 2326 §12.17), or -1 when it is missing or not a number of at most 9 digits.</summary>
        public int CSeq { get; private set; }

        /// <summary>Offset of the session id in the Session header (up to the first ';'), or -1 when there is none.</summary>
        public int SessionOffset { get; private set; }

        /// <summary>Length of the session id.</summary>
        public int SessionLength { get; private set; }

        /// <summary>Offset of the body (of a request) or of the data (of an interleaved frame).</summary>
        public int BodyOffset { get; private set; }

        /// <summary>Length of the body (Content-Length, 0 when absent) or of the interleaved data.</summary>
        public int BodyLength { get; private set; }

        /// <summary>The interleaved channel of an <see cref="RtspReadStatus.InterleavedFrame"/>.</summary>
        public int Channel { get; private set; }

        /// <summary>Bytes the request or frame occupies from the offset read (valid after Complete or InterleavedFrame).</summary>
        public int Consumed { get; private set; }

        /// <summary>
        /// Reads the request or interleaved frame at <paramref name="offset"/>. On Incomplete read again from the same
        /// offset once more bytes arrived; after Complete or InterleavedFrame the next one starts <see cref="Consumed"/> later.
        /// </summary>
        /// <param name="buffer">The received bytes.</param>
        /// <param name="offset">Start of the request.</param>
        /// <param name="count">Bytes received from <paramref name="offset"/>.</param>
        /// <returns>What was found; the limits' violations and syntax errors are statuses, never exceptions.</returns>
        public RtspReadStatus Read(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (offset < 0 || count < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException();
            _b = buffer;
            Method = RtspMethod.Unknown;
            MethodOffset = MethodLength = UriOffset = UriLength = HeaderCount = BodyLength = Consumed = Channel = 0;
            BodyOffset = offset;
            CSeq = -1;
            SessionOffset = -1;
            SessionLength = 0;
            int end = offset + count;
            int p = offset;

            // RFC 2326 §10.12: '$', one-byte channel, two-byte length, then the data.
            if (p < end && buffer[p] == (byte)'$')
            {
                if (count < 4) return RtspReadStatus.Incomplete;
                int n = (buffer[p + 2] << 8) | buffer[p + 3];
                if (count < 4 + n) return RtspReadStatus.Incomplete;
                Channel = buffer[p + 1];
                BodyOffset = p + 4;
                BodyLength = n;
                Consumed = 4 + n;
                return RtspReadStatus.InterleavedFrame;
            }

            // Empty lines before a request are ignored (RFC 2616 §4.1, which RFC 2326 §6 builds on).
            while (p < end && (buffer[p] == (byte)'\r' || buffer[p] == (byte)'\n')) p++;
            if (p == end) return RtspReadStatus.Incomplete;

            int requestLineLimit = _maxUri + 32;
            int lineEnd = FindLineEnd(buffer, p, end, requestLineLimit);
            if (lineEnd == -1) return RtspReadStatus.Incomplete;
            if (lineEnd == -2) return UriStatus(buffer, p, end);
            RtspReadStatus s = ReadRequestLine(buffer, p, TrimLineEnd(buffer, p, lineEnd));
            if (s != RtspReadStatus.Complete) return s;
            p = lineEnd + 1;

            int headers = 0;
            while (true)
            {
                if (p >= end) return RtspReadStatus.Incomplete;
                lineEnd = FindLineEnd(buffer, p, end, _maxLine);
                if (lineEnd == -1) return RtspReadStatus.Incomplete;
                if (lineEnd == -2) return RtspReadStatus.HeadersTooLarge;
                int stop = TrimLineEnd(buffer, p, lineEnd);
                if (stop == p)
                {
                    p = lineEnd + 1;
                    break;
                }

                byte first = buffer[p];
                if (first == (byte)' ' || first == (byte)'\t')
                {
                    // A continuation line (RFC 2616 §2.2 LWS): the field's value runs on to the end of this line.
                    if (headers == 0) return RtspReadStatus.Malformed;
                    int more = SkipSpace(buffer, p, stop);
                    if (more < stop)
                    {
                        // A blank continuation line adds nothing; an empty value starts on this line (else its length
                        // would run backwards from the previous line's end: found by fuzzing).
                        int v = _valueLength[headers - 1] == 0 ? more : _valueStart[headers - 1];
                        _valueStart[headers - 1] = v;
                        _valueLength[headers - 1] = TrimRight(buffer, v, stop) - v;
                        if (_valueLength[headers - 1] > _maxLine) return RtspReadStatus.HeadersTooLarge;
                    }
                }
                else
                {
                    if (headers == _nameStart.Length) return RtspReadStatus.HeadersTooLarge;
                    int colon = p;
                    while (colon < stop && IsTokenChar(buffer[colon])) colon++;
                    if (colon == p || colon == stop || buffer[colon] != (byte)':') return RtspReadStatus.Malformed;
                    int v = SkipSpace(buffer, colon + 1, stop);
                    _nameStart[headers] = p;
                    _nameLength[headers] = colon - p;
                    _valueStart[headers] = v;
                    _valueLength[headers] = TrimRight(buffer, v, stop) - v;
                    headers++;
                }

                if (HasControl(buffer, p, stop)) return RtspReadStatus.Malformed;
                p = lineEnd + 1;
            }

            HeaderCount = headers;
            int i = FindHeader(RtspHeaderName.ContentLength);
            int bodyLength = 0;
            if (i >= 0)
            {
                bodyLength = ParseDecimal(buffer, _valueStart[i], _valueLength[i]);
                if (bodyLength < 0) return _valueLength[i] > 9 && AllDigits(buffer, _valueStart[i], _valueLength[i]) ? RtspReadStatus.BodyTooLarge : RtspReadStatus.Malformed;
                if (bodyLength > _maxBody) return RtspReadStatus.BodyTooLarge;
            }

            if (end - p < bodyLength) return RtspReadStatus.Incomplete;
            i = FindHeader(RtspHeaderName.CSeq);
            if (i >= 0) CSeq = ParseDecimal(buffer, _valueStart[i], _valueLength[i]);
            i = FindHeader(SessionName);
            if (i >= 0)
            {
                int v = _valueStart[i];
                int e = v;
                int stop = v + _valueLength[i];
                while (e < stop && buffer[e] != (byte)';' && buffer[e] != (byte)' ' && buffer[e] != (byte)'\t') e++;
                if (e > v)
                {
                    SessionOffset = v;
                    SessionLength = e - v;
                }
            }

            BodyOffset = p;
            BodyLength = bodyLength;
            Consumed = p + bodyLength - offset;
            return RtspReadStatus.Complete;
        }

        /// <summary>Index of the first header named <paramref name="name"/> (ASCII case-insensitive, RFC 2326 §4.2), or -1.</summary>
        /// <param name="name">Header name.</param>
        /// <returns>The index, below <see cref="HeaderCount"/>.</returns>
        public int FindHeader(string name)
        {
            if (name == null) throw new ArgumentNullException();
            for (int i = 0; i < HeaderCount; i++)
            {
                if (_nameLength[i] == name.Length && Matches(_b, _nameStart[i], name, 0, name.Length)) return i;
            }

            return -1;
        }

        /// <summary>Offset of header <paramref name="index"/>'s name.</summary>
        /// <param name="index">Header index.</param>
        /// <returns>The offset in <see cref="Buffer"/>.</returns>
        public int HeaderNameOffset(int index)
        {
            CheckIndex(index);
            return _nameStart[index];
        }

        /// <summary>Length of header <paramref name="index"/>'s name.</summary>
        /// <param name="index">Header index.</param>
        /// <returns>The length.</returns>
        public int HeaderNameLength(int index)
        {
            CheckIndex(index);
            return _nameLength[index];
        }

        /// <summary>Offset of header <paramref name="index"/>'s value (leading and trailing white space left out).</summary>
        /// <param name="index">Header index.</param>
        /// <returns>The offset in <see cref="Buffer"/>.</returns>
        public int HeaderValueOffset(int index)
        {
            CheckIndex(index);
            return _valueStart[index];
        }

        /// <summary>Length of header <paramref name="index"/>'s value (a folded value includes its line ends).</summary>
        /// <param name="index">Header index.</param>
        /// <returns>The length.</returns>
        public int HeaderValueLength(int index)
        {
            CheckIndex(index);
            return _valueLength[index];
        }

        /// <summary>Copies header <paramref name="index"/>'s value into a new string (allocates: for values other parsers take as text).</summary>
        /// <param name="index">Header index.</param>
        /// <returns>The value, each byte as one char.</returns>
        public string HeaderValueText(int index)
        {
            CheckIndex(index);
            return AsciiText.ToText(_b, _valueStart[index], _valueLength[index]);
        }

        /// <summary>True when header <paramref name="index"/>'s value starts with <paramref name="text"/> (ASCII case-insensitive).</summary>
        /// <param name="index">Header index.</param>
        /// <param name="text">The expected beginning.</param>
        /// <returns>Whether it matches.</returns>
        public bool HeaderValueStartsWith(int index, string text)
        {
            CheckIndex(index);
            if (text == null) throw new ArgumentNullException();
            return _valueLength[index] >= text.Length && Matches(_b, _valueStart[index], text, 0, text.Length);
        }

        /// <summary>True when the Request-URI equals <paramref name="text"/> from <paramref name="textOffset"/> on, exactly (byte for char).</summary>
        /// <param name="text">The expected URI or URI part.</param>
        /// <param name="textOffset">First character of <paramref name="text"/> compared with the URI's first byte.</param>
        /// <returns>Whether they are equal.</returns>
        public bool UriEquals(string text, int textOffset)
        {
            if (text == null) throw new ArgumentNullException();
            if (textOffset < 0 || text.Length - textOffset != UriLength) return false;
            for (int i = 0; i < UriLength; i++)
            {
                if (_b[UriOffset + i] != text[textOffset + i]) return false;
            }

            return true;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= HeaderCount) throw new ArgumentOutOfRangeException();
        }

        // Request-Line = Method SP Request-URI SP RTSP-Version CRLF (RFC 2326 §6.1).
        private RtspReadStatus ReadRequestLine(byte[] b, int p, int stop)
        {
            if (HasControl(b, p, stop)) return RtspReadStatus.Malformed;
            int m = p;
            while (m < stop && IsTokenChar(b[m])) m++;
            if (m == p || m == stop || b[m] != (byte)' ') return RtspReadStatus.Malformed;
            int u = m + 1;
            int ue = u;
            while (ue < stop && b[ue] != (byte)' ') ue++;
            if (ue == u || ue == stop) return RtspReadStatus.Malformed;
            if (ue - u > _maxUri) return RtspReadStatus.UriTooLong;
            int v = ue + 1;
            if (stop - v == Version.Length && Matches(b, v, Version, 0, Version.Length))
            {
                // exact
            }
            else if (stop - v > VersionPrefix.Length && Matches(b, v, VersionPrefix, 0, VersionPrefix.Length))
            {
                return RtspReadStatus.VersionNotSupported;
            }
            else
            {
                return RtspReadStatus.Malformed;
            }

            MethodOffset = p;
            MethodLength = m - p;
            UriOffset = u;
            UriLength = ue - u;
            for (int i = 0; i < MethodToken.Names.Length; i++)
            {
                // Method names are case-sensitive (RFC 2326 §6.1).
                string name = MethodToken.Names[i];
                if (name.Length == MethodLength && SameCase(b, p, name))
                {
                    Method = (RtspMethod)(i + 1);
                    break;
                }
            }

            return RtspReadStatus.Complete;
        }

        // A request line without its end within the limit: 414 when the URI alone is too long, else 413.
        private RtspReadStatus UriStatus(byte[] b, int p, int end)
        {
            int sp = p;
            while (sp < end && b[sp] != (byte)' ' && b[sp] != (byte)'\n') sp++;
            if (sp == end || b[sp] != (byte)' ') return RtspReadStatus.Malformed;
            int u = sp + 1;
            int ue = u;
            while (ue < end && b[ue] != (byte)' ' && b[ue] != (byte)'\n') ue++;
            return ue - u > _maxUri ? RtspReadStatus.UriTooLong : RtspReadStatus.HeadersTooLarge;
        }

        // Index of the LF ending the line at p; -1 when none has arrived yet, -2 when the line is longer than the limit.
        private static int FindLineEnd(byte[] b, int p, int end, int limit)
        {
            int stop = end - p > limit + 2 ? p + limit + 2 : end;
            for (int i = p; i < stop; i++)
            {
                // With a CR the line may be limit + 1 bytes before its LF, without one only limit.
                if (b[i] == (byte)'\n') return i - p == limit + 1 && b[i - 1] != (byte)'\r' ? -2 : i;
            }

            return end - p >= limit + 2 ? -2 : -1;
        }

        private static int TrimLineEnd(byte[] b, int p, int lf)
        {
            return lf > p && b[lf - 1] == (byte)'\r' ? lf - 1 : lf;
        }

        private static int SkipSpace(byte[] b, int p, int stop)
        {
            while (p < stop && (b[p] == (byte)' ' || b[p] == (byte)'\t')) p++;
            return p;
        }

        private static int TrimRight(byte[] b, int start, int stop)
        {
            while (stop > start && (b[stop - 1] == (byte)' ' || b[stop - 1] == (byte)'\t' || b[stop - 1] == (byte)'\r' || b[stop - 1] == (byte)'\n')) stop--;
            return stop;
        }

        private static bool HasControl(byte[] b, int p, int stop)
        {
            for (int i = p; i < stop; i++)
            {
                byte c = b[i];
                if ((c < 0x20 && c != (byte)'\t') || c == 0x7F) return true;
            }

            return false;
        }

        // token = 1*<any CHAR except CTLs or tspecials> (RFC 2326 §15.1).
        private static bool IsTokenChar(byte c)
        {
            if (c <= 0x20 || c >= 0x7F) return false;
            switch (c)
            {
                case (byte)'(': case (byte)')': case (byte)'<': case (byte)'>': case (byte)'@': case (byte)',': case (byte)';':
                case (byte)':': case (byte)'\\': case (byte)'"': case (byte)'/': case (byte)'[': case (byte)']': case (byte)'?':
                case (byte)'=': case (byte)'{': case (byte)'}':
                    return false;
            }

            return true;
        }

        private static bool AllDigits(byte[] b, int p, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (b[p + i] < (byte)'0' || b[p + i] > (byte)'9') return false;
            }

            return length > 0;
        }

        // A decimal of 1 to 9 digits, or -1.
        internal static int ParseDecimal(byte[] b, int p, int length)
        {
            if (length < 1 || length > 9) return -1;
            int v = 0;
            for (int i = 0; i < length; i++)
            {
                int d = b[p + i] - '0';
                if (d < 0 || d > 9) return -1;
                v = v * 10 + d;
            }

            return v;
        }

        internal static bool Matches(byte[] b, int p, string text, int textOffset, int length)
        {
            for (int i = 0; i < length; i++)
            {
                int c = b[p + i];
                int t = text[textOffset + i];
                if (c >= 'A' && c <= 'Z') c += 32;
                if (t >= 'A' && t <= 'Z') t += 32;
                if (c != t) return false;
            }

            return true;
        }

        // Byte for char, case-sensitive (method tokens, URI paths).
        internal static bool SameCase(byte[] b, int p, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (b[p + i] != text[i]) return false;
            }

            return true;
        }
    }
}
