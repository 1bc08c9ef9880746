using System.Numerics;
using NanoMikey.Ecc;
using Ref = NanoMikey.Ecc.Tests.P256ReferenceCurve;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>Point arithmetic (Jacobian formulas, scalar multiplications) against the BigInteger reference curve.</summary>
    public class P256GroupTests
    {
        internal static BigInteger[]? Affine(P256Engine e, P256Point p)
        {
            var x = new uint[8];
            var y = new uint[8];
            if (e.ToAffine(p, x, y) == 0) return null;
            P256Field.FromMontgomery(x, x);
            P256Field.FromMontgomery(y, y);
            return new[] { P256FieldTests.Value(x), P256FieldTests.Value(y) };
        }

        private static void AssertPoint(BigInteger[]? expected, BigInteger[]? actual)
        {
            if (expected == null) { Assert.Null(actual); return; }
            Assert.NotNull(actual);
            Assert.Equal(expected[0].ToString("X"), actual![0].ToString("X"));
            Assert.Equal(expected[1].ToString("X"), actual[1].ToString("X"));
        }

        [Fact]
        public void AddAndDoubleMatchReference()
        {
            var e = new P256Engine();
            var g = new P256Point();
            P256BaseTable.SetGenerator(g);
            AssertPoint(Ref.G, Affine(e, g));
            var r = new P256Point();
            e.Double(r, g);
            AssertPoint(Ref.Add(Ref.G, Ref.G), Affine(e, r));
            var r3 = new P256Point();
            e.Add(r3, r, g);
            AssertPoint(Ref.Mul(3, Ref.G), Affine(e, r3));
            e.Add(r3, g, g);
            AssertPoint(Ref.Mul(2, Ref.G), Affine(e, r3));
            var inf = new P256Point();
            inf.SetInfinity();
            e.Add(r3, inf, g);
            AssertPoint(Ref.G, Affine(e, r3));
            e.Double(r3, inf);
            Assert.NotEqual(0u, r3.IsInfinity());
        }

        [Fact]
        public void ScalarMultiplicationsMatchReference()
        {
            var e = new P256Engine();
            var g = new P256Point();
            P256BaseTable.SetGenerator(g);
            var rng = new System.Random(5);
            var buf = new byte[32];
            var r = new P256Point();
            var ks = new System.Collections.Generic.List<BigInteger> { 1, 2, 3, 15, 16, 17, Ref.N - 1, Ref.N - 2 };
            for (int i = 0; i < 6; i++) { rng.NextBytes(buf); ks.Add(Ref.FromBytes(buf, 0, 32) % Ref.N); }
            foreach (var k in ks)
            {
                var expected = Ref.Mul(k, Ref.G);
                e.ScalarMult(r, g, P256FieldTests.Limbs(k));
                AssertPoint(expected, Affine(e, r));
                e.ScalarMultBase(r, P256FieldTests.Limbs(k));
                AssertPoint(expected, Affine(e, r));
                var q = new P256Point();
                e.ScalarMult(q, g, P256FieldTests.Limbs(7));
                e.DoubleScalarMultVartime(r, P256FieldTests.Limbs(k), P256FieldTests.Limbs(k + 5), q);
                AssertPoint(Ref.Mul(Ref.Mod(k + 7 * (k + 5), Ref.N), Ref.G), Affine(e, r));
            }
        }
    }
}
