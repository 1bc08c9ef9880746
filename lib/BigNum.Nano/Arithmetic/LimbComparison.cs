namespace NanoMikey.BigNum.Arithmetic
{
    /// <summary>Constant-time comparisons of limb vectors of equal length; results are masks (all ones = true).</summary>
    internal static class LimbComparison
    {
        /// <summary>All ones when a &lt; b (the borrow of a - b).</summary>
        internal static uint LessThan(uint[] a, uint[] b, int count)
        {
            uint borrow = 0;
            for (int i = 0; i < count; i++)
            {
                ulong d = (ulong)a[i] - b[i] - borrow;
                borrow = (uint)(d >> 32) & 1u;
            }

            return 0u - borrow;
        }

        /// <summary>All ones when a == b.</summary>
        internal static uint Equal(uint[] a, uint[] b, int count)
        {
            uint acc = 0;
            for (int i = 0; i < count; i++)
            {
                acc |= a[i] ^ b[i];
            }

            return Limbs.ZeroMask(acc);
        }

        /// <summary>All ones when a == 0.</summary>
        internal static uint IsZero(uint[] a, int count)
        {
            uint acc = 0;
            for (int i = 0; i < count; i++)
            {
                acc |= a[i];
            }

            return Limbs.ZeroMask(acc);
        }

        /// <summary>All ones when a == 1.</summary>
        internal static uint IsOne(uint[] a, int count)
        {
            uint acc = a[0] ^ 1u;
            for (int i = 1; i < count; i++)
            {
                acc |= a[i];
            }

            return Limbs.ZeroMask(acc);
        }
    }
}
