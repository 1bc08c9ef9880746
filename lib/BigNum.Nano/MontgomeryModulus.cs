using System;
using NanoMikey.BigNum.Arithmetic;
using NanoMikey.Crypto;

namespace NanoMikey.BigNum
{
    /// <summary>
    /// An odd modulus n of up to maxBits bits (at most 4096) with Montgomery arithmetic (R = 2^(32*limbs)): CIOS
    /// multiplication on 32-bit limbs with 64-bit products, final subtraction by mask, and modular exponentiation.
    /// All scratch is owned by the object and sized at construction, so <see cref="TrySet"/> and <see cref="ModPow"/>
    /// allocate nothing. Not thread-safe. Secret exponents go through a fixed 4-bit window whose table is read by a scan
    /// over every entry, every exponent bit processed: the time depends on the lengths only, never on the values.
    /// </summary>
    public sealed class MontgomeryModulus
    {
        /// <summary>The largest modulus the type supports, in bits.</summary>
        public const int MaxSupportedBits = 4096;

        private const int WindowBits = 4;
        private const int TableEntries = 1 << WindowBits;

        private readonly int _maxLimbs;
        private readonly uint[] _n;
        private readonly uint[] _rr;
        private readonly uint[] _one;
        private readonly uint[] _unit;
        private readonly uint[] _t;
        private readonly uint[] _table;
        private readonly uint[] _acc;
        private readonly uint[] _base;
        private readonly uint[] _entry;
        private readonly uint[] _scratch;
        private int _limbs;
        private int _bits;
        private uint _n0Inverse;
        private bool _set;

        /// <summary>Creates an empty modulus holder for moduli of up to <paramref name="maxBits"/> bits.</summary>
        /// <param name="maxBits">Largest modulus size in bits, 3 to <see cref="MaxSupportedBits"/>.</param>
        public MontgomeryModulus(int maxBits)
        {
            if (maxBits < 2 || maxBits > MaxSupportedBits)
            {
                throw new ArgumentOutOfRangeException(nameof(maxBits));
            }

            _maxLimbs = (maxBits + 31) >> 5;
            _n = new uint[_maxLimbs];
            _rr = new uint[_maxLimbs];
            _one = new uint[_maxLimbs];
            _unit = new uint[_maxLimbs];
            _t = new uint[_maxLimbs + 2];
            _table = new uint[TableEntries * _maxLimbs];
            _acc = new uint[_maxLimbs];
            _base = new uint[_maxLimbs];
            _entry = new uint[_maxLimbs];
            _scratch = new uint[_maxLimbs];
            MaxBits = maxBits;
        }

        /// <summary>The largest modulus size this holder accepts, in bits.</summary>
        public int MaxBits { get; }

        /// <summary>True once a modulus has been set.</summary>
        public bool HasValue
        {
            get { return _set; }
        }

        /// <summary>Bit length of the modulus (0 when none is set).</summary>
        public int BitLength
        {
            get { return _bits; }
        }

        /// <summary>Byte length of the modulus, the length of every result (0 when none is set).</summary>
        public int ByteLength
        {
            get { return (_bits + 7) >> 3; }
        }

        /// <summary>Number of 32-bit limbs of the modulus.</summary>
        internal int LimbCount
        {
            get { return _limbs; }
        }

        /// <summary>The modulus limbs (<see cref="LimbCount"/> significant).</summary>
        internal uint[] Modulus
        {
            get { return _n; }
        }

        /// <summary>
        /// Sets the modulus from big-endian bytes (leading zero bytes allowed). Returns false, keeping the previous modulus,
        /// when it is even, below 3 or longer than maxBits. Computes R^2 mod n by doubling (public value, set once per key).
        /// </summary>
        /// <param name="modulus">Buffer holding the modulus.</param>
        /// <param name="offset">Offset of the modulus.</param>
        /// <param name="length">Length of the modulus in bytes.</param>
        /// <returns>True when the modulus was accepted.</returns>
        public bool TrySet(byte[] modulus, int offset, int length)
        {
            CheckRange(modulus, offset, length);
            int bits = Limbs.BitLength(modulus, offset, length);
            if (bits < 2 || bits > MaxBits || (modulus[offset + length - 1] & 1) == 0)
            {
                return false;
            }

            Clear();
            int limbs = (bits + 31) >> 5;
            _limbs = limbs;
            _bits = bits;
            Limbs.FromBytes(_n, limbs, modulus, offset, length);

            // -n^-1 mod 2^32 by Newton's iteration: x = n0 is an inverse mod 2^3, each step doubles the correct bits.
            uint n0 = _n[0];
            uint x = n0;
            for (int i = 0; i < 4; i++)
            {
                x *= 2u - (n0 * x);
            }

            _n0Inverse = 0u - x;

            // R mod n after 32*limbs doublings of 1, R^2 mod n after as many more.
            Limbs.SetWord(_one, limbs, 1);
            Limbs.SetWord(_unit, limbs, 1);
            for (int i = 0; i < limbs << 5; i++)
            {
                DoubleModular(_one);
            }

            Array.Copy(_one, _rr, limbs);
            for (int i = 0; i < limbs << 5; i++)
            {
                DoubleModular(_rr);
            }

            _set = true;
            return true;
        }

