using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// Arithmetic modulo the P-256 field prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1 (FIPS 186-4 D.1.2.3), 8 little-endian
    /// 32-bit limbs. Multiplication is Montgomery (R = 2^256); every function returns a canonical value (&lt; p) when its
    /// inputs are canonical, so encodings and comparisons need no further reduction. Constant time: no branch or index
    /// depends on limb values. Outputs may alias inputs.
    /// </summary>
    internal static class P256Field
    {
        /// <summary>The prime p.</summary>
        internal static readonly uint[] P = { 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0x00000000, 0x00000000, 0x00000000, 0x00000001, 0xFFFFFFFF };

        /// <summary>R^2 mod p, to enter the Montgomery domain.</summary>
        private static readonly uint[] RR = { 0x00000003, 0x00000000, 0xFFFFFFFF, 0xFFFFFFFB, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0x00000004 };

        /// <summary>1 in Montgomery form (R mod p).</summary>
        internal static readonly uint[] One = { 0x00000001, 0x00000000, 0x00000000, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFE, 0x00000000 };

        /// <summary>The plain integer 1, to leave the Montgomery domain.</summary>
        private static readonly uint[] PlainOne = { 1, 0, 0, 0, 0, 0, 0, 0 };

        /// <summary>Curve coefficient b in Montgomery form (FIPS 186-4 D.1.2.3).</summary>
        internal static readonly uint[] B = { 0x29C4BDDF, 0xD89CDF62, 0x78843090, 0xACF005CD, 0xF7212ED6, 0xE5A220AB, 0x04874834, 0xDC30061D };

        /// <summary>(p + 1) / 4: since p = 3 mod 4, a^((p+1)/4) is a square root of a square a.</summary>
        private static readonly uint[] SqrtExponent = { 0x00000000, 0x00000000, 0x40000000, 0x00000000, 0x00000000, 0x40000000, 0xC0000000, 0x3FFFFFFF };

        /// <summary>r = a * b * R^-1 mod p (Montgomery product, operand scanning then word-wise reduction).</summary>
        internal static void Mul(uint[] r, uint[] a, uint[] b)
        {
            P256OperationCounter.CountMul();
            MulCore(r, a, b);
        }

        /// <summary>
        /// The Montgomery product without counting: CIOS (one row of a * b, then one reduction step per limb), the
        /// outer loop kept. Fewer live values than a fully unrolled product, so the JIT keeps them in registers, and
        /// about as many executed IL instructions on the interpreter, with a fifth of the IL bytes.
        /// </summary>
        private static void MulCore(uint[] r, uint[] a, uint[] b)
        {
            ulong b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6], b7 = b[7];
            ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0;
            for (int i = 0; i < 8; i++)
            {
                ulong ai = a[i];
                ulong c = t0 + (ai * b0);
                t0 = (uint)c;
                c = (c >> 32) + t1 + (ai * b1);
                t1 = (uint)c;
                c = (c >> 32) + t2 + (ai * b2);
                t2 = (uint)c;
                c = (c >> 32) + t3 + (ai * b3);
                t3 = (uint)c;
                c = (c >> 32) + t4 + (ai * b4);
                t4 = (uint)c;
                c = (c >> 32) + t5 + (ai * b5);
                t5 = (uint)c;
                c = (c >> 32) + t6 + (ai * b6);
                t6 = (uint)c;
                c = (c >> 32) + t7 + (ai * b7);
                t7 = (uint)c;
                c = (c >> 32) + t8;
                t8 = (uint)c;
                ulong t9 = c >> 32;

                // p = -1 mod 2^32, so m = t0; add m * p (limbs ffffffff ffffffff ffffffff 0 0 0 1 ffffffff) and drop
                // the zero low limb: t0 + m * ffffffff = m << 32 leaves carry m.
                ulong m = t0;
                c = m + t1 + (m * 0xFFFFFFFFUL);
                t0 = (uint)c;
                c = (c >> 32) + t2 + (m * 0xFFFFFFFFUL);
                t1 = (uint)c;
                c = (c >> 32) + t3;
                t2 = (uint)c;
                c = (c >> 32) + t4;
                t3 = (uint)c;
                c = (c >> 32) + t5;
                t4 = (uint)c;
                c = (c >> 32) + t6 + m;
                t5 = (uint)c;
                c = (c >> 32) + t7 + (m * 0xFFFFFFFFUL);
                t6 = (uint)c;
                c = (c >> 32) + t8;
                t7 = (uint)c;
                t8 = t9 + (c >> 32);
            }

            // t < 2p: subtract p once when there is a carry out or no borrow, selected by mask (constant time).
            ulong d = t0 - 0xFFFFFFFFUL;
            uint d0 = (uint)d;
            ulong w = (d >> 32) & 1;
            d = t1 - 0xFFFFFFFFUL - w;
            uint d1 = (uint)d;
            w = (d >> 32) & 1;
            d = t2 - 0xFFFFFFFFUL - w;
            uint d2 = (uint)d;
            w = (d >> 32) & 1;
            d = t3 - w;
            uint d3 = (uint)d;
            w = (d >> 32) & 1;
            d = t4 - w;
            uint d4 = (uint)d;
            w = (d >> 32) & 1;
            d = t5 - w;
            uint d5 = (uint)d;
            w = (d >> 32) & 1;
            d = t6 - 1UL - w;
            uint d6 = (uint)d;
            w = (d >> 32) & 1;
            d = t7 - 0xFFFFFFFFUL - w;
            uint d7 = (uint)d;
            w = (d >> 32) & 1;
            uint keep = (uint)(0UL - ((t8 | (w ^ 1)) & 1));
            r[0] = (d0 & keep) | ((uint)t0 & ~keep);
            r[1] = (d1 & keep) | ((uint)t1 & ~keep);
            r[2] = (d2 & keep) | ((uint)t2 & ~keep);
            r[3] = (d3 & keep) | ((uint)t3 & ~keep);
            r[4] = (d4 & keep) | ((uint)t4 & ~keep);
            r[5] = (d5 & keep) | ((uint)t5 & ~keep);
            r[6] = (d6 & keep) | ((uint)t6 & ~keep);
            r[7] = (d7 & keep) | ((uint)t7 & ~keep);
        }

        /// <summary>
        /// r = a^2 * R^-1 mod p. Shares the multiplication code: a dedicated squaring saves about 15% of a multiplication
        /// but costs 3 KB of IL, and nanoFramework limits an assembly to 64 KB of IL. Counted as a squaring.
        /// </summary>
        internal static void Sqr(uint[] r, uint[] a)
        {
            P256OperationCounter.CountSqr();
            MulCore(r, a, a);
        }

        /// <summary>r = a + b mod p.</summary>
        internal static void Add(uint[] r, uint[] a, uint[] b)
        {
            ulong t, c, w;
            t = (ulong)a[0] + b[0]; uint s0 = (uint)t; c = t >> 32;
            t = (ulong)a[1] + b[1] + c; uint s1 = (uint)t; c = t >> 32;
            t = (ulong)a[2] + b[2] + c; uint s2 = (uint)t; c = t >> 32;
            t = (ulong)a[3] + b[3] + c; uint s3 = (uint)t; c = t >> 32;
            t = (ulong)a[4] + b[4] + c; uint s4 = (uint)t; c = t >> 32;
            t = (ulong)a[5] + b[5] + c; uint s5 = (uint)t; c = t >> 32;
            t = (ulong)a[6] + b[6] + c; uint s6 = (uint)t; c = t >> 32;
            t = (ulong)a[7] + b[7] + c; uint s7 = (uint)t; c = t >> 32;
            t = (ulong)s0 - 0xFFFFFFFFUL; uint d0 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s1 - 0xFFFFFFFFUL - w; uint d1 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s2 - 0xFFFFFFFFUL - w; uint d2 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s3 - 0x0UL - w; uint d3 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s4 - 0x0UL - w; uint d4 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s5 - 0x0UL - w; uint d5 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s6 - 0x1UL - w; uint d6 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s7 - 0xFFFFFFFFUL - w; uint d7 = (uint)t; w = (t >> 32) & 1;
            uint keep = (uint)(0UL - ((c | (w ^ 1)) & 1));
            r[0] = (d0 & keep) | (s0 & ~keep);
            r[1] = (d1 & keep) | (s1 & ~keep);
            r[2] = (d2 & keep) | (s2 & ~keep);
            r[3] = (d3 & keep) | (s3 & ~keep);
            r[4] = (d4 & keep) | (s4 & ~keep);
            r[5] = (d5 & keep) | (s5 & ~keep);
            r[6] = (d6 & keep) | (s6 & ~keep);
            r[7] = (d7 & keep) | (s7 & ~keep);
        }

        /// <summary>r = a - b mod p.</summary>
        internal static void Sub(uint[] r, uint[] a, uint[] b)
        {
            ulong t, c, w;
            t = (ulong)a[0] - b[0]; uint d0 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[1] - b[1] - w; uint d1 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[2] - b[2] - w; uint d2 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[3] - b[3] - w; uint d3 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[4] - b[4] - w; uint d4 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[5] - b[5] - w; uint d5 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[6] - b[6] - w; uint d6 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[7] - b[7] - w; uint d7 = (uint)t; w = (t >> 32) & 1;
            uint mask = (uint)(0UL - w);
            t = (ulong)d0 + (0xFFFFFFFFU & mask); r[0] = (uint)t; c = t >> 32;
            t = (ulong)d1 + (0xFFFFFFFFU & mask) + c; r[1] = (uint)t; c = t >> 32;
            t = (ulong)d2 + (0xFFFFFFFFU & mask) + c; r[2] = (uint)t; c = t >> 32;
            t = (ulong)d3 + (0x0U & mask) + c; r[3] = (uint)t; c = t >> 32;
            t = (ulong)d4 + (0x0U & mask) + c; r[4] = (uint)t; c = t >> 32;
            t = (ulong)d5 + (0x0U & mask) + c; r[5] = (uint)t; c = t >> 32;
            t = (ulong)d6 + (0x1U & mask) + c; r[6] = (uint)t; c = t >> 32;
            t = (ulong)d7 + (0xFFFFFFFFU & mask) + c; r[7] = (uint)t; c = t >> 32;
        }

        /// <summary>r = a mod p for any 256-bit a (one conditional subtraction, since 2^256 &lt; 2p).</summary>
        internal static void ReduceOnce(uint[] r, uint[] a)
        {
            ulong t, w;
            t = (ulong)a[0] - 0xFFFFFFFFUL; uint d0 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[1] - 0xFFFFFFFFUL - w; uint d1 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[2] - 0xFFFFFFFFUL - w; uint d2 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[3] - 0x0UL - w; uint d3 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[4] - 0x0UL - w; uint d4 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[5] - 0x0UL - w; uint d5 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[6] - 0x1UL - w; uint d6 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[7] - 0xFFFFFFFFUL - w; uint d7 = (uint)t; w = (t >> 32) & 1;
            uint keep = (uint)(0UL - (w ^ 1));
            r[0] = (d0 & keep) | (a[0] & ~keep);
            r[1] = (d1 & keep) | (a[1] & ~keep);
            r[2] = (d2 & keep) | (a[2] & ~keep);
            r[3] = (d3 & keep) | (a[3] & ~keep);
            r[4] = (d4 & keep) | (a[4] & ~keep);
            r[5] = (d5 & keep) | (a[5] & ~keep);
            r[6] = (d6 & keep) | (a[6] & ~keep);
            r[7] = (d7 & keep) | (a[7] & ~keep);
        }

        /// <summary>Converts a canonical integer into Montgomery form.</summary>
        internal static void ToMontgomery(uint[] r, uint[] a)
        {
            Mul(r, a, RR);
        }

        /// <summary>Leaves the Montgomery domain; the result is canonical (&lt; p).</summary>
        internal static void FromMontgomery(uint[] r, uint[] a)
        {
            Mul(r, a, PlainOne);
        }

        /// <summary>Copies a into r.</summary>
        internal static void Copy(uint[] r, uint[] a)
        {
            Array.Copy(a, 0, r, 0, 8);
        }

        /// <summary>Sets r to zero.</summary>
        internal static void SetZero(uint[] r)
        {
            for (int i = 0; i < 8; i++)
            {
                r[i] = 0;
            }
        }

        /// <summary>r = mask ? a : r for mask all-ones or zero, without a branch.</summary>
        internal static void Select(uint[] r, uint[] a, uint mask)
        {
            P256OperationCounter.CountSelect();
            for (int i = 0; i < 8; i++)
            {
                r[i] ^= (r[i] ^ a[i]) & mask;
            }
        }

        /// <summary>All-ones when a is zero, else zero (constant time).</summary>
        internal static uint IsZero(uint[] a)
        {
            uint acc = 0;
            for (int i = 0; i < 8; i++)
            {
                acc |= a[i];
            }

            return (uint)(((ulong)acc - 1) >> 32);
        }

        /// <summary>All-ones when a == b (both canonical), else zero (constant time).</summary>
        internal static uint Equal(uint[] a, uint[] b)
        {
            uint acc = 0;
            for (int i = 0; i < 8; i++)
            {
                acc |= a[i] ^ b[i];
            }

            return (uint)(((ulong)acc - 1) >> 32);
        }

        /// <summary>All-ones when a &lt; m (constant time); used for the SEC 1 §3.2.2.1 range checks.</summary>
        internal static uint LessThan(uint[] a, uint[] m)
        {
            ulong w = 0;
            for (int i = 0; i < 8; i++)
            {
                w = (((ulong)a[i] - m[i] - w) >> 32) & 1;
            }

            return (uint)(0UL - w);
        }

        /// <summary>Reads a 32-byte big-endian integer into limbs (no reduction).</summary>
        internal static void FromBytes(uint[] r, byte[] src, int offset)
        {
            for (int i = 0; i < 8; i++)
            {
                int o = offset + 28 - (i * 4);
                r[i] = ((uint)src[o] << 24) | ((uint)src[o + 1] << 16) | ((uint)src[o + 2] << 8) | src[o + 3];
            }
        }

        /// <summary>Writes limbs as a 32-byte big-endian integer.</summary>
        internal static void ToBytes(uint[] a, byte[] dst, int offset)
        {
            for (int i = 0; i < 8; i++)
            {
                int o = offset + 28 - (i * 4);
                uint v = a[i];
                dst[o] = (byte)(v >> 24);
                dst[o + 1] = (byte)(v >> 16);
                dst[o + 2] = (byte)(v >> 8);
                dst[o + 3] = (byte)v;
            }
        }

        /// <summary>
        /// r = a^-1 (Montgomery form in and out; 0 maps to 0) by Fermat, a^(p-2), with a fixed addition chain
        /// (255 squarings, 12 multiplications) so the sequence does not depend on a. t1..t4 are scratch.
        /// </summary>
        internal static void Invert(uint[] r, uint[] a, uint[] t1, uint[] t2, uint[] t3, uint[] t4)
        {
            // p - 2 = ffffffff 00000001 00000000 00000000 00000000 ffffffff ffffffff fffffffd
            Sqr(t1, a);
            Mul(t1, t1, a);          // t1 = a^(2^2-1)
            Sqr(t2, t1);
            Mul(t2, t2, a);          // t2 = a^(2^3-1)
            SqrN(t3, t2, 3);
            Mul(t3, t3, t2);         // t3 = a^(2^6-1)
            SqrN(t4, t3, 6);
            Mul(t4, t4, t3);         // t4 = a^(2^12-1)
            SqrN(t4, t4, 3);
            Mul(t4, t4, t2);         // t4 = a^(2^15-1)
            SqrN(t3, t4, 15);
            Mul(t3, t3, t4);         // t3 = a^(2^30-1)
            SqrN(t4, t3, 2);
            Mul(t4, t4, t1);         // t4 = a^(2^32-1)
            SqrN(t2, t4, 32);
            Mul(t2, t2, a);          // ffffffff 00000001
            SqrN(t2, t2, 128);
            Mul(t2, t2, t4);         // ... 00000000 x3, ffffffff
            SqrN(t2, t2, 32);
            Mul(t2, t2, t4);         // ... ffffffff
            SqrN(t2, t2, 30);
            Mul(t2, t2, t3);         // ... 30 ones
            SqrN(t2, t2, 2);
            Mul(r, t2, a);           // ... 01
        }

        /// <summary>
        /// r = a square root of a (Montgomery form) as a^((p+1)/4); the caller checks r^2 == a, since a may be a non-residue.
        /// Variable time in the public exponent only. t is scratch; r must not alias a.
        /// </summary>
        internal static void Sqrt(uint[] r, uint[] a, uint[] t)
        {
            Copy(t, a);
            Copy(r, One);
            for (int i = 255; i >= 0; i--)
            {
                Sqr(r, r);
                if (((SqrtExponent[i >> 5] >> (i & 31)) & 1) != 0)
                {
                    Mul(r, r, t);
                }
            }
        }

        /// <summary>r = a^(2^n) (n squarings).</summary>
        private static void SqrN(uint[] r, uint[] a, int n)
        {
            Sqr(r, a);
            for (int i = 1; i < n; i++)
            {
                Sqr(r, r);
            }
        }
    }
}
