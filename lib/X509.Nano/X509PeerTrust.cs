using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hash;
using NanoMikey.X509.Asn1;

namespace NanoMikey.X509
{
    /// <summary>
    /// The certificate half of a MIKEY public-key party's peer trust, whatever the key algorithm (EccPeerTrust and RsaPeerTrust
    /// each own one and add their pinned / signer key): trust anchors (the peer's chain is validated with
    /// <see cref="X509ChainValidator"/>), else a pinned leaf fingerprint (SHA-256, as in CHASH, RFC 3830 §6.8); and the
    /// identity the peer must carry (an expected identity, and the leaf's subjectAltName URI / rfc822Name, or its subject CN
    /// when it has no subjectAltName; RFC 5280 §4.2.1.6, §4.1.2.4). Owns its certificate readers, created on first use;
    /// allocation-free per exchange after the first.
    /// </summary>
    public sealed class X509PeerTrust
    {
        private const int TagRfc822Name = 0x81; // GeneralName [1] IA5String, RFC 5280 §4.2.1.6
        private const int TagUri = 0x86;        // GeneralName [6] IA5String

        private readonly X509ChainValidator _validator = new X509ChainValidator();
        // Certificate readers (~2.5 KB each on the interpreter) are created on first use: a peer that sends one certificate
        // costs one reader; trust anchors are parsed in reader 0 and kept by the validator as name + key only.
        private readonly X509Certificate?[] _path;
        private readonly X509Certificate[] _intermediates;
        private readonly byte[] _pinnedHash = new byte[Sha256.HashSize];
        private readonly byte[] _hash = new byte[Sha256.HashSize];
        private readonly byte[] _identity;
        private readonly DerReader _der = new DerReader(4);
        private readonly int _maxTrustAnchors;
        private bool _hashPinned;
        private int _anchorCount;
        private int _identityLength;

        /// <summary>Creates a trust configuration that trusts nothing.</summary>
        /// <param name="maxCertificates">Longest peer chain (leaf included), at least 1.</param>
        /// <param name="maxTrustAnchors">Trust anchors at most.</param>
        /// <param name="maxIdentityLength">Longest expected identity in bytes.</param>
        public X509PeerTrust(int maxCertificates, int maxTrustAnchors, int maxIdentityLength)
        {
            if (maxCertificates < 1 || maxTrustAnchors < 0 || maxIdentityLength < 0) throw new ArgumentOutOfRangeException();
            _path = new X509Certificate?[maxCertificates];
            _intermediates = new X509Certificate[maxCertificates - 1];
            _identity = new byte[maxIdentityLength];
            _maxTrustAnchors = maxTrustAnchors;
            // The owner of the validator (this class) checks subjectAltName against the MIKEY identity itself.
            _validator.AddHandledExtension(X509ExtensionType.SubjectAltName);
            ChainStatus = X509ChainStatus.UntrustedRoot;
        }

        /// <summary>Verifier of non-ECDSA certificate signatures handed to the validator (null: ECDSA-signed chains only).</summary>
        public IX509SignatureVerifier? SignatureVerifier
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

        /// <summary>True when a peer must send a certificate: a trust anchor is configured or a leaf fingerprint is pinned.</summary>
        public bool RequiresCertificate
        {
            get { return _anchorCount > 0 || _hashPinned; }
        }

        /// <summary>SHA-256 fingerprint of the leaf read by the last <see cref="ReadChain"/>.</summary>
        public byte[] LeafHash
        {
            get { return _hash; }
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
            if (_anchorCount == _maxTrustAnchors) throw new InvalidOperationException();
            X509Certificate anchor = Reader(0);
            Asn1Status s = anchor.Parse(der, offset, length);
            if (s == Asn1Status.Ok) s = _validator.AddTrustAnchor(anchor);
            if (s == Asn1Status.Ok) _anchorCount++;
            return s;
        }

        /// <summary>Pins the peer's leaf certificate by its SHA-256 fingerprint (the CHASH value).</summary>
        /// <param name="sha256">Buffer holding the 32-byte fingerprint.</param>
        /// <param name="offset">Offset of the fingerprint.</param>
        public void PinCertificateHash(byte[] sha256, int offset)
        {
            if (sha256 == null) throw new ArgumentNullException();
            if (offset < 0 || offset > sha256.Length - Sha256.HashSize) throw new ArgumentOutOfRangeException();
            Array.Copy(sha256, offset, _pinnedHash, 0, Sha256.HashSize);
            _hashPinned = true;
        }

