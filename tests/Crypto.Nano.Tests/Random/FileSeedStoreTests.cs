using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;

namespace NanoMikey.Crypto.Tests.Random
{
    /// <summary>The host twin of the persisted seed, and the mixer rotating it across two "boots".</summary>
    public class FileSeedStoreTests
    {
        [Fact]
        public void RoundTrip_MissingFile_AndWrongLength()
        {
            string dir = Directory.CreateTempSubdirectory("seed-").FullName;
            try
            {
                var store = new FileSeedStore(Path.Combine(dir, "seed.bin"));
                var buffer = new byte[40];
                Assert.False(store.Load(buffer, 4, 32));
                byte[] seed = Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray();
                Assert.True(store.Store(seed, 0, 32));
                Assert.True(store.Load(buffer, 4, 32));
                Assert.Equal(seed, buffer[4..36]);
                Assert.False(store.Load(buffer, 0, 16)); // a seed of another length is no seed
                Assert.False(File.Exists(Path.Combine(dir, "seed.bin.tmp")));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void TheMixer_RotatesTheFileEveryBoot()
        {
            string dir = Directory.CreateTempSubdirectory("seed-").FullName;
            try
            {
                string path = Path.Combine(dir, "seed.bin");
                byte[] mac = { 1, 2, 3, 4, 5, 6 };
                byte[] Boot()
                {
                    var mixer = new SeedMixer(new HealthTestedEntropySource(new HostEntropySource(), null), mac, 0, 6, new FileSeedStore(path));
                    var b = new byte[16];
                    mixer.GetEntropy(b, 0, 16);
                    Assert.True(mixer.SeedPersisted);
                    return File.ReadAllBytes(path);
                }

                byte[] first = Boot();
                byte[] second = Boot();
                Assert.Equal(32, first.Length);
                Assert.NotEqual(first, second);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
