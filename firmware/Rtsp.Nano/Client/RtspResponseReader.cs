using System;
using NanoMikey.Crypto;
using NanoMikey.Net.Text;
using NanoMikey.Rtsp.Message;

namespace NanoMikey.Rtsp.Client
{
    /// <summary>
    /// Reads an RTSP/1.0 response (RFC 2326 §7) in place from the bytes received so far: the status code, CSeq, and where
    /// the headers a client needs (Session, Transport, KeyMgmt, Content-Base, Content-Type) and the body are. Nothing is
    /// copied or allocated; <see cref="Text"/> makes a string of a range when one is needed (set-up, not the media path).
    /// Header names are case-insensitive (RFC 2326 §4.2 after RFC 2616 §4.2), folded continuation lines belong to the
    /// header above them, LF alone is accepted as a line end.
    /// </summary>
    public sealed class RtspResponseReader
    {
        private static readonly string Version = "RTSP/1.0";
        private static readonly string Timeout = "timeout=";

        private byte[] _buffer = new byte[0];

        /// <summary>The status code (RFC 2326 §7.1.1); 0 before a response was read.</summary>
        public int StatusCode { get; private set; }

        /// <summary>The CSeq (RFC 2326 §12.17); -1 when absent.</summary>
        public int CSeq { get; private set; }

        /// <summary>Bytes of the whole response: headers, blank line and body.</summary>
        public int MessageLength { get; private set; }

        /// <summary>Offset of the body in the buffer.</summary>
        public int BodyOffset { get; private set; }

        /// <summary>Length of the body (the Content-Length; 0 without one).</summary>
        public int BodyLength { get; private set; }

        /// <summary>Offset of the session identifier (the Session value up to its first ';').</summary>
        public int SessionOffset { get; private set; }

        /// <summary>Length of the session identifier; 0 when there is no Session header.</summary>
        public int SessionLength { get; private set; }

        /// <summary>The Session header's timeout parameter in seconds (RFC 2326 §12.37); -1 when absent.</summary>
        public int SessionTimeoutSeconds { get; private set; }

        /// <summary>Offset of the Transport value.</summary>
        public int TransportOffset { get; private set; }

        /// <summary>Length of the Transport value; 0 when absent.</summary>
        public int TransportLength { get; private set; }

        /// <summary>Offset of the first KeyMgmt value (RFC 4567 §3.2).</summary>
        public int KeyMgmtOffset { get; private set; }

        /// <summary>Length of the first KeyMgmt value; 0 when absent.</summary>
        public int KeyMgmtLength { get; private set; }

        /// <summary>Offset of the Content-Base value.</summary>
        public int ContentBaseOffset { get; private set; }

        /// <summary>Length of the Content-Base value; 0 when absent.</summary>
        public int ContentBaseLength { get; private set; }

        /// <summary>Offset of the Content-Type value.</summary>
        public int ContentTypeOffset { get; private set; }

        /// <summary>Length of the Content-Type value; 0 when absent.</summary>
        public int ContentTypeLength { get; private set; }

        /// <summary>
        /// Reads the response at the start of <paramref name="buffer"/>[<paramref name="offset"/>..]. On
        /// <see cref="RtspResponseStatus.Complete"/> the properties describe it and <see cref="MessageLength"/> bytes belong to
        /// it; otherwise their values mean nothing.
        /// </summary>
        /// <param name="buffer">The received bytes.</param>
        /// <param name="offset">Start of the response.</param>
        /// <param name="length">Bytes received from <paramref name="offset"/>.</param>
        /// <param name="maxMessageLength">Longest response accepted (the room the caller has).</param>
        /// <returns>The outcome.</returns>
        [HotPath]
        public RtspResponseStatus Read(byte[] buffer, int offset, int length, int maxMessageLength)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (offset < 0 || length < 0 || offset > buffer.Length - length || maxMessageLength < 1) throw new ArgumentOutOfRangeException();
            _buffer = buffer;
            Clear();
            int end = offset + length;

            // The header block ends at the first empty line (RFC 2326 §7: CRLF after the headers).
            int headerEnd = -1;
            int bodyStart = -1;
            for (int i = offset; i < end; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                int next = i + 1;
                if (next < end && buffer[next] == (byte)'\n')
                {
                    headerEnd = i;
                    bodyStart = next + 1;
                    break;
                }

                if (next + 1 < end && buffer[next] == (byte)'\r' && buffer[next + 1] == (byte)'\n')
                {
                    headerEnd = i;
                    bodyStart = next + 2;
                    break;
                }
            }

