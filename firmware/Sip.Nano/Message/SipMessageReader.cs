using System;
using NanoMikey.Net.Text;

namespace NanoMikey.Sip.Message
{
    /// <summary>
    /// Reads one SIP message from one whole UDP datagram (RFC 3261 §7, §18.3) in place: the start line, the headers and
    /// the body stay in the caller's buffer, the reader keeps offsets. Header names are matched without case and in their
    /// compact forms (§7.3.1, §7.3.3); a field may span folded lines (§7.3.1) and carry several comma-separated values
    /// (§7.3.1: Via, Record-Route, Contact). <see cref="SipLimits"/> bound every count. Bad input is a
    /// <see cref="SipReadStatus"/>, never an exception; the text properties allocate a string on each call (set-up only).
    /// </summary>
    /// <remarks>
    /// Folded line ends are overwritten with spaces in the caller's buffer (§7.3.1: a folded line is equivalent to one SP),
    /// so every value is one contiguous run of bytes. Transaction matching (§17.1.3, §17.2.3) relies on RFC 3261 branches
    /// (the <c>z9hG4bK</c> cookie); the RFC 2543 fallback is not implemented.
    /// </remarks>
    public sealed class SipMessageReader
    {
        private static readonly string Version = "SIP/2.0";
        private static readonly string VersionPrefix = "SIP/";
        private static readonly string TagName = "tag";
        private static readonly string BranchName = "branch";
        private static readonly string ReceivedName = "received";
        private static readonly string RPortName = "rport";
        private static readonly string ExpiresName = "expires";
        private static readonly string SipScheme = "sip";
        private static readonly string SipsScheme = "sips";
        private static readonly string SipName = "SIP";
        private static readonly string VersionNumber = "2.0";

        // Treated as the Expires a malformed value stands for (RFC 3261 §20.19).
        private const long DefaultExpires = 3600;
        private const long MaxUInt32 = 4294967295;

        private readonly int[] _nameOff = new int[SipLimits.MaxHeaders];
        private readonly int[] _nameLen = new int[SipLimits.MaxHeaders];
        private readonly int[] _valOff = new int[SipLimits.MaxHeaders];
        private readonly int[] _valLen = new int[SipLimits.MaxHeaders];
        private readonly int[] _id = new int[SipLimits.MaxHeaders];
        private readonly int[] _viaOff = new int[SipLimits.MaxVia];
        private readonly int[] _viaLen = new int[SipLimits.MaxVia];
        private readonly int[] _rrOff = new int[SipLimits.MaxRecordRoute];
        private readonly int[] _rrLen = new int[SipLimits.MaxRecordRoute];
        private byte[] _b = new byte[0];
        private int _headers;

        // Offsets (and lengths) of the parts the properties turn into text; -1 when absent.
        private int _methodOff, _methodLen, _uriOff, _uriLen, _reasonOff, _reasonLen;
        private int _callIdOff, _callIdLen, _fromUriOff, _fromUriLen, _fromTagOff, _fromTagLen;
        private int _toUriOff, _toUriLen, _toTagOff, _toTagLen, _contactOff, _contactLen;
        private int _cseqMethodOff, _cseqMethodLen, _branchOff, _branchLen, _hostOff, _hostLen, _receivedOff, _receivedLen;
        private int _transportOff, _transportLen, _typeOff, _typeLen, _challengeOff, _challengeLen;

        // Scratch results of the small parsers below (kept in fields: no out parameters in the inner loops).
        private int _pOff, _pLen, _uOff, _uLen, _paramsOff;

        /// <summary>The buffer of the last <see cref="Read"/>; every offset points into it.</summary>
        public byte[] Buffer { get { return _b; } }

        /// <summary>Offset of the message in <see cref="Buffer"/> (after leading line ends).</summary>
        public int MessageOffset { get; private set; }

        /// <summary>True for a request, false for a response.</summary>
        public bool IsRequest { get; private set; }

        /// <summary>The request's method (<see cref="SipMethod.None"/> for a response).</summary>
        public SipMethod Method { get; private set; }

        /// <summary>The request's method token as sent (allocates), or null for a response.</summary>
        public string? MethodText { get { return Text(_methodOff, _methodLen); } }

        /// <summary>The response's status code (100–699), or 0 for a request.</summary>
        public int StatusCode { get; private set; }

        /// <summary>The response's reason phrase (may be empty), or null for a request.</summary>
        public string? ReasonPhrase { get { return Text(_reasonOff, _reasonLen); } }

        /// <summary>The Request-URI (RFC 3261 §7.1), or null for a response.</summary>
        public string? RequestUri { get { return Text(_uriOff, _uriLen); } }

        /// <summary>The Call-ID (RFC 3261 §20.8).</summary>
        public string? CallId { get { return Text(_callIdOff, _callIdLen); } }

        /// <summary>The URI in From (RFC 3261 §20.20), without its angle brackets.</summary>
        public string? FromUri { get { return Text(_fromUriOff, _fromUriLen); } }

        /// <summary>The From tag (RFC 3261 §19.3), or null when absent.</summary>
        public string? FromTag { get { return Text(_fromTagOff, _fromTagLen); } }

        /// <summary>The URI in To (RFC 3261 §20.39), without its angle brackets.</summary>
        public string? ToUri { get { return Text(_toUriOff, _toUriLen); } }

        /// <summary>The To tag (RFC 3261 §19.3), or null when absent.</summary>
        public string? ToTag { get { return Text(_toTagOff, _toTagLen); } }

