namespace NanoMikey.Crypto.Hal
{
    /// <summary>
    /// Non-volatile storage for one seed that survives reboots (ESP32: a file on the internal flash file system; host: a
    /// file). It is defence in depth for the entropy source: a device whose noise source silently degrades still starts
    /// every boot from a different, secret state.
    /// </summary>
    public interface ISeedStore
    {
        /// <summary>Reads the stored seed.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="length">Seed length in bytes.</param>
        /// <returns>False when no seed of that length is stored or it cannot be read (first boot, erased flash).</returns>
        bool Load(byte[] buffer, int offset, int length);

        /// <summary>Replaces the stored seed and makes it durable before returning.</summary>
        /// <param name="buffer">Source buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="length">Seed length in bytes.</param>
        /// <returns>False when the write failed.</returns>
        bool Store(byte[] buffer, int offset, int length);
    }
}
