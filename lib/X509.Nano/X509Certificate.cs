using System;
using NanoMikey.X509.Asn1;
using NanoMikey.Crypto.Hash;

namespace NanoMikey.X509
{
    /// <summary>
    /// A strict reader of one DER X.509 v1/v2/v3 certificate (RFC 5280 §4.1), in place: every field is an offset/length
    /// range of the caller's buffer, which must stay unchanged while the fields are used. One object can parse many
    /// certificates in turn; parsing allocates nothing.
    /// </summary>
    /// <remarks>
    /// Parsing checks the encoding (DER, structure, versions, duplicate extensions, algorithm identifiers, time formats)
    /// but no policy: validity against a clock, key usage and chain building are <see cref="X509ChainValidator"/>'s or the caller's.
    /// A certificate whose key is not P-256 still parses; <see cref="PublicKeyStatus"/> tells why its key is unusable as
    /// P-256, <see cref="PublicKeyAlgorithm"/> and <see cref="ReadRsaPublicKey"/> expose an RSA key as byte ranges.
    /// </remarks>
    public sealed partial class X509Certificate
    {
        // UTCTime covers 1950..2049; RFC 5280 §4.1.2.5 requires UTCTime for those years, GeneralizedTime from 2050 on.
        private const ulong Year2050 = 4733596800UL; // 2050-01-01T00:00:00Z in seconds since 1900

        private readonly DerReader _reader = new DerReader(10);
        private readonly DerReader _scan = new DerReader(6);
        private Sha1? _sha1;
        private byte[] _data = new byte[0];
        private Asn1Status _status = Asn1Status.MissingElement;
        private int _errorOffset;
        private int _offset;
        private int _length;
        private int _tbsOffset;
        private int _tbsLength;
        private int _version;
        private int _serialOffset;
        private int _serialLength;
        private X509SignatureAlgorithm _signatureAlgorithm;
        private int _algorithmOffset;
        private int _algorithmLength;
        private int _tbsAlgorithmOffset;
        private int _tbsAlgorithmLength;
        private int _issuerOffset;
        private int _issuerLength;
        private int _subjectOffset;
        private int _subjectLength;
        private ulong _notBefore;
        private ulong _notAfter;
        private int _spkiOffset;
        private int _spkiLength;
        private Asn1Status _publicKeyStatus;
        private int _publicKeyOffset;
        private int _publicKeyLength;
        private int _extensionsOffset;
        private int _extensionsLength;
        private int _signatureOffset;
        private int _signatureLength;
        private X509HashAlgorithm _signatureHash;
        private X509HashAlgorithm _pssMaskHash;
        private int _pssSaltLength;
        private X509PublicKeyAlgorithm _publicKeyAlgorithm;
        private Asn1Status _rsaKeyStatus;
        private int _rsaModulusOffset;
        private int _rsaModulusLength;
        private int _rsaExponentOffset;
        private int _rsaExponentLength;

        /// <summary>Creates a reader holding no certificate.</summary>
        public X509Certificate()
        {
        }

        /// <summary>Result of the last <see cref="Parse"/>; <see cref="Asn1Status.MissingElement"/> before the first.</summary>
        public Asn1Status Status
        {
            get { return _status; }
        }

        /// <summary>Offset in <see cref="Data"/> where the last parse stopped with an error; -1 after success.</summary>
        public int ErrorOffset
        {
            get { return _status == Asn1Status.Ok ? -1 : _errorOffset; }
        }

        /// <summary>The buffer of the last parsed certificate; all field offsets index into it.</summary>
        public byte[] Data
        {
            get { return _data; }
        }

        /// <summary>Offset of the whole certificate encoding.</summary>
        public int Offset
        {
            get { return _offset; }
        }

        /// <summary>Length of the whole certificate encoding.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Offset of the DER TBSCertificate (the signed bytes, header included).</summary>
        public int TbsOffset
        {
            get { return _tbsOffset; }
        }

        /// <summary>Length of the DER TBSCertificate.</summary>
        public int TbsLength
        {
            get { return _tbsLength; }
        }

        /// <summary>Certificate version: 1, 2 or 3.</summary>
        public int Version
        {
            get { return _version; }
        }

        /// <summary>Offset of the serialNumber INTEGER's content octets (two's complement, minimal).</summary>
        public int SerialNumberOffset
        {
            get { return _serialOffset; }
        }

        /// <summary>Number of serialNumber content octets (1..21).</summary>
        public int SerialNumberLength
        {
            get { return _serialLength; }
        }

