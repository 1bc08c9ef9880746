using System;

namespace NanoMikey.Crypto.Random
{
    /// <summary>
    /// The repetition count test of NIST SP 800-90B §4.4.1 over 8-bit samples: fails when one value repeats
    /// <see cref="Cutoff"/> times in a row. For a false-alarm probability α = 2^-20 and an assumed min-entropy of H bits
    /// per sample, the cutoff is C = 1 + ⌈20 / H⌉.
    /// </summary>
    public sealed class RepetitionCountTest
    {
        private readonly int _cutoff;
        private int _last = -1;
        private int _run;

        /// <summary>Creates the test.</summary>
        /// <param name="cutoff">Run length that signals a failure (at least 2).</param>
        public RepetitionCountTest(int cutoff)
        {
            if (cutoff < 2) throw new ArgumentOutOfRangeException();
            _cutoff = cutoff;
        }

        /// <summary>The run length that signals a failure.</summary>
        public int Cutoff
        {
            get { return _cutoff; }
        }

        /// <summary>Feeds one sample.</summary>
        /// <param name="sample">The next sample.</param>
        /// <returns>False when the current run has reached the cutoff (§4.4.1 step 2b).</returns>
        public bool Process(byte sample)
        {
            if (sample == _last)
            {
                _run++;
                return _run < _cutoff;
            }

            _last = sample;
            _run = 1;
            return true;
        }

        /// <summary>Forgets the current run (a new, independent sequence follows).</summary>
        public void Reset()
        {
            _last = -1;
            _run = 0;
        }
    }
}
