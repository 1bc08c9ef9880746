using NanoMikey.Net.Text;
using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.Transaction
{
    /// <summary>
    /// A client transaction over UDP (RFC 3261 §17.1): INVITE (figure 5: Timers A, B, D; RFC 6026 §7.2 Accepted with
    /// Timer M) or non-INVITE (figure 6: Timers E, F, K). It retransmits its request on <see cref="SipTransaction.Run"/>,
    /// passes responses to the user once and absorbs their retransmissions, and sends the ACK for a non-2xx final response
    /// itself (§17.1.1.3). Started through <see cref="SipTransactionTable.StartClient"/>.
    /// </summary>
    public sealed class SipClientTransaction : SipTransaction
    {
        private static readonly string MaxForwardsValue = "70";

        internal SipClientTransaction(int bufferSize) : base(bufferSize)
        {
        }

        /// <summary>The CSeq number of the request (RFC 3261 §8.1.1.5).</summary>
        public uint CSeq { get; private set; }

        // Copies the request, learns its branch and method, sends it and arms Timers A and B or E and F (§17.1.1.2, §17.1.2.2).
        internal SipStartStatus Start(byte[] request, int offset, int length, uint address, int port, long now, SipMessageReader reader)
        {
            if (length > Data.Length) return SipStartStatus.NotARequest;
            System.Array.Copy(request, offset, Data, 0, length);
            if (reader.Read(Data, 0, length) != SipReadStatus.Ok || !reader.IsRequest || reader.Method == SipMethod.Ack) return SipStartStatus.NotARequest;
            string? branch = reader.TopViaBranch;
            if (branch == null) return SipStartStatus.NotARequest;
            Branch = branch;
            Method = reader.Method;
            CSeq = reader.CSeq;
            DataLength = length;
            Address = address;
            Port = port;
            LastStatusCode = 0;
            ResetTimers();
            Interval = Timers.T1;
            RetransmitAt = now + Interval;
            TimeoutAt = now + Timers.Timeout;
            State = IsInvite ? SipTransactionState.Calling : SipTransactionState.Trying;
            SendCount = 1;
            return SendData() ? SipStartStatus.Ok : SipStartStatus.TransportError;
        }

        // A response matched to this transaction (§17.1.3); true when the user gets it.
        internal bool OnResponse(SipMessageReader response, long now, SipMessageReader scratch, SipMessageWriter ack)
        {
            int code = response.StatusCode;
            SipTransactionState s = State;
            if (IsFinished) return false;
            if (IsInvite)
            {
                if (s == SipTransactionState.Calling || s == SipTransactionState.Proceeding)
                {
                    LastStatusCode = code;
                    if (code < 200)
                    {
                        // §17.1.1.2: a provisional response stops Timer A (and B: the TU may CANCEL instead).
                        State = SipTransactionState.Proceeding;
                        RetransmitAt = Never;
                        TimeoutAt = Never;
                        return true;
                    }

                    RetransmitAt = Never;
                    TimeoutAt = Never;
                    if (code < 300)
                    {
                        // RFC 6026 §7.2: Accepted; every 2xx goes to the user, which ACKs it (§13.2.2.4); Timer M.
                        State = SipTransactionState.Accepted;
                        EndAt = now + Timers.Timeout;
                        return true;
                    }

                    // §17.1.1.2: 300–699 → Completed, ACK sent by the transaction, Timer D absorbs retransmissions.
                    if (!BuildAck(response, scratch, ack)) DataLength = 0;
                    State = SipTransactionState.Completed;
                    EndAt = now + Timers.TimerD;
                    SendData();
                    return true;
                }

                if (s == SipTransactionState.Completed)
                {
                    if (code >= 300) SendData();
                    return false;
                }

                // Accepted: further 2xx (also from other forks) go to the user; anything else is dropped.
                return s == SipTransactionState.Accepted && code >= 200 && code < 300;
            }

            if (s == SipTransactionState.Trying || s == SipTransactionState.Proceeding)
            {
                LastStatusCode = code;
                if (code < 200)
                {
                    // §17.1.2.2: Proceeding; Timer E keeps firing, at T2.
                    State = SipTransactionState.Proceeding;
                    return true;
                }

                // §17.1.2.2: Completed; Timer K (T4 over UDP) absorbs retransmitted finals.
                State = SipTransactionState.Completed;
                RetransmitAt = Never;
                TimeoutAt = Never;
                EndAt = now + Timers.T4;
                return true;
            }

            return false;
        }

        internal override long NextInterval()
        {
            // Timer A doubles without a cap (§17.1.1.2); Timer E doubles up to T2 while Trying, and is T2 in Proceeding (§17.1.2.2).
            if (IsInvite) return 2 * Interval;
            return State == SipTransactionState.Proceeding ? Timers.T2 : Min(2 * Interval, Timers.T2);
        }

        // §17.1.1.3: Request-URI, Call-ID, From, CSeq number and the top Via of the request, To of the response, the
        // request's Route headers; replaces the held request with the ACK (the request is not sent again).
        private bool BuildAck(SipMessageReader response, SipMessageReader scratch, SipMessageWriter w)
        {
            if (scratch.Read(Data, 0, DataLength) != SipReadStatus.Ok) return false;
            byte[] q = scratch.Buffer;
            w.Clear();
            w.StartRequest(SipMethod.Ack, AsciiText.ToText(q, scratch.RequestUriOffset, scratch.RequestUriLength));
            w.HeaderBytes(SipHeaderName.Via, q, scratch.ViaOffset(0), scratch.ViaLength(0));
            for (int i = scratch.HeaderIndex(SipHeaderName.IdRoute, 0); i >= 0; i = scratch.HeaderIndex(SipHeaderName.IdRoute, i + 1))
            {
                w.HeaderBytes(SipHeaderName.Route, q, scratch.ValueOffset(i), scratch.ValueLength(i));
            }

            w.Header(SipHeaderName.MaxForwards, MaxForwardsValue);
            int f = scratch.HeaderIndex(SipHeaderName.IdFrom, 0);
            w.HeaderBytes(SipHeaderName.From, q, scratch.ValueOffset(f), scratch.ValueLength(f));
            int t = response.HeaderIndex(SipHeaderName.IdTo, 0);
            w.HeaderBytes(SipHeaderName.To, response.Buffer, response.ValueOffset(t), response.ValueLength(t));
            int c = scratch.HeaderIndex(SipHeaderName.IdCallId, 0);
            w.HeaderBytes(SipHeaderName.CallId, q, scratch.ValueOffset(c), scratch.ValueLength(c));
            w.HeaderCSeq(CSeq, SipMethod.Ack);
            int n = w.EndNoBody();
            if (n < 0 || n > Data.Length) return false;
            System.Array.Copy(w.Buffer, w.Offset, Data, 0, n);
            DataLength = n;
            return true;
        }
    }
}
