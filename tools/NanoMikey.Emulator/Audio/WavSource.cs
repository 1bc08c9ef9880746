using System;
using NanoMikey.Firmware.Hal;

namespace NanoMikey.Emulator.Audio
{
    /// <summary>A microphone that plays a WAV file (16-bit mono 8 kHz), then silence, or from the start again when looping.</summary>
    public sealed class WavSource : IAudioSource
    {
        private readonly short[] _samples;
        private readonly bool _loop;
        private int _position;

        /// <summary>Loads <paramref name="path"/> (see <see cref="WavFile.Read"/> for what it accepts).</summary>
        /// <param name="path">WAV file.</param>
        /// <param name="loop">Start again at the end instead of going silent.</param>
        public WavSource(string path, bool loop = false)
            : this(WavFile.Read(path), loop)
        {
        }

        /// <summary>Plays samples already in memory.</summary>
        /// <param name="samples">The samples (kept, not copied).</param>
        /// <param name="loop">Start again at the end instead of going silent.</param>
        public WavSource(short[] samples, bool loop = false)
        {
            ArgumentNullException.ThrowIfNull(samples);
            _samples = samples;
            _loop = loop && samples.Length > 0;
        }

        /// <summary>The file's samples.</summary>
        public ReadOnlyMemory<short> Samples => _samples;

        /// <inheritdoc />
        public void Read(short[] samples, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(samples);
            if (count < 0 || offset < 0 || offset > samples.Length - count) throw new ArgumentOutOfRangeException(nameof(offset));
            for (int i = 0; i < count; i++)
            {
                if (_position == _samples.Length)
                {
                    if (!_loop)
                    {
                        Array.Clear(samples, offset + i, count - i);
                        return;
                    }
                    _position = 0;
                }
                samples[offset + i] = _samples[_position++];
            }
        }
    }
}
