namespace NanoMikey.Srtp.Policy
{
    /// <summary>Why a policy falls below a <see cref="SrtpMinimumPolicy"/> (the first reason found).</summary>
    public enum SrtpPolicyWeakness
    {
        /// <summary>The policy meets the minimum.</summary>
        None = 0,

        /// <summary>SRTCP without authentication: RFC 3711 §3.4 makes it mandatory; never allowed.</summary>
        SrtcpUnauthenticated = 1,

        /// <summary>SRTP without authentication (SP type 2/14 NULL or type 10 off) and not explicitly allowed (RFC 3711 §9.5).</summary>
        SrtpUnauthenticated = 2,

        /// <summary>RFC 4771 RCCm1 (packets without the ROC carry no MAC) and not explicitly allowed.</summary>
        RccM1 = 3,

        /// <summary>RFC 4771 RCCm3 without AEAD (no integrity at all) and not explicitly allowed.</summary>
        RccM3WithoutAead = 4,

        /// <summary>An HMAC-SHA-1 tag (without the RCC ROC) other than 4 or 10 bytes (RFC 3711 §5.2, RFC 4568 §6.2).</summary>
        HmacTagLength = 5,
    }
}
