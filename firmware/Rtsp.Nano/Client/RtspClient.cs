using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Mikey.Transport;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Text;
using NanoMikey.Rtsp.Message;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Rtsp.Client
{
    /// <summary>
    /// An RTSP 1.0 client (RFC 2326) for one SRTP audio stream keyed by MIKEY (RFC 4567), run like the device's tasks:
    /// <see cref="Run"/> never blocks (after the connect in <see cref="Start"/>), every wait has a deadline, memory is fixed
    /// at construction. Record mode pushes our stream to a recorder: ANNOUNCE with an SDP carrying our MIKEY, the server's
    /// key from the ANNOUNCE answer's KeyMgmt (its SRTCP), SETUP mode=record with our KeyMgmt, RECORD, media, TEARDOWN. Play
    /// mode plays the server's stream: DESCRIBE, its key from the SDP's a=key-mgmt:mikey, SETUP with our KeyMgmt (our
    /// SRTCP), PLAY, media, TEARDOWN. Each direction is keyed by its sender. A bad answer ends the client with a typed
    /// <see cref="Failure"/>; keys are wiped and the connection closed whenever it ends.
    /// </summary>
    public sealed class RtspClient
    {
        /// <summary>Longest request (an ANNOUNCE with its SDP and MIKEY).</summary>
        public const int RequestCapacity = 2048;

        /// <summary>Longest answer accepted (a DESCRIBE answer with its SDP); longer is <see cref="RtspClientStatus.ResponseTooLarge"/>.</summary>
        public const int ResponseCapacity = 4096;

        /// <summary>Longest MIKEY message read from the server or written by us.</summary>
        public const int MaxMikeyLength = 1024;

        private static readonly string ApplicationSdp = "application/sdp";
        private static readonly string NptFromStart = "npt=0.000-";

        // RFC 2326 §12.37: 60 s when the server names no timeout; keep-alive at half of it.
        private const int DefaultSessionTimeoutSeconds = 60;

        private readonly RtspClientMode _mode;
        private readonly RtspClientConnection _connection;
        private readonly RtspClientMedia _media;
        private readonly IDatagramSocket _rtp;
        private readonly IDatagramSocket _rtcp;
        private readonly PskInitiator _offerer;
        private readonly MikeyResponder _responder;
        private readonly IAesEngineFactory? _aes;
        private readonly RtspKeyMgmtHeader _keyMgmt = new RtspKeyMgmtHeader();
        private readonly SdpKeyMgmt _sdpKey = new SdpKeyMgmt();
        private readonly SdpAudioMedia _sdpAudio = new SdpAudioMedia();
        private readonly RtspTransport _transport = new RtspTransport();
        private readonly byte[] _body = new byte[RequestCapacity];
        private readonly byte[] _offer = new byte[MaxMikeyLength];
        private readonly byte[] _mikey = new byte[MaxMikeyLength];
        private readonly byte[] _answer = new byte[MaxMikeyLength];
        private readonly byte[] _tek = new byte[SrtpMasterKeyEntry.MaxKeyLength + SrtpMasterKeyEntry.MaxSaltLength];
        private int _offerLength;
        private SrtpCryptoContext? _tx;
        private SrtpCryptoContext? _rx;
        private uint _server;
        private string _uri = string.Empty;
        private string _aggregate = string.Empty;
        private string _setupUri = string.Empty;
        private string? _session;
        private long _keepAliveMicros;
        private long _nextKeepAlive = long.MaxValue;

        /// <summary>Creates a client; nothing is sent before <see cref="Start"/>.</summary>
        /// <param name="mode">Record (push our audio) or play (receive the server's).</param>
        /// <param name="control">The TCP socket for the RTSP connection (not yet connected).</param>
        /// <param name="rtp">The bound UDP socket for RTP (its port is our client_port).</param>
        /// <param name="rtcp">The bound UDP socket for RTCP (normally the RTP port + 1).</param>
        /// <param name="offerer">Writes our MIKEY offer (NULL mode for GStreamer and ONVIF peers, PSK when both ends are ours).</param>
        /// <param name="responder">Reads the server's MIKEY (AcceptNullMode and the GStreamer quirks for GStreamer peers).</param>
        /// <param name="aes">AES engines for SRTP (hardware on the device); null for software AES.</param>
        /// <param name="clock">Wall clock for the SRTCP sender reports.</param>
        /// <param name="cname">Our RTCP CNAME (RFC 3550 §6.5.1), 1..255 bytes, kept.</param>
        public RtspClient(RtspClientMode mode, IStreamSocket control, IDatagramSocket rtp, IDatagramSocket rtcp, PskInitiator offerer,
            MikeyResponder responder, IAesEngineFactory? aes, IMikeyClock clock, byte[] cname)
        {
            if (control == null || rtp == null || rtcp == null || offerer == null || responder == null || clock == null || cname == null)
            {
                throw new ArgumentNullException();
            }

            _mode = mode;
            _rtp = rtp;
            _rtcp = rtcp;
            _offerer = offerer;
            _responder = responder;
            _aes = aes;
            _connection = new RtspClientConnection(control, RequestCapacity, ResponseCapacity);
            _media = new RtspClientMedia(rtp, rtcp, clock, cname);
            ConnectTimeoutMicros = 2000000;
        }

        /// <summary>Record mode: where our audio comes from (silence when null).</summary>
        public IRtspAudioSource? Source { get; set; }

        /// <summary>Play mode: where the decrypted audio goes (dropped when null).</summary>
        public IRtspAudioSink? Sink { get; set; }

        /// <summary>Longest wait for the TCP connection in <see cref="Start"/> (the one blocking call).</summary>
        public int ConnectTimeoutMicros { get; set; }

        /// <summary>Longest wait for each answer (default 5 s).</summary>
        public long ResponseTimeoutMicros
        {
            get { return _connection.ResponseTimeoutMicros; }
            set
            {
                if (value <= 0) throw new ArgumentOutOfRangeException();
                _connection.ResponseTimeoutMicros = value;
            }
        }

        /// <summary>Where the client is.</summary>
        public RtspClientState State { get; private set; }

        /// <summary>Why it failed (<see cref="RtspClientStatus.None"/> unless <see cref="State"/> is Failed).</summary>
        public RtspClientStatus Failure { get; private set; }

        /// <summary>The status code of the last answer read (0 before one).</summary>
        public int LastStatusCode { get; private set; }

        /// <summary>The outcome of the last MIKEY step (our offer or the server's message).</summary>
        public MikeyExchangeStatus KeyStatus { get; private set; }

        /// <summary>Our SSRC (of our RTP in record mode, of our RTCP in play mode).</summary>
        public uint Ssrc { get; private set; }

        /// <summary>The server's SSRC from its MIKEY crypto session (0 before its key was read).</summary>
        public uint ServerSsrc { get; private set; }

        /// <summary>SRTP packets sent.</summary>
        public uint PacketsSent
        {
            get { return _media.PacketsSent; }
        }

        /// <summary>SRTP packets received, authenticated and decoded.</summary>
        public uint PacketsReceived
        {
            get { return _media.PacketsReceived; }
        }

        /// <summary>Received SRTP packets whose authentication failed.</summary>
        public uint AuthenticationFailures
        {
            get { return _media.AuthenticationFailures; }
        }

        /// <summary>Datagrams dropped: not from the server, not SRTP of its stream, replays, unreadable SRTCP.</summary>
        public uint Dropped
        {
            get { return _media.Dropped; }
        }

        /// <summary>SRTCP reports sent.</summary>
        public uint ReportsSent
        {
            get { return _media.ReportsSent; }
        }

        /// <summary>The server's SRTCP reports received and authenticated.</summary>
        public uint ReportsReceived
        {
            get { return _media.ReportsReceived; }
        }

        /// <summary>When <see cref="Run"/> next has work without new input.</summary>
        public long NextDueMicros
        {
            get
            {
                long next = _connection.NextDueMicros;
                if (State == RtspClientState.Streaming)
                {
                    long m = _media.NextDueMicros;
                    if (m < next) next = m;
                    if (_nextKeepAlive < next) next = _nextKeepAlive;
                }

                return next;
            }
        }

        /// <summary>
        /// Connects (blocking at most <see cref="ConnectTimeoutMicros"/>), writes our MIKEY offer for <paramref name="ssrc"/>
        /// and sends the first request (ANNOUNCE or DESCRIBE). The rest happens in <see cref="Run"/>.
        /// </summary>
        /// <param name="serverAddress">The server's IPv4 address.</param>
        /// <param name="serverPort">The server's RTSP port.</param>
        /// <param name="uri">The presentation URI, e.g. <c>rtsp://192.0.2.1:8554/test</c> (ASCII).</param>
        /// <param name="ssrc">Our SSRC (random, RFC 3550 §8.1).</param>
        /// <param name="policy">The SRTP policy of what we send (our MIKEY's SP payload).</param>
        /// <param name="nowMicros">The monotonic tick.</param>
        /// <returns><see cref="RtspClientStatus.None"/> when the first request is on its way, else the failure.</returns>
        public RtspClientStatus Start(uint serverAddress, int serverPort, string uri, uint ssrc, SrtpPolicy policy, long nowMicros)
        {
            if (uri == null || policy == null) throw new ArgumentNullException();
            if (ssrc == 0 || serverPort < 1 || serverPort > 65535) throw new ArgumentOutOfRangeException();
            if (State != RtspClientState.Idle) throw new InvalidOperationException();
            _server = serverAddress;
            _uri = uri;
            _aggregate = uri;
            Ssrc = ssrc;

            _offerer.Reset();
            _offerer.AddCryptoSession(ssrc, 0, policy);
            KeyStatus = _offerer.WriteOffer(_offer, 0, _offer.Length);
            if (KeyStatus != MikeyExchangeStatus.Ok) return Fail(RtspClientStatus.OfferFailed);
            _offerLength = _offerer.OfferLength;
            _tx = _offerer.Bundle.Get(0).CreateSrtpContext(SrtpDirection.Outbound, _aes, _responder.Minimum);

            if (_connection.Connect(serverAddress, serverPort, ConnectTimeoutMicros) != RtspClientStatus.None) return Fail(_connection.Failure);
            RtspMessageWriter w = _connection.Writer;
            int bodyLength = 0;
            if (_mode == RtspClientMode.Record)
            {
                // RFC 2326 §10.3: ANNOUNCE posts the description of what we will record; RFC 4567 §3.1 puts our key in it.
                bodyLength = AsciiText.Write(RecordSdp(), _body, 0, _body.Length);
                if (bodyLength < 0) return Fail(RtspClientStatus.RequestTooLarge);
                _connection.Begin(RtspMethod.Announce, uri);
                w.Header(RtspHeaderName.ContentType, ApplicationSdp);
                State = RtspClientState.Announcing;
            }
            else
            {
                _connection.Begin(RtspMethod.Describe, uri);
                w.Header(RtspHeaderName.Accept, ApplicationSdp);
                State = RtspClientState.Describing;
            }

            return _connection.Send(bodyLength > 0 ? _body : null, bodyLength, nowMicros) ? RtspClientStatus.None : Fail(_connection.Failure);
        }

        /// <summary>Does what is due: moves RTSP bytes, acts on a complete answer, sends and receives media, keeps the session alive.</summary>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void Run(long nowMicros)
        {
            if (State == RtspClientState.Idle || State == RtspClientState.Closed || State == RtspClientState.Failed) return;
            bool answered = _connection.Poll(nowMicros);
            if (!answered && _connection.Failure != RtspClientStatus.None)
            {
                // A teardown that gets no answer still ends the session on our side (RFC 2326 §10.12: it is freed anyway).
                if (State == RtspClientState.TearingDown) End(RtspClientState.Closed, nowMicros);
                else Fail(_connection.Failure);
                return;
            }

            if (answered)
            {
                RtspResponseReader r = _connection.Reader;
                LastStatusCode = r.StatusCode;
                bool ok = r.StatusCode >= 200 && r.StatusCode < 300;
                if (State == RtspClientState.TearingDown)
                {
                    End(RtspClientState.Closed, nowMicros);
                    return;
                }

                if (State == RtspClientState.Streaming)
                {
                    // The keep-alive's answer; its code does not matter, that it came does (the server still holds the session).
                    _connection.Consume();
                }
                else if (!ok)
                {
                    Fail(RtspClientStatus.RequestRefused);
                    return;
                }
                else
                {
                    RtspClientStatus s = Advance(r, nowMicros);
                    _connection.Consume();
                    if (s != RtspClientStatus.None)
                    {
                        Fail(s);
                        return;
                    }
                }
            }

            if (State == RtspClientState.Streaming)
            {
                _media.Run(nowMicros);
                if (nowMicros >= _nextKeepAlive && !_connection.IsWaiting)
                {
                    // RFC 2326 §10.8: GET_PARAMETER without a body keeps the session alive.
                    _connection.Begin(RtspMethod.GetParameter, _aggregate);
                    _connection.Writer.Header(RtspHeaderName.Session, _session!);
                    _nextKeepAlive = nowMicros + _keepAliveMicros;
                    if (!_connection.Send(null, 0, nowMicros)) Fail(_connection.Failure);
                }
            }
        }

        /// <summary>
        /// Ends the session: media stops with an SRTCP BYE, TEARDOWN is sent (its answer, or its timeout, closes the client in
        /// <see cref="Run"/>); before a session exists the client closes at once. Keys are wiped either way.
        /// </summary>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void Stop(long nowMicros)
        {
            if (State == RtspClientState.Closed || State == RtspClientState.Failed || State == RtspClientState.TearingDown) return;
            if (_session == null || State == RtspClientState.Idle)
            {
                End(RtspClientState.Closed, nowMicros);
                return;
            }

            _media.Stop(nowMicros);
            WipeKeys();
            _connection.Abandon();
            _connection.Begin(RtspMethod.Teardown, _aggregate);
            _connection.Writer.Header(RtspHeaderName.Session, _session);
            State = RtspClientState.TearingDown;
            if (!_connection.Send(null, 0, nowMicros)) End(RtspClientState.Closed, nowMicros);
        }

        private RtspClientStatus Advance(RtspResponseReader r, long nowMicros)
        {
            switch (State)
            {
                case RtspClientState.Announcing:
                {
                    // The ANNOUNCE answer carries the server's MIKEY: the key of its SRTCP (GStreamer's rtsp-client.c).
                    if (r.KeyMgmtLength == 0) return RtspClientStatus.KeyMgmtMissing;
                    RtspClientStatus s = ReadKeyMgmtHeader(r);
                    if (s != RtspClientStatus.None) return s;
                    _setupUri = Resolve(_uri, "stream=0");
                    return SendSetup(nowMicros);
                }

                case RtspClientState.Describing:
                {
                    RtspClientStatus s = ReadDescription(r);
                    if (s != RtspClientStatus.None) return s;
                    return SendSetup(nowMicros);
                }

                case RtspClientState.SettingUp:
                {
                    if (r.SessionLength == 0 || r.TransportLength == 0) return RtspClientStatus.TransportUnusable;
                    // RTP/SAVP or nothing: a server answering RTP/AVP would take our media in the clear (RFC 3711 §1).
                    if (!_transport.Parse(_connection.ResponseBuffer, r.TransportOffset, r.TransportLength)
                        || _transport.Profile != RtspTransportProfile.Savp || _transport.ServerRtpPort <= 0)
                    {
                        return RtspClientStatus.TransportUnusable;
                    }

                    if (_transport.ServerRtcpPort <= 0) _transport.ServerRtcpPort = _transport.ServerRtpPort + 1;

                    // The SSRC the server names must be the one its MIKEY keyed (play); record has no ssrc there.
                    if (_mode == RtspClientMode.Play && _transport.HasSsrc && _transport.Ssrc != ServerSsrc) return RtspClientStatus.TransportUnusable;
                    _session = r.Text(r.SessionOffset, r.SessionLength);
                    int timeout = r.SessionTimeoutSeconds > 0 ? r.SessionTimeoutSeconds : DefaultSessionTimeoutSeconds;
                    _keepAliveMicros = (long)timeout * 500000;
                    _connection.Begin(_mode == RtspClientMode.Record ? RtspMethod.Record : RtspMethod.Play, _aggregate);
                    _connection.Writer.Header(RtspHeaderName.Session, _session);
                    _connection.Writer.Header(RtspHeaderName.Range, NptFromStart);
                    State = RtspClientState.Starting;
                    return _connection.Send(null, 0, nowMicros) ? RtspClientStatus.None : _connection.Failure;
                }

                case RtspClientState.Starting:
                    _media.Start(_server, _transport.ServerRtpPort, _transport.ServerRtcpPort, _tx!, _rx!, ServerSsrc,
                        _mode == RtspClientMode.Record, Source, Sink, nowMicros);
                    _nextKeepAlive = nowMicros + _keepAliveMicros;
                    State = RtspClientState.Streaming;
                    return RtspClientStatus.None;
            }

            return RtspClientStatus.None;
        }

        private RtspClientStatus SendSetup(long nowMicros)
        {
            if (_mode == RtspClientMode.Record && _offerer.KeyTransport == KeyDataType.Tek)
            {
                // A new MIKEY message (fresh T and RAND, RFC 3830 §5.4) carrying the TEK the SDP announced, as rtspclientsink
                // does: a responder with a replay cache would refuse the SDP's message sent twice.
                SrtpMasterKeyEntry k = _offerer.Bundle.Get(0).GetMasterKey(0);
                Array.Copy(k.Key, 0, _tek, 0, k.KeyLength);
                Array.Copy(k.Salt, 0, _tek, k.KeyLength, k.SaltLength);
                _offerer.SetTek(_tek, 0, k.KeyLength + k.SaltLength);
                SecureMemory.Wipe(_tek);
                KeyStatus = _offerer.WriteOffer(_offer, 0, _offer.Length);
                _offerer.ClearTek();
                if (KeyStatus != MikeyExchangeStatus.Ok) return RtspClientStatus.OfferFailed;
                _offerLength = _offerer.OfferLength;
            }

            _connection.Begin(RtspMethod.Setup, _setupUri);
            RtspMessageWriter w = _connection.Writer;
            // RFC 2326 §12.39 with RTP/SAVP (RFC 4567 §3.2, as GStreamer writes it); record adds mode=record (§10.11).
            RtspTransport t = _transport;
            t.Clear();
            t.Profile = RtspTransportProfile.Savp;
            t.ClientRtpPort = _rtp.LocalPort;
            t.ClientRtcpPort = _rtcp.LocalPort;
            t.IsRecord = _mode == RtspClientMode.Record;
            w.BeginHeader(RtspHeaderName.Transport);
            t.AppendTo(w);
            w.EndHeader();
            // RFC 4567 §3.2: our key (record: the SDP's key again, GStreamer keys its srtpdec per SSRC from the SETUP;
            // play: the key of our SRTCP).
            w.Header(RtspHeaderName.KeyMgmt, RtspKeyMgmtHeader.Format(_setupUri, _offer, 0, _offerLength, true));
            State = RtspClientState.SettingUp;
            return _connection.Send(null, 0, nowMicros) ? RtspClientStatus.None : _connection.Failure;
        }

        private RtspClientStatus ReadKeyMgmtHeader(RtspResponseReader r)
        {
            string text = r.Text(r.KeyMgmtOffset, r.KeyMgmtLength);
            if (!_keyMgmt.Parse(text) || !_keyMgmt.IsMikey) return RtspClientStatus.KeyMgmtMalformed;
            if (Base64.GetDecodedLength(text, _keyMgmt.DataStart, _keyMgmt.DataLength) > MaxMikeyLength) return RtspClientStatus.KeyMgmtMalformed;
            int n = _keyMgmt.DecodeData(_mikey, 0);
            return n <= 0 ? RtspClientStatus.KeyMgmtMalformed : AcceptServerKey(n);
        }

        private RtspClientStatus ReadDescription(RtspResponseReader r)
        {
            if (r.BodyLength == 0) return RtspClientStatus.SdpUnusable;
            string sdp = r.Text(r.BodyOffset, r.BodyLength);
            if (!_sdpAudio.Read(sdp)) return RtspClientStatus.SdpUnusable;
            // RFC 4567 §3.1: a media-level key-mgmt overrides a session-level one.
            _sdpKey.Reset(sdp);
            bool found = false;
            int start = 0, length = 0;
            while (_sdpKey.FindNext())
            {
                if (!_sdpKey.IsMikey) continue;
                if (_sdpKey.MediaIndex == _sdpAudio.MediaIndex || (_sdpKey.MediaIndex < 0 && !found))
                {
                    found = true;
                    start = _sdpKey.DataStart;
                    length = _sdpKey.DataLength;
                    if (_sdpKey.MediaIndex >= 0) break;
                }
            }

            if (!found) return RtspClientStatus.KeyMgmtMissing;
            int decoded = Base64.GetDecodedLength(sdp, start, length);
            if (decoded <= 0 || decoded > MaxMikeyLength) return RtspClientStatus.KeyMgmtMalformed;
            int n = Base64.Decode(sdp, start, length, _mikey, 0);
            if (n <= 0) return RtspClientStatus.KeyMgmtMalformed;
            RtspClientStatus s = AcceptServerKey(n);
            if (s != RtspClientStatus.None) return s;

            // RFC 2326 C.1.1: a=control is relative to Content-Base (else the request URI); the aggregate is the base.
            string baseUri = r.ContentBaseLength > 0 ? r.Text(r.ContentBaseOffset, r.ContentBaseLength) : _uri;
            _aggregate = baseUri;
            _setupUri = Resolve(baseUri, _sdpAudio.Control!);
            return RtspClientStatus.None;
        }

        // The server's MIKEY: its stream's (play) or its SRTCP's (record) key; nothing changes unless every check passes.
        private RtspClientStatus AcceptServerKey(int length)
        {
            KeyStatus = _responder.Respond(_mikey, 0, length, _answer, 0, _answer.Length);
            if (KeyStatus != MikeyExchangeStatus.Ok || _responder.Bundle.Count == 0) return RtspClientStatus.KeyRejected;
            CryptoSession cs = _responder.Bundle.Get(0);
            if (cs.Ssrc == 0 || cs.Ssrc == Ssrc) return RtspClientStatus.KeyRejected;
            ServerSsrc = cs.Ssrc;
            _rx = cs.CreateSrtpContext(SrtpDirection.Inbound, _aes, _responder.Minimum);
            _responder.Bundle.Clear(); // the context holds its own copy
            return RtspClientStatus.None;
        }

        private string RecordSdp()
        {
            // RFC 4566 with RFC 4567 §3.1's media-level key; GStreamer's rtspclientsink writes the same shape.
            return "v=0\r\no=- " + Ssrc.ToString() + " 1 IN IP4 0.0.0.0\r\ns=nanoMikey\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
                + "m=audio 0 RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\na=control:stream=0\r\n"
                + SdpKeyMgmt.Format(_offer, 0, _offerLength) + "\r\na=sendonly\r\n";
        }

        private static string Resolve(string baseUri, string control)
        {
            if (control.Length >= 7 && control.Substring(0, 7) == "rtsp://") return control;
            if (control == "*") return baseUri;
            // GStreamer (and the RFC's examples) treat the presentation URI as a directory: base "/" control.
            return baseUri.Length > 0 && baseUri[baseUri.Length - 1] == '/' ? baseUri + control : baseUri + "/" + control;
        }

        private RtspClientStatus Fail(RtspClientStatus status)
        {
            Failure = status;
            End(RtspClientState.Failed, 0);
            return status;
        }

        private void End(RtspClientState state, long nowMicros)
        {
            if (_media.Active) _media.Stop(nowMicros);
            WipeKeys();
            _connection.Close();
            State = state;
        }

        private void WipeKeys()
        {
            if (_tx != null) _tx.Clear();
            if (_rx != null) _rx.Clear();
            _tx = null;
            _rx = null;
            _offerer.Reset();
        }
    }
}