        /// <summary>
        /// result = value^exponent mod n, written as <see cref="ByteLength"/> bytes big-endian. Returns false (result
        /// untouched) when value &gt;= n. With <paramref name="secretExponent"/> the exponent is processed in fixed 4-bit
        /// windows over all its <paramref name="exponentLength"/> bytes (the length is public, the bits are not); otherwise
        /// a left-to-right square-and-multiply skips leading zero bits (public exponents such as 65537).
        /// </summary>
        /// <param name="value">Buffer holding the base (big-endian; leading zero bytes allowed).</param>
        /// <param name="valueOffset">Offset of the base.</param>
        /// <param name="valueLength">Length of the base.</param>
        /// <param name="exponent">Buffer holding the exponent (big-endian).</param>
        /// <param name="exponentOffset">Offset of the exponent.</param>
        /// <param name="exponentLength">Length of the exponent.</param>
        /// <param name="secretExponent">True for secret exponents (constant-time path).</param>
        /// <param name="result">Output buffer.</param>
        /// <param name="resultOffset">Offset in <paramref name="result"/>.</param>
        /// <returns>False when value &gt;= n.</returns>
        [HotPath]
        public bool ModPow(byte[] value, int valueOffset, int valueLength, byte[] exponent, int exponentOffset,
                           int exponentLength, bool secretExponent, byte[] result, int resultOffset)
        {
            EnsureSet();
            CheckRange(value, valueOffset, valueLength);
            CheckRange(exponent, exponentOffset, exponentLength);
            CheckRange(result, resultOffset, ByteLength);
            if (!TryLoad(_scratch, value, valueOffset, valueLength))
            {
                Array.Clear(_scratch, 0, _maxLimbs);
                return false;
            }

            ModPowLimbs(_scratch, _scratch, exponent, exponentOffset, exponentLength, secretExponent);
            Limbs.ToBytes(_scratch, _limbs, result, resultOffset, ByteLength);
            Array.Clear(_scratch, 0, _maxLimbs);
            return true;
        }

        /// <summary>Forgets the modulus and wipes every scratch value.</summary>
        public void Clear()
        {
            _set = false;
            _limbs = 0;
            _bits = 0;
            _n0Inverse = 0;
            Array.Clear(_n, 0, _maxLimbs);
            Array.Clear(_rr, 0, _maxLimbs);
            Array.Clear(_one, 0, _maxLimbs);
            Array.Clear(_unit, 0, _maxLimbs);
            Array.Clear(_t, 0, _t.Length);
            Array.Clear(_table, 0, _table.Length);
            Array.Clear(_scratch, 0, _maxLimbs);
            Wipe();
        }

        /// <summary>
        /// Loads big-endian bytes into <paramref name="destination"/> (<see cref="LimbCount"/> limbs); false when the value
        /// is not below n. Constant time in the value.
        /// </summary>
        internal bool TryLoad(uint[] destination, byte[] value, int offset, int length)
        {
            Limbs.FromBytes(destination, _limbs, value, offset, length);
            uint ok = Limbs.HighBytesZero(value, offset, length, _limbs << 2) & LimbComparison.LessThan(destination, _n, _limbs);
            return ok != 0;
        }

