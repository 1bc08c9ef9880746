using System;
using NanoMikey.Crypto.Hash;
using NanoMikey.X509;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// Verifies RSA certificate signatures for X509.Nano (<see cref="IX509SignatureVerifier"/>): sha256WithRSAEncryption
    /// (RSASSA-PKCS1-v1_5, RFC 4055 §5, RFC 8017 §8.2) and RSASSA-PSS with SHA-256, MGF1-SHA-256 and the certificate's
    /// salt length (RFC 4055 §3.1, RFC 8017 §8.1). Set it on <see cref="X509ChainValidator.SignatureVerifier"/>.
    /// </summary>
    /// <remarks>
    /// SHA-1 signatures (sha1WithRSAEncryption, PSS over SHA-1) are refused as UnsupportedAlgorithm, as ecdsa-with-SHA1 is:
    /// a certificate signature needs collision resistance. An id-RSASSA-PSS issuer key verifies PSS signatures only
    /// (RFC 4055 §3.1). The issuer key is read from its SubjectPublicKeyInfo on every call into a holder of this object;
    /// verification allocates nothing after construction. Not thread-safe.
    /// </remarks>
    public sealed class RsaCertificateVerifier : IX509SignatureVerifier
    {
        private readonly DerReader _reader = new DerReader(3);
        private readonly RsaPublicKey _key;
        private readonly RsaSignature _signature;
        private readonly Sha256 _sha256 = new Sha256();
        private readonly byte[] _digest = new byte[Sha256.HashSize];

        /// <summary>Creates a verifier for issuer keys of up to <paramref name="maxBits"/> bits.</summary>
        /// <param name="maxBits">Largest issuer modulus, <see cref="RsaPublicKey.MinBits"/> to <see cref="RsaPublicKey.MaxBits"/>;
        /// larger issuer keys give <see cref="Asn1Status.InvalidPublicKey"/>.</param>
        public RsaCertificateVerifier(int maxBits)
        {
            _key = new RsaPublicKey(maxBits);
            _signature = new RsaSignature(maxBits);
        }

        /// <inheritdoc/>
        public Asn1Status VerifyCertificateSignature(X509Certificate certificate, byte[] issuerKeyInfo, int offset, int length)
        {
            if (certificate == null)
            {
                throw new ArgumentNullException("certificate");
            }

            if (certificate.Status != Asn1Status.Ok)
            {
                throw new ArgumentException("The certificate was not parsed successfully.", "certificate");
            }

            bool pss;
            X509SignatureAlgorithm alg = certificate.SignatureAlgorithm;
            if (alg == X509SignatureAlgorithm.RsaPkcs1Sha256)
            {
                pss = false;
            }
            else if (alg == X509SignatureAlgorithm.RsaPss && certificate.SignatureHashAlgorithm == X509HashAlgorithm.Sha256
                && certificate.PssMaskHashAlgorithm == X509HashAlgorithm.Sha256)
            {
                pss = true;
            }
            else
            {
                return Asn1Status.UnsupportedAlgorithm;
            }

            X509PublicKeyAlgorithm keyAlgorithm;
            int mo;
            int ml;
            int eo;
            int el;
            Asn1Status s = RsaSubjectPublicKeyInfo.Read(_reader, issuerKeyInfo, offset, length, out keyAlgorithm, out mo, out ml, out eo, out el);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            // RFC 4055 §3.1: an id-RSASSA-PSS key is for PSS signatures only.
            if (keyAlgorithm == X509PublicKeyAlgorithm.RsaPss && !pss)
            {
                return Asn1Status.UnsupportedAlgorithm;
            }

            if (!_key.TryImport(issuerKeyInfo, mo, ml, issuerKeyInfo, eo, el))
            {
                return Asn1Status.InvalidPublicKey;
            }

            // RFC 5280 §4.1.1.3: the signature covers the DER TBSCertificate.
            byte[] data = certificate.Data;
            _sha256.Reset();
            _sha256.Update(data, certificate.TbsOffset, certificate.TbsLength);
            _sha256.Final(_digest, 0);
            bool ok = pss
                ? _signature.VerifyPss(_key, RsaHash.Sha256, _digest, 0, certificate.PssSaltLength, data, certificate.SignatureOffset, certificate.SignatureLength)
                : _signature.VerifyPkcs1(_key, RsaHash.Sha256, _digest, 0, data, certificate.SignatureOffset, certificate.SignatureLength);
            _key.Clear();
            return ok ? Asn1Status.Ok : Asn1Status.SignatureInvalid;
        }

        /// <summary>Wipes the scratch (nothing secret is held: keys and signatures are public).</summary>
        public void Clear()
        {
            _key.Clear();
            _signature.Clear();
            _sha256.Reset();
            Array.Clear(_digest, 0, _digest.Length);
        }
    }
}
