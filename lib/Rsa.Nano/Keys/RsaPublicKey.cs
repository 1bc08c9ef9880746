using System;
using NanoMikey.BigNum;
using NanoMikey.Crypto;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// An RSA public key (n, e) (RFC 8017 §3.1) and the primitive RSAEP / RSAVP1 (§5.1.1, §5.2.2). Allocation-free after
    /// construction: the modulus and its Montgomery scratch are sized by maxBits. Not thread-safe.
    /// </summary>
    public sealed class RsaPublicKey
    {
        /// <summary>Smallest accepted modulus, in bits.</summary>
        public const int MinBits = 1024;

        /// <summary>Largest supported modulus, in bits.</summary>
        public const int MaxBits = 4096;

        private readonly int _maxBits;
        private readonly MontgomeryModulus _modulus;
        private readonly byte[] _n;
        private readonly byte[] _e;
        private int _eLength;
        private bool _hasValue;

        /// <summary>Creates an empty key holder for moduli of up to <paramref name="maxBits"/> bits.</summary>
        /// <param name="maxBits">Largest modulus size, <see cref="MinBits"/> to <see cref="MaxBits"/>.</param>
        public RsaPublicKey(int maxBits)
        {
            if (maxBits < MinBits || maxBits > MaxBits)
            {
                throw new ArgumentOutOfRangeException(nameof(maxBits));
            }

            _maxBits = maxBits;
            _modulus = new MontgomeryModulus(maxBits);
            _n = new byte[(maxBits + 7) >> 3];
            _e = new byte[(maxBits + 7) >> 3];
        }

        /// <summary>True once a key has been imported.</summary>
        public bool HasValue
        {
            get { return _hasValue; }
        }

        /// <summary>Bit length of the modulus n.</summary>
        public int BitLength
        {
            get { return _modulus.BitLength; }
        }

        /// <summary>Length k of the modulus in bytes (RFC 8017 §2): the length of every RSA input and output.</summary>
        public int ModulusLength
        {
            get { return _modulus.ByteLength; }
        }

        /// <summary>Length of the public exponent e in bytes (minimal encoding).</summary>
        public int ExponentLength
        {
            get { return _eLength; }
        }

        /// <summary>The modulus with its Montgomery arithmetic.</summary>
        internal MontgomeryModulus Modulus
        {
            get { return _modulus; }
        }

        /// <summary>The public exponent, <see cref="ExponentLength"/> bytes at offset 0.</summary>
        internal byte[] Exponent
        {
            get { return _e; }
        }

        /// <summary>
        /// Imports (n, e) from big-endian bytes (leading zero bytes allowed). Returns false, keeping the previous key, unless n
        /// is odd with <see cref="MinBits"/> to maxBits bits and e is odd with 3 &lt;= e &lt; n (RFC 8017 §3.1).
        /// </summary>
        /// <param name="modulus">Buffer holding n.</param>
        /// <param name="modulusOffset">Offset of n.</param>
        /// <param name="modulusLength">Length of n.</param>
        /// <param name="exponent">Buffer holding e.</param>
        /// <param name="exponentOffset">Offset of e.</param>
        /// <param name="exponentLength">Length of e.</param>
        /// <returns>True when the key was accepted.</returns>
        public bool TryImport(byte[] modulus, int modulusOffset, int modulusLength, byte[] exponent, int exponentOffset, int exponentLength)
        {
            MontgomeryModulus.CheckRange(modulus, modulusOffset, modulusLength);
            MontgomeryModulus.CheckRange(exponent, exponentOffset, exponentLength);
            int nStart = SkipZeros(modulus, modulusOffset, modulusLength);
            int nLength = modulusOffset + modulusLength - nStart;
            int eStart = SkipZeros(exponent, exponentOffset, exponentLength);
            int eLength = exponentOffset + exponentLength - eStart;
            int bits = BitCount(modulus, nStart, nLength);
            if (bits < MinBits || bits > _maxBits || (modulus[nStart + nLength - 1] & 1) == 0)
            {
                return false;
            }

            if (eLength == 0 || eLength > nLength || (exponent[eStart + eLength - 1] & 1) == 0 || (eLength == 1 && exponent[eStart] < 3))
            {
                return false;
            }

            if (eLength == nLength && !LessThan(exponent, eStart, modulus, nStart, nLength))
            {
                return false;
            }

            // n and e are public: the checks above may take value-dependent time.
            Clear();
            _modulus.TrySet(modulus, nStart, nLength);
            Array.Copy(modulus, nStart, _n, 0, nLength);
            Array.Copy(exponent, eStart, _e, 0, eLength);
            _eLength = eLength;
            _hasValue = true;
            return true;
        }

        /// <summary>Writes n as <see cref="ModulusLength"/> bytes big-endian.</summary>
        /// <param name="destination">Output buffer.</param>
        /// <param name="offset">Offset in <paramref name="destination"/>.</param>
        public void ExportModulus(byte[] destination, int offset)
        {
            EnsureValue();
            MontgomeryModulus.CheckRange(destination, offset, ModulusLength);
            Array.Copy(_n, 0, destination, offset, ModulusLength);
        }

        /// <summary>Writes e as <see cref="ExponentLength"/> bytes big-endian.</summary>
        /// <param name="destination">Output buffer.</param>
        /// <param name="offset">Offset in <paramref name="destination"/>.</param>
        public void ExportExponent(byte[] destination, int offset)
        {
            EnsureValue();
            MontgomeryModulus.CheckRange(destination, offset, _eLength);
            Array.Copy(_e, 0, destination, offset, _eLength);
        }

        /// <summary>True when both holders hold the same (n, e).</summary>
        /// <param name="other">The other key (null gives false).</param>
        /// <returns>True for the same key.</returns>
        public bool SameAs(RsaPublicKey other)
        {
            if (other == null || !_hasValue || !other._hasValue || other.ModulusLength != ModulusLength || other._eLength != _eLength)
            {
                return false;
            }

            int diff = 0;
            for (int i = 0; i < ModulusLength; i++)
            {
                diff |= _n[i] ^ other._n[i];
            }

            for (int i = 0; i < _eLength; i++)
            {
                diff |= _e[i] ^ other._e[i];
            }

            return diff == 0;
        }

        /// <summary>
        /// RSAEP / RSAVP1 (RFC 8017 §5.1.1, §5.2.2): output = input^e mod n, both <see cref="ModulusLength"/> bytes
        /// big-endian. Returns false (output untouched) when input &gt;= n ("message representative out of range").
        /// </summary>
        /// <param name="input">Buffer holding the k-byte input.</param>
        /// <param name="inputOffset">Offset of the input.</param>
        /// <param name="output">Output buffer (may be the input buffer).</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <returns>False when the input is out of range.</returns>
        [HotPath]
        public bool ApplyPublic(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            EnsureValue();
            return _modulus.ModPow(input, inputOffset, ModulusLength, _e, 0, _eLength, false, output, outputOffset);
        }

        /// <summary>Forgets the key; the holder can be filled again.</summary>
        public void Clear()
        {
            _hasValue = false;
            _modulus.Clear();
            Array.Clear(_n, 0, _n.Length);
            Array.Clear(_e, 0, _e.Length);
            _eLength = 0;
        }

        /// <summary>Throws when no key is held (a caller bug).</summary>
        internal void EnsureValue()
        {
            if (!_hasValue)
            {
                throw new InvalidOperationException();
            }
        }

        /// <summary>Offset of the first non-zero byte (offset + length when all are zero).</summary>
        internal static int SkipZeros(byte[] data, int offset, int length)
        {
            int i = offset;
            while (i < offset + length && data[i] == 0)
            {
                i++;
            }

            return i;
        }

        /// <summary>Bit length of a big-endian value whose first byte is non-zero (0 for an empty value).</summary>
        private static int BitCount(byte[] data, int start, int length)
        {
            if (length == 0)
            {
                return 0;
            }

            int bits = 0;
            for (int w = data[start]; w != 0; w >>= 1)
            {
                bits++;
            }

            return ((length - 1) << 3) + bits;
        }

        /// <summary>a &lt; b for two big-endian values of the same length (public values: variable time).</summary>
        private static bool LessThan(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[aOffset + i] != b[bOffset + i])
                {
                    return a[aOffset + i] < b[bOffset + i];
                }
            }

            return false;
        }
    }
}
