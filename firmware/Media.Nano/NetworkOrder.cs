namespace NanoMikey.Media
{
    /// <summary>Big-endian ("network byte order", RFC 3550 §4) field access; callers check ranges first.</summary>
    internal static class NetworkOrder
    {
        internal static int ReadUInt16(byte[] b, int o)
        {
            return (b[o] << 8) | b[o + 1];
        }

        internal static uint ReadUInt32(byte[] b, int o)
        {
            return ((uint)b[o] << 24) | ((uint)b[o + 1] << 16) | ((uint)b[o + 2] << 8) | b[o + 3];
        }

        internal static void WriteUInt16(byte[] b, int o, int v)
        {
            b[o] = (byte)(v >> 8);
            b[o + 1] = (byte)v;
        }

        internal static void WriteUInt32(byte[] b, int o, uint v)
        {
            b[o] = (byte)(v >> 24);
            b[o + 1] = (byte)(v >> 16);
            b[o + 2] = (byte)(v >> 8);
            b[o + 3] = (byte)v;
        }

        /// <summary>True when [offset, offset + count) lies inside <paramref name="b"/> (no overflow on large values).</summary>
        internal static bool InRange(byte[] b, int offset, int count)
        {
            return b != null && offset >= 0 && count >= 0 && offset <= b.Length - count;
        }
    }
}
