namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// The Diffie-Hellman group of a DHHMAC or DH-SIGN exchange: an OAKLEY MODP group in a DH payload (RFC 3830 §6.4, RFC 2409
    /// §6, RFC 3526 §2), or P-256 in an ECCPT payload (RFC 6267 §6.1.4; DHHMAC only, docs/ecc-profile.md §7).
    /// </summary>
    public enum DhHmacGroup
    {
        /// <summary>OAKLEY 5, the 1536-bit MODP group (DH-Group 0, 192-byte values).</summary>
        Oakley5 = 0,

        /// <summary>OAKLEY 1, the 768-bit MODP group (DH-Group 1, 96-byte values): too small today, refused unless allowed.</summary>
        Oakley1 = 1,

        /// <summary>OAKLEY 2, the 1024-bit MODP group (DH-Group 2, 128-byte values).</summary>
        Oakley2 = 2,

        /// <summary>ECDH on P-256 with ECCPT payloads (ECC Curve 8): our ECC-profile extension of DHHMAC.</summary>
        P256 = 8,
    }
}
