using System;
using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.Transaction
{
    /// <summary>
    /// A server transaction over UDP (RFC 3261 §17.2): INVITE (figure 7: Timers G, H, I; after a 2xx RFC 6026 §7.1's
    /// Accepted, retransmitting the 2xx as §13.3.1.4 asks until the ACK) or non-INVITE (figure 8: Timer J). It answers a
    /// retransmitted request with its last response and absorbs the ACK for a non-2xx final. Created by
    /// <see cref="SipTransactionTable.ReceiveRequest"/>; the user answers with <see cref="Respond(byte[], int, int, long)"/>.
    /// </summary>
    public sealed class SipServerTransaction : SipTransaction
    {
        private const int DefaultPort = 5060;

        private readonly byte[] _sentBy = new byte[256];
        private readonly byte[] _method = new byte[64];
        private int _methodLength;
        private int _sentByLength;
        private int _sentByPort;
        private long _retransmitAt = Never;
        private long _interval;
        private long _timeoutAt = Never;
        private long _endAt = Never;

        internal SipServerTransaction(int bufferSize) : base(bufferSize)
        {
        }

        /// <summary>True once the ACK for this INVITE's 2xx arrived (RFC 3261 §13.3.1.4).</summary>
        public bool AckReceived { get; private set; }

        /// <summary>How many times the last response was sent (1 + retransmissions).</summary>
        public int SendCount { get; private set; }

        /// <inheritdoc />
        public override long NextDueMicros
        {
            get { return IsFinished ? Never : Min(_retransmitAt, Min(_timeoutAt, _endAt)); }
        }

        // The request starts the transaction: INVITE → Proceeding, others → Trying (§17.2.1, §17.2.2). Responses go to the
        // source address, at the rport port when asked for (RFC 3581 §4), else the sent-by port or 5060 (§18.2.2).
        internal bool Start(SipMessageReader request, uint sourceAddress, int sourcePort)
        {
            if (request.HostLength > _sentBy.Length || request.MethodLength > _method.Length) return false;
            Array.Copy(request.Buffer, request.MethodOffset, _method, 0, request.MethodLength);
            _methodLength = request.MethodLength;
            Branch = request.TopViaBranch!;
            Method = request.Method;
            Array.Copy(request.Buffer, request.HostOffset, _sentBy, 0, request.HostLength);
            _sentByLength = request.HostLength;
            _sentByPort = request.TopViaPort;
            Address = sourceAddress;
            Port = request.TopViaRPort >= 0 ? sourcePort : request.TopViaPort == 0 ? DefaultPort : request.TopViaPort;
            DataLength = 0;
            LastStatusCode = 0;
            SendCount = 0;
            AckReceived = false;
            _retransmitAt = _timeoutAt = _endAt = Never;
            State = IsInvite ? SipTransactionState.Proceeding : SipTransactionState.Trying;
            return true;
        }

        // §17.2.3: same branch, same sent-by, same method (an ACK matches its INVITE).
        internal bool Matches(SipMessageReader request, bool ackMatchesInvite)
        {
            if (!MatchesBranchAndSentBy(request)) return false;
            SipMethod m = request.Method;
            if (m == Method) return m != SipMethod.Other || SipText.EqualsExact(request.Buffer, request.MethodOffset, request.MethodLength, _method, 0, _methodLength);
            return ackMatchesInvite && m == SipMethod.Ack && IsInvite;
        }

        internal bool MatchesBranchAndSentBy(SipMessageReader request)
        {
            if (!InUse || !request.TopViaBranchEquals(Branch)) return false;
            return request.TopViaPort == _sentByPort && SipText.EqualsExact(request.Buffer, request.HostOffset, request.HostLength, _sentBy, 0, _sentByLength);
        }

        // A retransmitted request or an ACK matched to this transaction; true when the user gets it (the ACK for a 2xx).
        internal bool OnRequest(SipMessageReader request, long now)
        {
            SipTransactionState s = State;
            if (request.Method == SipMethod.Ack && IsInvite)
            {
                if (s == SipTransactionState.Completed)
                {
                    // §17.2.1: Confirmed; Timer I absorbs further ACKs; G and H stop.
                    State = SipTransactionState.Confirmed;
                    _retransmitAt = Never;
                    _timeoutAt = Never;
                    _endAt = now + Timers.T4;
                    return false;
                }

                if (s == SipTransactionState.Accepted && !AckReceived)
                {
                    // RFC 6026 §7.1: the ACK for the 2xx goes to the user; the 2xx is no longer retransmitted.
                    AckReceived = true;
                    State = SipTransactionState.Terminated;
                    return true;
                }

                return false;
            }

            // A retransmitted request: the last response again (§17.2.1 Proceeding/Completed, §17.2.2 Proceeding/Completed);
            // in Accepted the 2xx retransmissions run on their own timer (RFC 6026 §7.1: absorb).
            if (s == SipTransactionState.Proceeding || s == SipTransactionState.Completed)
            {
                if (DataLength > 0)
                {
                    SendCount++;
                    SendData();
                }
            }

            return false;
        }

        /// <summary>Sends a response and moves the state as RFC 3261 §17.2.1 / §17.2.2 say; the transaction keeps it for retransmissions.</summary>
        /// <param name="response">Buffer holding the response.</param>
        /// <param name="offset">Offset of the response.</param>
        /// <param name="length">Response length.</param>
        /// <param name="nowMicros">The current time.</param>
        /// <returns>False when the response was not sent: not a response, larger than the buffer, a final already sent, or the transport failed.</returns>
        public bool Respond(byte[] response, int offset, int length, long nowMicros)
        {
            if (response == null) throw new ArgumentNullException();
            if (offset < 0 || length < 0 || offset > response.Length - length) throw new ArgumentOutOfRangeException();
            SipTransactionState s = State;
            if (s != SipTransactionState.Trying && s != SipTransactionState.Proceeding) return false;
            int code = StatusOf(response, offset, length);
            if (code == 0 || length > Data.Length) return false;
            Array.Copy(response, offset, Data, 0, length);
            DataLength = length;
            LastStatusCode = code;
            SendCount = 1;
            if (code < 200)
            {
                State = SipTransactionState.Proceeding;
            }
            else if (!IsInvite)
            {
                // §17.2.2: Completed; Timer J (64·T1 over UDP) answers retransmissions with the final.
                State = SipTransactionState.Completed;
                _endAt = nowMicros + Timers.Timeout;
            }
            else
            {
                // §17.2.1: non-2xx → Completed with Timers G and H; 2xx → Accepted (RFC 6026 §7.1), retransmitted per §13.3.1.4.
                State = code < 300 ? SipTransactionState.Accepted : SipTransactionState.Completed;
                _interval = Timers.T1;
                _retransmitAt = nowMicros + _interval;
                _timeoutAt = nowMicros + Timers.Timeout;
            }

            return SendData();
        }

        /// <summary>Sends the response a writer holds (see <see cref="Respond(byte[], int, int, long)"/>).</summary>
        /// <param name="writer">A writer holding a whole response.</param>
        /// <param name="nowMicros">The current time.</param>
        /// <returns>False when it was not sent.</returns>
        public bool Respond(SipMessageWriter writer, long nowMicros)
        {
            if (writer == null) throw new ArgumentNullException();
            if (writer.Failed) return false;
            return Respond(writer.Buffer, writer.Offset, writer.Length, nowMicros);
        }

        /// <inheritdoc />
        public override void Run(long nowMicros)
        {
            if (IsFinished || State == SipTransactionState.Idle) return;
            if (_timeoutAt <= nowMicros)
            {
                // Timer H (§17.2.1): no ACK for the non-2xx final; or no ACK for the 2xx in 64·T1 (§13.3.1.4: the user sends BYE).
                State = SipTransactionState.TimedOut;
                return;
            }

            if (_endAt <= nowMicros)
            {
                // Timer I or J.
                State = SipTransactionState.Terminated;
                return;
            }

            if (_retransmitAt <= nowMicros)
            {
                // Timer G (§17.2.1) and the 2xx retransmission (§13.3.1.4): T1, 2·T1, ... capped at T2.
                _interval = Min(2 * _interval, Timers.T2);
                _retransmitAt += _interval;
                if (_retransmitAt <= nowMicros) _retransmitAt = nowMicros + _interval;
                SendCount++;
                SendData();
            }
        }
    }
}
