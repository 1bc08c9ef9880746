namespace NanoMikey.Sip.UserAgent
{
    /// <summary>Why a call failed (or <see cref="None"/>). Peer and network faults are statuses, never exceptions.</summary>
    public enum SipCallFailure
    {
        /// <summary>No failure.</summary>
        None = 0,

        /// <summary>The peer answered with a final non-2xx status (the code is in <see cref="SipUserAgent.LastStatusCode"/>).</summary>
        Rejected,

        /// <summary>No final answer in time (Timer B / F, RFC 3261 §17.1), or no ACK for our 2xx (RFC 3261 §13.3.1.4).</summary>
        Timeout,

        /// <summary>The answer has no <c>a=key-mgmt:mikey</c> (a plain or SDES-only peer): refused, never continued in clear (RFC 5197 §5).</summary>
        NoKeyManagement,

        /// <summary>The peer's MIKEY message was refused (authentication, replay, policy, identity): see <see cref="SipUserAgent.KeyStatus"/>.</summary>
        KeyRejected,

        /// <summary>Our own MIKEY offer could not be written for the target.</summary>
        OfferFailed,

        /// <summary>The SDP (offer or answer) is not usable: no audio line, not RTP/SAVP, no connection address.</summary>
        SdpUnusable,

        /// <summary>More redirects (3xx) than <see cref="SipUserAgentOptions.MaxRedirects"/>, or a 3xx without a usable Contact.</summary>
        RedirectFailed,

        /// <summary>The target URI has no IPv4 host we can send to (and no outbound proxy is set).</summary>
        TargetUnusable,

        /// <summary>A request did not fit the send buffer, or the transaction table was full.</summary>
        RequestFailed,

        /// <summary>The socket failed while sending (Closed, NetworkError).</summary>
        TransportError,
    }
}
