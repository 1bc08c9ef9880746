namespace NanoMikey.X509
{
    /// <summary>The hash of a certificate signature algorithm, or of RSASSA-PSS parameters (RFC 4055 §2.1).</summary>
    public enum X509HashAlgorithm
    {
        /// <summary>No hash known: an unknown signature algorithm or hash OID.</summary>
        Unknown = 0,

        /// <summary>SHA-1, 1.3.14.3.2.26.</summary>
        Sha1 = 1,

        /// <summary>SHA-256, 2.16.840.1.101.3.4.2.1.</summary>
        Sha256 = 2,

        /// <summary>SHA-384, 2.16.840.1.101.3.4.2.2.</summary>
        Sha384 = 3,

        /// <summary>SHA-512, 2.16.840.1.101.3.4.2.3.</summary>
        Sha512 = 4,
    }
}
