namespace NanoMikey.Crypto.Hal
{
    /// <summary>Raw entropy for seeding the project's DRBG (ESP32: the hardware RNG; host: the OS CSPRNG).</summary>
    public interface IEntropySource
    {
        /// <summary>Fills <paramref name="count"/> bytes of <paramref name="buffer"/> with entropy.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="count">Number of bytes.</param>
        void GetEntropy(byte[] buffer, int offset, int count);
    }
}
