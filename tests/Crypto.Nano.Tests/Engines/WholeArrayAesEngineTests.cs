using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Crypto.Tests.Engines
{
    /// <summary>The adapter under the ESP32 AES binding, over a platform double with nanoFramework's whole-array shape.</summary>
    public class WholeArrayAesEngineTests
    {
        /// <summary>Like nanoFramework's Aes: reads the key array it was given, takes the whole input array, returns an array.</summary>
        private sealed class WholeArrayPlatform : WholeArrayAesEngine
        {
            private readonly SoftwareAes _aes = new SoftwareAes();
            private readonly Dictionary<int, byte[]> _results = new();

            public WholeArrayPlatform() : base(16)
            {
            }

            public int Calls { get; private set; }

            public byte[]? LastInput { get; private set; }

            public byte[]? LastResult { get; private set; }

            public byte[] PlatformKey => KeyBytes;

            protected override byte[] EncryptWhole(byte[] data) => Run(data, true);

            protected override byte[] DecryptWhole(byte[] data) => Run(data, false);

            private byte[] Run(byte[] data, bool encrypt)
            {
                Calls++;
                LastInput = data;
                if (!_results.TryGetValue(data.Length, out byte[]? r)) _results[data.Length] = r = new byte[data.Length];
                _aes.SetKey(KeyBytes, 0, 16);
                if (encrypt) _aes.EncryptBlocks(data, 0, r, 0, data.Length);
                else _aes.DecryptBlocks(data, 0, r, 0, data.Length);
                LastResult = r;
                return r;
            }
        }

        private static readonly byte[] Key = TestData.Hex("2b7e151628aed2a6abf7158809cf4f3c");

        private static byte[] Reference(byte[] data)
        {
            using var aes = Aes.Create();
            aes.Key = Key;
            return aes.EncryptEcb(data, PaddingMode.None);
        }

        [Fact]
        public void OneCallPerRequest_AnyRange_MatchesAes()
        {
            var e = new WholeArrayPlatform();
            e.SetKey(Key, 0, 16);
            byte[] buffer = new byte[200];
            for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)i;
            byte[] expected = Reference(buffer[8..184]);
            e.EncryptBlocks(buffer, 8, buffer, 8, 176); // in place, inside a bigger buffer: one SRTP packet's keystream
            Assert.Equal(1, e.Calls);
            Assert.Equal(expected, buffer[8..184]);
            Assert.Equal((byte)7, buffer[7]);
            Assert.Equal((byte)184, buffer[184]);

            byte[] whole = new byte[32];
            byte[] output = new byte[40];
            e.EncryptBlocks(whole, 0, output, 4, 32);
            Assert.Same(whole, e.LastInput); // a whole array goes to the platform as is
            Assert.Equal(Reference(whole), output[4..36]);

            e.DecryptBlocks(output, 4, output, 4, 32);
            Assert.Equal(whole, output[4..36]);
            Assert.Equal(3, e.Calls);

            // The start of a longer array: the platform gets exactly the range (its call encrypts the whole array).
            e.EncryptBlocks(whole, 0, output, 0, 16);
            Assert.Equal(16, e.LastInput!.Length);
        }

        [Fact]
        public void StagingIsReused_AndResultsAreWiped_NoAllocationOnceWarm()
        {
            var e = new WholeArrayPlatform();
            e.SetKey(Key, 0, 16);
            byte[] packet = new byte[300];
            e.EncryptBlocks(packet, 12, packet, 12, 176);
            byte[]? staged = e.LastInput;
            Assert.All(e.LastResult!, b => Assert.Equal(0, b));
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++) e.EncryptBlocks(packet, 12, packet, 12, 176);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Same(staged, e.LastInput);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void Key_OneArrayRewrittenInPlace_ClearedByClearKey()
        {
            var e = new WholeArrayPlatform();
            byte[] platformKey = e.PlatformKey;
            Assert.False(e.SupportsKeyLength(32));
            Assert.Throws<ArgumentException>(() => e.SetKey(new byte[32], 0, 32));
            Assert.Throws<InvalidOperationException>(() => e.EncryptBlocks(new byte[16], 0, new byte[16], 0, 16));
            e.SetKey(Key, 0, 16);
            Assert.Same(platformKey, e.PlatformKey);
            Assert.Equal(Key, platformKey);
            e.ClearKey();
            Assert.All(platformKey, b => Assert.Equal(0, b));
            Assert.Throws<InvalidOperationException>(() => e.EncryptBlocks(new byte[16], 0, new byte[16], 0, 16));
        }

        [Fact]
        public void BadRanges_Throw_AndTouchNothing()
        {
            var e = new WholeArrayPlatform();
            e.SetKey(Key, 0, 16);
            var b = new byte[32];
            Assert.Throws<ArgumentException>(() => e.EncryptBlocks(b, 0, b, 0, 15));
            Assert.Throws<ArgumentOutOfRangeException>(() => e.EncryptBlocks(b, 17, b, 0, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => e.EncryptBlocks(b, 0, b, 17, 16));
            Assert.Equal(0, e.Calls);
        }
    }
}
