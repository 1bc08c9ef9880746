using System.Security.Cryptography;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Crypto.Tests.Random
{
    /// <summary>A raw noise source replaying a generated sample sequence, counting what was read.</summary>
    internal sealed class SequenceNoiseSource : IEntropySource
    {
        private readonly Func<long, byte> _sample;

        public SequenceNoiseSource(Func<long, byte> sample)
        {
            _sample = sample;
        }

        public long Position { get; private set; }

        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) buffer[offset + i] = _sample(Position++);
        }

        /// <summary>Good samples: SHA-256(seed ‖ block counter), as uniform as it gets, reproducible.</summary>
        public static byte Good(long i) => Good(i, 0);

        public static byte Good(long i, int seed)
        {
            var input = new byte[12];
            BitConverter.TryWriteBytes(input.AsSpan(0, 4), seed);
            BitConverter.TryWriteBytes(input.AsSpan(4, 8), i / 32);
            return SHA256.HashData(input)[i % 32];
        }

        /// <summary>The same samples the source produces, read without consuming it.</summary>
        public byte[] Peek(long from, int count)
        {
            var b = new byte[count];
            for (int i = 0; i < count; i++) b[i] = _sample(from + i);
            return b;
        }
    }

    /// <summary>The noise source's operating state, settable (the ESP32 radio).</summary>
    internal sealed class SwitchableState : INoiseSourceState
    {
        public bool On { get; set; } = true;

        public bool ProducesEntropy => On;
    }

    /// <summary>A seed store in memory: the flash of one emulated device across "reboots".</summary>
    internal sealed class MemorySeedStore : ISeedStore
    {
        public byte[]? Seed { get; set; }

        public bool FailWrites { get; set; }

        public int Writes { get; private set; }

        public bool Load(byte[] buffer, int offset, int length)
        {
            if (Seed == null || Seed.Length != length) return false;
            Array.Copy(Seed, 0, buffer, offset, length);
            return true;
        }

        public bool Store(byte[] buffer, int offset, int length)
        {
            if (FailWrites) return false;
            Seed = buffer.AsSpan(offset, length).ToArray();
            Writes++;
            return true;
        }
    }
}
