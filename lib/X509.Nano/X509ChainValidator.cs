using System;
using NanoMikey.Ecc;
using NanoMikey.X509.Asn1;

namespace NanoMikey.X509
{
    /// <summary>
    /// Certification path validation, the subset of RFC 5280 §6.1 MIKEY needs: the path is built by name from the leaf
    /// through caller-supplied intermediates (untrusted, any order) up to a trust anchor, then every certificate is checked
    /// for validity at a given time (both bounds inclusive), basicConstraints cA and pathLenConstraint, keyUsage
    /// (keyCertSign on issuers, the required usage on the leaf), unhandled critical extensions, and finally its signature.
    /// </summary>
    /// <remarks>
    /// Not covered: revocation, certificate policies, name constraints (a critical nameConstraints extension is therefore
    /// rejected as unhandled), name comparison beyond byte equality (RFC 5280 §7.1 allows more), and backtracking when two
    /// intermediates carry the same subject name (the first one supplied is taken). Version 1 and 2 certificates cannot
    /// issue: unlike RFC 5280 §6.1.4 (k), which trusts them as CAs, an issuer must carry basicConstraints.
    /// The cheap checks of every certificate run before any signature is verified, so a chain that fails them costs no
    /// ECDSA operation. After the first call with the same anchors, validation allocates nothing. Not thread-safe.
    /// Signatures: ecdsa-with-SHA256 under P-256 keys here; sha256WithRSAEncryption and RSASSA-PSS (SHA-256 with
    /// MGF1-SHA-256, RFC 4055) under RSA keys through <see cref="SignatureVerifier"/>, which the application sets (without
    /// it such a path fails with <see cref="X509ChainStatus.VerifierMissing"/>). SHA-1 is refused for RSA as it is for
    /// ECDSA (UnsupportedAlgorithm): certificate signatures need collision resistance, which SHA-1 lacks.
    /// </remarks>
    public sealed class X509ChainValidator
    {
        /// <summary>Depth limit of the parameterless constructor: a leaf and up to four intermediates below the trust anchor.</summary>
        public const int DefaultMaxDepth = 5;

        private readonly int _maxDepth;

        // Depth d of the path: 0 is the leaf, d + 1 the issuer of d; one spare slot records the certificate refused by the depth limit.
        private readonly X509Certificate?[] _path;
        private readonly int[] _pathIndex;
        private readonly P256PublicKey _issuerKey = new P256PublicKey();

        // Trust anchors (RFC 5280 §6.1.1 (d)): subject name, key, and -1 or a certificate anchor's pathLenConstraint.
        // _anchorKeys holds the P-256 key (null for another key type); _anchorKeyInfos the SubjectPublicKeyInfo DER, which
        // the RSA verifier reads.
        private byte[][] _anchorNames = new byte[0][];
        private P256PublicKey?[] _anchorKeys = new P256PublicKey?[0];
        private byte[][] _anchorKeyInfos = new byte[0][];
        private int[] _anchorPathLengths = new int[0];
        private int _anchorCount;

        private X509ExtensionType[] _handled = new X509ExtensionType[] { X509ExtensionType.BasicConstraints, X509ExtensionType.KeyUsage };
        private X509KeyUsage _leafUsage = X509KeyUsage.DigitalSignature;
        private IX509SignatureVerifier? _verifier;

        private X509ChainStatus _status = X509ChainStatus.UntrustedRoot;
        private int _pathLength;
        private int _failedDepth = -1;
        private int _failedIntermediate = -1;
        private int _anchorIndex = -1;

        /// <summary>Creates a validator without trust anchors and with <see cref="DefaultMaxDepth"/>.</summary>
        public X509ChainValidator() : this(DefaultMaxDepth)
        {
        }

        /// <summary>Creates a validator without trust anchors.</summary>
        /// <param name="maxDepth">Most certificates a path may hold, the leaf included and the trust anchor excluded (1..16).</param>
        public X509ChainValidator(int maxDepth)
        {
            if (maxDepth < 1 || maxDepth > 16)
            {
                throw new ArgumentOutOfRangeException("maxDepth");
            }

            _maxDepth = maxDepth;
            _path = new X509Certificate?[maxDepth + 1];
            _pathIndex = new int[maxDepth + 1];
        }

