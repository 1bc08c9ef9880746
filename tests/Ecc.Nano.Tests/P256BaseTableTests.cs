using System.Numerics;
using NanoMikey.Ecc;
using Ref = NanoMikey.Ecc.Tests.P256ReferenceCurve;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>Every entry of the static generator tables, recomputed from G with the BigInteger reference curve.</summary>
    public class P256BaseTableTests
    {
        private static readonly BigInteger Montgomery = BigInteger.One << 256;

        private static void AssertEntry(uint[] table, int offset, BigInteger k, string what)
        {
            var expected = Ref.Mul(k, Ref.G)!;
            var x = new uint[8];
            var y = new uint[8];
            Array.Copy(table, offset, x, 0, 8);
            Array.Copy(table, offset + 8, y, 0, 8);
            Assert.True(Ref.Mod(expected[0] * Montgomery, Ref.P) == P256FieldTests.Value(x), what + " x");
            Assert.True(Ref.Mod(expected[1] * Montgomery, Ref.P) == P256FieldTests.Value(y), what + " y");
        }

        [Fact]
        public void CombEntries_AreSumsOfShiftedGenerators()
        {
            uint[] comb = P256BaseTable.GetComb();
            Assert.Equal(P256BaseTable.CombTables * P256BaseTable.CombEntries * 16, comb.Length);
            Assert.Equal(P256BaseTable.CombTables * P256BaseTable.CombColumns, P256BaseTable.CombSpacing);
            Assert.True(P256BaseTable.CombTeeth * P256BaseTable.CombSpacing >= 256);
            for (int c = 0; c < P256BaseTable.CombTables; c++)
            {
                for (int d = 1; d <= P256BaseTable.CombEntries; d++)
                {
                    BigInteger k = 0;
                    for (int m = 0; m < P256BaseTable.CombTeeth; m++)
                    {
                        if (((d >> m) & 1) != 0) k += BigInteger.One << ((P256BaseTable.CombColumns * c) + (P256BaseTable.CombSpacing * m));
                    }

                    AssertEntry(comb, ((c * P256BaseTable.CombEntries) + d - 1) * 16, k, "table " + c + " digit " + d);
                }
            }
        }

        [Fact]
        public void OddMultiples_AreOddMultiplesOfG()
        {
            uint[] g = P256BaseTable.GetOddMultiples();
            int count = 1 << (P256BaseTable.GeneratorWnaf - 2);
            Assert.Equal(count * 16, g.Length);
            for (int i = 0; i < count; i++)
            {
                AssertEntry(g, i * 16, (2 * i) + 1, (2 * i + 1) + "G");
            }
        }
    }
}
