using System;
using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Hardware.Host;

namespace NanoMikey.Crypto.Tests.Symmetric
{
    public class AesTests
    {
        private static byte[] Key(int n)
        {
            var k = new byte[n];
            for (int i = 0; i < n; i++) k[i] = (byte)i;
            return k;
        }

        // FIPS 197 Appendix C.1-C.3 (example vectors).
        [Theory]
        [InlineData(16, "69c4e0d86a7b0430d8cdb78070b4c55a")]
        [InlineData(24, "dda97ca4864cdfe06eaf70a0ec0d7191")]
        [InlineData(32, "8ea2b7ca516745bfeafc49904b496089")]
        public void Fips197_AppendixC(int keyLength, string ct)
        {
            var aes = new SoftwareAes();
            aes.SetKey(Key(keyLength), 0, keyLength);
            var pt = TestData.Hex("00112233445566778899aabbccddeeff");
            var o = new byte[16];
            aes.EncryptBlocks(pt, 0, o, 0, 16);
            Assert.Equal(TestData.Hex(ct), o);
            aes.DecryptBlocks(o, 0, o, 0, 16);
            Assert.Equal(pt, o);
        }

        private const string Sp38aPlain =
            "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51" +
            "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";

        // SP 800-38A F.1.1 ECB-AES128.Encrypt.
        [Fact]
        public void Sp800_38A_Ecb128()
        {
            var aes = new SoftwareAes();
            aes.SetKey(TestData.Hex("2b7e151628aed2a6abf7158809cf4f3c"), 0, 16);
            var pt = TestData.Hex(Sp38aPlain);
            var o = new byte[64];
            aes.EncryptBlocks(pt, 0, o, 0, 64);
            Assert.Equal(TestData.Hex("3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f8223207104725dd4"), o);
            aes.DecryptBlocks(o, 0, o, 0, 64);
            Assert.Equal(pt, o);
        }

        // SP 800-38A F.5.1, F.5.3, F.5.5 (CTR-AES128/192/256.Encrypt), through both engines.
        [Theory]
        [InlineData("2b7e151628aed2a6abf7158809cf4f3c",
            "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee")]
        [InlineData("8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
            "1abc932417521ca24f2b0459fe7e6e0b090339ec0aa6faefd5ccc2c6f4ce8e941e36b26bd1ebc670d1bd1d665620abf74f78a7f6d29809585a97daec58c6b050")]
        [InlineData("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c52b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6")]
        public void Sp800_38A_Ctr(string key, string ct)
        {
            var k = TestData.Hex(key);
            var ctr = TestData.Hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
            foreach (IAesEngine engine in new IAesEngine[] { new SoftwareAes(), new HostAesEngine() })
            {
                engine.SetKey(k, 0, k.Length);
                var data = TestData.Hex(Sp38aPlain);
                new AesCtr(64).XorKeystream(engine, ctr, 0, data, 0, data.Length);
                Assert.Equal(TestData.Hex(ct), data);
                // Split across engine calls (maxLength 16) and transformed back.
                new AesCtr(16).Transform(engine, ctr, 0, data, 0, data, 0, data.Length);
                Assert.Equal(TestData.Hex(Sp38aPlain), data);
            }
            Assert.Equal(TestData.Hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), ctr);
        }

        [Fact]
        public void RandomKeysAndLengths_MatchDotNetEcb()
        {
            var rng = new System.Random(7);
            var aes = new SoftwareAes();
            using var net = Aes.Create();
            foreach (int kl in new[] { 16, 24, 32 })
            {
                for (int iter = 0; iter < 60; iter++)
                {
                    var key = RandomNumberGenerator.GetBytes(kl);
                    aes.SetKey(key, 0, kl);
                    net.Key = key;
                    int blocks = rng.Next(0, 40);
                    var pt = RandomNumberGenerator.GetBytes(blocks * 16 + 5);
                    var o = new byte[blocks * 16 + 9];
                    aes.EncryptBlocks(pt, 5, o, 9, blocks * 16);
                    var expected = net.EncryptEcb(pt.AsSpan(5, blocks * 16), PaddingMode.None);
                    Assert.Equal(expected, o.AsSpan(9).ToArray());
                    aes.DecryptBlocks(o, 9, o, 9, blocks * 16);
                    Assert.Equal(pt.AsSpan(5).ToArray(), o.AsSpan(9).ToArray());
                }
            }
        }