        /// <summary>The signature algorithm (TBS signature field, identical to the outer signatureAlgorithm).</summary>
        public X509SignatureAlgorithm SignatureAlgorithm
        {
            get { return _signatureAlgorithm; }
        }

        /// <summary>
        /// The hash the signature algorithm signs with: from the OID (ecdsa-with-SHA256, sha256WithRSAEncryption, ...) or,
        /// for <see cref="X509SignatureAlgorithm.RsaPss"/>, from its parameters (RFC 4055 §3.1); Unknown for Ed25519 and unknown algorithms.
        /// </summary>
        public X509HashAlgorithm SignatureHashAlgorithm
        {
            get { return _signatureHash; }
        }

        /// <summary>The MGF1 hash of an RSASSA-PSS signature (RFC 4055 §2.2); Unknown for another mask function or algorithm.</summary>
        public X509HashAlgorithm PssMaskHashAlgorithm
        {
            get { return _pssMaskHash; }
        }

        /// <summary>The salt length in bytes of an RSASSA-PSS signature (RFC 4055 §3.1, default 20); 0 for other algorithms.</summary>
        public int PssSaltLength
        {
            get { return _pssSaltLength; }
        }

        /// <summary>The subject key's kind: P-256, RSA (rsaEncryption), RSA restricted to PSS (id-RSASSA-PSS), or Unknown.</summary>
        public X509PublicKeyAlgorithm PublicKeyAlgorithm
        {
            get { return _publicKeyAlgorithm; }
        }

        /// <summary>Offset of the signature algorithm OID's content octets (for display of unknown algorithms).</summary>
        public int SignatureAlgorithmOidOffset
        {
            get { return _algorithmOffset; }
        }

        /// <summary>Length of the signature algorithm OID's content octets.</summary>
        public int SignatureAlgorithmOidLength
        {
            get { return _algorithmLength; }
        }

        /// <summary>Offset of the issuer Name (whole DER SEQUENCE).</summary>
        public int IssuerOffset
        {
            get { return _issuerOffset; }
        }

        /// <summary>Length of the issuer Name encoding.</summary>
        public int IssuerLength
        {
            get { return _issuerLength; }
        }

        /// <summary>Offset of the subject Name (whole DER SEQUENCE).</summary>
        public int SubjectOffset
        {
            get { return _subjectOffset; }
        }

        /// <summary>Length of the subject Name encoding.</summary>
        public int SubjectLength
        {
            get { return _subjectLength; }
        }

        /// <summary>Start of the validity period, in seconds since 1900-01-01T00:00:00Z (NTP era 0 origin, not wrapped).</summary>
        public ulong NotBefore
        {
            get { return _notBefore; }
        }

        /// <summary>End of the validity period (inclusive), in seconds since 1900-01-01T00:00:00Z.</summary>
        public ulong NotAfter
        {
            get { return _notAfter; }
        }

        /// <summary>Offset of the SubjectPublicKeyInfo (whole DER SEQUENCE).</summary>
        public int PublicKeyInfoOffset
        {
            get { return _spkiOffset; }
        }

        /// <summary>Length of the SubjectPublicKeyInfo encoding.</summary>
        public int PublicKeyInfoLength
        {
            get { return _spkiLength; }
        }

        /// <summary>Ok when the subject key is a P-256 key; otherwise why not (e.g. <see cref="Asn1Status.UnsupportedAlgorithm"/>,
        /// also for an RSA key: see <see cref="PublicKeyAlgorithm"/> and <see cref="ReadRsaPublicKey"/>).</summary>
        public Asn1Status PublicKeyStatus
        {
            get { return _publicKeyStatus; }
        }

        /// <summary>Offset of the subject's SEC 1 point (65 or 33 bytes) when <see cref="PublicKeyStatus"/> is Ok.</summary>
        public int PublicKeyOffset
        {
            get { return _publicKeyOffset; }
        }

        /// <summary>Length of the subject's SEC 1 point; 0 when the key is not P-256.</summary>
        public int PublicKeyLength
        {
            get { return _publicKeyLength; }
        }

        /// <summary>Offset of the Extensions SEQUENCE (inside [3]); 0 when the certificate has none.</summary>
        public int ExtensionsOffset
        {
            get { return _extensionsOffset; }
        }

        /// <summary>Length of the Extensions SEQUENCE encoding; 0 when the certificate has none.</summary>
        public int ExtensionsLength
        {
            get { return _extensionsLength; }
        }

