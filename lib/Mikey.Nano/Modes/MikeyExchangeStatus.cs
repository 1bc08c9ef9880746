namespace NanoMikey.Mikey.Modes
{
    /// <summary>Outcome of one step of a MIKEY exchange. Anything but <see cref="Ok"/> leaves the party's keys as they were.</summary>
    public enum MikeyExchangeStatus
    {
        /// <summary>The step completed; keys (if this step yields them) are in place.</summary>
        Ok = 0,

        /// <summary>The message could not be parsed, or its payloads are not in the order the mode prescribes.</summary>
        Malformed,

        /// <summary>The message is of a data type this party does not take here.</summary>
        UnexpectedMessage,

        /// <summary>The MAC, verification MAC or signature did not verify, or the integrity payload is missing or misplaced.</summary>
        AuthenticationFailed,

        /// <summary>The timestamp lies outside the allowed skew (or the clock is unsynchronised).</summary>
        OutsideSkew,

        /// <summary>The message was accepted before.</summary>
        Replayed,

        /// <summary>The replay cache is full; the message is refused rather than risking a replay.</summary>
        ReplayCacheFull,

        /// <summary>An algorithm, parameter or key type is not supported here.</summary>
        Unsupported,

        /// <summary>The offered SRTP policy is below the local minimum.</summary>
        PolicyRefused,

        /// <summary>No key or credential for the peer (unknown identity).</summary>
        UnknownPeer,

        /// <summary>The answer does not belong to the offer (CSB ID, timestamp or crypto sessions differ).</summary>
        Mismatch,

        /// <summary>The peer answered with a MIKEY error message.</summary>
        ErrorReceived,

        /// <summary>The caller's output buffer is too small.</summary>
        BufferTooSmall,

        /// <summary>The call does not fit the party's state (an answer before an offer, for instance).</summary>
        InvalidState,

        /// <summary>
        /// The DRBG cannot give the randomness this step needs: built from explicit entropy, it reached its reseed interval
        /// (or was cleared). Reseed it with fresh entropy and repeat the call; nothing was written or changed.
        /// </summary>
        ReseedRequired,
    }
}
