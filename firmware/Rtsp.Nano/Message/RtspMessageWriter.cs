using System;
using NanoMikey.Net.Text;

namespace NanoMikey.Rtsp.Message
{
    /// <summary>
    /// Writes an RTSP 1.0 response (RFC 2326 §7) or request (§6) into a caller buffer: the start line, headers (whole, or a
    /// value built from pieces), then <see cref="Finish"/> adds Content-Length, the empty line and the body. A message that
    /// does not fit sets <see cref="Overflow"/> and Finish returns -1; nothing is allocated.
    /// </summary>
    public sealed class RtspMessageWriter
    {
        private static readonly string Version = "RTSP/1.0";
        private static readonly string Crlf = "\r\n";
        private static readonly string Colon = ": ";
        private static readonly string Space = " ";

        private static readonly string ROk = "OK";
        private static readonly string RBadRequest = "Bad Request";
        private static readonly string RUnauthorized = "Unauthorized";
        private static readonly string RForbidden = "Forbidden";
        private static readonly string RNotFound = "Not Found";
        private static readonly string RMethodNotAllowed = "Method Not Allowed";
        private static readonly string RRequestTimeout = "Request Time-out";
        private static readonly string REntityTooLarge = "Request Entity Too Large";
        private static readonly string RUriTooLarge = "Request-URI Too Large";
        private static readonly string RUnsupportedMedia = "Unsupported Media Type";
        private static readonly string RParameterNotUnderstood = "Parameter Not Understood";
        private static readonly string RNotEnoughBandwidth = "Not Enough Bandwidth";
        private static readonly string RSessionNotFound = "Session Not Found";
        private static readonly string RMethodNotValid = "Method Not Valid in This State";
        private static readonly string RHeaderNotValid = "Header Field Not Valid for Resource";
        private static readonly string RInvalidRange = "Invalid Range";
        private static readonly string RAggregateNotAllowed = "Aggregate operation not allowed";
        private static readonly string ROnlyAggregate = "Only aggregate operation allowed";
        private static readonly string RUnsupportedTransport = "Unsupported transport";
        private static readonly string RKeyManagement = "Key management failure";
        private static readonly string RInternal = "Internal Server Error";
        private static readonly string RNotImplemented = "Not Implemented";
        private static readonly string RUnavailable = "Service Unavailable";
        private static readonly string RVersion = "RTSP Version not supported";
        private static readonly string RUnknown = "Unknown";

        private byte[] _b = new byte[0];
        private int _start;
        private int _p;
        private int _limit;

        /// <summary>True once something did not fit; the message is then unusable.</summary>
        public bool Overflow { get; private set; }

        /// <summary>Bytes written so far.</summary>
        public int Length { get { return Overflow ? 0 : _p - _start; } }

        /// <summary>Starts a response: <c>RTSP/1.0 code reason</c> and, when <paramref name="cseq"/> is 0 or more, the CSeq header (RFC 2326 §12.17).</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where the message starts.</param>
        /// <param name="capacity">Room from <paramref name="offset"/>.</param>
        /// <param name="code">Status code.</param>
        /// <param name="cseq">The request's CSeq, or -1 when it had none usable.</param>
        public void StartResponse(byte[] buffer, int offset, int capacity, RtspStatusCode code, int cseq)
        {
            Reset(buffer, offset, capacity);
            Put(Version);
            Put(Space);
            PutDecimal((int)code);
            Put(Space);
            Put(ReasonPhrase(code));
            Put(Crlf);
            if (cseq >= 0) HeaderDecimal(RtspHeaderName.CSeq, cseq);
        }

        /// <summary>Starts a request: <c>METHOD uri RTSP/1.0</c> and the CSeq header.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where the message starts.</param>
        /// <param name="capacity">Room from <paramref name="offset"/>.</param>
        /// <param name="method">The method (not Unknown).</param>
        /// <param name="uri">Request-URI (or <c>*</c>).</param>
        /// <param name="cseq">Sequence number (0 or more).</param>
        public void StartRequest(byte[] buffer, int offset, int capacity, RtspMethod method, string uri, int cseq)
        {
            if (method == RtspMethod.Unknown || uri == null || cseq < 0) throw new ArgumentOutOfRangeException();
            Reset(buffer, offset, capacity);
            Put(MethodToken.Names[(int)method - 1]);
            Put(Space);
            Put(uri);
            Put(Space);
            Put(Version);
            Put(Crlf);
            HeaderDecimal(RtspHeaderName.CSeq, cseq);
        }

