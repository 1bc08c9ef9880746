namespace NanoMikey.Mikey.Payloads
{
    /// <summary>KEMAC Encr alg (RFC 3830 table 6.2.a, RFC 6043 §6.2).</summary>
    public enum EncryptionAlgorithm : byte
    {
        /// <summary>NULL: key data in clear (restricted use, RFC 3830 §4.2.3).</summary>
        Null = 0,

        /// <summary>AES-CM-128 (mandatory).</summary>
        AesCm128 = 1,

        /// <summary>AES-KW-128 (RFC 3394 key wrap).</summary>
        AesKw128 = 2,

        /// <summary>AES-CM-256 (RFC 6043).</summary>
        AesCm256 = 3,
    }
}
