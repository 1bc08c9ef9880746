namespace NanoMikey.Rsa
{
    /// <summary>
    /// Branch-free masks for the decoders: all-ones (-1) for true, 0 for false, so a secret condition selects data
    /// without a data-dependent branch or memory access (RFC 8017 §7.1.2 Note, §7.2.2 Note).
    /// </summary>
    internal static class ConstantTimeMask
    {
        /// <summary>-1 when <paramref name="x"/> is 0, else 0.</summary>
        internal static int IsZero(int x)
        {
            // x | -x has its sign bit set for every x except 0.
            return ~((x | -x) >> 31);
        }

        /// <summary>-1 when <paramref name="a"/> equals <paramref name="b"/>, else 0.</summary>
        internal static int Equal(int a, int b)
        {
            return IsZero(a ^ b);
        }

        /// <summary>-1 when <paramref name="a"/> &lt; <paramref name="b"/>; both non-negative (a - b cannot overflow).</summary>
        internal static int LessThan(int a, int b)
        {
            return (a - b) >> 31;
        }

        /// <summary><paramref name="a"/> where <paramref name="mask"/> is -1, <paramref name="b"/> where it is 0.</summary>
        internal static int Select(int mask, int a, int b)
        {
            return (a & mask) | (b & ~mask);
        }
    }
}
