namespace NanoMikey.Srtp
{
    /// <summary>Outcome of an SRTP/SRTCP protect or unprotect call (the shape of libsrtp's <c>srtp_err_status_t</c>).</summary>
    public enum SrtpStatus
    {
        /// <summary>The packet was transformed; the new length was written back.</summary>
        Ok = 0,

        /// <summary>The authentication tag (or AEAD tag) did not verify.</summary>
        AuthFailure = 1,

        /// <summary>The packet index lies behind the replay window (RFC 3711 §3.3.2).</summary>
        ReplayOld = 2,

        /// <summary>The packet index was already received (or, when protecting, already sent).</summary>
        ReplayDuplicate = 3,

        /// <summary>The MKI in the packet names no master key of this context.</summary>
        BadMki = 4,

        /// <summary>The packet is shorter than its header plus the SRTP/SRTCP trailer.</summary>
        TooShort = 5,

        /// <summary>The buffer capacity cannot hold the MKI, the tag or the SRTCP index.</summary>
        NoRoomForTag = 6,

        /// <summary>The master key reached its packet limit (2^48 SRTP, 2^31 SRTCP) or the index would wrap: rekey.</summary>
        KeyExpired = 7,

        /// <summary>The packet's SSRC is not the SSRC of this crypto context.</summary>
        SsrcMismatch = 8,

        /// <summary>No crypto context for the packet's SSRC and the session cannot hold another stream.</summary>
        NoContext = 9,

        /// <summary>
        /// With a key derivation rate, the packet's index lies more than one key period from the current one
        /// (RFC 3711 §4.3.1); it was dropped before any key derivation.
        /// </summary>
        OutsideKeyPeriod = 10,

        /// <summary>
        /// The packet's SRTP/SRTCP index lies outside the &lt;From, To&gt; interval of every master key that could process it
        /// (RFC 3711 §8.1.1); nothing changed.
        /// </summary>
        OutsideKeyInterval = 11,
    }
}
