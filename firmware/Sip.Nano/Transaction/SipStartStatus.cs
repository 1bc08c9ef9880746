namespace NanoMikey.Sip.Transaction
{
    /// <summary>Outcome of <see cref="SipTransactionTable.StartClient"/>.</summary>
    public enum SipStartStatus
    {
        /// <summary>The request was sent and its transaction runs.</summary>
        Ok = 0,

        /// <summary>No free slot: every transaction of the table is still running.</summary>
        TableFull = 1,

        /// <summary>
        /// The bytes are not a request this layer can run: unreadable, larger than a transaction's buffer, without a
        /// branch in its top Via (RFC 3261 §8.1.1.7), or an ACK (which has no client transaction, §17.1.1.3, §13.2.2.4).
        /// </summary>
        NotARequest = 2,

        /// <summary>The first send failed (§17.1.4): the transaction is in TransportError.</summary>
        TransportError = 3,
    }
}
