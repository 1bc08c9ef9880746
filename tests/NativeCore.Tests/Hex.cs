namespace NanoMikey.NativeCore.Tests
{
    internal static class HexText
    {
        internal static string Of(byte[] b, int off, int len) => Convert.ToHexString(b, off, len).ToLowerInvariant();

        internal static string Of(byte[] b) => Convert.ToHexString(b).ToLowerInvariant();
    }
}
