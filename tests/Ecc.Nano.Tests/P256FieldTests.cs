using System.Numerics;
using NanoMikey.Ecc;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>Field (mod p) and scalar (mod n) arithmetic against System.Numerics.BigInteger on random and edge values.</summary>
    public class P256FieldTests
    {
        internal static readonly BigInteger P = BigInteger.Parse("0FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", System.Globalization.NumberStyles.HexNumber);
        internal static readonly BigInteger N = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);
        private static readonly BigInteger R = BigInteger.One << 256;

        internal static uint[] Limbs(BigInteger v)
        {
            var r = new uint[8];
            for (int i = 0; i < 8; i++)
            {
                r[i] = (uint)((v >> (32 * i)) & 0xFFFFFFFF);
            }
            return r;
        }

        internal static BigInteger Value(uint[] l)
        {
            BigInteger v = 0;
            for (int i = 7; i >= 0; i--)
            {
                v = (v << 32) | l[i];
            }
            return v;
        }

        private static BigInteger[] Samples(BigInteger m, int count, int seed)
        {
            var rng = new System.Random(seed);
            var list = new System.Collections.Generic.List<BigInteger> { 0, 1, 2, m - 1, m - 2, (BigInteger.One << 255) % m, (BigInteger.One << 224), m >> 1 };
            var buf = new byte[33];
            while (list.Count < count)
            {
                rng.NextBytes(buf);
                buf[32] = 0;
                list.Add(new BigInteger(buf) % m);
            }
            return list.ToArray();
        }

        [Fact]
        public void FieldOperationsMatchBigInteger()
        {
            BigInteger rinv = BigInteger.ModPow(R, P - 2, P);
            var xs = Samples(P, 60, 1);
            var r = new uint[8];
            foreach (var a in xs)
            {
                foreach (var b in xs)
                {
                    P256Field.Mul(r, Limbs(a), Limbs(b));
                    Assert.Equal(a * b * rinv % P, Value(r));

                    // Both products, whichever flavour Mul runs (nano: columns, host: rows).
                    P256Field.MulRows(r, Limbs(a), Limbs(b));
                    Assert.Equal(a * b * rinv % P, Value(r));
                    P256Field.MulColumns(r, Limbs(a), Limbs(b));
                    Assert.Equal(a * b * rinv % P, Value(r));
                    P256Field.Add(r, Limbs(a), Limbs(b));
                    Assert.Equal((a + b) % P, Value(r));
                    P256Field.Sub(r, Limbs(a), Limbs(b));
                    Assert.Equal(((a - b) % P + P) % P, Value(r));
                }
                P256Field.Sqr(r, Limbs(a));
                Assert.Equal(a * a * rinv % P, Value(r));
                P256Field.Halve(r, Limbs(a));
                Assert.Equal(a * BigInteger.ModPow(2, P - 2, P) % P, Value(r));
                var t = new uint[8][];
                for (int i = 0; i < 4; i++) t[i] = new uint[8];
                P256Field.Invert(r, Limbs(a * R % P), t[0], t[1], t[2], t[3]);
                Assert.Equal(a == 0 ? 0 : BigInteger.ModPow(a, P - 2, P) * R % P, Value(r));
            }
        }

        [Fact]
        public void ScalarOperationsMatchBigInteger()
        {
            BigInteger rinv = BigInteger.ModPow(R, N - 2, N);
            var xs = Samples(N, 40, 2);
            var r = new uint[8];
            var engine = new P256Engine();
            foreach (var a in xs)
            {
                foreach (var b in xs)
                {
                    P256Scalar.Mul(r, Limbs(a), Limbs(b));
                    Assert.Equal(a * b * rinv % N, Value(r));
                    P256Scalar.Add(r, Limbs(a), Limbs(b));
                    Assert.Equal((a + b) % N, Value(r));
                    P256Scalar.Sub(r, Limbs(a), Limbs(b));
                    Assert.Equal(((a - b) % N + N) % N, Value(r));
                }
                engine.InvertScalar(r, Limbs(a));
                Assert.Equal(BigInteger.ModPow(a, N - 2, N), Value(r));
            }
        }
    }
}
