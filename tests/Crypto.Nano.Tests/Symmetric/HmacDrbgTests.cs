using System;
using System.Security.Cryptography;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Crypto.Tests.Symmetric
{
    public class HmacDrbgTests
    {
        // NIST CAVP drbgvectors_no_reseed/HMAC_DRBG.rsp, [SHA-256], PR false, 256/128/0/0, COUNT = 0:
        // instantiate, generate 1024 bits (discarded), generate 1024 bits = ReturnedBits.
        [Fact]
        public void Cavp_Sha256_NoReseed_Count0()
        {
            var drbg = new HmacDrbg(
                TestData.Hex("ca851911349384bffe89de1cbdc46e6831e44d34a4fb935ee285dd14b71a7488"),
                TestData.Hex("659ba96c601dc69fc902940805ec0ca8"), null, 100);
            var o = new byte[128];
            drbg.Generate(o, 0, 128);
            drbg.Generate(o, 0, 128);
            Assert.Equal(TestData.Hex(
                "e528e9abf2dece54d47c7e75e5fe302149f817ea9fb4bee6f4199697d04d5b89d54fbb978a15b5c443c9ec21036d2460" +
                "b6f73ebad0dc2aba6e624abf07745bc107694bb7547bb0995f70de25d6b29e2d3011bb19d27676c07162c8b5ccde0668" +
                "961df86803482cb37ed6d5c0bb8d50cf1f50d476aa0458bdaba806f48be9dcb8"), o);
        }

        // NIST CAVP drbgvectors_pr_false/HMAC_DRBG.rsp, [SHA-256], 256/128/0/0, COUNT = 0:
        // instantiate, reseed(EntropyInputReseed), generate twice, second = ReturnedBits.
        [Fact]
        public void Cavp_Sha256_WithReseed_Count0()
        {
            var drbg = new HmacDrbg(
                TestData.Hex("06032cd5eed33f39265f49ecb142c511da9aff2af71203bffaf34a9ca5bd9c0d"),
                TestData.Hex("0e66f71edc43e42a45ad3c6fc6cdc4df"), null, 100);
            var reseed = TestData.Hex("01920a4e669ed3a85ae8a33b35a74ad7fb2a6bb4cf395ce00334a9c9a5a5d552");
            drbg.Reseed(reseed, 0, reseed.Length, null, 0, 0);
            Assert.Equal(1, drbg.ReseedCounter);
            var o = new byte[128];
            drbg.Generate(o, 0, 128);
            drbg.Generate(o, 0, 128);
            Assert.Equal(3, drbg.ReseedCounter);
            Assert.Equal(TestData.Hex(
                "76fc79fe9b50beccc991a11b5635783a83536add03c157fb30645e611c2898bb2b1bc215000209208cd506cb28da2a51" +
                "bdb03826aaf2bd2335d576d519160842e7158ad0949d1a9ec3e66ea1b1a064b005de914eac2e9d4f2d72a8616a802254" +
                "22918250ff66a41bd2f864a6a38cc5b6499dc43f7f2bd09e1e0f8f5885935124"), o);
        }

        // Independent straightforward SP 800-90A §10.1.2 HMAC_DRBG over .NET HMACSHA256, for inputs the vectors above miss.
        private sealed class ReferenceDrbg
        {
            private byte[] _k = new byte[32];
            private byte[] _v = new byte[32];

            public ReferenceDrbg(byte[] seedMaterial)
            {
                for (int i = 0; i < 32; i++) _v[i] = 1;
                Update(seedMaterial);
            }

            private static byte[] Cat(params byte[][] parts)
            {
                int n = 0;
                foreach (var p in parts) n += p.Length;
                var r = new byte[n];
                n = 0;
                foreach (var p in parts) { p.CopyTo(r, n); n += p.Length; }
                return r;
            }

            public void Update(byte[] provided)
            {
                _k = HMACSHA256.HashData(_k, Cat(_v, new byte[] { 0 }, provided));
                _v = HMACSHA256.HashData(_k, _v);
                if (provided.Length == 0) return;
                _k = HMACSHA256.HashData(_k, Cat(_v, new byte[] { 1 }, provided));
                _v = HMACSHA256.HashData(_k, _v);
            }

            public byte[] Generate(int n, byte[] additional)
            {
                if (additional.Length > 0) Update(additional);
                var o = new byte[n];
                for (int i = 0; i < n; i += 32)
                {
                    _v = HMACSHA256.HashData(_k, _v);
                    Array.Copy(_v, 0, o, i, Math.Min(32, n - i));
                }
                Update(additional);
                return o;
            }
        }

        [Fact]
        public void MatchesIndependentReference_WithPersonalizationAdditionalInputAndReseed()
        {
            var rng = new System.Random(3);
            for (int round = 0; round < 30; round++)
            {
                var entropy = RandomNumberGenerator.GetBytes(32);
                var nonce = RandomNumberGenerator.GetBytes(16);
                var pers = RandomNumberGenerator.GetBytes(rng.Next(0, 80));
                var drbg = new HmacDrbg(entropy, nonce, pers, 1000);
                var reference = new ReferenceDrbg(Concat(entropy, nonce, pers));
                for (int step = 0; step < 6; step++)
                {
                    var add = RandomNumberGenerator.GetBytes(rng.Next(0, 3) == 0 ? 0 : rng.Next(1, 100));
                    int n = rng.Next(0, 200);
                    var o = new byte[n + 2];
                    drbg.Generate(o, 2, n, add, 0, add.Length);
                    Assert.Equal(reference.Generate(n, add), o.AsSpan(2).ToArray());
                    if (step == 3)
                    {
                        var re = RandomNumberGenerator.GetBytes(32);
                        var reAdd = RandomNumberGenerator.GetBytes(rng.Next(0, 40));
                        drbg.Reseed(re, 0, 32, reAdd, 0, reAdd.Length);
                        reference.Update(Concat(re, reAdd, new byte[0]));
                    }
                }
            }
        }

        private static byte[] Concat(byte[] a, byte[] b, byte[] c)
        {
            var r = new byte[a.Length + b.Length + c.Length];
            a.CopyTo(r, 0);
            b.CopyTo(r, a.Length);
            c.CopyTo(r, a.Length + b.Length);
            return r;
        }

        private sealed class CountingSource : IEntropySource
        {
            public int Calls;
            public int Bytes;

            public void GetEntropy(byte[] buffer, int offset, int count)
            {
                Calls++;
                Bytes += count;
                RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
            }
        }

        [Fact]
        public void SourceSeeded_ReseedsAfterInterval_AndOnPredictionResistance()
        {
            var src = new CountingSource();
            var drbg = new HmacDrbg(src, new byte[] { 1, 2, 3 }, 3);
            Assert.Equal(2, src.Calls); // entropy input + nonce
            Assert.Equal(3, drbg.RequestsUntilReseed);
            var o = new byte[40];
            drbg.Generate(o, 0, 40);
            drbg.Generate(o, 0, 40);
            drbg.Generate(o, 0, 40);
            Assert.Equal(2, src.Calls);
            Assert.Equal(4, drbg.ReseedCounter);
            Assert.Equal(0, drbg.RequestsUntilReseed);
            drbg.Generate(o, 0, 40); // counter 4 > interval 3: reseed first
            Assert.Equal(3, src.Calls);
            Assert.Equal(2, drbg.ReseedCounter);
            drbg.Reseed();
            Assert.Equal(4, src.Calls);
            Assert.Equal(1, drbg.ReseedCounter);
            drbg.PredictionResistance = true;
            drbg.Generate(o, 0, 40);
            drbg.Generate(o, 0, 40);
            Assert.Equal(6, src.Calls);
            // Two instances never agree.
            var a = new byte[32];
            var b = new byte[32];
            new HmacDrbg(src, null).Generate(a, 0, 32);
            new HmacDrbg(src, null).Generate(b, 0, 32);
            Assert.NotEqual(a, b);
        }

        [Fact]
        public void ExplicitInstance_NeedsExplicitReseed()
        {
            var drbg = new HmacDrbg(new byte[32], new byte[16], null, 1);
            var o = new byte[16];
            drbg.Generate(o, 0, 16);
            Assert.Throws<InvalidOperationException>(() => drbg.Generate(o, 0, 16));
            Assert.Throws<InvalidOperationException>(() => drbg.Reseed());
            drbg.Reseed(new byte[32], 0, 32, null, 0, 0);
            drbg.Generate(o, 0, 16);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(31)]
        public void ExplicitEntropy_ShorterThanSecurityStrength_IsRefused(int length)
        {
            // SP 800-90A §8.6.3, §10.1.2.3-4: entropy input of at least the security strength, 256 bits.
            Assert.Throws<ArgumentException>(() => new HmacDrbg(new byte[length], new byte[16], null, 10));
            var drbg = new HmacDrbg(TestData.Hex("ca851911349384bffe89de1cbdc46e6831e44d34a4fb935ee285dd14b71a7488"), new byte[16], null, 10);
            var twin = new HmacDrbg(TestData.Hex("ca851911349384bffe89de1cbdc46e6831e44d34a4fb935ee285dd14b71a7488"), new byte[16], null, 10);
            var entropy = new byte[40];
            Assert.Throws<ArgumentException>(() => drbg.Reseed(entropy, 3, length, null, 0, 0));
            // The refused reseed changed nothing.
            var a = new byte[32];
            var b = new byte[32];
            drbg.Generate(a, 0, 32);
            twin.Generate(b, 0, 32);
            Assert.Equal(b, a);
            drbg.Reseed(entropy, 3, 32, null, 0, 0);
            new HmacDrbg(new byte[32], new byte[16], null, 10).Generate(a, 0, 32);
        }

        [Fact]
        public void Generate_AllocatesNothing_AndBadRangesThrow()
        {
            var drbg = new HmacDrbg(new CountingSource(), null, 1 << 20);
            var o = new byte[100];
            drbg.Generate(o, 0, 100);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++) drbg.Generate(o, 3, 97);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Array.Clear(o);
            Assert.Throws<ArgumentOutOfRangeException>(() => drbg.Generate(o, 1, 100));
            Assert.Throws<ArgumentOutOfRangeException>(() => drbg.Generate(o, -1, 10));
            Assert.Throws<ArgumentNullException>(() => drbg.Generate(null!, 0, 10));
            Assert.Equal(new byte[100], o);
        }
    }
}
