using System;

namespace NanoMikey.Crypto.Random
{
    /// <summary>
    /// The adaptive proportion test of NIST SP 800-90B §4.4.2 over 8-bit samples: in each window of
    /// <see cref="Window"/> samples, fails when the window's first value occurs <see cref="Cutoff"/> times or more.
    /// The cutoff is C = 1 + CRITBINOM(W, 2^-H, 1 − α) for an assumed min-entropy of H bits per sample.
    /// </summary>
    public sealed class AdaptiveProportionTest
    {
        private readonly int _window;
        private readonly int _cutoff;
        private int _first;
        private int _count;
        private int _seen;

        /// <summary>Creates the test.</summary>
        /// <param name="window">Window size W (512 for non-binary samples, §4.4.2).</param>
        /// <param name="cutoff">Occurrences of the first value that signal a failure (2 to W).</param>
        public AdaptiveProportionTest(int window, int cutoff)
        {
            if (window < 2 || cutoff < 2 || cutoff > window) throw new ArgumentOutOfRangeException();
            _window = window;
            _cutoff = cutoff;
        }

        /// <summary>The window size W.</summary>
        public int Window
        {
            get { return _window; }
        }

        /// <summary>Occurrences of the window's first value that signal a failure.</summary>
        public int Cutoff
        {
            get { return _cutoff; }
        }

        /// <summary>Feeds one sample.</summary>
        /// <param name="sample">The next sample.</param>
        /// <returns>False when the window's first value has now occurred <see cref="Cutoff"/> times.</returns>
        public bool Process(byte sample)
        {
            if (_seen == 0)
            {
                // §4.4.2 steps 1-2: the window's first sample is A, B = 1.
                _first = sample;
                _count = 1;
                _seen = 1;
                return true;
            }

            if (sample == _first) _count++;
            _seen++;
            bool pass = _count < _cutoff;
            if (_seen == _window) _seen = 0;
            return pass;
        }

        /// <summary>Starts a new window with the next sample.</summary>
        public void Reset()
        {
            _seen = 0;
            _count = 0;
        }
    }
}