        /// <summary>Most certificates a path may hold, the leaf included and the trust anchor excluded.</summary>
        public int MaxDepth
        {
            get { return _maxDepth; }
        }

        /// <summary>Number of trust anchors added.</summary>
        public int TrustAnchorCount
        {
            get { return _anchorCount; }
        }

        /// <summary>
        /// keyUsage bits the leaf must assert when it carries the extension (an absent extension does not restrict the key,
        /// RFC 5280 §4.2.1.3); digitalSignature by default, as MIKEY's SIGN payload needs (RFC 3830 §5.2). None checks nothing.
        /// </summary>
        public X509KeyUsage RequiredLeafKeyUsage
        {
            get { return _leafUsage; }
            set { _leafUsage = value; }
        }

        /// <summary>
        /// Verifies RSA certificate signatures (sha256WithRSAEncryption, RSASSA-PSS): set NanoMikey.Rsa's RsaCertificateVerifier
        /// to accept RSA issuers. Null (the default) makes every RSA-signed path fail with <see cref="X509ChainStatus.VerifierMissing"/>.
        /// </summary>
        public IX509SignatureVerifier? SignatureVerifier
        {
            get { return _verifier; }
            set { _verifier = value; }
        }

        /// <summary>Result of the last <see cref="Validate"/>; <see cref="X509ChainStatus.UntrustedRoot"/> before the first.</summary>
        public X509ChainStatus Status
        {
            get { return _status; }
        }

        /// <summary>Depth in the path of the certificate that failed (0 the leaf, 1 its issuer, ...); -1 after success.</summary>
        public int FailedDepth
        {
            get { return _failedDepth; }
        }

        /// <summary>Index in the intermediates array of the certificate that failed; -1 when it is the leaf or nothing failed.</summary>
        public int FailedIntermediateIndex
        {
            get { return _failedIntermediate; }
        }

        /// <summary>Number of certificates of the path built by the last <see cref="Validate"/>, the leaf included, the anchor excluded.</summary>
        public int PathLength
        {
            get { return _pathLength; }
        }

        /// <summary>The trust anchor whose key verified the top of the path (in order of addition); -1 unless the last result is Valid.</summary>
        public int AnchorIndex
        {
            get { return _anchorIndex; }
        }

        /// <summary>Where the certificate at <paramref name="depth"/> of the last path came from.</summary>
        /// <param name="depth">0..<see cref="PathLength"/> - 1.</param>
        /// <returns>Its index in the intermediates array, or -1 for the leaf.</returns>
        public int GetIntermediateIndex(int depth)
        {
            if (depth < 0 || depth >= _pathLength)
            {
                throw new ArgumentOutOfRangeException("depth");
            }

            return _pathIndex[depth];
        }

        /// <summary>
        /// Declares that the caller processes a critical extension itself (e.g. subjectAltName for MIKEY identities), so the
        /// validator no longer rejects it (RFC 5280 §4.2). basicConstraints and keyUsage are always processed.
        /// </summary>
        /// <param name="type">The extension the caller handles.</param>
        public void AddHandledExtension(X509ExtensionType type)
        {
            for (int i = 0; i < _handled.Length; i++)
            {
                if (_handled[i] == type)
                {
                    return;
                }
            }

            var grown = new X509ExtensionType[_handled.Length + 1];
            Array.Copy(_handled, grown, _handled.Length);
            grown[_handled.Length] = type;
            _handled = grown;
        }