        /// <summary>Starts plain text (a body such as SDP) built with the Append calls; <see cref="Length"/> gives its length.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Where the text starts.</param>
        /// <param name="capacity">Room from <paramref name="offset"/>.</param>
        public void StartText(byte[] buffer, int offset, int capacity)
        {
            Reset(buffer, offset, capacity);
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

        /// <summary>Writes <c>name: decimal</c>.</summary>
        /// <param name="name">Header name.</param>
        /// <param name="value">Value (0 or more).</param>
        public void HeaderDecimal(string name, long value)
        {
            BeginHeader(name);
            AppendDecimal(value);
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

        /// <summary>Appends text to the value (or body text) being written.</summary>
        /// <param name="text">Text (US-ASCII).</param>
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

        /// <summary>Appends <paramref name="value"/> as 8 upper-case hex digits (an SSRC, RFC 2326 §12.39).</summary>
        /// <param name="value">The value.</param>
        public void AppendHex32(uint value)
        {
            if (Overflow || _limit - _p < 8)
            {
                Overflow = true;
                return;
            }

            for (int i = 0; i < 8; i++)
            {
                int d = (int)((value >> (28 - 4 * i)) & 0xF);
                _b[_p + i] = (byte)(d < 10 ? '0' + d : 'A' + d - 10);
            }

            _p += 8;
        }

        /// <summary>Appends bytes as they are (a value the caller formatted).</summary>
        /// <param name="value">Source.</param>
        /// <param name="offset">Offset in <paramref name="value"/>.</param>
        /// <param name="count">Bytes.</param>
        public void AppendBytes(byte[] value, int offset, int count)
        {
            if (value == null) throw new ArgumentNullException();
            if (offset < 0 || count < 0 || offset > value.Length - count) throw new ArgumentOutOfRangeException();
            if (Overflow) return;
            int p = AsciiText.WriteBytes(value, offset, count, _b, _p, _limit);
            if (p < 0) Overflow = true;
            else _p = p;
        }

        /// <summary>Appends characters (US-ASCII, e.g. base64) as bytes.</summary>
        /// <param name="value">Source.</param>
        /// <param name="offset">Offset in <paramref name="value"/>.</param>
        /// <param name="count">Characters.</param>
        public void AppendChars(char[] value, int offset, int count)
        {
            if (value == null) throw new ArgumentNullException();
            if (offset < 0 || count < 0 || offset > value.Length - count) throw new ArgumentOutOfRangeException();
            if (Overflow) return;
            if (_limit - _p < count)
            {
                Overflow = true;
                return;
            }

            for (int i = 0; i < count; i++) _b[_p + i] = (byte)value[offset + i];
            _p += count;
        }

        /// <summary>Appends a line end (CRLF).</summary>
        public void AppendLineEnd()
        {
            Put(Crlf);
        }

        /// <summary>Ends the header begun with <see cref="BeginHeader"/>.</summary>
        public void EndHeader()
        {
            Put(Crlf);
        }

        /// <summary>
        /// Ends the headers: Content-Length when there is a body (RFC 2326 §12.14), the empty line, the body.
        /// </summary>
        /// <param name="body">Body bytes, or null for none.</param>
        /// <param name="offset">Offset of the body.</param>
        /// <param name="count">Body length.</param>
        /// <returns>The message length, or -1 when it did not fit.</returns>
        public int Finish(byte[]? body, int offset, int count)
        {
            if (body == null)
            {
                count = 0;
            }
            else if (offset < 0 || count < 0 || offset > body.Length - count)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (count > 0) HeaderDecimal(RtspHeaderName.ContentLength, count);
            Put(Crlf);
            if (count > 0) AppendBytes(body!, offset, count);
            return Overflow ? -1 : _p - _start;
        }

        /// <summary>The reason phrase RFC 2326 §7.1.1 gives a status code.</summary>
        /// <param name="code">Status code.</param>
        /// <returns>The phrase (a shared string).</returns>
        public static string ReasonPhrase(RtspStatusCode code)
        {
            switch (code)
            {
                case RtspStatusCode.Ok: return ROk;
                case RtspStatusCode.BadRequest: return RBadRequest;
                case RtspStatusCode.Unauthorized: return RUnauthorized;
                case RtspStatusCode.Forbidden: return RForbidden;
                case RtspStatusCode.NotFound: return RNotFound;
                case RtspStatusCode.MethodNotAllowed: return RMethodNotAllowed;
                case RtspStatusCode.RequestTimeout: return RRequestTimeout;
                case RtspStatusCode.RequestEntityTooLarge: return REntityTooLarge;
                case RtspStatusCode.RequestUriTooLarge: return RUriTooLarge;
                case RtspStatusCode.UnsupportedMediaType: return RUnsupportedMedia;
                case RtspStatusCode.ParameterNotUnderstood: return RParameterNotUnderstood;
                case RtspStatusCode.NotEnoughBandwidth: return RNotEnoughBandwidth;
                case RtspStatusCode.SessionNotFound: return RSessionNotFound;
                case RtspStatusCode.MethodNotValidInThisState: return RMethodNotValid;
                case RtspStatusCode.HeaderFieldNotValid: return RHeaderNotValid;
                case RtspStatusCode.InvalidRange: return RInvalidRange;
                case RtspStatusCode.AggregateOperationNotAllowed: return RAggregateNotAllowed;
                case RtspStatusCode.OnlyAggregateOperationAllowed: return ROnlyAggregate;
                case RtspStatusCode.UnsupportedTransport: return RUnsupportedTransport;
                case RtspStatusCode.KeyManagementFailure: return RKeyManagement;
                case RtspStatusCode.InternalServerError: return RInternal;
                case RtspStatusCode.NotImplemented: return RNotImplemented;
                case RtspStatusCode.ServiceUnavailable: return RUnavailable;
                case RtspStatusCode.VersionNotSupported: return RVersion;
                default: return RUnknown;
            }
        }

        private void Reset(byte[] buffer, int offset, int capacity)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (offset < 0 || capacity < 0 || offset > buffer.Length - capacity) throw new ArgumentOutOfRangeException();
            _b = buffer;
            _start = offset;
            _p = offset;
            _limit = offset + capacity;
            Overflow = false;
        }

        private void Put(string text)
        {
            if (Overflow) return;
            int p = AsciiText.Write(text, _b, _p, _limit);
            if (p < 0) Overflow = true;
            else _p = p;
        }

        private void PutDecimal(long value)
        {
            if (Overflow) return;
            int p = AsciiText.WriteDecimal(value, _b, _p, _limit);
            if (p < 0) Overflow = true;
            else _p = p;
        }
    }
}
