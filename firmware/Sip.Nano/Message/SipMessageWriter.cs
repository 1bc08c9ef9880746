using System;
using NanoMikey.Net.Text;

namespace NanoMikey.Sip.Message
{
    /// <summary>
    /// Writes a SIP request or response (RFC 3261 §7) into a caller buffer: the start line, headers (whole, or a value
    /// built from pieces with <see cref="BeginHeader"/>, the Append calls and <see cref="EndHeader"/>), then
    /// <see cref="Body(string, string)"/> or <see cref="EndNoBody"/> adds Content-Length, the empty line and the body. A
    /// message that does not fit sets <see cref="Failed"/>; nothing is allocated.
    /// </summary>
    public sealed class SipMessageWriter
    {
        private static readonly string Version = "SIP/2.0";
        private static readonly string Crlf = "\r\n";
        private static readonly string Colon = ": ";
        private static readonly string Space = " ";

        private byte[] _b;
        private int _start;
        private int _p;
        private int _limit;

        /// <summary>Creates a writer with its own buffer of <paramref name="capacity"/> bytes.</summary>
        /// <param name="capacity">Largest message (e.g. <see cref="SipLimits.MaxDatagram"/>).</param>
        public SipMessageWriter(int capacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException();
            _b = new byte[capacity];
            _limit = capacity;
        }

        /// <summary>Creates a writer over part of a caller's buffer.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where the message starts.</param>
        /// <param name="capacity">Room from <paramref name="offset"/>.</param>
        public SipMessageWriter(byte[] buffer, int offset, int capacity)
        {
            _b = new byte[0];
            Target(buffer, offset, capacity);
        }

        /// <summary>The destination buffer.</summary>
        public byte[] Buffer { get { return _b; } }

        /// <summary>Where the message starts in <see cref="Buffer"/>.</summary>
        public int Offset { get { return _start; } }

        /// <summary>Bytes written so far (0 once <see cref="Failed"/>).</summary>
        public int Length { get { return Failed ? 0 : _p - _start; } }

        /// <summary>True once something did not fit; the message is then unusable.</summary>
        public bool Failed { get; private set; }

        /// <summary>Points the writer at another part of a buffer and starts empty.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where the message starts.</param>
        /// <param name="capacity">Room from <paramref name="offset"/>.</param>
        public void Target(byte[] buffer, int offset, int capacity)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (offset < 0 || capacity < 0 || offset > buffer.Length - capacity) throw new ArgumentOutOfRangeException();
            _b = buffer;
            _start = offset;
            _limit = offset + capacity;
            Clear();
        }

        /// <summary>Starts over at the same place.</summary>
        public void Clear()
        {
            _p = _start;
            Failed = false;
        }

        /// <summary>Starts a request: <c>METHOD uri SIP/2.0</c> (RFC 3261 §7.1).</summary>
        /// <param name="method">The method (not None or Other: use the string overload).</param>
        /// <param name="uri">Request-URI.</param>
        public void StartRequest(SipMethod method, string uri)
        {
            if (method == SipMethod.None || method == SipMethod.Other) throw new ArgumentOutOfRangeException();
            StartRequest(SipMethodName.Names[(int)method - 1], uri);
        }

        /// <summary>Starts a request with any method token (RFC 3261 §7.1).</summary>
        /// <param name="method">Method token (case-sensitive).</param>
        /// <param name="uri">Request-URI.</param>
        public void StartRequest(string method, string uri)
        {
            if (method == null || uri == null) throw new ArgumentNullException();
            Clear();
            Put(method);
            Put(Space);
            Put(uri);
            Put(Space);
            Put(Version);
            Put(Crlf);
        }

        /// <summary>Starts a response: <c>SIP/2.0 code reason</c> (RFC 3261 §7.2).</summary>
        /// <param name="code">Status code, 100 to 699.</param>
        /// <param name="reason">Reason phrase (may be empty).</param>
        public void StartResponse(int code, string reason)
        {
            if (code < 100 || code > 699) throw new ArgumentOutOfRangeException();
            if (reason == null) throw new ArgumentNullException();
            Clear();
            Put(Version);
            Put(Space);
            PutDecimal(code);
            Put(Space);
            Put(reason);
            Put(Crlf);
        }

        /// <summary>Writes <c>name: value</c>.</summary>
        /// <param name="name">Header name.</param>
        /// <param name="value">Header value.</param>
        public void Header(string name, string value)
        {
            BeginHeader(name);
            Append(value);
            EndHeader();
        }

        /// <summary>Writes <c>name: decimal</c> (CSeq numbers, Max-Forwards, Expires).</summary>
        /// <param name="name">Header name.</param>
        /// <param name="value">Value.</param>
        public void HeaderUInt(string name, uint value)
        {
            BeginHeader(name);
            PutDecimal(value);
            EndHeader();
        }