        /// <summary>
        /// result = value^exponent mod n on limbs (value &lt; n, <see cref="LimbCount"/> limbs); result may alias value.
        /// The secret path wipes its table and accumulator afterwards.
        /// </summary>
        internal void ModPowLimbs(uint[] result, uint[] value, byte[] exponent, int exponentOffset, int exponentLength, bool secretExponent)
        {
            int limbs = _limbs;
            Multiply(_base, value, _rr);
            Array.Copy(_one, _acc, limbs);
            if (secretExponent)
            {
                // table[i] = base^i in Montgomery form, i = 0..15
                Array.Copy(_one, 0, _table, 0, limbs);
                Array.Copy(_base, 0, _table, limbs, limbs);
                for (int i = 2; i < TableEntries; i++)
                {
                    Array.Copy(_table, (i - 1) * limbs, _entry, 0, limbs);
                    Multiply(_entry, _entry, _base);
                    Array.Copy(_entry, 0, _table, i * limbs, limbs);
                }

                for (int j = exponentOffset; j < exponentOffset + exponentLength; j++)
                {
                    uint b = exponent[j];
                    for (int half = 1; half >= 0; half--)
                    {
                        for (int s = 0; s < WindowBits; s++)
                        {
                            Multiply(_acc, _acc, _acc);
                        }

                        SelectEntry((b >> (half << 2)) & 0xF, limbs);
                        Multiply(_acc, _acc, _entry);
                    }
                }
            }
            else
            {
                bool started = false;
                for (int j = exponentOffset; j < exponentOffset + exponentLength; j++)
                {
                    uint b = exponent[j];
                    for (int bit = 7; bit >= 0; bit--)
                    {
                        if (started)
                        {
                            Multiply(_acc, _acc, _acc);
                        }

                        if (((b >> bit) & 1) != 0)
                        {
                            Multiply(_acc, _acc, _base);
                            started = true;
                        }
                    }
                }
            }

            Multiply(result, _acc, _unit);
            Wipe();
        }

        /// <summary>r = a * b mod n on plain (non-Montgomery) limbs below n; r may alias a or b.</summary>
        internal void MultiplyModular(uint[] r, uint[] a, uint[] b)
        {
            Multiply(r, a, b);
            Multiply(r, r, _rr);
        }

        /// <summary>
        /// Montgomery product r = a * b * R^-1 mod n by CIOS (coarsely integrated operand scanning) for a, b &lt; n; r may
        /// alias a or b. The final subtraction of n is selected by mask, so the time does not depend on the values.
        /// </summary>
        internal void Multiply(uint[] r, uint[] a, uint[] b)
        {
            int limbs = _limbs;
            uint[] t = _t;
            uint[] n = _n;
            uint n0Inverse = _n0Inverse;
            Array.Clear(t, 0, limbs + 2);
            for (int i = 0; i < limbs; i++)
            {
                ulong bi = b[i];
                ulong c = 0;
                for (int j = 0; j < limbs; j++)
                {
                    c += t[j] + (a[j] * bi);
                    t[j] = (uint)c;
                    c >>= 32;
                }

                c += t[limbs];
                t[limbs] = (uint)c;
                t[limbs + 1] = (uint)(c >> 32);

                // one reduction step: add m*n so the low limb becomes zero, then shift down one limb
                ulong m = t[0] * n0Inverse;
                c = (t[0] + (m * n[0])) >> 32;
                for (int j = 1; j < limbs; j++)
                {
                    c += t[j] + (m * n[j]);
                    t[j - 1] = (uint)c;
                    c >>= 32;
                }

                c += t[limbs];
                t[limbs - 1] = (uint)c;
                t[limbs] = t[limbs + 1] + (uint)(c >> 32);
            }

            // t < 2n: subtract n when t >= n (t carried into limb 'limbs' or the subtraction did not borrow)
            uint borrow = LimbSubtraction.Subtract(r, t, n, limbs);
            uint take = (0u - t[limbs]) | (borrow - 1u);
            Limbs.Select(r, r, t, limbs, take);
        }

        /// <summary>Throws when no modulus is set (a caller bug).</summary>
        internal void EnsureSet()
        {
            if (!_set)
            {
                throw new InvalidOperationException();
            }
        }

        /// <summary>Throws for a null buffer or a range outside it (caller bugs).</summary>
        internal static void CheckRange(byte[] buffer, int offset, int length)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || length < 0 || offset > buffer.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }

        /// <summary>x = 2x mod n for x &lt; n.</summary>
        private void DoubleModular(uint[] x)
        {
            uint carry = Limbs.ShiftLeft1(x, _limbs, 0);
            uint borrow = LimbSubtraction.Subtract(_scratch, x, _n, _limbs);
            Limbs.Select(x, _scratch, x, _limbs, (0u - carry) | (borrow - 1u));
        }

        /// <summary>_entry = table[index], reading every entry (no memory access depends on the index).</summary>
        private void SelectEntry(uint index, int limbs)
        {
            Array.Clear(_entry, 0, limbs);
            for (int i = 0; i < TableEntries; i++)
            {
                uint mask = 0u - ((((uint)i ^ index) - 1u) >> 31);
                int start = i * limbs;
                for (int j = 0; j < limbs; j++)
                {
                    _entry[j] |= _table[start + j] & mask;
                }
            }
        }

        /// <summary>Wipes the exponentiation scratch (powers of a possibly secret base).</summary>
        private void Wipe()
        {
            Array.Clear(_table, 0, _table.Length);
            Array.Clear(_acc, 0, _maxLimbs);
            Array.Clear(_base, 0, _maxLimbs);
            Array.Clear(_entry, 0, _maxLimbs);
        }
    }
}