        /// <summary>Offset of the signatureValue bits (for ECDSA, the DER Ecdsa-Sig-Value).</summary>
        public int SignatureOffset
        {
            get { return _signatureOffset; }
        }

        /// <summary>Length of the signatureValue bits in bytes.</summary>
        public int SignatureLength
        {
            get { return _signatureLength; }
        }

        /// <summary>Parses a DER certificate that must occupy exactly the given range; the buffer is kept by reference.</summary>
        /// <param name="der">Buffer holding the certificate.</param>
        /// <param name="offset">Offset of the certificate.</param>
        /// <param name="length">Exact length of the certificate.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or the first error (see <see cref="ErrorOffset"/>); after an error no field is meaningful.</returns>
        public Asn1Status Parse(byte[] der, int offset, int length)
        {
            DerReader.CheckRange(der, offset, length);
            Clear();
            _data = der;
            _offset = offset;
            _length = length;
            DerReader r = _reader;
            r.Reset(der, offset, length);
            ReadCertificate(r);
            if (r.IsOk && r.Depth != 0)
            {
                // Defensive: every early return above records an error; an unbalanced walk must never pass as success.
                r.Fail(Asn1Status.Truncated, r.Position);
            }

            _status = r.Status;
            _errorOffset = r.ErrorOffset;
            if (_status != Asn1Status.Ok)
            {
                Clear();
                _status = r.Status;
                _errorOffset = r.ErrorOffset;
                _data = der;
            }

            return _status;
        }

        /// <summary>True when <paramref name="ntpSeconds"/> lies in [<see cref="NotBefore"/>, <see cref="NotAfter"/>] (RFC 5280 §4.1.2.5).</summary>
        /// <param name="ntpSeconds">Time in seconds since 1900-01-01T00:00:00Z.</param>
        /// <returns>Whether the certificate is within its validity period; false when nothing was parsed.</returns>
        public bool IsValidAt(ulong ntpSeconds)
        {
            return _status == Asn1Status.Ok && ntpSeconds >= _notBefore && ntpSeconds <= _notAfter;
        }

        /// <summary>True when the issuer and subject names are equal (RFC 5280 §6.1: self-issued); false when nothing was parsed.</summary>
        public bool IsSelfIssued
        {
            get { return _status == Asn1Status.Ok && X509Name.AreEqual(_data, _issuerOffset, _issuerLength, _data, _subjectOffset, _subjectLength); }
        }

        /// <summary>Finds an extension by type.</summary>
        /// <param name="type">Extension to find.</param>
        /// <param name="critical">Its criticality flag.</param>
        /// <param name="valueOffset">Offset of the extnValue contents (the DER of the extension's own structure).</param>
        /// <param name="valueLength">Length of the extnValue contents.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, or <see cref="Asn1Status.NotFound"/> (also when nothing was parsed).</returns>
        public Asn1Status FindExtension(X509ExtensionType type, out bool critical, out int valueOffset, out int valueLength)
        {
            critical = false;
            valueOffset = 0;
            valueLength = 0;
            if (_status != Asn1Status.Ok || _extensionsLength == 0)
            {
                return Asn1Status.NotFound;
            }

            DerReader s = _scan;
            s.Reset(_data, _extensionsOffset, _extensionsLength);
            s.EnterSequence();
            while (s.HasData)
            {
                int oidOff;
                int oidLen;
                bool crit;
                int off;
                int len;
                ReadExtension(s, out oidOff, out oidLen, out crit, out off, out len);
                if (s.IsOk && Asn1Oid.IsUnder(_data, oidOff, oidLen, Asn1Oid.CertificateExtensionArc, 1) && _data[oidOff + 2] == (int)type)
                {
                    critical = crit;
                    valueOffset = off;
                    valueLength = len;
                    return Asn1Status.Ok;
                }
            }

            return Asn1Status.NotFound;
        }

