namespace NanoMikey.X509
{
    /// <summary>
    /// Verifies certificate signatures whose algorithm X509.Nano does not implement itself: sha256WithRSAEncryption and
    /// RSASSA-PSS (RFC 4055). X509.Nano carries no RSA code, so ECC-only devices do not load it; an application that trusts
    /// RSA issuers sets an implementation (NanoMikey.Rsa's <c>RsaCertificateVerifier</c>) on <see cref="X509ChainValidator.SignatureVerifier"/>
    /// or passes it to <see cref="X509Certificate.VerifySignedBy(X509Certificate, IX509SignatureVerifier)"/>.
    /// </summary>
    public interface IX509SignatureVerifier
    {
        /// <summary>
        /// Verifies <paramref name="certificate"/>'s signature (its <see cref="X509Certificate.SignatureAlgorithm"/>,
        /// <see cref="X509Certificate.SignatureHashAlgorithm"/>, PSS parameters, TBS bytes and signature bytes) under the
        /// issuer key given as a DER SubjectPublicKeyInfo. Must allocate nothing and never throw for bad input.
        /// </summary>
        /// <param name="certificate">A successfully parsed certificate.</param>
        /// <param name="issuerKeyInfo">Buffer holding the issuer's SubjectPublicKeyInfo.</param>
        /// <param name="offset">Offset of the SubjectPublicKeyInfo.</param>
        /// <param name="length">Exact length of the SubjectPublicKeyInfo.</param>
        /// <returns><see cref="Asn1.Asn1Status.Ok"/>; <see cref="Asn1.Asn1Status.SignatureInvalid"/>;
        /// <see cref="Asn1.Asn1Status.UnsupportedAlgorithm"/> for an algorithm, hash or key type the verifier does not handle;
        /// <see cref="Asn1.Asn1Status.InvalidPublicKey"/> for an unusable issuer key.</returns>
        Asn1.Asn1Status VerifyCertificateSignature(X509Certificate certificate, byte[] issuerKeyInfo, int offset, int length);
    }
}
