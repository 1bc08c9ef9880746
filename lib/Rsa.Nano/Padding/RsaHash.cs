namespace NanoMikey.Rsa
{
    /// <summary>
    /// Hash functions of the RSA padding schemes (RFC 8017 §9.2 Note 1, Appendix B.1): the digest the caller passes,
    /// the DigestInfo of PKCS#1 v1.5 signatures, and MGF1 and the label hash of PSS and OAEP (MGF1 with the same hash).
    /// </summary>
    public enum RsaHash
    {
        /// <summary>SHA-1 (FIPS 180-4), 20-byte digests: MIKEY's default for PK, DH-SIGN and RSA-R.</summary>
        Sha1,

        /// <summary>SHA-256 (FIPS 180-4), 32-byte digests.</summary>
        Sha256,
    }
}