        /// <summary>The CSeq sequence number (RFC 3261 §20.16; below 2^31, §8.1.1.5).</summary>
        public uint CSeq { get; private set; }

        /// <summary>The CSeq method (for a request it equals <see cref="Method"/>, RFC 3261 §8.2).</summary>
        public SipMethod CSeqMethod { get; private set; }

        /// <summary>The CSeq method token as sent.</summary>
        public string? CSeqMethodText { get { return Text(_cseqMethodOff, _cseqMethodLen); } }

        /// <summary>Number of Via values (RFC 3261 §20.42), at least 1 after <see cref="SipReadStatus.Ok"/>.</summary>
        public int ViaCount { get; private set; }

        /// <summary>The top Via's branch (RFC 3261 §8.1.1.7), or null when it has none.</summary>
        public string? TopViaBranch { get { return Text(_branchOff, _branchLen); } }

        /// <summary>The top Via's transport (e.g. <c>UDP</c>, RFC 3261 §20.42).</summary>
        public string? TopViaTransport { get { return Text(_transportOff, _transportLen); } }

        /// <summary>The top Via's sent-by host (an IPv6 reference keeps its brackets).</summary>
        public string? TopViaHost { get { return Text(_hostOff, _hostLen); } }

        /// <summary>The top Via's sent-by port, or 0 when it has none (then 5060 applies, RFC 3261 §18.2.2).</summary>
        public int TopViaPort { get; private set; }

        /// <summary>The top Via's <c>received</c> parameter (RFC 3261 §18.2.1), or null.</summary>
        public string? TopViaReceived { get { return Text(_receivedOff, _receivedLen); } }

        /// <summary>The top Via's <c>rport</c> (RFC 3581 §4): -1 absent, 0 present without a value, else the port.</summary>
        public int TopViaRPort { get; private set; }

        /// <summary>True when the top Via's branch starts with the RFC 3261 magic cookie <c>z9hG4bK</c> (§8.1.1.7).</summary>
        public bool TopViaHasCookie { get; private set; }

        /// <summary>The URI of the first Contact value (RFC 3261 §20.10) without brackets, <c>*</c> for a wildcard, or null.</summary>
        public string? ContactUri { get { return Text(_contactOff, _contactLen); } }

        /// <summary>The first Contact value's <c>expires</c> parameter (RFC 3261 §10.2.1.1), -1 when absent; an unreadable value is 3600 (§20.19).</summary>
        public long ContactExpires { get; private set; }

        /// <summary>The Expires header (RFC 3261 §20.19) in seconds, -1 when absent; an unreadable value is 3600 (§20.19).</summary>
        public long Expires { get; private set; }

        /// <summary>Max-Forwards (RFC 3261 §20.22, 0–255), -1 when absent.</summary>
        public int MaxForwards { get; private set; }

        /// <summary>Number of Record-Route values (RFC 3261 §20.30), in message order.</summary>
        public int RecordRouteCount { get; private set; }

        /// <summary>Content-Type (RFC 3261 §20.15) as sent, or null.</summary>
        public string? ContentType { get { return Text(_typeOff, _typeLen); } }

        /// <summary>Offset of the body in <see cref="Buffer"/>.</summary>
        public int BodyOffset { get; private set; }

        /// <summary>Length of the body: Content-Length, or the rest of the datagram when it is absent (RFC 3261 §18.3).</summary>
        public int BodyLength { get; private set; }

        /// <summary>The body as text (each byte one char), empty when there is none.</summary>
        public string Body { get { return AsciiText.ToText(_b, BodyOffset, BodyLength); } }

        /// <summary>The raw value of the first WWW-Authenticate or Proxy-Authenticate (RFC 3261 §22.2, §22.3), or null.</summary>
        public string? ChallengeHeader { get { return Text(_challengeOff, _challengeLen); } }

        /// <summary>True when <see cref="ChallengeHeader"/> came from Proxy-Authenticate (a 407).</summary>
        public bool IsProxyChallenge { get; private set; }

        /// <summary>Number of header fields read.</summary>
        public int HeaderCount { get { return _headers; } }

        /// <summary>Reads one datagram. Every property describes it until the next Read, after <see cref="SipReadStatus.Ok"/> only.</summary>
        /// <param name="buffer">The datagram's buffer (folded line ends in it become spaces).</param>
        /// <param name="offset">Start of the datagram.</param>
        /// <param name="length">Datagram length.</param>
        /// <returns>What was found; syntax errors and limits are statuses, never exceptions.</returns>
        public SipReadStatus Read(byte[] buffer, int offset, int length)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (offset < 0 || length < 0 || offset > buffer.Length - length) throw new ArgumentOutOfRangeException();
            _b = buffer;
            Clear(offset);
            if (length > SipLimits.MaxDatagram) return SipReadStatus.TooLarge;
            int end = offset + length;
            int p = offset;

            // RFC 3261 §7.5: line ends before the start line are ignored; a datagram of them alone is a keep-alive.
            while (p < end && (buffer[p] == (byte)'\r' || buffer[p] == (byte)'\n')) p++;
            if (p == end) return SipReadStatus.Empty;
            MessageOffset = p;

            int lf = FindLf(p, end);
            if (lf < 0) return SipReadStatus.Truncated;
            int stop = TrimCr(p, lf);
            if (stop - p > SipLimits.MaxLine) return SipReadStatus.TooLarge;
            SipReadStatus s = ReadStartLine(p, stop);
            if (s != SipReadStatus.Ok) return s;
            p = lf + 1;

