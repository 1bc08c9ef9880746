namespace NanoMikey.X509
{
    /// <summary>
    /// Outcome of <see cref="X509ChainValidator.Validate"/> (a subset of RFC 5280 §6.1); every value but
    /// <see cref="Valid"/> names the first rule a certificate of the path broke (see <see cref="X509ChainValidator.FailedDepth"/>).
    /// </summary>
    public enum X509ChainStatus
    {
        /// <summary>The path from the leaf to a trust anchor satisfies every rule.</summary>
        Valid = 0,

        /// <summary>A certificate did not parse, or one of the extensions the validator reads (basicConstraints,
        /// keyUsage), its public key or its signature value is badly encoded.</summary>
        Malformed = 1,

        /// <summary>A signature algorithm or issuer key type the validator cannot verify (ecdsa-with-SHA256 with P-256; sha256WithRSAEncryption and RSASSA-PSS with SHA-256 and MGF1-SHA-256 with an RSA key through the verifier; nothing with SHA-1).</summary>
        UnsupportedAlgorithm = 2,

        /// <summary>No trust anchor and no supplied intermediate has the subject name the certificate names as its issuer
        /// (RFC 5280 §6.1.3 (a)(4)): the chain is incomplete.</summary>
        NameChainingFailed = 3,

        /// <summary>The path ends in a self-issued certificate that is not a trust anchor (RFC 5280 §6.1: every path starts at one).</summary>
        UntrustedRoot = 4,

        /// <summary>The path would hold more certificates than <see cref="X509ChainValidator.MaxDepth"/>.</summary>
        TooDeep = 5,

        /// <summary>The signature does not verify under the issuer's key (RFC 5280 §6.1.3 (a)(1)).</summary>
        SignatureInvalid = 6,

        /// <summary>The validation time is before notBefore (RFC 5280 §6.1.3 (a)(2)).</summary>
        NotYetValid = 7,

        /// <summary>The validation time is after notAfter (RFC 5280 §6.1.3 (a)(2)).</summary>
        Expired = 8,

        /// <summary>An issuing certificate lacks basicConstraints with cA TRUE (RFC 5280 §6.1.4 (k)).</summary>
        NotACa = 9,

        /// <summary>More non-self-issued intermediates follow an issuer than its pathLenConstraint allows (RFC 5280 §6.1.4 (l), (m)).</summary>
        PathLengthExceeded = 10,

        /// <summary>keyUsage is present but lacks keyCertSign on an issuer (RFC 5280 §6.1.4 (n)) or the leaf usage the
        /// caller requires (<see cref="X509ChainValidator.RequiredLeafKeyUsage"/>, digitalSignature by default).</summary>
        KeyUsageMissing = 11,

        /// <summary>A critical extension the validator does not process (RFC 5280 §4.2, §6.1.4 (o)).</summary>
        UnhandledCriticalExtension = 12,

        /// <summary>A certificate of the path is RSA-signed (sha256WithRSAEncryption, RSASSA-PSS) and no
        /// <see cref="X509ChainValidator.SignatureVerifier"/> was set: X509.Nano carries no RSA code of its own.</summary>
        VerifierMissing = 13,
    }
}
