namespace NanoMikey.Rtsp.Message
{
    /// <summary>RTSP text is bytes (RFC 2326 §15.1: US-ASCII in the protocol elements): copies between bytes and strings.</summary>
    internal static class Ascii
    {
        internal static string ToText(byte[] b, int offset, int length)
        {
            char[] c = new char[length];
            for (int i = 0; i < length; i++) c[i] = (char)b[offset + i];
            return new string(c);
        }

        // Writes text's low bytes at p; returns the new position, or -1 when it does not fit before limit.
        internal static int Write(string text, byte[] b, int p, int limit)
        {
            if (p < 0 || limit - p < text.Length) return -1;
            for (int i = 0; i < text.Length; i++) b[p + i] = (byte)text[i];
            return p + text.Length;
        }

        // Writes a non-negative decimal at p; returns the new position, or -1 when it does not fit.
        internal static int WriteDecimal(long value, byte[] b, int p, int limit)
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

        internal static int WriteBytes(byte[] src, int offset, int length, byte[] b, int p, int limit)
        {
            if (p < 0 || limit - p < length) return -1;
            System.Array.Copy(src, offset, b, p, length);
            return p + length;
        }
    }
}