            if (headerEnd < 0)
            {
                return length >= maxMessageLength ? RtspResponseStatus.TooLarge : RtspResponseStatus.Incomplete;
            }

            if (bodyStart - offset > maxMessageLength) return RtspResponseStatus.TooLarge;
            int lineEnd = LineEnd(buffer, offset, headerEnd + 1);
            if (!ReadStatusLine(buffer, offset, lineEnd)) return RtspResponseStatus.Malformed;

            int contentLength = 0;
            int p = NextLine(buffer, lineEnd, headerEnd + 1);
            while (p <= headerEnd)
            {
                int e = LineEnd(buffer, p, headerEnd + 1);
                // A continuation line (RFC 2616 §2.2 LWS) belongs to the header above it.
                int stop = e;
                int following = NextLine(buffer, e, headerEnd + 1);
                while (following <= headerEnd && (buffer[following] == (byte)' ' || buffer[following] == (byte)'\t'))
                {
                    stop = LineEnd(buffer, following, headerEnd + 1);
                    following = NextLine(buffer, stop, headerEnd + 1);
                }

                int colon = -1;
                for (int i = p; i < stop; i++)
                {
                    byte b = buffer[i];
                    if (b < 0x20 && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n') return RtspResponseStatus.Malformed;
                    if (b == 0x7F) return RtspResponseStatus.Malformed;
                    if (colon < 0 && b == (byte)':') colon = i;
                }

                if (colon <= p) return RtspResponseStatus.Malformed;
                int nameEnd = colon;
                while (nameEnd > p && IsSpace(buffer[nameEnd - 1])) nameEnd--;
                int vs = colon + 1;
                while (vs < stop && IsSpace(buffer[vs])) vs++;
                int ve = stop;
                while (ve > vs && IsSpace(buffer[ve - 1])) ve--;
                int nameLength = nameEnd - p;

                if (Is(buffer, p, nameLength, RtspHeaderName.CSeq))
                {
                    int v = Number(buffer, vs, ve);
                    if (v < 0 || CSeq >= 0) return RtspResponseStatus.Malformed;
                    CSeq = v;
                }
                else if (Is(buffer, p, nameLength, RtspHeaderName.ContentLength))
                {
                    int v = Number(buffer, vs, ve);
                    if (v < 0) return v == -2 ? RtspResponseStatus.TooLarge : RtspResponseStatus.Malformed;
                    contentLength = v;
                }
                else if (Is(buffer, p, nameLength, RtspHeaderName.Session))
                {
                    if (!ReadSession(buffer, vs, ve)) return RtspResponseStatus.Malformed;
                }
                else if (Is(buffer, p, nameLength, RtspHeaderName.Transport))
                {
                    TransportOffset = vs;
                    TransportLength = ve - vs;
                }
                else if (Is(buffer, p, nameLength, RtspHeaderName.KeyMgmt))
                {
                    if (KeyMgmtLength == 0)
                    {
                        KeyMgmtOffset = vs;
                        KeyMgmtLength = ve - vs;
                    }
                }
                else if (Is(buffer, p, nameLength, RtspHeaderName.ContentBase))
                {
                    ContentBaseOffset = vs;
                    ContentBaseLength = ve - vs;
                }
                else if (Is(buffer, p, nameLength, RtspHeaderName.ContentType))
                {
                    ContentTypeOffset = vs;
                    ContentTypeLength = ve - vs;
                }

                p = following;
            }

            if (contentLength > maxMessageLength - (bodyStart - offset)) return RtspResponseStatus.TooLarge;
            if (end - bodyStart < contentLength) return RtspResponseStatus.Incomplete;
            BodyOffset = bodyStart;
            BodyLength = contentLength;
            MessageLength = bodyStart - offset + contentLength;
            return RtspResponseStatus.Complete;
        }

        /// <summary>A string of the ASCII bytes <paramref name="offset"/>..+<paramref name="length"/> of the buffer last read.</summary>
        /// <param name="offset">Start in the buffer.</param>
        /// <param name="length">Number of bytes.</param>
        /// <returns>The text (allocated).</returns>
        public string Text(int offset, int length)
        {
            if (offset < 0 || length < 0 || offset > _buffer.Length - length) throw new ArgumentOutOfRangeException();
            return AsciiText.ToText(_buffer, offset, length);
        }

