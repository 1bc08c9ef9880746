using System;
using NanoMikey.X509.Asn1;

namespace NanoMikey.X509
{
    /// <summary>
    /// DER RSA public keys as byte ranges, with no RSA arithmetic: SubjectPublicKeyInfo with rsaEncryption
    /// (RFC 3279 §2.3.1, parameters NULL) or id-RSASSA-PSS without parameters (RFC 4055 §3.1), and the PKCS #1
    /// <c>RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }</c> inside it (RFC 8017 A.1.1).
    /// Reading is strict DER (minimal, positive INTEGERs, no trailing data) and returns each INTEGER's magnitude
    /// (without the sign octet) as a range of the input; size and parity checks belong to the key holder (NanoMikey.Rsa).
    /// </summary>
    public static class RsaSubjectPublicKeyInfo
    {
        private static readonly byte[] NoUnusedBits = { 0 };

        /// <summary>Reads an RSA SubjectPublicKeyInfo that must occupy exactly the given range.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="algorithm"><see cref="X509PublicKeyAlgorithm.Rsa"/> or <see cref="X509PublicKeyAlgorithm.RsaPss"/>; Unknown on failure.</param>
        /// <param name="modulusOffset">Offset in <paramref name="der"/> of the modulus magnitude (big-endian, no leading zero); 0 on failure.</param>
        /// <param name="modulusLength">Length of the modulus magnitude; 0 on failure.</param>
        /// <param name="exponentOffset">Offset of the public exponent magnitude; 0 on failure.</param>
        /// <param name="exponentLength">Length of the public exponent magnitude; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/>; <see cref="Asn1Status.UnsupportedAlgorithm"/> for another key type (or
        /// id-RSASSA-PSS with parameters); <see cref="Asn1Status.InvalidPublicKey"/> for a zero modulus or exponent; or the first DER error.</returns>
        public static Asn1Status Read(byte[] der, int offset, int length, out X509PublicKeyAlgorithm algorithm,
            out int modulusOffset, out int modulusLength, out int exponentOffset, out int exponentLength)
        {
            return Read(new DerReader(3), der, offset, length, out algorithm, out modulusOffset, out modulusLength, out exponentOffset, out exponentLength);
        }

        /// <summary>Reads an RSA SubjectPublicKeyInfo with the caller's reader (allocates nothing), as <see cref="Read(byte[], int, int, out X509PublicKeyAlgorithm, out int, out int, out int, out int)"/>.</summary>
        /// <param name="reader">A reader allowing at least 3 nesting levels; it is reset to the range.</param>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="algorithm"><see cref="X509PublicKeyAlgorithm.Rsa"/> or <see cref="X509PublicKeyAlgorithm.RsaPss"/>; Unknown on failure.</param>
        /// <param name="modulusOffset">Offset of the modulus magnitude; 0 on failure.</param>
        /// <param name="modulusLength">Length of the modulus magnitude; 0 on failure.</param>
        /// <param name="exponentOffset">Offset of the public exponent magnitude; 0 on failure.</param>
        /// <param name="exponentLength">Length of the public exponent magnitude; 0 on failure.</param>
        /// <returns>As the overload without a reader.</returns>
        public static Asn1Status Read(DerReader reader, byte[] der, int offset, int length, out X509PublicKeyAlgorithm algorithm,
            out int modulusOffset, out int modulusLength, out int exponentOffset, out int exponentLength)
        {
            if (reader == null)
            {
                throw new ArgumentNullException("reader");
            }

            DerReader.CheckRange(der, offset, length);
            DerReader r = reader;
            r.Reset(der, offset, length);
            Read(r, out algorithm, out modulusOffset, out modulusLength, out exponentOffset, out exponentLength);
            r.Finish();
            if (!r.IsOk)
            {
                algorithm = X509PublicKeyAlgorithm.Unknown;
                modulusOffset = 0;
                modulusLength = 0;
                exponentOffset = 0;
                exponentLength = 0;
            }

            return r.Status;
        }

        /// <summary>Reads a PKCS #1 RSAPublicKey (RFC 8017 A.1.1) that must occupy exactly the given range.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="modulusOffset">Offset of the modulus magnitude; 0 on failure.</param>
        /// <param name="modulusLength">Length of the modulus magnitude; 0 on failure.</param>
        /// <param name="exponentOffset">Offset of the public exponent magnitude; 0 on failure.</param>
        /// <param name="exponentLength">Length of the public exponent magnitude; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.InvalidPublicKey"/> for a zero value, or the first DER error.</returns>
        public static Asn1Status ReadRsaPublicKey(byte[] der, int offset, int length,
            out int modulusOffset, out int modulusLength, out int exponentOffset, out int exponentLength)
        {
            DerReader.CheckRange(der, offset, length);
            return ReadBody(der, offset, length, out modulusOffset, out modulusLength, out exponentOffset, out exponentLength);
        }

