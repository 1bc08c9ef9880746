namespace NanoMikey.Mikey.Payloads
{
    /// <summary>KEMAC MAC alg and V Auth alg (RFC 3830 table 6.2.b, RFC 6043 §6.2).</summary>
    public enum MacAlgorithm : byte
    {
        /// <summary>NULL: no MAC (0 bytes).</summary>
        Null = 0,

        /// <summary>HMAC-SHA-1-160 (20 bytes).</summary>
        HmacSha1160 = 1,

        /// <summary>HMAC-SHA-256-256 (32 bytes, RFC 6043).</summary>
        HmacSha256256 = 2,
    }
}
