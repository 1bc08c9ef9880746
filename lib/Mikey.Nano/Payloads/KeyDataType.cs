namespace NanoMikey.Mikey.Payloads
{
    /// <summary>Key data sub-payload Type (RFC 3830 table 6.13.a, RFC 6043 §6.2.1, RFC 6267 §6.1.3).</summary>
    public enum KeyDataType : byte
    {
        /// <summary>TEK generation key.</summary>
        Tgk = 0,

        /// <summary>TGK with salt.</summary>
        TgkSalt = 1,

        /// <summary>Traffic encryption key used directly.</summary>
        Tek = 2,

        /// <summary>TEK with salt.</summary>
        TekSalt = 3,

        /// <summary>Group TGK (RFC 6043).</summary>
        Gtgk = 4,

        /// <summary>Group TGK with salt (RFC 6043).</summary>
        GtgkSalt = 5,

        /// <summary>MIKEY protection key (RFC 6043).</summary>
        Mpk = 6,

        /// <summary>Private key K_PR (RFC 6267).</summary>
        KPr = 7,
    }
}
