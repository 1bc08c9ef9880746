namespace NanoMikey.Sip.Auth
{
    /// <summary>Outcome of reading a digest challenge or writing its answer. Anything but <see cref="Ok"/> changes nothing.</summary>
    public enum DigestStatus
    {
        /// <summary>Read or written.</summary>
        Ok = 0,

        /// <summary>Not a list of <c>name=value</c> parameters (RFC 7235 §2.1): a missing <c>=</c>, an unterminated quote, a repeated parameter.</summary>
        Malformed = 1,

        /// <summary>The scheme is not <c>Digest</c> (e.g. Basic, which SIP forbids: RFC 3261 §22.1).</summary>
        UnsupportedScheme = 2,

        /// <summary>The challenge has no realm (RFC 7616 §3.3: required).</summary>
        MissingRealm = 3,

        /// <summary>The challenge has no nonce, or an empty one (RFC 7616 §3.3: required).</summary>
        MissingNonce = 4,

        /// <summary>The algorithm is none of MD5, MD5-sess, SHA-256, SHA-256-sess (e.g. SHA-512-256, not implemented).</summary>
        UnsupportedAlgorithm = 5,

        /// <summary>A qop list without <c>auth</c> (only <c>auth-int</c>, which needs the body hashed; not implemented).</summary>
        UnsupportedQop = 6,

        /// <summary>The value, a parameter or the number of parameters is over the limits (<see cref="DigestChallenge.MaxLength"/>, ...).</summary>
        TooLarge = 7,

        /// <summary>The credentials are for another realm than the challenge's.</summary>
        WrongRealm = 8,

        /// <summary>No challenge has been read (or the last one failed).</summary>
        NoChallenge = 9,
    }
}
