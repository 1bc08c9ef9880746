using System;

namespace NanoMikey.Sip.Transaction
{
    /// <summary>
    /// The timer values of RFC 3261 §17 and table 4 (§A), in microseconds: T1 (round-trip estimate, 500 ms), T2 (longest
    /// retransmission interval for non-INVITE requests and INVITE responses, 4 s), T4 (longest time a message stays in the
    /// network, 5 s) and Timer D (at least 32 s over UDP). Settable for networks that need other values (§17.1.1.1).
    /// </summary>
    public sealed class SipTimers
    {
        private long _t1 = 500000;
        private long _t2 = 4000000;
        private long _t4 = 5000000;
        private long _d = 32000000;

        /// <summary>T1 in microseconds (default 500 ms).</summary>
        public long T1 { get { return _t1; } set { Check(value); _t1 = value; } }

        /// <summary>T2 in microseconds (default 4 s).</summary>
        public long T2 { get { return _t2; } set { Check(value); _t2 = value; } }

        /// <summary>T4 in microseconds (default 5 s); Timers I and K.</summary>
        public long T4 { get { return _t4; } set { Check(value); _t4 = value; } }

        /// <summary>Timer D in microseconds (default 32 s, RFC 3261 §17.1.1.2).</summary>
        public long TimerD { get { return _d; } set { Check(value); _d = value; } }

        /// <summary>64·T1: Timers B, F, H, J, L and M (RFC 3261 table 4, RFC 6026 §8.4).</summary>
        public long Timeout { get { return 64 * _t1; } }

        private static void Check(long value)
        {
            if (value < 1000 || value > 600000000) throw new ArgumentOutOfRangeException();
        }
    }
}