        /// <summary>
        /// Finds the first critical extension whose type is not in <paramref name="handled"/>; RFC 5280 §4.2 requires
        /// rejecting a certificate with a critical extension the relying party does not process.
        /// </summary>
        /// <param name="handled">Extension types the caller processes.</param>
        /// <param name="oidOffset">Offset of the offending extension's OID content octets.</param>
        /// <param name="oidLength">Length of that OID's content octets.</param>
        /// <returns><see cref="Asn1Status.Ok"/> when one was found, <see cref="Asn1Status.NotFound"/> when none (or nothing parsed).</returns>
        public Asn1Status FindUnhandledCriticalExtension(X509ExtensionType[] handled, out int oidOffset, out int oidLength)
        {
            if (handled == null)
            {
                throw new ArgumentNullException("handled");
            }

            oidOffset = 0;
            oidLength = 0;
            if (_status != Asn1Status.Ok || _extensionsLength == 0)
            {
                return Asn1Status.NotFound;
            }

            DerReader s = _scan;
            s.Reset(_data, _extensionsOffset, _extensionsLength);
            s.EnterSequence();
            while (s.HasData)
            {
                int oidOff;
                int oidLen;
                bool crit;
                int off;
                int len;
                if (!ReadExtension(s, out oidOff, out oidLen, out crit, out off, out len) || !crit)
                {
                    continue;
                }

                bool known = false;
                if (Asn1Oid.IsUnder(_data, oidOff, oidLen, Asn1Oid.CertificateExtensionArc, 1))
                {
                    for (int i = 0; i < handled.Length && !known; i++)
                    {
                        known = _data[oidOff + 2] == (int)handled[i];
                    }
                }

                if (!known)
                {
                    oidOffset = oidOff;
                    oidLength = oidLen;
                    return Asn1Status.Ok;
                }
            }

            return Asn1Status.NotFound;
        }

        /// <summary>Reads basicConstraints (RFC 5280 §4.2.1.9).</summary>
        /// <param name="isCertificateAuthority">The cA flag; false when the extension is absent.</param>
        /// <param name="pathLengthConstraint">pathLenConstraint, or -1 when absent.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.NotFound"/>, or an encoding error of the extension.</returns>
        public Asn1Status ReadBasicConstraints(out bool isCertificateAuthority, out int pathLengthConstraint)
        {
            isCertificateAuthority = false;
            pathLengthConstraint = -1;
            bool critical;
            int off;
            int len;
            Asn1Status st = FindExtension(X509ExtensionType.BasicConstraints, out critical, out off, out len);
            if (st != Asn1Status.Ok)
            {
                return st;
            }

            // BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }
            DerReader s = _scan;
            s.Reset(_data, off, len);
            bool ca = false;
            int path = -1;
            if (s.EnterSequence())
            {
                if (s.PeekTag() == Asn1Tag.Boolean)
                {
                    int at = s.Position;
                    if (s.ReadBoolean(out ca) && !ca)
                    {
                        s.Fail(Asn1Status.NotCanonical, at); // X.690 §11.5: DEFAULT FALSE is not encoded.
                    }
                }

                if (s.PeekTag() == Asn1Tag.Integer)
                {
                    s.ReadNonNegativeInt32(out path);
                }

                s.Exit();
            }

            s.Finish();
            if (!s.IsOk)
            {
                return s.Status;
            }

            isCertificateAuthority = ca;
            pathLengthConstraint = path;
            return Asn1Status.Ok;
        }

        /// <summary>Reads keyUsage (RFC 5280 §4.2.1.3) in DER form: at least one bit set, no trailing zero bits (X.690 §11.2.2).</summary>
        /// <param name="usage">The asserted bits; <see cref="X509KeyUsage.None"/> when absent.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.NotFound"/>, or an encoding error of the extension.</returns>
        public Asn1Status ReadKeyUsage(out X509KeyUsage usage)
        {
            usage = X509KeyUsage.None;
            bool critical;
            int off;
            int len;
            Asn1Status st = FindExtension(X509ExtensionType.KeyUsage, out critical, out off, out len);
            if (st != Asn1Status.Ok)
            {
                return st;
            }

            DerReader s = _scan;
            s.Reset(_data, off, len);
            int unused;
            int bitsOffset;
            int bitsLength;
            int start = s.Position;
            if (s.ReadBitString(out unused, out bitsOffset, out bitsLength) && s.Finish())
            {
                if (bitsLength == 0 || bitsLength > 2)
                {
                    s.Fail(Asn1Status.InvalidBitString, start);
                }
                else if ((_data[bitsOffset + bitsLength - 1] & (1 << unused)) == 0)
                {
                    s.Fail(Asn1Status.NotCanonical, start);
                }
            }

            if (!s.IsOk)
            {
                return s.Status;
            }

            int bits = 0;
            for (int i = 0; i < bitsLength * 8; i++)
            {
                if ((_data[bitsOffset + (i >> 3)] & (0x80 >> (i & 7))) != 0)
                {
                    bits |= 1 << i;
                }
            }

            usage = (X509KeyUsage)bits;
            return Asn1Status.Ok;
        }

