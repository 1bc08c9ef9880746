namespace NanoMikey.Mikey.Codec
{
    /// <summary>Big-endian field access (RFC 3830 §1.3: network byte order, bit 0 is the most significant).</summary>
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

        internal static ulong ReadUInt64(byte[] b, int o)
        {
            return ((ulong)ReadUInt32(b, o) << 32) | ReadUInt32(b, o + 4);
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

        internal static void WriteUInt64(byte[] b, int o, ulong v)
        {
            WriteUInt32(b, o, (uint)(v >> 32));
            WriteUInt32(b, o + 4, (uint)v);
        }
    }
}
