using System;
using NanoMikey.X509.Asn1;
using NanoMikey.Ecc;
using NanoMikey.Crypto.Hash;

namespace NanoMikey.X509
{
    /// <summary>Signature verification and key extraction for a parsed certificate.</summary>
    public sealed partial class X509Certificate
    {
        // Scratch owned by the reader, so verification allocates nothing after the first call.
        private readonly Sha256 _sha256 = new Sha256();
        private readonly byte[] _hash = new byte[Sha256.HashSize];
        private readonly byte[] _rs = new byte[EcdsaSignatureEncoding.RawLength];
        private P256PublicKey? _issuerKey;

        /// <summary>
        /// Verifies this certificate's ecdsa-with-SHA256 signature (SHA-256 over the TBS bytes, then ECDSA, RFC 5758 §3.2)
        /// under <paramref name="issuerKey"/>.
        /// </summary>
        /// <param name="issuerKey">The issuer's validated P-256 public key.</param>
        /// <returns><see cref="Asn1Status.Ok"/>; <see cref="Asn1Status.UnsupportedAlgorithm"/> for another algorithm;
        /// a DER error for a malformed signature value; <see cref="Asn1Status.SignatureInvalid"/> otherwise.</returns>
        /// <exception cref="InvalidOperationException">No certificate was parsed successfully, or the key holds no point.</exception>
        public Asn1Status VerifySignature(P256PublicKey issuerKey)
        {
            if (issuerKey == null)
            {
                throw new ArgumentNullException("issuerKey");
            }

            EnsureParsed();
            if (!issuerKey.HasValue)
            {
                throw new InvalidOperationException("The issuer key holds no point.");
            }

            if (_signatureAlgorithm != X509SignatureAlgorithm.EcdsaWithSha256)
            {
                return Asn1Status.UnsupportedAlgorithm;
            }

            Asn1Status s = EcdsaSignatureEncoding.DecodeDer(_data, _signatureOffset, _signatureLength, _rs, 0);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            _sha256.Reset();
            _sha256.Update(_data, _tbsOffset, _tbsLength);
            _sha256.Final(_hash, 0);
            return EcdsaP256.Verify(issuerKey, _hash, 0, Sha256.HashSize, _rs, 0) ? Asn1Status.Ok : Asn1Status.SignatureInvalid;
        }

        /// <summary>
        /// Verifies that <paramref name="issuer"/> signed this certificate: this issuer Name equals the issuer's subject
        /// (byte for byte) and the signature verifies under the issuer's P-256 key. Pass the certificate itself for a
        /// self-signed one. An RSA signature gives <see cref="Asn1Status.VerifierMissing"/> here: use the overload with a verifier. Issuer policy (cA flag, key usage, validity) stays with the caller; <see cref="X509ChainValidator"/>
        /// checks a whole path against trust anchors.
        /// </summary>
        /// <param name="issuer">A successfully parsed issuer certificate.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.IssuerMismatch"/>, the issuer's key problem,
        /// or a result of <see cref="VerifySignature"/>.</returns>
        /// <exception cref="InvalidOperationException">This or the issuer certificate was not parsed successfully.</exception>
        public Asn1Status VerifySignedBy(X509Certificate issuer)
        {
            return VerifySignedBy(issuer, null);
        }

