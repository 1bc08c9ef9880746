namespace NanoMikey.X509
{
    /// <summary>Certificate extensions under id-ce (2.5.29.x, RFC 5280 §4.2.1); each value is the last arc of its OID.</summary>
    public enum X509ExtensionType
    {
        /// <summary>subjectKeyIdentifier, 2.5.29.14.</summary>
        SubjectKeyIdentifier = 14,

        /// <summary>keyUsage, 2.5.29.15.</summary>
        KeyUsage = 15,

        /// <summary>subjectAltName, 2.5.29.17.</summary>
        SubjectAltName = 17,

        /// <summary>issuerAltName, 2.5.29.18.</summary>
        IssuerAltName = 18,

        /// <summary>basicConstraints, 2.5.29.19.</summary>
        BasicConstraints = 19,

        /// <summary>nameConstraints, 2.5.29.30.</summary>
        NameConstraints = 30,

        /// <summary>cRLDistributionPoints, 2.5.29.31.</summary>
        CrlDistributionPoints = 31,

        /// <summary>certificatePolicies, 2.5.29.32.</summary>
        CertificatePolicies = 32,

        /// <summary>authorityKeyIdentifier, 2.5.29.35.</summary>
        AuthorityKeyIdentifier = 35,

        /// <summary>extKeyUsage, 2.5.29.37.</summary>
        ExtendedKeyUsage = 37,
    }
}
