namespace NanoMikey.Sip.UserAgent
{
    /// <summary>Where the registration with the registrar is (RFC 3261 §10).</summary>
    public enum SipRegistrationState
    {
        /// <summary>Not registered and not trying.</summary>
        Idle = 0,

        /// <summary>A REGISTER is on its way (first one, a digest retry or a refresh before the binding was granted).</summary>
        Registering,

        /// <summary>The registrar granted the binding; a refresh goes out at half its expiry.</summary>
        Registered,

        /// <summary>The registration failed: <see cref="SipRegistration.Failure"/> says why; it is retried after the retry delay.</summary>
        Failed,
    }
}