            int headers = 0;
            bool ended = false;
            bool quoted = false;
            while (p < end)
            {
                lf = FindLf(p, end);
                if (lf < 0) return SipReadStatus.Truncated;
                stop = TrimCr(p, lf);
                if (stop - p > SipLimits.MaxLine) return SipReadStatus.TooLarge;
                if (stop == p)
                {
                    p = lf + 1;
                    ended = true;
                    break;
                }

                bool continuation = SipText.IsSpace(buffer[p]);
                if (!continuation) quoted = false;
                if (!TextOk(p, stop, ref quoted)) return SipReadStatus.Malformed;
                if (continuation)
                {
                    // RFC 3261 §7.3.1: a continuation line; its line end before it becomes LWS.
                    if (headers == 0) return SipReadStatus.Malformed;
                    for (int i = _valOff[headers - 1] + _valLen[headers - 1]; i < p; i++) buffer[i] = (byte)' ';
                    int v = _valOff[headers - 1];
                    if (_valLen[headers - 1] == 0) v = SkipSpace(p, stop);
                    _valOff[headers - 1] = v;
                    _valLen[headers - 1] = TrimRight(v, stop) - v;
                }
                else
                {
                    if (headers == SipLimits.MaxHeaders) return SipReadStatus.TooLarge;
                    int n = p;
                    while (n < stop && SipText.IsToken(buffer[n])) n++;
                    if (n == p) return SipReadStatus.Malformed;
                    int colon = SkipSpace(n, stop);
                    if (colon == stop || buffer[colon] != (byte)':') return SipReadStatus.Malformed;
                    int v = SkipSpace(colon + 1, stop);
                    _nameOff[headers] = p;
                    _nameLen[headers] = n - p;
                    _id[headers] = SipHeaderName.IdOf(buffer, p, n - p);
                    _valOff[headers] = v;
                    _valLen[headers] = TrimRight(v, stop) - v;
                    headers++;
                }

                p = lf + 1;
            }

            if (!ended) return SipReadStatus.Truncated;
            _headers = headers;
            BodyOffset = p;
            BodyLength = end - p;
            return ReadHeaders(end);
        }

        /// <summary>True when the message has a header named <paramref name="name"/> (any case; long and compact forms are one name).</summary>
        /// <param name="name">Header name.</param>
        /// <returns>Whether it is present.</returns>
        public bool HasHeader(string name)
        {
            return Find(name, 0) >= 0;
        }

        /// <summary>The value of the first header named <paramref name="name"/> (trimmed; folded lines joined by spaces), or null.</summary>
        /// <param name="name">Header name (any case; long and compact forms are one name).</param>
        /// <returns>The value text.</returns>
        public string? HeaderValue(string name)
        {
            int i = Find(name, 0);
            return i < 0 ? null : AsciiText.ToText(_b, _valOff[i], _valLen[i]);
        }

        /// <summary>The value of the <paramref name="occurrence"/>-th header line named <paramref name="name"/> (0 first), or null.</summary>
        /// <param name="name">Header name (any case; long and compact forms are one name).</param>
        /// <param name="occurrence">Which line of that name.</param>
        /// <returns>The value text.</returns>
        public string? HeaderValue(string name, int occurrence)
        {
            if (occurrence < 0) throw new ArgumentOutOfRangeException();
            int from = 0;
            int i = -1;
            for (int k = 0; k <= occurrence; k++)
            {
                i = Find(name, from);
                if (i < 0) return null;
                from = i + 1;
            }

            return AsciiText.ToText(_b, _valOff[i], _valLen[i]);
        }

        /// <summary>The raw text of Via value <paramref name="index"/> (0 = top), for copying into a response (RFC 3261 §8.2.6.2).</summary>
        /// <param name="index">Below <see cref="ViaCount"/>.</param>
        /// <returns>The value text.</returns>
        public string ViaHeaderValue(int index)
        {
            if (index < 0 || index >= ViaCount) throw new ArgumentOutOfRangeException();
            return AsciiText.ToText(_b, _viaOff[index], _viaLen[index]);
        }

        /// <summary>Record-Route value <paramref name="index"/> (0 = first in the message), e.g. <c>&lt;sip:p1.example.com;lr&gt;</c>.</summary>
        /// <param name="index">Below <see cref="RecordRouteCount"/>.</param>
        /// <returns>The value text.</returns>
        public string RecordRoute(int index)
        {
            if (index < 0 || index >= RecordRouteCount) throw new ArgumentOutOfRangeException();
            return AsciiText.ToText(_b, _rrOff[index], _rrLen[index]);
        }

        /// <summary>True when the top Via's branch equals <paramref name="branch"/> (case-sensitive, RFC 3261 §17.1.3), without allocating.</summary>
        /// <param name="branch">The branch to compare.</param>
        /// <returns>Whether they are equal.</returns>
        public bool TopViaBranchEquals(string branch)
        {
            if (branch == null) throw new ArgumentNullException();
            return _branchOff >= 0 && SipText.EqualsExact(_b, _branchOff, _branchLen, branch);
        }

        // Offsets for the writer in this assembly (copying values without strings).
        internal int ViaOffset(int i) { return _viaOff[i]; }

        internal int ViaLength(int i) { return _viaLen[i]; }

        internal int RecordRouteOffset(int i) { return _rrOff[i]; }

        internal int RecordRouteLength(int i) { return _rrLen[i]; }

        internal int HeaderIndex(int id, int from)
        {
            for (int i = from; i < _headers; i++)
            {
                if (_id[i] == id) return i;
            }

            return -1;
        }

        internal int ValueOffset(int i) { return _valOff[i]; }

