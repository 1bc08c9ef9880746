using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Random;
using NanoMikey.Media.Rtcp;
using NanoMikey.Media.Rtp;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Time;
using NanoMikey.Mikey.Transport;
using NanoMikey.Net.Sockets;
using NanoMikey.Rtsp.Message;
using NanoMikey.Rtsp.Sdp;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;

namespace NanoMikey.Rtsp.Server
{
    /// <summary>
    /// An RTSP 1.0 server (RFC 2326) for one G.711 audio presentation over SRTP keyed by MIKEY in the SDP (RFC 4567): OPTIONS,
    /// DESCRIBE (a fresh MIKEY-NULL offer per DESCRIBE with that client's stream SSRC and keys), SETUP (UDP unicast or
    /// interleaved TCP; the client's KeyMgmt keys its SRTCP), PLAY, PAUSE, TEARDOWN, GET_PARAMETER/SET_PARAMETER keep-alive.
    /// Driven like the device's tasks: <see cref="Run"/> never blocks; the role pushes each 20 ms frame to
    /// <see cref="PushFrame"/>, which packetises, protects per session and sends. A fixed number of client slots with fixed
    /// buffers bounds memory; a bad request gets its status and disturbs no other client.
    /// </summary>
    /// <remarks>
    /// One RTP/RTCP server port pair is shared: RTCP from clients is told apart by source address and port (the client_port of
    /// its SETUP). Datagrams that fit no session, or fail SRTCP authentication (rtspsrc's NAT-punching datagrams), are
    /// dropped silently. Interleaved media meets TCP backpressure by being dropped, never by blocking.
    /// </remarks>
    public sealed class RtspServer
    {
        private const int MaxDatagramsPerRun = 16;
        private const int MaxMikey = 256;
        private const int SamplesPerFrame = 160;
        private const int MaxFrame = 320;
        private const int PacketRoom = 4 + 12 + MaxFrame + 16 + 4;

        private static readonly string PublicMethods = "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER";
        private static readonly string Allow = "Allow";
        private static readonly string ApplicationSdp = "application/sdp";
        private static readonly string SessionTimeout = ";timeout=";
        private static readonly string RangeNow = "npt=0.000-";
        private static readonly string UrlIs = "url=";
        private static readonly string SeqIs = ";seq=";
        private static readonly string RtptimeIs = ";rtptime=";
        private static readonly string Slash = "/";
        private static readonly string Close = "close";
        private static readonly string ServerName = "nanoMikey";
        private static readonly string RtspScheme = "rtsp://";
        private static readonly byte[] Cname = { (byte)'n', (byte)'a', (byte)'n', (byte)'o', (byte)'M', (byte)'i', (byte)'k', (byte)'e', (byte)'y' };

        private readonly IStreamListener _listener;
        private readonly IDatagramSocket _rtp;
        private readonly IDatagramSocket _rtcp;
        private readonly IRtspKeyManagement _keys;
        private readonly HmacDrbg _drbg;
        private readonly IMikeyClock _clock;
        private readonly RtspServerOptions _options;
        private readonly RtspConnection[] _slots;
        private readonly RtspRequestReader _reader;
        private readonly RtspMessageWriter _writer = new RtspMessageWriter();
        private readonly RtspTransport _transport = new RtspTransport();
        private readonly RtspKeyMgmtHeader _keyMgmt = new RtspKeyMgmtHeader();
        private readonly SdpAudioOffer _sdp = new SdpAudioOffer(MaxMikey);
        private readonly RtcpWriter _rtcpWriter = new RtcpWriter();
        private readonly RtcpReader _rtcpReader = new RtcpReader();
        private readonly byte[] _mikey = new byte[MaxMikey];
        private readonly byte[] _body = new byte[1024];
        private readonly byte[] _packet = new byte[PacketRoom];
        private readonly byte[] _datagram = new byte[1500];
        private readonly byte[] _random = new byte[12];
        private readonly string _path;
        private readonly string _streamPath;
        private long _now;

