using System;

namespace NanoMikey.Crypto.Ec
{
    /// <summary>
    /// Arithmetic modulo the P-256 group order n (FIPS 186-4 D.1.2.3), 8 little-endian 32-bit limbs, Montgomery
    /// multiplication with R = 2^256. Constant time; outputs canonical (less than n) for canonical inputs; outputs may alias inputs.
    /// </summary>
    internal static class P256Scalar
    {
        /// <summary>The group order n.</summary>
        internal static readonly uint[] N = { 0xFC632551, 0xF3B9CAC2, 0xA7179E84, 0xBCE6FAAD, 0xFFFFFFFF, 0xFFFFFFFF, 0x00000000, 0xFFFFFFFF };

        /// <summary>R^2 mod n, to enter the Montgomery domain.</summary>
        private static readonly uint[] RR = { 0xBE79EEA2, 0x83244C95, 0x49BD6FA6, 0x4699799C, 0x2B6BEC59, 0x2845B239, 0xF3D95620, 0x66E12D94 };

        /// <summary>1 in Montgomery form (R mod n).</summary>
        private static readonly uint[] OneMont = { 0x039CDAAF, 0x0C46353D, 0x58E8617B, 0x43190552, 0x00000000, 0x00000000, 0xFFFFFFFF, 0x00000000 };

        /// <summary>n - 2, the Fermat exponent for inversion.</summary>
        private static readonly uint[] NMinus2 = { 0xFC63254F, 0xF3B9CAC2, 0xA7179E84, 0xBCE6FAAD, 0xFFFFFFFF, 0xFFFFFFFF, 0x00000000, 0xFFFFFFFF };

