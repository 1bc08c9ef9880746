using System.Numerics;
using NanoMikey.BigNum;

namespace NanoMikey.BigNum.Tests
{
    /// <summary>MontgomeryModulus against BigInteger.ModPow: random odd moduli of many sizes, edge values, both paths.</summary>
    public class MontgomeryModulusTests
    {
        private static readonly int[] Sizes = { 2, 3, 5, 8, 17, 31, 32, 33, 63, 64, 65, 95, 96, 97, 127, 128, 129, 160, 255, 256, 257, 511, 512, 768, 1023, 1024, 1536 };

        [Fact]
        public void ModPowMatchesBigIntegerOnRandomModuli()
        {
            var rng = new Random(1401);
            int checks = 0;
            foreach (int bits in Sizes)
            {
                var mod = new MontgomeryModulus(bits + rng.Next(0, 100));
                int rounds = bits <= 256 ? 60 : (bits <= 1024 ? 8 : 3);
                for (int r = 0; r < rounds; r++)
                {
                    BigInteger n = BigNumReference.RandomOddModulus(rng, bits);
                    if (n < 3)
                    {
                        n = 3;
                    }

                    byte[] nb = BigNumReference.ToBytes(n, (bits + 7) / 8);
                    Assert.True(mod.TrySet(nb, 0, nb.Length));
                    Assert.Equal((int)n.GetBitLength(), mod.BitLength);
                    for (int k = 0; k < 4; k++)
                    {
                        BigInteger v = BigNumReference.RandomBelow(rng, n);
                        BigInteger e = k == 0 ? BigNumReference.RandomBelow(rng, n) : BigNumReference.RandomBits(rng, 1 + rng.Next(bits + 40));
                        byte[] vb = BigNumReference.ToBytes(v, mod.ByteLength);
                        byte[] eb = e.ToByteArray(isUnsigned: true, isBigEndian: true);
                        BigInteger expected = BigInteger.ModPow(v, e, n);
                        var secret = new byte[mod.ByteLength + 3];
                        var plain = new byte[mod.ByteLength];
                        Assert.True(mod.ModPow(vb, 0, vb.Length, eb, 0, eb.Length, true, secret, 3));
                        Assert.True(mod.ModPow(vb, 0, vb.Length, eb, 0, eb.Length, false, plain, 0));
                        Assert.Equal(expected, BigNumReference.FromBytes(plain));
                        Assert.Equal(plain, secret.AsSpan(3).ToArray());
                        checks++;
                    }
                }
            }

            Assert.True(checks > 2000);
        }

        [Fact]
        public void ModPowEdgeExponentsAndValues()
        {
            var rng = new Random(7);
            foreach (int bits in new[] { 64, 96, 1024 })
            {
                BigInteger n = (BigInteger.One << bits) - 1; // all-ones limbs
                if (bits == 1024)
                {
                    n = BigNumReference.RandomBits(rng, bits) | 1;
                }

                var mod = new MontgomeryModulus(bits);
                byte[] nb = BigNumReference.ToBytes(n, bits / 8);
                Assert.True(mod.TrySet(nb, 0, nb.Length));
                BigInteger[] values = { 0, 1, 2, n - 1, n - 2, (n + 1) / 2 };
                byte[][] exponents = { new byte[0], new byte[] { 0 }, new byte[] { 1 }, new byte[] { 2 }, new byte[] { 0, 0, 0, 1 }, new byte[] { 1, 0, 1 }, Enumerable.Repeat((byte)0xFF, 40).ToArray() };
                foreach (BigInteger v in values)
                {
                    foreach (byte[] e in exponents)
                    {
                        byte[] vb = BigNumReference.ToBytes(v, nb.Length);
                        var r1 = new byte[nb.Length];
                        var r2 = new byte[nb.Length];
                        Assert.True(mod.ModPow(vb, 0, vb.Length, e, 0, e.Length, true, r1, 0));
                        Assert.True(mod.ModPow(vb, 0, vb.Length, e, 0, e.Length, false, r2, 0));
                        BigInteger expected = BigInteger.ModPow(v, BigNumReference.FromBytes(e), n);
                        Assert.Equal(expected, BigNumReference.FromBytes(r1));
                        Assert.Equal(expected, BigNumReference.FromBytes(r2));
                    }
                }
            }
        }

        [Fact]
        public void ValueNotBelowModulusIsRejectedAndResultUntouched()
        {
            var mod = new MontgomeryModulus(128);
            BigInteger n = BigInteger.Parse("340282366920938463463374607431768211297"); // 2^128 - 159, odd
            byte[] nb = BigNumReference.ToBytes(n, 16);
            Assert.True(mod.TrySet(nb, 0, 16));
            var result = Enumerable.Repeat((byte)0xA5, 16).ToArray();
            byte[] e = { 3 };
            foreach (BigInteger v in new[] { n, n + 1, (BigInteger.One << 128) - 1 })
            {
                byte[] vb = BigNumReference.ToBytes(v, 16);
                Assert.False(mod.ModPow(vb, 0, 16, e, 0, 1, true, result, 0));
                Assert.False(mod.ModPow(vb, 0, 16, e, 0, 1, false, result, 0));
            }

            // a longer encoding: leading zero bytes accepted, a non-zero byte above the modulus length rejected
            var longer = new byte[20];
            longer[19] = 5;
            Assert.False(mod.ModPow(new byte[] { 1 }.Concat(longer).ToArray(), 0, 21, e, 0, 1, false, result, 0));
            Assert.All(result, b => Assert.Equal(0xA5, b));
            Assert.True(mod.ModPow(longer, 0, 20, e, 0, 1, false, result, 0));
            Assert.Equal(new BigInteger(125), BigNumReference.FromBytes(result));
        }