        /// <summary>Writes <c>name: </c> and bytes copied from another buffer (a value read by <see cref="SipMessageReader"/>).</summary>
        /// <param name="name">Header name.</param>
        /// <param name="value">Source buffer.</param>
        /// <param name="offset">Offset of the value.</param>
        /// <param name="count">Value length.</param>
        public void HeaderBytes(string name, byte[] value, int offset, int count)
        {
            BeginHeader(name);
            AppendBytes(value, offset, count);
            EndHeader();
        }

        /// <summary>Writes <c>CSeq: number METHOD</c> (RFC 3261 §20.16).</summary>
        /// <param name="number">Sequence number (below 2^31, §8.1.1.5).</param>
        /// <param name="method">The request's method (not None or Other).</param>
        public void HeaderCSeq(uint number, SipMethod method)
        {
            if (method == SipMethod.None || method == SipMethod.Other) throw new ArgumentOutOfRangeException();
            BeginHeader(SipHeaderName.CSeq);
            PutDecimal(number);
            Put(Space);
            Put(SipMethodName.Names[(int)method - 1]);
            EndHeader();
        }

        /// <summary>Starts a header whose value the Append calls build; <see cref="EndHeader"/> ends it.</summary>
        /// <param name="name">Header name.</param>
        public void BeginHeader(string name)
        {
            if (name == null) throw new ArgumentNullException();
            Put(name);
            Put(Colon);
        }

        /// <summary>Appends text to the value being written.</summary>
        /// <param name="text">Text (each char written as one byte).</param>
        public void Append(string text)
        {
            if (text == null) throw new ArgumentNullException();
            Put(text);
        }

        /// <summary>Appends a decimal number.</summary>
        /// <param name="value">Value (0 or more).</param>
        public void AppendDecimal(long value)
        {
            if (value < 0) throw new ArgumentOutOfRangeException();
            PutDecimal(value);
        }

        /// <summary>Appends bytes as they are.</summary>
        /// <param name="value">Source.</param>
        /// <param name="offset">Offset in <paramref name="value"/>.</param>
        /// <param name="count">Bytes.</param>
        public void AppendBytes(byte[] value, int offset, int count)
        {
            if (value == null) throw new ArgumentNullException();
            if (offset < 0 || count < 0 || offset > value.Length - count) throw new ArgumentOutOfRangeException();
            if (Failed) return;
            if (_limit - _p < count)
            {
                Failed = true;
                return;
            }

            Array.Copy(value, offset, _b, _p, count);
            _p += count;
        }

        /// <summary>Ends the header begun with <see cref="BeginHeader"/>.</summary>
        public void EndHeader()
        {
            Put(Crlf);
        }

        /// <summary>Ends a message without a body: <c>Content-Length: 0</c> and the empty line (RFC 3261 §20.14).</summary>
        /// <returns>The message length, or -1 when it did not fit.</returns>
        public int EndNoBody()
        {
            HeaderUInt(SipHeaderName.ContentLength, 0);
            Put(Crlf);
            return Failed ? -1 : _p - _start;
        }

        /// <summary>Ends the message with a text body: Content-Type, Content-Length, the empty line and the body (RFC 3261 §7.4).</summary>
        /// <param name="contentType">Content-Type (e.g. <c>application/sdp</c>).</param>
        /// <param name="body">Body text (each char written as one byte).</param>
        /// <returns>The message length, or -1 when it did not fit.</returns>
        public int Body(string contentType, string body)
        {
            if (contentType == null || body == null) throw new ArgumentNullException();
            Header(SipHeaderName.ContentType, contentType);
            HeaderUInt(SipHeaderName.ContentLength, (uint)body.Length);
            Put(Crlf);
            Put(body);
            return Failed ? -1 : _p - _start;
        }

        /// <summary>Ends the message with a body copied from bytes.</summary>
        /// <param name="contentType">Content-Type.</param>
        /// <param name="body">Body bytes.</param>
        /// <param name="offset">Offset of the body.</param>
        /// <param name="count">Body length.</param>
        /// <returns>The message length, or -1 when it did not fit.</returns>
        public int Body(string contentType, byte[] body, int offset, int count)
        {
            if (contentType == null || body == null) throw new ArgumentNullException();
            if (offset < 0 || count < 0 || offset > body.Length - count) throw new ArgumentOutOfRangeException();
            Header(SipHeaderName.ContentType, contentType);
            HeaderUInt(SipHeaderName.ContentLength, (uint)count);
            Put(Crlf);
            AppendBytes(body, offset, count);
            return Failed ? -1 : _p - _start;
        }

        private void Put(string text)
        {
            if (Failed) return;
            int p = AsciiText.Write(text, _b, _p, _limit);
            if (p < 0) Failed = true;
            else _p = p;
        }

        private void PutDecimal(long value)
        {
            if (Failed) return;
            int p = AsciiText.WriteDecimal(value, _b, _p, _limit);
            if (p < 0) Failed = true;
            else _p = p;
        }
    }
}
