using System;
using NanoMikey.Firmware.Hal;

namespace NanoMikey.Emulator.Audio
{
    /// <summary>
    /// A synthetic microphone: a sine, two tones, or a repeating linear chirp at 8 kHz. A pure sine repeats every period,
    /// so aligning received against sent audio is ambiguous by whole periods (harmless for a steady tone's SNR); a chirp
    /// whose period is longer than the lag search range aligns exactly.
    /// </summary>
    public sealed class ToneSource : IAudioSource
    {
        private readonly ToneShape _shape;
        private readonly double _f1;
        private readonly double _f2;
        private readonly double _amplitude;
        private readonly long _periodSamples;
        private long _position;

        /// <summary>Creates the source.</summary>
        /// <param name="shape">Waveform.</param>
        /// <param name="frequencyHz">The (first) frequency in Hz, below 4000.</param>
        /// <param name="amplitude">Peak amplitude as a fraction of full scale (0..1).</param>
        /// <param name="secondFrequencyHz">Second tone, or the chirp's end frequency, in Hz.</param>
        /// <param name="chirpPeriodSeconds">Chirp period in seconds.</param>
        public ToneSource(ToneShape shape = ToneShape.Sine, double frequencyHz = 440, double amplitude = 0.5, double secondFrequencyHz = 1000,
            double chirpPeriodSeconds = 1.0)
        {
            if (!(frequencyHz > 0 && frequencyHz < 4000) || !(secondFrequencyHz > 0 && secondFrequencyHz < 4000))
                throw new ArgumentOutOfRangeException(nameof(frequencyHz), "frequencies must be in (0, 4000) Hz");
            if (!(amplitude >= 0 && amplitude <= 1)) throw new ArgumentOutOfRangeException(nameof(amplitude));
            if (!(chirpPeriodSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(chirpPeriodSeconds));
            _shape = shape;
            _f1 = frequencyHz;
            _f2 = secondFrequencyHz;
            _amplitude = amplitude * 32767;
            _periodSamples = Math.Max(1, (long)Math.Round(chirpPeriodSeconds * WavFile.SampleRate));
        }

        /// <summary>Samples produced so far.</summary>
        public long Position => _position;

        /// <inheritdoc />
        public void Read(short[] samples, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(samples);
            if (count < 0 || offset < 0 || offset > samples.Length - count) throw new ArgumentOutOfRangeException(nameof(offset));
            for (int i = 0; i < count; i++) samples[offset + i] = Sample(_position++);
        }

        /// <summary>The waveform's sample <paramref name="n"/> (what the source returns as its n-th sample).</summary>
        /// <param name="n">Sample index from 0.</param>
        /// <returns>The sample.</returns>
        public short Sample(long n)
        {
            double v;
            switch (_shape)
            {
                case ToneShape.TwoTone:
                    double t2 = (double)n / WavFile.SampleRate;
                    v = 0.5 * (Math.Sin(2 * Math.PI * _f1 * t2) + Math.Sin(2 * Math.PI * _f2 * t2));
                    break;
                case ToneShape.Chirp:
                    // Phase 2π(f1·t + (f2 − f1)·t²/(2T)) within each period T.
                    double t = (double)(n % _periodSamples) / WavFile.SampleRate;
                    double period = (double)_periodSamples / WavFile.SampleRate;
                    v = Math.Sin(2 * Math.PI * (_f1 * t + (_f2 - _f1) * t * t / (2 * period)));
                    break;
                default:
                    v = Math.Sin(2 * Math.PI * _f1 * n / WavFile.SampleRate);
                    break;
            }
            return (short)Math.Round(v * _amplitude);
        }
    }
}
