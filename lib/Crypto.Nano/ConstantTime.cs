using System;

namespace NanoMikey.Crypto
{
    /// <summary>Comparisons whose running time does not depend on the secret bytes compared (MACs, tags, keys).</summary>
    public static class ConstantTime
    {
        /// <summary>
        /// Compares two ranges of equal length in time that depends only on <paramref name="length"/>. Two empty ranges are
        /// not equal: a MAC or tag compare of 0 bytes would accept anything, so it fails here rather than in every caller.
        /// </summary>
        /// <param name="a">First buffer.</param>
        /// <param name="aOffset">Offset in <paramref name="a"/>.</param>
        /// <param name="b">Second buffer.</param>
        /// <param name="bOffset">Offset in <paramref name="b"/>.</param>
        /// <param name="length">Number of bytes compared.</param>
        /// <returns>True when <paramref name="length"/> is at least 1 and all bytes are equal.</returns>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range lies outside its buffer.</exception>
        public static bool AreEqual(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            if (a == null) throw new ArgumentNullException(nameof(a));
            if (b == null) throw new ArgumentNullException(nameof(b));
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            if (aOffset < 0 || aOffset > a.Length - length) throw new ArgumentOutOfRangeException(nameof(aOffset));
            if (bOffset < 0 || bOffset > b.Length - length) throw new ArgumentOutOfRangeException(nameof(bOffset));
            // The length is public (the tag size), so this branch leaks nothing.
            if (length == 0) return false;
            int diff = 0;
            for (int i = 0; i < length; i++)
            {
                diff |= a[aOffset + i] ^ b[bOffset + i];
            }
            // Fold to 0/1 without a data-dependent branch before the single final comparison.
            return ((diff - 1) >> 8 & 1) == 1;
        }
    }
}
