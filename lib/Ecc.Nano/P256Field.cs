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

#if !NANOFRAMEWORK
        /// <summary>
        /// r = a * b * R^-1 mod p (Montgomery product) by <see cref="MulRows"/> (fewer live values, so RyuJIT keeps them in
        /// registers: about 1.5x faster here). The nano flavour's Mul is <see cref="MulColumns"/>'s body under that name
        /// (about a third fewer IL instructions for the interpreter, and no wrapper frame). Both are tested against BigInteger.
        /// </summary>
        internal static void Mul(uint[] r, uint[] a, uint[] b)
        {
            P256OperationCounter.CountMul();
            MulRows(r, a, b);
        }

#endif
        /// <summary>
        /// Montgomery product by rows (CIOS: one row of a * b, then one reduction step per limb), the outer loop kept.
        /// </summary>
        internal static void MulRows(uint[] r, uint[] a, uint[] b)
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

            SubtractOnce(r, (uint)t0, (uint)t1, (uint)t2, (uint)t3, (uint)t4, (uint)t5, (uint)t6, (uint)t7, t8);
        }

        /// <summary>
        /// Montgomery product: the 64 limb products unrolled by rows, then <see cref="Reduce"/>. On nanoFramework this body is
        /// Mul itself (counted): a wrapper frame (~0.4 KB of interpreter heap) less under every product (issue 10 §2).
        /// </summary>
#if NANOFRAMEWORK
        internal static void Mul(uint[] r, uint[] a, uint[] b)
#else
        internal static void MulColumns(uint[] r, uint[] a, uint[] b)