        /// <summary>
        /// Trusts a certificate: its subject name and key become a trust anchor, and its pathLenConstraint, when it has one,
        /// bounds the intermediates below it. The anchor's own validity and signature are not checked (RFC 5280 §6.1.1 (d)
        /// makes an anchor a name and a key). A self-signed end-entity certificate can be pinned this way.
        /// </summary>
        /// <param name="certificate">A successfully parsed certificate; its subject name is copied.</param>
        /// <returns><see cref="Asn1Status.Ok"/>; the key's problem (e.g. <see cref="Asn1Status.UnsupportedAlgorithm"/>, <see cref="Asn1Status.InvalidPublicKey"/>);
        /// or a badly encoded basicConstraints. Nothing is added on failure.</returns>
        /// <exception cref="ArgumentException">The certificate was not parsed successfully.</exception>
        public Asn1Status AddTrustAnchor(X509Certificate certificate)
        {
            if (certificate == null)
            {
                throw new ArgumentNullException("certificate");
            }

            if (certificate.Status != Asn1Status.Ok)
            {
                throw new ArgumentException("The certificate was not parsed successfully.", "certificate");
            }

            P256PublicKey? key = new P256PublicKey();
            Asn1Status s = certificate.ReadPublicKey(key);
            if (s == Asn1Status.UnsupportedAlgorithm)
            {
                // An RSA anchor: its SubjectPublicKeyInfo is kept for the verifier.
                int mo;
                int ml;
                int eo;
                int el;
                s = certificate.ReadRsaPublicKey(out mo, out ml, out eo, out el);
                key = null;
            }

            if (s != Asn1Status.Ok)
            {
                return s;
            }

            bool ca;
            int pathLength;
            s = certificate.ReadBasicConstraints(out ca, out pathLength);
            if (s != Asn1Status.Ok && s != Asn1Status.NotFound)
            {
                return s;
            }

            Append(certificate.Data, certificate.SubjectOffset, certificate.SubjectLength, key,
                certificate.Data, certificate.PublicKeyInfoOffset, certificate.PublicKeyInfoLength, ca ? pathLength : -1);
            return Asn1Status.Ok;
        }

        /// <summary>Trusts a name and P-256 key (RFC 5280 §6.1.1 (d)): certificates whose issuer is this name and whose
        /// signature verifies under this key start a path.</summary>
        /// <param name="name">Buffer holding the DER Name (copied).</param>
        /// <param name="nameOffset">Offset of the Name.</param>
        /// <param name="nameLength">Length of the Name.</param>
        /// <param name="key">The anchor's key (copied).</param>
        /// <returns><see cref="Asn1Status.Ok"/>, or the DER error of the Name; nothing is added on failure.</returns>
        /// <exception cref="ArgumentException">The key holds no point.</exception>
        public Asn1Status AddTrustAnchor(byte[] name, int nameOffset, int nameLength, P256PublicKey key)
        {
            DerReader.CheckRange(name, nameOffset, nameLength);
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            if (!key.HasValue)
            {
                throw new ArgumentException("The key holds no point.", "key");
            }

            var r = new DerReader(name, nameOffset, nameLength);
            int off;
            int len;
            if (!X509Name.Read(r, out off, out len) || !r.Finish())
            {
                return r.Status;
            }

            var point = new byte[P256PublicKey.UncompressedLength];
            key.ExportUncompressed(point, 0);
            var copy = new P256PublicKey();
            copy.TryImport(point, 0, point.Length);
            var keyInfo = new byte[SubjectPublicKeyInfo.UncompressedLength];
            int written;
            SubjectPublicKeyInfo.Write(point, 0, point.Length, keyInfo, 0, keyInfo.Length, out written);
            Append(name, nameOffset, nameLength, copy, keyInfo, 0, keyInfo.Length, -1);
            return Asn1Status.Ok;
        }

