using System;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Rsa;
using NanoMikey.X509;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// How a party of the RSA modes decides whose key it accepts: trust anchors (the peer's CERT chain is validated with
    /// <see cref="X509ChainValidator"/> at the local time), else a pinned certificate hash (SHA-256 of the leaf, as in
    /// CHASH), else a pinned RSA public key; and the identity the peer's ID payload must carry (the leaf's subjectAltName URI
    /// / rfc822Name, or its CN when it has no subjectAltName). The leaf's key must be rsaEncryption (RFC 8017 App. A.1).
    /// Owns its certificate readers; allocation-free per exchange after the first.
    /// </summary>
    public sealed class RsaPeerTrust
    {
        /// <summary>Trust anchors at most.</summary>
        public const int MaxTrustAnchors = 4;

        // Anchors, CHASH pin, expected identity and the chain/name checks: shared with the ECC modes (X509PeerTrust).
        private readonly X509PeerTrust _trust = new X509PeerTrust(RsaModeValues.MaxCertificates, MaxTrustAnchors, RsaModeValues.MaxIdentityLength);
        private readonly RsaPublicKey _pinnedKey;
        private readonly RsaPublicKey _signerKey;
        private readonly byte[] _modulus;
        private readonly byte[] _exponent;

        /// <summary>Creates a trust configuration that trusts nothing, for peer keys of up to <paramref name="maxBits"/> bits.</summary>
        /// <param name="maxBits">Largest peer modulus accepted (RsaPublicKey.MinBits to RsaPublicKey.MaxBits).</param>
        public RsaPeerTrust(int maxBits)
        {
            if (maxBits < RsaPublicKey.MinBits || maxBits > RsaPublicKey.MaxBits) throw new ArgumentOutOfRangeException();
            _pinnedKey = new RsaPublicKey(maxBits);
            _signerKey = new RsaPublicKey(maxBits);
            _modulus = new byte[maxBits / 8];
            _exponent = new byte[maxBits / 8];
        }

        /// <summary>
        /// Verifier of RSA certificate signatures (NanoMikey.Rsa's RsaCertificateVerifier) for chains with RSA issuers; null
        /// (the default) accepts only ECDSA-signed chains (RSA-signed paths then fail with VerifierMissing).
        /// </summary>
        public IX509SignatureVerifier? CertificateVerifier
        {
            get { return _trust.SignatureVerifier; }
            set { _trust.SignatureVerifier = value; }
        }

        /// <summary>Outcome of the last certificate path validation (trust anchors configured), for diagnostics.</summary>
        public X509ChainStatus ChainStatus
        {
            get { return _trust.ChainStatus; }
        }

        /// <summary>Number of trust anchors added.</summary>
        public int TrustAnchorCount
        {
            get { return _trust.TrustAnchorCount; }
        }

        /// <summary>Adds a trust anchor: a CA certificate (its name and key are copied, RFC 5280 §6.1.1 (d)).</summary>
        /// <param name="der">Buffer holding the certificate.</param>
        /// <param name="offset">Offset of the certificate.</param>
        /// <param name="length">Certificate length.</param>
        /// <returns>Ok, or why the certificate could not be read (nothing is added then).</returns>
        public Asn1Status AddTrustAnchor(byte[] der, int offset, int length)
        {
            return _trust.AddTrustAnchor(der, offset, length);
        }

        /// <summary>Pins the peer's leaf certificate by its SHA-256 fingerprint (the CHASH value); the peer must send that certificate.</summary>
        /// <param name="sha256">Buffer holding the 32-byte fingerprint.</param>
        /// <param name="offset">Offset of the fingerprint.</param>
        public void PinCertificateHash(byte[] sha256, int offset)
        {
            _trust.PinCertificateHash(sha256, offset);
        }

        /// <summary>Pins the peer's public key (copied); the peer may then omit its certificate.</summary>
        /// <param name="key">The peer's public key.</param>
        public void PinPublicKey(RsaPublicKey key)
        {
            if (key == null) throw new ArgumentNullException();
            if (!key.HasValue || key.ModulusLength > _modulus.Length) throw new ArgumentException();
            if (!Copy(key, _pinnedKey)) throw new ArgumentException();
        }

        /// <summary>
        /// Sets the identity the peer's ID payload must carry (checked in addition to the certificate match; the only identity
        /// check when a pinned key is used without a certificate). Length 0 accepts any identity the certificate allows.
        /// </summary>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length (at most <see cref="RsaModeValues.MaxIdentityLength"/>).</param>
        public void SetExpectedIdentity(byte[]? id, int offset, int length)
        {
            _trust.SetExpectedIdentity(id, offset, length);
        }

        /// <summary>Forgets the pins and the expected identity (trust anchors stay: the validator cannot drop them).</summary>
        public void ClearPins()
        {
            _pinnedKey.Clear();
            _trust.ClearPins();
        }

        /// <summary>The peer's key found by the last successful <see cref="Authenticate"/>.</summary>
        internal RsaPublicKey SignerKey
        {
            get { return _signerKey; }
        }

        /// <summary>The MIKEY error that fits the last failure.</summary>
        internal ErrorCode ErrorCode;

        /// <summary>SHA-256 fingerprint of the leaf of the last successful <see cref="Authenticate"/> with certificates.</summary>
        internal byte[] LeafHash
        {
            get { return _trust.LeafHash; }
        }

        /// <summary>
        /// Finds and checks the peer's key: the certificate chain (DER ranges in <paramref name="data"/>, leaf first; count 0
        /// when the peer sent none) against the configured trust, and the peer's identity against the leaf (no identity check
        /// when <paramref name="idLength"/> is negative). On Ok, <see cref="SignerKey"/> holds the peer's key; otherwise
        /// <see cref="ErrorCode"/> says why.
        /// </summary>
        internal MikeyExchangeStatus Authenticate(byte[] data, int[] certOffset, int[] certLength, int certCount,
            byte[] id, int idOffset, int idLength, ulong ntpSeconds)
        {
            X509PeerTrust t = _trust;
            ErrorCode = ErrorCode.InvalidCert;
            _signerKey.Clear();
            if (!t.RequiresCertificate && !_pinnedKey.HasValue) return MikeyExchangeStatus.UnknownPeer;
            if (idLength >= 0 && !t.ExpectedIdentityAllows(id, idOffset, idLength)) return Fail(ErrorCode.InvalidId);
            if (certCount == 0)
            {
                // Only a pinned key may stand without a certificate.
                if (t.RequiresCertificate) return MikeyExchangeStatus.AuthenticationFailed;
                Copy(_pinnedKey, _signerKey);
                ErrorCode = ErrorCode.Unspecified;
                return MikeyExchangeStatus.Ok;
            }

            X509Certificate? leaf = t.ReadChain(data, certOffset, certLength, certCount, ntpSeconds);
            if (leaf == null || RsaCertificateKey.Read(leaf, _signerKey) != Asn1Status.Ok) return MikeyExchangeStatus.AuthenticationFailed;
            bool trusted = t.RequiresCertificate ? t.ChainTrusted(certCount, ntpSeconds) : _signerKey.SameAs(_pinnedKey);
            if (!trusted || (idLength >= 0 && !t.LeafNames(id, idOffset, idLength)))
            {
                _signerKey.Clear();
                return trusted ? Fail(ErrorCode.InvalidId) : MikeyExchangeStatus.AuthenticationFailed;
            }

            ErrorCode = ErrorCode.Unspecified;
            return MikeyExchangeStatus.Ok;
        }

        private bool Copy(RsaPublicKey from, RsaPublicKey to)
        {
            int n = from.ModulusLength;
            int e = from.ExponentLength;
            if (n > _modulus.Length || e > _exponent.Length) return false;
            from.ExportModulus(_modulus, 0);
            from.ExportExponent(_exponent, 0);
            return to.TryImport(_modulus, 0, n, _exponent, 0, e);
        }

        private MikeyExchangeStatus Fail(ErrorCode code)
        {
            ErrorCode = code;
            return MikeyExchangeStatus.AuthenticationFailed;
        }

        internal static bool Equal(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength)
        {
            return X509PeerTrust.Equal(a, aOffset, aLength, b, bOffset, bLength);
        }
    }
}
