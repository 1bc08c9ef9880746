namespace NanoMikey.Sip.Transaction
{
    /// <summary>What <see cref="SipTransactionTable"/> did with a received message, and what the user agent does next.</summary>
    public enum SipReceiveResult
    {
        /// <summary>A new request made a new server transaction: the user answers it through <see cref="SipServerTransaction.Respond(byte[], int, int, long)"/>.</summary>
        NewTransaction = 0,

        /// <summary>Matched a transaction and is for the user: a response (§17.1.1.2, §17.1.2.2), or the ACK for a 2xx (RFC 6026 §7.1).</summary>
        PassToUser = 1,

        /// <summary>Matched and absorbed: a retransmission answered by the transaction itself (§17.1.1.2, §17.2.1, §17.2.2).</summary>
        Absorbed = 2,

        /// <summary>
        /// Matched no transaction: a response goes to the user agent core (a 2xx retransmitted after Timer M or from another
        /// fork, §13.2.2.4); an ACK goes to its dialog (§17.2.3: an ACK for a 2xx matches no server transaction of RFC 3261).
        /// </summary>
        NoMatch = 3,

        /// <summary>A new request found no free slot: the user agent answers 503 statelessly (RFC 3261 §21.5.4) or 486.</summary>
        TableFull = 4,

        /// <summary>A request whose top Via has no branch (an RFC 2543 peer, not supported): answer 400 or drop.</summary>
        NoBranch = 5,
    }
}
