namespace NanoMikey.X509
{
    /// <summary>Certificate signature algorithms the reader recognises; <see cref="EcdsaWithSha256"/> is verified here, <see cref="RsaPkcs1Sha256"/> and <see cref="RsaPss"/> through an <see cref="IX509SignatureVerifier"/>.</summary>
    public enum X509SignatureAlgorithm
    {
        /// <summary>An algorithm identifier not in this list (its OID is still available).</summary>
        Unknown = 0,

        /// <summary>ecdsa-with-SHA256, 1.2.840.10045.4.3.2 (RFC 5758 §3.2).</summary>
        EcdsaWithSha256 = 1,

        /// <summary>ecdsa-with-SHA384, 1.2.840.10045.4.3.3.</summary>
        EcdsaWithSha384 = 2,

        /// <summary>ecdsa-with-SHA512, 1.2.840.10045.4.3.4.</summary>
        EcdsaWithSha512 = 3,

        /// <summary>ecdsa-with-SHA1, 1.2.840.10045.4.1 (RFC 3279 §2.2.3).</summary>
        EcdsaWithSha1 = 4,

        /// <summary>sha1WithRSAEncryption, 1.2.840.113549.1.1.5.</summary>
        RsaPkcs1Sha1 = 5,

        /// <summary>sha256WithRSAEncryption, 1.2.840.113549.1.1.11 (RFC 4055 §5).</summary>
        RsaPkcs1Sha256 = 6,

        /// <summary>sha384WithRSAEncryption, 1.2.840.113549.1.1.12.</summary>
        RsaPkcs1Sha384 = 7,

        /// <summary>sha512WithRSAEncryption, 1.2.840.113549.1.1.13.</summary>
        RsaPkcs1Sha512 = 8,

        /// <summary>id-RSASSA-PSS, 1.2.840.113549.1.1.10 (RFC 4055 §3.1).</summary>
        RsaPss = 9,

        /// <summary>id-Ed25519, 1.3.101.112 (RFC 8410 §3).</summary>
        Ed25519 = 10,
    }
}