        internal int ValueLength(int i) { return _valLen[i]; }

        internal int RequestUriOffset { get { return _uriOff; } }

        internal int RequestUriLength { get { return _uriLen; } }

        internal int ToTagOffset { get { return _toTagOff; } }

        internal int MethodOffset { get { return _methodOff; } }

        internal int MethodLength { get { return _methodLen; } }

        internal int BranchOffset { get { return _branchOff; } }

        internal int BranchLength { get { return _branchLen; } }

        internal int HostOffset { get { return _hostOff; } }

        internal int HostLength { get { return _hostLen; } }

        private int Find(string name, int from)
        {
            if (name == null) throw new ArgumentNullException();
            int id = SipHeaderName.IdOf(name);
            for (int i = from; i < _headers; i++)
            {
                if (id >= 0 ? _id[i] == id : SipText.EqualsIgnoreCase(_b, _nameOff[i], _nameLen[i], name)) return i;
            }

            return -1;
        }

        private void Clear(int offset)
        {
            _headers = 0;
            IsRequest = false;
            Method = SipMethod.None;
            CSeqMethod = SipMethod.None;
            StatusCode = 0;
            CSeq = 0;
            ViaCount = 0;
            RecordRouteCount = 0;
            TopViaPort = 0;
            TopViaRPort = -1;
            TopViaHasCookie = false;
            ContactExpires = -1;
            Expires = -1;
            MaxForwards = -1;
            IsProxyChallenge = false;
            MessageOffset = offset;
            BodyOffset = offset;
            BodyLength = 0;
            _methodOff = _uriOff = _reasonOff = _callIdOff = _fromUriOff = _fromTagOff = _toUriOff = _toTagOff = -1;
            _contactOff = _cseqMethodOff = _branchOff = _hostOff = _receivedOff = _transportOff = _typeOff = _challengeOff = -1;
            _methodLen = _uriLen = _reasonLen = _callIdLen = _fromUriLen = _fromTagLen = _toUriLen = _toTagLen = 0;
            _contactLen = _cseqMethodLen = _branchLen = _hostLen = _receivedLen = _transportLen = _typeLen = _challengeLen = 0;
        }

        private string? Text(int off, int len)
        {
            return off < 0 ? null : AsciiText.ToText(_b, off, len);
        }

        // Request-Line = Method SP Request-URI SP SIP-Version; Status-Line = SIP-Version SP Status-Code SP Reason-Phrase
        // (RFC 3261 §7.1, §7.2), single spaces only (RFC 4475 §3.1.2.9, §3.1.2.10).
        private SipReadStatus ReadStartLine(int p, int stop)
        {
            byte[] b = _b;
            if (HasControl(p, stop)) return SipReadStatus.Malformed;
            // A method is a token and a token has no '/': a line starting "SIP/" is a Status-Line.
            if (stop - p > VersionPrefix.Length && SipText.EqualsIgnoreCase(b, p, VersionPrefix.Length, VersionPrefix))
            {
                int sp = p;
                while (sp < stop && b[sp] != (byte)' ') sp++;
                SipReadStatus v = CheckVersion(p, sp);
                if (v != SipReadStatus.Ok) return v;
                int c = sp + 1;
                if (sp == stop || stop - c < 3) return SipReadStatus.Malformed;
                int code = 0;
                for (int i = 0; i < 3; i++)
                {
                    if (!SipText.IsDigit(b[c + i])) return SipReadStatus.Malformed;
                    code = code * 10 + (b[c + i] - '0');
                }

                // Status-Code = 3DIGIT, 100 to 699 (RFC 3261 §7.2, §21; RFC 4475 §3.1.2.19).
                if (code < 100 || code > 699) return SipReadStatus.Malformed;
                int r = c + 3;
                if (r < stop && b[r] != (byte)' ') return SipReadStatus.Malformed;
                if (r < stop) r++;
                StatusCode = code;
                _reasonOff = r;
                _reasonLen = stop - r;
                return SipReadStatus.Ok;
            }

            int m = p;
            while (m < stop && SipText.IsToken(b[m])) m++;
            if (m == p || m == stop || b[m] != (byte)' ') return SipReadStatus.Malformed;
            int u = m + 1;
            int ue = u;
            while (ue < stop && b[ue] != (byte)' ') ue++;
            if (ue == u || ue == stop) return SipReadStatus.Malformed;
            if (!IsRequestUri(u, ue)) return SipReadStatus.Malformed;
            SipReadStatus vs = CheckVersion(ue + 1, stop);
            if (vs != SipReadStatus.Ok) return vs;
            IsRequest = true;
            _methodOff = p;
            _methodLen = m - p;
            _uriOff = u;
            _uriLen = ue - u;
            Method = MethodOf(p, m - p);
            return SipReadStatus.Ok;
        }

        // SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT (RFC 3261 §25.1); 2.0 only (§21.5.7: 505 otherwise).
        private SipReadStatus CheckVersion(int p, int stop)
        {
            if (stop - p == Version.Length && SipText.EqualsIgnoreCase(_b, p, Version.Length, Version)) return SipReadStatus.Ok;
            if (stop - p < VersionPrefix.Length + 3 || !SipText.EqualsIgnoreCase(_b, p, VersionPrefix.Length, VersionPrefix)) return SipReadStatus.Malformed;
            int i = p + VersionPrefix.Length;
            int d = i;
            while (i < stop && SipText.IsDigit(_b[i])) i++;
            if (i == d || i == stop || _b[i] != (byte)'.') return SipReadStatus.Malformed;
            i++;
            d = i;
            while (i < stop && SipText.IsDigit(_b[i])) i++;
            if (i == d || i != stop) return SipReadStatus.Malformed;
            return SipReadStatus.UnsupportedVersion;
        }

