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

        /// <summary>The Montgomery product without counting.</summary>
        private static void MulCore(uint[] r, uint[] a, uint[] b)
        {
            ulong a0 = a[0];
            ulong a1 = a[1];
            ulong a2 = a[2];
            ulong a3 = a[3];
            ulong a4 = a[4];
            ulong a5 = a[5];
            ulong a6 = a[6];
            ulong a7 = a[7];
            ulong b0 = b[0];
            ulong b1 = b[1];
            ulong b2 = b[2];
            ulong b3 = b[3];
            ulong b4 = b[4];
            ulong b5 = b[5];
            ulong b6 = b[6];
            ulong b7 = b[7];
            ulong t, c;
            uint r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15;
            // row 0
            t = a0 * b0; r0 = (uint)t; c = t >> 32;
            t = a0 * b1 + c; r1 = (uint)t; c = t >> 32;
            t = a0 * b2 + c; r2 = (uint)t; c = t >> 32;
            t = a0 * b3 + c; r3 = (uint)t; c = t >> 32;
            t = a0 * b4 + c; r4 = (uint)t; c = t >> 32;
            t = a0 * b5 + c; r5 = (uint)t; c = t >> 32;
            t = a0 * b6 + c; r6 = (uint)t; c = t >> 32;
            t = a0 * b7 + c; r7 = (uint)t; c = t >> 32;
            r8 = (uint)c;
            // row 1
            t = r1 + a1 * b0; r1 = (uint)t; c = t >> 32;
            t = r2 + a1 * b1 + c; r2 = (uint)t; c = t >> 32;
            t = r3 + a1 * b2 + c; r3 = (uint)t; c = t >> 32;
            t = r4 + a1 * b3 + c; r4 = (uint)t; c = t >> 32;
            t = r5 + a1 * b4 + c; r5 = (uint)t; c = t >> 32;
            t = r6 + a1 * b5 + c; r6 = (uint)t; c = t >> 32;
            t = r7 + a1 * b6 + c; r7 = (uint)t; c = t >> 32;
            t = r8 + a1 * b7 + c; r8 = (uint)t; c = t >> 32;
            r9 = (uint)c;
            // row 2
            t = r2 + a2 * b0; r2 = (uint)t; c = t >> 32;
            t = r3 + a2 * b1 + c; r3 = (uint)t; c = t >> 32;
            t = r4 + a2 * b2 + c; r4 = (uint)t; c = t >> 32;
            t = r5 + a2 * b3 + c; r5 = (uint)t; c = t >> 32;
            t = r6 + a2 * b4 + c; r6 = (uint)t; c = t >> 32;
            t = r7 + a2 * b5 + c; r7 = (uint)t; c = t >> 32;
            t = r8 + a2 * b6 + c; r8 = (uint)t; c = t >> 32;
            t = r9 + a2 * b7 + c; r9 = (uint)t; c = t >> 32;
            r10 = (uint)c;
            // row 3
            t = r3 + a3 * b0; r3 = (uint)t; c = t >> 32;
            t = r4 + a3 * b1 + c; r4 = (uint)t; c = t >> 32;
            t = r5 + a3 * b2 + c; r5 = (uint)t; c = t >> 32;
            t = r6 + a3 * b3 + c; r6 = (uint)t; c = t >> 32;
            t = r7 + a3 * b4 + c; r7 = (uint)t; c = t >> 32;
            t = r8 + a3 * b5 + c; r8 = (uint)t; c = t >> 32;
            t = r9 + a3 * b6 + c; r9 = (uint)t; c = t >> 32;
            t = r10 + a3 * b7 + c; r10 = (uint)t; c = t >> 32;
            r11 = (uint)c;
            // row 4
            t = r4 + a4 * b0; r4 = (uint)t; c = t >> 32;
            t = r5 + a4 * b1 + c; r5 = (uint)t; c = t >> 32;
            t = r6 + a4 * b2 + c; r6 = (uint)t; c = t >> 32;
            t = r7 + a4 * b3 + c; r7 = (uint)t; c = t >> 32;
            t = r8 + a4 * b4 + c; r8 = (uint)t; c = t >> 32;
            t = r9 + a4 * b5 + c; r9 = (uint)t; c = t >> 32;
            t = r10 + a4 * b6 + c; r10 = (uint)t; c = t >> 32;
            t = r11 + a4 * b7 + c; r11 = (uint)t; c = t >> 32;
            r12 = (uint)c;
            // row 5
            t = r5 + a5 * b0; r5 = (uint)t; c = t >> 32;
            t = r6 + a5 * b1 + c; r6 = (uint)t; c = t >> 32;
            t = r7 + a5 * b2 + c; r7 = (uint)t; c = t >> 32;
            t = r8 + a5 * b3 + c; r8 = (uint)t; c = t >> 32;
            t = r9 + a5 * b4 + c; r9 = (uint)t; c = t >> 32;
            t = r10 + a5 * b5 + c; r10 = (uint)t; c = t >> 32;
            t = r11 + a5 * b6 + c; r11 = (uint)t; c = t >> 32;
            t = r12 + a5 * b7 + c; r12 = (uint)t; c = t >> 32;
            r13 = (uint)c;
            // row 6
            t = r6 + a6 * b0; r6 = (uint)t; c = t >> 32;
            t = r7 + a6 * b1 + c; r7 = (uint)t; c = t >> 32;
            t = r8 + a6 * b2 + c; r8 = (uint)t; c = t >> 32;
            t = r9 + a6 * b3 + c; r9 = (uint)t; c = t >> 32;
            t = r10 + a6 * b4 + c; r10 = (uint)t; c = t >> 32;
            t = r11 + a6 * b5 + c; r11 = (uint)t; c = t >> 32;
            t = r12 + a6 * b6 + c; r12 = (uint)t; c = t >> 32;
            t = r13 + a6 * b7 + c; r13 = (uint)t; c = t >> 32;
            r14 = (uint)c;
            // row 7
            t = r7 + a7 * b0; r7 = (uint)t; c = t >> 32;
            t = r8 + a7 * b1 + c; r8 = (uint)t; c = t >> 32;
            t = r9 + a7 * b2 + c; r9 = (uint)t; c = t >> 32;
            t = r10 + a7 * b3 + c; r10 = (uint)t; c = t >> 32;
            t = r11 + a7 * b4 + c; r11 = (uint)t; c = t >> 32;
            t = r12 + a7 * b5 + c; r12 = (uint)t; c = t >> 32;
            t = r13 + a7 * b6 + c; r13 = (uint)t; c = t >> 32;
            t = r14 + a7 * b7 + c; r14 = (uint)t; c = t >> 32;
            r15 = (uint)c;
            // Montgomery reduction: p = -1 mod 2^32, so m = r_i; p's limbs are ffffffff,ffffffff,ffffffff,0,0,0,1,ffffffff.
            ulong m, c2 = 0;
            m = r0;
            c = m; // r0 + m * 0xffffffff = m << 32
            t = r1 + m * 0xFFFFFFFFUL + c; r1 = (uint)t; c = t >> 32;
            t = r2 + m * 0xFFFFFFFFUL + c; r2 = (uint)t; c = t >> 32;
            t = r3 + c; r3 = (uint)t; c = t >> 32;
            t = r4 + c; r4 = (uint)t; c = t >> 32;
            t = r5 + c; r5 = (uint)t; c = t >> 32;
            t = r6 + m + c; r6 = (uint)t; c = t >> 32;
            t = r7 + m * 0xFFFFFFFFUL + c; r7 = (uint)t; c = t >> 32;
            t = r8 + c + c2; r8 = (uint)t; c2 = t >> 32;
            m = r1;
            c = m; // r1 + m * 0xffffffff = m << 32
            t = r2 + m * 0xFFFFFFFFUL + c; r2 = (uint)t; c = t >> 32;
            t = r3 + m * 0xFFFFFFFFUL + c; r3 = (uint)t; c = t >> 32;
            t = r4 + c; r4 = (uint)t; c = t >> 32;
            t = r5 + c; r5 = (uint)t; c = t >> 32;
            t = r6 + c; r6 = (uint)t; c = t >> 32;
            t = r7 + m + c; r7 = (uint)t; c = t >> 32;
            t = r8 + m * 0xFFFFFFFFUL + c; r8 = (uint)t; c = t >> 32;
            t = r9 + c + c2; r9 = (uint)t; c2 = t >> 32;
            m = r2;
            c = m; // r2 + m * 0xffffffff = m << 32
            t = r3 + m * 0xFFFFFFFFUL + c; r3 = (uint)t; c = t >> 32;
            t = r4 + m * 0xFFFFFFFFUL + c; r4 = (uint)t; c = t >> 32;
            t = r5 + c; r5 = (uint)t; c = t >> 32;
            t = r6 + c; r6 = (uint)t; c = t >> 32;
            t = r7 + c; r7 = (uint)t; c = t >> 32;
            t = r8 + m + c; r8 = (uint)t; c = t >> 32;
            t = r9 + m * 0xFFFFFFFFUL + c; r9 = (uint)t; c = t >> 32;
            t = r10 + c + c2; r10 = (uint)t; c2 = t >> 32;
            m = r3;
            c = m; // r3 + m * 0xffffffff = m << 32
            t = r4 + m * 0xFFFFFFFFUL + c; r4 = (uint)t; c = t >> 32;
            t = r5 + m * 0xFFFFFFFFUL + c; r5 = (uint)t; c = t >> 32;
            t = r6 + c; r6 = (uint)t; c = t >> 32;
            t = r7 + c; r7 = (uint)t; c = t >> 32;
            t = r8 + c; r8 = (uint)t; c = t >> 32;
            t = r9 + m + c; r9 = (uint)t; c = t >> 32;
            t = r10 + m * 0xFFFFFFFFUL + c; r10 = (uint)t; c = t >> 32;
            t = r11 + c + c2; r11 = (uint)t; c2 = t >> 32;
            m = r4;
            c = m; // r4 + m * 0xffffffff = m << 32
            t = r5 + m * 0xFFFFFFFFUL + c; r5 = (uint)t; c = t >> 32;
            t = r6 + m * 0xFFFFFFFFUL + c; r6 = (uint)t; c = t >> 32;
            t = r7 + c; r7 = (uint)t; c = t >> 32;
            t = r8 + c; r8 = (uint)t; c = t >> 32;
            t = r9 + c; r9 = (uint)t; c = t >> 32;
            t = r10 + m + c; r10 = (uint)t; c = t >> 32;
            t = r11 + m * 0xFFFFFFFFUL + c; r11 = (uint)t; c = t >> 32;
            t = r12 + c + c2; r12 = (uint)t; c2 = t >> 32;
            m = r5;
            c = m; // r5 + m * 0xffffffff = m << 32
            t = r6 + m * 0xFFFFFFFFUL + c; r6 = (uint)t; c = t >> 32;
            t = r7 + m * 0xFFFFFFFFUL + c; r7 = (uint)t; c = t >> 32;
            t = r8 + c; r8 = (uint)t; c = t >> 32;
            t = r9 + c; r9 = (uint)t; c = t >> 32;
            t = r10 + c; r10 = (uint)t; c = t >> 32;
            t = r11 + m + c; r11 = (uint)t; c = t >> 32;
            t = r12 + m * 0xFFFFFFFFUL + c; r12 = (uint)t; c = t >> 32;
            t = r13 + c + c2; r13 = (uint)t; c2 = t >> 32;
            m = r6;
            c = m; // r6 + m * 0xffffffff = m << 32
            t = r7 + m * 0xFFFFFFFFUL + c; r7 = (uint)t; c = t >> 32;
            t = r8 + m * 0xFFFFFFFFUL + c; r8 = (uint)t; c = t >> 32;
            t = r9 + c; r9 = (uint)t; c = t >> 32;
            t = r10 + c; r10 = (uint)t; c = t >> 32;
            t = r11 + c; r11 = (uint)t; c = t >> 32;
            t = r12 + m + c; r12 = (uint)t; c = t >> 32;
            t = r13 + m * 0xFFFFFFFFUL + c; r13 = (uint)t; c = t >> 32;
            t = r14 + c + c2; r14 = (uint)t; c2 = t >> 32;
            m = r7;
            c = m; // r7 + m * 0xffffffff = m << 32
            t = r8 + m * 0xFFFFFFFFUL + c; r8 = (uint)t; c = t >> 32;
            t = r9 + m * 0xFFFFFFFFUL + c; r9 = (uint)t; c = t >> 32;
            t = r10 + c; r10 = (uint)t; c = t >> 32;
            t = r11 + c; r11 = (uint)t; c = t >> 32;
            t = r12 + c; r12 = (uint)t; c = t >> 32;
            t = r13 + m + c; r13 = (uint)t; c = t >> 32;
            t = r14 + m * 0xFFFFFFFFUL + c; r14 = (uint)t; c = t >> 32;
            t = r15 + c + c2; r15 = (uint)t; c2 = t >> 32;
            // The result (c2:r15..r8) is < 2p; subtract p once when it is >= p, selected by mask (constant time).
            ulong w;
            t = (ulong)r8 - 0xFFFFFFFFUL; uint d0 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r9 - 0xFFFFFFFFUL - w; uint d1 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r10 - 0xFFFFFFFFUL - w; uint d2 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r11 - 0x0UL - w; uint d3 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r12 - 0x0UL - w; uint d4 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r13 - 0x0UL - w; uint d5 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r14 - 0x1UL - w; uint d6 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r15 - 0xFFFFFFFFUL - w; uint d7 = (uint)t; w = (t >> 32) & 1;
            // keep the difference when there was a carry out or no borrow
            uint keep = (uint)(0UL - ((c2 | (w ^ 1)) & 1));
            r[0] = (d0 & keep) | (r8 & ~keep);
            r[1] = (d1 & keep) | (r9 & ~keep);
            r[2] = (d2 & keep) | (r10 & ~keep);
            r[3] = (d3 & keep) | (r11 & ~keep);
            r[4] = (d4 & keep) | (r12 & ~keep);
            r[5] = (d5 & keep) | (r13 & ~keep);
            r[6] = (d6 & keep) | (r14 & ~keep);
            r[7] = (d7 & keep) | (r15 & ~keep);
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
