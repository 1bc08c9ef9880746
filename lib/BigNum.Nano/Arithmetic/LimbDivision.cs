using System;

namespace NanoMikey.BigNum.Arithmetic
{
    /// <summary>
    /// Division of a long value (e.g. a double-length product) by a modulus, bit by bit (shift, then subtract by mask):
    /// the time depends only on the limb counts, never on the values, so it may reduce secrets (CRT halves of an RSA
    /// input, key-consistency checks). About aCount*32 passes over mCount limbs.
    /// </summary>
    internal static class LimbDivision
    {
        /// <summary>
        /// remainder = a mod m (<paramref name="mCount"/> limbs) and, when <paramref name="quotient"/> is not null,
        /// quotient = a div m (<paramref name="aCount"/> limbs). m must be non-zero; <paramref name="difference"/> is
        /// scratch of <paramref name="mCount"/> limbs. The outputs must not alias a, m or each other.
        /// </summary>
        internal static void DivideRemainder(uint[]? quotient, uint[] remainder, uint[] a, int aCount, uint[] m, int mCount, uint[] difference)
        {
            Array.Clear(remainder, 0, mCount);
            if (quotient != null)
            {
                Array.Clear(quotient, 0, aCount);
            }

            for (int i = (aCount << 5) - 1; i >= 0; i--)
            {
                uint bit = (a[i >> 5] >> (i & 31)) & 1u;
                uint carry = Limbs.ShiftLeft1(remainder, mCount, bit);
                uint borrow = LimbSubtraction.Subtract(difference, remainder, m, mCount);

                // The true remainder is carry*2^(32*mCount) + remainder; it is >= m when it carried or did not borrow.
                uint take = (0u - carry) | (borrow - 1u);
                Limbs.Select(remainder, difference, remainder, mCount, take);
                if (quotient != null)
                {
                    quotient[i >> 5] |= (take & 1u) << (i & 31);
                }
            }

            Array.Clear(difference, 0, mCount);
        }
    }
}
