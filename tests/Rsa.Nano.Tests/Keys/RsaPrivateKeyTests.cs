using System.Numerics;
using System.Security.Cryptography;

namespace NanoMikey.Rsa.Tests.Keys
{
    /// <summary>RsaPrivateKey / RsaPublicKey (RFC 8017 §5.1, §5.2) against keys from .NET's RSA.Create and BigInteger.ModPow.</summary>
    public class RsaPrivateKeyTests
    {
        [Theory]
        [InlineData(1024)]
        [InlineData(2048)]
        [InlineData(3072)]
        [InlineData(4096)]
        public void PrimitivesMatchBigIntegerForDotNetKeys(int bits)
        {
            RSAParameters p = RsaKeyReference.Key(bits);
            RsaPrivateKey key = RsaKeyReference.Complete(p, 4096);
            int k = bits / 8;
            Assert.Equal(k, key.ModulusLength);
            Assert.Equal(bits, key.PublicKey.BitLength);
            BigInteger n = RsaKeyReference.Big(p.Modulus!), d = RsaKeyReference.Big(p.D!), e = RsaKeyReference.Big(p.Exponent!);
            var rng = new Random(bits);
            for (int i = 0; i < (bits <= 2048 ? 6 : 2); i++)
            {
                var raw = new byte[k + 8];
                rng.NextBytes(raw);
                BigInteger c = i == 0 ? n - 1 : (i == 1 ? BigInteger.One : RsaKeyReference.Big(raw) % n);
                byte[] cb = RsaKeyReference.Bytes(c, k);
                var m = new byte[k];
                Assert.True(key.ApplyPrivate(cb, 0, m, 0));
                Assert.Equal(BigInteger.ModPow(c, d, n), RsaKeyReference.Big(m));
                var back = new byte[k];
                Assert.True(key.PublicKey.ApplyPublic(m, 0, back, 0));
                Assert.Equal(cb, back);
                Assert.True(key.PublicKey.ApplyPublic(cb, 0, back, 0));
                Assert.Equal(BigInteger.ModPow(c, e, n), RsaKeyReference.Big(back));
                Assert.True(key.ApplyPrivate(back, 0, back, 0)); // in place
                Assert.Equal(cb, back);
            }
        }

        [Theory]
        [InlineData(1024)]
        [InlineData(2048)]
        public void TryImportPrimesDerivesTheCrtComponents(int bits)
        {
            RSAParameters p = RsaKeyReference.Key(bits);
            var key = new RsaPrivateKey(bits);
            Assert.True(key.TryImportPrimes(p.P!, 0, p.P!.Length, p.Q!, 0, p.Q!.Length, p.Exponent!, 0, p.Exponent!.Length));
            Assert.Equal(RsaKeyReference.Big(p.Modulus!), Export(key, RsaPrivateComponent.Modulus));
            Assert.Equal(RsaKeyReference.Big(p.DP!), Export(key, RsaPrivateComponent.Exponent1));
            Assert.Equal(RsaKeyReference.Big(p.DQ!), Export(key, RsaPrivateComponent.Exponent2));
            Assert.Equal(RsaKeyReference.Big(p.InverseQ!), Export(key, RsaPrivateComponent.Coefficient));

            // d = e^-1 mod lambda(n) (RFC 8017 §3.2); .NET's D is congruent to it modulo lambda
            BigInteger lambda = RsaKeyReference.Lambda(p);
            BigInteger e = RsaKeyReference.Big(p.Exponent!);
            BigInteger derived = Export(key, RsaPrivateComponent.PrivateExponent);
            Assert.Equal(RsaKeyReference.ModInverse(e, lambda), derived);
            Assert.Equal(RsaKeyReference.Big(p.D!) % lambda, derived);

            // the derived key works and completes again from its own export
            var c = new byte[bits / 8];
            c[5] = 0x42;
            var m = new byte[bits / 8];
            Assert.True(key.ApplyPrivate(c, 0, m, 0));
            Assert.Equal(BigInteger.ModPow(RsaKeyReference.Big(c), RsaKeyReference.Big(p.D!), RsaKeyReference.Big(p.Modulus!)), RsaKeyReference.Big(m));

            // primes swapped (q > p): qInv changes, results do not
            var swapped = new RsaPrivateKey(bits);
            Assert.True(swapped.TryImportPrimes(p.Q!, 0, p.Q!.Length, p.P!, 0, p.P!.Length, p.Exponent!, 0, p.Exponent!.Length));
            var m2 = new byte[bits / 8];
            Assert.True(swapped.ApplyPrivate(c, 0, m2, 0));
            Assert.Equal(m, m2);
        }

