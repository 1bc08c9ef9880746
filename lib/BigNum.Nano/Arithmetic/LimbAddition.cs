namespace NanoMikey.BigNum.Arithmetic
{
    /// <summary>Constant-time addition of limb vectors; outputs may alias inputs.</summary>
    internal static class LimbAddition
    {
        /// <summary>r = a + b over <paramref name="count"/> limbs; returns the carry (0 or 1).</summary>
        internal static uint Add(uint[] r, uint[] a, uint[] b, int count)
        {
            ulong c = 0;
            for (int i = 0; i < count; i++)
            {
                c += (ulong)a[i] + b[i];
                r[i] = (uint)c;
                c >>= 32;
            }

            return (uint)c;
        }

        /// <summary>r = r + (b AND mask) over <paramref name="count"/> limbs; returns the carry.</summary>
        internal static uint ConditionalAdd(uint[] r, uint[] b, int count, uint mask)
        {
            ulong c = 0;
            for (int i = 0; i < count; i++)
            {
                c += (ulong)r[i] + (b[i] & mask);
                r[i] = (uint)c;
                c >>= 32;
            }

            return (uint)c;
        }

        /// <summary>r = r + w over <paramref name="count"/> limbs (carry propagated through every limb); returns the carry.</summary>
        internal static uint AddWord(uint[] r, int count, uint w)
        {
            ulong c = w;
            for (int i = 0; i < count; i++)
            {
                c += r[i];
                r[i] = (uint)c;
                c >>= 32;
            }

            return (uint)c;
        }
    }
}
