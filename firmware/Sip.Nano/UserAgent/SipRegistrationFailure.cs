namespace NanoMikey.Sip.UserAgent
{
    /// <summary>Why a registration failed (or <see cref="None"/>).</summary>
    public enum SipRegistrationFailure
    {
        /// <summary>No failure.</summary>
        None = 0,

        /// <summary>The registrar answered a final non-2xx status (the code is in <see cref="SipRegistration.LastStatusCode"/>).</summary>
        Rejected,

        /// <summary>The registrar challenged again after our credentials for the same nonce, or the challenge was unusable.</summary>
        AuthenticationFailed,

        /// <summary>No final answer in time (Timer F, RFC 3261 §17.1.2.2).</summary>
        Timeout,

        /// <summary>The REGISTER did not fit the send buffer, the transaction table was full, or the registrar URI has no IPv4 host.</summary>
        RequestFailed,
    }
}