        /// <summary>Trusts a name and a key given as a DER SubjectPublicKeyInfo (RFC 5280 §6.1.1 (d)): a P-256 key, or an
        /// RSA key (rsaEncryption or id-RSASSA-PSS) whose signatures <see cref="SignatureVerifier"/> checks.</summary>
        /// <param name="name">Buffer holding the DER Name (copied).</param>
        /// <param name="nameOffset">Offset of the Name.</param>
        /// <param name="nameLength">Length of the Name.</param>
        /// <param name="keyInfo">Buffer holding the SubjectPublicKeyInfo (copied).</param>
        /// <param name="keyInfoOffset">Offset of the SubjectPublicKeyInfo.</param>
        /// <param name="keyInfoLength">Exact length of the SubjectPublicKeyInfo.</param>
        /// <returns><see cref="Asn1Status.Ok"/>; the DER error of the Name or key; <see cref="Asn1Status.UnsupportedAlgorithm"/>
        /// for another key type; <see cref="Asn1Status.InvalidPublicKey"/> for a point off the curve. Nothing is added on failure.</returns>
        public Asn1Status AddTrustAnchor(byte[] name, int nameOffset, int nameLength, byte[] keyInfo, int keyInfoOffset, int keyInfoLength)
        {
            DerReader.CheckRange(name, nameOffset, nameLength);
            DerReader.CheckRange(keyInfo, keyInfoOffset, keyInfoLength);
            var r = new DerReader(name, nameOffset, nameLength);
            int off;
            int len;
            if (!X509Name.Read(r, out off, out len) || !r.Finish())
            {
                return r.Status;
            }

            P256PublicKey? key = new P256PublicKey();
            Asn1Status s = SubjectPublicKeyInfo.Read(keyInfo, keyInfoOffset, keyInfoLength, key);
            if (s == Asn1Status.UnsupportedAlgorithm)
            {
                X509PublicKeyAlgorithm alg;
                int mo;
                int ml;
                int eo;
                int el;
                s = RsaSubjectPublicKeyInfo.Read(keyInfo, keyInfoOffset, keyInfoLength, out alg, out mo, out ml, out eo, out el);
                key = null;
            }

            if (s != Asn1Status.Ok)
            {
                return s;
            }

            Append(name, nameOffset, nameLength, key, keyInfo, keyInfoOffset, keyInfoLength, -1);
            return Asn1Status.Ok;
        }

        /// <summary>
        /// Validates the path from <paramref name="leaf"/> to a trust anchor at time <paramref name="ntpSeconds"/>.
        /// Certificates are only read: the caller parses them (a certificate that failed to parse is Malformed as the leaf
        /// and ignored as an intermediate). Afterwards <see cref="FailedDepth"/> and <see cref="FailedIntermediateIndex"/>
        /// name the certificate that failed.
        /// </summary>
        /// <param name="leaf">The end-entity certificate.</param>
        /// <param name="intermediates">Untrusted certificates that may complete the path, in any order; null entries are skipped. May be null when <paramref name="intermediateCount"/> is 0.</param>
        /// <param name="intermediateCount">Number of entries of <paramref name="intermediates"/> to consider.</param>
        /// <param name="ntpSeconds">Validation time in seconds since 1900-01-01T00:00:00Z (not wrapped at 2036), from the caller's clock.</param>
        /// <returns><see cref="X509ChainStatus.Valid"/> or the first rule broken.</returns>
        public X509ChainStatus Validate(X509Certificate leaf, X509Certificate?[]? intermediates, int intermediateCount, ulong ntpSeconds)
        {
            if (leaf == null)
            {
                throw new ArgumentNullException("leaf");
            }

            if (intermediateCount < 0 || intermediateCount > (intermediates == null ? 0 : intermediates.Length))
            {
                throw new ArgumentOutOfRangeException("intermediateCount");
            }

            _pathLength = 0;
            _failedDepth = -1;
            _failedIntermediate = -1;
            _anchorIndex = -1;
            X509ChainStatus s = BuildPath(leaf, intermediates, intermediateCount);
            if (s == X509ChainStatus.Valid)
            {
                s = CheckCertificates(ntpSeconds);
            }

            if (s == X509ChainStatus.Valid)
            {
                s = CheckSignatures();
            }

            // The caller's certificates are not kept alive past the call.
            for (int d = 0; d < _path.Length; d++)
            {
                _path[d] = null;
            }

            _status = s;
            return s;
        }