#endif
        {
#if NANOFRAMEWORK
            P256OperationCounter.CountMul();
#endif
            ulong ai; // one limb of a per row: 7 locals fewer than a0..a7, so a smaller frame on the interpreter
            ulong b7 = b[7], b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6];
            ulong t, c;
            uint t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15;
            // row 0
            ai = a[0];
            t = ai * b0;
            t0 = (uint)t;
            c = t >> 32;
            t = (ai * b1) + c;
            t1 = (uint)t;
            c = t >> 32;
            t = (ai * b2) + c;
            t2 = (uint)t;
            c = t >> 32;
            t = (ai * b3) + c;
            t3 = (uint)t;
            c = t >> 32;
            t = (ai * b4) + c;
            t4 = (uint)t;
            c = t >> 32;
            t = (ai * b5) + c;
            t5 = (uint)t;
            c = t >> 32;
            t = (ai * b6) + c;
            t6 = (uint)t;
            c = t >> 32;
            t = (ai * b7) + c;
            t7 = (uint)t;
            c = t >> 32;
            t8 = (uint)c;
            // row 1
            ai = a[1];
            t = t1 + (ai * b0);
            t1 = (uint)t;
            c = t >> 32;
            t = t2 + (ai * b1) + c;
            t2 = (uint)t;
            c = t >> 32;
            t = t3 + (ai * b2) + c;
            t3 = (uint)t;
            c = t >> 32;
            t = t4 + (ai * b3) + c;
            t4 = (uint)t;
            c = t >> 32;
            t = t5 + (ai * b4) + c;
            t5 = (uint)t;
            c = t >> 32;
            t = t6 + (ai * b5) + c;
            t6 = (uint)t;
            c = t >> 32;
            t = t7 + (ai * b6) + c;
            t7 = (uint)t;
            c = t >> 32;
            t = t8 + (ai * b7) + c;
            t8 = (uint)t;
            c = t >> 32;
            t9 = (uint)c;
            // row 2
            ai = a[2];
            t = t2 + (ai * b0);
            t2 = (uint)t;
            c = t >> 32;
            t = t3 + (ai * b1) + c;
            t3 = (uint)t;
            c = t >> 32;
            t = t4 + (ai * b2) + c;
            t4 = (uint)t;
            c = t >> 32;
            t = t5 + (ai * b3) + c;
            t5 = (uint)t;
            c = t >> 32;
            t = t6 + (ai * b4) + c;
            t6 = (uint)t;
            c = t >> 32;
            t = t7 + (ai * b5) + c;
            t7 = (uint)t;
            c = t >> 32;
            t = t8 + (ai * b6) + c;
            t8 = (uint)t;
            c = t >> 32;
            t = t9 + (ai * b7) + c;
            t9 = (uint)t;
            c = t >> 32;
            t10 = (uint)c;
            // row 3
            ai = a[3];
            t = t3 + (ai * b0);
            t3 = (uint)t;
            c = t >> 32;
            t = t4 + (ai * b1) + c;
            t4 = (uint)t;
            c = t >> 32;
            t = t5 + (ai * b2) + c;
            t5 = (uint)t;
            c = t >> 32;
            t = t6 + (ai * b3) + c;
            t6 = (uint)t;
            c = t >> 32;
            t = t7 + (ai * b4) + c;
            t7 = (uint)t;
            c = t >> 32;
            t = t8 + (ai * b5) + c;
            t8 = (uint)t;
            c = t >> 32;
            t = t9 + (ai * b6) + c;
            t9 = (uint)t;
            c = t >> 32;
            t = t10 + (ai * b7) + c;
            t10 = (uint)t;
            c = t >> 32;
            t11 = (uint)c;
            // row 4
            ai = a[4];
            t = t4 + (ai * b0);
            t4 = (uint)t;
            c = t >> 32;
            t = t5 + (ai * b1) + c;
            t5 = (uint)t;
            c = t >> 32;
            t = t6 + (ai * b2) + c;
            t6 = (uint)t;
            c = t >> 32;
            t = t7 + (ai * b3) + c;
            t7 = (uint)t;
            c = t >> 32;
            t = t8 + (ai * b4) + c;
            t8 = (uint)t;
            c = t >> 32;
            t = t9 + (ai * b5) + c;
            t9 = (uint)t;
            c = t >> 32;
            t = t10 + (ai * b6) + c;
            t10 = (uint)t;
            c = t >> 32;
            t = t11 + (ai * b7) + c;
            t11 = (uint)t;
            c = t >> 32;
            t12 = (uint)c;
            // row 5
            ai = a[5];
            t = t5 + (ai * b0);
            t5 = (uint)t;
            c = t >> 32;
            t = t6 + (ai * b1) + c;
            t6 = (uint)t;
            c = t >> 32;
            t = t7 + (ai * b2) + c;
            t7 = (uint)t;
            c = t >> 32;
            t = t8 + (ai * b3) + c;
            t8 = (uint)t;
            c = t >> 32;
            t = t9 + (ai * b4) + c;
            t9 = (uint)t;
            c = t >> 32;
            t = t10 + (ai * b5) + c;
            t10 = (uint)t;
            c = t >> 32;
            t = t11 + (ai * b6) + c;
            t11 = (uint)t;
            c = t >> 32;
            t = t12 + (ai * b7) + c;
            t12 = (uint)t;
            c = t >> 32;
            t13 = (uint)c;
            // row 6
            ai = a[6];
            t = t6 + (ai * b0);
            t6 = (uint)t;
            c = t >> 32;
            t = t7 + (ai * b1) + c;
            t7 = (uint)t;
            c = t >> 32;
            t = t8 + (ai * b2) + c;
            t8 = (uint)t;
            c = t >> 32;
            t = t9 + (ai * b3) + c;
            t9 = (uint)t;
            c = t >> 32;
            t = t10 + (ai * b4) + c;
            t10 = (uint)t;
            c = t >> 32;
            t = t11 + (ai * b5) + c;
            t11 = (uint)t;
            c = t >> 32;
            t = t12 + (ai * b6) + c;
            t12 = (uint)t;
            c = t >> 32;
            t = t13 + (ai * b7) + c;
            t13 = (uint)t;
            c = t >> 32;
            t14 = (uint)c;
            // row 7
            ai = a[7];
            t = t7 + (ai * b0);
            t7 = (uint)t;
            c = t >> 32;
            t = t8 + (ai * b1) + c;
            t8 = (uint)t;
            c = t >> 32;
            t = t9 + (ai * b2) + c;
            t9 = (uint)t;
            c = t >> 32;
            t = t10 + (ai * b3) + c;
            t10 = (uint)t;
            c = t >> 32;
            t = t11 + (ai * b4) + c;
            t11 = (uint)t;
            c = t >> 32;
            t = t12 + (ai * b5) + c;
            t12 = (uint)t;
            c = t >> 32;
            t = t13 + (ai * b6) + c;
            t13 = (uint)t;
            c = t >> 32;
            t = t14 + (ai * b7) + c;
            t14 = (uint)t;
            c = t >> 32;
            t15 = (uint)c;
            // a and b are read: the high half goes through r, so the call passes 9 values, not 17 (a frame's size follows
            // its evaluation stack, and this frame is the largest an ECC operation needs from the heap, issue 10 §2).
            r[0] = t8;
            r[1] = t9;
            r[2] = t10;
            r[3] = t11;
            r[4] = t12;
            r[5] = t13;
            r[6] = t14;
            r[7] = t15;
            Reduce(r, t0, t1, t2, t3, t4, t5, t6, t7);
        }

        /// <summary>
        /// r = a^2 * R^-1 mod p (dedicated squaring: 36 limb products instead of 64; the 28 cross products once, doubled by a
        /// shift, plus the 8 squares). Counted as a squaring. One method, no wrapper frame on the interpreter.
        /// </summary>
        internal static void Sqr(uint[] r, uint[] a)
        {
            P256OperationCounter.CountSqr();
            ulong a7 = a[7], a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4], a5 = a[5], a6 = a[6];
            ulong t, c;
            uint t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15;
            // a0 * a1 .. a0 * a7
            t = a0 * a1;
            t1 = (uint)t;
            c = t >> 32;
            t = (a0 * a2) + c;
            t2 = (uint)t;
            c = t >> 32;
            t = (a0 * a3) + c;
            t3 = (uint)t;
            c = t >> 32;
            t = (a0 * a4) + c;
            t4 = (uint)t;
            c = t >> 32;
            t = (a0 * a5) + c;
            t5 = (uint)t;
            c = t >> 32;
            t = (a0 * a6) + c;
            t6 = (uint)t;
            c = t >> 32;
            t = (a0 * a7) + c;
            t7 = (uint)t;
            c = t >> 32;
            t8 = (uint)c;
            // a1 * a2 .. a1 * a7
            t = t3 + (a1 * a2);
            t3 = (uint)t;
            c = t >> 32;
            t = t4 + (a1 * a3) + c;
            t4 = (uint)t;
            c = t >> 32;
            t = t5 + (a1 * a4) + c;
            t5 = (uint)t;
            c = t >> 32;
            t = t6 + (a1 * a5) + c;
            t6 = (uint)t;
            c = t >> 32;
            t = t7 + (a1 * a6) + c;
            t7 = (uint)t;
            c = t >> 32;
            t = t8 + (a1 * a7) + c;
            t8 = (uint)t;
            c = t >> 32;
            t9 = (uint)c;
            // a2 * a3 .. a2 * a7
            t = t5 + (a2 * a3);
            t5 = (uint)t;
            c = t >> 32;
            t = t6 + (a2 * a4) + c;
            t6 = (uint)t;
            c = t >> 32;
            t = t7 + (a2 * a5) + c;
            t7 = (uint)t;
            c = t >> 32;
            t = t8 + (a2 * a6) + c;
            t8 = (uint)t;
            c = t >> 32;
            t = t9 + (a2 * a7) + c;
            t9 = (uint)t;
            c = t >> 32;
            t10 = (uint)c;
            // a3 * a4 .. a3 * a7
            t = t7 + (a3 * a4);
            t7 = (uint)t;
            c = t >> 32;
            t = t8 + (a3 * a5) + c;
            t8 = (uint)t;
            c = t >> 32;
            t = t9 + (a3 * a6) + c;
            t9 = (uint)t;
            c = t >> 32;
            t = t10 + (a3 * a7) + c;
            t10 = (uint)t;
            c = t >> 32;
            t11 = (uint)c;
            // a4 * a5 .. a4 * a7
            t = t9 + (a4 * a5);
            t9 = (uint)t;
            c = t >> 32;
            t = t10 + (a4 * a6) + c;
            t10 = (uint)t;
            c = t >> 32;
            t = t11 + (a4 * a7) + c;
            t11 = (uint)t;
            c = t >> 32;
            t12 = (uint)c;
            // a5 * a6 .. a5 * a7
            t = t11 + (a5 * a6);
            t11 = (uint)t;
            c = t >> 32;
            t = t12 + (a5 * a7) + c;
            t12 = (uint)t;
            c = t >> 32;
            t13 = (uint)c;
            // a6 * a7 .. a6 * a7
            t = t13 + (a6 * a7);
            t13 = (uint)t;
            c = t >> 32;
            t14 = (uint)c;
            // double the cross products
            t15 = t14 >> 31;
            t14 = (t14 << 1) | (t13 >> 31);
            t13 = (t13 << 1) | (t12 >> 31);
            t12 = (t12 << 1) | (t11 >> 31);
            t11 = (t11 << 1) | (t10 >> 31);
            t10 = (t10 << 1) | (t9 >> 31);
            t9 = (t9 << 1) | (t8 >> 31);
            t8 = (t8 << 1) | (t7 >> 31);
            t7 = (t7 << 1) | (t6 >> 31);
            t6 = (t6 << 1) | (t5 >> 31);
            t5 = (t5 << 1) | (t4 >> 31);
            t4 = (t4 << 1) | (t3 >> 31);
            t3 = (t3 << 1) | (t2 >> 31);
            t2 = (t2 << 1) | (t1 >> 31);
            t1 <<= 1;
            // add the squares a_i^2 at limbs 2i, 2i+1
            t = a0 * a0;
            t0 = (uint)t;
            c = (t >> 32) + t1;
            t1 = (uint)c;
            c >>= 32;
            t = a1 * a1;
            c += (ulong)t2 + (uint)t;
            t2 = (uint)c;
            c = (c >> 32) + t3 + (t >> 32);
            t3 = (uint)c;
            c >>= 32;
            t = a2 * a2;
            c += (ulong)t4 + (uint)t;
            t4 = (uint)c;
            c = (c >> 32) + t5 + (t >> 32);
            t5 = (uint)c;
            c >>= 32;
            t = a3 * a3;
            c += (ulong)t6 + (uint)t;
            t6 = (uint)c;
            c = (c >> 32) + t7 + (t >> 32);
            t7 = (uint)c;
            c >>= 32;
            t = a4 * a4;
            c += (ulong)t8 + (uint)t;
            t8 = (uint)c;
            c = (c >> 32) + t9 + (t >> 32);
            t9 = (uint)c;
            c >>= 32;
            t = a5 * a5;
            c += (ulong)t10 + (uint)t;
            t10 = (uint)c;
            c = (c >> 32) + t11 + (t >> 32);
            t11 = (uint)c;
            c >>= 32;
            t = a6 * a6;
            c += (ulong)t12 + (uint)t;
            t12 = (uint)c;
            c = (c >> 32) + t13 + (t >> 32);
            t13 = (uint)c;
            c >>= 32;
            t = a7 * a7;
            c += (ulong)t14 + (uint)t;
            t14 = (uint)c;
            c = (c >> 32) + t15 + (t >> 32);
            t15 = (uint)c;
            r[0] = t8; // a is read: the high half goes through r (see MulColumns)
            r[1] = t9;
            r[2] = t10;
            r[3] = t11;
            r[4] = t12;
            r[5] = t13;
            r[6] = t14;
            r[7] = t15;
            Reduce(r, t0, t1, t2, t3, t4, t5, t6, t7);
        }

        /// <summary>
        /// r = t * R^-1 mod p for t = t15..t0 &lt; p R (t15..t8 in r[7..0] on entry), column by column: with p = 2^256 - 2^224 + 2^192 + 2^96 - 1 and
        /// -p^-1 = 1 mod 2^32, the quotient digit m_i of column i is the column itself, and m_i p adds +m_i to columns
        /// i+3, i+6 and i+8 and -m_i to column i+7 (clearing column i): no multiplications, one signed accumulator.
        /// The result is below 2p; one masked subtraction of p makes it canonical.
        /// </summary>
        private static void Reduce(uint[] r, uint t0, uint t1, uint t2, uint t3, uint t4, uint t5, uint t6, uint t7)
        {
            long acc = t0;
            uint m0 = t0;
            acc = (acc >> 32) + t1;
            uint m1 = (uint)acc;
            acc = (acc >> 32) + t2;
            uint m2 = (uint)acc;
            acc = (acc >> 32) + t3 + m0;
            uint m3 = (uint)acc;
            acc = (acc >> 32) + t4 + m1;
            uint m4 = (uint)acc;
            acc = (acc >> 32) + t5 + m2;
            uint m5 = (uint)acc;
            acc = (acc >> 32) + t6 + m0 + m3;
            uint m6 = (uint)acc;
            acc = (acc >> 32) + t7 - m0 + m1 + m4;
            uint m7 = (uint)acc;
            acc = (acc >> 32) + r[0] + m0 - m1 + m2 + m5;
            uint u0 = (uint)acc;
            acc = (acc >> 32) + r[1] + m1 - m2 + m3 + m6;
            uint u1 = (uint)acc;
            acc = (acc >> 32) + r[2] + m2 - m3 + m4 + m7;
            uint u2 = (uint)acc;
            acc = (acc >> 32) + r[3] + m3 - m4 + m5;
            uint u3 = (uint)acc;
            acc = (acc >> 32) + r[4] + m4 - m5 + m6;
            uint u4 = (uint)acc;
            acc = (acc >> 32) + r[5] + m5 - m6 + m7;
            uint u5 = (uint)acc;
            acc = (acc >> 32) + r[6] + m6 - m7;
            uint u6 = (uint)acc;
            acc = (acc >> 32) + r[7] + m7;
            uint u7 = (uint)acc;
            acc >>= 32;

            // SubtractOnce written out here, the dead m_i holding u - p: one interpreter frame (~0.8 KB) less at the
            // deepest point of every P-256 operation (issue 10 §2). Constant time: the subtraction always runs, a mask picks.
            ulong d = (ulong)u0 - 0xFFFFFFFFUL;
            m0 = (uint)d;
            ulong w = (d >> 32) & 1;
            d = (ulong)u1 - 0xFFFFFFFFUL - w;
            m1 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u2 - 0xFFFFFFFFUL - w;
            m2 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u3 - w;
            m3 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u4 - w;
            m4 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u5 - w;
            m5 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u6 - 1UL - w;
            m6 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u7 - 0xFFFFFFFFUL - w;
            m7 = (uint)d;
            w = (d >> 32) & 1;
            uint keep = (uint)(0UL - (((ulong)acc | (w ^ 1)) & 1));
            r[0] = (m0 & keep) | (u0 & ~keep);
            r[1] = (m1 & keep) | (u1 & ~keep);
            r[2] = (m2 & keep) | (u2 & ~keep);
            r[3] = (m3 & keep) | (u3 & ~keep);
            r[4] = (m4 & keep) | (u4 & ~keep);
            r[5] = (m5 & keep) | (u5 & ~keep);
            r[6] = (m6 & keep) | (u6 & ~keep);
            r[7] = (m7 & keep) | (u7 & ~keep);
        }

        /// <summary>
        /// r = u - p when (carry:u) &gt;= p, else u, for (carry:u) &lt; 2p: the subtraction always runs and a mask keeps
        /// its result when there is a carry out or no borrow (constant time).
        /// </summary>
        private static void SubtractOnce(uint[] r, uint u0, uint u1, uint u2, uint u3, uint u4, uint u5, uint u6, uint u7, ulong carry)
        {
            ulong d = (ulong)u0 - 0xFFFFFFFFUL;
            uint d0 = (uint)d;
            ulong w = (d >> 32) & 1;
            d = (ulong)u1 - 0xFFFFFFFFUL - w;
            uint d1 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u2 - 0xFFFFFFFFUL - w;
            uint d2 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u3 - w;
            uint d3 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u4 - w;
            uint d4 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u5 - w;
            uint d5 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u6 - 1UL - w;
            uint d6 = (uint)d;
            w = (d >> 32) & 1;
            d = (ulong)u7 - 0xFFFFFFFFUL - w;
            uint d7 = (uint)d;
            w = (d >> 32) & 1;
            uint keep = (uint)(0UL - ((carry | (w ^ 1)) & 1));
            r[0] = (d0 & keep) | (u0 & ~keep);
            r[1] = (d1 & keep) | (u1 & ~keep);
            r[2] = (d2 & keep) | (u2 & ~keep);
            r[3] = (d3 & keep) | (u3 & ~keep);
            r[4] = (d4 & keep) | (u4 & ~keep);
            r[5] = (d5 & keep) | (u5 & ~keep);
            r[6] = (d6 & keep) | (u6 & ~keep);
            r[7] = (d7 & keep) | (u7 & ~keep);
        }

        /// <summary>r = a + b mod p: a + b - p in one signed pass, p added back (masked) when that went negative.</summary>
        internal static void Add(uint[] r, uint[] a, uint[] b)
        {
            long t = (long)a[0] + b[0] - 0xFFFFFFFFL;
            uint d0 = (uint)t;
            t = (t >> 32) + a[1] + b[1] - 0xFFFFFFFFL;
            uint d1 = (uint)t;
            t = (t >> 32) + a[2] + b[2] - 0xFFFFFFFFL;
            uint d2 = (uint)t;
            t = (t >> 32) + a[3] + b[3];
            uint d3 = (uint)t;
            t = (t >> 32) + a[4] + b[4];
            uint d4 = (uint)t;
            t = (t >> 32) + a[5] + b[5];
            uint d5 = (uint)t;
            t = (t >> 32) + a[6] + b[6] - 1L;
            uint d6 = (uint)t;
            t = (t >> 32) + a[7] + b[7] - 0xFFFFFFFFL;
            uint d7 = (uint)t;
            AddBackP(r, d0, d1, d2, d3, d4, d5, d6, d7, (uint)(t >> 32));
        }

        /// <summary>r = a - b mod p: a - b in one signed pass, p added back (masked) when that went negative.</summary>
        internal static void Sub(uint[] r, uint[] a, uint[] b)
        {
            long t = (long)a[0] - b[0];
            uint d0 = (uint)t;
            t = (t >> 32) + a[1] - b[1];
            uint d1 = (uint)t;
            t = (t >> 32) + a[2] - b[2];
            uint d2 = (uint)t;
            t = (t >> 32) + a[3] - b[3];
            uint d3 = (uint)t;
            t = (t >> 32) + a[4] - b[4];
            uint d4 = (uint)t;
            t = (t >> 32) + a[5] - b[5];
            uint d5 = (uint)t;
            t = (t >> 32) + a[6] - b[6];
            uint d6 = (uint)t;
            t = (t >> 32) + a[7] - b[7];
            uint d7 = (uint)t;
            AddBackP(r, d0, d1, d2, d3, d4, d5, d6, d7, (uint)(t >> 32));
        }

        /// <summary>r = d + (p &amp; mask) mod 2^256 for mask all-ones (the signed pass borrowed) or zero.</summary>
        private static void AddBackP(uint[] r, uint d0, uint d1, uint d2, uint d3, uint d4, uint d5, uint d6, uint d7, uint mask)
        {
            ulong c = (ulong)d0 + mask;
            r[0] = (uint)c;
            c = (c >> 32) + d1 + mask;
            r[1] = (uint)c;
            c = (c >> 32) + d2 + mask;
            r[2] = (uint)c;
            c = (c >> 32) + d3;
            r[3] = (uint)c;
            c = (c >> 32) + d4;
            r[4] = (uint)c;
            c = (c >> 32) + d5;
            r[5] = (uint)c;
            c = (c >> 32) + d6 + (mask & 1);
            r[6] = (uint)c;
            r[7] = (uint)((c >> 32) + d7 + mask);
        }

        /// <summary>r = a / 2 mod p: (a + p) / 2 when a is odd, a / 2 otherwise, the addition masked (constant time).</summary>
        internal static void Halve(uint[] r, uint[] a)
        {
            uint mask = 0u - (a[0] & 1);
            ulong t, c;
            t = (ulong)a[0] + (0xFFFFFFFFU & mask);
            uint s0 = (uint)t;
            c = t >> 32;
            t = (ulong)a[1] + (0xFFFFFFFFU & mask) + c;
            uint s1 = (uint)t;
            c = t >> 32;
            t = (ulong)a[2] + (0xFFFFFFFFU & mask) + c;
            uint s2 = (uint)t;
            c = t >> 32;
            t = (ulong)a[3] + c;
            uint s3 = (uint)t;
            c = t >> 32;
            t = (ulong)a[4] + c;
            uint s4 = (uint)t;
            c = t >> 32;
            t = (ulong)a[5] + c;
            uint s5 = (uint)t;
            c = t >> 32;
            t = (ulong)a[6] + (1U & mask) + c;
            uint s6 = (uint)t;
            c = t >> 32;
            t = (ulong)a[7] + (0xFFFFFFFFU & mask) + c;
            uint s7 = (uint)t;
            c = t >> 32;
            r[0] = (s0 >> 1) | (s1 << 31);
            r[1] = (s1 >> 1) | (s2 << 31);
            r[2] = (s2 >> 1) | (s3 << 31);
            r[3] = (s3 >> 1) | (s4 << 31);
            r[4] = (s4 >> 1) | (s5 << 31);
            r[5] = (s5 >> 1) | (s6 << 31);
            r[6] = (s6 >> 1) | (s7 << 31);
            r[7] = (s7 >> 1) | ((uint)c << 31);
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