        // Request-URI = SIP-URI / SIPS-URI / absoluteURI (RFC 3261 §25.1): a scheme and ':', no brackets; a SIP URI carries
        // no headers part in a Request-URI (§19.1.5; RFC 4475 §3.1.2.7, §3.1.2.11).
        private bool IsRequestUri(int p, int stop)
        {
            byte[] b = _b;
            if (!SipText.IsAlpha(b[p])) return false;
            int s = p + 1;
            while (s < stop && (SipText.IsAlpha(b[s]) || SipText.IsDigit(b[s]) || b[s] == (byte)'+' || b[s] == (byte)'-' || b[s] == (byte)'.')) s++;
            if (s == stop || b[s] != (byte)':' || s + 1 == stop) return false;
            bool sip = SipText.EqualsIgnoreCase(b, p, s - p, SipScheme) || SipText.EqualsIgnoreCase(b, p, s - p, SipsScheme);

            // '?' may appear in the user part (user-unreserved, §25.1); after the host it starts headers.
            int host = s + 1;
            for (int i = s + 1; i < stop; i++)
            {
                if (b[i] == (byte)'@') host = i + 1;
            }

            for (int i = s + 1; i < stop; i++)
            {
                byte c = b[i];
                if (c == (byte)'<' || c == (byte)'>' || c == (byte)'"' || c >= 0x7F) return false;
                if (sip && c == (byte)'?' && i >= host) return false;
            }

            return true;
        }

        private SipMethod MethodOf(int p, int len)
        {
            string[] names = SipMethodName.Names;
            for (int i = 0; i < names.Length; i++)
            {
                // Method names are case-sensitive (RFC 3261 §7.1).
                if (SipText.EqualsExact(_b, p, len, names[i])) return (SipMethod)(i + 1);
            }

            return SipMethod.Other;
        }

        private SipReadStatus ReadHeaders(int end)
        {
            byte[] b = _b;
            int seen = 0;
            for (int h = 0; h < _headers; h++)
            {
                int id = _id[h];
                int v = _valOff[h];
                int ve = v + _valLen[h];
                switch (id)
                {
                    case SipHeaderName.IdVia:
                    {
                        SipReadStatus s = ReadVia(v, ve);
                        if (s != SipReadStatus.Ok) return s;
                        continue;
                    }

                    case SipHeaderName.IdRecordRoute:
                    {
                        SipReadStatus s = ReadRecordRoute(v, ve);
                        if (s != SipReadStatus.Ok) return s;
                        continue;
                    }

                    case SipHeaderName.IdContact:
                        if (_contactOff < 0)
                        {
                            if (!ReadContact(v, ve)) return SipReadStatus.Malformed;
                        }

                        continue;
                    case SipHeaderName.IdExpires:
                        if (Expires < 0)
                        {
                            long e = ParseNumber(v, ve, MaxUInt32);
                            Expires = e < 0 ? DefaultExpires : e;
                        }

                        continue;
                    case SipHeaderName.IdWwwAuthenticate:
                    case SipHeaderName.IdProxyAuthenticate:
                        if (_challengeOff < 0)
                        {
                            _challengeOff = v;
                            _challengeLen = ve - v;
                            IsProxyChallenge = id == SipHeaderName.IdProxyAuthenticate;
                        }

                        continue;
                }

                if (id < 0 || id > SipHeaderName.IdMaxForwards) continue;

                // From, To, Call-ID, CSeq, Content-Length, Content-Type and Max-Forwards hold one value (RFC 3261 §7.3.1;
                // a second line is an error: RFC 4475 §3.3.9 "mcl01", §3.3.8 "multi01").
                int bit = 1 << id;
                if ((seen & bit) != 0) return SipReadStatus.Malformed;
                seen |= bit;
                switch (id)
                {
                    case SipHeaderName.IdFrom:
                        if (!ReadNameAddr(v, ve, false)) return SipReadStatus.Malformed;
                        _fromUriOff = _uOff;
                        _fromUriLen = _uLen;
                        if (FindParam(_paramsOff, ve, TagName))
                        {
                            _fromTagOff = _pOff;
                            _fromTagLen = _pLen;
                        }

                        break;
                    case SipHeaderName.IdTo:
                        if (!ReadNameAddr(v, ve, false)) return SipReadStatus.Malformed;
                        _toUriOff = _uOff;
                        _toUriLen = _uLen;
                        if (FindParam(_paramsOff, ve, TagName))
                        {
                            _toTagOff = _pOff;
                            _toTagLen = _pLen;
                        }

                        break;
                    case SipHeaderName.IdCallId:
                        // callid = word [ "@" word ] (RFC 3261 §25.1): no white space inside.
                        if (v == ve || HasSpace(v, ve)) return SipReadStatus.Malformed;
                        _callIdOff = v;
                        _callIdLen = ve - v;
                        break;
                    case SipHeaderName.IdCSeq:
                    {
                        int d = v;
                        while (d < ve && SipText.IsDigit(b[d])) d++;
                        long n = ParseNumber(v, d, 0x7FFFFFFF);
                        if (n < 0) return SipReadStatus.Malformed;
                        int mm = SkipSpace(d, ve);
                        if (mm == d || mm == ve) return SipReadStatus.Malformed;
                        int me = mm;
                        while (me < ve && SipText.IsToken(b[me])) me++;
                        if (me != ve) return SipReadStatus.Malformed;
                        CSeq = (uint)n;
                        _cseqMethodOff = mm;
                        _cseqMethodLen = me - mm;
                        CSeqMethod = MethodOf(mm, me - mm);
                        break;
                    }

                    case SipHeaderName.IdContentLength:
                    {
                        long n = ParseNumber(v, ve, 0x7FFFFFFF);
                        if (n < 0)
                        {
                            // All digits but too large is a length beyond the datagram; anything else is not a number.
                            return AllDigits(v, ve) ? SipReadStatus.Truncated : SipReadStatus.Malformed;
                        }

                        // RFC 3261 §18.3: a Content-Length beyond the datagram is an error; octets after it are dropped.
                        if (n > BodyLength) return SipReadStatus.Truncated;
                        BodyLength = (int)n;
                        break;
                    }

                    case SipHeaderName.IdContentType:
                        _typeOff = v;
                        _typeLen = ve - v;
                        break;
                    case SipHeaderName.IdMaxForwards:
                    {
                        long n = ParseNumber(v, ve, 255);
                        if (n < 0) return SipReadStatus.Malformed;
                        MaxForwards = (int)n;
                        break;
                    }
                }
            }

            // RFC 3261 §8.1.1: To, From, CSeq, Call-ID and Via in every request; the same in every response (§8.2.6.2).
            if (ViaCount == 0 || _fromUriOff < 0 || _toUriOff < 0 || _callIdOff < 0 || _cseqMethodOff < 0) return SipReadStatus.MissingHeader;

            // RFC 3261 §8.2: the CSeq method matches the request's method (RFC 4475 §3.1.2.17, §3.1.2.18).
            if (IsRequest && !SipText.EqualsExact(b, _methodOff, _methodLen, b, _cseqMethodOff, _cseqMethodLen)) return SipReadStatus.Malformed;
            return SipReadStatus.Ok;
        }