        /// <summary>Sets the identity the peer must carry; length 0 accepts any identity the certificate allows.</summary>
        /// <param name="id">Buffer holding the identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length (at most the constructor's maximum).</param>
        public void SetExpectedIdentity(byte[]? id, int offset, int length)
        {
            if (length < 0 || length > _identity.Length) throw new ArgumentOutOfRangeException();
            if (length > 0) Array.Copy(id!, offset, _identity, 0, length);
            _identityLength = length;
        }

        /// <summary>Forgets the pinned fingerprint and the expected identity (trust anchors stay: the validator cannot drop them).</summary>
        public void ClearPins()
        {
            _hashPinned = false;
            _identityLength = 0;
        }

        /// <summary>True when no identity is expected or <paramref name="id"/> is the expected one.</summary>
        /// <param name="id">Buffer holding the peer's identity.</param>
        /// <param name="offset">Offset of the identity.</param>
        /// <param name="length">Identity length.</param>
        /// <returns>Whether the identity is acceptable.</returns>
        public bool ExpectedIdentityAllows(byte[] id, int offset, int length)
        {
            return _identityLength == 0 || Equal(id, offset, length, _identity, 0, _identityLength);
        }

        /// <summary>
        /// Parses the peer's chain (DER ranges in <paramref name="data"/>, leaf first), fingerprints the leaf into
        /// <see cref="LeafHash"/> and checks the leaf's validity period at <paramref name="ntpSeconds"/>.
        /// </summary>
        /// <param name="data">Buffer holding the certificates.</param>
        /// <param name="certOffset">Offset of each certificate.</param>
        /// <param name="certLength">Length of each certificate.</param>
        /// <param name="certCount">Number of certificates, at least 1.</param>
        /// <param name="ntpSeconds">Local time (NTP seconds).</param>
        /// <returns>The leaf, or null when a certificate is malformed, there are too many, or the leaf is not valid now.</returns>
        public X509Certificate? ReadChain(byte[] data, int[] certOffset, int[] certLength, int certCount, ulong ntpSeconds)
        {
            if (certCount < 1 || certCount > _path.Length) return null;
            for (int i = 0; i < certCount; i++)
            {
                if (Reader(i).Parse(data, certOffset[i], certLength[i]) != Asn1Status.Ok) return null;
            }

            X509Certificate leaf = Reader(0);
            leaf.ComputeSha256Fingerprint(_hash, 0);
            return leaf.IsValidAt(ntpSeconds) ? leaf : null;
        }

        /// <summary>
        /// After <see cref="ReadChain"/>: true when the chain reaches a trust anchor (RFC 5280 §6.1 subset, leaf then the
        /// intermediates in any order), or, without anchors, when the leaf has the pinned fingerprint (constant time).
        /// </summary>
        /// <param name="certCount">Number of certificates read.</param>
        /// <param name="ntpSeconds">Local time (NTP seconds).</param>
        /// <returns>Whether the configured certificate trust accepts the chain (false when none is configured).</returns>
        public bool ChainTrusted(int certCount, ulong ntpSeconds)
        {
            if (_anchorCount > 0)
            {
                ChainStatus = _validator.Validate(Reader(0), _intermediates, certCount - 1, ntpSeconds);
                return ChainStatus == X509ChainStatus.Valid;
            }

            return _hashPinned && ConstantTime.AreEqual(_hash, 0, _pinnedHash, 0, Sha256.HashSize);
        }

        /// <summary>
        /// After <see cref="ReadChain"/>: true when the leaf names <paramref name="id"/>: a subjectAltName URI or rfc822Name
        /// equal to it, or, without subjectAltName, the subject CN (RFC 5280 §4.2.1.6, §4.1.2.4).
        /// </summary>
        /// <param name="id">Buffer holding the peer's identity.</param>
        /// <param name="idOffset">Offset of the identity.</param>
        /// <param name="idLength">Identity length.</param>
        /// <returns>Whether the leaf names the identity.</returns>
        public bool LeafNames(byte[] id, int idOffset, int idLength)
        {
            X509Certificate leaf = Reader(0);
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

        /// <summary>Byte-wise equality of two ranges (public identities, not secrets: not constant time).</summary>
        /// <param name="a">First buffer.</param>
        /// <param name="aOffset">Offset in <paramref name="a"/>.</param>
        /// <param name="aLength">Length in <paramref name="a"/>.</param>
        /// <param name="b">Second buffer.</param>
        /// <param name="bOffset">Offset in <paramref name="b"/>.</param>
        /// <param name="bLength">Length in <paramref name="b"/>.</param>
        /// <returns>True when the lengths and bytes are equal.</returns>
        public static bool Equal(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength)
        {
            if (aLength != bLength) return false;
            for (int i = 0; i < aLength; i++)
            {
                if (a[aOffset + i] != b[bOffset + i]) return false;
            }

            return true;
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
    }
}
