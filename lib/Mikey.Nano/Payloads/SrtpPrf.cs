namespace NanoMikey.Mikey.Payloads
{
    /// <summary>SRTP pseudo random function values of SP type 5 (RFC 3830, RFC 5748, RFC 8269).</summary>
    public enum SrtpPrf : byte
    {
        /// <summary>AES-CM.</summary>
        AesCm = 0,

        /// <summary>SEED-CTR (RFC 5748).</summary>
        SeedCtr = 1,

        /// <summary>ARIA-CTR (RFC 8269).</summary>
        AriaCtr = 2,
    }
}
