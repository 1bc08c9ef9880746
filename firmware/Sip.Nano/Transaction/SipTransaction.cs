using System;
using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.Transaction
{
    /// <summary>
    /// What client and server transactions share (RFC 3261 §17): the branch and method that identify them (§17.1.3,
    /// §17.2.3), the state, the peer, and a buffer holding the message the transaction retransmits. Instances live in a
    /// <see cref="SipTransactionTable"/> and are reused once terminal: a holder compares <see cref="Id"/> to tell.
    /// </summary>
    public abstract class SipTransaction
    {
        /// <summary>Never due.</summary>
        protected const long Never = long.MaxValue;

        internal readonly byte[] Data;
        internal int DataLength;
        internal SipTimers Timers = new SipTimers();
        internal ISipSender? Sender;

        /// <summary>Creates a transaction slot with a buffer for one message.</summary>
        /// <param name="bufferSize">Largest message it holds.</param>
        protected SipTransaction(int bufferSize)
        {
            if (bufferSize < 256) throw new ArgumentOutOfRangeException();
            Data = new byte[bufferSize];
        }

        /// <summary>Changes with every new transaction this slot runs (a holder's reference is stale when it differs).</summary>
        public uint Id { get; internal set; }

        /// <summary>The branch of the top Via (RFC 3261 §8.1.1.7, §17.1.3).</summary>
        public string Branch { get; internal set; } = string.Empty;

        /// <summary>The request's method (CANCEL is a transaction of its own, §9.1).</summary>
        public SipMethod Method { get; internal set; }

        /// <summary>True for an INVITE transaction (§17.1.1, §17.2.1).</summary>
        public bool IsInvite { get { return Method == SipMethod.Invite; } }

        /// <summary>The current state.</summary>
        public SipTransactionState State { get; internal set; }

        /// <summary>True once Terminated, TimedOut or TransportError: nothing more happens and the slot may be reused.</summary>
        public bool IsFinished
        {
            get { return State == SipTransactionState.Terminated || State == SipTransactionState.TimedOut || State == SipTransactionState.TransportError; }
        }

        /// <summary>Status code of the last response received (client) or sent (server), 0 before any.</summary>
        public int LastStatusCode { get; internal set; }

        /// <summary>The peer's IPv4 address (big-endian).</summary>
        public uint Address { get; internal set; }

        /// <summary>The peer's port.</summary>
        public int Port { get; internal set; }

        /// <summary>The earliest time (µs) <see cref="Run"/> has work, or <see cref="long.MaxValue"/>.</summary>
        public abstract long NextDueMicros { get; }

        /// <summary>Fires the timers due at <paramref name="nowMicros"/>: retransmissions and timeouts.</summary>
        /// <param name="nowMicros">The current time in microseconds (the clock the transaction was started with).</param>
        public abstract void Run(long nowMicros);

        /// <summary>
        /// Ends the transaction now (state Terminated) without sending anything: for a user that gives up on it, e.g. an
        /// INVITE left in Proceeding after its CANCEL failed (RFC 3261 §17.1.1.2 leaves that to the user's own timer).
        /// </summary>
        public void Abandon()
        {
            if (State != SipTransactionState.Idle && !IsFinished) State = SipTransactionState.Terminated;
        }

        internal bool InUse { get { return State != SipTransactionState.Idle && !IsFinished; } }

        // Sends the held message; a failed send ends the transaction (§17.1.4, §17.2.4).
        internal bool SendData()
        {
            if (DataLength == 0) return true;
            if (Sender!.Send(Data, 0, DataLength, Address, Port)) return true;
            State = SipTransactionState.TransportError;
            return false;
        }

        internal static long Min(long a, long b)
        {
            return a < b ? a : b;
        }

        // The status code of a response in b: "SIP/2.0 ddd" (RFC 3261 §7.2); 0 when not one.
        internal static int StatusOf(byte[] b, int offset, int length)
        {
            if (length < 12 || b[offset] != (byte)'S' || b[offset + 3] != (byte)'/' || b[offset + 7] != (byte)' ') return 0;
            int code = 0;
            for (int i = 8; i < 11; i++)
            {
                int d = b[offset + i] - '0';
                if (d < 0 || d > 9) return 0;
                code = code * 10 + d;
            }

            return code >= 100 && code <= 699 ? code : 0;
        }
    }
}