        [Fact]
        public void TryCompleteDerivesMissingComponents()
        {
            RSAParameters p = RsaKeyReference.Key(1024);
            var key = new RsaPrivateKey(1024);
            key.SetComponent(RsaPrivateComponent.Modulus, p.Modulus!, 0, p.Modulus!.Length);
            key.SetComponent(RsaPrivateComponent.PublicExponent, p.Exponent!, 0, p.Exponent!.Length);
            key.SetComponent(RsaPrivateComponent.Prime1, p.P!, 0, p.P!.Length);
            key.SetComponent(RsaPrivateComponent.Prime2, p.Q!, 0, p.Q!.Length);
            Assert.True(key.TryComplete());
            Assert.Equal(RsaKeyReference.Big(p.DP!), Export(key, RsaPrivateComponent.Exponent1));
            Assert.Equal(RsaKeyReference.Big(p.InverseQ!), Export(key, RsaPrivateComponent.Coefficient));
        }

        [Theory]
        [InlineData(RsaPrivateComponent.Modulus)]
        [InlineData(RsaPrivateComponent.PrivateExponent)]
        [InlineData(RsaPrivateComponent.Prime1)]
        [InlineData(RsaPrivateComponent.Prime2)]
        [InlineData(RsaPrivateComponent.Exponent1)]
        [InlineData(RsaPrivateComponent.Exponent2)]
        [InlineData(RsaPrivateComponent.Coefficient)]
        public void TryCompleteRejectsAnInconsistentComponentAndWipesAll(RsaPrivateComponent component)
        {
            RSAParameters p = RsaKeyReference.Key(1024);
            RsaPrivateKey key = RsaKeyReference.Holder(p, 1024);
            byte[] value = component switch
            {
                RsaPrivateComponent.Modulus => p.Modulus!,
                RsaPrivateComponent.PrivateExponent => p.D!,
                RsaPrivateComponent.Prime1 => p.P!,
                RsaPrivateComponent.Prime2 => p.Q!,
                RsaPrivateComponent.Exponent1 => p.DP!,
                RsaPrivateComponent.Exponent2 => p.DQ!,
                _ => p.InverseQ!,
            };
            byte[] wrong = (byte[])value.Clone();
            wrong[wrong.Length - 1] ^= 2; // stays odd where parity matters
            key.SetComponent(component, wrong, 0, wrong.Length);
            Assert.False(key.TryComplete());
            Assert.False(key.HasValue);
            Assert.False(key.PublicKey.HasValue);
            for (int i = 0; i < 8; i++)
            {
                Assert.All(key.ComponentBuffer((RsaPrivateComponent)i), b => Assert.Equal(0, b));
            }

            Assert.Throws<InvalidOperationException>(() => key.ApplyPrivate(new byte[128], 0, new byte[128], 0));
        }

        [Fact]
        public void TryCompleteRejectsBadExponentsAndMissingParts()
        {
            RSAParameters p = RsaKeyReference.Key(1024);
            foreach (byte[] e in new[] { new byte[] { 1, 0, 0 }, new byte[] { 1 }, new byte[] { 0 }, p.Modulus! })
            {
                var key = new RsaPrivateKey(1024);
                Assert.False(key.TryImportPrimes(p.P!, 0, p.P!.Length, p.Q!, 0, p.Q!.Length, e, 0, e.Length));
                Assert.False(key.HasValue);
            }

            RsaPrivateKey missing = RsaKeyReference.Holder(p, 1024);
            missing.Clear();
            missing.SetComponent(RsaPrivateComponent.Modulus, p.Modulus!, 0, p.Modulus!.Length);
            missing.SetComponent(RsaPrivateComponent.PublicExponent, p.Exponent!, 0, p.Exponent!.Length);
            missing.SetComponent(RsaPrivateComponent.PrivateExponent, p.D!, 0, p.D!.Length);
            Assert.False(missing.TryComplete()); // no primes: no CRT

            // e sharing a factor with p-1 (3 divides p-1 or q-1 for one of a few tries) or an even prime
            var even = (byte[])p.P!.Clone();
            even[even.Length - 1] ^= 1;
            Assert.False(new RsaPrivateKey(1024).TryImportPrimes(even, 0, even.Length, p.Q!, 0, p.Q!.Length, p.Exponent!, 0, p.Exponent!.Length));

            // primes too short for MinBits
            Assert.False(new RsaPrivateKey(1024).TryImportPrimes(p.P!, 0, p.P!.Length, new byte[] { 3 }, 0, 1, p.Exponent!, 0, p.Exponent!.Length));

            // a value longer than maxBits is a caller bug for SetComponent, a plain false for TryImportPrimes
            var tooLong = new byte[129];
            tooLong[0] = 1;
            Assert.Throws<ArgumentOutOfRangeException>(() => new RsaPrivateKey(1024).SetComponent(RsaPrivateComponent.Modulus, tooLong, 0, 129));
            Assert.False(new RsaPrivateKey(1024).TryImportPrimes(tooLong, 0, 129, p.Q!, 0, p.Q!.Length, p.Exponent!, 0, p.Exponent!.Length));
        }