        /// <summary>Writes the SHA-256 fingerprint of the whole certificate DER (32 bytes).</summary>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <exception cref="InvalidOperationException">No certificate was parsed successfully.</exception>
        public void ComputeSha256Fingerprint(byte[] output, int outputOffset)
        {
            EnsureParsed();
            DerReader.CheckRange(output, outputOffset, Sha256.HashSize);
            // The certificate's own hash object (also used to verify): fingerprints allocate nothing.
            _sha256.Reset();
            _sha256.Update(_data, _offset, _length);
            _sha256.Final(output, outputOffset);
        }

        /// <summary>Writes the SHA-1 fingerprint of the whole certificate DER (20 bytes; an identifier, not a security property).</summary>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <exception cref="InvalidOperationException">No certificate was parsed successfully.</exception>
        public void ComputeSha1Fingerprint(byte[] output, int outputOffset)
        {
            EnsureParsed();
            DerReader.CheckRange(output, outputOffset, Sha1.HashSize);
            if (_sha1 == null) _sha1 = new Sha1();
            _sha1.Reset();
            _sha1.Update(_data, _offset, _length);
            _sha1.Final(output, outputOffset);
        }

        /// <summary>The subject's commonName as text, for display; null when absent or not a decodable string.</summary>
        /// <returns>The CN or null.</returns>
        public string? GetSubjectCommonName()
        {
            return _status == Asn1Status.Ok ? X509Name.GetAttributeString(_data, _subjectOffset, _subjectLength, X509NameAttribute.CommonName) : null;
        }

        /// <summary>The issuer's commonName as text, for display; null when absent or not a decodable string.</summary>
        /// <returns>The CN or null.</returns>
        public string? GetIssuerCommonName()
        {
            return _status == Asn1Status.Ok ? X509Name.GetAttributeString(_data, _issuerOffset, _issuerLength, X509NameAttribute.CommonName) : null;
        }

        private void EnsureParsed()
        {
            if (_status != Asn1Status.Ok)
            {
                throw new InvalidOperationException("No certificate was parsed successfully.");
            }
        }

        private void ReadCertificate(DerReader r)
        {
            // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING } (RFC 5280 §4.1.1).
            if (!r.EnterSequence())
            {
                return;
            }

            _tbsOffset = r.Position;
            if (!ReadTbs(r))
            {
                return;
            }

            _tbsLength = r.Position - _tbsOffset;

            int algStart = r.Position;
            int oidOff;
            int oidLen;
            X509SignatureAlgorithm alg;
            if (!ReadAlgorithm(r, out alg, out oidOff, out oidLen))
            {
                return;
            }

            // RFC 5280 §4.1.1.2: signatureAlgorithm MUST equal the TBS signature field.
            int algLength = r.Position - algStart;
            if (!X509Name.AreEqual(_data, algStart, algLength, _data, _tbsAlgorithmOffset, _tbsAlgorithmLength))
            {
                r.Fail(Asn1Status.AlgorithmMismatch, algStart);
                return;
            }

            int sigStart = r.Position;
            int unused;
            if (!r.ReadBitString(out unused, out _signatureOffset, out _signatureLength))
            {
                return;
            }

            if (unused != 0)
            {
                r.Fail(Asn1Status.InvalidBitString, sigStart);
                return;
            }

            if (r.Exit())
            {
                r.Finish();
            }
        }