        /// <summary>
        /// Verifies that <paramref name="issuer"/> signed this certificate, as <see cref="VerifySignedBy(X509Certificate)"/>,
        /// with RSA signatures (sha256WithRSAEncryption, RSASSA-PSS) handed to <paramref name="verifier"/> together with the
        /// issuer's SubjectPublicKeyInfo. Without a verifier an RSA signature never passes: the result is
        /// <see cref="Asn1Status.VerifierMissing"/>.
        /// </summary>
        /// <param name="issuer">A successfully parsed issuer certificate.</param>
        /// <param name="verifier">The RSA verifier (NanoMikey.Rsa's RsaCertificateVerifier), or null on an ECC-only device.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.IssuerMismatch"/>, <see cref="Asn1Status.VerifierMissing"/>,
        /// the issuer's key problem, or the verification result.</returns>
        /// <exception cref="InvalidOperationException">This or the issuer certificate was not parsed successfully.</exception>
        public Asn1Status VerifySignedBy(X509Certificate issuer, IX509SignatureVerifier? verifier)
        {
            if (issuer == null)
            {
                throw new ArgumentNullException("issuer");
            }

            EnsureParsed();
            issuer.EnsureParsed();
            if (!X509Name.AreEqual(_data, _issuerOffset, _issuerLength, issuer._data, issuer._subjectOffset, issuer._subjectLength))
            {
                return Asn1Status.IssuerMismatch;
            }

            if (IsRsaSignature(_signatureAlgorithm))
            {
                if (verifier == null)
                {
                    return Asn1Status.VerifierMissing;
                }

                if (issuer._rsaKeyStatus != Asn1Status.Ok)
                {
                    return issuer._rsaKeyStatus;
                }

                return verifier.VerifyCertificateSignature(this, issuer._data, issuer._spkiOffset, issuer._spkiLength);
            }

            if (_issuerKey == null)
            {
                _issuerKey = new P256PublicKey();
            }

            Asn1Status s = issuer.ReadPublicKey(_issuerKey);
            return s == Asn1Status.Ok ? VerifySignature(_issuerKey) : s;
        }

        /// <summary>The subject's RSA key as ranges of <see cref="Data"/>: modulus and public exponent magnitudes (big-endian,
        /// no sign octet), for NanoMikey.Rsa's key holder, which checks size and parity.</summary>
        /// <param name="modulusOffset">Offset of the modulus; 0 on failure.</param>
        /// <param name="modulusLength">Length of the modulus; 0 on failure.</param>
        /// <param name="exponentOffset">Offset of the public exponent; 0 on failure.</param>
        /// <param name="exponentLength">Length of the public exponent; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> for an rsaEncryption or id-RSASSA-PSS key; <see cref="Asn1Status.UnsupportedAlgorithm"/>
        /// for another key type; or the DER error of a badly encoded RSA key.</returns>
        /// <exception cref="InvalidOperationException">No certificate was parsed successfully.</exception>
        public Asn1Status ReadRsaPublicKey(out int modulusOffset, out int modulusLength, out int exponentOffset, out int exponentLength)
        {
            EnsureParsed();
            modulusOffset = _rsaModulusOffset;
            modulusLength = _rsaModulusLength;
            exponentOffset = _rsaExponentOffset;
            exponentLength = _rsaExponentLength;
            return _rsaKeyStatus;
        }

        /// <summary>True for the RSA signature algorithms an <see cref="IX509SignatureVerifier"/> handles.</summary>
        internal static bool IsRsaSignature(X509SignatureAlgorithm algorithm)
        {
            return algorithm == X509SignatureAlgorithm.RsaPkcs1Sha1 || algorithm == X509SignatureAlgorithm.RsaPkcs1Sha256
                || algorithm == X509SignatureAlgorithm.RsaPkcs1Sha384 || algorithm == X509SignatureAlgorithm.RsaPkcs1Sha512
                || algorithm == X509SignatureAlgorithm.RsaPss;
        }

        /// <summary>Loads the subject's public key into <paramref name="key"/>, validating the point (SEC 1 §3.2.2.1).</summary>
        /// <param name="key">Key holder to fill; unchanged on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, the reason the key is not P-256 (<see cref="PublicKeyStatus"/>), or
        /// <see cref="Asn1Status.InvalidPublicKey"/> for a point not on the curve.</returns>
        /// <exception cref="InvalidOperationException">No certificate was parsed successfully.</exception>
        public Asn1Status ReadPublicKey(P256PublicKey key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            EnsureParsed();
            if (_publicKeyStatus != Asn1Status.Ok)
            {
                return _publicKeyStatus;
            }

            return key.TryImport(_data, _publicKeyOffset, _publicKeyLength) ? Asn1Status.Ok : Asn1Status.InvalidPublicKey;
        }
    }
}