        [Fact]
        public void ExponentSharingAFactorWithPMinusOneIsRejected()
        {
            RSAParameters p = RsaKeyReference.Key(1024);
            // the odd part of p-1: odd, 3 <= e < n, and gcd(e, p-1) = e
            BigInteger f = RsaKeyReference.Big(p.P!) - 1;
            while (f.IsEven)
            {
                f >>= 1;
            }

            byte[] e = f.ToByteArray(isUnsigned: true, isBigEndian: true);
            Assert.False(new RsaPrivateKey(1024).TryImportPrimes(p.P!, 0, p.P!.Length, p.Q!, 0, p.Q!.Length, e, 0, e.Length));
        }

        [Theory]
        [InlineData(RsaPrivateComponent.Exponent1)]
        [InlineData(RsaPrivateComponent.Exponent2)]
        [InlineData(RsaPrivateComponent.Coefficient)]
        public void FaultInACrtComponentIsCaughtAndTheOutputWiped(RsaPrivateComponent component)
        {
            RSAParameters p = RsaKeyReference.Key(1024);
            RsaPrivateKey key = RsaKeyReference.Complete(p, 1024);
            var c = new byte[128];
            new Random(3).NextBytes(c);
            c[0] = 0;
            var m = new byte[128];
            Assert.True(key.ApplyPrivate(c, 0, m, 0));
            byte[] buffer = key.ComponentBuffer(component);
            buffer[buffer.Length - 3] ^= 0x10; // a fault in the stored component
            Array.Fill(m, (byte)0xEE);
            Assert.False(key.ApplyPrivate(c, 0, m, 0));
            Assert.All(m, b => Assert.Equal(0, b));
            buffer[buffer.Length - 3] ^= 0x10;
            Assert.True(key.ApplyPrivate(c, 0, m, 0));
        }

        [Fact]
        public void InputNotBelowTheModulusIsRejected()
        {
            RSAParameters p = RsaKeyReference.Key(1024);
            RsaPrivateKey key = RsaKeyReference.Complete(p, 2048);
            BigInteger n = RsaKeyReference.Big(p.Modulus!);
            foreach (BigInteger c in new[] { n, n + 1, (BigInteger.One << 1024) - 1 })
            {
                byte[] cb = RsaKeyReference.Bytes(c, 128);
                var output = Enumerable.Repeat((byte)0x5A, 128).ToArray();
                Assert.False(key.ApplyPrivate(cb, 0, output, 0));
                Assert.All(output, b => Assert.Equal(0, b));
                output = Enumerable.Repeat((byte)0x5A, 128).ToArray();
                Assert.False(key.PublicKey.ApplyPublic(cb, 0, output, 0));
                Assert.All(output, b => Assert.Equal(0x5A, b));
            }
        }

        [Fact]
        public void ExportRoundTripsAndSameAs()
        {
            RSAParameters p = RsaKeyReference.Key(2048);
            RsaPrivateKey key = RsaKeyReference.Complete(p, 2048);
            foreach (RsaPrivateComponent c in Enum.GetValues<RsaPrivateComponent>())
            {
                Assert.True(Export(key, c) > 0);
            }

            var n = new byte[256];
            key.PublicKey.ExportModulus(n, 0);
            Assert.Equal(p.Modulus, n);
            var e = new byte[key.PublicKey.ExponentLength];
            key.PublicKey.ExportExponent(e, 0);
            Assert.Equal(RsaKeyReference.Big(p.Exponent!), RsaKeyReference.Big(e));
            var pub = new RsaPublicKey(4096);
            Assert.True(pub.TryImport(n, 0, 256, p.Exponent!, 0, p.Exponent!.Length));
            Assert.True(pub.SameAs(key.PublicKey));
            Assert.True(key.PublicKey.SameAs(pub));
            n[100] ^= 1;
            var other = new RsaPublicKey(2048);
            Assert.True(other.TryImport(n, 0, 256, p.Exponent!, 0, p.Exponent!.Length));
            Assert.False(other.SameAs(pub));
            Assert.False(pub.SameAs(null!));
        }