        /// <summary>r = a * b * R^-1 mod n. With one operand plain and the other in Montgomery form the result is plain.</summary>
        internal static void Mul(uint[] r, uint[] a, uint[] b)
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
            // Montgomery reduction with n0' = -n^-1 mod 2^32.
            ulong m, c2 = 0;
            m = (uint)(r0 * 0xEE00BC4FU);
            t = r0 + m * 0xFC632551UL; r0 = (uint)t; c = t >> 32;
            t = r1 + m * 0xF3B9CAC2UL + c; r1 = (uint)t; c = t >> 32;
            t = r2 + m * 0xA7179E84UL + c; r2 = (uint)t; c = t >> 32;
            t = r3 + m * 0xBCE6FAADUL + c; r3 = (uint)t; c = t >> 32;
            t = r4 + m * 0xFFFFFFFFUL + c; r4 = (uint)t; c = t >> 32;
            t = r5 + m * 0xFFFFFFFFUL + c; r5 = (uint)t; c = t >> 32;
            t = r6 + m * 0x0UL + c; r6 = (uint)t; c = t >> 32;
            t = r7 + m * 0xFFFFFFFFUL + c; r7 = (uint)t; c = t >> 32;
            t = r8 + c + c2; r8 = (uint)t; c2 = t >> 32;
            m = (uint)(r1 * 0xEE00BC4FU);
            t = r1 + m * 0xFC632551UL; r1 = (uint)t; c = t >> 32;
            t = r2 + m * 0xF3B9CAC2UL + c; r2 = (uint)t; c = t >> 32;
            t = r3 + m * 0xA7179E84UL + c; r3 = (uint)t; c = t >> 32;
            t = r4 + m * 0xBCE6FAADUL + c; r4 = (uint)t; c = t >> 32;
            t = r5 + m * 0xFFFFFFFFUL + c; r5 = (uint)t; c = t >> 32;
            t = r6 + m * 0xFFFFFFFFUL + c; r6 = (uint)t; c = t >> 32;
            t = r7 + m * 0x0UL + c; r7 = (uint)t; c = t >> 32;
            t = r8 + m * 0xFFFFFFFFUL + c; r8 = (uint)t; c = t >> 32;
            t = r9 + c + c2; r9 = (uint)t; c2 = t >> 32;
            m = (uint)(r2 * 0xEE00BC4FU);
            t = r2 + m * 0xFC632551UL; r2 = (uint)t; c = t >> 32;
            t = r3 + m * 0xF3B9CAC2UL + c; r3 = (uint)t; c = t >> 32;
            t = r4 + m * 0xA7179E84UL + c; r4 = (uint)t; c = t >> 32;
            t = r5 + m * 0xBCE6FAADUL + c; r5 = (uint)t; c = t >> 32;
            t = r6 + m * 0xFFFFFFFFUL + c; r6 = (uint)t; c = t >> 32;
            t = r7 + m * 0xFFFFFFFFUL + c; r7 = (uint)t; c = t >> 32;
            t = r8 + m * 0x0UL + c; r8 = (uint)t; c = t >> 32;
            t = r9 + m * 0xFFFFFFFFUL + c; r9 = (uint)t; c = t >> 32;
            t = r10 + c + c2; r10 = (uint)t; c2 = t >> 32;
            m = (uint)(r3 * 0xEE00BC4FU);
            t = r3 + m * 0xFC632551UL; r3 = (uint)t; c = t >> 32;
            t = r4 + m * 0xF3B9CAC2UL + c; r4 = (uint)t; c = t >> 32;
            t = r5 + m * 0xA7179E84UL + c; r5 = (uint)t; c = t >> 32;
            t = r6 + m * 0xBCE6FAADUL + c; r6 = (uint)t; c = t >> 32;
            t = r7 + m * 0xFFFFFFFFUL + c; r7 = (uint)t; c = t >> 32;
            t = r8 + m * 0xFFFFFFFFUL + c; r8 = (uint)t; c = t >> 32;
            t = r9 + m * 0x0UL + c; r9 = (uint)t; c = t >> 32;
            t = r10 + m * 0xFFFFFFFFUL + c; r10 = (uint)t; c = t >> 32;
            t = r11 + c + c2; r11 = (uint)t; c2 = t >> 32;
            m = (uint)(r4 * 0xEE00BC4FU);
            t = r4 + m * 0xFC632551UL; r4 = (uint)t; c = t >> 32;
            t = r5 + m * 0xF3B9CAC2UL + c; r5 = (uint)t; c = t >> 32;
            t = r6 + m * 0xA7179E84UL + c; r6 = (uint)t; c = t >> 32;
            t = r7 + m * 0xBCE6FAADUL + c; r7 = (uint)t; c = t >> 32;
            t = r8 + m * 0xFFFFFFFFUL + c; r8 = (uint)t; c = t >> 32;
            t = r9 + m * 0xFFFFFFFFUL + c; r9 = (uint)t; c = t >> 32;
            t = r10 + m * 0x0UL + c; r10 = (uint)t; c = t >> 32;
            t = r11 + m * 0xFFFFFFFFUL + c; r11 = (uint)t; c = t >> 32;
            t = r12 + c + c2; r12 = (uint)t; c2 = t >> 32;
            m = (uint)(r5 * 0xEE00BC4FU);
            t = r5 + m * 0xFC632551UL; r5 = (uint)t; c = t >> 32;
            t = r6 + m * 0xF3B9CAC2UL + c; r6 = (uint)t; c = t >> 32;
            t = r7 + m * 0xA7179E84UL + c; r7 = (uint)t; c = t >> 32;
            t = r8 + m * 0xBCE6FAADUL + c; r8 = (uint)t; c = t >> 32;
            t = r9 + m * 0xFFFFFFFFUL + c; r9 = (uint)t; c = t >> 32;
            t = r10 + m * 0xFFFFFFFFUL + c; r10 = (uint)t; c = t >> 32;
            t = r11 + m * 0x0UL + c; r11 = (uint)t; c = t >> 32;
            t = r12 + m * 0xFFFFFFFFUL + c; r12 = (uint)t; c = t >> 32;
            t = r13 + c + c2; r13 = (uint)t; c2 = t >> 32;
            m = (uint)(r6 * 0xEE00BC4FU);
            t = r6 + m * 0xFC632551UL; r6 = (uint)t; c = t >> 32;
            t = r7 + m * 0xF3B9CAC2UL + c; r7 = (uint)t; c = t >> 32;
            t = r8 + m * 0xA7179E84UL + c; r8 = (uint)t; c = t >> 32;
            t = r9 + m * 0xBCE6FAADUL + c; r9 = (uint)t; c = t >> 32;
            t = r10 + m * 0xFFFFFFFFUL + c; r10 = (uint)t; c = t >> 32;
            t = r11 + m * 0xFFFFFFFFUL + c; r11 = (uint)t; c = t >> 32;
            t = r12 + m * 0x0UL + c; r12 = (uint)t; c = t >> 32;
            t = r13 + m * 0xFFFFFFFFUL + c; r13 = (uint)t; c = t >> 32;
            t = r14 + c + c2; r14 = (uint)t; c2 = t >> 32;
            m = (uint)(r7 * 0xEE00BC4FU);
            t = r7 + m * 0xFC632551UL; r7 = (uint)t; c = t >> 32;
            t = r8 + m * 0xF3B9CAC2UL + c; r8 = (uint)t; c = t >> 32;
            t = r9 + m * 0xA7179E84UL + c; r9 = (uint)t; c = t >> 32;
            t = r10 + m * 0xBCE6FAADUL + c; r10 = (uint)t; c = t >> 32;
            t = r11 + m * 0xFFFFFFFFUL + c; r11 = (uint)t; c = t >> 32;
            t = r12 + m * 0xFFFFFFFFUL + c; r12 = (uint)t; c = t >> 32;
            t = r13 + m * 0x0UL + c; r13 = (uint)t; c = t >> 32;
            t = r14 + m * 0xFFFFFFFFUL + c; r14 = (uint)t; c = t >> 32;
            t = r15 + c + c2; r15 = (uint)t; c2 = t >> 32;
            // The result (c2:r15..r8) is < 2n; subtract n once when it is >= n, selected by mask (constant time).
            ulong w;
            t = (ulong)r8 - 0xFC632551UL; uint d0 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r9 - 0xF3B9CAC2UL - w; uint d1 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r10 - 0xA7179E84UL - w; uint d2 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r11 - 0xBCE6FAADUL - w; uint d3 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r12 - 0xFFFFFFFFUL - w; uint d4 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r13 - 0xFFFFFFFFUL - w; uint d5 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)r14 - 0x0UL - w; uint d6 = (uint)t; w = (t >> 32) & 1;
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

