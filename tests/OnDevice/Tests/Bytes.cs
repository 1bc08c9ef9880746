using System;
using nanoFramework.TestFramework;

namespace NanoMikey.OnDevice
{
    /// <summary>Byte comparisons and hex for test messages.</summary>
    internal static class Bytes
    {
        private const string Digits = "0123456789abcdef";

        public static bool Equal(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[aOffset + i] != b[bOffset + i]) return false;
            }
            return true;
        }

        public static bool Equal(byte[] a, byte[] b) => a.Length == b.Length && Equal(a, 0, b, 0, a.Length);

        public static bool AllZero(byte[] a)
        {
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != 0) return false;
            }
            return true;
        }

        public static string Hex(byte[] b, int offset, int length)
        {
            var c = new char[length * 2];
            for (int i = 0; i < length; i++)
            {
                c[2 * i] = Digits[b[offset + i] >> 4];
                c[2 * i + 1] = Digits[b[offset + i] & 15];
            }
            return new string(c);
        }

        /// <summary>Asserts that <paramref name="actual"/>[offset..offset+expected.Length) equals <paramref name="expected"/>.</summary>
        public static void AssertEqual(byte[] expected, byte[] actual, int offset, int length, string what)
        {
            if (length != expected.Length || !Equal(expected, 0, actual, offset, length))
            {
                Assert.IsTrue(false, what + ": expected " + Hex(expected, 0, expected.Length) + " got " + Hex(actual, offset, length));
            }
        }

        public static byte[] Ascii(string s)
        {
            var b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
            return b;
        }
    }
}