        [Fact]
        public void PublicKeyImportChecksRanges()
        {
            RSAParameters p = RsaKeyReference.Key(2048);
            var key = new RsaPublicKey(2048);
            Assert.True(key.TryImport(p.Modulus!, 0, 256, new byte[] { 0, 0, 3 }, 0, 3));
            Assert.Equal(1, key.ExponentLength);
            byte[] even = (byte[])p.Modulus!.Clone();
            even[255] ^= 1;
            Assert.False(key.TryImport(even, 0, 256, p.Exponent!, 0, p.Exponent!.Length));
            Assert.False(key.TryImport(p.Modulus!, 0, 256, new byte[] { 1, 0, 0, 0 }, 0, 4)); // even e
            Assert.False(key.TryImport(p.Modulus!, 0, 256, new byte[] { 1 }, 0, 1));          // e = 1
            Assert.False(key.TryImport(p.Modulus!, 0, 256, p.Modulus!, 0, 256));              // e = n
            RSAParameters small = RsaKeyReference.Key(1024);
            Assert.True(key.TryImport(small.Modulus!, 0, 128, small.Exponent!, 0, small.Exponent!.Length));
            Assert.Equal(1024, key.BitLength);
            var shortModulus = new byte[127];
            Array.Copy(small.Modulus!, 1, shortModulus, 0, 127);
            shortModulus[126] |= 1;
            Assert.False(key.TryImport(shortModulus, 0, 127, small.Exponent!, 0, small.Exponent!.Length)); // 1016 bits
            RSAParameters big = RsaKeyReference.Key(3072);
            Assert.False(key.TryImport(big.Modulus!, 0, 384, big.Exponent!, 0, big.Exponent!.Length)); // over maxBits
            Assert.Equal(1024, key.BitLength); // previous key kept
            Assert.Throws<ArgumentOutOfRangeException>(() => new RsaPublicKey(512));
            Assert.Throws<InvalidOperationException>(() => new RsaPublicKey(1024).ApplyPublic(new byte[128], 0, new byte[128], 0));
        }

        [Fact]
        public void OperationsAllocateNothingAfterConstruction()
        {
            RSAParameters p = RsaKeyReference.Key(2048);
            RsaPrivateKey key = RsaKeyReference.Complete(p, 2048);
            var c = new byte[256];
            c[3] = 9;
            var m = new byte[256];
            Assert.True(key.ApplyPrivate(c, 0, m, 0));
            Assert.True(key.PublicKey.ApplyPublic(m, 0, c, 0));
            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.True(key.ApplyPrivate(c, 0, m, 0));
            Assert.True(key.PublicKey.ApplyPublic(m, 0, c, 0));
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void ClearWipesEverything()
        {
            RSAParameters p = RsaKeyReference.Key(1024);
            RsaPrivateKey key = RsaKeyReference.Complete(p, 1024);
            var m = new byte[128];
            Assert.True(key.ApplyPrivate(p.Modulus!.Skip(1).Prepend((byte)0).ToArray(), 0, m, 0));
            key.Clear();
            Assert.False(key.HasValue);
            Assert.False(key.PublicKey.HasValue);
            AssertWiped(key);
            Assert.Throws<InvalidOperationException>(() => key.ExportComponent(RsaPrivateComponent.Prime1, m, 0));
        }

        private static void AssertWiped(object o)
        {
            foreach (var field in o.GetType().GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance))
            {
                object? v = field.GetValue(o);
                if (v is uint[] limbs)
                {
                    Assert.All(limbs, w => Assert.Equal(0u, w));
                }
                else if (v is byte[] bytes)
                {
                    Assert.All(bytes, b => Assert.Equal(0, b));
                }
                else if (v is byte[][] arrays)
                {
                    Assert.All(arrays, a => Assert.All(a, b => Assert.Equal(0, b)));
                }
                else if (v != null && v.GetType().Namespace!.StartsWith("NanoMikey", StringComparison.Ordinal) && !v.GetType().IsEnum)
                {
                    AssertWiped(v);
                }
            }
        }

        private static BigInteger Export(RsaPrivateKey key, RsaPrivateComponent component)
        {
            var buffer = new byte[600];
            int length = key.ExportComponent(component, buffer, 0);
            Assert.True(length > 0);
            if (length > 1)
            {
                Assert.NotEqual(0, buffer[0]);
            }

            return RsaKeyReference.Big(buffer.AsSpan(0, length).ToArray());
        }
    }
}
