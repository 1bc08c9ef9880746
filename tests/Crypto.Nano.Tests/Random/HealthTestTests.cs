using System.Numerics;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Crypto.Tests.Random
{
    /// <summary>NIST SP 800-90B §4.4 health tests: cutoffs from the standard's formulas, and each test's boundary.</summary>
    public class HealthTestTests
    {
        private const int AlphaExponent = 20; // α = 2^-20, §4.4

        // §4.4.2: C = 1 + CRITBINOM(W, 2^-H, 1 - α), computed exactly: the smallest k with
        // P(X <= k) >= 1 - α, i.e. 2^20 · Σ_{i<=k} C(W,i)(2^H - 1)^(W-i) >= (2^20 - 1) · 2^(H·W).
        private static int AptCutoff(int window, int h)
        {
            BigInteger total = BigInteger.Pow(2, h * window) * ((BigInteger.One << AlphaExponent) - 1);
            BigInteger sum = 0;
            BigInteger binom = 1;
            for (int k = 0; k <= window; k++)
            {
                if (k > 0) binom = binom * (window - k + 1) / k;
                sum += binom * BigInteger.Pow((BigInteger.One << h) - 1, window - k);
                if ((sum << AlphaExponent) >= total) return 1 + k;
            }

            throw new InvalidOperationException();
        }

        [Fact]
        public void Cutoffs_FollowSp80090B_ForTheStatedEntropy()
        {
            int h = HealthTestedEntropySource.AssumedEntropyBitsPerSample;
            // §4.4.1: C = 1 + ceil(-log2(α) / H).
            Assert.True(HealthTestedEntropySource.RepetitionCutoff == 1 + (AlphaExponent + h - 1) / h);
            Assert.Equal(512, HealthTestedEntropySource.AdaptiveWindow);
            Assert.True(HealthTestedEntropySource.AdaptiveCutoff == AptCutoff(512, h));
            // The exact computation against values published for other entropies (H = 1: 311 / H = 8: 13 at W = 512).
            Assert.Equal(311, AptCutoff(512, 1));
            Assert.Equal(13, AptCutoff(512, 8));
            // Oversampling: (256 + 64) bits of input entropy per 256-bit output block, and at least 64 samples per seed.
            Assert.Equal(256 + 64, HealthTestedEntropySource.SamplesPerBlock * h);
            Assert.True(HealthTestedEntropySource.SamplesPerBlock >= 64);
        }

        [Fact]
        public void RepetitionCount_FailsExactlyAtTheCutoff()
        {
            var rct = new RepetitionCountTest(11);
            Assert.True(rct.Process(1));
            for (int i = 0; i < 9; i++) Assert.True(rct.Process(7)); // 9 in a row
            Assert.True(rct.Process(7));                             // 10 in a row: still below C
            Assert.False(rct.Process(7));                            // 11: failure
            rct.Reset();
            for (int i = 0; i < 10; i++) Assert.True(rct.Process(7));
            Assert.True(rct.Process(8));                             // run broken
            for (int i = 0; i < 9; i++) Assert.True(rct.Process(8));
            Assert.False(rct.Process(8));
        }

        [Fact]
        public void AdaptiveProportion_FailsExactlyAtTheCutoff_WithinOneWindow()
        {
            var apt = new AdaptiveProportionTest(512, 177);
            // Window: the first value (0) occurs 176 times among 512 samples: passes.
            Assert.True(Feed(apt, Window(176)));
            // Next window: 177 occurrences: fails on the 177th.
            var w = Window(177);
            int failAt = -1;
            for (int i = 0; i < w.Length && failAt < 0; i++)
                if (!apt.Process(w[i])) failAt = i;
            Assert.Equal(LastIndexOfZero(w), failAt);
        }

        [Fact]
        public void AdaptiveProportion_CountsPerWindow_NotAcrossWindows()
        {
            var apt = new AdaptiveProportionTest(512, 177);
            // 176 zeros in one window, most at its end, and 176 at the start of the next (352 in 512 consecutive samples):
            // each window starts with its own first value, so neither fails. This is the test as specified.
            var first = new byte[512];
            for (int i = 0; i < 512; i++) first[i] = (byte)(i == 0 ? 0 : (i >= 337 ? 0 : 1 + i % 200));
            var second = Window(176);
            Assert.True(Feed(apt, first));
            Assert.True(Feed(apt, second));
        }

        // A window of 512 samples starting with 0 in which 0 occurs `zeros` times, never twice in a row.
        private static byte[] Window(int zeros)
        {
            var w = new byte[512];
            int placed = 0;
            for (int i = 0; i < 512; i++)
            {
                bool zero = i % 2 == 0 && placed < zeros;
                w[i] = zero ? (byte)0 : (byte)(1 + i % 250);
                if (zero) placed++;
            }

            return w;
        }

        private static int LastIndexOfZero(byte[] w) => Array.LastIndexOf(w, (byte)0);

        private static bool Feed(AdaptiveProportionTest apt, byte[] samples)
        {
            bool ok = true;
            foreach (byte s in samples) ok &= apt.Process(s);
            return ok;
        }
    }
}
