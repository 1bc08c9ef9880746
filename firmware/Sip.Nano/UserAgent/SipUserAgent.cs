using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Mikey.Session;
using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Auth;
using NanoMikey.Sip.Dialog;
using NanoMikey.Sip.Message;
using NanoMikey.Sip.Sdp;
using NanoMikey.Sip.Transaction;

namespace NanoMikey.Sip.UserAgent
{
    /// <summary>
    /// A SIP user agent for one call at a time with MIKEY in SDP (RFC 3261 over UDP, RFC 4567, RFC 5197 §5), run on ticks
    /// like the device's tasks: <see cref="Run"/> never blocks, reads waiting datagrams, drives the transactions and the
    /// dialogs and says when it next has work. Caller: INVITE with our MIKEY offer, one early dialog and one MIKEY state per
    /// To-tag (forking, early media), the first 2xx wins, every 2xx is ACKed and the others are ended with BYE, 3xx is
    /// followed with a new offer built for the new target, an answer without MIKEY ends the call (never media in clear).
    /// Callee: INVITE answered 100, then 183 with the SDP answer (or 180), then 200 after a delay or on
    /// <see cref="Answer"/>; a second call while one is in progress is answered 486, a full transaction table 503, an
    /// offer the MIKEY answerer refuses (a replayed INVITE) 488 with a Warning. Memory is fixed at construction (tables of
    /// dialogs and transactions); signalling may allocate a few strings per message, media never runs here.
    /// </summary>
    public sealed partial class SipUserAgent
    {
        private const string ApplicationSdp = "application/sdp";

        // RFC 3261 §17.1.1.1: T1 and T2 drive the 2xx retransmission of the callee's core (§13.3.1.4).
        private const long T1Micros = 500000;
        private const long T2Micros = 4000000;

        private readonly IDatagramSocket _socket;
        private readonly SipUserAgentOptions _options;
        private readonly IEntropySource _random;
        private readonly ISipCalleeKeying? _answerer;
        private readonly byte[] _receiveBuffer = new byte[SipLimits.MaxDatagram];
        private readonly byte[] _sendBuffer = new byte[SipLimits.MaxDatagram];
        private readonly SipMessageReader _reader = new SipMessageReader();
        private readonly SipMessageWriter _writer;
        private readonly SipTransactionTable _transactions;
        private readonly SipDialogTable _dialogs;
        private readonly SipSocketSender _sender;
        private readonly SipTokenGenerator _tokens;
        private readonly byte[] _randomBytes = new byte[4];
        private readonly bool[] _keyed;
        private readonly bool[] _byeSent;
        private readonly uint[] _forkAddress;
        private readonly int[] _forkPort;
        private readonly SdpOfferWriter _sdpWriter = new SdpOfferWriter();
        private readonly SdpSessionReader _sdpReader = new SdpSessionReader();
        private uint _sdpSession;
        private uint _sdpVersion;
        private int _receivedLength;
        private readonly SipHostPort _hostPort = new SipHostPort();

        /// <summary>Creates a user agent on a bound UDP socket; nothing is sent before <see cref="Register"/> or <see cref="Call"/>.</summary>
        /// <param name="socket">The bound UDP socket for SIP (its local port goes into Via and Contact).</param>
        /// <param name="options">Identity, media address and the table bounds (read now).</param>
        /// <param name="random">Entropy for tags, Call-IDs and branches (RFC 3261 §19.3: cryptographically random tags).</param>
        /// <param name="answerer">Answers the MIKEY offers of incoming calls; null refuses every incoming INVITE with 488.</param>
        public SipUserAgent(IDatagramSocket socket, SipUserAgentOptions options, IEntropySource random, ISipCalleeKeying? answerer)
        {
            if (socket == null || options == null || random == null) throw new ArgumentNullException();
            options.Check();
            _socket = socket;
            _options = options;
            _random = random;
            _answerer = answerer;
            _writer = new SipMessageWriter(_sendBuffer, 0, _sendBuffer.Length);
            _sender = new SipSocketSender(socket);
            _transactions = new SipTransactionTable(options.MaxTransactions, options.MaxTransactions, SipLimits.MaxDatagram, _sender);
            _tokens = new SipTokenGenerator(random);
            _dialogs = new SipDialogTable(options.MaxDialogs);
            _keyed = new bool[options.MaxDialogs];
            _byeSent = new bool[options.MaxDialogs];
            _forkAddress = new uint[options.MaxDialogs];
            _forkPort = new int[options.MaxDialogs];
            Registration = new SipRegistration(this);
            _contact = "<sip:" + IPv4.ToText(options.LocalAddress) + ":" + socket.LocalPort.ToString() + ">";
            _via = "SIP/2.0/UDP " + IPv4.ToText(options.LocalAddress) + ":" + socket.LocalPort.ToString();
        }