        /// <summary>Writes an rsaEncryption SubjectPublicKeyInfo (RFC 3279 §2.3.1) of the given magnitudes.</summary>
        /// <param name="modulus">Buffer holding the big-endian modulus (leading zeros are dropped).</param>
        /// <param name="modulusOffset">Offset of the modulus.</param>
        /// <param name="modulusLength">Length of the modulus.</param>
        /// <param name="exponent">Buffer holding the big-endian public exponent.</param>
        /// <param name="exponentOffset">Offset of the exponent.</param>
        /// <param name="exponentLength">Length of the exponent.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>.</param>
        /// <param name="written">Bytes written; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/>.</returns>
        public static Asn1Status Write(byte[] modulus, int modulusOffset, int modulusLength, byte[] exponent, int exponentOffset,
            int exponentLength, byte[] output, int outputOffset, int capacity, out int written)
        {
            return Write(true, modulus, modulusOffset, modulusLength, exponent, exponentOffset, exponentLength, output, outputOffset, capacity, out written);
        }

        /// <summary>Writes a PKCS #1 RSAPublicKey (RFC 8017 A.1.1) of the given magnitudes.</summary>
        /// <param name="modulus">Buffer holding the big-endian modulus (leading zeros are dropped).</param>
        /// <param name="modulusOffset">Offset of the modulus.</param>
        /// <param name="modulusLength">Length of the modulus.</param>
        /// <param name="exponent">Buffer holding the big-endian public exponent.</param>
        /// <param name="exponentOffset">Offset of the exponent.</param>
        /// <param name="exponentLength">Length of the exponent.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>.</param>
        /// <param name="written">Bytes written; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/>.</returns>
        public static Asn1Status WriteRsaPublicKey(byte[] modulus, int modulusOffset, int modulusLength, byte[] exponent, int exponentOffset,
            int exponentLength, byte[] output, int outputOffset, int capacity, out int written)
        {
            return Write(false, modulus, modulusOffset, modulusLength, exponent, exponentOffset, exponentLength, output, outputOffset, capacity, out written);
        }

        /// <summary>Reads one RSA SPKI element at the reader's position (used by the certificate reader).</summary>
        internal static bool Read(DerReader r, out X509PublicKeyAlgorithm algorithm, out int modulusOffset, out int modulusLength,
            out int exponentOffset, out int exponentLength)
        {
            algorithm = X509PublicKeyAlgorithm.Unknown;
            modulusOffset = 0;
            modulusLength = 0;
            exponentOffset = 0;
            exponentLength = 0;
            if (!r.EnterSequence())
            {
                return false;
            }

            X509PublicKeyAlgorithm alg;
            if (!ReadAlgorithmIdentifier(r, out alg))
            {
                return false;
            }

            int keyStart = r.Position;
            int unused;
            int off;
            int len;
            if (!r.ReadBitString(out unused, out off, out len))
            {
                return false;
            }

            if (unused != 0)
            {
                return r.Fail(Asn1Status.InvalidBitString, keyStart);
            }

            Asn1Status s = ReadBody(r.Data, off, len, out modulusOffset, out modulusLength, out exponentOffset, out exponentLength);
            if (s != Asn1Status.Ok)
            {
                return r.Fail(s, keyStart);
            }

            if (!r.Exit())
            {
                return false;
            }

            algorithm = alg;
            return true;
        }

        /// <summary>
        /// Reads an RSA key AlgorithmIdentifier at the reader's position (SubjectPublicKeyInfo, PKCS #8): rsaEncryption with
        /// NULL parameters (RFC 3279 §2.3.1), or id-RSASSA-PSS without parameters (RFC 4055 §3.1; restricted keys are not supported).
        /// </summary>
        /// <param name="r">A reader positioned on the AlgorithmIdentifier SEQUENCE.</param>
        /// <param name="algorithm"><see cref="X509PublicKeyAlgorithm.Rsa"/> or <see cref="X509PublicKeyAlgorithm.RsaPss"/>; Unknown on failure.</param>
        /// <returns>False on error (see the reader's Status: <see cref="Asn1Status.UnsupportedAlgorithm"/> for another key type,
        /// <see cref="Asn1Status.InvalidParameters"/> for rsaEncryption without NULL).</returns>
        public static bool ReadAlgorithmIdentifier(DerReader r, out X509PublicKeyAlgorithm algorithm)
        {
            if (r == null)
            {
                throw new ArgumentNullException("r");
            }

            algorithm = X509PublicKeyAlgorithm.Unknown;
            int algStart = r.Position;
            int oidOff;
            int oidLen;
            if (!r.EnterSequence() || !r.ReadObjectIdentifier(out oidOff, out oidLen))
            {
                return false;
            }

            X509PublicKeyAlgorithm alg;
            if (Asn1Oid.Matches(r.Data, oidOff, oidLen, Asn1Oid.RsaEncryption))
            {
                // RFC 3279 §2.3.1: the parameters field MUST be NULL.
                if (r.PeekTag() != Asn1Tag.Null)
                {
                    return r.IsOk && r.Fail(Asn1Status.InvalidParameters, algStart);
                }

                r.ReadNull();
                alg = X509PublicKeyAlgorithm.Rsa;
            }
            else if (Asn1Oid.Matches(r.Data, oidOff, oidLen, Asn1Oid.RsassaPss))
            {
                // RFC 4055 §3.1: parameters absent leave the key unrestricted; restricted PSS keys are not supported.
                if (r.HasData)
                {
                    return r.Fail(Asn1Status.UnsupportedAlgorithm, algStart);
                }

                alg = X509PublicKeyAlgorithm.RsaPss;
            }
            else
            {
                return r.Fail(Asn1Status.UnsupportedAlgorithm, algStart);
            }

            if (!r.Exit())
            {
                return false;
            }

            algorithm = alg;
            return true;
        }

