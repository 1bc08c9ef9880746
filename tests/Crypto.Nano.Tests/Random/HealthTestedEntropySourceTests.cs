using System.Security.Cryptography;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Crypto.Tests.Random
{
    /// <summary>The SP 800-90B entropy source: stuck, biased and good noise, the radio gate, conditioning, fail-closed.</summary>
    public class HealthTestedEntropySourceTests
    {
        private const int Startup = 7 * HealthTestedEntropySource.SamplesPerBlock; // ≥ 1024 samples, whole blocks

        [Fact]
        public void GoodNoise_Passes_AndOutputIsHmacSha256OfEach160Samples()
        {
            var noise = new SequenceNoiseSource(SequenceNoiseSource.Good);
            var source = new HealthTestedEntropySource(noise, null);
            var output = new byte[48];
            Assert.Equal(EntropyStatus.Ok, source.TryGetEntropy(output, 0, 48));

            // Start-up samples discarded (§4.3), then one 32-byte block per 160 samples (a partial block uses a whole one).
            Assert.Equal(Startup + 2 * HealthTestedEntropySource.SamplesPerBlock, noise.Position);
            byte[] key = new byte[32];
            byte[] b0 = HMACSHA256.HashData(key, noise.Peek(Startup, 160));
            byte[] b1 = HMACSHA256.HashData(key, noise.Peek(Startup + 160, 160));
            Assert.Equal(b0, output[..32]);
            Assert.Equal(b1[..16], output[32..]);
        }

        [Fact]
        public void GoodNoise_RunsLong_WithoutAFalseAlarm()
        {
            var source = new HealthTestedEntropySource(new SequenceNoiseSource(i => SequenceNoiseSource.Good(i, 7)), null);
            var output = new byte[4096];
            for (int i = 0; i < 64; i++) Assert.Equal(EntropyStatus.Ok, source.TryGetEntropy(output, 0, output.Length));
            Assert.Equal(EntropyStatus.Ok, source.Status);
        }

        [Fact]
        public void SixteenBytes_StillDrawAWhole160SampleBlock()
        {
            var noise = new SequenceNoiseSource(SequenceNoiseSource.Good);
            var source = new HealthTestedEntropySource(noise, null);
            var output = new byte[32];
            source.GetEntropy(output, 0, 32);
            long before = noise.Position;
            source.GetEntropy(output, 0, 16);
            Assert.Equal(160, noise.Position - before);
        }

        [Fact]
        public void StuckNoise_FailsTheRepetitionCountTest_ClosedAndForGood()
        {
            var noise = new SequenceNoiseSource(_ => 0x55);
            var source = new HealthTestedEntropySource(noise, null);
            var output = Filled(64);
            Assert.Equal(EntropyStatus.RepetitionCountFailure, source.TryGetEntropy(output, 0, 64));
            Assert.All(output, b => Assert.Equal(0, b));
            Assert.Equal(EntropyStatus.RepetitionCountFailure, source.Status);
            // Stuck at start-up: caught within the first 11 samples, long before any output.
            Assert.Equal(160, noise.Position);
            // Permanent: nothing is read again and the DRBG-facing call throws.
            var again = Filled(32);
            Assert.Throws<InvalidOperationException>(() => source.GetEntropy(again, 0, 32));
            Assert.All(again, b => Assert.Equal(0, b));
            Assert.Equal(160, noise.Position);
        }

        [Fact]
        public void NoiseThatSticksLater_FailsAndZeroesBlocksAlreadyWritten()
        {
            // Good for the start-up and the first output block, then stuck.
            long stuckFrom = Startup + 160 + 40;
            var noise = new SequenceNoiseSource(i => i < stuckFrom ? SequenceNoiseSource.Good(i) : (byte)0xA5);
            var source = new HealthTestedEntropySource(noise, null);
            var output = Filled(96);
            Assert.Equal(EntropyStatus.RepetitionCountFailure, source.TryGetEntropy(output, 0, 64));
            Assert.All(output[..64], b => Assert.Equal(0, b));
            Assert.All(output[64..], b => Assert.Equal(0xEE, b)); // outside the range: untouched
        }

        [Fact]
        public void BiasedNoise_FailsTheAdaptiveProportionTest_WhereTheRepetitionTestCannotSeeIt()
        {
            // Two samples in three are 0x00, never more than two in a row: the repetition count test (cutoff 11) passes,
            // the adaptive proportion test (≥ 177 of 512) fails in the first window (~341 of 512).
            var noise = new SequenceNoiseSource(i => i % 3 == 2 ? SequenceNoiseSource.Good(i) : (byte)0);
            var source = new HealthTestedEntropySource(noise, null);
            var output = Filled(32);
            Assert.Equal(EntropyStatus.AdaptiveProportionFailure, source.TryGetEntropy(output, 0, 32));
            Assert.All(output, b => Assert.Equal(0, b));
            Assert.True(noise.Position <= 512);
        }

        [Fact]
        public void MildlyBiasedNoise_ConsistentWithTheClaimedEntropy_Passes()
        {
            // 0x00 with probability ~1/4 (H = 2 allows a most-likely value of probability 2^-2): no false alarm.
            var noise = new SequenceNoiseSource(i => SequenceNoiseSource.Good(i) < 56 ? (byte)0 : SequenceNoiseSource.Good(i, 1));
            var source = new HealthTestedEntropySource(noise, null);
            var output = new byte[1024];
            for (int i = 0; i < 16; i++) Assert.Equal(EntropyStatus.Ok, source.TryGetEntropy(output, 0, output.Length));
        }

        [Fact]
        public void RadioOff_NothingIsRead_NotReadyUntilItIsOn()
        {
            var noise = new SequenceNoiseSource(SequenceNoiseSource.Good);
            var radio = new SwitchableState { On = false };
            var source = new HealthTestedEntropySource(noise, radio);
            var output = Filled(32);
            Assert.Equal(EntropyStatus.NotReady, source.TryGetEntropy(output, 0, 32));
            Assert.All(output, b => Assert.Equal(0, b));
            Assert.Equal(0, noise.Position);
            Assert.Equal(EntropyStatus.Ok, source.Status); // not a failure: retry later
            radio.On = true;
            Assert.Equal(EntropyStatus.Ok, source.TryGetEntropy(output, 0, 32));
        }

        [Fact]
        public void Steady_State_AllocatesNothing()
        {
            var good = new HealthTestedEntropySource(new FastNoise(), null);
            var output = new byte[64];
            good.GetEntropy(output, 0, 64);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++) good.GetEntropy(output, 0, 64);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        private static byte[] Filled(int n)
        {
            var b = new byte[n];
            Array.Fill(b, (byte)0xEE);
            return b;
        }

        // An allocation-free noise source (xorshift) for the allocation test.
        private sealed class FastNoise : NanoMikey.Crypto.Hal.IEntropySource
        {
            private ulong _x = 0x9E3779B97F4A7C15;

            public void GetEntropy(byte[] buffer, int offset, int count)
            {
                for (int i = 0; i < count; i++)
                {
                    _x ^= _x << 13;
                    _x ^= _x >> 7;
                    _x ^= _x << 17;
                    buffer[offset + i] = (byte)(_x >> 24);
                }
            }
        }
    }
}