        private bool ReadTbs(DerReader r)
        {
            if (!r.EnterSequence())
            {
                return false;
            }

            // version [0] EXPLICIT Version DEFAULT v1: absent for v1 (X.690 §11.5), otherwise v2(1) or v3(2).
            _version = 1;
            if (r.PeekTag() == Asn1Tag.ContextConstructed(0))
            {
                int at = r.Position;
                int v;
                if (!r.Enter(Asn1Tag.ContextConstructed(0)) || !r.ReadNonNegativeInt32(out v) || !r.Exit())
                {
                    return false;
                }

                if (v == 0)
                {
                    return r.Fail(Asn1Status.NotCanonical, at);
                }

                if (v > 2)
                {
                    return r.Fail(Asn1Status.UnsupportedVersion, at);
                }

                _version = v + 1;
            }

            // serialNumber: RFC 5280 §4.1.2.2 allows up to 20 octets; negative values are tolerated as it advises.
            int serialStart = r.Position;
            if (!r.ReadInteger(out _serialOffset, out _serialLength))
            {
                return false;
            }

            if (_serialLength > 21 || (_serialLength == 21 && _data[_serialOffset] != 0))
            {
                return r.Fail(Asn1Status.IntegerTooLarge, serialStart);
            }

            _tbsAlgorithmOffset = r.Position;
            if (!ReadAlgorithm(r, out _signatureAlgorithm, out _algorithmOffset, out _algorithmLength))
            {
                return false;
            }

            _tbsAlgorithmLength = r.Position - _tbsAlgorithmOffset;

            if (!X509Name.Read(r, out _issuerOffset, out _issuerLength) || !ReadValidity(r)
                || !X509Name.Read(r, out _subjectOffset, out _subjectLength))
            {
                return false;
            }

            if (!ReadPublicKeyInfo(r))
            {
                return false;
            }

            // issuerUniqueID [1] / subjectUniqueID [2] IMPLICIT BIT STRING: v2 or v3 only (RFC 5280 §4.1.2.8).
            for (int n = 1; n <= 2; n++)
            {
                if (r.PeekTag() == Asn1Tag.ContextPrimitive(n))
                {
                    int at = r.Position;
                    int unused;
                    int off;
                    int len;
                    if (_version < 2)
                    {
                        return r.Fail(Asn1Status.FieldNotAllowed, at);
                    }

                    if (!r.ReadBitString(Asn1Tag.ContextPrimitive(n), out unused, out off, out len))
                    {
                        return false;
                    }
                }
            }

            // extensions [3] EXPLICIT Extensions: v3 only (RFC 5280 §4.1.2.9).
            if (r.PeekTag() == Asn1Tag.ContextConstructed(3))
            {
                int at = r.Position;
                if (_version < 3)
                {
                    return r.Fail(Asn1Status.FieldNotAllowed, at);
                }

                if (!r.Enter(Asn1Tag.ContextConstructed(3)) || !ReadExtensions(r) || !r.Exit())
                {
                    return false;
                }
            }

            return r.Exit();
        }

        private bool ReadAlgorithm(DerReader r, out X509SignatureAlgorithm alg, out int oidOff, out int oidLen)
        {
            alg = X509SignatureAlgorithm.Unknown;
            int start = r.Position;
            if (!r.EnterSequence() || !r.ReadObjectIdentifier(out oidOff, out oidLen))
            {
                oidOff = 0;
                oidLen = 0;
                return false;
            }

            alg = Identify(_data, oidOff, oidLen);
            _signatureHash = HashOf(alg);
            _pssMaskHash = X509HashAlgorithm.Unknown;
            _pssSaltLength = 0;
            switch (alg)
            {
                case X509SignatureAlgorithm.EcdsaWithSha256:
                case X509SignatureAlgorithm.EcdsaWithSha384:
                case X509SignatureAlgorithm.EcdsaWithSha512:
                case X509SignatureAlgorithm.EcdsaWithSha1:
                case X509SignatureAlgorithm.Ed25519:
                    // RFC 5758 §3.2, RFC 8410 §3: parameters absent.
                    if (r.HasData)
                    {
                        return r.Fail(Asn1Status.InvalidParameters, start);
                    }

                    break;

                case X509SignatureAlgorithm.RsaPkcs1Sha1:
                case X509SignatureAlgorithm.RsaPkcs1Sha256:
                case X509SignatureAlgorithm.RsaPkcs1Sha384:
                case X509SignatureAlgorithm.RsaPkcs1Sha512:
                    // RFC 4055 §5: parameters NULL.
                    if (r.PeekTag() != Asn1Tag.Null)
                    {
                        return r.IsOk && r.Fail(Asn1Status.InvalidParameters, start);
                    }

                    r.ReadNull();
                    break;

                case X509SignatureAlgorithm.RsaPss:
                    // RFC 4055 §3.1: in a signature algorithm the RSASSA-PSS-params MUST be present.
                    if (!r.HasData)
                    {
                        return r.IsOk && r.Fail(Asn1Status.InvalidParameters, start);
                    }

                    if (!RsaPssParameters.Read(r, out _signatureHash, out _pssMaskHash, out _pssSaltLength))
                    {
                        return false;
                    }

                    break;

                default:
                    if (r.HasData)
                    {
                        r.Skip();
                    }

                    break;
            }

            return r.Exit();
        }

        private static X509HashAlgorithm HashOf(X509SignatureAlgorithm alg)
        {
            switch (alg)
            {
                case X509SignatureAlgorithm.EcdsaWithSha1:
                case X509SignatureAlgorithm.RsaPkcs1Sha1:
                    return X509HashAlgorithm.Sha1;
                case X509SignatureAlgorithm.EcdsaWithSha256:
                case X509SignatureAlgorithm.RsaPkcs1Sha256:
                    return X509HashAlgorithm.Sha256;
                case X509SignatureAlgorithm.EcdsaWithSha384:
                case X509SignatureAlgorithm.RsaPkcs1Sha384:
                    return X509HashAlgorithm.Sha384;
                case X509SignatureAlgorithm.EcdsaWithSha512:
                case X509SignatureAlgorithm.RsaPkcs1Sha512:
                    return X509HashAlgorithm.Sha512;
                default:
                    return X509HashAlgorithm.Unknown;
            }
        }

