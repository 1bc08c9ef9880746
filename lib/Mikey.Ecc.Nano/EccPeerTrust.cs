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

        private const int TagRfc822Name = 0x81; // GeneralName [1] IA5String, RFC 5280 §4.2.1.6
        private const int TagUri = 0x86;        // GeneralName [6] IA5String

        private readonly X509ChainValidator _validator = new X509ChainValidator();
        // Certificate readers (~2.5 KB each on the interpreter) are created on first use: a peer that sends one certificate
        // costs one reader; trust anchors are parsed in reader 0 and kept by the validator as name + key only.
        private readonly X509Certificate?[] _path = new X509Certificate?[EccProfileValues.MaxCertificates];
        private readonly X509Certificate[] _intermediates = new X509Certificate[EccProfileValues.MaxCertificates - 1];
        private readonly P256PublicKey _pinnedKey = new P256PublicKey();
        private readonly P256PublicKey _signerKey = new P256PublicKey();
        private readonly byte[] _pinnedHash = new byte[Sha256.HashSize];
        private readonly byte[] _hash = new byte[Sha256.HashSize];
        private readonly byte[] _point = new byte[P256PublicKey.UncompressedLength];
        private readonly byte[] _identity = new byte[EccCredentials.MaxIdentityLength];
        private readonly DerReader _san = new DerReader(4);
        private bool _hashPinned;
        private int _anchorCount;
        private int _identityLength;

        /// <summary>Creates a trust configuration that trusts nothing.</summary>
        public EccPeerTrust()
        {
            // The caller of the validator (this class) checks subjectAltName against the MIKEY identity itself.
            _validator.AddHandledExtension(X509ExtensionType.SubjectAltName);
            ChainStatus = X509ChainStatus.UntrustedRoot;
        }

        /// <summary>Outcome of the last certificate path validation (trust anchors configured), for diagnostics.</summary>
        public X509ChainStatus ChainStatus { get; private set; }

        /// <summary>Number of trust anchors added.</summary>
        public int TrustAnchorCount
        {
            get { return _anchorCount; }
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
        /// <param name="key">The peer's validated public key.</param>
        public void PinPublicKey(P256PublicKey key)
        {
            if (key == null) throw new ArgumentNullException();
            if (!key.HasValue) throw new ArgumentException();
            key.ExportUncompressed(_point, 0);
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
            return ConstantTime.AreEqual(_hash, 0, hash, offset, Sha256.HashSize);
        }

        /// <summary>SHA-256 fingerprint of the leaf of the last successful <see cref="Authenticate"/> with certificates.</summary>
        internal byte[] LeafHash
        {
            get { return _hash; }
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
            ErrorCode = ErrorCode.InvalidCert;
            _signerKey.Clear();
            if (_anchorCount == 0 && !_hashPinned && !_pinnedKey.HasValue) return MikeyExchangeStatus.UnknownPeer;
            if (idLength >= 0 && _identityLength > 0 && !Equal(id, idOffset, idLength, _identity, 0, _identityLength)) return Fail(ErrorCode.InvalidId);
            if (certCount == 0)
            {
                // Only a pinned key may stand without a certificate; the identity was compared above (if one is expected).
                if (_anchorCount > 0 || _hashPinned) return MikeyExchangeStatus.AuthenticationFailed;
                _pinnedKey.ExportUncompressed(_point, 0);
                _signerKey.TryImport(_point, 0, _point.Length);
                ErrorCode = ErrorCode.Unspecified;
                return MikeyExchangeStatus.Ok;
            }

            for (int i = 0; i < certCount; i++)
            {
                if (Reader(i).Parse(data, certOffset[i], certLength[i]) != Asn1Status.Ok) return MikeyExchangeStatus.AuthenticationFailed;
            }

            X509Certificate leaf = Reader(0);
            leaf.ComputeSha256Fingerprint(_hash, 0);
            if (!leaf.IsValidAt(ntpSeconds) || leaf.ReadPublicKey(_signerKey) != Asn1Status.Ok) return MikeyExchangeStatus.AuthenticationFailed;
            bool trusted;
            if (_anchorCount > 0) trusted = ValidatePath(certCount, ntpSeconds);
            else if (_hashPinned) trusted = ConstantTime.AreEqual(_hash, 0, _pinnedHash, 0, Sha256.HashSize);
            else trusted = _signerKey.SameAs(_pinnedKey);
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

        // RFC 5280 §6.1 subset (X509ChainValidator): leaf, then the intermediates in any order, up to a trust anchor.
        private bool ValidatePath(int count, ulong ntpSeconds)
        {
            ChainStatus = _validator.Validate(Reader(0), _intermediates, count - 1, ntpSeconds);
            return ChainStatus == X509ChainStatus.Valid;
        }

        // Certificate reader i (path position i; i >= 1 is intermediate i - 1), created on first use.
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

        // docs/ecc-profile.md §1.4: a subjectAltName URI or rfc822Name equal to the ID data; without subjectAltName, the CN.
        private bool LeafNames(X509Certificate leaf, byte[] id, int idOffset, int idLength)
        {
            bool critical;
            int vo;
            int vl;
            Asn1Status s = leaf.FindExtension(X509ExtensionType.SubjectAltName, out critical, out vo, out vl);
            byte[] d = leaf.Data;
            if (s == Asn1Status.Ok)
            {
                DerReader r = _san;
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
            return CommonNameIs(d, leaf.SubjectOffset, leaf.SubjectLength, id, idOffset, idLength);
        }

        // docs/ecc-profile.md §1.4: without subjectAltName the identity is the subject CN (RFC 5280 §4.1.2.4).
        private bool CommonNameIs(byte[] d, int nameOffset, int nameLength, byte[] id, int idOffset, int idLength)
        {
            int tag;
            int vo;
            int vl;
            return X509Name.FindAttribute(_san, d, nameOffset, nameLength, X509NameAttribute.CommonName, out tag, out vo, out vl) == Asn1Status.Ok
                && Equal(d, vo, vl, id, idOffset, idLength);
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
