using System;

namespace NanoMikey.X509.Asn1
{
    /// <summary>
    /// Converts P-256 ECDSA signatures between the DER form <c>SEQUENCE { r INTEGER, s INTEGER }</c> (RFC 3279 §2.2.3,
    /// X9.62) and the fixed 64-byte r‖s form (IEEE P1363). Decoding is strict DER: any BER variant, negative or
    /// oversize integer, wrong tag or trailing byte is rejected, so a signature has exactly one accepted encoding.
    /// </summary>
    /// <remarks>
    /// Range checks r, s in [1, n-1] belong to ECDSA verification; this codec only guarantees 0 &lt;= r, s &lt; 2^256.
    /// Nothing here allocates.
    /// </remarks>
    public static class EcdsaSignatureEncoding
    {
        /// <summary>Bytes of r or of s in the fixed form.</summary>
        public const int ScalarLength = 32;

        /// <summary>Bytes of the fixed r‖s form.</summary>
        public const int RawLength = 64;

        /// <summary>Largest DER encoding: two 33-byte INTEGERs in a SEQUENCE.</summary>
        public const int MaxDerLength = 72;

        /// <summary>Decodes a DER signature that must occupy exactly the given range into r‖s.</summary>
        /// <param name="der">Buffer holding the DER signature.</param>
        /// <param name="offset">Offset of the signature.</param>
        /// <param name="length">Exact length of the signature.</param>
        /// <param name="rs">Receives r‖s (64 bytes), zeroed on failure.</param>
        /// <param name="rsOffset">Offset in <paramref name="rs"/>.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or the first encoding error.</returns>
        public static Asn1Status DecodeDer(byte[] der, int offset, int length, byte[] rs, int rsOffset)
        {
            DerReader.CheckRange(der, offset, length);
            DerReader.CheckRange(rs, rsOffset, RawLength);
            Asn1Status s = Decode(der, offset, offset + length, rs, rsOffset);
            if (s != Asn1Status.Ok)
            {
                Array.Clear(rs, rsOffset, RawLength);
            }

            return s;
        }

        /// <summary>Number of bytes <see cref="EncodeDer"/> writes for this r‖s.</summary>
        /// <param name="rs">r‖s, 64 bytes.</param>
        /// <param name="rsOffset">Offset in <paramref name="rs"/>.</param>
        /// <returns>8 to 72.</returns>
        public static int GetDerLength(byte[] rs, int rsOffset)
        {
            DerReader.CheckRange(rs, rsOffset, RawLength);
            return 2 + IntegerLength(rs, rsOffset) + IntegerLength(rs, rsOffset + ScalarLength);
        }

        /// <summary>Encodes r‖s as a DER SEQUENCE of two minimal non-negative INTEGERs.</summary>
        /// <param name="rs">r‖s, 64 bytes.</param>
        /// <param name="rsOffset">Offset in <paramref name="rs"/>.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>; <see cref="MaxDerLength"/> always suffices.</param>
        /// <param name="written">Bytes written; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/> (nothing written).</returns>
        public static Asn1Status EncodeDer(byte[] rs, int rsOffset, byte[] output, int outputOffset, int capacity, out int written)
        {
            DerReader.CheckRange(output, outputOffset, capacity);
            written = 0;
            int total = GetDerLength(rs, rsOffset);
            if (total > capacity)
            {
                return Asn1Status.BufferTooSmall;
            }

            // At most 70 content bytes, so the SEQUENCE length always fits the short form.
            int p = outputOffset;
            output[p++] = (byte)Asn1Tag.Sequence;
            output[p++] = (byte)(total - 2);
            p = WriteInteger(rs, rsOffset, output, p);
            WriteInteger(rs, rsOffset + ScalarLength, output, p);
            written = total;
            return Asn1Status.Ok;
        }

        private static Asn1Status Decode(byte[] der, int pos, int end, byte[] rs, int rsOffset)
        {
            int off;
            int len;
            Asn1Status s = DerReader.ReadWholeSequence(der, pos, end, out pos);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            for (int i = 0; i < 2; i++)
            {
                s = DerReader.ReadHeader(der, pos, end, Asn1Tag.Integer, out off, out len);
                if (s != Asn1Status.Ok)
                {
                    return s;
                }

                s = DerReader.CopyUnsignedInteger(der, off, len, rs, rsOffset + (i * ScalarLength), ScalarLength);
                if (s != Asn1Status.Ok)
                {
                    return s;
                }

                pos = off + len;
            }

            return pos == end ? Asn1Status.Ok : Asn1Status.TrailingData;
        }

        private static int IntegerLength(byte[] v, int off)
        {
            int i = 0;
            while (i < ScalarLength - 1 && v[off + i] == 0)
            {
                i++;
            }

            int n = ScalarLength - i;
            return 2 + n + (v[off + i] >= 0x80 ? 1 : 0);
        }

        private static int WriteInteger(byte[] v, int off, byte[] output, int p)
        {
            int i = 0;
            while (i < ScalarLength - 1 && v[off + i] == 0)
            {
                i++;
            }

            int n = ScalarLength - i;
            bool pad = v[off + i] >= 0x80;
            output[p++] = (byte)Asn1Tag.Integer;
            output[p++] = (byte)(n + (pad ? 1 : 0));
            if (pad)
            {
                output[p++] = 0;
            }

            Array.Copy(v, off + i, output, p, n);
            return p + n;
        }
    }
}
