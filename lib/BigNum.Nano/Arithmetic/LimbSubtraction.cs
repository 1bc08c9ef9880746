namespace NanoMikey.BigNum.Arithmetic
{
    /// <summary>Constant-time subtraction of limb vectors; outputs may alias inputs.</summary>
    internal static class LimbSubtraction
    {
        /// <summary>r = a - b over <paramref name="count"/> limbs (mod 2^(32*count)); returns the borrow (0 or 1).</summary>
        internal static uint Subtract(uint[] r, uint[] a, uint[] b, int count)
        {
            uint borrow = 0;
            for (int i = 0; i < count; i++)
            {
                ulong d = (ulong)a[i] - b[i] - borrow;
                r[i] = (uint)d;
                borrow = (uint)(d >> 32) & 1u;
            }

            return borrow;
        }

        /// <summary>r = r - w over <paramref name="count"/> limbs (borrow propagated through every limb); returns the borrow.</summary>
        internal static uint SubtractWord(uint[] r, int count, uint w)
        {
            uint borrow = w;
            for (int i = 0; i < count; i++)
            {
                ulong d = (ulong)r[i] - borrow;
                r[i] = (uint)d;
                borrow = (uint)(d >> 32) & 1u;
            }

            return borrow;
        }
    }
}