        /// <summary>Creates a server over a listening TCP socket and the bound RTP and RTCP UDP sockets.</summary>
        /// <param name="listener">Listening already (its port is the RTSP port).</param>
        /// <param name="rtpSocket">Bound to the server's RTP port (even).</param>
        /// <param name="rtcpSocket">Bound to the server's RTCP port (RTP + 1).</param>
        /// <param name="keyManagement">Offers and reads MIKEY.</param>
        /// <param name="drbg">Randomness for session ids, SSRCs, initial sequence numbers and timestamps (RFC 3550 §5.1).</param>
        /// <param name="clock">Wall clock of the sender reports (NTP).</param>
        /// <param name="options">Limits and identity (read once).</param>
        public RtspServer(IStreamListener listener, IDatagramSocket rtpSocket, IDatagramSocket rtcpSocket, IRtspKeyManagement keyManagement,
            HmacDrbg drbg, IMikeyClock clock, RtspServerOptions options)
        {
            if (listener == null || rtpSocket == null || rtcpSocket == null || keyManagement == null || drbg == null || clock == null || options == null)
            {
                throw new ArgumentNullException();
            }

            options.Check();
            _listener = listener;
            _rtp = rtpSocket;
            _rtcp = rtcpSocket;
            _keys = keyManagement;
            _drbg = drbg;
            _clock = clock;
            _options = options;
            _path = options.Path;
            _streamPath = options.Path + "/" + SdpAudioOffer.StreamControl;
            _reader = new RtspRequestReader(24, 1024, 256, 512);
            _slots = new RtspConnection[options.MaxClients];
            for (int i = 0; i < _slots.Length; i++) _slots[i] = new RtspConnection(options.ReceiveBufferLength, options.SendBufferLength);
            NextDueMicros = long.MaxValue;
        }

        /// <summary>When <see cref="Run"/> next has work without new input (a sender report, a timeout).</summary>
        public long NextDueMicros { get; private set; }

