using System;
using NanoMikey.Crypto;
using NanoMikey.Ecc;

namespace NanoMikey.X509.Asn1
{
    /// <summary>
    /// Imports P-256 private keys from SEC 1 <c>ECPrivateKey</c> (RFC 5915) and PKCS #8 <c>PrivateKeyInfo</c> /
    /// <c>OneAsymmetricKey</c> (RFC 5208, RFC 5958) DER. The 32-byte scalar goes to a caller buffer; an embedded public
    /// key is returned as a range of the input (its point bytes, not yet validated on the curve).
    /// </summary>
    /// <remarks>
    /// The scalar is checked to lie in [1, n-1] in constant time. Whether an embedded public key matches the scalar is
    /// not checked here: derive d*G (P256PrivateKey) and compare if the source is not trusted. The input still holds the
    /// secret; the caller wipes it.
    /// </remarks>
    public static class EcPrivateKeyReader
    {
        /// <summary>Bytes of a P-256 private scalar.</summary>
        public const int ScalarLength = 32;

        // SEC 1 / FIPS 186-4 D.1.2.3: the order n of the P-256 base point.
        private static readonly byte[] Order =
        {
            0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
        };

        /// <summary>Reads an RFC 5915 ECPrivateKey that must occupy exactly the given range.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="scalar">Receives the 32-byte big-endian scalar; zeroed on failure.</param>
        /// <param name="scalarOffset">Offset in <paramref name="scalar"/>.</param>
        /// <param name="publicKeyOffset">Offset in <paramref name="der"/> of the embedded public point, or 0.</param>
        /// <param name="publicKeyLength">Length of the embedded public point, 0 when absent.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or the first error.</returns>
        public static Asn1Status ReadEcPrivateKey(byte[] der, int offset, int length, byte[] scalar, int scalarOffset,
            out int publicKeyOffset, out int publicKeyLength)
        {
            DerReader.CheckRange(der, offset, length);
            DerReader.CheckRange(scalar, scalarOffset, ScalarLength);
            var r = new DerReader(4);
            r.Reset(der, offset, length);
            ReadEcPrivateKey(r, scalar, scalarOffset, out publicKeyOffset, out publicKeyLength);
            r.Finish();
            return Finish(r, scalar, scalarOffset, ref publicKeyOffset, ref publicKeyLength);
        }

        /// <summary>Reads a PKCS #8 PrivateKeyInfo (v1) or OneAsymmetricKey (v2) holding a P-256 key; the range must be exact.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="scalar">Receives the 32-byte big-endian scalar; zeroed on failure.</param>
        /// <param name="scalarOffset">Offset in <paramref name="scalar"/>.</param>
        /// <param name="publicKeyOffset">Offset in <paramref name="der"/> of the embedded public point, or 0.</param>
        /// <param name="publicKeyLength">Length of the embedded public point, 0 when absent.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or the first error.</returns>
        public static Asn1Status ReadPkcs8(byte[] der, int offset, int length, byte[] scalar, int scalarOffset,
            out int publicKeyOffset, out int publicKeyLength)
        {
            DerReader.CheckRange(der, offset, length);
            DerReader.CheckRange(scalar, scalarOffset, ScalarLength);
            publicKeyOffset = 0;
            publicKeyLength = 0;
            var r = new DerReader(6);
            r.Reset(der, offset, length);

            // RFC 5958 §2: version v1(0) | v2(1); the publicKey field exists only in v2.
            int version;
            int keyOffset;
            int keyLength;
            if (r.EnterSequence() && r.ReadNonNegativeInt32(out version))
            {
                if (version > 1)
                {
                    r.Fail(Asn1Status.UnsupportedVersion, offset);
                }

                if (EcAlgorithmIdentifier.Read(r) && r.ReadOctetString(out keyOffset, out keyLength))
                {
                    // privateKey OCTET STRING wraps an ECPrivateKey (RFC 5915 §1, RFC 5480).
                    var inner = new DerReader(4);
                    inner.Reset(der, keyOffset, keyLength);
                    ReadEcPrivateKey(inner, scalar, scalarOffset, out publicKeyOffset, out publicKeyLength);
                    if (!inner.Finish())
                    {
                        r.Fail(inner.Status, inner.ErrorOffset);
                    }

                    if (r.PeekTag() == Asn1Tag.ContextConstructed(0))
                    {
                        r.Skip(); // attributes [0] IMPLICIT SET OF Attribute: not used for EC keys.
                    }

                    if (r.PeekTag() == Asn1Tag.ContextPrimitive(1))
                    {
                        int start = r.Position;
                        int unused;
                        int off;
                        int len;
                        if (version == 0)
                        {
                            r.Fail(Asn1Status.FieldNotAllowed, start);
                        }
                        else if (r.ReadBitString(Asn1Tag.ContextPrimitive(1), out unused, out off, out len))
                        {
                            MergePublicKey(r, start, unused, off, len, ref publicKeyOffset, ref publicKeyLength);
                        }
                    }
                }

                r.Exit();
            }

            r.Finish();
            return Finish(r, scalar, scalarOffset, ref publicKeyOffset, ref publicKeyLength);
        }

        /// <summary>
        /// Reads an RFC 5915 ECPrivateKey into <paramref name="key"/>; an embedded public key must equal d*G.
        /// </summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="key">Key holder to fill; kept on a read error, cleared when the embedded public key does not match.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.InvalidPublicKey"/> when the embedded public key does not match, or a read error.</returns>
        public static Asn1Status ReadEcPrivateKey(byte[] der, int offset, int length, P256PrivateKey key)
        {
            return Import(der, offset, length, key, false);
        }