        /// <summary>r = a + b mod n.</summary>
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
            t = (ulong)s0 - 0xFC632551UL; uint d0 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s1 - 0xF3B9CAC2UL - w; uint d1 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s2 - 0xA7179E84UL - w; uint d2 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s3 - 0xBCE6FAADUL - w; uint d3 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s4 - 0xFFFFFFFFUL - w; uint d4 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s5 - 0xFFFFFFFFUL - w; uint d5 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)s6 - 0x0UL - w; uint d6 = (uint)t; w = (t >> 32) & 1;
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

        /// <summary>r = a - b mod n.</summary>
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
            t = (ulong)d0 + (0xFC632551U & mask); r[0] = (uint)t; c = t >> 32;
            t = (ulong)d1 + (0xF3B9CAC2U & mask) + c; r[1] = (uint)t; c = t >> 32;
            t = (ulong)d2 + (0xA7179E84U & mask) + c; r[2] = (uint)t; c = t >> 32;
            t = (ulong)d3 + (0xBCE6FAADU & mask) + c; r[3] = (uint)t; c = t >> 32;
            t = (ulong)d4 + (0xFFFFFFFFU & mask) + c; r[4] = (uint)t; c = t >> 32;
            t = (ulong)d5 + (0xFFFFFFFFU & mask) + c; r[5] = (uint)t; c = t >> 32;
            t = (ulong)d6 + (0x0U & mask) + c; r[6] = (uint)t; c = t >> 32;
            t = (ulong)d7 + (0xFFFFFFFFU & mask) + c; r[7] = (uint)t; c = t >> 32;
        }

        /// <summary>r = a mod n for any 256-bit a (one conditional subtraction, since 2^256 &lt; 2n).</summary>
        internal static void ReduceOnce(uint[] r, uint[] a)
        {
            ulong t, w;
            t = (ulong)a[0] - 0xFC632551UL; uint d0 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[1] - 0xF3B9CAC2UL - w; uint d1 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[2] - 0xA7179E84UL - w; uint d2 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[3] - 0xBCE6FAADUL - w; uint d3 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[4] - 0xFFFFFFFFUL - w; uint d4 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[5] - 0xFFFFFFFFUL - w; uint d5 = (uint)t; w = (t >> 32) & 1;
            t = (ulong)a[6] - 0x0UL - w; uint d6 = (uint)t; w = (t >> 32) & 1;
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

        /// <summary>Converts a canonical scalar into Montgomery form.</summary>
        internal static void ToMontgomery(uint[] r, uint[] a)
        {
            Mul(r, a, RR);
        }

        /// <summary>All-ones when 1 &lt;= a &lt; n, else zero (constant time).</summary>
        internal static uint IsValidNonZero(uint[] a)
        {
            return P256Field.LessThan(a, N) & ~P256Field.IsZero(a);
        }

        /// <summary>
        /// r = a^-1 mod n by Fermat (a^(n-2)) for plain a; the result is plain. 4-bit fixed windows over the public exponent,
        /// table read at public indices only, so the sequence does not depend on a. table holds 16 scratch elements;
        /// aMont and acc are scratch.
        /// </summary>
        internal static void Invert(uint[] r, uint[] a, uint[][] table, uint[] aMont, uint[] acc)
        {
            ToMontgomery(aMont, a);
            Array.Copy(OneMont, 0, table[0], 0, 8);
            Array.Copy(aMont, 0, table[1], 0, 8);
            for (int i = 2; i < 16; i++)
            {
                Mul(table[i], table[i - 1], aMont);
            }

            Array.Copy(OneMont, 0, acc, 0, 8);
            for (int w = 63; w >= 0; w--)
            {
                Mul(acc, acc, acc);
                Mul(acc, acc, acc);
                Mul(acc, acc, acc);
                Mul(acc, acc, acc);
                int digit = (int)((NMinus2[w >> 3] >> ((w & 7) * 4)) & 15);
                Mul(acc, acc, table[digit]);
            }

            // Leave the Montgomery domain: acc = a^-1 * R, times plain 1 gives a^-1.
            Array.Clear(aMont, 0, 8);
            aMont[0] = 1;
            Mul(r, acc, aMont);
            Array.Clear(acc, 0, 8);
            for (int i = 0; i < 16; i++)
            {
                Array.Clear(table[i], 0, 8);
            }
        }
    }
}
