using System.Numerics;
using NanoMikey.BigNum.Arithmetic;

namespace NanoMikey.BigNum.Tests
{
    /// <summary>The internal limb helpers (Arithmetic/) against BigInteger, including carries through all-ones limbs.</summary>
    public class LimbArithmeticTests
    {
        [Fact]
        public void AddSubtractCompareMatchBigInteger()
        {
            var rng = new Random(21);
            for (int round = 0; round < 2000; round++)
            {
                int count = 1 + rng.Next(9);
                BigInteger top = BigInteger.One << (32 * count);
                BigInteger a = BigNumReference.RandomBelow(rng, top);
                BigInteger b = round % 3 == 0 ? a : BigNumReference.RandomBelow(rng, top);
                uint[] al = BigNumReference.ToLimbs(a, count);
                uint[] bl = BigNumReference.ToLimbs(b, count);
                var r = new uint[count];
                uint carry = LimbAddition.Add(r, al, bl, count);
                Assert.Equal(a + b, BigNumReference.FromLimbs(r, count) + ((BigInteger)carry << (32 * count)));
                uint borrow = LimbSubtraction.Subtract(r, al, bl, count);
                Assert.Equal((a - b + top) % top, BigNumReference.FromLimbs(r, count));
                Assert.Equal(a < b ? 1u : 0u, borrow);
                Assert.Equal(a < b ? uint.MaxValue : 0u, LimbComparison.LessThan(al, bl, count));
                Assert.Equal(a == b ? uint.MaxValue : 0u, LimbComparison.Equal(al, bl, count));
                Assert.Equal(a.IsZero ? uint.MaxValue : 0u, LimbComparison.IsZero(al, count));
                Assert.Equal(a.IsOne ? uint.MaxValue : 0u, LimbComparison.IsOne(al, count));
                var prod = new uint[2 * count];
                LimbMultiplication.Multiply(prod, al, count, bl, count);
                Assert.Equal(a * b, BigNumReference.FromLimbs(prod, 2 * count));
            }
        }

        [Fact]
        public void DivisionMatchesBigInteger()
        {
            var rng = new Random(22);
            for (int round = 0; round < 600; round++)
            {
                int mCount = 1 + rng.Next(6);
                int aCount = mCount + rng.Next(7);
                BigInteger m = BigNumReference.RandomBelow(rng, BigInteger.One << (32 * mCount));
                if (m.IsZero)
                {
                    m = BigInteger.One;
                }

                BigInteger a = BigNumReference.RandomBelow(rng, BigInteger.One << (32 * aCount));
                var q = new uint[aCount];
                var rem = new uint[mCount];
                LimbDivision.DivideRemainder(q, rem, BigNumReference.ToLimbs(a, aCount), aCount, BigNumReference.ToLimbs(m, mCount), mCount, new uint[mCount]);
                Assert.Equal(a / m, BigNumReference.FromLimbs(q, aCount));
                Assert.Equal(a % m, BigNumReference.FromLimbs(rem, mCount));
            }
        }

        [Fact]
        public void JacobiSymbolMatchesAReference()
        {
            var rng = new Random(24);
            var jacobi = new JacobiSymbol(8);
            int[] seen = new int[3];
            for (int round = 0; round < 1500; round++)
            {
                int count = 1 + rng.Next(8);
                BigInteger n = BigNumReference.RandomBits(rng, (32 * count) - rng.Next(30)) | 1;
                if (round % 5 == 0)
                {
                    n = BigNumReference.RandomBits(rng, 20) | 1; // small n: gcd > 1 happens
                }

                BigInteger a = BigNumReference.RandomBelow(rng, n);
                if (round % 7 == 0)
                {
                    a = a * a % n; // squares
                }

                int expected = ReferenceJacobi(a, n);
                Assert.Equal(expected, jacobi.Compute(BigNumReference.ToLimbs(a, count), BigNumReference.ToLimbs(n, count), count));
                seen[expected + 1]++;
            }

            Assert.All(seen, c => Assert.True(c > 50));
        }

        /// <summary>Jacobi symbol by the textbook algorithm with BigInteger remainders.</summary>
        private static int ReferenceJacobi(BigInteger a, BigInteger n)
        {
            int t = 1;
            a %= n;
            while (!a.IsZero)
            {
                while (a.IsEven)
                {
                    a /= 2;
                    int r = (int)(n % 8);
                    if (r == 3 || r == 5)
                    {
                        t = -t;
                    }
                }

                (a, n) = (n, a);
                if (a % 4 == 3 && n % 4 == 3)
                {
                    t = -t;
                }

                a %= n;
            }

            return n.IsOne ? t : 0;
        }

        [Fact]
        public void InversesAndGcdMatchBigInteger()
        {
            var rng = new Random(23);
            var inverse = new ModularInverse(8);
            int inverted = 0;
            for (int round = 0; round < 600; round++)
            {
                int count = 1 + rng.Next(8);
                BigInteger m = BigNumReference.RandomBits(rng, (32 * count) - rng.Next(20)) | 1;
                BigInteger a = BigNumReference.RandomBelow(rng, m);
                var r = new uint[count];
                bool ok = inverse.TryInvertOdd(r, BigNumReference.ToLimbs(a, count), BigNumReference.ToLimbs(m, count), count);
                Assert.Equal(BigInteger.GreatestCommonDivisor(a, m).IsOne && !m.IsOne, ok);
                if (ok)
                {
                    Assert.Equal(BigInteger.One, a * BigNumReference.FromLimbs(r, count) % m);
                    inverted++;
                }

                // odd element modulo an even modulus (e modulo p-1)
                BigInteger even = m - 1;
                if (even.IsZero)
                {
                    continue;
                }

                BigInteger odd = (BigNumReference.RandomBelow(rng, even) | 1) % even;
                if (round % 4 == 0)
                {
                    odd = 65537 % even;
                }

                if (odd.IsEven)
                {
                    continue;
                }

                ok = inverse.TryInvertOddElement(r, BigNumReference.ToLimbs(odd, count), BigNumReference.ToLimbs(even, count), count);
                Assert.Equal(BigInteger.GreatestCommonDivisor(odd, even).IsOne, ok);
                if (ok)
                {
                    BigInteger x = BigNumReference.FromLimbs(r, count);
                    Assert.True(x < even || even.IsOne);
                    Assert.Equal(BigInteger.One % even, odd * x % even);
                }

                BigInteger g1 = BigNumReference.RandomBelow(rng, m) + 1;
                BigInteger g2 = (BigNumReference.RandomBelow(rng, m) + 1) * (round % 2 == 0 ? 1 : 12) % m + 1;
                inverse.Gcd(r, BigNumReference.ToLimbs(g1, count), BigNumReference.ToLimbs(g2 % (BigInteger.One << (32 * count)), count), count);
                Assert.Equal(BigInteger.GreatestCommonDivisor(g1, g2 % (BigInteger.One << (32 * count))), BigNumReference.FromLimbs(r, count));
            }

            Assert.True(inverted > 300);
        }
    }
}