        /// <summary>Reads a PKCS #8 P-256 private key into <paramref name="key"/>; an embedded public key must equal d*G.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="key">Key holder to fill; kept on a read error, cleared when the embedded public key does not match.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.InvalidPublicKey"/> when the embedded public key does not match, or a read error.</returns>
        public static Asn1Status ReadPkcs8(byte[] der, int offset, int length, P256PrivateKey key)
        {
            return Import(der, offset, length, key, true);
        }

        private static Asn1Status Import(byte[] der, int offset, int length, P256PrivateKey key, bool pkcs8)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            byte[] scalar = new byte[ScalarLength];
            int po;
            int pl;
            Asn1Status s = pkcs8
                ? ReadPkcs8(der, offset, length, scalar, 0, out po, out pl)
                : ReadEcPrivateKey(der, offset, length, scalar, 0, out po, out pl);
            if (s == Asn1Status.Ok)
            {
                P256PublicKey? embedded = null;
                if (pl != 0)
                {
                    embedded = P256PublicKey.Decode(der, po, pl);
                    if (embedded == null)
                    {
                        s = Asn1Status.InvalidPublicKey;
                    }
                }

                if (s == Asn1Status.Ok)
                {
                    if (!key.TryImport(scalar, 0))
                    {
                        s = Asn1Status.InvalidPrivateKey;
                    }
                    else if (embedded != null && !key.PublicKey.SameAs(embedded))
                    {
                        // One scalar multiplication only: a mismatching key is cleared rather than restored.
                        key.Clear();
                        s = Asn1Status.InvalidPublicKey;
                    }
                }
            }

            SecureMemory.Wipe(scalar);
            return s;
        }

        /// <summary>Constant-time check that a 32-byte big-endian scalar lies in [1, n-1].</summary>
        /// <param name="scalar">Buffer holding the scalar.</param>
        /// <param name="offset">Offset of the scalar.</param>
        /// <returns>True for a valid P-256 private scalar.</returns>
        public static bool IsValidScalar(byte[] scalar, int offset)
        {
            DerReader.CheckRange(scalar, offset, ScalarLength);
            int borrow = 0;
            int any = 0;
            for (int i = ScalarLength - 1; i >= 0; i--)
            {
                int v = scalar[offset + i];
                any |= v;
                borrow = ((v - Order[i] - borrow) >> 31) & 1;
            }

            // borrow == 1 exactly when scalar < n; any != 0 exactly when scalar != 0.
            int nonZero = ((any | -any) >> 31) & 1;
            return (borrow & nonZero) == 1;
        }

        private static void ReadEcPrivateKey(DerReader r, byte[] scalar, int scalarOffset, out int publicKeyOffset, out int publicKeyLength)
        {
            publicKeyOffset = 0;
            publicKeyLength = 0;
            int start = r.Position;
            int version;
            int off;
            int len;
            if (!r.EnterSequence() || !r.ReadNonNegativeInt32(out version))
            {
                return;
            }

            // RFC 5915 §3: version ecPrivkeyVer1(1); privateKey is ceiling(log2(n)/8) = 32 octets.
            if (version != 1)
            {
                r.Fail(Asn1Status.UnsupportedVersion, start);
                return;
            }

            int keyStart = r.Position;
            if (!r.ReadOctetString(out off, out len))
            {
                return;
            }

            if (len != ScalarLength)
            {
                r.Fail(Asn1Status.InvalidPrivateKey, keyStart);
                return;
            }

            Array.Copy(r.Data, off, scalar, scalarOffset, ScalarLength);
            if (!IsValidScalar(scalar, scalarOffset))
            {
                r.Fail(Asn1Status.InvalidPrivateKey, keyStart);
                return;
            }

            if (r.PeekTag() == Asn1Tag.ContextConstructed(0))
            {
                // parameters [0] EXPLICIT ECParameters: when present, the named curve P-256 (RFC 5915 §3).
                if (!r.Enter(Asn1Tag.ContextConstructed(0)) || !EcAlgorithmIdentifier.ReadNamedCurve(r) || !r.Exit())
                {
                    return;
                }
            }

            if (r.PeekTag() == Asn1Tag.ContextConstructed(1))
            {
                int pkStart = r.Position;
                int unused;
                if (!r.Enter(Asn1Tag.ContextConstructed(1)) || !r.ReadBitString(out unused, out off, out len) || !r.Exit())
                {
                    return;
                }

                MergePublicKey(r, pkStart, unused, off, len, ref publicKeyOffset, ref publicKeyLength);
            }

            r.Exit();
        }

        private static void MergePublicKey(DerReader r, int start, int unused, int off, int len, ref int publicKeyOffset, ref int publicKeyLength)
        {
            if (unused != 0 || !EcAlgorithmIdentifier.IsPointEncoding(r.Data, off, len))
            {
                r.Fail(Asn1Status.InvalidPublicKey, start);
                return;
            }

            if (publicKeyLength != 0)
            {
                // Both ECPrivateKey.publicKey and OneAsymmetricKey.publicKey: they must agree.
                bool same = publicKeyLength == len;
                for (int i = 0; same && i < len; i++)
                {
                    same = r.Data[publicKeyOffset + i] == r.Data[off + i];
                }

                if (!same)
                {
                    r.Fail(Asn1Status.InvalidPublicKey, start);
                }

                return;
            }

            publicKeyOffset = off;
            publicKeyLength = len;
        }

        private static Asn1Status Finish(DerReader r, byte[] scalar, int scalarOffset, ref int publicKeyOffset, ref int publicKeyLength)
        {
            if (r.IsOk)
            {
                return Asn1Status.Ok;
            }

            Array.Clear(scalar, scalarOffset, ScalarLength);
            publicKeyOffset = 0;
            publicKeyLength = 0;
            return r.Status;
        }
    }
}
