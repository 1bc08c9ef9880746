using System.Numerics;
using NanoMikey.Ecc;
using Ref = NanoMikey.Ecc.Tests.P256ReferenceCurve;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>
    /// Edge cases of the Jacobian scalar multiplications against the BigInteger reference: the signed-window variable-base
    /// path and the comb near 0 and n and at window/tooth boundaries, the wNAF double-scalar path with zero, one and
    /// n-1 multipliers, q = ±G and sums that pass through infinity, and the complete variable-time additions.
    /// </summary>
    public class P256ScalarMultEdgeTests
    {
        private static BigInteger[]? Affine(P256Engine e, P256Point p) => P256GroupTests.Affine(e, p);

        private static void AssertPoint(BigInteger[]? expected, BigInteger[]? actual, string what)
        {
            if (expected == null)
            {
                Assert.True(actual == null, what + ": expected infinity");
                return;
            }

            Assert.True(actual != null, what + ": unexpected infinity");
            Assert.True(expected[0] == actual![0] && expected[1] == actual[1], what);
        }

        private static P256Point Point(BigInteger[] a)
        {
            var p = new P256Point();
            var x = P256FieldTests.Limbs(a[0]);
            var y = P256FieldTests.Limbs(a[1]);
            P256Field.ToMontgomery(x, x);
            P256Field.ToMontgomery(y, y);
            p.SetAffine(x, y);
            return p;
        }

        /// <summary>Scalars at the edges of the windows, teeth and the group order.</summary>
        internal static List<BigInteger> EdgeScalars()
        {
            var ks = new List<BigInteger>();
            for (int i = 1; i <= 40; i++)
            {
                ks.Add(i);
                ks.Add(Ref.N - i);
            }

            for (int b = 0; b < 256; b += 13)
            {
                ks.Add(BigInteger.One << b);
                ks.Add((BigInteger.One << b) - 1);
                ks.Add(Ref.N - (BigInteger.One << b));
            }

            // Booth windows all 16 / all -16, comb blocks all ones.
            BigInteger sixteens = 0, ones52 = 0;
            for (int w = 0; w < 51; w++) sixteens |= BigInteger.One << (5 * w + 4);
            for (int m = 0; m < 5; m++) ones52 |= ((BigInteger.One << 13) - 1) << (52 * m);
            ks.Add(sixteens);
            ks.Add(Ref.N - sixteens);
            ks.Add(ones52);
            ks.Add(Ref.N - ones52);
            ks.Add((Ref.N - 1) / 2);
            ks.Add((Ref.N + 1) / 2);
            return ks;
        }

        [Fact]
        public void VariableAndFixedBase_EdgeScalars_MatchReference()
        {
            var e = new P256Engine();
            var g = new P256Point();
            P256BaseTable.SetGenerator(g);
            var q = Ref.Mul(0x1234567, Ref.G)!;
            var qp = Point(q);
            var r = new P256Point();
            foreach (BigInteger k in EdgeScalars())
            {
                var limbs = P256FieldTests.Limbs(k);
                e.ScalarMultBase(r, limbs);
                AssertPoint(Ref.Mul(k, Ref.G), Affine(e, r), "comb k=" + k.ToString("X"));
                e.ScalarMult(r, g, limbs);
                AssertPoint(Ref.Mul(k, Ref.G), Affine(e, r), "window G k=" + k.ToString("X"));
                e.ScalarMult(r, qp, limbs);
                AssertPoint(Ref.Mul(k, q), Affine(e, r), "window Q k=" + k.ToString("X"));
            }
        }

        [Fact]
        public void ScalarsAtOrAboveN_AreReducedFirst()
        {
            var e = new P256Engine();
            var g = new P256Point();
            P256BaseTable.SetGenerator(g);
            var r = new P256Point();
            // n + 30 unreduced would make the signed windows' last addition a doubling (32 m = d mod n).
            foreach (BigInteger k in new[] { Ref.N, Ref.N + 1, Ref.N + 16, Ref.N + 30, (BigInteger.One << 256) - 1 })
            {
                var limbs = P256FieldTests.Limbs(k);
                BigInteger reduced = k % Ref.N;
                e.ScalarMultBase(r, limbs);
                AssertPoint(reduced == 0 ? null : Ref.Mul(reduced, Ref.G), Affine(e, r), "comb k=" + k.ToString("X"));
                e.ScalarMult(r, g, limbs);
                AssertPoint(reduced == 0 ? null : Ref.Mul(reduced, Ref.G), Affine(e, r), "window k=" + k.ToString("X"));
            }
        }

        [Fact]
        public void ScalarMult_OfInfinity_IsInfinity()
        {
            var e = new P256Engine();
            var inf = new P256Point();
            inf.SetInfinity();
            var r = new P256Point();
            e.ScalarMult(r, inf, P256FieldTests.Limbs(12345));
            Assert.NotEqual(0u, r.IsInfinity());
        }

        [Fact]
        public void DoubleScalar_EdgeMultipliers_MatchReference()
        {
            var e = new P256Engine();
            var rng = new Random(17);
            var buf = new byte[32];
            BigInteger Rand()
            {
                rng.NextBytes(buf);
                return Ref.FromBytes(buf, 0, 32) % Ref.N;
            }

            var minusG = new[] { Ref.G[0], Ref.P - Ref.G[1] };
            var points = new[] { Ref.G, minusG, Ref.Mul(2, Ref.G)!, Ref.Mul(Ref.N - 2, Ref.G)!, Ref.Mul(Rand(), Ref.G)! };
            var us = new List<BigInteger> { 0, 1, 2, 3, 63, 64, 65, Ref.N - 1, Ref.N - 2, Ref.N - 64, BigInteger.One << 255, (BigInteger.One << 256) - 1 - Ref.N, Rand(), Rand() };
            var r = new P256Point();
            var uG = us.Select(u => Ref.Mul(u, Ref.G)).ToArray();
            foreach (var q in points)
            {
                var qp = Point(q);
                var uQ = us.Select(u => Ref.Mul(u, q)).ToArray();
                for (int i = 0; i < us.Count; i++)
                {
                    for (int j = 0; j < us.Count; j++)
                    {
                        e.DoubleScalarMultVartime(r, P256FieldTests.Limbs(us[i]), P256FieldTests.Limbs(us[j]), qp);
                        AssertPoint(Ref.Add(uG[i], uQ[j]), Affine(e, r), "u1=" + us[i].ToString("X") + " u2=" + us[j].ToString("X"));
                    }
                }
            }
        }

        [Fact]
        public void DoubleScalar_ThroughInfinity_MatchesReference()
        {
            // q = -G with u1 = u2: every common prefix cancels; q = G with u2 = n - u1: the sum is infinity; q = G with
            // u2 = n - u1 + 1: infinity just before the last addition.
            var e = new P256Engine();
            var rng = new Random(23);
            var buf = new byte[32];
            var minusG = Point(new[] { Ref.G[0], Ref.P - Ref.G[1] });
            var g = Point(Ref.G);
            var r = new P256Point();
            for (int i = 0; i < 20; i++)
            {
                rng.NextBytes(buf);
                BigInteger u = Ref.FromBytes(buf, 0, 32) % Ref.N;
                e.DoubleScalarMultVartime(r, P256FieldTests.Limbs(u), P256FieldTests.Limbs(u), minusG);
                Assert.NotEqual(0u, r.IsInfinity());
                e.DoubleScalarMultVartime(r, P256FieldTests.Limbs(u), P256FieldTests.Limbs(Ref.N - u), g);
                Assert.NotEqual(0u, r.IsInfinity());
                e.DoubleScalarMultVartime(r, P256FieldTests.Limbs(u), P256FieldTests.Limbs(Ref.N - u + 1), g);
                AssertPoint(Ref.G, Affine(e, r), "u=" + u.ToString("X"));
            }
        }

        [Fact]
        public void VariableTimeAdditions_AreComplete()
        {
            var e = new P256Engine();
            var g = Point(Ref.G);
            var minusG = Point(new[] { Ref.G[0], Ref.P - Ref.G[1] });
            var inf = new P256Point();
            inf.SetInfinity();
            var r = new P256Point();

            // A Jacobian G with Z != 1, so equal points do not have equal coordinates.
            var g2 = new P256Point();
            e.Double(g2, g);
            var g3 = new P256Point();
            e.Add(g3, g2, g);
            var gz = new P256Point();
            e.Add(gz, g3, minusG);
            e.Add(gz, gz, minusG);
            AssertPoint(Ref.G, Affine(e, gz), "3G - 2G");

            e.Add(r, gz, g);
            AssertPoint(Ref.Mul(2, Ref.G), Affine(e, r), "G + G (Jacobian, affine)");
            e.Add(r, gz, minusG);
            Assert.NotEqual(0u, r.IsInfinity());
            e.Add(r, inf, gz);
            AssertPoint(Ref.G, Affine(e, r), "inf + G");
            e.Add(r, gz, inf);
            AssertPoint(Ref.G, Affine(e, r), "G + inf");
            e.Add(r, inf, inf);
            Assert.NotEqual(0u, r.IsInfinity());

            e.AddAffine(r, gz, g.X, g.Y);
            AssertPoint(Ref.Mul(2, Ref.G), Affine(e, r), "G + affine G");
            e.AddAffine(r, gz, minusG.X, minusG.Y);
            Assert.NotEqual(0u, r.IsInfinity());
            e.AddAffine(r, inf, g.X, g.Y);
            AssertPoint(Ref.G, Affine(e, r), "inf + affine G");
            e.Double(r, inf);
            Assert.NotEqual(0u, r.IsInfinity());
        }

        [Fact]
        public void VariableTimeScalarInverse_MatchesReference()
        {
            var rng = new Random(31);
            var buf = new byte[32];
            var values = new List<BigInteger> { 1, 2, 3, Ref.N - 1, Ref.N - 2, (Ref.N + 1) / 2, BigInteger.One << 255, (BigInteger.One << 255) + 1 };
            while (values.Count < 200)
            {
                rng.NextBytes(buf);
                BigInteger v = Ref.FromBytes(buf, 0, 32) % Ref.N;
                if (v != 0) values.Add(v);
            }

            var e = new P256Engine();
            var r = new uint[8];
            foreach (BigInteger a in values)
            {
                e.InvertScalarVartime(r, P256FieldTests.Limbs(a));
                Assert.Equal(Ref.Inv(a, Ref.N), P256FieldTests.Value(r));
                var alias = P256FieldTests.Limbs(a);
                e.InvertScalarVartime(alias, alias);
                Assert.Equal(Ref.Inv(a, Ref.N), P256FieldTests.Value(alias));
            }
        }
    }
}