        /// <summary>Writes the rsaEncryption AlgorithmIdentifier <c>SEQUENCE { 1.2.840.113549.1.1.1, NULL }</c> (RFC 3279 §2.3.1).</summary>
        /// <param name="w">The writer.</param>
        /// <returns>False when the buffer is full.</returns>
        public static bool WriteAlgorithmIdentifier(DerWriter w)
        {
            if (w == null)
            {
                throw new ArgumentNullException("w");
            }

            return w.PushSequence()
                && w.WriteObjectIdentifier(Asn1Oid.RsaEncryption, 0, Asn1Oid.RsaEncryption.Length)
                && w.WriteNull()
                && w.Pop();
        }

        // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1), exactly filling [off, off + len).
        private static Asn1Status ReadBody(byte[] d, int off, int len, out int modulusOffset, out int modulusLength,
            out int exponentOffset, out int exponentLength)
        {
            modulusOffset = 0;
            modulusLength = 0;
            exponentOffset = 0;
            exponentLength = 0;
            int end = off + len;
            int seqOff;
            Asn1Status s = DerReader.ReadWholeSequence(d, off, end, out seqOff);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            int mo;
            int ml;
            int eo;
            int el;
            s = ReadPositive(d, seqOff, end, out mo, out ml);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            s = ReadPositive(d, mo + ml, end, out eo, out el);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            if (eo + el != end)
            {
                return Asn1Status.TrailingData;
            }

            // Report magnitudes: the 0x00 sign octet before a high bit is not part of the value.
            modulusOffset = mo;
            modulusLength = ml;
            exponentOffset = eo;
            exponentLength = el;
            StripSign(d, ref modulusOffset, ref modulusLength);
            StripSign(d, ref exponentOffset, ref exponentLength);
            return Asn1Status.Ok;
        }

        // One minimal, positive INTEGER at pos; out: its content octets.
        private static Asn1Status ReadPositive(byte[] d, int pos, int end, out int contentOffset, out int contentLength)
        {
            Asn1Status s = DerReader.ReadHeader(d, pos, end, Asn1Tag.Integer, out contentOffset, out contentLength);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            s = DerReader.CheckInteger(d, contentOffset, contentLength, true);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            // A minimal zero is the single octet 0x00; RSA has no zero modulus or exponent.
            return contentLength == 1 && d[contentOffset] == 0 ? Asn1Status.InvalidPublicKey : Asn1Status.Ok;
        }

        private static void StripSign(byte[] d, ref int off, ref int len)
        {
            if (len > 1 && d[off] == 0)
            {
                off++;
                len--;
            }
        }

        private static Asn1Status Write(bool spki, byte[] modulus, int modulusOffset, int modulusLength, byte[] exponent,
            int exponentOffset, int exponentLength, byte[] output, int outputOffset, int capacity, out int written)
        {
            DerReader.CheckRange(modulus, modulusOffset, modulusLength);
            DerReader.CheckRange(exponent, exponentOffset, exponentLength);
            DerReader.CheckRange(output, outputOffset, capacity);
            written = 0;
            var w = new DerWriter(4);
            w.Reset(output, outputOffset, capacity);
            if (spki)
            {
                // SubjectPublicKeyInfo { AlgorithmIdentifier { rsaEncryption, NULL }, BIT STRING { RSAPublicKey } }.
                w.PushSequence();
                WriteAlgorithmIdentifier(w);
                w.Push(Asn1Tag.BitString);
                w.WriteEncodedValue(NoUnusedBits, 0, 1);
            }

            w.PushSequence();
            w.WriteUnsignedInteger(modulus, modulusOffset, modulusLength);
            w.WriteUnsignedInteger(exponent, exponentOffset, exponentLength);
            w.Pop();
            if (spki)
            {
                w.Pop();
                w.Pop();
            }

            if (w.Status != Asn1Status.Ok)
            {
                return w.Status;
            }

            written = w.Length;
            return Asn1Status.Ok;
        }
    }
}
