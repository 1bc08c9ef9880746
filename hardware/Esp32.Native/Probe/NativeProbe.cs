using System.Runtime.CompilerServices;

namespace NanoMikey.Esp32.Native.Probe
{
    /// <summary>
    /// Asks the firmware image which native crypto pack it carries. Frozen: this extern never changes, so its native
    /// checksum is the same in every image and every application, and calling it can never make nanoCLR refuse start-up.
    /// On an image without the pack (stock nanoFramework) <see cref="Describe"/> throws NotSupportedException.
    /// </summary>
    public static class NativeProbe
    {
        /// <summary>
        /// Writes a description of the pack compiled into the image at <paramref name="buffer"/>[<paramref name="offset"/>..]:
        /// ASCII lines "key=value\n", in this order, more keys may follow in later images (ignore unknown ones):
        /// <c>format=1</c>; <c>assembly=</c>the interop assembly name with its ABI generation (e.g.
        /// NanoMikey.Esp32.NativeCrypto1); <c>generation=</c>decimal; <c>checksum=0x</c>8 upper-case hex digits, the
        /// native checksum the image's glue carries; <c>nativeVersion=</c>a.b.c.d; <c>mbedtls=</c>a.b.c (mbedTLS the image
        /// was compiled with); <c>engines=</c>comma-separated hardware engines used by mbedTLS (aes, sha, mpi, gcm) or
        /// "none".
        /// </summary>
        /// <param name="buffer">Output buffer; 256 bytes from <paramref name="offset"/> are always enough for format 1.</param>
        /// <param name="offset">Where the text starts.</param>
        /// <returns>
        /// The number of bytes written; when the room from <paramref name="offset"/> to the end of the buffer is too small,
        /// minus the number of bytes needed, and nothing is written.
        /// </returns>
        /// <exception cref="System.NullReferenceException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="System.IndexOutOfRangeException"><paramref name="offset"/> is outside [0, buffer.Length].</exception>
        /// <exception cref="System.NotSupportedException">The image carries no native crypto pack.</exception>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Describe(byte[] buffer, int offset);
    }
}
