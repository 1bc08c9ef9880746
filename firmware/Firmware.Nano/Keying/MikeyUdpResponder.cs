using System;
using NanoMikey.Crypto;
using NanoMikey.Firmware.Runtime;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Firmware.Keying
{
    /// <summary>
    /// The responder's side of MIKEY directly over UDP (RFC 3830 §7, port 2269): answers every I_MESSAGE with the mode its
    /// HDR data type names (PSK/NULL 0, ECIES 2, ECDH-SIGN 4, ECMQV 241; docs/ecc-profile.md), among the modes the device
    /// accepts (<see cref="Accept"/>). A retransmitted copy of an I_MESSAGE it completed is answered from a cache of the last
    /// answer per peer and never reaches the mode again (whose replay cache would refuse it, RFC 3830 §5.4).
    /// </summary>
    /// <remarks>
    /// <para>What gets an answer: a completed exchange gets the mode's answer (none for PSK/ECIES/ECMQV without the V flag);
    /// a refused one the mode's error message (RFC 3830 §5.1.2); an initiator message of a mode not accepted here (or of one
    /// this implementation lacks) an error message with Invalid DT, and a DH-SIGN offer with a classic DH payload instead of
    /// ECCPT one with Invalid DH (only the P-256 ECCPT form is implemented). Nothing answers a datagram whose HDR cannot be
    /// read, nor a responder or error message (answering those could loop two devices).</para>
    /// <para>The cache keeps <c>cacheEntries</c> entries of one peer each for <see cref="DuplicateWindowMicros"/> (default
    /// <see cref="DefaultDuplicateWindowMicros"/>, twice the initiator's default timeout, so every retransmission of a
    /// running exchange hits it). Only completed exchanges enter it; a peer's next completed exchange replaces its entry, so
    /// an old I_MESSAGE replayed after a newer one goes to the mode and is refused as a replay. Replayed within the window
    /// before any newer exchange, it gets the same answer again: no new keys and nothing the first answer did not show.</para>
    /// <para>Allocation: buffers come from the constructor; cache entries grow to fit the first answers and are reused, so
    /// steady-state traffic of one shape allocates nothing here (what the modes allocate is theirs to document).</para>
    /// </remarks>
    [HotPath]
    public sealed class MikeyUdpResponder : IDeviceTask
    {
        /// <summary>The port IANA registered for MIKEY sent directly over UDP or TCP (RFC 3830 §7: MIKEY over a transport of its own).</summary>
        public const int Port = 2269;

        /// <summary>Default life of a cached answer: 64 s.</summary>
        public const long DefaultDuplicateWindowMicros = 64000000;

        private readonly IDatagramSocket _socket;
        private readonly IMikeyClock _clock;
        private readonly DatagramInbox _inbox;
        private readonly byte[] _receive;
        private readonly byte[] _answer;
        private readonly AnswerCache _cache;
        private readonly MikeyReader _reader = new MikeyReader();
        private readonly MikeyWriter _writer = new MikeyWriter();
        private PskResponder? _psk;
        private EcdhSignResponder? _ecdhSign;
        private EciesResponder? _ecies;
        private EcmqvResponder? _ecmqv;

        /// <summary>Creates the task over a socket the caller has bound (to <see cref="Port"/> on a device).</summary>
        /// <param name="socket">The bound UDP socket; used by this task alone.</param>
        /// <param name="clock">The local clock (timestamps of the error messages written here).</param>
        /// <param name="maxMessageLength">Room for a received I_MESSAGE and for an answer (an ECC message with one certificate is ~700 bytes).</param>
        /// <param name="cacheEntries">Peers whose last answer is kept (1 to 64; each entry holds one I_MESSAGE and its answer).</param>
        public MikeyUdpResponder(IDatagramSocket socket, IMikeyClock clock, int maxMessageLength, int cacheEntries)
        {
            if (socket == null || clock == null) throw new ArgumentNullException();
            if (maxMessageLength < 64 || maxMessageLength > 65507 || cacheEntries < 1 || cacheEntries > 64) throw new ArgumentOutOfRangeException();
            _socket = socket;
            _clock = clock;
            _inbox = new DatagramInbox(socket, maxMessageLength);
            _receive = _inbox.Buffer;
            _answer = new byte[maxMessageLength];
            _cache = new AnswerCache(cacheEntries);
            _cache.WindowMicros = DefaultDuplicateWindowMicros;
        }

        /// <summary>How long a completed exchange's answer is repeated for duplicates, in µs.</summary>
        public long DuplicateWindowMicros
        {
            get { return _cache.WindowMicros; }
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException();
                _cache.WindowMicros = value;
            }
        }

        /// <summary>The modes accepted (those given to <see cref="Accept"/>; NULL rides on the PSK responder's AcceptNullMode).</summary>
        public MikeyMode Modes { get; private set; }

        /// <summary>
        /// Accepts a mode with its responder: <see cref="MikeyMode.Psk"/> a <see cref="PskResponder"/>,
        /// <see cref="MikeyMode.EcdhSign"/> an <see cref="EcdhSignResponder"/>, <see cref="MikeyMode.Ecies"/> an
        /// <see cref="EciesResponder"/>, <see cref="MikeyMode.Ecmqv"/> an <see cref="EcmqvResponder"/>. Responders may
        /// share one replay cache.
        /// </summary>
        /// <param name="mode">One mode.</param>
        /// <param name="responder">Its responder, configured (keys, credentials, trust).</param>
        public void Accept(MikeyMode mode, MikeyResponder responder)
        {
            if (responder == null) throw new ArgumentNullException();
            if (mode == MikeyMode.Psk && responder is PskResponder) _psk = (PskResponder)responder;
            else if (mode == MikeyMode.EcdhSign && responder is EcdhSignResponder) _ecdhSign = (EcdhSignResponder)responder;
            else if (mode == MikeyMode.Ecies && responder is EciesResponder) _ecies = (EciesResponder)responder;
            else if (mode == MikeyMode.Ecmqv && responder is EcmqvResponder) _ecmqv = (EcmqvResponder)responder;
            else throw new ArgumentException();
            Modes |= mode;
        }

        /// <summary>Exchanges completed.</summary>
        public int CompletedCount { get; private set; }

        /// <summary>
        /// The keys of the last completed exchange: that responder's bundle, valid until its next exchange completes (copy it,
        /// or set up the SRTP contexts, before then). Null before the first.
        /// </summary>
        public CryptoSessionBundle? LastBundle { get; private set; }

        /// <summary>The initiator's IPv4 address in the last completed exchange.</summary>
        public uint LastPeerAddress { get; private set; }

        /// <summary>The initiator's port in the last completed exchange.</summary>
        public int LastPeerPort { get; private set; }

        /// <summary>The mode of the last completed exchange.</summary>
        public MikeyMode LastMode { get; private set; }

        /// <summary>Datagrams received (whole ones; truncated ones count under <see cref="Ignored"/> only).</summary>
        public int MessagesReceived { get; private set; }

        /// <summary>Duplicates of a completed I_MESSAGE answered from the cache.</summary>
        public int Duplicates { get; private set; }

        /// <summary>I_MESSAGEs refused (by the mode, or for a mode not accepted).</summary>
        public int Rejected { get; private set; }

        /// <summary>Datagrams dropped without an answer: truncated, HDR unreadable, or a responder/error message.</summary>
        public int Ignored { get; private set; }

        /// <summary>Answers and error messages sent.</summary>
        public int AnswersSent { get; private set; }

        /// <summary>The status of the last I_MESSAGE handled by a mode, or UnexpectedMessage for a mode not accepted.</summary>
        public MikeyExchangeStatus LastStatus { get; private set; }

        /// <summary>The MIKEY error code of the last refusal (the one its error message carried).</summary>
        public ErrorCode LastErrorCode { get; private set; }

        /// <inheritdoc/>
        public long NextDueMicros
        {
            get { return long.MaxValue; }
        }

        /// <inheritdoc/>
        public void Run(long nowMicros)
        {
            DatagramInbox d = _inbox;
            for (int n = 0; n < DatagramInbox.MaxPerRun; n++)
            {
                DatagramStatus r = d.Next();
                if (r == DatagramStatus.WouldBlock) break;
                if (r == DatagramStatus.NetworkError) continue;
                if (r != DatagramStatus.Ok)
                {
                    Ignored++; // truncated
                    continue;
                }

                MessagesReceived++;
                Handle(d.Length, d.Address, d.Port, nowMicros);
            }
        }

        private void Handle(int length, uint address, int port, long nowMicros)
        {
            int hit = _cache.Find(address, port, _receive, length, nowMicros);
            if (hit >= 0)
            {
                // A retransmission of a completed exchange: the same answer again, the mode never sees it.
                Duplicates++;
                Send(_cache.Answer(hit), _cache.AnswerLength(hit), address, port);
                return;
            }

            if (_reader.Reset(_receive, 0, length) != MikeyStatus.Ok)
            {
                Ignored++;
                return;
            }

            CommonHeader hdr = _reader.Header;
            DataType dt = hdr.DataType;
            MikeyResponder? responder = null;
            MikeyMode mode = MikeyMode.None;
            if (dt == DataType.PreShared)
            {
                responder = _psk;
                mode = MikeyMode.Psk;
            }
            else if (dt == DataType.PublicKey)
            {
                responder = _ecies;
                mode = MikeyMode.Ecies;
            }
            else if (dt == DataType.DhInit)
            {
                if (HasClassicDh())
                {
                    Refuse(ErrorCode.InvalidDh, address, port);
                    return;
                }

                responder = _ecdhSign;
                mode = MikeyMode.EcdhSign;
            }
            else if (dt == EccProfileValues.EcmqvInitDataType)
            {
                responder = _ecmqv;
                mode = MikeyMode.Ecmqv;
            }
            else if (IsAnswer(dt))
            {
                Ignored++;
                return;
            }

            if (responder == null)
            {
                Refuse(ErrorCode.InvalidDt, address, port);
                return;
            }

            MikeyExchangeStatus s = responder.Respond(_receive, 0, length, _answer, 0, _answer.Length);
            LastStatus = s;
            if (s != MikeyExchangeStatus.Ok)
            {
                Rejected++;
                LastErrorCode = responder.ErrorCode;
                Send(_answer, responder.AnswerLength, address, port);
                return;
            }

            CompletedCount++;
            LastBundle = responder.Bundle;
            LastPeerAddress = address;
            LastPeerPort = port;
            LastMode = mode;
            _cache.Store(address, port, _receive, length, _answer, responder.AnswerLength, nowMicros);
            Send(_answer, responder.AnswerLength, address, port);
        }

        // A DH-SIGN offer carrying a DH payload (RFC 3830 §3.3 with a MODP group) rather than ECCPT.
        private bool HasClassicDh()
        {
            while (_reader.Read() == MikeyStatus.Ok)
            {
                if (_reader.PayloadType == PayloadType.Dh) return true;
                if (_reader.PayloadType == PayloadType.Eccpt) return false;
            }

            return false;
        }

        // Responder and error messages (RFC 3830 §6.1 table 6.1.a; 242 the ECMQV verification message).
        private static bool IsAnswer(DataType dt)
        {
            return dt == DataType.PskVerification || dt == DataType.PkVerification || dt == DataType.DhResponse || dt == DataType.Error
                || dt == DataType.DhHmacResponse || dt == DataType.RsaRResponse || dt == DataType.RequestResponse || dt == DataType.TransferResponse
                || dt == DataType.ResolveResponse || dt == DataType.RequestKeyResponse || dt == DataType.RMessage1 || dt == DataType.RMessage2
                || dt == EccProfileValues.EcmqvVerificationDataType;
        }

        // Error message (RFC 3830 §5.1.2): HDR with the offer's PRF and CSB ID, a fresh T, ERR.
        private void Refuse(ErrorCode code, uint address, int port)
        {
            Rejected++;
            LastStatus = MikeyExchangeStatus.UnexpectedMessage;
            LastErrorCode = code;
            CommonHeader hdr = _reader.Header;
            MikeyWriter w = _writer;
            w.Reset(_answer, 0, _answer.Length);
            w.WriteHeader(DataType.Error, false, hdr.PrfFunction, hdr.CsbId, CsIdMapType.SrtpId);
            w.WriteTimestamp(TimestampType.NtpUtc, _clock.NtpNow);
            w.WriteError(code);
            if (w.Finish() == MikeyStatus.Ok) Send(_answer, w.Length, address, port);
        }

        private void Send(byte[] buffer, int length, uint address, int port)
        {
            if (length <= 0 || port == 0) return;
            if (_socket.SendTo(buffer, 0, length, address, port) == DatagramStatus.Ok) AnswersSent++;
        }
    }
}
