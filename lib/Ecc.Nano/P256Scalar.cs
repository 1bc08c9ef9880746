using System;

namespace NanoMikey.Ecc
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

        /// <summary>n - 2, the Fermat exponent for inversion.</summary>
        private static readonly uint[] NMinus2 = { 0xFC63254F, 0xF3B9CAC2, 0xA7179E84, 0xBCE6FAAD, 0xFFFFFFFF, 0xFFFFFFFF, 0x00000000, 0xFFFFFFFF };

        /// <summary>-n^-1 mod 2^32, the Montgomery reduction constant.</summary>
        private const uint N0Inverse = 0xEE00BC4F;

        /// <summary>
        /// r = a * b * R^-1 mod n (CIOS Montgomery multiplication, outer loop kept, inner steps unrolled over locals: a
        /// compromise between speed and IL size). With one operand plain and the other in Montgomery form the result is
        /// plain. r may alias a or b.
        /// </summary>
        internal static void Mul(uint[] r, uint[] a, uint[] b)
        {
            ulong b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6], b7 = b[7];
            ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0;
            for (int i = 0; i < 8; i++)
            {
                ulong ai = a[i];
                ulong c = t0 + (ai * b0);
                t0 = (uint)c;
                c >>= 32;
                c += t1 + (ai * b1);
                t1 = (uint)c;
                c >>= 32;
                c += t2 + (ai * b2);
                t2 = (uint)c;
                c >>= 32;
                c += t3 + (ai * b3);
                t3 = (uint)c;
                c >>= 32;
                c += t4 + (ai * b4);
                t4 = (uint)c;
                c >>= 32;
                c += t5 + (ai * b5);
                t5 = (uint)c;
                c >>= 32;
                c += t6 + (ai * b6);
                t6 = (uint)c;
                c >>= 32;
                c += t7 + (ai * b7);
                t7 = (uint)c;
                c >>= 32;
                c += t8;
                t8 = (uint)c;
                ulong t9 = c >> 32;
                ulong m = (uint)((uint)t0 * N0Inverse);
                c = (t0 + (m * 0xFC632551UL)) >> 32;
                c += t1 + (m * 0xF3B9CAC2UL);
                t0 = (uint)c;
                c >>= 32;
                c += t2 + (m * 0xA7179E84UL);
                t1 = (uint)c;
                c >>= 32;
                c += t3 + (m * 0xBCE6FAADUL);
                t2 = (uint)c;
                c >>= 32;
                c += t4 + (m * 0xFFFFFFFFUL);
                t3 = (uint)c;
                c >>= 32;
                c += t5 + (m * 0xFFFFFFFFUL);
                t4 = (uint)c;
                c >>= 32;
                c += t6;
                t5 = (uint)c;
                c >>= 32;
                c += t7 + (m * 0xFFFFFFFFUL);
                t6 = (uint)c;
                c >>= 32;
                c += t8;
                t7 = (uint)c;
                t8 = t9 + (c >> 32);
            }

            // t < 2n: subtract n once when there is a carry out or no borrow (masked, constant time).
            ulong d = t0 - 0xFC632551UL;
            uint d0 = (uint)d;
            ulong w = (d >> 32) & 1;
            d = t1 - 0xF3B9CAC2UL - w;
            uint d1 = (uint)d;
            w = (d >> 32) & 1;
            d = t2 - 0xA7179E84UL - w;
            uint d2 = (uint)d;
            w = (d >> 32) & 1;
            d = t3 - 0xBCE6FAADUL - w;
            uint d3 = (uint)d;
            w = (d >> 32) & 1;
            d = t4 - 0xFFFFFFFFUL - w;
            uint d4 = (uint)d;
            w = (d >> 32) & 1;
            d = t5 - 0xFFFFFFFFUL - w;
            uint d5 = (uint)d;
            w = (d >> 32) & 1;
            d = t6 - 0x0UL - w;
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

        /// <summary>r = a + b mod n.</summary>
        internal static void Add(uint[] r, uint[] a, uint[] b)
        {
            ulong c = 0;
            for (int j = 0; j < 8; j++)
            {
                c += (ulong)a[j] + b[j];
                r[j] = (uint)c;
                c >>= 32;
            }

            SubtractOnce(r, (uint)c);
        }

        /// <summary>r = a - b mod n.</summary>
        internal static void Sub(uint[] r, uint[] a, uint[] b)
        {
            ulong w = 0;
            for (int j = 0; j < 8; j++)
            {
                ulong d = (ulong)a[j] - b[j] - w;
                r[j] = (uint)d;
                w = (d >> 32) & 1;
            }

            uint mask = (uint)(0UL - w);
            ulong c = 0;
            for (int j = 0; j < 8; j++)
            {
                c += (ulong)r[j] + (N[j] & mask);
                r[j] = (uint)c;
                c >>= 32;
            }
        }

        /// <summary>r = a mod n for any 256-bit a (one conditional subtraction, since 2^256 &lt; 2n).</summary>
        internal static void ReduceOnce(uint[] r, uint[] a)
        {
            if (r != a)
            {
                Array.Copy(a, 0, r, 0, 8);
            }

            SubtractOnce(r, 0);
        }

        /// <summary>r = r - n when (carry:r) >= n, for (carry:r) &lt; 2n, without a branch on the value.</summary>
        private static void SubtractOnce(uint[] r, uint carry)
        {
            ulong w = 0;
            for (int j = 0; j < 8; j++)
            {
                w = (((ulong)r[j] - N[j] - w) >> 32) & 1;
            }

            uint mask = (uint)(0UL - ((carry | (w ^ 1)) & 1));
            w = 0;
            for (int j = 0; j < 8; j++)
            {
                ulong d = (ulong)r[j] - (N[j] & mask) - w;
                r[j] = (uint)d;
                w = (d >> 32) & 1;
            }
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
        /// r = a^-1 mod n by Fermat (a^(n-2)) for plain a; the result is plain. The exponent is public and so is the
        /// operation sequence, whatever a is: the top half of n - 2 (ffffffff 00000000 ffffffff ffffffff) by the chain
        /// of a^(2^k - 1), the low half by sliding windows of up to 4 bits over the odd powers a..a^15; 253 squarings and
        /// 38 multiplications. table holds at least 10 scratch elements; aMont and acc are scratch.
        /// </summary>
        internal static void Invert(uint[] r, uint[] a, uint[][] table, uint[] aMont, uint[] acc)
        {
            ToMontgomery(aMont, a);

            // table[i] = a^(2i + 1), i = 0..7
            Mul(acc, aMont, aMont);
            Array.Copy(aMont, 0, table[0], 0, 8);
            for (int i = 1; i < 8; i++)
            {
                Mul(table[i], table[i - 1], acc);
            }

            // a^(2^k - 1) for k = 8, 16, 32 from a^15 = a^(2^4 - 1)
            uint[] t = table[8], u = table[9];
            SqrN(t, table[7], 4);
            Mul(t, t, table[7]);
            SqrN(u, t, 8);
            Mul(u, u, t);
            SqrN(t, u, 16);
            Mul(t, t, u);

            // top 128 bits: ffffffff 00000000 ffffffff ffffffff
            SqrN(acc, t, 64);
            Mul(acc, acc, t);
            SqrN(acc, acc, 32);
            Mul(acc, acc, t);

            // low 128 bits: sliding windows
            int bit = 127;
            while (bit >= 0)
            {
                if (ExponentBit(bit) == 0)
                {
                    Mul(acc, acc, acc);
                    bit--;
                    continue;
                }

                int length = bit + 1 < 4 ? bit + 1 : 4;
                while (ExponentBit(bit - length + 1) == 0)
                {
                    length--;
                }

                int value = 0;
                for (int j = bit; j > bit - length; j--)
                {
                    value = (value << 1) | ExponentBit(j);
                }

                SqrN(acc, acc, length);
                Mul(acc, acc, table[value >> 1]);
                bit -= length;
            }

            // Leave the Montgomery domain: acc = a^-1 * R, times plain 1 gives a^-1.
            Array.Clear(aMont, 0, 8);
            aMont[0] = 1;
            Mul(r, acc, aMont);
            Array.Clear(acc, 0, 8);
            for (int i = 0; i < 10; i++)
            {
                Array.Clear(table[i], 0, 8);
            }
        }

        /// <summary>r = a^(2^count) for count &gt;= 1 (r may alias a).</summary>
        private static void SqrN(uint[] r, uint[] a, int count)
        {
            Mul(r, a, a);
            for (int i = 1; i < count; i++)
            {
                Mul(r, r, r);
            }
        }

        /// <summary>Bit i of n - 2 (public).</summary>
        private static int ExponentBit(int i)
        {
            return (int)((NMinus2[i >> 5] >> (i & 31)) & 1);
        }

        /// <summary>
        /// r = a^-1 mod n for a public a in [1, n-1], variable time: binary extended Euclid for an odd modulus (HAC 14.61
        /// reduced to the inverse; invariants x1 a = u and x2 a = v mod n, x1 in r). About half the cost of Fermat, on the
        /// interpreter and on the host; for public values only (ECDSA verification's s). u, v and x2 are scratch; r may alias a.
        /// </summary>
        internal static void InvertVartime(uint[] r, uint[] a, uint[] u, uint[] v, uint[] x2)
        {
            Array.Copy(a, 0, u, 0, 8);
            Array.Copy(N, 0, v, 0, 8);
            Array.Clear(r, 0, 8);
            r[0] = 1;
            Array.Clear(x2, 0, 8);
            while (!IsOne(u) && !IsOne(v))
            {
                while ((u[0] & 1) == 0)
                {
                    Halve(u, 0);
                    HalveModN(r);
                }

                while ((v[0] & 1) == 0)
                {
                    Halve(v, 0);
                    HalveModN(x2);
                }

                // u != v (their gcd is 1 and neither is 1); subtract the smaller.
                if (P256Field.LessThan(u, v) == 0)
                {
                    SubtractRaw(u, v);
                    Sub(r, r, x2);
                }
                else
                {
                    SubtractRaw(v, u);
                    Sub(x2, x2, r);
                }
            }

            if (!IsOne(u))
            {
                Array.Copy(x2, 0, r, 0, 8);
            }
        }

        private static bool IsOne(uint[] a)
        {
            return a[0] == 1 && (a[1] | a[2] | a[3] | a[4] | a[5] | a[6] | a[7]) == 0;
        }

        /// <summary>a = (top:a) / 2 for a 257-bit value with top bit <paramref name="top"/>.</summary>
        private static void Halve(uint[] a, uint top)
        {
            for (int j = 0; j < 7; j++)
            {
                a[j] = (a[j] >> 1) | (a[j + 1] << 31);
            }

            a[7] = (a[7] >> 1) | (top << 31);
        }

        /// <summary>x = x / 2 mod n (x + n first when x is odd; variable time).</summary>
        private static void HalveModN(uint[] x)
        {
            uint top = 0;
            if ((x[0] & 1) != 0)
            {
                ulong c = 0;
                for (int j = 0; j < 8; j++)
                {
                    c += (ulong)x[j] + N[j];
                    x[j] = (uint)c;
                    c >>= 32;
                }

                top = (uint)c;
            }

            Halve(x, top);
        }

        /// <summary>a = a - b for a &gt;= b (no reduction).</summary>
        private static void SubtractRaw(uint[] a, uint[] b)
        {
            ulong w = 0;
            for (int j = 0; j < 8; j++)
            {
                ulong d = (ulong)a[j] - b[j] - w;
                a[j] = (uint)d;
                w = (d >> 32) & 1;
            }
        }
    }
}
