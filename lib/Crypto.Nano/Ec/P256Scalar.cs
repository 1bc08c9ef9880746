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

        /// <summary>-n^-1 mod 2^32, the Montgomery reduction constant.</summary>
        private const uint N0Inverse = 0xEE00BC4F;

        /// <summary>
        /// r = a * b * R^-1 mod n (CIOS Montgomery multiplication with loops: scalar arithmetic is a small share of the work,
        /// so it is kept compact in IL). With one operand plain and the other in Montgomery form the result is plain.
        /// t is scratch of at least 10 words; r may alias a or b.
        /// </summary>
        internal static void Mul(uint[] r, uint[] a, uint[] b, uint[] t)
        {
            for (int i = 0; i < 10; i++)
            {
                t[i] = 0;
            }

            for (int i = 0; i < 8; i++)
            {
                ulong ai = a[i];
                ulong c = 0;
                for (int j = 0; j < 8; j++)
                {
                    c += t[j] + (ai * b[j]);
                    t[j] = (uint)c;
                    c >>= 32;
                }

                c += t[8];
                t[8] = (uint)c;
                t[9] = (uint)(c >> 32);

                ulong m = (uint)(t[0] * N0Inverse);
                c = (t[0] + (m * N[0])) >> 32;
                for (int j = 1; j < 8; j++)
                {
                    c += t[j] + (m * N[j]);
                    t[j - 1] = (uint)c;
                    c >>= 32;
                }

                c += t[8];
                t[7] = (uint)c;
                t[8] = t[9] + (uint)(c >> 32);
            }

            // t < 2n: subtract n once when there is a carry out or no borrow (masked, constant time).
            ulong w = 0;
            for (int j = 0; j < 8; j++)
            {
                ulong d = (ulong)t[j] - N[j] - w;
                r[j] = (uint)d;
                w = (d >> 32) & 1;
            }

            uint keep = (uint)(0UL - ((t[8] | (w ^ 1)) & 1));
            for (int j = 0; j < 8; j++)
            {
                r[j] = (r[j] & keep) | (t[j] & ~keep);
            }
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
        internal static void ToMontgomery(uint[] r, uint[] a, uint[] t)
        {
            Mul(r, a, RR, t);
        }

        /// <summary>All-ones when 1 &lt;= a &lt; n, else zero (constant time).</summary>
        internal static uint IsValidNonZero(uint[] a)
        {
            return P256Field.LessThan(a, N) & ~P256Field.IsZero(a);
        }

        /// <summary>
        /// r = a^-1 mod n by Fermat (a^(n-2)) for plain a; the result is plain. 4-bit fixed windows over the public exponent,
        /// table read at public indices only, so the sequence does not depend on a. table holds 16 scratch elements;
        /// aMont, acc and t (10 words) are scratch.
        /// </summary>
        internal static void Invert(uint[] r, uint[] a, uint[][] table, uint[] aMont, uint[] acc, uint[] t)
        {
            ToMontgomery(aMont, a, t);
            Array.Copy(OneMont, 0, table[0], 0, 8);
            Array.Copy(aMont, 0, table[1], 0, 8);
            for (int i = 2; i < 16; i++)
            {
                Mul(table[i], table[i - 1], aMont, t);
            }

            Array.Copy(OneMont, 0, acc, 0, 8);
            for (int w = 63; w >= 0; w--)
            {
                Mul(acc, acc, acc, t);
                Mul(acc, acc, acc, t);
                Mul(acc, acc, acc, t);
                Mul(acc, acc, acc, t);
                int digit = (int)((NMinus2[w >> 3] >> ((w & 7) * 4)) & 15);
                Mul(acc, acc, table[digit], t);
            }

            // Leave the Montgomery domain: acc = a^-1 * R, times plain 1 gives a^-1.
            Array.Clear(aMont, 0, 8);
            aMont[0] = 1;
            Mul(r, acc, aMont, t);
            Array.Clear(acc, 0, 8);
            Array.Clear(t, 0, 10);
            for (int i = 0; i < 16; i++)
            {
                Array.Clear(table[i], 0, 8);
            }
        }
    }
}
