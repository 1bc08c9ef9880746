namespace NanoMikey.Mikey.Payloads
{
    /// <summary>SIGN payload S type (RFC 3830 table 6.5, RFC 6509).</summary>
    public enum SignatureType : byte
    {
        /// <summary>RSA/PKCS#1 v1.5 (mandatory).</summary>
        RsaPkcs1 = 0,

        /// <summary>RSA/PSS.</summary>
        RsaPss = 1,

        /// <summary>ECCSI (RFC 6507, RFC 6509).</summary>
        Eccsi = 2,
    }
}
