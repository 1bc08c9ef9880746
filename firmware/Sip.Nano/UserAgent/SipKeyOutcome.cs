namespace NanoMikey.Sip.UserAgent
{
    /// <summary>The outcome of a MIKEY step in the call flow, as the user agent acts on it.</summary>
    public enum SipKeyOutcome
    {
        /// <summary>No MIKEY step yet.</summary>
        None = 0,

        /// <summary>Accepted: an offer written, an answer or offer taken, the winner's keys kept.</summary>
        Accepted,

        /// <summary>The same answer from the same early dialog again (a retransmitted 18x): nothing changed.</summary>
        Retransmission,

        /// <summary>Refused: authentication, replay, policy, identity (retarget), a reused SSRC; nothing changed.</summary>
        Refused,

        /// <summary>Our offer could not be written for the target (no credentials for it, no randomness).</summary>
        OfferFailed,
    }
}
