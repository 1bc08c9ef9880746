using System.Security.Cryptography;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Crypto.Tests.Random
{
    /// <summary>Mixing a device value and a persisted seed into health-tested entropy.</summary>
    public class SeedMixerTests
    {
        private static readonly byte[] Mac = { 0x24, 0x0A, 0xC4, 0x12, 0x34, 0x56 };

        private static (SeedMixer Mixer, SequenceNoiseSource Noise) Create(Flash store, byte[] device, Func<long, byte>? noise = null)
        {
            var n = new SequenceNoiseSource(noise ?? SequenceNoiseSource.Good);
            return (new SeedMixer(new HealthTestedEntropySource(n, null), device, 0, device.Length, store.Store), n);
        }

        private sealed class Flash
        {
            public MemorySeedStore Store { get; } = new MemorySeedStore();
        }

        [Fact]
        public void Output_And_NextSeed_MatchTheDocumentedConstruction()
        {
            var flash = new Flash();
            byte[] s = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
            flash.Store.Seed = (byte[])s.Clone();
            var (mixer, noise) = Create(flash, Mac);
            var output = new byte[40];
            Assert.Equal(EntropyStatus.Ok, mixer.TryGetEntropy(output, 0, 40));

            // Reference: the conditioned entropy blocks E, E_0, E_1 recomputed from the same noise.
            var reference = new HealthTestedEntropySource(new SequenceNoiseSource(SequenceNoiseSource.Good), null);
            byte[] e = new byte[32], e0 = new byte[32], e1 = new byte[32];
            reference.GetEntropy(e, 0, 32);
            reference.GetEntropy(e0, 0, 32);
            reference.GetEntropy(e1, 0, 32);

            byte[] k = HMACSHA256.HashData(s, (byte[])[0x00, .. e, .. Mac]);
            byte[] next = HMACSHA256.HashData(k, (byte[])[0x01]);
            byte[] o0 = HMACSHA256.HashData(k, (byte[])[0x02, 0, 0, 0, 0, 0, 0, 0, 0, .. e0]);
            byte[] o1 = HMACSHA256.HashData(k, (byte[])[0x02, 0, 0, 0, 0, 0, 0, 0, 1, .. e1]);
            Assert.Equal(next, flash.Store.Seed);
            Assert.True(mixer.SeedPersisted);
            Assert.Equal([.. o0, .. o1[..8]], output);
            Assert.True(noise.Position > 0);
        }

        [Fact]
        public void TheSeedIsRotatedOnce_BeforeTheFirstOutput()
        {
            var flash = new Flash();
            var (mixer, _) = Create(flash, Mac);
            Assert.Null(flash.Store.Seed);
            Assert.False(mixer.SeedPersisted);
            var output = new byte[32];
            mixer.GetEntropy(output, 0, 32);
            Assert.Equal(1, flash.Store.Writes);
            mixer.GetEntropy(output, 0, 32);
            Assert.Equal(1, flash.Store.Writes); // once per boot, not per request
        }

        [Fact]
        public void A_DeterministicNoiseSource_StillGivesDifferentOutputPerBootAndPerDevice()
        {
            // The failure no health test sees: the ESP32 RNG without radio is a PRNG that repeats after each reset.
            Func<long, byte> prng = i => SequenceNoiseSource.Good(i, 42);
            var flashA = new Flash();
            byte[] boot1 = Read(Create(flashA, Mac, prng).Mixer);
            byte[] boot2 = Read(Create(flashA, Mac, prng).Mixer);
            Assert.NotEqual(boot1, boot2);

            // Two devices cloned from one flash image (same stored seed): the device value separates them.
            var flashB = new Flash();
            var flashC = new Flash();
            flashB.Store.Seed = new byte[32];
            flashC.Store.Seed = new byte[32];
            byte[] otherMac = { 0x24, 0x0A, 0xC4, 0x12, 0x34, 0x57 };
            Assert.NotEqual(Read(Create(flashB, Mac, prng).Mixer), Read(Create(flashC, otherMac, prng).Mixer));
        }

        [Fact]
        public void A_FailingSource_FailsClosed_AndNothingIsStored()
        {
            var flash = new Flash();
            var (mixer, _) = Create(flash, Mac, _ => 0x00);
            var output = new byte[32];
            Array.Fill(output, (byte)0xEE);
            Assert.Equal(EntropyStatus.RepetitionCountFailure, mixer.TryGetEntropy(output, 0, 32));
            Assert.All(output, b => Assert.Equal(0, b));
            Assert.Null(flash.Store.Seed);
            Assert.False(mixer.Started);
            Assert.Throws<InvalidOperationException>(() => mixer.GetEntropy(output, 0, 32));
        }

        [Fact]
        public void A_FailedWrite_IsReported_OutputStillFlows()
        {
            var flash = new Flash();
            flash.Store.FailWrites = true;
            var (mixer, _) = Create(flash, Mac);
            var output = new byte[32];
            Assert.Equal(EntropyStatus.Ok, mixer.TryGetEntropy(output, 0, 32));
            Assert.False(mixer.SeedPersisted);
        }

        [Fact]
        public void TheDrbg_SeedsFromTheMixer_AndCannotBeCreatedOverAFailedSource()
        {
            var drbg = new HmacDrbg(Create(new Flash(), Mac).Mixer, null);
            var output = new byte[32];
            drbg.Generate(output, 0, 32);
            Assert.Contains(output, b => b != 0);

            Assert.Throws<InvalidOperationException>(() => new HmacDrbg(Create(new Flash(), Mac, _ => 7).Mixer, null));
        }

        private static byte[] Read(SeedMixer mixer)
        {
            var b = new byte[32];
            mixer.GetEntropy(b, 0, 32);
            return b;
        }
    }
}