        private readonly string _contact;
        private readonly string _via;

        /// <summary>The registration with the registrar (<see cref="Register"/>).</summary>
        public SipRegistration Registration { get; private set; }

        /// <summary>The dialogs (early ones of a forked call included).</summary>
        public SipDialogTable Dialogs
        {
            get { return _dialogs; }
        }

        /// <summary>Where the call is.</summary>
        public SipCallState CallState { get; private set; }

        /// <summary>Why the call failed (<see cref="SipCallFailure.None"/> unless <see cref="CallState"/> is Failed).</summary>
        public SipCallFailure LastFailure { get; private set; }

        /// <summary>The status code of the last final answer to our INVITE, or of our final answer to the peer's (0 before one).</summary>
        public int LastStatusCode { get; private set; }

        /// <summary>The outcome of the last MIKEY step (our offer, an answer read, an offer answered).</summary>
        public SipKeyOutcome KeyStatus { get; private set; }

        /// <summary>True when we placed the call (caller), false when we answer it.</summary>
        public bool IsCaller { get; private set; }

        /// <summary>The dialog of the established call (the winner of a forked call), or null.</summary>
        public SipDialog? ActiveDialog { get; private set; }

        /// <summary>The keys of the established call (the winner's MIKEY crypto sessions), or null before it is up and after it ends.</summary>
        public CryptoSessionBundle? ActiveCallKeys { get; private set; }

        /// <summary>The peer's RTP address from its SDP (c= line), 0 before one was read.</summary>
        public uint RemoteMediaAddress { get; private set; }

        /// <summary>The peer's RTP port from its SDP (m=audio line), 0 before one was read.</summary>
        public int RemoteMediaPort { get; private set; }

        /// <summary>The transactions (their timers can be shortened through <see cref="SipTransactionTable.Timers"/>).</summary>
        public SipTransactionTable Transactions
        {
            get { return _transactions; }
        }

        /// <summary>Requests and responses dropped as unreadable (RFC 3261 §18.3: malformed datagrams are discarded).</summary>
        public uint Malformed { get; private set; }

        /// <summary>Incoming INVITEs refused because a call is in progress (486) or the transaction table was full (503).</summary>
        public uint Refused { get; private set; }

        /// <summary>Incoming INVITEs refused because their MIKEY offer was (a replay, a bad MAC, a policy refusal: 488).</summary>
        public uint KeyRefusals { get; private set; }

        /// <summary>When <see cref="Run"/> next has work without new input.</summary>
        public long NextDueMicros
        {
            get
            {
                long next = _transactions.NextDueMicros;
                long r = Registration.NextDueMicros;
                if (r < next) next = r;
                if (_answerAt < next) next = _answerAt;
                return next;
            }
        }

        /// <summary>Does what is due: reads every waiting datagram, runs the transactions' timers, answers, refreshes.</summary>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void Run(long nowMicros)
        {
            for (int i = 0; i < 32; i++)
            {
                int n;
                uint address;
                int port;
                DatagramStatus s = _socket.ReceiveFrom(_receiveBuffer, 0, _receiveBuffer.Length, out n, out address, out port);
                if (s == DatagramStatus.WouldBlock || s == DatagramStatus.NotBound || s == DatagramStatus.Closed || s == DatagramStatus.NetworkError) break;
                if (s != DatagramStatus.Ok)
                {
                    Malformed++; // RFC 3261 §18.3: a datagram cut short is not a whole message
                    continue;
                }

                Receive(n, address, port, nowMicros);
            }

            _transactions.Run(nowMicros);
            CheckTransactions(nowMicros);
            Registration.Run(nowMicros);
            if (nowMicros >= _answerAt) AnswerNow(nowMicros);
        }

        private void Receive(int length, uint address, int port, long nowMicros)
        {
            _receivedLength = length;
            SipReadStatus status = _reader.Read(_receiveBuffer, 0, length);
            if (status != SipReadStatus.Ok)
            {
                Malformed++;
                return;
            }

            if (_reader.IsRequest) ReceiveRequest(address, port, nowMicros);
            else ReceiveResponse(nowMicros);
        }

        private void ReceiveResponse(long nowMicros)
        {
            // RFC 3261 §17.1.3: the transaction layer first; a retransmitted final is absorbed there (and re-ACKed).
            SipClientTransaction? t;
            SipReceiveResult r = _transactions.ReceiveResponse(_reader, nowMicros, out t);
            if (r == SipReceiveResult.Absorbed) return;
            if (Registration.Owns(_reader))
            {
                if (r == SipReceiveResult.PassToUser) Registration.OnResponse(t!, _reader, nowMicros);
                return;
            }

            // RFC 3261 §13.2.2.4: a 2xx that matches no transaction (Timer M ran out) still reaches the core to be ACKed.
            if (_reader.CSeqMethod == SipMethod.Invite) OnInviteResponse(r == SipReceiveResult.PassToUser ? t : null, nowMicros);
        }