        private X509ChainStatus BuildPath(X509Certificate leaf, X509Certificate?[]? intermediates, int count)
        {
            _path[0] = leaf;
            _pathIndex[0] = -1;
            _pathLength = 1;
            X509Certificate current = leaf;
            while (true)
            {
                int depth = _pathLength - 1;
                if (current.Status != Asn1Status.Ok)
                {
                    return Fail(X509ChainStatus.Malformed, depth);
                }

                // Anchors first: a supplied copy of the root is not needed, and is ignored when present.
                if (FindAnchor(current, 0) >= 0)
                {
                    return X509ChainStatus.Valid;
                }

                int next = FindIssuer(current, intermediates, count);
                if (next < 0)
                {
                    return Fail(current.IsSelfIssued ? X509ChainStatus.UntrustedRoot : X509ChainStatus.NameChainingFailed, depth);
                }

                X509Certificate issuer = intermediates![next]!;
                _path[_pathLength] = issuer;
                _pathIndex[_pathLength] = next;
                if (_pathLength == _maxDepth)
                {
                    return Fail(X509ChainStatus.TooDeep, _pathLength);
                }

                _pathLength++;
                current = issuer;
            }
        }

        private X509ChainStatus CheckCertificates(ulong ntpSeconds)
        {
            // RFC 5280 §6.1.2 (k): max_path_length starts at n; the depth limit is at least n.
            int maxPath = _maxDepth;
            for (int d = _pathLength - 1; d >= 0; d--)
            {
                X509Certificate c = _path[d]!;
                if (!IsSupported(c))
                {
                    return Fail(X509ChainStatus.UnsupportedAlgorithm, d);
                }

                if (_verifier == null && X509Certificate.IsRsaSignature(c.SignatureAlgorithm))
                {
                    return Fail(X509ChainStatus.VerifierMissing, d);
                }

                // RFC 5280 §4.1.2.5: the validity period includes both notBefore and notAfter.
                if (ntpSeconds < c.NotBefore)
                {
                    return Fail(X509ChainStatus.NotYetValid, d);
                }

                if (ntpSeconds > c.NotAfter)
                {
                    return Fail(X509ChainStatus.Expired, d);
                }

                bool ca;
                int pathLength;
                Asn1Status bc = c.ReadBasicConstraints(out ca, out pathLength);
                X509KeyUsage usage;
                Asn1Status ku = c.ReadKeyUsage(out usage);
                if ((bc != Asn1Status.Ok && bc != Asn1Status.NotFound) || (ku != Asn1Status.Ok && ku != Asn1Status.NotFound))
                {
                    return Fail(X509ChainStatus.Malformed, d);
                }

                if (d > 0)
                {
                    // The issuer's key must be one Verify can use for the signature it made.
                    X509ChainStatus keyStatus = CheckIssuerKey(c, _path[d - 1]!.SignatureAlgorithm);
                    if (keyStatus != X509ChainStatus.Valid)
                    {
                        return Fail(keyStatus, d);
                    }

                    // RFC 5280 §6.1.4 (k).
                    if (!ca)
                    {
                        return Fail(X509ChainStatus.NotACa, d);
                    }

                    // RFC 5280 §6.1.4 (l), (m): self-issued certificates do not count.
                    if (!c.IsSelfIssued)
                    {
                        if (maxPath <= 0)
                        {
                            return Fail(X509ChainStatus.PathLengthExceeded, d);
                        }

                        maxPath--;
                    }

                    if (pathLength >= 0 && pathLength < maxPath)
                    {
                        maxPath = pathLength;
                    }

                    // RFC 5280 §6.1.4 (n).
                    if (ku == Asn1Status.Ok && (usage & X509KeyUsage.KeyCertSign) == 0)
                    {
                        return Fail(X509ChainStatus.KeyUsageMissing, d);
                    }
                }
                else if (ku == Asn1Status.Ok && (usage & _leafUsage) != _leafUsage)
                {
                    return Fail(X509ChainStatus.KeyUsageMissing, d);
                }

                // RFC 5280 §6.1.4 (o), §6.1.5 (e).
                int oidOffset;
                int oidLength;
                if (c.FindUnhandledCriticalExtension(_handled, out oidOffset, out oidLength) == Asn1Status.Ok)
                {
                    return Fail(X509ChainStatus.UnhandledCriticalExtension, d);
                }
            }

            return X509ChainStatus.Valid;
        }

