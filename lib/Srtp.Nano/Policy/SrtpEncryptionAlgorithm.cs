namespace NanoMikey.Srtp.Policy
{
    /// <summary>
    /// SRTP encryption algorithm, MIKEY SP type 0 values (RFC 3830 table 6.10.1.b, RFC 5669, RFC 7714 §14.3, RFC 8269).
    /// The whole registry, so MIKEY can name what a peer offers; this library implements Null, AesCm and AesGcm.
    /// </summary>
    public enum SrtpEncryptionAlgorithm
    {
        /// <summary>NULL cipher.</summary>
        Null = 0,

        /// <summary>AES in counter mode (RFC 3711 §4.1.1; RFC 6188 for 192/256-bit keys).</summary>
        AesCm = 1,

        /// <summary>AES in f8 mode (RFC 3711 §4.1.2); not supported here.</summary>
        AesF8 = 2,

        /// <summary>SEED-CTR (RFC 5669); not supported here.</summary>
        SeedCtr = 3,

        /// <summary>SEED-CCM (RFC 5669); not supported here.</summary>
        SeedCcm = 4,

        /// <summary>SEED-GCM (RFC 5669); not supported here.</summary>
        SeedGcm = 5,

        /// <summary>AEAD_AES_128_GCM / AEAD_AES_256_GCM (RFC 7714).</summary>
        AesGcm = 6,

        /// <summary>ARIA-CTR (RFC 8269); not supported here.</summary>
        AriaCtr = 7,

        /// <summary>ARIA-GCM (RFC 8269); not supported here.</summary>
        AriaGcm = 8,
    }
}
