using System.Numerics;
using NanoMikey.BigNum;
using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;

namespace NanoMikey.BigNum.Tests
{
    /// <summary>MODP Diffie-Hellman over the OAKLEY groups (RFC 2409 §6.1, §6.2; RFC 3526 §2) against BigInteger.</summary>
    public class ModpDiffieHellmanTests
    {
        // The hexadecimal values printed in RFC 2409 §6.1 and §6.2 (repeated in RFC 7296 Appendix B.1, B.2).
        private const string Rfc2409Group1 =
            "FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1 29024E08 8A67CC74 020BBEA6 3B139B22 514A0879 8E3404DD " +
            "EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245 E485B576 625E7EC6 F44C42E9 A63A3620 FFFFFFFF FFFFFFFF";

        private const string Rfc2409Group2 =
            "FFFFFFFF FFFFFFFF C90FDAA2 2168C234 C4C6628B 80DC1CD1 29024E08 8A67CC74 020BBEA6 3B139B22 514A0879 8E3404DD " +
            "EF9519B3 CD3A431B 302B0A6D F25F1437 4FE1356D 6D51C245 E485B576 625E7EC6 F44C42E9 A637ED6B 0BFF5CB6 F406B7ED " +
            "EE386BFB 5A899FA5 AE9F2411 7C4B1FE6 49286651 ECE65381 FFFFFFFF FFFFFFFF";

        public static TheoryData<ModpGroupId, int, int> Groups => new TheoryData<ModpGroupId, int, int>
        {
            { ModpGroupId.Oakley1, 768, 149686 },
            { ModpGroupId.Oakley2, 1024, 129093 },
            { ModpGroupId.Oakley5, 1536, 741804 },
        };

