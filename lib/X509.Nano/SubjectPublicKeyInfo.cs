using System;
using NanoMikey.X509.Asn1;
using NanoMikey.Ecc;

namespace NanoMikey.X509
{
    /// <summary>
    /// DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) for P-256 keys: <c>SEQUENCE { SEQUENCE { id-ecPublicKey, secp256r1 },
    /// BIT STRING point }</c> (RFC 5480). Reading returns the SEC 1 point bytes as a range of the input; they still have
    /// to be validated on the curve (P256PublicKey) before use.
    /// </summary>
    public static class SubjectPublicKeyInfo
    {
        /// <summary>DER length of an SPKI holding an uncompressed point.</summary>
        public const int UncompressedLength = 91;

        /// <summary>DER length of an SPKI holding a compressed point.</summary>
        public const int CompressedLength = 59;

        /// <summary>Reads a P-256 SubjectPublicKeyInfo that must occupy exactly the given range.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="pointOffset">Offset in <paramref name="der"/> of the SEC 1 point (65 or 33 bytes); 0 on failure.</param>
        /// <param name="pointLength">Length of the point; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.UnsupportedAlgorithm"/> / <see cref="Asn1Status.UnsupportedCurve"/>
        /// for other keys, or the first encoding error.</returns>
        public static Asn1Status Read(byte[] der, int offset, int length, out int pointOffset, out int pointLength)
        {
            DerReader.CheckRange(der, offset, length);
            var r = new DerReader(3);
            r.Reset(der, offset, length);
            Read(r, out pointOffset, out pointLength);
            r.Finish();
            if (!r.IsOk)
            {
                pointOffset = 0;
                pointLength = 0;
            }

            return r.Status;
        }

        /// <summary>Writes the SPKI of a SEC 1 encoded P-256 point (65-byte uncompressed or 33-byte compressed).</summary>
        /// <param name="point">Buffer holding the point.</param>
        /// <param name="pointOffset">Offset of the point.</param>
        /// <param name="pointLength">65 or 33.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>.</param>
        /// <param name="written">Bytes written (91 or 59); 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/>.</returns>
        /// <exception cref="ArgumentException">The bytes are not a SEC 1 point encoding of P-256 size.</exception>
        public static Asn1Status Write(byte[] point, int pointOffset, int pointLength, byte[] output, int outputOffset, int capacity, out int written)
        {
            DerReader.CheckRange(point, pointOffset, pointLength);
            DerReader.CheckRange(output, outputOffset, capacity);
            written = 0;
            if (!EcAlgorithmIdentifier.IsPointEncoding(point, pointOffset, pointLength))
            {
                throw new ArgumentException("Not a 65-byte uncompressed or 33-byte compressed P-256 point.", "point");
            }

            int total = pointLength == 65 ? UncompressedLength : CompressedLength;
            if (capacity < total)
            {
                return Asn1Status.BufferTooSmall;
            }

            var w = new DerWriter(3);
            w.Reset(output, outputOffset, capacity);
            w.PushSequence();
            EcAlgorithmIdentifier.Write(w);
            w.WriteBitString(point, pointOffset, pointLength);
            w.Pop();
            written = w.Length;
            return w.Status;
        }

        /// <summary>Reads a P-256 SubjectPublicKeyInfo into <paramref name="key"/>, validating the point on the curve.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="key">Key holder to fill; unchanged on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.InvalidPublicKey"/> for a point not on P-256, or a read error.</returns>
        public static Asn1Status Read(byte[] der, int offset, int length, P256PublicKey key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            int pointOffset;
            int pointLength;
            Asn1Status s = Read(der, offset, length, out pointOffset, out pointLength);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            return key.TryImport(der, pointOffset, pointLength) ? Asn1Status.Ok : Asn1Status.InvalidPublicKey;
        }

        /// <summary>Writes the SPKI of <paramref name="key"/> with an uncompressed (91 bytes) or compressed (59 bytes) point.</summary>
        /// <param name="key">A key holding a point.</param>
        /// <param name="compressed">True for the 33-byte compressed point form.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>.</param>
        /// <param name="written">Bytes written; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/>.</returns>
        public static Asn1Status Write(P256PublicKey key, bool compressed, byte[] output, int outputOffset, int capacity, out int written)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            byte[] point = new byte[P256PublicKey.UncompressedLength];
            int n = compressed ? key.ExportCompressed(point, 0) : key.ExportUncompressed(point, 0);
            return Write(point, 0, n, output, outputOffset, capacity, out written);
        }

        /// <summary>Reads one SPKI element at the reader's position (used by the certificate reader).</summary>
        internal static bool Read(DerReader r, out int pointOffset, out int pointLength)
        {
            pointOffset = 0;
            pointLength = 0;
            int unused;
            int off;
            int len;
            if (!r.EnterSequence() || !EcAlgorithmIdentifier.Read(r))
            {
                return false;
            }

            int keyStart = r.Position;
            if (!r.ReadBitString(out unused, out off, out len))
            {
                return false;
            }

            if (unused != 0 || !EcAlgorithmIdentifier.IsPointEncoding(r.Data, off, len))
            {
                return r.Fail(Asn1Status.InvalidPublicKey, keyStart);
            }

            if (!r.Exit())
            {
                return false;
            }

            pointOffset = off;
            pointLength = len;
            return true;
        }
    }
}