        /// <summary>True when the bytes at <paramref name="offset"/> equal <paramref name="value"/> (ASCII, exact case).</summary>
        /// <param name="offset">Start in the buffer last read.</param>
        /// <param name="length">Number of bytes.</param>
        /// <param name="value">Text to compare with.</param>
        /// <returns>True on an exact match.</returns>
        public bool TextEquals(int offset, int length, string value)
        {
            if (value == null) throw new ArgumentNullException();
            if (offset < 0 || length < 0 || offset > _buffer.Length - length) throw new ArgumentOutOfRangeException();
            if (length != value.Length) return false;
            for (int i = 0; i < length; i++)
            {
                if (_buffer[offset + i] != (byte)value[i]) return false;
            }

            return true;
        }

        private void Clear()
        {
            StatusCode = 0;
            CSeq = -1;
            MessageLength = 0;
            BodyOffset = 0;
            BodyLength = 0;
            SessionOffset = 0;
            SessionLength = 0;
            SessionTimeoutSeconds = -1;
            TransportOffset = 0;
            TransportLength = 0;
            KeyMgmtOffset = 0;
            KeyMgmtLength = 0;
            ContentBaseOffset = 0;
            ContentBaseLength = 0;
            ContentTypeOffset = 0;
            ContentTypeLength = 0;
        }

        // Status-Line = RTSP-Version SP Status-Code SP Reason-Phrase CRLF (RFC 2326 §7.1).
        private bool ReadStatusLine(byte[] b, int p, int e)
        {
            if (e - p < 12 || !Is(b, p, 8, Version) || b[p + 8] != (byte)' ') return false;
            int code = 0;
            for (int i = p + 9; i < p + 12; i++)
            {
                int d = b[i] - '0';
                if (d < 0 || d > 9) return false;
                code = code * 10 + d;
            }

            if (code < 100 || (e > p + 12 && b[p + 12] != (byte)' ')) return false;
            for (int i = p + 12; i < e; i++)
            {
                if ((b[i] < 0x20 && b[i] != (byte)'\t' && b[i] != (byte)'\r') || b[i] == 0x7F) return false;
            }

            StatusCode = code;
            return true;
        }

        // Session = "Session" ":" session-id [ ";" "timeout" "=" delta-seconds ] (RFC 2326 §12.37).
        private bool ReadSession(byte[] b, int vs, int ve)
        {
            int idEnd = vs;
            while (idEnd < ve && b[idEnd] != (byte)';' && !IsSpace(b[idEnd])) idEnd++;
            if (idEnd == vs) return false;
            SessionOffset = vs;
            SessionLength = idEnd - vs;
            int p = idEnd;
            while (p < ve)
            {
                while (p < ve && (b[p] == (byte)';' || IsSpace(b[p]))) p++;
                if (p + 8 <= ve && Is(b, p, 8, Timeout))
                {
                    int q = p + 8;
                    while (q < ve && b[q] != (byte)';' && !IsSpace(b[q])) q++;
                    int v = Number(b, p + 8, q);
                    if (v < 0) return false;
                    SessionTimeoutSeconds = v;
                    p = q;
                }
                else
                {
                    while (p < ve && b[p] != (byte)';') p++;
                }
            }

            return true;
        }

        // A decimal number; -1 when not one, -2 when above 1e8 (no RTSP length or CSeq a client keeps gets near that).
        private static int Number(byte[] b, int s, int e)
        {
            if (s >= e) return -1;
            int v = 0;
            for (int i = s; i < e; i++)
            {
                int d = b[i] - '0';
                if (d < 0 || d > 9) return -1;
                if (v > 10000000) return -2;
                v = v * 10 + d;
            }

            return v;
        }

        private static bool Is(byte[] b, int p, int length, string name)
        {
            return length == name.Length && RtspRequestReader.Matches(b, p, name, 0, length);
        }

        private static bool IsSpace(byte c)
        {
            return c == (byte)' ' || c == (byte)'\t' || c == (byte)'\r' || c == (byte)'\n';
        }

        // End of the line starting at p (the index of its LF, or of the CR before it).
        private static int LineEnd(byte[] b, int p, int limit)
        {
            int i = p;
            while (i < limit && b[i] != (byte)'\n') i++;
            if (i > p && b[i - 1] == (byte)'\r') i--;
            return i;
        }

        private static int NextLine(byte[] b, int lineEnd, int limit)
        {
            int i = lineEnd;
            while (i < limit && b[i] != (byte)'\n') i++;
            return i + 1;
        }
    }
}
