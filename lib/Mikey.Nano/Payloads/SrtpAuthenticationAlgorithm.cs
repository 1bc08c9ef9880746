namespace NanoMikey.Mikey.Payloads
{
    /// <summary>SRTP authentication algorithm values of SP types 2, 14, 15 (RFC 3830 table 6.10.1.c, RFC 4771).</summary>
    public enum SrtpAuthenticationAlgorithm : byte
    {
        /// <summary>NULL.</summary>
        Null = 0,

        /// <summary>HMAC-SHA-1.</summary>
        HmacSha1 = 1,

        /// <summary>RCCm1 (RFC 4771).</summary>
        RccM1 = 2,

        /// <summary>RCCm2 (RFC 4771).</summary>
        RccM2 = 3,

        /// <summary>RCCm3 (RFC 4771).</summary>
        RccM3 = 4,
    }
}
