namespace NanoMikey.Sip.Auth
{
    /// <summary>The digest algorithms of a challenge (RFC 7616 §3.3 and §6.1, RFC 8760 §2 for SIP).</summary>
    public enum DigestAlgorithm
    {
        /// <summary>No challenge read yet.</summary>
        None = 0,

        /// <summary>MD5 (RFC 2617; the default when a challenge names no algorithm, RFC 7616 §3.3).</summary>
        Md5 = 1,

        /// <summary>MD5-sess: A1 includes the nonce and cnonce (RFC 7616 §3.4.2).</summary>
        Md5Sess = 2,

        /// <summary>SHA-256 (RFC 7616 §3.3, RFC 8760 §2.1).</summary>
        Sha256 = 3,

        /// <summary>SHA-256-sess (RFC 7616 §3.4.2).</summary>
        Sha256Sess = 4,
    }
}
