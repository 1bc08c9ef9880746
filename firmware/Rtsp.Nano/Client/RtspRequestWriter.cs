using System;

namespace NanoMikey.Rtsp.Client
{
    /// <summary>
    /// Writes an RTSP/1.0 request (RFC 2326 §6) into a fixed buffer: request line, CSeq, headers, then an optional body
    /// with its Content-Length. ASCII only; a request that does not fit fails (<see cref="Overflowed"/>) instead of being cut.
    /// </summary>
    public sealed class RtspRequestWriter
    {
        private readonly byte[] _buffer;
        private int _length;

        /// <summary>Creates a writer with its own buffer.</summary>
        /// <param name="capacity">Longest request in bytes.</param>
        public RtspRequestWriter(int capacity)
        {
            if (capacity < 64) throw new ArgumentOutOfRangeException();
            _buffer = new byte[capacity];
        }

        /// <summary>The request bytes.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Bytes written so far.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>True when something did not fit since <see cref="Begin"/>: the request must not be sent.</summary>
        public bool Overflowed { get; private set; }

        /// <summary>Starts a request: <c>METHOD uri RTSP/1.0</c> and <c>CSeq</c> (RFC 2326 §6.1, §12.17).</summary>
        /// <param name="method">The method (OPTIONS, ANNOUNCE, SETUP, ...).</param>
        /// <param name="uri">The request URI.</param>
        /// <param name="cseq">The sequence number.</param>
        public void Begin(string method, string uri, int cseq)
        {
            if (method == null || uri == null) throw new ArgumentNullException();
            _length = 0;
            Overflowed = false;
            Append(method);
            Append(" ");
            Append(uri);
            Append(" RTSP/1.0\r\nCSeq: ");
            AppendNumber(cseq);
            Append("\r\n");
        }

        /// <summary>Adds a header line <c>name: value</c>.</summary>
        /// <param name="name">Header name.</param>
        /// <param name="value">Header value (one line).</param>
        public void Header(string name, string value)
        {
            if (name == null || value == null) throw new ArgumentNullException();
            Append(name);
            Append(": ");
            Append(value);
            Append("\r\n");
        }

        /// <summary>Ends the headers without a body.</summary>
        public void End()
        {
            Append("\r\n");
        }

        /// <summary>Ends the headers with <c>Content-Type</c>, <c>Content-Length</c> and the body (ASCII text).</summary>
        /// <param name="contentType">The body's media type.</param>
        /// <param name="body">The body.</param>
        public void End(string contentType, string body)
        {
            if (contentType == null || body == null) throw new ArgumentNullException();
            Header("Content-Type", contentType);
            Append("Content-Length: ");
            AppendNumber(body.Length);
            Append("\r\n\r\n");
            Append(body);
        }

        private void Append(string s)
        {
            if (Overflowed) return;
            if (s.Length > _buffer.Length - _length)
            {
                Overflowed = true;
                return;
            }

            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                // Only ASCII goes on the wire; anything else is a caller bug the request must not carry silently.
                if (c > (char)0x7E || (c < (char)0x20 && c != '\r' && c != '\n' && c != '\t')) throw new ArgumentException();
                _buffer[_length + i] = (byte)c;
            }

            _length += s.Length;
        }

        private void AppendNumber(int v)
        {
            if (v < 0) throw new ArgumentOutOfRangeException();
            int digits = 1;
            for (int t = v; t >= 10; t /= 10) digits++;
            if (Overflowed) return;
            if (digits > _buffer.Length - _length)
            {
                Overflowed = true;
                return;
            }

            for (int i = digits - 1; i >= 0; i--)
            {
                _buffer[_length + i] = (byte)('0' + v % 10);
                v /= 10;
            }

            _length += digits;
        }
    }
}