        // via-parm = sent-protocol LWS sent-by *( SEMI via-params ), several per line separated by commas (RFC 3261 §20.42).
        private SipReadStatus ReadVia(int p, int end)
        {
            byte[] b = _b;
            while (true)
            {
                int e = ValueEnd(p, end);
                if (e < 0) return SipReadStatus.Malformed;
                int ve = TrimRight(p, e);
                if (ve == p) return SipReadStatus.Malformed;
                if (ViaCount == SipLimits.MaxVia) return SipReadStatus.TooLarge;
                if (!ReadViaValue(p, ve, ViaCount == 0)) return SipReadStatus.Malformed;
                _viaOff[ViaCount] = p;
                _viaLen[ViaCount] = ve - p;
                ViaCount++;
                if (e == end) return SipReadStatus.Ok;
                p = SkipSpace(e + 1, end);
            }
        }

        private bool ReadViaValue(int p, int end, bool top)
        {
            byte[] b = _b;

            // sent-protocol = protocol-name SLASH protocol-version SLASH transport, SLASH = SWS "/" SWS.
            if (end - p < 3 || !SipText.EqualsIgnoreCase(b, p, 3, SipName)) return false;
            p = SkipSpace(p + 3, end);
            if (p == end || b[p] != (byte)'/') return false;
            p = SkipSpace(p + 1, end);
            if (end - p < 3 || !SipText.EqualsExact(b, p, 3, VersionNumber)) return false;
            p = SkipSpace(p + 3, end);
            if (p == end || b[p] != (byte)'/') return false;
            p = SkipSpace(p + 1, end);
            int t = p;
            while (p < end && SipText.IsToken(b[p])) p++;
            if (p == t || p == end || !SipText.IsSpace(b[p])) return false;
            int tEnd = p;
            p = SkipSpace(p, end);

            // sent-by = host [ COLON port ].
            int h = p;
            if (p < end && b[p] == (byte)'[')
            {
                while (p < end && b[p] != (byte)']') p++;
                if (p == end) return false;
                p++;
            }
            else
            {
                while (p < end && (SipText.IsAlpha(b[p]) || SipText.IsDigit(b[p]) || b[p] == (byte)'.' || b[p] == (byte)'-')) p++;
            }

            if (p == h) return false;
            int hEnd = p;
            int port = 0;
            int q = SkipSpace(p, end);
            if (q < end && b[q] == (byte)':')
            {
                q = SkipSpace(q + 1, end);
                int d = q;
                while (q < end && SipText.IsDigit(b[q])) q++;
                long n = ParseNumber(d, q, 65535);
                if (n <= 0) return false;
                port = (int)n;
                p = q;
            }

            p = SkipSpace(p, end);
            if (p != end && b[p] != (byte)';') return false;
            if (!CheckParams(p, end)) return false;
            if (!top) return true;
            _transportOff = t;
            _transportLen = tEnd - t;
            _hostOff = h;
            _hostLen = hEnd - h;
            TopViaPort = port;
            if (FindParam(p, end, BranchName) && _pLen > 0)
            {
                _branchOff = _pOff;
                _branchLen = _pLen;
                TopViaHasCookie = _pLen > 7 && b[_pOff] == (byte)'z' && b[_pOff + 1] == (byte)'9' && b[_pOff + 2] == (byte)'h'
                    && b[_pOff + 3] == (byte)'G' && b[_pOff + 4] == (byte)'4' && b[_pOff + 5] == (byte)'b' && b[_pOff + 6] == (byte)'K';
            }

            if (FindParam(p, end, ReceivedName))
            {
                _receivedOff = _pOff;
                _receivedLen = _pLen;
            }

            if (FindParam(p, end, RPortName))
            {
                if (_pLen == 0)
                {
                    TopViaRPort = 0;
                }
                else
                {
                    long n = ParseNumber(_pOff, _pOff + _pLen, 65535);
                    if (n < 0) return false;
                    TopViaRPort = (int)n;
                }
            }

            return true;
        }