        private X509ChainStatus CheckSignatures()
        {
            // The top certificate against every anchor of its issuer's name (an anchor may have been re-keyed under the same name).
            int top = _pathLength - 1;
            X509Certificate c = _path[top]!;
            X509ChainStatus s = X509ChainStatus.SignatureInvalid;
            int a = FindAnchor(c, 0);
            while (a >= 0)
            {
                byte[] info = _anchorKeyInfos[a];
                s = Verify(c, _anchorKeys[a], info, 0, info.Length);
                if (s != X509ChainStatus.SignatureInvalid)
                {
                    break;
                }

                a = FindAnchor(c, a + 1);
            }

            if (s != X509ChainStatus.Valid)
            {
                return Fail(s, top);
            }

            // A certificate anchor's own pathLenConstraint counts the non-self-issued intermediates below it.
            int allowed = _anchorPathLengths[a];
            for (int d = top; d >= 1 && allowed >= 0; d--)
            {
                if (!_path[d]!.IsSelfIssued)
                {
                    if (allowed == 0)
                    {
                        return Fail(X509ChainStatus.PathLengthExceeded, d);
                    }

                    allowed--;
                }
            }

            for (int d = top - 1; d >= 0; d--)
            {
                // The key type was checked with the certificate; only a point off the curve is left to fail here.
                X509Certificate issuer = _path[d + 1]!;
                P256PublicKey? key = null;
                if (issuer.PublicKeyAlgorithm == X509PublicKeyAlgorithm.EcP256)
                {
                    if (issuer.ReadPublicKey(_issuerKey) != Asn1Status.Ok)
                    {
                        return Fail(X509ChainStatus.Malformed, d + 1);
                    }

                    key = _issuerKey;
                }

                s = Verify(_path[d]!, key, issuer.Data, issuer.PublicKeyInfoOffset, issuer.PublicKeyInfoLength);
                if (s != X509ChainStatus.Valid)
                {
                    return Fail(s, d);
                }
            }

            _anchorIndex = a;
            return X509ChainStatus.Valid;
        }

        private static bool IsSupported(X509Certificate c)
        {
            // SHA-256 only, for ECDSA and RSA alike; PSS with MGF1 over the same hash (RFC 4055 §3.1 recommends it, and
            // NanoMikey.Rsa's PSS implements only that).
            switch (c.SignatureAlgorithm)
            {
                case X509SignatureAlgorithm.EcdsaWithSha256:
                case X509SignatureAlgorithm.RsaPkcs1Sha256:
                    return true;
                case X509SignatureAlgorithm.RsaPss:
                    return c.SignatureHashAlgorithm == X509HashAlgorithm.Sha256 && c.PssMaskHashAlgorithm == X509HashAlgorithm.Sha256;
                default:
                    return false;
            }
        }

        private static X509ChainStatus CheckIssuerKey(X509Certificate issuer, X509SignatureAlgorithm signed)
        {
            if (!X509Certificate.IsRsaSignature(signed))
            {
                // ECDSA (an unsupported hash is the subject's failure, found at its own depth).
                if (issuer.PublicKeyStatus == Asn1Status.Ok)
                {
                    return X509ChainStatus.Valid;
                }

                if (issuer.PublicKeyStatus == Asn1Status.UnsupportedAlgorithm || issuer.PublicKeyStatus == Asn1Status.UnsupportedCurve)
                {
                    // An RSA key under an ECDSA signature cannot have made it.
                    return X509ChainStatus.UnsupportedAlgorithm;
                }

                return X509ChainStatus.Malformed;
            }

            int mo;
            int ml;
            int eo;
            int el;
            Asn1Status s = issuer.ReadRsaPublicKey(out mo, out ml, out eo, out el);
            if (s == Asn1Status.UnsupportedAlgorithm)
            {
                return X509ChainStatus.UnsupportedAlgorithm;
            }

            if (s != Asn1Status.Ok)
            {
                return X509ChainStatus.Malformed;
            }

            // RFC 4055 §3.1: an id-RSASSA-PSS key makes PSS signatures only.
            bool pssOnly = issuer.PublicKeyAlgorithm == X509PublicKeyAlgorithm.RsaPss;
            return pssOnly && signed != X509SignatureAlgorithm.RsaPss ? X509ChainStatus.UnsupportedAlgorithm : X509ChainStatus.Valid;
        }