        private void ReceiveRequest(uint address, int port, long nowMicros)
        {
            SipServerTransaction? t;
            SipReceiveResult r = _transactions.ReceiveRequest(_reader, address, port, nowMicros, out t);
            switch (r)
            {
                case SipReceiveResult.Absorbed:
                    return;
                case SipReceiveResult.NoBranch:
                    Malformed++; // an RFC 2543 peer: not supported
                    return;
                case SipReceiveResult.PassToUser:
                case SipReceiveResult.NoMatch:
                    if (_reader.Method == SipMethod.Ack) OnAck(nowMicros);
                    return;
                case SipReceiveResult.TableFull:
                    // RFC 3261 §21.5.4: no transaction slot: 503 statelessly, retry later.
                    if (_reader.Method == SipMethod.Ack) return;
                    if (_reader.Method == SipMethod.Invite) Refused++;
                    BeginResponse(503, "Service Unavailable", _tokens.NewTag());
                    _writer.Header(SipHeaderName.RetryAfter, "5");
                    _writer.EndNoBody();
                    SendRaw(address, port);
                    return;
            }

            switch (_reader.Method)
            {
                case SipMethod.Invite:
                    OnInvite(t!, address, port, nowMicros);
                    break;
                case SipMethod.Cancel:
                    OnCancel(t!, nowMicros);
                    break;
                case SipMethod.Bye:
                    OnBye(t!, nowMicros);
                    break;
                case SipMethod.Options:
                    Respond(t!, 200, "OK", nowMicros);
                    break;
                default:
                    // RFC 3261 §8.2.1: a method we do not support is 405 with Allow.
                    BeginResponse(405, "Method Not Allowed", null);
                    _writer.Header(SipHeaderName.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS");
                    _writer.EndNoBody();
                    SendThrough(t!, nowMicros);
                    break;
            }
        }

        /// <summary>Registers our Contact at <paramref name="registrarUri"/> (RFC 3261 §10), refreshed until <see cref="SipRegistration.Stop"/>.</summary>
        /// <param name="registrarUri">The registrar's URI (an IPv4 host, or sent to the outbound proxy).</param>
        /// <param name="expiresSeconds">The expiry asked for, in seconds.</param>
        /// <param name="credentials">Digest credentials for a challenge, or null.</param>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void Register(string registrarUri, int expiresSeconds, DigestCredentials? credentials, long nowMicros)
        {
            Registration.Start(registrarUri, expiresSeconds, credentials, nowMicros);
        }

        /// <summary>Ends the call from our side: CANCEL while our INVITE is unanswered, BYE once up, 486/603 to a ringing call.</summary>
        /// <param name="nowMicros">The monotonic tick.</param>
        public void Hangup(long nowMicros)
        {
            if (IsCaller) HangupCaller(nowMicros);
            else HangupCallee(nowMicros);
        }

        /// <summary>Forgets an ended or failed call so a new one can start (keys were wiped when it ended).</summary>
        public void Reset()
        {
            if (CallState != SipCallState.Ended && CallState != SipCallState.Failed && CallState != SipCallState.Idle) return;
            ClearCall();
            CallState = SipCallState.Idle;
            LastFailure = SipCallFailure.None;
        }

        // ---- shared helpers --------------------------------------------------------------------------------------------

        internal SipMessageWriter Writer
        {
            get { return _writer; }
        }

        internal SipUserAgentOptions Options
        {
            get { return _options; }
        }

        internal string ContactHeader
        {
            get { return _contact; }
        }

        /// <summary>A fresh tag (RFC 3261 §19.3).</summary>
        internal string NewToken()
        {
            return _tokens.NewTag();
        }

        /// <summary>A random number below 2^31 (first CSeq of a dialog, RFC 3261 §8.1.1.5; SDP session id).</summary>
        internal uint RandomBelow2To31()
        {
            _random.GetEntropy(_randomBytes, 0, 4);
            return (((uint)_randomBytes[0] << 24) | ((uint)_randomBytes[1] << 16) | ((uint)_randomBytes[2] << 8) | _randomBytes[3]) & 0x7FFFFFFF;
        }

        /// <summary>A fresh Call-ID at our address (RFC 3261 §8.1.1.4).</summary>
        internal string NewCallId()
        {
            return _tokens.NewCallId(IPv4.ToText(_options.LocalAddress));
        }

        /// <summary>Our Via with a new branch (RFC 3261 §8.1.1.7: the magic cookie; rport, RFC 3581).</summary>
        internal string NewVia(out string branch)
        {
            branch = _tokens.NewBranch();
            return _via + ";branch=" + branch + ";rport";
        }

        internal void WriteCommon(string via, string from, string to, string callId, uint cseq, SipMethod method)
        {
            _writer.Header("Via", via);
            _writer.HeaderUInt("Max-Forwards", (uint)_options.MaxForwards);
            _writer.Header("From", from);
            _writer.Header("To", to);
            _writer.Header("Call-ID", callId);
            _writer.HeaderCSeq(cseq, method);
            if (_options.UserAgentName.Length > 0) _writer.Header("User-Agent", _options.UserAgentName);
        }

        /// <summary>Starts a client transaction for the request just written (it keeps its own copy and retransmits it).</summary>
        internal SipClientTransaction? StartClient(uint address, int port, long nowMicros)
        {
            if (_writer.Failed) return null;
            SipClientTransaction? t;
            return _transactions.StartClient(_sendBuffer, 0, _writer.Length, address, port, nowMicros, out t) == SipStartStatus.Ok ? t : null;
        }

        /// <summary>Where an out-of-dialog request for <paramref name="uri"/> goes: the outbound proxy, else the URI's IPv4 host.</summary>
        internal bool Destination(string uri, out uint address, out int port)
        {
            if (_options.OutboundProxyAddress != 0)
            {
                address = _options.OutboundProxyAddress;
                port = _options.OutboundProxyPort != 0 ? _options.OutboundProxyPort : 5060;
                return true;
            }

            return _hostPort.TryParse(uri, out address, out port);
        }

        /// <summary>Where a request in <paramref name="dialog"/> goes (RFC 3261 §12.2.1.1: the first route, else the remote target).</summary>
        private bool DialogDestination(SipDialog dialog, out uint address, out int port)
        {
            if (_hostPort.TryParse(dialog.NextHopUri, out address, out port)) return true;
            return Destination(dialog.NextHopUri, out address, out port);
        }

        private void WriteRoutes(SipDialog dialog)
        {
            for (int i = 0; i < dialog.RouteHeaderCount; i++) _writer.Header("Route", dialog.RouteHeader(i));
        }

        private bool SendRaw(uint address, int port)
        {
            if (_writer.Failed) return false;
            return _socket.SendTo(_sendBuffer, 0, _writer.Length, address, port) == DatagramStatus.Ok;
        }

        private static string Tagged(string uri, string tag)
        {
            return tag.Length == 0 ? "<" + uri + ">" : "<" + uri + ">;tag=" + tag;
        }

        private string LocalSdp(string mikeyBase64)
        {
            uint media = _options.MediaAddress != 0 ? _options.MediaAddress : _options.LocalAddress;
            // RFC 3264 §8: a new offer or answer in the session has a higher o= version.
            _sdpVersion++;
            return _sdpWriter.Write(_sdpSession, _sdpVersion, media, _options.MediaPort, mikeyBase64);
        }

        // Reads the peer's SDP: its a=key-mgmt:mikey data (null when there is none); the media address and port stay in the
        // reader until TakeRemoteMedia. RTP/AVP (media in clear) is not usable: RFC 5197 §5 asks to fail secure.
        private bool ReadRemoteSdp(string body, out string? mikey)
        {
            mikey = null;
            if (_sdpReader.Read(body) != SdpReadStatus.Ok || _sdpReader.AudioPort <= 0 || _sdpReader.ConnectionAddress == 0) return false;
            mikey = _sdpReader.HasMikey ? _sdpReader.MikeyData : null;
            if (mikey != null && _sdpReader.Profile != SdpMediaProfile.RtpSavp) return false;
            return true;
        }

        // The media address of the SDP last read, once its key was accepted.
        private void TakeRemoteMedia()
        {
            RemoteMediaAddress = _sdpReader.ConnectionAddress;
            RemoteMediaPort = _sdpReader.AudioPort;
        }

        private void Fail(SipCallFailure failure)
        {
            LastFailure = failure;
            EndCall(SipCallState.Failed);
        }

        private void EndCall(SipCallState state)
        {
            WipeKeys();
            for (int i = 0; i < _dialogs.Capacity; i++)
            {
                SipDialog d = _dialogs.Get(i);
                if (d.State != SipDialogState.Free) d.Terminate();
            }

            _answerAt = long.MaxValue;
            CallState = state;
        }

        private void WipeKeys()
        {
            if (ActiveCallKeys != null) ActiveCallKeys.Clear();
            ActiveCallKeys = null;
            if (_offer != null) _offer.Reset();
            if (_answerer != null) _answerer.Clear();
        }

        private void ClearCall()
        {
            _dialogs.Clear();
            ActiveDialog = null;
            _invite = null;
            _incoming = null;
            _offer = null;
            _redirects = 0;
            RemoteMediaAddress = 0;
            RemoteMediaPort = 0;
            LastStatusCode = 0;
        }
    }
}