        [Fact]
        public void TrySetRejectsEvenTinyAndOversizedModuliKeepingThePreviousOne()
        {
            var mod = new MontgomeryModulus(64);
            Assert.True(mod.TrySet(new byte[] { 0, 0, 0x65 }, 0, 3));
            Assert.Equal(7, mod.BitLength);
            Assert.Equal(1, mod.ByteLength);
            Assert.False(mod.TrySet(new byte[] { 0x10, 0x00 }, 0, 2));       // even
            Assert.False(mod.TrySet(new byte[] { 0, 1 }, 0, 2));             // 1
            Assert.False(mod.TrySet(new byte[] { 0 }, 0, 1));                // 0
            Assert.False(mod.TrySet(new byte[0], 0, 0));                     // empty
            var big = new byte[9];
            big[0] = 1;
            big[8] = 1;
            Assert.False(mod.TrySet(big, 0, 9));                             // 65 bits
            Assert.Equal(7, mod.BitLength);
            var r = new byte[1];
            Assert.True(mod.ModPow(new byte[] { 2 }, 0, 1, new byte[] { 10 }, 0, 1, true, r, 0));
            Assert.Equal(1024 % 0x65, r[0]);
            Assert.True(mod.TrySet(new byte[] { 3 }, 0, 1));
            Assert.True(mod.ModPow(new byte[] { 2 }, 0, 1, new byte[] { 3 }, 0, 1, true, r, 0));
            Assert.Equal(2, r[0]);
        }

        [Fact]
        public void CallerBugsThrow()
        {
            var mod = new MontgomeryModulus(64);
            var r = new byte[8];
            Assert.Throws<InvalidOperationException>(() => mod.ModPow(r, 0, 1, r, 0, 1, false, r, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new MontgomeryModulus(4097));
            Assert.Throws<ArgumentOutOfRangeException>(() => new MontgomeryModulus(1));
            Assert.Throws<ArgumentNullException>(() => mod.TrySet(null!, 0, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => mod.TrySet(r, 4, 5));
            Assert.True(mod.TrySet(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, 0, 8));
            Assert.Throws<ArgumentOutOfRangeException>(() => mod.ModPow(r, 0, 8, r, 0, 1, false, r, 1));
        }

        [Fact]
        public void MontgomeryProductsMatchBigInteger()
        {
            var rng = new Random(99);
            int checks = 0;
            foreach (int bits in new[] { 31, 32, 33, 64, 100, 256, 521, 1024, 2048, 4096 })
            {
                var mod = new MontgomeryModulus(bits);
                for (int r = 0; r < 10; r++)
                {
                    BigInteger n = BigNumReference.RandomOddModulus(rng, bits);
                    byte[] nb = BigNumReference.ToBytes(n, (bits + 7) / 8);
                    Assert.True(mod.TrySet(nb, 0, nb.Length));
                    int limbs = mod.LimbCount;
                    for (int k = 0; k < 30; k++)
                    {
                        BigInteger a = BigNumReference.RandomBelow(rng, n);
                        BigInteger b = BigNumReference.RandomBelow(rng, n);
                        uint[] al = BigNumReference.ToLimbs(a, limbs);
                        uint[] bl = BigNumReference.ToLimbs(b, limbs);
                        var prod = new uint[limbs];
                        mod.MultiplyModular(prod, al, bl);
                        Assert.Equal(a * b % n, BigNumReference.FromLimbs(prod, limbs));

                        // Montgomery product: a*b*R^-1 mod n, i.e. (result * R) mod n == a*b mod n
                        mod.Multiply(prod, al, bl);
                        BigInteger mont = BigNumReference.FromLimbs(prod, limbs);
                        Assert.True(mont < n);
                        Assert.Equal(a * b % n, (mont << (32 * limbs)) % n);
                        checks++;
                    }
                }
            }

            Assert.True(checks >= 3000);
        }

        [Fact]
        public void ModPowAllocatesNothingAfterConstruction()
        {
            var mod = new MontgomeryModulus(2048);
            var rng = new Random(5);
            byte[] nb = BigNumReference.ToBytes(BigNumReference.RandomBits(rng, 2048) | 1, 256);
            var v = new byte[256];
            var e = new byte[256];
            var r = new byte[256];
            rng.NextBytes(e);
            v[10] = 7;
            Assert.True(mod.TrySet(nb, 0, 256));
            Assert.True(mod.ModPow(v, 0, 256, e, 0, 32, true, r, 0));
            Assert.True(mod.ModPow(v, 0, 256, e, 0, 3, false, r, 0));
            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.True(mod.TrySet(nb, 0, 256));
            Assert.True(mod.ModPow(v, 0, 256, e, 0, 32, true, r, 0));
            Assert.True(mod.ModPow(v, 0, 256, e, 0, 3, false, r, 0));
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void ClearForgetsTheModulusAndWipesScratch()
        {
            var mod = new MontgomeryModulus(256);
            var rng = new Random(6);
            byte[] nb = BigNumReference.ToBytes(BigNumReference.RandomBits(rng, 256) | 1, 32);
            Assert.True(mod.TrySet(nb, 0, 32));
            var r = new byte[32];
            Assert.True(mod.ModPow(nb, 1, 31, nb, 0, 32, true, r, 0));
            mod.Clear();
            Assert.False(mod.HasValue);
            Assert.Equal(0, mod.BitLength);
            foreach (var field in typeof(MontgomeryModulus).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance))
            {
                if (field.GetValue(mod) is uint[] limbs)
                {
                    Assert.All(limbs, w => Assert.Equal(0u, w));
                }
            }

            Assert.Throws<InvalidOperationException>(() => mod.ModPow(r, 0, 1, r, 0, 1, true, r, 0));
        }
    }
}