        // Reference CTR built on .NET ECB with a 128-bit (or low 32-bit) big-endian counter.
        private static byte[] ReferenceCtr(byte[] key, byte[] counter, byte[] input, bool inc32)
        {
            using var net = Aes.Create();
            net.Key = key;
            int blocks = (input.Length + 15) / 16;
            var cb = new byte[blocks * 16];
            var c = (byte[])counter.Clone();
            for (int b = 0; b < blocks; b++)
            {
                Array.Copy(c, 0, cb, b * 16, 16);
                for (int i = 15; i >= (inc32 ? 12 : 0); i--)
                {
                    if (++c[i] != 0) break;
                }
            }
            var ks = net.EncryptEcb(cb, PaddingMode.None);
            var o = new byte[input.Length];
            for (int i = 0; i < o.Length; i++) o[i] = (byte)(input[i] ^ ks[i]);
            return o;
        }

        [Fact]
        public void Ctr_RandomLengths_MatchDotNet_BothIncrements()
        {
            var rng = new System.Random(11);
            var sw = new SoftwareAes();
            var host = new HostAesEngine();
            var ctr128 = new AesCtr(300);
            var ctr32 = new AesCtr(300, true);
            for (int len = 0; len <= 2000; len++)
            {
                int kl = 16 + 8 * rng.Next(0, 3);
                var key = RandomNumberGenerator.GetBytes(kl);
                sw.SetKey(key, 0, kl);
                host.SetKey(key, 0, kl);
                var counter = RandomNumberGenerator.GetBytes(16);
                // Force carries across the 32-bit boundary now and then.
                if ((len & 3) == 0) { counter[12] = counter[13] = counter[14] = 0xff; counter[15] = 0xf0; }
                if ((len & 7) == 0) { for (int i = 4; i < 16; i++) counter[i] = 0xff; }
                var pt = RandomNumberGenerator.GetBytes(len);
                var o = new byte[len];
                ctr128.Transform(sw, counter, 0, pt, 0, o, 0, len);
                Assert.Equal(ReferenceCtr(key, counter, pt, false), o);
                ctr128.Transform(host, counter, 0, pt, 0, o, 0, len);
                Assert.Equal(ReferenceCtr(key, counter, pt, false), o);
                ctr32.Transform(sw, counter, 0, pt, 0, o, 0, len);
                Assert.Equal(ReferenceCtr(key, counter, pt, true), o);
                var ks = new byte[len];
                ctr128.GenerateKeystream(sw, counter, 0, ks, 0, len);
                Assert.Equal(ReferenceCtr(key, counter, new byte[len], false), ks);
            }
        }

        [Fact]
        public void Ctr_128BitCounterWraps()
        {
            var key = Key(16);
            var sw = new SoftwareAes();
            sw.SetKey(key, 0, 16);
            var counter = TestData.Hex("ffffffffffffffffffffffffffffffff");
            var ks = new byte[32];
            new AesCtr(32).GenerateKeystream(sw, counter, 0, ks, 0, 32);
            var zero = new byte[16];
            var e0 = new byte[16];
            sw.EncryptBlocks(zero, 0, e0, 0, 16);
            Assert.Equal(e0, ks.AsSpan(16).ToArray());
        }