        private static X509SignatureAlgorithm Identify(byte[] d, int off, int len)
        {
            if (Asn1Oid.Matches(d, off, len, Asn1Oid.EcdsaWithSha256))
            {
                return X509SignatureAlgorithm.EcdsaWithSha256;
            }

            if (Asn1Oid.Matches(d, off, len, Asn1Oid.EcdsaWithSha384))
            {
                return X509SignatureAlgorithm.EcdsaWithSha384;
            }

            if (Asn1Oid.Matches(d, off, len, Asn1Oid.EcdsaWithSha512))
            {
                return X509SignatureAlgorithm.EcdsaWithSha512;
            }

            if (Asn1Oid.Matches(d, off, len, Asn1Oid.EcdsaWithSha1))
            {
                return X509SignatureAlgorithm.EcdsaWithSha1;
            }

            if (Asn1Oid.Matches(d, off, len, Asn1Oid.Ed25519))
            {
                return X509SignatureAlgorithm.Ed25519;
            }

            if (Asn1Oid.IsUnder(d, off, len, Asn1Oid.Pkcs1Arc, 1))
            {
                switch (d[off + len - 1])
                {
                    case 5: return X509SignatureAlgorithm.RsaPkcs1Sha1;
                    case 10: return X509SignatureAlgorithm.RsaPss;
                    case 11: return X509SignatureAlgorithm.RsaPkcs1Sha256;
                    case 12: return X509SignatureAlgorithm.RsaPkcs1Sha384;
                    case 13: return X509SignatureAlgorithm.RsaPkcs1Sha512;
                }
            }

            return X509SignatureAlgorithm.Unknown;
        }

        private bool ReadValidity(DerReader r)
        {
            // Validity ::= SEQUENCE { notBefore Time, notAfter Time } (RFC 5280 §4.1.2.5).
            if (!r.EnterSequence())
            {
                return false;
            }

            for (int i = 0; i < 2; i++)
            {
                int at = r.Position;
                bool generalized = r.PeekTag() == Asn1Tag.GeneralizedTime;
                ulong t;
                if (!r.ReadTime(out t))
                {
                    return false;
                }

                if (generalized && t < Year2050)
                {
                    return r.Fail(Asn1Status.InvalidTime, at);
                }

                if (i == 0)
                {
                    _notBefore = t;
                }
                else
                {
                    _notAfter = t;
                }
            }

            return r.Exit();
        }

        private bool ReadPublicKeyInfo(DerReader r)
        {
            // Generic shape first: SEQUENCE { SEQUENCE { OID, parameters ANY OPTIONAL }, BIT STRING }.
            _spkiOffset = r.Position;
            int oidOff;
            int oidLen;
            int unused;
            int off;
            int len;
            if (!r.EnterSequence() || !r.EnterSequence() || !r.ReadObjectIdentifier(out oidOff, out oidLen))
            {
                return false;
            }

            if (r.HasData)
            {
                r.Skip();
            }

            if (!r.Exit() || !r.ReadBitString(out unused, out off, out len) || !r.Exit())
            {
                return false;
            }

            _spkiLength = r.Position - _spkiOffset;

            // Then the P-256 reading; another key type leaves the certificate readable.
            DerReader s = _scan;
            s.Reset(_data, _spkiOffset, _spkiLength);
            SubjectPublicKeyInfo.Read(s, out _publicKeyOffset, out _publicKeyLength);
            s.Finish();
            _publicKeyStatus = s.Status;
            _rsaKeyStatus = Asn1Status.UnsupportedAlgorithm;
            if (_publicKeyStatus == Asn1Status.Ok)
            {
                _publicKeyAlgorithm = X509PublicKeyAlgorithm.EcP256;
                return true;
            }

            _publicKeyOffset = 0;
            _publicKeyLength = 0;
            if (_publicKeyStatus == Asn1Status.UnsupportedAlgorithm)
            {
                // Not an EC key: maybe RSA (RFC 3279 §2.3.1, RFC 4055 §3.1).
                s.Reset(_data, _spkiOffset, _spkiLength);
                X509PublicKeyAlgorithm alg;
                RsaSubjectPublicKeyInfo.Read(s, out alg, out _rsaModulusOffset, out _rsaModulusLength, out _rsaExponentOffset, out _rsaExponentLength);
                s.Finish();
                _rsaKeyStatus = s.Status;
                if (_rsaKeyStatus == Asn1Status.Ok)
                {
                    _publicKeyAlgorithm = alg;
                }
                else
                {
                    _rsaModulusOffset = 0;
                    _rsaModulusLength = 0;
                    _rsaExponentOffset = 0;
                    _rsaExponentLength = 0;
                }
            }

            return true;
        }

