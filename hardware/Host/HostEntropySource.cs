using System;
using System.Security.Cryptography;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Hardware.Host
{
    /// <summary>The emulated twin of the ESP32 hardware RNG: the operating system's CSPRNG.</summary>
    public sealed class HostEntropySource : IEntropySource
    {
        /// <inheritdoc />
        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
        }
    }
}
