using System;
using NanoMikey.Firmware.Hal;

namespace NanoMikey.Emulator.Audio
{
    /// <summary>Wraps a microphone and keeps a copy of what the device read from it: the "sent" side of an SNR measurement.</summary>
    public sealed class RecordingSource : IAudioSource
    {
        private readonly IAudioSource _inner;
        private readonly RecordingSink _copy;

        /// <summary>Wraps <paramref name="inner"/>.</summary>
        /// <param name="inner">The real source.</param>
        /// <param name="initialCapacity">Samples to reserve (default 10 s at 8 kHz).</param>
        public RecordingSource(IAudioSource inner, int initialCapacity = 80000)
        {
            ArgumentNullException.ThrowIfNull(inner);
            _inner = inner;
            _copy = new RecordingSink(initialCapacity);
        }

        /// <summary>Samples read so far.</summary>
        public int Count => _copy.Count;

        /// <summary>What was read (a view; valid until the next read).</summary>
        public ReadOnlySpan<short> Samples => _copy.Samples;

        /// <inheritdoc />
        public void Read(short[] samples, int offset, int count)
        {
            _inner.Read(samples, offset, count);
            _copy.Write(samples, offset, count);
        }

        /// <summary>A copy of what was read.</summary>
        /// <returns>The samples.</returns>
        public short[] ToArray() => _copy.ToArray();

        /// <summary>Writes what was read as a WAV file.</summary>
        /// <param name="path">File path (replaced).</param>
        public void Save(string path) => _copy.Save(path);
    }
}
