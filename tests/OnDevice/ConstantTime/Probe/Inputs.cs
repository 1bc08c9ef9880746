using System;

namespace NanoMikey.OnDevice.ConstantTimeProbe
{
    /// <summary>
    /// Secret inputs: edge cases first (all-zero, all-ones, high bits, small scalars, scalars near n), then deterministic
    /// pseudo-random values (xorshift32, fixed seed, so a failure names the same input on every run).
    /// </summary>
    internal static class Inputs
    {
        /// <summary>Inputs per operation: at least 20 (issue 10 §3).</summary>
        public const int PerOperation = 24;

        /// <summary>P-256 group order n, big-endian.</summary>
        public static readonly byte[] N = Hex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

        private static uint s_state = 0x2545F491;

        public static uint NextUInt()
        {
            uint x = s_state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            s_state = x;
            return x;
        }

        public static void Random(byte[] b)
        {
            for (int i = 0; i < b.Length; i++) b[i] = (byte)NextUInt();
        }

        public static byte[] RandomBytes(int length)
        {
            var b = new byte[length];
            Random(b);
            return b;
        }

        public static byte[] Hex(string s)
        {
            var b = new byte[s.Length / 2];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)(Nibble(s[2 * i]) << 4 | Nibble(s[2 * i + 1]));
            return b;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return c - 'A' + 10;
        }

        private static byte[] Filled(int length, byte value)
        {
            var b = new byte[length];
            for (int i = 0; i < length; i++) b[i] = value;
            return b;
        }

        /// <summary>Symmetric keys (or other secret byte strings) of one length: edge cases, then random.</summary>
        public static byte[][] Keys(int length, int count, out string[] labels)
        {
            var keys = new byte[count][];
            labels = new string[count];
            int k = 0;
            Add(keys, labels, ref k, Filled(length, 0x00), "all-zero");
            Add(keys, labels, ref k, Filled(length, 0xFF), "all-ones");
            Add(keys, labels, ref k, Filled(length, 0x80), "0x80 bytes (high bits)");
            Add(keys, labels, ref k, Filled(length, 0x01), "0x01 bytes");
            byte[] b = new byte[length];
            b[0] = 0x80;
            Add(keys, labels, ref k, b, "only the top bit");
            b = new byte[length];
            b[length - 1] = 0x01;
            Add(keys, labels, ref k, b, "only the low bit");
            Add(keys, labels, ref k, Filled(length, 0x55), "0x55 bytes");
            Add(keys, labels, ref k, Filled(length, 0xAA), "0xAA bytes");
            b = new byte[length];
            for (int i = 0; i < length; i++) b[i] = (byte)i;
            Add(keys, labels, ref k, b, "00 01 02 ...");
            b = Filled(length, 0xFF);
            for (int i = 0; i < length / 2; i++) b[i] = 0;
            Add(keys, labels, ref k, b, "zero half, ones half");
            int r = 1;
            while (k < count)
            {
                Add(keys, labels, ref k, RandomBytes(length), "random #" + r);
                r++;
            }
            return keys;
        }

        /// <summary>Valid P-256 private scalars (32 bytes big-endian in [1, n-1]): edge cases, then random.</summary>
        public static byte[][] Scalars(int count, out string[] labels)
        {
            var s = new byte[count][];
            labels = new string[count];
            int k = 0;
            Add(s, labels, ref k, Small(1), "1");
            Add(s, labels, ref k, Small(2), "2");
            Add(s, labels, ref k, Small(3), "3");
            Add(s, labels, ref k, Small(16), "16");
            Add(s, labels, ref k, NMinus(1), "n-1");
            Add(s, labels, ref k, NMinus(2), "n-2");
            Add(s, labels, ref k, NMinus(3), "n-3");
            Add(s, labels, ref k, NMinus(0x100), "n-256");
            byte[] b = new byte[32];
            b[0] = 0x80;
            Add(s, labels, ref k, b, "2^255");
            b = Filled(32, 0xFF);
            b[0] = 0x7F;
            Add(s, labels, ref k, b, "2^255-1");
            b = new byte[32];
            for (int i = 16; i < 32; i++) b[i] = 0xFF;
            Add(s, labels, ref k, b, "2^128-1");
            b = new byte[32];
            b[15] = 0x01;
            Add(s, labels, ref k, b, "2^128");
            Add(s, labels, ref k, Filled(32, 0x55), "0x55..55");
            Add(s, labels, ref k, Filled(32, 0xAA), "0xAA..AA");
            b = Hex("FFFFFFFF00000000FFFFFFFFFFFFFFFF00000000000000000000000000000000");
            Add(s, labels, ref k, b, "top 128 bits of n");
            b = NMinus(1);
            HalveInPlace(b);
            Add(s, labels, ref k, b, "(n-1)/2");
            int r = 1;
            while (k < count)
            {
                b = RandomBytes(32);
                if (LessThanN(b) && !IsZero(b))
                {
                    Add(s, labels, ref k, b, "random #" + r);
                    r++;
                }
            }
            return s;
        }

        /// <summary>A random valid scalar (for fixed public keys of the peer).</summary>
        public static byte[] RandomScalar()
        {
            while (true)
            {
                byte[] b = RandomBytes(32);
                if (LessThanN(b) && !IsZero(b)) return b;
            }
        }

        private static void Add(byte[][] list, string[] labels, ref int k, byte[] value, string label)
        {
            if (k >= list.Length) return;
            list[k] = value;
            labels[k] = label;
            k++;
        }

        private static byte[] Small(int v)
        {
            var b = new byte[32];
            b[31] = (byte)v;
            b[30] = (byte)(v >> 8);
            return b;
        }

        private static byte[] NMinus(int v)
        {
            var b = new byte[32];
            Array.Copy(N, b, 32);
            int borrow = v;
            for (int i = 31; i >= 0 && borrow != 0; i--)
            {
                int x = b[i] - (borrow & 0xFF);
                borrow >>= 8;
                if (x < 0)
                {
                    x += 256;
                    borrow++;
                }
                b[i] = (byte)x;
            }
            return b;
        }

        private static void HalveInPlace(byte[] b)
        {
            int carry = 0;
            for (int i = 0; i < b.Length; i++)
            {
                int x = b[i];
                b[i] = (byte)((x >> 1) | (carry << 7));
                carry = x & 1;
            }
        }

        private static bool LessThanN(byte[] b)
        {
            for (int i = 0; i < 32; i++)
            {
                if (b[i] != N[i]) return b[i] < N[i];
            }
            return false;
        }

        private static bool IsZero(byte[] b)
        {
            for (int i = 0; i < b.Length; i++) if (b[i] != 0) return false;
            return true;
        }
    }
}
