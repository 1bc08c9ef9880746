namespace NanoMikey.Sip.Transaction
{
    /// <summary>The states of RFC 3261 §17 (figures 5–8), RFC 6026 §7's Accepted, and the two ways a transaction fails.</summary>
    public enum SipTransactionState
    {
        /// <summary>The slot holds no transaction yet.</summary>
        Idle = 0,

        /// <summary>INVITE client: request sent, no response yet; Timer A retransmits, Timer B times out (§17.1.1.2).</summary>
        Calling = 1,

        /// <summary>Non-INVITE client or server before any response (§17.1.2.2, §17.2.2); Timer E retransmits a client request.</summary>
        Trying = 2,

        /// <summary>A provisional response was received (client) or sent (server).</summary>
        Proceeding = 3,

        /// <summary>A final response was received (client: Timer D or K absorbs its retransmissions) or sent (server: Timer G/H or J).</summary>
        Completed = 4,

        /// <summary>INVITE server: the ACK for a non-2xx final arrived; Timer I absorbs further ACKs (§17.2.1).</summary>
        Confirmed = 5,

        /// <summary>
        /// INVITE after a 2xx (RFC 6026 §7.1, §7.2). Client: further 2xx are passed to the user (it ACKs each, RFC 3261
        /// §13.2.2.4) until Timer M. Server: the 2xx is retransmitted (T1 doubling to T2, RFC 3261 §13.3.1.4) until the ACK
        /// arrives (then Terminated) or 64·T1 pass (then TimedOut: the user sends BYE).
        /// </summary>
        Accepted = 6,

        /// <summary>Ended normally; the slot may be reused.</summary>
        Terminated = 7,

        /// <summary>Timer B or F fired (no final response), or Timer H (no ACK) or no ACK for a 2xx: the user learns of the failure (§17.1.1.2, §17.2.1).</summary>
        TimedOut = 8,

        /// <summary>The sender reported a transport failure (§17.1.4, §17.2.4).</summary>
        TransportError = 9,
    }
}
