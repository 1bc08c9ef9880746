using System;

namespace NanoMikey.BigNum.Arithmetic
{
    /// <summary>
    /// Conversions and moves for unsigned integers held as little-endian 32-bit limbs (limb 0 least significant). Loops
    /// depend only on the limb counts and byte lengths passed in, never on limb values, except where a member says
    /// "variable time" (used on public values only).
    /// </summary>
    internal static class Limbs
    {
        /// <summary>
        /// Loads the low <paramref name="count"/>*4 bytes of a big-endian integer into limbs; bytes above them are ignored
        /// (the caller checks them with <see cref="HighBytesZero"/>).
        /// </summary>
        internal static void FromBytes(uint[] destination, int count, byte[] source, int offset, int length)
        {
            int end = offset + length;
            for (int i = 0; i < count; i++)
            {
                uint w = 0;
                int pos = end - 1 - (i << 2);
                for (int b = 0; b < 4; b++)
                {
                    if (pos - b >= offset)
                    {
                        w |= (uint)source[pos - b] << (b << 3);
                    }
                }

                destination[i] = w;
            }
        }

        /// <summary>Mask: all ones when the bytes of a big-endian integer above its low <paramref name="keep"/> bytes are zero.</summary>
        internal static uint HighBytesZero(byte[] source, int offset, int length, int keep)
        {
            uint acc = 0;
            for (int i = offset; i < offset + length - keep; i++)
            {
                acc |= source[i];
            }

            return ZeroMask(acc);
        }

        /// <summary>Writes the low <paramref name="length"/> bytes of the value big-endian, zero-padded above <paramref name="count"/> limbs.</summary>
        internal static void ToBytes(uint[] source, int count, byte[] destination, int offset, int length)
        {
            for (int j = 0; j < length; j++)
            {
                int limb = j >> 2;
                destination[offset + length - 1 - j] = limb < count ? (byte)(source[limb] >> ((j & 3) << 3)) : (byte)0;
            }
        }

        /// <summary>Number of significant bits (0 for zero). Variable time: public values only.</summary>
        internal static int BitLength(uint[] a, int count)
        {
            for (int i = count - 1; i >= 0; i--)
            {
                uint w = a[i];
                if (w != 0)
                {
                    int bits = 0;
                    while (w != 0)
                    {
                        bits++;
                        w >>= 1;
                    }

                    return (i << 5) + bits;
                }
            }

            return 0;
        }

        /// <summary>Offset of the first non-zero byte of a big-endian integer (offset + length when zero). Variable time: public values only.</summary>
        internal static int SkipLeadingZeros(byte[] source, int offset, int length)
        {
            int i = offset;
            while (i < offset + length && source[i] == 0)
            {
                i++;
            }

            return i;
        }

        /// <summary>Number of significant bits of a big-endian integer. Variable time: public values only.</summary>
        internal static int BitLength(byte[] source, int offset, int length)
        {
            int start = SkipLeadingZeros(source, offset, length);
            if (start == offset + length)
            {
                return 0;
            }

            int bits = 0;
            for (int w = source[start]; w != 0; w >>= 1)
            {
                bits++;
            }

            return ((offset + length - start - 1) << 3) + bits;
        }

        /// <summary>Mask: all ones when <paramref name="x"/> is zero, else zero.</summary>
        internal static uint ZeroMask(uint x)
        {
            return ((x | (0u - x)) >> 31) - 1u;
        }

        /// <summary>a = a * 2 over <paramref name="count"/> limbs, shifting <paramref name="bitIn"/> (0 or 1) in; returns the bit shifted out.</summary>
        internal static uint ShiftLeft1(uint[] a, int count, uint bitIn)
        {
            uint carry = bitIn;
            for (int i = 0; i < count; i++)
            {
                uint w = a[i];
                a[i] = (w << 1) | carry;
                carry = w >> 31;
            }

            return carry;
        }

        /// <summary>a = a / 2 over <paramref name="count"/> limbs, shifting <paramref name="bitIn"/> (0 or 1) into the top bit.</summary>
        internal static void ShiftRight1(uint[] a, int count, uint bitIn)
        {
            uint carry = bitIn << 31;
            for (int i = count - 1; i >= 0; i--)
            {
                uint w = a[i];
                a[i] = (w >> 1) | carry;
                carry = w << 31;
            }
        }

        /// <summary>destination = mask ? a : b, limb by limb (mask all ones or zero). Any argument may alias another.</summary>
        internal static void Select(uint[] destination, uint[] a, uint[] b, int count, uint mask)
        {
            for (int i = 0; i < count; i++)
            {
                destination[i] = (a[i] & mask) | (b[i] & ~mask);
            }
        }

        /// <summary>Sets the value to the small integer <paramref name="value"/>.</summary>
        internal static void SetWord(uint[] a, int count, uint value)
        {
            Array.Clear(a, 0, count);
            a[0] = value;
        }
    }
}
