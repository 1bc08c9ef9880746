using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hash;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.X509;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// How a party decides whose signature it accepts (docs/ecc-profile.md §1.4): trust anchors (the peer's CERT chain is
    /// validated at the local time), else a pinned certificate hash (SHA-256 of the leaf, as in CHASH), else a pinned public
    /// key; and the identity the peer's ID payload must carry (the leaf's subjectAltName URI / rfc822Name, or its CN when
    /// it has no subjectAltName). Owns its certificate readers; allocation-free per exchange after the first.
    /// </summary>
    public sealed class EccPeerTrust
    {
        /// <summary>Trust anchors at most.</summary>
        public const int MaxTrustAnchors = 4;

        // Anchors, CHASH pin, expected identity and the chain/name checks: shared with the RSA modes (X509PeerTrust).
        private readonly X509PeerTrust _trust = new X509PeerTrust(EccProfileValues.MaxCertificates, MaxTrustAnchors, EccCredentials.MaxIdentityLength);
        private P256PublicKey? _pinnedKey; // made by PinPublicKey: a key holder is ~0.3 KB of interpreter heap (issue 10 §2)
        private readonly P256PublicKey _signerKey = new P256PublicKey();
        private readonly byte[] _point = new byte[P256PublicKey.UncompressedLength];

        /// <summary>Creates a trust configuration that trusts nothing.</summary>
        public EccPeerTrust()
        {
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

        /// <summary>
        /// Adds a trust anchor: a CA certificate, or a peer's own certificate (pinned); its name and key are copied (RFC 5280
        /// §6.1.1 (d)). Paths are validated with <see cref="X509ChainValidator"/> at the local clock's time.
        /// </summary>
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
        /// <param name="key">The peer's validated public key.</param>
        public void PinPublicKey(P256PublicKey key)
        {
            if (key == null) throw new ArgumentNullException();
            if (!key.HasValue) throw new ArgumentException();
            key.ExportUncompressed(_point, 0);
            if (_pinnedKey == null) _pinnedKey = new P256PublicKey();
            _pinnedKey.TryImport(_point, 0, _point.Length);
        }

        /// <summary>
        /// Sets the identity the peer's ID payload must carry (checked in addition to the certificate match; the only identity
        /// check when a pinned key is used without a certificate). Length 0 accepts any identity the certificate allows.
        /// </summary>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length (at most <see cref="EccCredentials.MaxIdentityLength"/>).</param>
        public void SetExpectedIdentity(byte[]? id, int offset, int length)
        {
            _trust.SetExpectedIdentity(id, offset, length);
        }

        /// <summary>Forgets the pins and the expected identity (trust anchors stay: the validator cannot drop them).</summary>
        public void ClearPins()
        {
            if (_pinnedKey != null) _pinnedKey.Clear();
            _trust.ClearPins();
        }

        /// <summary>The key that verified the last <see cref="Authenticate"/>: the peer's long-term key.</summary>
        internal P256PublicKey SignerKey
        {
            get { return _signerKey; }
        }

        /// <summary>The MIKEY error that fits the last failure.</summary>
        internal ErrorCode ErrorCode;

        /// <summary>True when the leaf of the last successful <see cref="Authenticate"/> has this SHA-256 fingerprint.</summary>
        internal bool LeafHashIs(byte[] hash, int offset)
        {
            return ConstantTime.AreEqual(_trust.LeafHash, 0, hash, offset, Sha256.HashSize);
        }

        /// <summary>SHA-256 fingerprint of the leaf of the last successful <see cref="Authenticate"/> with certificates.</summary>
        internal byte[] LeafHash
        {
            get { return _trust.LeafHash; }
        }

        /// <summary>
        /// Finds and checks the peer's key (docs/ecc-profile.md §1.4): the certificate chain (DER ranges
        /// in <paramref name="data"/>, leaf first; count 0 when the peer sent none) against the configured trust, and the
        /// peer's identity against the leaf (no identity check when <paramref name="idLength"/> is negative). On Ok, <see cref="SignerKey"/> holds the key the peer's signature must verify
        /// under; otherwise <see cref="ErrorCode"/> says why.
        /// </summary>
        internal MikeyExchangeStatus Authenticate(byte[] data, int[] certOffset, int[] certLength, int certCount,
            byte[] id, int idOffset, int idLength, ulong ntpSeconds)
        {
            X509PeerTrust t = _trust;
            ErrorCode = ErrorCode.InvalidCert;
            _signerKey.Clear();
            P256PublicKey? pinned = _pinnedKey != null && _pinnedKey.HasValue ? _pinnedKey : null;
            if (!t.RequiresCertificate && pinned == null) return MikeyExchangeStatus.UnknownPeer;
            if (idLength >= 0 && !t.ExpectedIdentityAllows(id, idOffset, idLength)) return Fail(ErrorCode.InvalidId);
            if (certCount == 0)
            {
                // Only a pinned key may stand without a certificate; the identity was compared above (if one is expected).
                if (t.RequiresCertificate) return MikeyExchangeStatus.AuthenticationFailed;
                pinned!.ExportUncompressed(_point, 0);
                _signerKey.TryImport(_point, 0, _point.Length);
                ErrorCode = ErrorCode.Unspecified;
                return MikeyExchangeStatus.Ok;
            }

            X509Certificate? leaf = t.ReadChain(data, certOffset, certLength, certCount, ntpSeconds);
            if (leaf == null || leaf.ReadPublicKey(_signerKey) != Asn1Status.Ok) return MikeyExchangeStatus.AuthenticationFailed;
            bool trusted = t.RequiresCertificate ? t.ChainTrusted(certCount, ntpSeconds) : _signerKey.SameAs(pinned!);
            if (!trusted || (idLength >= 0 && !t.LeafNames(id, idOffset, idLength)))
            {
                _signerKey.Clear();
                return trusted ? Fail(ErrorCode.InvalidId) : MikeyExchangeStatus.AuthenticationFailed;
            }

            ErrorCode = ErrorCode.Unspecified;
            return MikeyExchangeStatus.Ok;
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
