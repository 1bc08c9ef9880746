using System;

namespace NanoMikey.BigNum.Arithmetic
{
    /// <summary>Schoolbook multiplication of limb vectors (constant time: the loops depend on the counts only).</summary>
    internal static class LimbMultiplication
    {
        /// <summary>
        /// r = a * b, written to <paramref name="aCount"/> + <paramref name="bCount"/> limbs of r; r must not alias a or b.
        /// </summary>
        internal static void Multiply(uint[] r, uint[] a, int aCount, uint[] b, int bCount)
        {
            Array.Clear(r, 0, aCount + bCount);
            for (int i = 0; i < bCount; i++)
            {
                ulong bi = b[i];
                ulong c = 0;
                for (int j = 0; j < aCount; j++)
                {
                    c += r[i + j] + (a[j] * bi);
                    r[i + j] = (uint)c;
                    c >>= 32;
                }

                r[i + aCount] = (uint)c;
            }
        }
    }
}
