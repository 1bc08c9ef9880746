using System;

namespace NanoMikey.Net.Text
{
    /// <summary>
    /// Text protocols on the device (RTSP, SIP, SDP) are bytes on the wire: copies between bytes and strings, one byte per
    /// char (Latin-1, so a UTF-8 reason phrase round-trips byte for byte), into caller buffers with a limit.
    /// </summary>
    public static class AsciiText
    {
        /// <summary>The bytes as a string, each byte one char.</summary>
        /// <param name="b">Source buffer.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="length">Byte count (0 or less gives the empty string).</param>
        /// <returns>A new string (allocates).</returns>
        public static string ToText(byte[] b, int offset, int length)
        {
            if (length <= 0) return string.Empty;
            char[] c = new char[length];
            for (int i = 0; i < length; i++) c[i] = (char)b[offset + i];
            return new string(c);
        }

        /// <summary>Writes the low byte of each char of <paramref name="text"/> at <paramref name="p"/>.</summary>
        /// <param name="text">Text.</param>
        /// <param name="b">Destination buffer.</param>
        /// <param name="p">Position.</param>
        /// <param name="limit">End of the room (exclusive).</param>
        /// <returns>The new position, or -1 when it does not fit (nothing written).</returns>
        public static int Write(string text, byte[] b, int p, int limit)
        {
            if (p < 0 || limit - p < text.Length) return -1;
            for (int i = 0; i < text.Length; i++) b[p + i] = (byte)text[i];
            return p + text.Length;
        }

        /// <summary>Writes a non-negative decimal number at <paramref name="p"/>.</summary>
        /// <param name="value">Value (negative does not fit).</param>
        /// <param name="b">Destination buffer.</param>
        /// <param name="p">Position.</param>
        /// <param name="limit">End of the room (exclusive).</param>
        /// <returns>The new position, or -1 when it does not fit (nothing written).</returns>
        public static int WriteDecimal(long value, byte[] b, int p, int limit)
        {
            if (p < 0 || value < 0) return -1;
            int digits = 1;
            for (long v = value; v >= 10; v /= 10) digits++;
            if (limit - p < digits) return -1;
            for (int i = digits - 1; i >= 0; i--)
            {
                b[p + i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            return p + digits;
        }

        /// <summary>Copies bytes at <paramref name="p"/>.</summary>
        /// <param name="src">Source buffer.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="length">Byte count.</param>
        /// <param name="b">Destination buffer.</param>
        /// <param name="p">Position.</param>
        /// <param name="limit">End of the room (exclusive).</param>
        /// <returns>The new position, or -1 when it does not fit (nothing written).</returns>
        public static int WriteBytes(byte[] src, int offset, int length, byte[] b, int p, int limit)
        {
            if (p < 0 || length < 0 || limit - p < length) return -1;
            Array.Copy(src, offset, b, p, length);
            return p + length;
        }
    }
}
