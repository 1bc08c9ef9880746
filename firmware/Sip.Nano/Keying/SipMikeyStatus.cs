namespace NanoMikey.Sip.Keying
{
    /// <summary>Outcome of a step of MIKEY through SIP (RFC 4567, RFC 5197 §5). Anything but Ok or Retransmission changes no keys.</summary>
    public enum SipMikeyStatus
    {
        /// <summary>Done: an offer written, an answer accepted, a fork confirmed.</summary>
        Ok = 0,

        /// <summary>The same answer again on an early dialog already keyed (a retransmitted 18x or 200): nothing to do.</summary>
        Retransmission = 1,

        /// <summary>
        /// The SDP carries no <c>a=key-mgmt:mikey</c> for the audio stream, or not over RTP/SAVP (a plain RTP/AVP or SDES-only
        /// peer): the call must be refused or ended, never continued in clear.
        /// </summary>
        NoKeyManagement = 2,

        /// <summary>The key-mgmt data is not strict base64, too long, or the SDP could not be read.</summary>
        Malformed = 3,

        /// <summary>The MIKEY exchange refused the message (see <see cref="SipMikeyOffer.MikeyStatus"/>: authentication, replay, error message, ...).</summary>
        MikeyRefused = 4,

        /// <summary>The answer is authentic but its identity (IDr, bound to its certificate) is not one the <see cref="SipAnswerPolicy"/> accepts (retargeting).</summary>
        IdentityRefused = 5,

        /// <summary>
        /// A PSK fork's responder SSRC is already used by another fork or by this side: with the shared TGK that would reuse a
        /// keystream (two-time pad, RFC 3711 §9.1), so the fork is refused.
        /// </summary>
        DuplicateSsrc = 6,

        /// <summary>A new early dialog while <see cref="SipMikeyOffer.MaxForks"/> are keyed already.</summary>
        TooManyForks = 7,

        /// <summary>A different answer on an early dialog that already has one (RFC 3264 §4: the answer of an offer is fixed).</summary>
        AnswerChanged = 8,

        /// <summary>
        /// The same answer bytes as another early dialog's (a replayed 18x under a new To-tag): it would give two dialogs the
        /// same keys, so it is refused.
        /// </summary>
        DuplicateAnswer = 12,

        /// <summary>No early dialog has this To-tag.</summary>
        UnknownDialog = 9,

        /// <summary>The call does not fit the state (an answer before an offer or after Confirm, no offerer for the mode).</summary>
        InvalidState = 10,

        /// <summary>No mode both the target's credentials and the allowed peer modes admit (RFC 5197 §7).</summary>
        NoCommonMode = 11,
    }
}
