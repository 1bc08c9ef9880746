using System;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// Raw samples from the ESP32 hardware RNG. On the ESP32 target, nanoFramework's <see cref="Random"/> is
    /// <c>esp_random()</c> (the seed is ignored; <c>NextBytes</c> takes one byte per read of the RNG register). A true RNG
    /// only while the radio is on: never used alone, only inside <see cref="Esp32EntropySource"/>.
    /// </summary>
    internal sealed class Esp32HardwareRng : IEntropySource
    {
        private readonly Random _rng = new Random();

        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (count < 0 || offset < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException();
            if (offset == 0 && count == buffer.Length)
            {
                // The health-tested source always asks for its whole sample array: no copy.
                _rng.NextBytes(buffer);
                return;
            }

            byte[] samples = new byte[count];
            _rng.NextBytes(samples);
            Array.Copy(samples, 0, buffer, offset, count);
            Array.Clear(samples, 0, count);
        }
    }
}
