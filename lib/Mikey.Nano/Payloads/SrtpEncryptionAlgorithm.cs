namespace NanoMikey.Mikey.Payloads
{
    /// <summary>SRTP encryption algorithm values of SP type 0 (RFC 3830 table 6.10.1.b, RFC 5748, 7714, 8269).</summary>
    public enum SrtpEncryptionAlgorithm : byte
    {
        /// <summary>NULL.</summary>
        Null = 0,

        /// <summary>AES-CM.</summary>
        AesCm = 1,

        /// <summary>AES-F8.</summary>
        AesF8 = 2,

        /// <summary>SEED-CTR (RFC 5669).</summary>
        SeedCtr = 3,

        /// <summary>SEED-CCM.</summary>
        SeedCcm = 4,

        /// <summary>SEED-GCM.</summary>
        SeedGcm = 5,

        /// <summary>AES-GCM (RFC 7714).</summary>
        AesGcm = 6,

        /// <summary>ARIA-CTR (RFC 8269).</summary>
        AriaCtr = 7,

        /// <summary>ARIA-GCM (RFC 8269).</summary>
        AriaGcm = 8,
    }
}