        // SoftwareAes.CtrXor directly (issue 10 §4 fast path): in place at odd offsets, every length up to 5 passes, counters
        // that wrap all 128 bits or only the low 32 (inc32), against .NET; bad ranges throw before anything is written.
        [Fact]
        public void CtrXor_InPlaceAtOffsets_Wraps_MatchesDotNet()
        {
            var sw = new SoftwareAes();
            foreach (int kl in new[] { 16, 24, 32 })
            {
                var key = Key(kl);
                sw.SetKey(key, 0, kl);
                foreach (string hex in new[] { "ffffffffffffffffffffffffffffffff", "00112233445566778899aabbfffffffd", "0102030405060708090a0b0c0d0e0f10" })
                {
                    var counter = TestData.Hex(hex);
                    var cb = new byte[21];
                    Array.Copy(counter, 0, cb, 5, 16);
                    for (int len = 0; len <= 330; len += len < 70 ? 1 : 37)
                    {
                        var pt = RandomNumberGenerator.GetBytes(len);
                        foreach (bool inc32 in new[] { false, true })
                        {
                            var buf = new byte[len + 7];
                            Array.Copy(pt, 0, buf, 3, len);
                            sw.CtrXor(cb, 5, inc32, buf, 3, buf, 3, len);
                            Assert.Equal(ReferenceCtr(key, counter, pt, inc32), buf.AsSpan(3, len).ToArray());
                            Assert.Equal(0, buf[0] | buf[1] | buf[2] | buf[len + 3] | buf[len + 6]);
                        }
                    }
                    Assert.Equal(counter, cb.AsSpan(5, 16).ToArray());
                }
            }
            var output = new byte[32];
            Assert.Throws<ArgumentOutOfRangeException>(() => sw.CtrXor(new byte[16], 1, false, output, 0, output, 0, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => sw.CtrXor(new byte[16], 0, false, output, 17, output, 0, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => sw.CtrXor(new byte[16], 0, false, output, 0, output, 0, -1));
            Assert.Throws<ArgumentNullException>(() => sw.CtrXor(null!, 0, false, output, 0, output, 0, 16));
            Assert.Equal(new byte[32], output);
            Assert.Throws<InvalidOperationException>(() => new SoftwareAes().CtrXor(new byte[16], 0, false, output, 0, output, 0, 16));
        }

        [Fact]
        public void Keystream_AllocatesNothing_AfterWarmUp()
        {
            var sw = new SoftwareAes();
            sw.SetKey(Key(16), 0, 16);
            var ctr = new AesCtr(176);
            var counter = new byte[16];
            var buf = new byte[176];
            ctr.GenerateKeystream(sw, counter, 0, buf, 0, 176);
            ctr.XorKeystream(sw, counter, 0, buf, 0, 176);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                ctr.GenerateKeystream(sw, counter, 0, buf, 0, 176);
                ctr.XorKeystream(sw, counter, 0, buf, 0, 171);
                sw.EncryptBlocks(buf, 0, buf, 0, 176);
                sw.DecryptBlocks(buf, 0, buf, 0, 176);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void BadInput_TypedExceptions_NoPartialWrite()
        {
            var sw = new SoftwareAes();
            var buf = new byte[64];
            Assert.Throws<InvalidOperationException>(() => sw.EncryptBlocks(buf, 0, buf, 0, 16));
            Assert.Throws<ArgumentException>(() => sw.SetKey(new byte[20], 0, 20));
            Assert.Throws<ArgumentException>(() => sw.SetKey(new byte[15], 0, 15));
            Assert.Throws<ArgumentOutOfRangeException>(() => sw.SetKey(new byte[16], 1, 16));
            Assert.Throws<ArgumentNullException>(() => sw.SetKey(null!, 0, 16));
            Assert.False(sw.SupportsKeyLength(8));
            Assert.Null(new SoftwareAesFactory().Create(20));
            Assert.NotNull(new SoftwareAesFactory().Create(24));
            sw.SetKey(Key(32), 0, 32);
            var output = new byte[48];
            for (int i = 0; i < output.Length; i++) output[i] = 0xA5;
            Assert.Throws<ArgumentException>(() => sw.EncryptBlocks(buf, 0, output, 0, 15));
            Assert.Throws<ArgumentOutOfRangeException>(() => sw.EncryptBlocks(buf, 0, output, 16, 48));
            Assert.Throws<ArgumentOutOfRangeException>(() => sw.EncryptBlocks(buf, 56, output, 0, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => sw.DecryptBlocks(buf, -16, output, 0, 16));
            var ctr = new AesCtr(64);
            var counter = new byte[16];
            Assert.Throws<ArgumentOutOfRangeException>(() => ctr.GenerateKeystream(sw, counter, 1, output, 0, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => ctr.GenerateKeystream(sw, counter, 0, output, 40, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => ctr.Transform(sw, counter, 0, buf, 60, output, 0, 16));
            Assert.Throws<ArgumentNullException>(() => ctr.XorKeystream(null!, counter, 0, output, 0, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => new AesCtr(0));
            foreach (byte b in output) Assert.Equal(0xA5, b);
            sw.ClearKey();
            Assert.Throws<InvalidOperationException>(() => sw.EncryptBlocks(buf, 0, output, 0, 16));
            foreach (byte b in output) Assert.Equal(0xA5, b);
        }
    }
}
