using System.Numerics;

namespace NanoMikey.BigNum.Tests
{
    /// <summary>System.Numerics.BigInteger as the reference: conversions to and from big-endian bytes and limbs.</summary>
    internal static class BigNumReference
    {
        internal static BigInteger FromBytes(byte[] b) => new BigInteger(b, isUnsigned: true, isBigEndian: true);

        internal static byte[] ToBytes(BigInteger v, int length)
        {
            byte[] raw = v.IsZero ? new byte[0] : v.ToByteArray(isUnsigned: true, isBigEndian: true);
            Assert.True(raw.Length <= length);
            var r = new byte[length];
            Array.Copy(raw, 0, r, length - raw.Length, raw.Length);
            return r;
        }

        internal static uint[] ToLimbs(BigInteger v, int count)
        {
            var r = new uint[count];
            for (int i = 0; i < count; i++)
            {
                r[i] = (uint)(v & uint.MaxValue);
                v >>= 32;
            }

            Assert.True(v.IsZero);
            return r;
        }

        internal static BigInteger FromLimbs(uint[] a, int count)
        {
            BigInteger v = BigInteger.Zero;
            for (int i = count - 1; i >= 0; i--)
            {
                v = (v << 32) | a[i];
            }

            return v;
        }

        /// <summary>A random integer of exactly <paramref name="bits"/> bits (top bit set).</summary>
        internal static BigInteger RandomBits(Random rng, int bits)
        {
            var b = new byte[(bits + 7) / 8];
            rng.NextBytes(b);
            int extra = (b.Length * 8) - bits;
            b[0] &= (byte)(0xFF >> extra);
            b[0] |= (byte)(0x80 >> extra);
            return FromBytes(b);
        }

        /// <summary>A random integer below <paramref name="n"/>, biased towards edge values (0, 1, n-1, all-ones limbs).</summary>
        internal static BigInteger RandomBelow(Random rng, BigInteger n)
        {
            switch (rng.Next(8))
            {
                case 0: return BigInteger.Zero;
                case 1: return BigInteger.One;
                case 2: return n - 1;
                case 3:
                    {
                        // all-ones limbs below n: 2^k - 1 for the largest k with 2^k - 1 < n
                        int k = (int)(n.GetBitLength() - 1);
                        return (BigInteger.One << k) - 1;
                    }
                default:
                    {
                        var b = new byte[n.ToByteArray(isUnsigned: true, isBigEndian: true).Length + 8];
                        rng.NextBytes(b);
                        return FromBytes(b) % n;
                    }
            }
        }

        /// <summary>A random odd modulus of <paramref name="bits"/> bits; some all-ones (2^k-1) and 2^k+1 shaped ones.</summary>
        internal static BigInteger RandomOddModulus(Random rng, int bits)
        {
            switch (rng.Next(6))
            {
                case 0: return (BigInteger.One << bits) - 1;
                case 1: return bits > 1 ? (BigInteger.One << (bits - 1)) + 1 : 1;
                default: return RandomBits(rng, bits) | 1;
            }
        }
    }
}
