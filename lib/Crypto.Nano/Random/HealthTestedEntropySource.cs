using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Mac;

namespace NanoMikey.Crypto.Random
{
    /// <summary>
    /// An entropy source built to NIST SP 800-90B around a raw noise source of 8-bit samples: start-up tests over 1024
    /// samples (§4.3), the repetition count and adaptive proportion tests on every sample (§4.4), oversampling, and
    /// HMAC-SHA-256 as the vetted conditioning component (§3.1.5.1.1). A failed health test is permanent and fails
    /// closed: no output, the requested range zeroed. Samples are read only while the noise source reports its
    /// entropic state (ESP32: radio on).
    /// </summary>
    /// <remarks>
    /// Assumed min-entropy: <see cref="AssumedEntropyBitsPerSample"/> = 2 bits per 8-bit sample (a quarter of the
    /// maximum; the ESP32 RNG is post-processed in hardware, so no estimate of its raw noise can be made from software).
    /// Each 32-byte output block conditions <see cref="SamplesPerBlock"/> = (256 + 64) / 2 = 160 samples: 64 bits more
    /// input entropy than output bits, so the output has full entropy (§3.1.5.1.2). The health tests catch a stuck or
    /// grossly biased source; a source that falls back to a deterministic generator looks random to them, which is why
    /// <see cref="INoiseSourceState"/> gates the reads. Allocation-free after construction; not thread-safe.
    /// </remarks>
    public sealed class HealthTestedEntropySource : IEntropySource
    {
        /// <summary>H: assumed min-entropy per 8-bit sample, in bits.</summary>
        public const int AssumedEntropyBitsPerSample = 2;

        /// <summary>Repetition count cutoff C = 1 + ⌈20 / H⌉ for α = 2^-20 (§4.4.1).</summary>
        public const int RepetitionCutoff = 11;

        /// <summary>Adaptive proportion window W for non-binary samples (§4.4.2).</summary>
        public const int AdaptiveWindow = 512;

        /// <summary>Adaptive proportion cutoff C = 1 + CRITBINOM(512, 2^-2, 1 − 2^-20) (§4.4.2).</summary>
        public const int AdaptiveCutoff = 177;

        /// <summary>Samples run through the health tests and discarded before the first output (§4.3 item 1).</summary>
        public const int StartupSamples = 1024;

        /// <summary>Conditioned output block, in bytes (HMAC-SHA-256 output).</summary>
        public const int BlockLength = 32;

        /// <summary>Raw samples conditioned into one output block: (8 × 32 + 64) / H.</summary>
        public const int SamplesPerBlock = (8 * BlockLength + 64) / AssumedEntropyBitsPerSample;

        private readonly IEntropySource _noise;
        private readonly INoiseSourceState? _state;
        private readonly RepetitionCountTest _rct = new RepetitionCountTest(RepetitionCutoff);
        private readonly AdaptiveProportionTest _apt = new AdaptiveProportionTest(AdaptiveWindow, AdaptiveCutoff);
        private readonly HmacSha256 _conditioner = new HmacSha256();
        private readonly byte[] _samples = new byte[SamplesPerBlock];
        private readonly byte[] _block = new byte[BlockLength];
        private EntropyStatus _failure;
        private bool _started;

        /// <summary>Wraps a raw noise source.</summary>
        /// <param name="noiseSource">Raw 8-bit samples (ESP32: the hardware RNG).</param>
        /// <param name="state">The noise source's operating state, or null when it is always entropic.</param>
        public HealthTestedEntropySource(IEntropySource noiseSource, INoiseSourceState? state)
        {
            if (noiseSource == null) throw new ArgumentNullException();
            _noise = noiseSource;
            _state = state;
            // §3.1.5.1.1: HMAC as a vetted conditioner; the key is a fixed public value (all zero).
            _conditioner.SetKey(_block, 0, BlockLength);
        }

        /// <summary>Ok, or the health test that failed (permanent).</summary>
        public EntropyStatus Status
        {
            get { return _failure; }
        }

        /// <summary>Fills <paramref name="count"/> bytes with full-entropy output.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns>Ok; otherwise the range is zeroed and the status says why (NotReady may be retried, failures may not).</returns>
        public EntropyStatus TryGetEntropy(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (count < 0 || offset < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException();
            EntropyStatus status = Fill(buffer, offset, count);
            if (status != EntropyStatus.Ok) Array.Clear(buffer, offset, count);
            return status;
        }

        /// <summary>Fills <paramref name="count"/> bytes with full-entropy output, for consumers without a status path (the DRBG).</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="count">Number of bytes.</param>
        /// <exception cref="InvalidOperationException">Not ready or a health test failed; the range is zeroed (fail closed).</exception>
        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            if (TryGetEntropy(buffer, offset, count) != EntropyStatus.Ok) throw new InvalidOperationException("No entropy.");
        }

        private EntropyStatus Fill(byte[] buffer, int offset, int count)
        {
            if (_failure != EntropyStatus.Ok) return _failure;
            if (!_started)
            {
                // §4.3: start-up tests on 1024 consecutive samples before any output; the samples are discarded.
                for (int i = 0; i < StartupSamples / SamplesPerBlock + 1; i++)
                {
                    EntropyStatus s = Collect();
                    if (s != EntropyStatus.Ok) return s;
                }

                _started = true;
            }

            while (count > 0)
            {
                EntropyStatus s = Collect();
                if (s != EntropyStatus.Ok) return s;
                _conditioner.Compute(_samples, 0, SamplesPerBlock, _block, 0, BlockLength);
                int n = count < BlockLength ? count : BlockLength;
                Array.Copy(_block, 0, buffer, offset, n);
                offset += n;
                count -= n;
            }

            Array.Clear(_samples, 0, SamplesPerBlock);
            Array.Clear(_block, 0, BlockLength);
            return EntropyStatus.Ok;
        }

        // Reads one block of samples and runs every sample through both continuous tests (§4.4).
        private EntropyStatus Collect()
        {
            if (_state != null && !_state.ProducesEntropy) return EntropyStatus.NotReady;
            _noise.GetEntropy(_samples, 0, SamplesPerBlock);
            for (int i = 0; i < SamplesPerBlock; i++)
            {
                byte sample = _samples[i];
                bool rct = _rct.Process(sample);
                bool apt = _apt.Process(sample);
                if (!rct) _failure = EntropyStatus.RepetitionCountFailure;
                else if (!apt) _failure = EntropyStatus.AdaptiveProportionFailure;
                if (_failure != EntropyStatus.Ok)
                {
                    Array.Clear(_samples, 0, SamplesPerBlock);
                    return _failure;
                }
            }

            return EntropyStatus.Ok;
        }
    }
}
