namespace NanoMikey.BigNum
{
    /// <summary>
    /// The MODP Diffie-Hellman groups MIKEY's DH modes name (RFC 3830 §6.4 DH-Group, RFC 4650 §5.1), numbered as in IKE.
    /// </summary>
    public enum ModpGroupId
    {
        /// <summary>768-bit First Oakley Default Group (RFC 2409 §6.1), generator 2.</summary>
        Oakley1 = 1,

        /// <summary>1024-bit Second Oakley Default Group (RFC 2409 §6.2), generator 2.</summary>
        Oakley2 = 2,

        /// <summary>1536-bit MODP group (RFC 3526 §2), generator 2.</summary>
        Oakley5 = 5,
    }
}
