namespace NanoMikey.Sip.UserAgent
{
    /// <summary>Where the user agent's call is (RFC 3261 §13–§15); a firmware role polls it.</summary>
    public enum SipCallState
    {
        /// <summary>No call.</summary>
        Idle = 0,

        /// <summary>Our INVITE is on its way; no provisional answer with a To-tag yet.</summary>
        Calling,

        /// <summary>At least one early dialog (18x with a To-tag, RFC 3261 §13.2.2.1); early media keys may be available.</summary>
        Early,

        /// <summary>An INVITE came in and is ringing (180 or 183 sent); <see cref="SipUserAgent.Answer"/> or the auto-answer delay answers it.</summary>
        Incoming,

        /// <summary>We sent 200 to an INVITE and wait for its ACK (RFC 3261 §13.3.1.4).</summary>
        Answering,

        /// <summary>The call is up: a 2xx was ACKed; <see cref="SipUserAgent.ActiveCallKeys"/> holds the keys.</summary>
        Established,

        /// <summary>We sent CANCEL (RFC 3261 §9.1) and wait for the INVITE's final answer.</summary>
        Cancelling,

        /// <summary>We sent BYE (RFC 3261 §15.1.1) and wait for its answer.</summary>
        Ending,

        /// <summary>The call ended normally (BYE, CANCEL); keys are wiped.</summary>
        Ended,

        /// <summary>The call failed: <see cref="SipUserAgent.LastFailure"/> says why; keys are wiped.</summary>
        Failed,
    }
}