        [Theory]
        [MemberData(nameof(Groups))]
        public void PrimesFollowTheRfcFormulaAndAreSafePrimes(ModpGroupId group, int bits, int k)
        {
            // RFC 2409 §6.1/§6.2, RFC 3526 §2: p = 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) * pi) + k)
            BigInteger expected = (BigInteger.One << bits) - (BigInteger.One << (bits - 64)) - 1 + ((PiTimesPowerOfTwo(bits - 130) + k) << 64);
            BigInteger p = Prime(group);
            Assert.Equal(expected, p);
            Assert.Equal(bits, (int)p.GetBitLength());
            Assert.True(ProbablyPrime(p));
            Assert.True(ProbablyPrime((p - 1) / 2));
            Assert.Equal(7, (int)(p % 8)); // 2 is a quadratic residue: g = 2 generates the order-q subgroup
            if (group == ModpGroupId.Oakley1)
            {
                Assert.Equal(BigNumReference.FromBytes(TestData.Hex(Rfc2409Group1.Replace(" ", ""))), p);
            }
            else if (group == ModpGroupId.Oakley2)
            {
                Assert.Equal(BigNumReference.FromBytes(TestData.Hex(Rfc2409Group2.Replace(" ", ""))), p);
            }
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void TwoPartiesAgreeAndMatchBigInteger(ModpGroupId group, int bits, int k)
        {
            _ = k;
            var drbg = new HmacDrbg(new HostEntropySource(), null);
            var a = new ModpDiffieHellman(1536);
            var b = new ModpDiffieHellman(bits);
            Assert.True(a.TrySetGroup(group));
            Assert.True(b.TrySetGroup(group));
            Assert.Equal(group, a.Group);
            Assert.Equal(bits / 8, a.ValueLength);
            BigInteger p = Prime(group);
            for (int round = 0; round < 3; round++)
            {
                a.GenerateKeyPair(drbg);
                b.GenerateKeyPair(drbg);
                var ya = new byte[a.ValueLength];
                var yb = new byte[b.ValueLength];
                a.ExportPublicValue(ya, 0);
                b.ExportPublicValue(yb, 0);
                BigInteger xa = BigNumReference.FromBytes(a.PrivateExponent);
                Assert.Equal(BigInteger.ModPow(2, xa, p), BigNumReference.FromBytes(ya));
                var sa = new byte[a.ValueLength + 2];
                var sb = new byte[b.ValueLength];
                Assert.True(a.ComputeSharedSecret(yb, 0, yb.Length, sa, 2));
                Assert.True(b.ComputeSharedSecret(ya, 0, ya.Length, sb, 0));
                Assert.Equal(sb, sa.AsSpan(2).ToArray());
                Assert.Equal(BigInteger.ModPow(BigNumReference.FromBytes(yb), xa, p), BigNumReference.FromBytes(sb));
            }
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void BadPeerValuesAreRejectedWithTheSecretUntouched(ModpGroupId group, int bits, int k)
        {
            _ = k;
            var dh = new ModpDiffieHellman(1536);
            Assert.True(dh.TrySetGroup(group));
            dh.GenerateKeyPair(new HmacDrbg(new HostEntropySource(), null));
            BigInteger p = Prime(group);
            BigInteger q = (p - 1) / 2;
            BigInteger nonResidue = 2;
            while (BigInteger.ModPow(nonResidue, q, p).IsOne)
            {
                nonResidue++;
            }

            int size = bits / 8;
            var cases = new List<byte[]>
            {
                BigNumReference.ToBytes(0, size),
                BigNumReference.ToBytes(1, size),
                BigNumReference.ToBytes(p - 1, size),
                BigNumReference.ToBytes(p, size),
                BigNumReference.ToBytes(p + 1, size),
                BigNumReference.ToBytes((BigInteger.One << bits) - 1, size),
                BigNumReference.ToBytes(nonResidue, size),        // outside the order-q subgroup
                BigNumReference.ToBytes(p - 2, size),             // -2 is a non-residue for p = 7 mod 8
                new byte[] { 1 }.Concat(BigNumReference.ToBytes(4, size)).ToArray(), // longer, non-zero extra byte
                new byte[0],
            };
            foreach (byte[] peer in cases)
            {
                var secret = Enumerable.Repeat((byte)0xC3, size).ToArray();
                Assert.False(dh.ComputeSharedSecret(peer, 0, peer.Length, secret, 0));
                Assert.All(secret, v => Assert.Equal(0xC3, v));
            }

            // leading zero bytes and short encodings of a subgroup element are accepted (4 = 2^2 is a square)
            var s1 = new byte[size];
            var s2 = new byte[size];
            byte[] padded = new byte[3].Concat(BigNumReference.ToBytes(4, size)).ToArray();
            Assert.True(dh.ComputeSharedSecret(padded, 0, padded.Length, s1, 0));
            Assert.True(dh.ComputeSharedSecret(new byte[] { 4 }, 0, 1, s2, 0));
            Assert.Equal(s1, s2);
            Assert.Equal(BigInteger.ModPow(4, BigNumReference.FromBytes(dh.PrivateExponent), p), BigNumReference.FromBytes(s1));
            Assert.True(dh.ComputeSharedSecret(BigNumReference.ToBytes(p - 4, size), 0, size, s1, 0) ==
                        BigInteger.ModPow(p - 4, q, p).IsOne);
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void SubgroupCheckAgreesWithEulersCriterion(ModpGroupId group, int bits, int k)
        {
            _ = k;
            var dh = new ModpDiffieHellman(1536);
            Assert.True(dh.TrySetGroup(group));
            dh.GenerateKeyPair(new HmacDrbg(new HostEntropySource(), null));
            BigInteger p = Prime(group);
            BigInteger q = (p - 1) / 2;
            var rng = new Random(bits);
            int accepted = 0;
            for (int i = 0; i < 60; i++)
            {
                BigInteger y = BigNumReference.RandomBelow(rng, p - 3) + 2; // 2 <= y <= p-2
                var secret = new byte[bits / 8];
                bool ok = dh.ComputeSharedSecret(BigNumReference.ToBytes(y, bits / 8), 0, bits / 8, secret, 0);
                Assert.Equal(BigInteger.ModPow(y, q, p).IsOne, ok);
                accepted += ok ? 1 : 0;
            }

            Assert.InRange(accepted, 10, 50);
        }

        [Fact]
        public void GroupSelectionAndCallerBugs()
        {
            var small = new ModpDiffieHellman(1024);
            Assert.Equal((ModpGroupId)0, small.Group);
            Assert.Throws<InvalidOperationException>(() => small.GenerateKeyPair(new HmacDrbg(new HostEntropySource(), null)));
            Assert.True(small.TrySetGroup(ModpGroupId.Oakley2));
            Assert.False(small.TrySetGroup(ModpGroupId.Oakley5)); // larger than maxBits: state unchanged
            Assert.False(small.TrySetGroup((ModpGroupId)14));
            Assert.Equal(ModpGroupId.Oakley2, small.Group);
            Assert.Equal(128, small.ValueLength);
            Assert.False(small.HasKeyPair);
            Assert.Throws<InvalidOperationException>(() => small.ExportPublicValue(new byte[128], 0));
            Assert.Throws<InvalidOperationException>(() => small.ComputeSharedSecret(new byte[128], 0, 128, new byte[128], 0));
            Assert.Throws<ArgumentNullException>(() => small.GenerateKeyPair(null!));
            small.GenerateKeyPair(new HmacDrbg(new HostEntropySource(), null));
            Assert.True(small.HasKeyPair);
            Assert.Throws<ArgumentOutOfRangeException>(() => small.ExportPublicValue(new byte[128], 1));
            Assert.True(small.TrySetGroup(ModpGroupId.Oakley1)); // forgets the key pair
            Assert.False(small.HasKeyPair);
            Assert.Equal(96, small.ValueLength);
            Assert.Throws<ArgumentOutOfRangeException>(() => new ModpDiffieHellman(512));
        }

        [Fact]
        public void KeyGenerationAndSharedSecretAllocateNothing()
        {
            var drbg = new HmacDrbg(new HostEntropySource(), null);
            var a = new ModpDiffieHellman(1536);
            var b = new ModpDiffieHellman(1536);
            Assert.True(a.TrySetGroup(ModpGroupId.Oakley5));
            Assert.True(b.TrySetGroup(ModpGroupId.Oakley5));
            var y = new byte[192];
            var s = new byte[192];
            b.GenerateKeyPair(drbg);
            b.ExportPublicValue(y, 0);
            a.GenerateKeyPair(drbg);
            Assert.True(a.ComputeSharedSecret(y, 0, 192, s, 0));
            long before = GC.GetAllocatedBytesForCurrentThread();
            a.GenerateKeyPair(drbg);
            Assert.True(a.ComputeSharedSecret(y, 0, 192, s, 0));
            Assert.True(a.TrySetGroup(ModpGroupId.Oakley5));
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void ClearWipesTheKeyPair()
        {
            var dh = new ModpDiffieHellman(1536);
            Assert.True(dh.TrySetGroup(ModpGroupId.Oakley5));
            dh.GenerateKeyPair(new HmacDrbg(new HostEntropySource(), null));
            var y = new byte[192];
            dh.ExportPublicValue(y, 0);
            Assert.True(dh.ComputeSharedSecret(y, 0, 192, new byte[192], 0));
            dh.Clear();
            Assert.False(dh.HasKeyPair);
            Assert.Equal((ModpGroupId)0, dh.Group);
            Assert.All(dh.PrivateExponent, v => Assert.Equal(0, v));
            foreach (var field in typeof(ModpDiffieHellman).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance))
            {
                if (field.GetValue(dh) is byte[] bytes)
                {
                    Assert.All(bytes, v => Assert.Equal(0, v));
                }
            }
        }

        private static BigInteger Prime(ModpGroupId group)
        {
            var dh = new ModpDiffieHellman(1536);
            Assert.True(dh.TrySetGroup(group));
            byte[] bytes = group switch
            {
                ModpGroupId.Oakley1 => OakleyPrimes.Oakley1,
                ModpGroupId.Oakley2 => OakleyPrimes.Oakley2,
                _ => OakleyPrimes.Oakley5,
            };
            return BigNumReference.FromBytes(bytes);
        }

        /// <summary>floor(2^bits * pi) by Machin's formula pi = 16 atan(1/5) - 4 atan(1/239), with guard bits.</summary>
        private static BigInteger PiTimesPowerOfTwo(int bits)
        {
            BigInteger one = BigInteger.One << (bits + 64);
            BigInteger pi = (16 * ArctanInverse(5, one)) - (4 * ArctanInverse(239, one));
            return pi >> 64;
        }

        private static BigInteger ArctanInverse(int x, BigInteger one)
        {
            BigInteger term = one / x, sum = term, x2 = x * x;
            for (int n = 1; !term.IsZero; n++)
            {
                term /= x2;
                BigInteger t = term / ((2 * n) + 1);
                sum += n % 2 == 1 ? -t : t;
            }

            return sum;
        }

        private static bool ProbablyPrime(BigInteger n)
        {
            BigInteger d = n - 1;
            int s = 0;
            while (d.IsEven)
            {
                d >>= 1;
                s++;
            }

            foreach (int a in new[] { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 })
            {
                BigInteger x = BigInteger.ModPow(a, d, n);
                if (x.IsOne || x == n - 1)
                {
                    continue;
                }

                bool composite = true;
                for (int r = 1; r < s && composite; r++)
                {
                    x = BigInteger.ModPow(x, 2, n);
                    composite = x != n - 1;
                }

                if (composite)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
