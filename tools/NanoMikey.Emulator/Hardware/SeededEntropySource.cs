using System;
using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Emulator.Hardware
{
    /// <summary>
    /// Reproducible "entropy" for an emulated device: SHA-256 in counter mode over (seed, device name), block i =
    /// SHA-256(seed as 8 bytes big-endian ‖ UTF-8 name ‖ i as 8 bytes big-endian), so a run with the same seed draws the same
    /// keys, nonces and SSRCs. Not entropy at all: real devices seed their DRBG from the health-tested hardware RNG.
    /// </summary>
    public sealed class SeededEntropySource : IEntropySource
    {
        private readonly byte[] _input;
        private readonly byte[] _block = new byte[32];
        private int _used = 32;
        private ulong _counter;

        /// <summary>Creates the source.</summary>
        /// <param name="seed">The run's seed.</param>
        /// <param name="deviceName">The device's name (different devices draw different streams).</param>
        public SeededEntropySource(long seed, string deviceName)
        {
            ArgumentNullException.ThrowIfNull(deviceName);
            byte[] name = Encoding.UTF8.GetBytes(deviceName);
            _input = new byte[8 + name.Length + 8];
            for (int i = 0; i < 8; i++) _input[i] = (byte)(seed >> (56 - 8 * i));
            Array.Copy(name, 0, _input, 8, name.Length);
        }

        /// <summary>Bytes handed out so far.</summary>
        public long BytesDrawn { get; private set; }

        /// <inheritdoc />
        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            if (count < 0 || offset < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException(nameof(offset));
            for (int i = 0; i < count; i++)
            {
                if (_used == 32) NextBlock();
                buffer[offset + i] = _block[_used++];
            }
            BytesDrawn += count;
        }

        private void NextBlock()
        {
            int at = _input.Length - 8;
            for (int i = 0; i < 8; i++) _input[at + i] = (byte)(_counter >> (56 - 8 * i));
            _counter++;
            SHA256.HashData(_input, _block);
            _used = 0;
        }
    }
}
