namespace NanoMikey.Mikey.Payloads
{
    /// <summary>HDR PRF func (RFC 3830 table 6.1.c, RFC 6043 §6.1).</summary>
    public enum PrfFunction : byte
    {
        /// <summary>MIKEY-1, HMAC-SHA-1 based (mandatory).</summary>
        Mikey1 = 0,

        /// <summary>PRF-HMAC-SHA-256 (RFC 6043).</summary>
        PrfHmacSha256 = 1,
    }
}
