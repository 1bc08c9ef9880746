using System;

namespace NanoMikey.Mikey.Transport
{
    /// <summary>
    /// Strict base64 (RFC 4648 §4, the SDP grammar of RFC 4566/8866): standard alphabet, mandatory padding, no whitespace,
    /// unused trailing bits zero. Encodes and decodes into caller buffers; nothing else is allocated.
    /// </summary>
    public static class Base64
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        private static readonly char[] s_encode = Alphabet.ToCharArray();
        private static readonly sbyte[] s_decode = BuildDecodeTable();

        /// <summary>Number of characters that encode <paramref name="count"/> bytes.</summary>
        public static int GetEncodedLength(int count)
        {
            if (count < 0 || count > 0x5FFFFFFF)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            return (count + 2) / 3 * 4;
        }

        /// <summary>Encodes bytes into <paramref name="output"/> at <paramref name="outputOffset"/>; returns the characters written.</summary>
        /// <exception cref="ArgumentException">The output is too small.</exception>
        public static int Encode(byte[] data, int offset, int count, char[] output, int outputOffset)
        {
            CheckRange(data, offset, count);
            int n = GetEncodedLength(count);
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (outputOffset < 0 || outputOffset > output.Length - n)
            {
                throw new ArgumentException();
            }

            int o = outputOffset;
            int end = offset + count;
            int i = offset;
            for (; end - i >= 3; i += 3)
            {
                int v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
                output[o++] = s_encode[v >> 18];
                output[o++] = s_encode[(v >> 12) & 63];
                output[o++] = s_encode[(v >> 6) & 63];
                output[o++] = s_encode[v & 63];
            }

            if (end - i == 1)
            {
                int v = data[i] << 16;
                output[o++] = s_encode[v >> 18];
                output[o++] = s_encode[(v >> 12) & 63];
                output[o++] = '=';
                output[o++] = '=';
            }
            else if (end - i == 2)
            {
                int v = (data[i] << 16) | (data[i + 1] << 8);
                output[o++] = s_encode[v >> 18];
                output[o++] = s_encode[(v >> 12) & 63];
                output[o++] = s_encode[(v >> 6) & 63];
                output[o++] = '=';
            }

            return n;
        }

        /// <summary>Encodes bytes to a new string (the only allocation is the result).</summary>
        public static string Encode(byte[] data, int offset, int count)
        {
            var chars = new char[GetEncodedLength(count)];
            Encode(data, offset, count, chars, 0);
            return new string(chars);
        }

        /// <summary>Exact decoded length of <paramref name="length"/> characters of <paramref name="text"/>, or -1 when they are not valid base64.</summary>
        public static int GetDecodedLength(string text, int start, int length)
        {
            CheckRange(text, start, length);
            if (length % 4 != 0)
            {
                return -1;
            }

            if (length == 0)
            {
                return 0;
            }

            int pad = text[start + length - 1] == '=' ? (text[start + length - 2] == '=' ? 2 : 1) : 0;
            return length / 4 * 3 - pad;
        }

        /// <summary>Decodes base64 text into <paramref name="output"/>; returns the bytes written, or -1 when the text is not strict base64.</summary>
        /// <exception cref="ArgumentException">The output is too small for the decoded length.</exception>
        public static int Decode(string text, int start, int length, byte[] output, int outputOffset)
        {
            int n = GetDecodedLength(text, start, length);
            if (n < 0)
            {
                return -1;
            }

            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (outputOffset < 0 || outputOffset > output.Length - n)
            {
                throw new ArgumentException();
            }

            return Scan(text, start, length, output, outputOffset) ? n : -1;
        }

        /// <summary>
        /// Checks every character, the padding and the unused trailing bits without writing anything; returns the decoded
        /// length, or -1 when the text is not strict base64 (the test <see cref="Decode(string, int, int, byte[], int)"/> applies).
        /// </summary>
        public static int Validate(string text, int start, int length)
        {
            int n = GetDecodedLength(text, start, length);
            return n >= 0 && Scan(text, start, length, null, 0) ? n : -1;
        }

        // One pass for Decode and Validate: checks each quantum and writes it only when output is given.
        private static bool Scan(string text, int start, int length, byte[]? output, int o)
        {
            int end = start + length;
            for (int i = start; i < end; i += 4)
            {
                bool last = i + 4 == end;
                int a = Value(text[i]);
                int b = Value(text[i + 1]);
                int c = text[i + 2] == '=' && last ? -2 : Value(text[i + 2]);
                int d = text[i + 3] == '=' && last ? -2 : Value(text[i + 3]);
                if (a < 0 || b < 0 || c == -1 || d == -1 || (c == -2 && d != -2))
                {
                    return false;
                }

                // Strict: the unused low bits of the last character must be zero (canonical encoding, RFC 4648 §3.5).
                if ((c == -2 && (b & 15) != 0) || (c >= 0 && d == -2 && (c & 3) != 0))
                {
                    return false;
                }

                if (output != null)
                {
                    output[o] = (byte)((a << 2) | (b >> 4));
                    if (c >= 0)
                    {
                        output[o + 1] = (byte)((b << 4) | (c >> 2));
                    }

                    if (d >= 0)
                    {
                        output[o + 2] = (byte)((c << 6) | d);
                    }
                }

                o += 3;
            }

            return true;
        }

        private static int Value(char ch)
        {
            return ch < 128 ? s_decode[ch] : -1;
        }

        private static sbyte[] BuildDecodeTable()
        {
            var t = new sbyte[128];
            for (int i = 0; i < t.Length; i++)
            {
                t[i] = -1;
            }

            for (int i = 0; i < Alphabet.Length; i++)
            {
                t[Alphabet[i]] = (sbyte)i;
            }

            return t;
        }

        private static void CheckRange(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }

        private static void CheckRange(string text, int start, int length)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (start < 0 || length < 0 || start > text.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }
        }
    }
}