        private bool ReadExtensions(DerReader r)
        {
            // Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension; no extension twice (RFC 5280 §4.2).
            _extensionsOffset = r.Position;
            int listStart = r.Position;
            if (!r.EnterSequence())
            {
                return false;
            }

            if (!r.HasData)
            {
                return r.IsOk && r.Fail(Asn1Status.MissingElement, listStart);
            }

            int firstContent = r.Position;
            while (r.HasData)
            {
                int at = r.Position;
                int oidOff;
                int oidLen;
                bool critical;
                int off;
                int len;
                if (!ReadExtension(r, out oidOff, out oidLen, out critical, out off, out len))
                {
                    return false;
                }

                if (SeenBefore(firstContent, at, oidOff, oidLen))
                {
                    return r.Fail(Asn1Status.DuplicateExtension, at);
                }
            }

            if (!r.Exit())
            {
                return false;
            }

            _extensionsLength = r.Position - _extensionsOffset;
            return true;
        }

        private static bool ReadExtension(DerReader r, out int oidOff, out int oidLen, out bool critical, out int valueOffset, out int valueLength)
        {
            // Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }.
            critical = false;
            valueOffset = 0;
            valueLength = 0;
            if (!r.EnterSequence() || !r.ReadObjectIdentifier(out oidOff, out oidLen))
            {
                oidOff = 0;
                oidLen = 0;
                return false;
            }

            if (r.PeekTag() == Asn1Tag.Boolean)
            {
                int at = r.Position;
                if (!r.ReadBoolean(out critical))
                {
                    return false;
                }

                if (!critical)
                {
                    return r.Fail(Asn1Status.NotCanonical, at); // X.690 §11.5: DEFAULT FALSE is not encoded.
                }
            }

            return r.ReadOctetString(out valueOffset, out valueLength) && r.Exit();
        }

        private bool SeenBefore(int from, int until, int oidOff, int oidLen)
        {
            DerReader s = _scan;
            s.Reset(_data, from, until - from);
            while (s.HasData)
            {
                int o;
                int l;
                bool c;
                int vo;
                int vl;
                if (!ReadExtension(s, out o, out l, out c, out vo, out vl))
                {
                    return false;
                }

                if (X509Name.AreEqual(_data, o, l, _data, oidOff, oidLen))
                {
                    return true;
                }
            }

            return false;
        }

        private void Clear()
        {
            _status = Asn1Status.MissingElement;
            _errorOffset = 0;
            _offset = 0;
            _length = 0;
            _tbsOffset = 0;
            _tbsLength = 0;
            _version = 0;
            _serialOffset = 0;
            _serialLength = 0;
            _signatureAlgorithm = X509SignatureAlgorithm.Unknown;
            _algorithmOffset = 0;
            _algorithmLength = 0;
            _tbsAlgorithmOffset = 0;
            _tbsAlgorithmLength = 0;
            _issuerOffset = 0;
            _issuerLength = 0;
            _subjectOffset = 0;
            _subjectLength = 0;
            _notBefore = 0;
            _notAfter = 0;
            _spkiOffset = 0;
            _spkiLength = 0;
            _publicKeyStatus = Asn1Status.MissingElement;
            _publicKeyOffset = 0;
            _publicKeyLength = 0;
            _extensionsOffset = 0;
            _extensionsLength = 0;
            _signatureOffset = 0;
            _signatureLength = 0;
            _signatureHash = X509HashAlgorithm.Unknown;
            _pssMaskHash = X509HashAlgorithm.Unknown;
            _pssSaltLength = 0;
            _publicKeyAlgorithm = X509PublicKeyAlgorithm.Unknown;
            _rsaKeyStatus = Asn1Status.MissingElement;
            _rsaModulusOffset = 0;
            _rsaModulusLength = 0;
            _rsaExponentOffset = 0;
            _rsaExponentLength = 0;
        }
    }
}
