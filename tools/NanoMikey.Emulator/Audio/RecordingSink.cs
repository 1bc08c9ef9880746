using System;
using NanoMikey.Firmware.Hal;

namespace NanoMikey.Emulator.Audio
{
    /// <summary>A speaker that keeps everything played in memory (growing by doubling: no allocation per frame once warm), and saves it as WAV.</summary>
    public sealed class RecordingSink : IAudioSink
    {
        private short[] _samples;

        /// <summary>Creates the sink.</summary>
        /// <param name="initialCapacity">Samples to reserve (default 10 s at 8 kHz).</param>
        public RecordingSink(int initialCapacity = 80000)
        {
            if (initialCapacity < 0) throw new ArgumentOutOfRangeException(nameof(initialCapacity));
            _samples = new short[Math.Max(initialCapacity, 160)];
        }

        /// <summary>Samples recorded.</summary>
        public int Count { get; private set; }

        /// <summary>The recorded samples (a view; valid until the next write).</summary>
        public ReadOnlySpan<short> Samples => _samples.AsSpan(0, Count);

        /// <inheritdoc />
        public void Write(short[] samples, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(samples);
            if (count < 0 || offset < 0 || offset > samples.Length - count) throw new ArgumentOutOfRangeException(nameof(offset));
            if (Count + count > _samples.Length) Array.Resize(ref _samples, Math.Max(Count + count, 2 * _samples.Length));
            Array.Copy(samples, offset, _samples, Count, count);
            Count += count;
        }

        /// <summary>A copy of the recorded samples.</summary>
        /// <returns>The samples.</returns>
        public short[] ToArray() => Samples.ToArray();

        /// <summary>Writes the recording as a 16-bit mono 8 kHz WAV file.</summary>
        /// <param name="path">File path (replaced).</param>
        public void Save(string path) => WavFile.Write(path, _samples, Count);
    }
}
