namespace NanoMikey.Mikey.Payloads
{
    /// <summary>DH payload DH-Group (RFC 3830 table 6.4).</summary>
    public enum DhGroup : byte
    {
        /// <summary>1536-bit MODP (RFC 3526 §2), 192-byte values.</summary>
        Oakley5 = 0,

        /// <summary>768-bit MODP (RFC 2412 E.1), 96-byte values.</summary>
        Oakley1 = 1,

        /// <summary>1024-bit MODP (RFC 2412 E.2), 128-byte values.</summary>
        Oakley2 = 2,
    }
}