        private X509ChainStatus Verify(X509Certificate certificate, P256PublicKey? key, byte[] keyInfo, int keyInfoOffset, int keyInfoLength)
        {
            Asn1Status s;
            if (certificate.SignatureAlgorithm == X509SignatureAlgorithm.EcdsaWithSha256)
            {
                if (key == null)
                {
                    return X509ChainStatus.UnsupportedAlgorithm;
                }

                s = certificate.VerifySignature(key);
            }
            else if (X509Certificate.IsRsaSignature(certificate.SignatureAlgorithm))
            {
                if (_verifier == null)
                {
                    return X509ChainStatus.VerifierMissing;
                }

                s = _verifier.VerifyCertificateSignature(certificate, keyInfo, keyInfoOffset, keyInfoLength);
            }
            else
            {
                return X509ChainStatus.UnsupportedAlgorithm;
            }

            if (s == Asn1Status.Ok)
            {
                return X509ChainStatus.Valid;
            }

            if (s == Asn1Status.UnsupportedAlgorithm || s == Asn1Status.UnsupportedCurve)
            {
                return X509ChainStatus.UnsupportedAlgorithm;
            }

            return s == Asn1Status.SignatureInvalid ? X509ChainStatus.SignatureInvalid : X509ChainStatus.Malformed;
        }

        private int FindAnchor(X509Certificate certificate, int from)
        {
            for (int i = from; i < _anchorCount; i++)
            {
                byte[] name = _anchorNames[i];
                if (X509Name.AreEqual(name, 0, name.Length, certificate.Data, certificate.IssuerOffset, certificate.IssuerLength))
                {
                    return i;
                }
            }

            return -1;
        }

        private int FindIssuer(X509Certificate certificate, X509Certificate?[]? intermediates, int count)
        {
            for (int i = 0; i < count; i++)
            {
                X509Certificate? candidate = intermediates![i];
                if (candidate == null || candidate.Status != Asn1Status.Ok || InPath(i))
                {
                    continue;
                }

                if (X509Name.AreEqual(candidate.Data, candidate.SubjectOffset, candidate.SubjectLength,
                    certificate.Data, certificate.IssuerOffset, certificate.IssuerLength))
                {
                    return i;
                }
            }

            return -1;
        }

        private bool InPath(int index)
        {
            for (int d = 1; d < _pathLength; d++)
            {
                if (_pathIndex[d] == index)
                {
                    return true;
                }
            }

            return false;
        }

        private X509ChainStatus Fail(X509ChainStatus status, int depth)
        {
            _failedDepth = depth;
            _failedIntermediate = _pathIndex[depth];
            return status;
        }

        private void Append(byte[] name, int nameOffset, int nameLength, P256PublicKey? key, byte[] keyInfo, int keyInfoOffset,
            int keyInfoLength, int pathLength)
        {
            var copy = new byte[nameLength];
            Array.Copy(name, nameOffset, copy, 0, nameLength);
            var infoCopy = new byte[keyInfoLength];
            Array.Copy(keyInfo, keyInfoOffset, infoCopy, 0, keyInfoLength);
            int n = _anchorCount;
            var names = new byte[n + 1][];
            var keys = new P256PublicKey?[n + 1];
            var infos = new byte[n + 1][];
            var lengths = new int[n + 1];
            Array.Copy(_anchorNames, names, n);
            Array.Copy(_anchorKeys, keys, n);
            Array.Copy(_anchorKeyInfos, infos, n);
            Array.Copy(_anchorPathLengths, lengths, n);
            names[n] = copy;
            keys[n] = key;
            infos[n] = infoCopy;
            lengths[n] = pathLength;
            _anchorNames = names;
            _anchorKeys = keys;
            _anchorKeyInfos = infos;
            _anchorPathLengths = lengths;
            _anchorCount = n + 1;
        }
    }
}
