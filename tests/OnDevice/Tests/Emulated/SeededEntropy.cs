using NanoMikey.Crypto.Hal;

namespace NanoMikey.OnDevice.Emulated
{
    /// <summary>Deterministic "entropy" for emulated devices (a seeded byte counter): reproducible runs, never a real device.</summary>
    internal sealed class SeededEntropy : IEntropySource
    {
        private byte _next;

        public SeededEntropy(byte seed)
        {
            _next = seed;
        }

        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) buffer[offset + i] = (byte)(_next++ * 167 + 13);
        }
    }
}
