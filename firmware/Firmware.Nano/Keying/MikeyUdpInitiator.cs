using System;
using NanoMikey.Crypto;
using NanoMikey.Firmware.Runtime;
using NanoMikey.Mikey.Ecc.Offers;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Firmware.Keying
{
    /// <summary>
    /// The initiator's side of MIKEY directly over UDP (RFC 3830 §7; port 2269 is the responder's): <see cref="Start"/> writes
    /// the I_MESSAGE once and sends it; <see cref="Run"/> retransmits the same bytes with exponential back-off until an
    /// answer is accepted or the exchange times out. Only datagrams from the peer's address and port reach the mode; any
    /// that the mode rejects (unparseable, forged, for another exchange) are counted and the wait goes on.
    /// </summary>
    /// <remarks>
    /// <para>Defaults, and why (all settable before <see cref="Start"/>): the first retransmission after
    /// <see cref="DefaultInitialRetransmitMicros"/> (250 ms: a LAN round trip plus a PSK responder's work, a few ms even on
    /// the ESP32, so a lost datagram costs a quarter second), doubling up to <see cref="DefaultMaxRetransmitMicros"/> (4 s:
    /// an ESP32 responder of ECDH-SIGN works for ~9 s by docs/device.md's projection — two signature checks, an ephemeral
    /// key, ECDH, a signature — and a cap keeps the duplicates that pile up meanwhile to a handful, each answered from the
    /// responder's cache), and an overall timeout of <see cref="DefaultTimeoutMicros"/> (32 s: that ~9 s of responder work
    /// plus the initiator's own ~6 s check of the answer, with room for several losses; it stays under the responder's
    /// duplicate window, <see cref="MikeyUdpResponder.DefaultDuplicateWindowMicros"/>, so every retransmission is still
    /// answered from its cache).</para>
    /// <para>An answer that fails verification never ends the exchange: anyone can send a datagram with the peer's address,
    /// and the genuine answer may still come. An error message is unauthenticated (RFC 3830 §5.1.2): it is recorded
    /// (<see cref="ReceivedError"/>) and shortens the wait to <see cref="ErrorGraceMicros"/> (default 2 s) from its arrival,
    /// so a genuine refusal (no PSK for us, clock out of skew) is reported in seconds, not after the full timeout, while a
    /// forged one sent alongside a genuine quick answer does not win the race. Set the grace to 0 to fail at the first error,
    /// or to at least the timeout to ignore errors.</para>
    /// <para>Without a verification request (PSK/ECIES/ECMQV with the V flag clear) the offer completes the exchange when it
    /// is sent: nothing tells a lost I_MESSAGE apart, so nothing is retransmitted. Over UDP, request verification.</para>
    /// <para>Allocation: buffers come from the constructor; <see cref="Start"/> and <see cref="Run"/> allocate nothing
    /// themselves (what the mode and the socket allocate is theirs to document).</para>
    /// </remarks>
    [HotPath]
    public sealed class MikeyUdpInitiator : IDeviceTask
    {
        /// <summary>Default first retransmission interval: 250 ms.</summary>
        public const long DefaultInitialRetransmitMicros = 250000;

        /// <summary>Default longest retransmission interval: 4 s.</summary>
        public const long DefaultMaxRetransmitMicros = 4000000;

        /// <summary>Default overall timeout from <see cref="Start"/>: 32 s.</summary>
        public const long DefaultTimeoutMicros = 32000000;

        /// <summary>Default wait after an error message: 2 s.</summary>
        public const long DefaultErrorGraceMicros = 2000000;

        private readonly IDatagramSocket _socket;
        private readonly byte[] _offer;
        private readonly DatagramInbox _inbox;
        private IMikeyOfferer? _offerer;
        private uint _peerAddress;
        private int _peerPort;
        private int _offerLength;
        private long _startMicros;
        private long _nextSendMicros;
        private long _deadlineMicros;
        private long _intervalMicros;
        private long _initialRetransmitMicros = DefaultInitialRetransmitMicros;
        private long _maxRetransmitMicros = DefaultMaxRetransmitMicros;
        private long _timeoutMicros = DefaultTimeoutMicros;
        private long _errorGraceMicros = DefaultErrorGraceMicros;

        /// <summary>Creates the task over a socket the caller has bound (any local port).</summary>
        /// <param name="socket">The bound UDP socket; used by this task alone.</param>
        /// <param name="maxMessageLength">Room for the offer and for a received answer (an ECC message with one certificate is ~700 bytes).</param>
        public MikeyUdpInitiator(IDatagramSocket socket, int maxMessageLength)
        {
            if (socket == null) throw new ArgumentNullException();
            if (maxMessageLength < 64 || maxMessageLength > 65507) throw new ArgumentOutOfRangeException();
            _socket = socket;
            _offer = new byte[maxMessageLength];
            _inbox = new DatagramInbox(socket, maxMessageLength);
        }

        /// <summary>First retransmission interval in µs (default <see cref="DefaultInitialRetransmitMicros"/>).</summary>
        public long InitialRetransmitMicros
        {
            get { return _initialRetransmitMicros; }
            set { _initialRetransmitMicros = AtLeast(value, 1); }
        }

        /// <summary>Longest retransmission interval in µs; each interval doubles up to it (default <see cref="DefaultMaxRetransmitMicros"/>).</summary>
        public long MaxRetransmitMicros
        {
            get { return _maxRetransmitMicros; }
            set { _maxRetransmitMicros = AtLeast(value, 1); }
        }

        /// <summary>Overall time from <see cref="Start"/> to give up, in µs (default <see cref="DefaultTimeoutMicros"/>).</summary>
        public long TimeoutMicros
        {
            get { return _timeoutMicros; }
            set { _timeoutMicros = AtLeast(value, 1); }
        }

        /// <summary>How long an error message leaves the exchange waiting for a genuine answer, in µs (default <see cref="DefaultErrorGraceMicros"/>).</summary>
        public long ErrorGraceMicros
        {
            get { return _errorGraceMicros; }
            set { _errorGraceMicros = AtLeast(value, 0); }
        }

        /// <summary>Where the exchange stands.</summary>
        public MikeyUdpExchangeState State { get; private set; }

        /// <summary>
        /// Ok once <see cref="MikeyUdpExchangeState.Completed"/>. Otherwise why not: the offer's status when it could not be
        /// written; InvalidState when the socket is closed; ErrorReceived when the peer's error message ended it; on a timeout
        /// the status of the last answer the mode rejected (AuthenticationFailed, Mismatch, Malformed...), or InvalidState when
        /// no datagram came from the peer at all.
        /// </summary>
        public MikeyExchangeStatus Result { get; private set; }

        /// <summary>The error code of the last error message from the peer (meaningful when <see cref="ErrorsReceived"/> &gt; 0).</summary>
        public ErrorCode ReceivedError { get; private set; }

        /// <summary>Error messages from the peer in this exchange.</summary>
        public int ErrorsReceived { get; private set; }

        /// <summary>Datagrams from the peer that the mode rejected, error messages not included.</summary>
        public int AnswersRejected { get; private set; }

        /// <summary>Datagrams not given to the mode: from another address or port, truncated, or outside an exchange.</summary>
        public int Ignored { get; private set; }

        /// <summary>Copies of the I_MESSAGE sent after the first.</summary>
        public int Retransmissions { get; private set; }

        /// <summary>Datagrams sent in this exchange (the offer and its retransmissions the socket took).</summary>
        public int MessagesSent { get; private set; }

        /// <summary>Datagrams from the peer's address and port received while waiting.</summary>
        public int MessagesReceived { get; private set; }

        /// <summary>Monotonic time from <see cref="Start"/> to completion, in µs (0 until completed).</summary>
        public long HandshakeMicros { get; private set; }

        /// <summary>The mode of the current exchange (<see cref="MikeyMode.None"/> before the first).</summary>
        public MikeyMode Mode
        {
            get { return _offerer == null ? MikeyMode.None : _offerer.Mode; }
        }

        /// <summary>The keys, once <see cref="MikeyUdpExchangeState.Completed"/>; null otherwise (never keys from an unfinished exchange).</summary>
        public CryptoSessionBundle? Bundle
        {
            get { return State == MikeyUdpExchangeState.Completed ? _offerer!.Bundle : null; }
        }

        /// <inheritdoc/>
        public long NextDueMicros
        {
            get
            {
                if (State != MikeyUdpExchangeState.Waiting) return long.MaxValue;
                return _nextSendMicros < _deadlineMicros ? _nextSendMicros : _deadlineMicros;
            }
        }

        /// <summary>
        /// Starts an exchange: the offerer (its crypto sessions already added) writes the I_MESSAGE, which is sent to the peer at
        /// once. A running exchange is abandoned.
        /// </summary>
        /// <param name="offerer">The mode's initiator.</param>
        /// <param name="peerAddress">The responder's IPv4 address (big-endian number, see IPv4).</param>
        /// <param name="peerPort">The responder's port (2269 unless configured otherwise).</param>
        /// <param name="nowMicros">The monotonic tick in microseconds.</param>
        /// <returns>Ok when the offer was written (a network error on the first send is retried on schedule); otherwise the offer's status, or InvalidState for a closed socket (also in <see cref="Result"/>).</returns>
        public MikeyExchangeStatus Start(IMikeyOfferer offerer, uint peerAddress, int peerPort, long nowMicros)
        {
            if (offerer == null) throw new ArgumentNullException();
            if (peerPort < 1 || peerPort > 65535) throw new ArgumentOutOfRangeException();
            _offerer = offerer;
            _peerAddress = peerAddress;
            _peerPort = peerPort;
            _startMicros = nowMicros;
            Retransmissions = 0;
            MessagesSent = 0;
            MessagesReceived = 0;
            ErrorsReceived = 0;
            AnswersRejected = 0;
            Ignored = 0;
            HandshakeMicros = 0;
            ReceivedError = ErrorCode.Unspecified;
            _offerLength = 0;

            // Written once: every retransmission repeats these bytes, so the responder can recognise a duplicate and answer
            // it from its cache instead of rejecting it as a replay (RFC 3830 §5.4).
            MikeyExchangeStatus s = offerer.WriteOffer(_offer, 0, _offer.Length);
            if (s != MikeyExchangeStatus.Ok) return End(MikeyUdpExchangeState.Failed, s);
            _offerLength = offerer.OfferLength;
            _intervalMicros = _initialRetransmitMicros;
            _nextSendMicros = nowMicros + _intervalMicros;
            _deadlineMicros = nowMicros + _timeoutMicros;
            State = MikeyUdpExchangeState.Waiting;
            Result = MikeyExchangeStatus.InvalidState;
            if (!Send()) return Result;
            if (offerer.IsComplete)
            {
                // No answer requested: the exchange is complete once the offer is out.
                End(MikeyUdpExchangeState.Completed, MikeyExchangeStatus.Ok);
            }

            return MikeyExchangeStatus.Ok;
        }

        /// <summary>Abandons a running exchange (state Idle, no keys).</summary>
        public void Cancel()
        {
            State = MikeyUdpExchangeState.Idle;
        }

        /// <inheritdoc/>
        public void Run(long nowMicros)
        {
            DatagramInbox d = _inbox;
            for (int n = 0; n < DatagramInbox.MaxPerRun; n++)
            {
                DatagramStatus r = d.Next();
                if (r == DatagramStatus.WouldBlock) break;
                if (r == DatagramStatus.NetworkError) continue; // the schedule goes on
                if (r != DatagramStatus.Ok || State != MikeyUdpExchangeState.Waiting || d.Address != _peerAddress || d.Port != _peerPort)
                {
                    Ignored++;
                    continue;
                }

                MessagesReceived++;
                TakeAnswer(d.Length, nowMicros);
            }

            if (State != MikeyUdpExchangeState.Waiting) return;
            if (nowMicros >= _deadlineMicros)
            {
                if (ErrorsReceived > 0) End(MikeyUdpExchangeState.Failed, MikeyExchangeStatus.ErrorReceived);
                else End(MikeyUdpExchangeState.TimedOut, Result);
                return;
            }

            if (nowMicros >= _nextSendMicros)
            {
                if (!Send()) return;
                Retransmissions++;
                // Exponential back-off, capped (remarks).
                _intervalMicros = _intervalMicros > _maxRetransmitMicros / 2 ? _maxRetransmitMicros : _intervalMicros * 2;
                _nextSendMicros = nowMicros + _intervalMicros;
            }
        }

        private void TakeAnswer(int length, long nowMicros)
        {
            MikeyExchangeStatus s = _offerer!.ReadAnswer(_inbox.Buffer, 0, length);
            if (s == MikeyExchangeStatus.Ok)
            {
                HandshakeMicros = nowMicros - _startMicros;
                End(MikeyUdpExchangeState.Completed, MikeyExchangeStatus.Ok);
                return;
            }

            if (s == MikeyExchangeStatus.ErrorReceived)
            {
                // Unauthenticated (RFC 3830 §5.1.2): a hint that shortens the wait, never the end by itself (remarks).
                ErrorsReceived++;
                ReceivedError = _offerer.ReceivedError;
                long end = nowMicros + _errorGraceMicros;
                if (end < _deadlineMicros) _deadlineMicros = end;
                return;
            }

            AnswersRejected++;
            Result = s;
        }

        private bool Send()
        {
            DatagramStatus s = _socket.SendTo(_offer, 0, _offerLength, _peerAddress, _peerPort);
            if (s == DatagramStatus.Ok) MessagesSent++;
            if (s != DatagramStatus.Closed) return true; // a network error is transient: the schedule goes on
            End(MikeyUdpExchangeState.Failed, MikeyExchangeStatus.InvalidState);
            return false;
        }

        private static long AtLeast(long value, long minimum)
        {
            if (value < minimum) throw new ArgumentOutOfRangeException();
            return value;
        }

        private MikeyExchangeStatus End(MikeyUdpExchangeState state, MikeyExchangeStatus result)
        {
            State = state;
            Result = result;
            return result;
        }
    }
}