        // rec-route = name-addr *( SEMI rr-param ) (RFC 3261 §20.30), several per line separated by commas.
        private SipReadStatus ReadRecordRoute(int p, int end)
        {
            while (true)
            {
                int e = ValueEnd(p, end);
                if (e < 0) return SipReadStatus.Malformed;
                int ve = TrimRight(p, e);
                if (ve == p || !ReadNameAddr(p, ve, true)) return SipReadStatus.Malformed;
                if (RecordRouteCount == SipLimits.MaxRecordRoute) return SipReadStatus.TooLarge;
                _rrOff[RecordRouteCount] = p;
                _rrLen[RecordRouteCount] = ve - p;
                RecordRouteCount++;
                if (e == end) return SipReadStatus.Ok;
                p = SkipSpace(e + 1, end);
            }
        }

        // Contact: "*" / 1#(( name-addr / addr-spec ) *( SEMI contact-params )) (RFC 3261 §20.10); the first value is kept.
        private bool ReadContact(int p, int end)
        {
            if (end - p == 1 && _b[p] == (byte)'*')
            {
                _contactOff = p;
                _contactLen = 1;
                return true;
            }

            int e = ValueEnd(p, end);
            if (e < 0) return false;
            int ve = TrimRight(p, e);
            if (ve == p || !ReadNameAddr(p, ve, false)) return false;
            _contactOff = _uOff;
            _contactLen = _uLen;
            if (FindParam(_paramsOff, ve, ExpiresName))
            {
                long n = ParseNumber(_pOff, _pOff + _pLen, MaxUInt32);
                ContactExpires = n < 0 ? DefaultExpires : n;
            }

            return true;
        }

        // ( name-addr / addr-spec ) then header parameters (RFC 3261 §20.10, §25.1). Sets _uOff/_uLen (the URI without
        // brackets) and _paramsOff (the first ';' after the URI, or end). Rejects an unterminated quote (RFC 4475 §3.1.2.6),
        // a display name that is neither tokens nor a quoted string (§3.1.2.15), white space inside the brackets (§3.1.2.14)
        // and an addr-spec with a '?' or ',' that needed brackets (§3.1.2.13).
        private bool ReadNameAddr(int p, int end, bool bracketsRequired)
        {
            byte[] b = _b;
            int lt = -1;
            int i = p;
            if (i < end && b[i] == (byte)'"')
            {
                i = QuotedEnd(i, end);
                if (i < 0) return false;
                i = SkipSpace(i, end);
                if (i == end || b[i] != (byte)'<') return false;
                lt = i;
            }
            else
            {
                while (i < end)
                {
                    byte c = b[i];
                    if (c == (byte)'<')
                    {
                        lt = i;
                        break;
                    }

                    if (!SipText.IsToken(c) && !SipText.IsSpace(c)) break;
                    i++;
                }
            }

            if (lt >= 0)
            {
                int gt = lt + 1;
                while (gt < end && b[gt] != (byte)'>')
                {
                    if (SipText.IsSpace(b[gt]) || b[gt] == (byte)'<' || b[gt] == (byte)'"') return false;
                    gt++;
                }

                if (gt == end || gt == lt + 1) return false;
                _uOff = lt + 1;
                _uLen = gt - lt - 1;
                int after = SkipSpace(gt + 1, end);
                if (after != end && b[after] != (byte)';') return false;
                _paramsOff = after;
                return CheckParams(after, end);
            }

            if (bracketsRequired) return false;
            int u = p;
            int ue = u;
            while (ue < end && b[ue] != (byte)';' && !SipText.IsSpace(b[ue]))
            {
                byte c = b[ue];
                if (c == (byte)'?' || c == (byte)',' || c == (byte)'"' || c == (byte)'<' || c == (byte)'>') return false;
                ue++;
            }

            if (ue == u || !HasScheme(u, ue)) return false;
            _uOff = u;
            _uLen = ue - u;
            int rest = SkipSpace(ue, end);
            if (rest != end && b[rest] != (byte)';') return false;
            _paramsOff = rest;
            return CheckParams(rest, end);
        }

        private bool HasScheme(int p, int end)
        {
            if (!SipText.IsAlpha(_b[p])) return false;
            for (int i = p + 1; i < end; i++)
            {
                if (_b[i] == (byte)':') return i + 1 < end;
                if (!SipText.IsAlpha(_b[i]) && !SipText.IsDigit(_b[i]) && _b[i] != (byte)'+' && _b[i] != (byte)'-' && _b[i] != (byte)'.') return false;
            }

            return false;
        }

        // *( SEMI generic-param ), generic-param = token [ EQUAL gen-value ], gen-value = token / host / quoted-string
        // (RFC 3261 §25.1): every parameter has a name (RFC 4475 §3.1.2.1 rejects ";;").
        private bool CheckParams(int p, int end)
        {
            byte[] b = _b;
            while (p < end)
            {
                if (b[p] != (byte)';') return false;
                p = SkipSpace(p + 1, end);
                int n = p;
                while (p < end && SipText.IsToken(b[p])) p++;
                if (p == n) return false;
                p = SkipSpace(p, end);
                if (p < end && b[p] == (byte)'=')
                {
                    p = SkipSpace(p + 1, end);
                    if (p < end && b[p] == (byte)'"')
                    {
                        p = QuotedEnd(p, end);
                        if (p < 0) return false;
                    }
                    else
                    {
                        int v = p;
                        while (p < end && (SipText.IsToken(b[p]) || b[p] == (byte)':' || b[p] == (byte)'[' || b[p] == (byte)']')) p++;
                        if (p == v) return false;
                    }

                    p = SkipSpace(p, end);
                }
            }

            return true;
        }

