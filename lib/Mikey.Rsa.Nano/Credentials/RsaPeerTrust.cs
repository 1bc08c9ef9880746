using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hash;
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

        private const int TagRfc822Name = 0x81; // GeneralName [1] IA5String, RFC 5280 §4.2.1.6
        private const int TagUri = 0x86;        // GeneralName [6] IA5String

        private readonly X509ChainValidator _validator = new X509ChainValidator();
        private readonly X509Certificate?[] _path = new X509Certificate?[RsaModeValues.MaxCertificates];
        private readonly X509Certificate[] _intermediates = new X509Certificate[RsaModeValues.MaxCertificates - 1];
        private readonly RsaPublicKey _pinnedKey;
        private readonly RsaPublicKey _signerKey;
        private readonly byte[] _pinnedHash = new byte[Sha256.HashSize];
        private readonly byte[] _hash = new byte[Sha256.HashSize];
        private readonly byte[] _modulus;
        private readonly byte[] _exponent;
        private readonly byte[] _identity = new byte[RsaModeValues.MaxIdentityLength];
        private readonly DerReader _der = new DerReader(4);
        private bool _hashPinned;
        private int _anchorCount;
        private int _identityLength;

        /// <summary>Creates a trust configuration that trusts nothing, for peer keys of up to <paramref name="maxBits"/> bits.</summary>
        /// <param name="maxBits">Largest peer modulus accepted (RsaPublicKey.MinBits to RsaPublicKey.MaxBits).</param>
        public RsaPeerTrust(int maxBits)
        {
            if (maxBits < RsaPublicKey.MinBits || maxBits > RsaPublicKey.MaxBits) throw new ArgumentOutOfRangeException();
            _pinnedKey = new RsaPublicKey(maxBits);
            _signerKey = new RsaPublicKey(maxBits);
            _modulus = new byte[maxBits / 8];
            _exponent = new byte[maxBits / 8];
            // The caller of the validator (this class) checks subjectAltName against the MIKEY identity itself.
            _validator.AddHandledExtension(X509ExtensionType.SubjectAltName);
            ChainStatus = X509ChainStatus.UntrustedRoot;
        }

        /// <summary>
        /// Verifier of RSA certificate signatures (NanoMikey.Rsa's RsaCertificateVerifier) for chains with RSA issuers; null
        /// (the default) accepts only ECDSA-signed chains (RSA-signed paths then fail with VerifierMissing).
        /// </summary>
        public IX509SignatureVerifier? CertificateVerifier
        {
            get { return _validator.SignatureVerifier; }
            set { _validator.SignatureVerifier = value; }
        }

        /// <summary>Outcome of the last certificate path validation (trust anchors configured), for diagnostics.</summary>
        public X509ChainStatus ChainStatus { get; private set; }

        /// <summary>Number of trust anchors added.</summary>
        public int TrustAnchorCount
        {
            get { return _anchorCount; }
        }

        /// <summary>Adds a trust anchor: a CA certificate (its name and key are copied, RFC 5280 §6.1.1 (d)).</summary>
        /// <param name="der">Buffer holding the certificate.</param>
        /// <param name="offset">Offset of the certificate.</param>
        /// <param name="length">Certificate length.</param>
        /// <returns>Ok, or why the certificate could not be read (nothing is added then).</returns>
        public Asn1Status AddTrustAnchor(byte[] der, int offset, int length)
        {
            if (der == null) throw new ArgumentNullException();
            if (length < 1 || offset < 0 || offset > der.Length - length) throw new ArgumentOutOfRangeException();
            if (_anchorCount == MaxTrustAnchors) throw new InvalidOperationException();
            X509Certificate anchor = Reader(0);
            Asn1Status s = anchor.Parse(der, offset, length);
            if (s == Asn1Status.Ok) s = _validator.AddTrustAnchor(anchor);
            if (s == Asn1Status.Ok) _anchorCount++;
            return s;
        }

        /// <summary>Pins the peer's leaf certificate by its SHA-256 fingerprint (the CHASH value); the peer must send that certificate.</summary>
        /// <param name="sha256">Buffer holding the 32-byte fingerprint.</param>
        /// <param name="offset">Offset of the fingerprint.</param>
        public void PinCertificateHash(byte[] sha256, int offset)
        {
            if (sha256 == null) throw new ArgumentNullException();
            if (offset < 0 || offset > sha256.Length - Sha256.HashSize) throw new ArgumentOutOfRangeException();
            Array.Copy(sha256, offset, _pinnedHash, 0, Sha256.HashSize);
            _hashPinned = true;
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
            if (length < 0 || length > _identity.Length) throw new ArgumentOutOfRangeException();
            if (length > 0) Array.Copy(id!, offset, _identity, 0, length);
            _identityLength = length;
        }

        /// <summary>Forgets the pins and the expected identity (trust anchors stay: the validator cannot drop them).</summary>
        public void ClearPins()
        {
            _pinnedKey.Clear();
            _hashPinned = false;
            _identityLength = 0;
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
            get { return _hash; }
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
            ErrorCode = ErrorCode.InvalidCert;
            _signerKey.Clear();
            if (_anchorCount == 0 && !_hashPinned && !_pinnedKey.HasValue) return MikeyExchangeStatus.UnknownPeer;
            if (idLength >= 0 && _identityLength > 0 && !Equal(id, idOffset, idLength, _identity, 0, _identityLength)) return Fail(ErrorCode.InvalidId);
            if (certCount == 0)
            {
                // Only a pinned key may stand without a certificate.
                if (_anchorCount > 0 || _hashPinned) return MikeyExchangeStatus.AuthenticationFailed;
                Copy(_pinnedKey, _signerKey);
                ErrorCode = ErrorCode.Unspecified;
                return MikeyExchangeStatus.Ok;
            }

            if (certCount > RsaModeValues.MaxCertificates) return MikeyExchangeStatus.AuthenticationFailed;
            for (int i = 0; i < certCount; i++)
            {
                if (Reader(i).Parse(data, certOffset[i], certLength[i]) != Asn1Status.Ok) return MikeyExchangeStatus.AuthenticationFailed;
            }

            X509Certificate leaf = Reader(0);
            leaf.ComputeSha256Fingerprint(_hash, 0);
            if (!leaf.IsValidAt(ntpSeconds) || RsaCertificateKey.Read(leaf, _signerKey) != Asn1Status.Ok) return MikeyExchangeStatus.AuthenticationFailed;
            bool trusted;
            if (_anchorCount > 0)
            {
                ChainStatus = _validator.Validate(leaf, _intermediates, certCount - 1, ntpSeconds);
                trusted = ChainStatus == X509ChainStatus.Valid;
            }
            else if (_hashPinned)
            {
                trusted = ConstantTime.AreEqual(_hash, 0, _pinnedHash, 0, Sha256.HashSize);
            }
            else
            {
                trusted = _signerKey.SameAs(_pinnedKey);
            }

            if (!trusted)
            {
                _signerKey.Clear();
                return MikeyExchangeStatus.AuthenticationFailed;
            }

            if (idLength >= 0 && !LeafNames(leaf, id, idOffset, idLength))
            {
                _signerKey.Clear();
                return Fail(ErrorCode.InvalidId);
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

        private X509Certificate Reader(int i)
        {
            X509Certificate? c = _path[i];
            if (c == null)
            {
                c = new X509Certificate();
                _path[i] = c;
                if (i > 0) _intermediates[i - 1] = c;
            }

            return c;
        }

        // A subjectAltName URI or rfc822Name equal to the ID data; without subjectAltName, the subject CN (RFC 5280 §4.2.1.6, §4.1.2.4).
        private bool LeafNames(X509Certificate leaf, byte[] id, int idOffset, int idLength)
        {
            bool critical;
            int vo;
            int vl;
            Asn1Status s = leaf.FindExtension(X509ExtensionType.SubjectAltName, out critical, out vo, out vl);
            byte[] d = leaf.Data;
            DerReader r = _der;
            if (s == Asn1Status.Ok)
            {
                r.Reset(d, vo, vl);
                if (!r.EnterSequence()) return false;
                while (r.HasData)
                {
                    int tag;
                    int co;
                    int cl;
                    if (!r.ReadAny(out tag, out co, out cl)) return false;
                    if ((tag == TagUri || tag == TagRfc822Name) && Equal(d, co, cl, id, idOffset, idLength)) return true;
                }

                return false;
            }

            if (s != Asn1Status.NotFound) return false;
            int t;
            int no;
            int nl;
            return X509Name.FindAttribute(r, d, leaf.SubjectOffset, leaf.SubjectLength, X509NameAttribute.CommonName, out t, out no, out nl) == Asn1Status.Ok
                && Equal(d, no, nl, id, idOffset, idLength);
        }

        private MikeyExchangeStatus Fail(ErrorCode code)
        {
            ErrorCode = code;
            return MikeyExchangeStatus.AuthenticationFailed;
        }

        internal static bool Equal(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength)
        {
            if (aLength != bLength) return false;
            for (int i = 0; i < aLength; i++)
            {
                if (a[aOffset + i] != b[bOffset + i]) return false;
            }

            return true;
        }
    }
}