        /// <summary>Connections in use.</summary>
        public int ClientCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _slots.Length; i++) if (_slots[i].InUse) n++;
                return n;
            }
        }

        /// <summary>Sessions playing.</summary>
        public int PlayingCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _slots.Length; i++) if (_slots[i].InUse && _slots[i].Playing) n++;
                return n;
            }
        }

        /// <summary>SRTP packets sent (all sessions).</summary>
        public long PacketsSent { get; private set; }

        /// <summary>Media packets dropped because a TCP connection had no room (backpressure).</summary>
        public long MediaDropped { get; private set; }

        /// <summary>SRTCP sender reports sent.</summary>
        public long ReportsSent { get; private set; }

        /// <summary>SRTCP reports received and authenticated with the client's key.</summary>
        public long ReportsReceived { get; private set; }

        /// <summary>Datagrams and interleaved frames dropped: no session, failed authentication, NAT punching.</summary>
        public long Dropped { get; private set; }

        /// <summary>Connections refused with 503 because every slot was taken.</summary>
        public long Refused { get; private set; }

        /// <summary>The status of the last answer sent (for logs and tests).</summary>
        public RtspStatusCode LastStatus { get; private set; }

        /// <summary>
        /// Does what is due at <paramref name="nowMicros"/>: accepts connections, reads and answers requests, reads SRTCP,
        /// sends sender reports, ends timed-out sessions and silent connections. Never blocks.
        /// </summary>
        /// <param name="nowMicros">The monotonic tick in microseconds.</param>
        public void Run(long nowMicros)
        {
            _now = nowMicros;
            // Existing connections first: a client that has gone frees its slot before new ones are accepted.
            for (int i = 0; i < _slots.Length; i++)
            {
                RtspConnection c = _slots[i];
                if (!c.InUse) continue;
                ServeConnection(c);
                if (c.InUse) Flush(c);
            }

            if (Accept())
            {
                for (int i = 0; i < _slots.Length; i++)
                {
                    RtspConnection c = _slots[i];
                    if (c.InUse && c.LastActivity == nowMicros && c.InLength == 0)
                    {
                        ServeConnection(c);
                        if (c.InUse) Flush(c);
                    }
                }
            }

            ReadDatagrams(_rtp, false);
            ReadDatagrams(_rtcp, true);
            long due = long.MaxValue;
            long sessionTimeout = (long)_options.SessionTimeoutSeconds * 1000000;
            for (int i = 0; i < _slots.Length; i++)
            {
                RtspConnection c = _slots[i];
                if (!c.InUse) continue;
                long limit = c.LastActivity + (c.HasSession ? sessionTimeout : _options.IdleConnectionMicros);
                if (nowMicros >= limit)
                {
                    // RFC 2326 §12.37: a session whose client fell silent for its timeout ends; a connection that never set
                    // one up is freed sooner (a client that connects and never sends must not hold a slot).
                    c.Release();
                    continue;
                }

                if (c.Playing && nowMicros >= c.NextReport)
                {
                    SendReport(c);
                    c.NextReport = nowMicros + _options.SenderReportIntervalMicros;
                }

                if (limit < due) due = limit;
                if (c.Playing && c.NextReport < due) due = c.NextReport;
            }

            NextDueMicros = due;
        }

        /// <summary>
        /// Sends one G.711 frame to every playing session: packetised with the session's SSRC and sequence (RFC 3550 §5.1),
        /// protected with its SRTP context (RFC 3711 §3.3), over UDP or interleaved on its TCP connection (dropped there when
        /// TCP has no room).
        /// </summary>
        /// <param name="payload">The encoded frame (PCMU or PCMA as configured).</param>
        /// <param name="offset">Offset of the frame.</param>
        /// <param name="length">Its length (at most 320 bytes; 160 for 20 ms).</param>
        /// <returns>The number of sessions the frame was sent to.</returns>
        [HotPath]
        public int PushFrame(byte[] payload, int offset, int length)
        {
            if (payload == null) throw new ArgumentNullException();
            if (offset < 0 || length < 1 || length > MaxFrame || offset > payload.Length - length) throw new ArgumentOutOfRangeException();
            int sent = 0;
            for (int i = 0; i < _slots.Length; i++)
            {
                RtspConnection c = _slots[i];
                if (!c.InUse || !c.HasSession) continue;
                RtpPacketizer p = c.Packetizer!;
                if (!c.Playing)
                {
                    continue;
                }

                if (c.Tcp && c.OutLength > 0)
                {
                    // Backpressure (the client reads slower than we send): the frame is lost to this client only.
                    p.SkipFrame();
                    MediaDropped++;
                    continue;
                }

                int n = p.WriteFrame(_packet, 4, PacketRoom - 4, payload, offset, length, false);
                if (c.Outbound!.Protect(_packet, 4, ref n, PacketRoom - 4) != SrtpStatus.Ok)
                {
                    MediaDropped++;
                    continue;
                }

                if (c.Tcp)
                {
                    // RFC 2326 §10.12: '$', channel, length, packet.
                    _packet[0] = (byte)'$';
                    _packet[1] = (byte)c.RtpChannel;
                    _packet[2] = (byte)(n >> 8);
                    _packet[3] = (byte)n;
                    if (!SendFrame(c, _packet, 0, n + 4)) continue;
                }
                else if (_rtp.SendTo(_packet, 4, n, c.ClientAddress, c.ClientRtpPort) != DatagramStatus.Ok)
                {
                    MediaDropped++;
                    continue;
                }

                PacketsSent++;
                sent++;
            }

            return sent;
        }

        /// <summary>Closes every connection (keys wiped) and the listener.</summary>
        public void Stop()
        {
            for (int i = 0; i < _slots.Length; i++) _slots[i].Release();
            _listener.Close();
        }

        private bool Accept()
        {
            bool accepted = false;
            for (int k = 0; k < 4; k++)
            {
                IStreamSocket? s;
                if (_listener.Accept(out s) != StreamStatus.Ok || s == null) return accepted;
                RtspConnection? free = null;
                for (int i = 0; i < _slots.Length; i++)
                {
                    if (!_slots[i].InUse)
                    {
                        free = _slots[i];
                        break;
                    }
                }

                if (free == null)
                {
                    // Every slot taken: 503 (RFC 2326 §11.5.4 Service Unavailable) and close; the request is not read.
                    _writer.StartResponse(_body, 0, _body.Length, RtspStatusCode.ServiceUnavailable, -1);
                    _writer.Header(RtspHeaderName.Connection, Close);
                    int n = _writer.Finish(null, 0, 0);
                    int sent;
                    s.Send(_body, 0, n, out sent);
                    s.Close();
                    Refused++;
                    LastStatus = RtspStatusCode.ServiceUnavailable;
                    continue;
                }

                free.Socket = s;
                free.LastActivity = _now;
                free.InLength = 0;
                free.OutOffset = 0;
                free.OutLength = 0;
                accepted = true;
            }

            return accepted;
        }

        private void ServeConnection(RtspConnection c)
        {
            IStreamSocket s = c.Socket!;
            while (c.InLength < c.In.Length)
            {
                int got;
                StreamStatus st = s.Receive(c.In, c.InLength, c.In.Length - c.InLength, out got);
                if (st == StreamStatus.WouldBlock) break;
                if (st != StreamStatus.Ok)
                {
                    c.Release();
                    return;
                }

                c.InLength += got;
                c.LastActivity = _now;
            }

            int start = 0;
            while (c.InUse && !c.CloseAfterSend && start < c.InLength)
            {
                RtspReadStatus r = _reader.Read(c.In, start, c.InLength - start);
                if (r == RtspReadStatus.Incomplete)
                {
                    // A request that fills the whole buffer and still does not end is too large (RFC 2326 §11.3.4).
                    if (start == 0 && c.InLength == c.In.Length) Fail(c, RtspStatusCode.RequestEntityTooLarge);
                    break;
                }

                if (r == RtspReadStatus.InterleavedFrame)
                {
                    OnInterleaved(c, _reader.Channel, _reader.BodyOffset, _reader.BodyLength);
                    start += _reader.Consumed;
                    continue;
                }

                if (r != RtspReadStatus.Complete)
                {
                    Fail(c, r == RtspReadStatus.UriTooLong ? RtspStatusCode.RequestUriTooLarge
                        : r == RtspReadStatus.VersionNotSupported ? RtspStatusCode.VersionNotSupported
                        : r == RtspReadStatus.Malformed ? RtspStatusCode.BadRequest
                        : RtspStatusCode.RequestEntityTooLarge);
                    break;
                }

                Handle(c);
                start += _reader.Consumed;
            }

            if (!c.InUse) return;
            if (start > 0)
            {
                if (start < c.InLength) Array.Copy(c.In, start, c.In, 0, c.InLength - start);
                c.InLength -= start;
            }

            if (c.CloseAfterSend) c.InLength = 0;
        }

        // The framing is lost (or the request cannot be read whole): answer, then close once the answer is out.
        private void Fail(RtspConnection c, RtspStatusCode code)
        {
            Begin(c, code, -1);
            _writer.Header(RtspHeaderName.Connection, Close);
            End(c, null, 0);
            c.CloseAfterSend = true;
        }

        private void Handle(RtspConnection c)
        {
            RtspRequestReader r = _reader;
            int cseq = r.CSeq;
            if (cseq < 0)
            {
                // CSeq is required in every request (RFC 2326 §12.17).
                Simple(c, RtspStatusCode.BadRequest, -1);
                return;
            }

            switch (r.Method)
            {
                case RtspMethod.Options:
                    Begin(c, RtspStatusCode.Ok, cseq);
                    _writer.Header(RtspHeaderName.Public, PublicMethods);
                    End(c, null, 0);
                    return;
                case RtspMethod.Describe:
                    Describe(c, cseq);
                    return;
                case RtspMethod.Setup:
                    Setup(c, cseq);
                    return;
                case RtspMethod.Play:
                case RtspMethod.Pause:
                case RtspMethod.Teardown:
                case RtspMethod.GetParameter:
                case RtspMethod.SetParameter:
                    SessionRequest(c, r.Method, cseq);
                    return;
                case RtspMethod.Unknown:
                    Simple(c, RtspStatusCode.NotImplemented, cseq);
                    return;
                default:
                    // ANNOUNCE, RECORD, REDIRECT: known, not allowed on this resource (RFC 2326 §11.3.3 requires Allow).
                    Begin(c, RtspStatusCode.MethodNotAllowed, cseq);
                    _writer.Header(Allow, PublicMethods);
                    End(c, null, 0);
                    return;
            }
        }

        private void Describe(RtspConnection c, int cseq)
        {
            int path = PathOffset();
            if (path < 0 || !(PathIs(path, _path, false) || PathIs(path, _path, true)))
            {
                Simple(c, RtspStatusCode.NotFound, cseq);
                return;
            }

            // A fresh stream and key per DESCRIBE (the SDP is this client's alone).
            _drbg.Generate(_random, 0, 4);
            uint ssrc = ReadUInt(_random, 0);
            if (ssrc == 0) ssrc = 1;
            int mikeyLength;
            SrtpCryptoContext? offered = _keys.WriteOffer(ssrc, _mikey, 0, _mikey.Length, out mikeyLength);
            if (offered == null)
            {
                Simple(c, RtspStatusCode.InternalServerError, cseq);
                return;
            }

            int sdp = _sdp.Write(_body, 0, _body.Length, ssrc, c.Socket!.LocalAddress, _options.PayloadType, _mikey, 0, mikeyLength);
            Array.Clear(_mikey, 0, mikeyLength); // NULL mode: the key is in clear in it
            if (sdp < 0)
            {
                offered.Clear();
                Simple(c, RtspStatusCode.InternalServerError, cseq);
                return;
            }

            // An earlier offer nobody set up is wiped; one a session streams with stays until that session takes the new one.
            if (c.Offered != null && c.Offered != c.Outbound) c.Offered.Clear();
            c.Offered = offered;
            c.OfferedSsrc = ssrc;
            RtspRequestReader r = _reader;
            Begin(c, RtspStatusCode.Ok, cseq);
            _writer.Header(RtspHeaderName.ContentType, ApplicationSdp);
            _writer.BeginHeader(RtspHeaderName.ContentBase);
            _writer.AppendBytes(r.Buffer, r.UriOffset, r.UriLength);
            if (r.Buffer[r.UriOffset + r.UriLength - 1] != (byte)'/') _writer.Append(Slash);
            _writer.EndHeader();
            End(c, _body, sdp);
            Array.Clear(_body, 0, sdp);
        }

        private void Setup(RtspConnection c, int cseq)
        {
            RtspRequestReader r = _reader;
            int path = PathOffset();
            if (path < 0 || !PathIs(path, _streamPath, false))
            {
                // Only the stream can be set up; the aggregate URL is for PLAY/PAUSE/TEARDOWN (RFC 2326 §11.3.14).
                Simple(c, path >= 0 && (PathIs(path, _path, false) || PathIs(path, _path, true)) ? RtspStatusCode.AggregateOperationNotAllowed : RtspStatusCode.NotFound, cseq);
                return;
            }

            if (r.SessionOffset >= 0 && (!c.HasSession || !SessionMatches(c)))
            {
                Simple(c, RtspStatusCode.SessionNotFound, cseq);
                return;
            }

            if (c.Playing)
            {
                // Changing the transport while playing is not supported here (RFC 2326 §10.4 allows refusing it).
                Simple(c, RtspStatusCode.MethodNotValidInThisState, cseq);
                return;
            }

            if (c.Offered == null)
            {
                // No DESCRIBE on this connection: the client has no key for a stream (RFC 4567 §3.2).
                Simple(c, RtspStatusCode.MethodNotValidInThisState, cseq);
                return;
            }

            // Transport: the first specification we serve, in the client's order (RFC 2326 §12.39).
            int t = r.FindHeader(RtspHeaderName.Transport);
            bool found = false;
            if (t >= 0)
            {
                int p = r.HeaderValueOffset(t);
                int end = p + r.HeaderValueLength(t);
                while (p < end)
                {
                    bool ok = _transport.Parse(r.Buffer, p, end - p);
                    p = _transport.NextOffset;
                    RtspTransport x = _transport;
                    if (!ok || x.Profile != RtspTransportProfile.Savp || x.IsMulticast || x.IsRecord) continue;
                    if (x.LowerTransport == RtspLowerTransport.Udp && x.ClientRtpPort > 0)
                    {
                        found = true;
                        break;
                    }

                    if (x.LowerTransport == RtspLowerTransport.Tcp)
                    {
                        if (x.InterleavedRtp < 0)
                        {
                            x.InterleavedRtp = 0;
                            x.InterleavedRtcp = 1;
                        }

                        found = true;
                        break;
                    }
                }
            }

            if (!found)
            {
                Simple(c, RtspStatusCode.UnsupportedTransport, cseq);
                return;
            }

            // The client's own MIKEY (its RTCP key, RFC 4567 §3.2); required in a SETUP (403 without it).
            int k = r.FindHeader(RtspHeaderName.KeyMgmt);
            if (k < 0)
            {
                Simple(c, RtspStatusCode.Forbidden, cseq);
                return;
            }

            if (!_keyMgmt.Parse(r.HeaderValueText(k)) || !_keyMgmt.IsMikey)
            {
                Simple(c, RtspStatusCode.BadRequest, cseq);
                return;
            }

            int n = _keyMgmt.DecodeData(_mikey, 0);
            MikeyExchangeStatus ks = MikeyExchangeStatus.Malformed;
            SrtpCryptoContext? inbound = n > 0 ? _keys.ReadClientKey(_mikey, 0, n, out ks) : null;
            if (n > 0) Array.Clear(_mikey, 0, n);
            if (inbound == null)
            {
                // RFC 4567 §5.4: 463 Key management failure; the session stays as it was.
                Simple(c, RtspStatusCode.KeyManagementFailure, cseq);
                return;
            }

            // Every check passed: the session takes the offered stream and the client's key.
            RtspTransport tr = _transport;
            if (!c.HasSession)
            {
                _drbg.Generate(_random, 0, 4);
                c.SessionId = ReadUInt(_random, 0) | 1;
                c.HasSession = true;
            }

            if (c.Inbound != null) c.Inbound.Clear();
            c.Inbound = inbound;
            if (c.Outbound == null || c.Outbound != c.Offered)
            {
                if (c.Outbound != null) c.Outbound.Clear();
                c.Outbound = c.Offered;
                _drbg.Generate(_random, 0, 6);
                c.Packetizer = new RtpPacketizer((byte)_options.PayloadType, c.OfferedSsrc, (ushort)ReadUInt(_random, 0), ReadUInt(_random, 2), SamplesPerFrame);
            }

            c.Tcp = tr.LowerTransport == RtspLowerTransport.Tcp;
            c.ClientAddress = c.Socket!.RemoteAddress;
            c.ClientRtpPort = tr.ClientRtpPort;
            c.ClientRtcpPort = tr.ClientRtcpPort > 0 ? tr.ClientRtcpPort : tr.ClientRtpPort + 1;
            c.RtpChannel = tr.InterleavedRtp;
            c.RtcpChannel = tr.InterleavedRtcp >= 0 ? tr.InterleavedRtcp : tr.InterleavedRtp + 1;
            int u = r.UriLength < c.StreamUri.Length ? r.UriLength : c.StreamUri.Length;
            Array.Copy(r.Buffer, r.UriOffset, c.StreamUri, 0, u);
            c.StreamUriLength = u;

            tr.HasSsrc = true;
            tr.Ssrc = c.OfferedSsrc;
            if (!c.Tcp)
            {
                tr.ClientRtcpPort = c.ClientRtcpPort;
                tr.ServerRtpPort = _rtp.LocalPort;
                tr.ServerRtcpPort = _rtcp.LocalPort;
            }
            else
            {
                tr.InterleavedRtcp = c.RtcpChannel;
            }

            Begin(c, RtspStatusCode.Ok, cseq);
            _writer.BeginHeader(RtspHeaderName.Transport);
            tr.AppendTo(_writer);
            _writer.EndHeader();
            SessionHeader(c);
            End(c, null, 0);
        }

        private void SessionRequest(RtspConnection c, RtspMethod method, int cseq)
        {
            RtspRequestReader r = _reader;
            bool keepAlive = method == RtspMethod.GetParameter || method == RtspMethod.SetParameter;
            if (r.SessionOffset < 0)
            {
                // A keep-alive without a session is answered (rtspsrc probes with it); the others need one (RFC 2326 §12.37).
                if (keepAlive)
                {
                    Simple(c, r.BodyLength > 0 ? RtspStatusCode.ParameterNotUnderstood : RtspStatusCode.Ok, cseq);
                    return;
                }

                Simple(c, RtspStatusCode.SessionNotFound, cseq);
                return;
            }

            if (!c.HasSession || !SessionMatches(c))
            {
                Simple(c, RtspStatusCode.SessionNotFound, cseq);
                return;
            }

            int path = PathOffset();
            if (path >= 0 && !(PathIs(path, _path, false) || PathIs(path, _path, true) || PathIs(path, _streamPath, false)))
            {
                Simple(c, RtspStatusCode.NotFound, cseq);
                return;
            }

            switch (method)
            {
                case RtspMethod.Play:
                    if (!c.Playing)
                    {
                        c.Playing = true;
                        c.NextReport = _now + _options.SenderReportIntervalMicros / 5;
                    }

                    Begin(c, RtspStatusCode.Ok, cseq);
                    SessionHeader(c);
                    _writer.Header(RtspHeaderName.Range, RangeNow);
                    _writer.BeginHeader(RtspHeaderName.RtpInfo);
                    _writer.Append(UrlIs);
                    _writer.AppendBytes(c.StreamUri, 0, c.StreamUriLength);
                    _writer.Append(SeqIs);
                    _writer.AppendDecimal(c.Packetizer!.NextSequence);
                    _writer.Append(RtptimeIs);
                    _writer.AppendDecimal(c.Packetizer.NextTimestamp);
                    _writer.EndHeader();
                    End(c, null, 0);
                    return;
                case RtspMethod.Pause:
                    c.Playing = false;
                    break;
                case RtspMethod.Teardown:
                    c.EndSession();
                    Simple(c, RtspStatusCode.Ok, cseq);
                    return;
                default:
                    if (r.BodyLength > 0)
                    {
                        // Parameters: this server has none to report or set (RFC 2326 §10.8, §10.9).
                        Simple(c, RtspStatusCode.ParameterNotUnderstood, cseq);
                        return;
                    }

                    break;
            }

            Begin(c, RtspStatusCode.Ok, cseq);
            SessionHeader(c);
            End(c, null, 0);
        }

        private void SessionHeader(RtspConnection c)
        {
            _writer.BeginHeader(RtspHeaderName.Session);
            _writer.AppendHex32(c.SessionId);
            _writer.Append(SessionTimeout);
            _writer.AppendDecimal(_options.SessionTimeoutSeconds);
            _writer.EndHeader();
        }

        private bool SessionMatches(RtspConnection c)
        {
            RtspRequestReader r = _reader;
            if (r.SessionLength != 8) return false;
            uint v = 0;
            for (int i = 0; i < 8; i++)
            {
                int d = RtspTransport.HexValue(r.Buffer[r.SessionOffset + i]);
                if (d < 0) return false;
                v = (v << 4) | (uint)d;
            }

            return v == c.SessionId;
        }

        // The Request-URI's path: after rtsp://host[:port]; -1 for "*" or another scheme.
        private int PathOffset()
        {
            RtspRequestReader r = _reader;
            byte[] b = r.Buffer;
            int p = r.UriOffset;
            int end = p + r.UriLength;
            if (r.UriLength < RtspScheme.Length || !RtspRequestReader.SameCase(b, p, RtspScheme)) return -1;
            p += RtspScheme.Length;
            while (p < end && b[p] != (byte)'/') p++;
            return p < end ? p : -1;
        }

        private bool PathIs(int p, string path, bool trailingSlash)
        {
            RtspRequestReader r = _reader;
            int length = r.UriOffset + r.UriLength - p;
            if (length != path.Length + (trailingSlash ? 1 : 0)) return false;
            if (!RtspRequestReader.SameCase(r.Buffer, p, path)) return false;
            return !trailingSlash || r.Buffer[p + path.Length] == (byte)'/';
        }

        private void Simple(RtspConnection c, RtspStatusCode code, int cseq)
        {
            Begin(c, code, cseq);
            End(c, null, 0);
        }

        // Responses go after whatever is still waiting to be sent on the connection.
        private void Begin(RtspConnection c, RtspStatusCode code, int cseq)
        {
            if (c.OutLength == 0) c.OutOffset = 0;
            else if (c.OutOffset > 0)
            {
                Array.Copy(c.Out, c.OutOffset, c.Out, 0, c.OutLength);
                c.OutOffset = 0;
            }

            _writer.StartResponse(c.Out, c.OutLength, c.Out.Length - c.OutLength, code, cseq);
            _writer.Header(RtspHeaderName.Server, ServerName);
            LastStatus = code;
        }

        private void End(RtspConnection c, byte[]? body, int length)
        {
            int n = _writer.Finish(body, 0, length);
            if (n < 0)
            {
                // No room: the client does not read its answers. Give up on it rather than block anyone.
                c.Release();
                return;
            }

            c.OutLength += n;
        }

        private void Flush(RtspConnection c)
        {
            while (c.OutLength > 0)
            {
                int sent;
                StreamStatus st = c.Socket!.Send(c.Out, c.OutOffset, c.OutLength, out sent);
                if (st == StreamStatus.WouldBlock) return;
                if (st != StreamStatus.Ok)
                {
                    c.Release();
                    return;
                }

                c.OutOffset += sent;
                c.OutLength -= sent;
            }

            c.OutOffset = 0;
            if (c.CloseAfterSend) c.Release();
        }

        // Sends a whole interleaved frame or keeps what TCP did not take for the next Flush; false when it was dropped.
        private bool SendFrame(RtspConnection c, byte[] frame, int offset, int length)
        {
            int sent;
            StreamStatus st = c.Socket!.Send(frame, offset, length, out sent);
            if (st == StreamStatus.WouldBlock) sent = 0;
            else if (st != StreamStatus.Ok)
            {
                c.Release();
                return false;
            }

            if (sent < length)
            {
                if (sent == 0 && st == StreamStatus.WouldBlock)
                {
                    MediaDropped++;
                    return false;
                }

                // Part of the frame is on the wire: the rest must follow, or the framing breaks.
                int rest = length - sent;
                if (rest > c.Out.Length)
                {
                    c.Release();
                    return false;
                }

                Array.Copy(frame, offset + sent, c.Out, 0, rest);
                c.OutOffset = 0;
                c.OutLength = rest;
            }

            return true;
        }

        private void SendReport(RtspConnection c)
        {
            RtpPacketizer p = c.Packetizer!;
            int n = _rtcpWriter.WriteSenderReport(_packet, 4, PacketRoom - 4, p.Ssrc, _clock.NtpNow, p.LastTimestamp, p.PacketCount, p.OctetCount,
                null, 0, Cname, 0, Cname.Length);
            if (c.Outbound!.ProtectRtcp(_packet, 4, ref n, PacketRoom - 4) != SrtpStatus.Ok) return;
            if (c.Tcp)
            {
                if (c.OutLength > 0) return;
                _packet[0] = (byte)'$';
                _packet[1] = (byte)c.RtcpChannel;
                _packet[2] = (byte)(n >> 8);
                _packet[3] = (byte)n;
                if (!SendFrame(c, _packet, 0, n + 4)) return;
            }
            else if (_rtcp.SendTo(_packet, 4, n, c.ClientAddress, c.ClientRtcpPort) != DatagramStatus.Ok)
            {
                return;
            }

            ReportsSent++;
        }

        private void ReadDatagrams(IDatagramSocket socket, bool rtcp)
        {
            for (int k = 0; k < MaxDatagramsPerRun; k++)
            {
                int n;
                uint from;
                int port;
                if (socket.ReceiveFrom(_datagram, 0, _datagram.Length, out n, out from, out port) != DatagramStatus.Ok) return;
                RtspConnection? owner = null;
                if (rtcp)
                {
                    for (int i = 0; i < _slots.Length; i++)
                    {
                        RtspConnection c = _slots[i];
                        if (c.InUse && c.HasSession && !c.Tcp && c.ClientAddress == from && c.ClientRtcpPort == port)
                        {
                            owner = c;
                            break;
                        }
                    }
                }

                // RTP to the server (rtspsrc's NAT punching) and RTCP from no session are dropped silently.
                if (owner == null || !ReadReport(owner, _datagram, 0, n)) Dropped++;
            }
        }

        private void OnInterleaved(RtspConnection c, int channel, int offset, int length)
        {
            c.LastActivity = _now;
            if (!c.HasSession || !c.Tcp || channel != c.RtcpChannel || !ReadReport(c, c.In, offset, length)) Dropped++;
        }

        // The client's SRTCP report, authenticated with its own key (RFC 3711 §3.4); any report keeps the session alive.
        private bool ReadReport(RtspConnection c, byte[] b, int offset, int length)
        {
            if (c.Inbound == null) return false;
            int n = length;
            if (c.Inbound.UnprotectRtcp(b, offset, ref n) != SrtpStatus.Ok) return false;
            if (!_rtcpReader.TryRead(b, offset, n)) return false;
            ReportsReceived++;
            c.LastActivity = _now;
            return true;
        }

        private static uint ReadUInt(byte[] b, int p)
        {
            return ((uint)b[p] << 24) | ((uint)b[p + 1] << 16) | ((uint)b[p + 2] << 8) | b[p + 3];
        }
    }
}