        // Finds parameter `name` among ;-parameters from p (CheckParams passed): _pOff/_pLen its value (quotes removed), length 0 without one.
        private bool FindParam(int p, int end, string name)
        {
            byte[] b = _b;
            while (p < end)
            {
                p = SkipSpace(p + 1, end);
                int n = p;
                while (p < end && SipText.IsToken(b[p])) p++;
                int nEnd = p;
                p = SkipSpace(p, end);
                int v = p;
                int ve = p;
                if (p < end && b[p] == (byte)'=')
                {
                    p = SkipSpace(p + 1, end);
                    if (p < end && b[p] == (byte)'"')
                    {
                        int q = QuotedEnd(p, end);
                        if (q < 0) return false;
                        v = p + 1;
                        ve = q - 1;
                        p = q;
                    }
                    else
                    {
                        v = p;
                        while (p < end && b[p] != (byte)';' && !SipText.IsSpace(b[p])) p++;
                        ve = p;
                    }

                    p = SkipSpace(p, end);
                }

                if (SipText.EqualsIgnoreCase(b, n, nEnd - n, name))
                {
                    _pOff = v;
                    _pLen = ve - v;
                    return true;
                }

                while (p < end && b[p] != (byte)';') p++;
            }

            return false;
        }

        // The index just past the closing quote of the quoted-string at p (RFC 3261 §25.1, with quoted-pairs), or -1.
        private int QuotedEnd(int p, int end)
        {
            byte[] b = _b;
            for (int i = p + 1; i < end; i++)
            {
                if (b[i] == (byte)'\\')
                {
                    i++;
                    continue;
                }

                if (b[i] == (byte)'"') return i + 1;
            }

            return -1;
        }

        // End of one comma-separated value from p: the next ',' outside quotes and angle brackets, or end; -1 when a quote or bracket is open.
        private int ValueEnd(int p, int end)
        {
            byte[] b = _b;
            bool inAngle = false;
            for (int i = p; i < end; i++)
            {
                byte c = b[i];
                if (c == (byte)'"')
                {
                    int q = QuotedEnd(i, end);
                    if (q < 0) return -1;
                    i = q - 1;
                }
                else if (c == (byte)'<')
                {
                    inAngle = true;
                }
                else if (c == (byte)'>')
                {
                    inAngle = false;
                }
                else if (c == (byte)',' && !inAngle)
                {
                    return i;
                }
            }

            return inAngle ? -1 : end;
        }

        // A decimal in [p, end) of at most max, leading zeros allowed (RFC 4475 §3.1.1.1); -1 when not one.
        private long ParseNumber(int p, int end, long max)
        {
            if (p >= end) return -1;
            long v = 0;
            for (int i = p; i < end; i++)
            {
                byte c = _b[i];
                if (!SipText.IsDigit(c)) return -1;
                v = v * 10 + (c - '0');
                if (v > max) return -1;
            }

            return v;
        }

        private bool AllDigits(int p, int end)
        {
            if (p >= end) return false;
            for (int i = p; i < end; i++)
            {
                if (!SipText.IsDigit(_b[i])) return false;
            }

            return true;
        }

        private bool HasSpace(int p, int end)
        {
            for (int i = p; i < end; i++)
            {
                if (SipText.IsSpace(_b[i])) return true;
            }

            return false;
        }

        // NUL and other controls but HT are not SIP text in the start line (RFC 3261 §25.1).
        private bool HasControl(int p, int stop)
        {
            for (int i = p; i < stop; i++)
            {
                byte c = _b[i];
                if ((c < 0x20 && c != (byte)'\t') || c == 0x7F) return true;
            }

            return false;
        }

        // Controls but HT are not SIP text outside a quoted-pair (RFC 3261 §25.1: quoted-pair = "\" %x00-09 / %x0B-0C /
        // %x0E-7F), so a NUL is an error unless escaped inside quotes (RFC 4475 §3.1.1.2, §3.1.1.4). The quote state runs on
        // over continuation lines.
        private bool TextOk(int p, int stop, ref bool quoted)
        {
            byte[] b = _b;
            for (int i = p; i < stop; i++)
            {
                byte c = b[i];
                if (quoted && c == (byte)'\\')
                {
                    i++;
                    if (i < stop && b[i] == (byte)'\r') return false;
                    continue;
                }

                if (c == (byte)'"') quoted = !quoted;
                else if ((c < 0x20 && c != (byte)'\t') || c == 0x7F) return false;
            }

            return true;
        }

        private int FindLf(int p, int end)
        {
            for (int i = p; i < end; i++)
            {
                if (_b[i] == (byte)'\n') return i;
            }

            return -1;
        }

        private int TrimCr(int p, int lf)
        {
            return lf > p && _b[lf - 1] == (byte)'\r' ? lf - 1 : lf;
        }

        private int SkipSpace(int p, int stop)
        {
            while (p < stop && SipText.IsSpace(_b[p])) p++;
            return p;
        }

        private int TrimRight(int start, int stop)
        {
            while (stop > start && SipText.IsSpace(_b[stop - 1])) stop--;
            return stop;
        }
    }
}
