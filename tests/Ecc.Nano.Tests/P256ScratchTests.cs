using System.Reflection;
using NanoMikey.Ecc;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>
    /// The P-256 heap options of issue 10 §2: <see cref="P256.ReleaseScratch"/> drops the workspace and the generator tables
    /// (made again on the next operation, same results), <see cref="P256.FixedBaseComb"/> off gives the same keys,
    /// signatures and verifications without the generator tables, and no table is a static initialiser (nanoFramework runs every static
    /// constructor at start-up, so such a table would hold heap for good). These change process-wide state: they run alone.
    /// </summary>
    [Collection("P256 operation counter")]
    public class P256ScratchTests
    {
        private static readonly byte[] Hash = P256ReferenceCurve.Bytes32(0xABCDEF0123456789UL);

        [Fact]
        public void ReleaseScratchDropsWorkspaceAndTablesAndTheNextOperationMakesThemAgain()
        {
            var key = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(0x5151), 0)!;
            byte[] before = Sign(key);
            Assert.True(P256Workspace.SharedExists);
            lock (P256Workspace.Sync)
            {
                P256.ReleaseScratch();
                Assert.False(P256Workspace.SharedExists);
                Assert.Equal(0, TableLimbsHeld());
            }

            byte[] after = Sign(key); // RFC 6979: the same signature from a new workspace
            Assert.Equal(before, after);
            Assert.True(P256Workspace.SharedExists);
            Assert.True(EcdsaP256.Verify(key.PublicKey, Hash, 0, 32, after, 0));
        }

        [Fact]
        public void WithoutTheCombKeysAndSignaturesAreTheSame()
        {
            ulong[] scalars = { 1, 2, 0x5151, 0xFFFFFFFFFFFFFFFFUL };
            var withComb = new byte[scalars.Length][];
            var withCombPub = new byte[scalars.Length][];
            for (int i = 0; i < scalars.Length; i++)
            {
                var k = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(scalars[i]), 0)!;
                withComb[i] = Sign(k);
                withCombPub[i] = Public(k);
            }

            try
            {
                P256.FixedBaseComb = false;
                lock (P256Workspace.Sync)
                {
                    Assert.Null(P256BaseTable.GetComb());
                }

                for (int i = 0; i < scalars.Length; i++)
                {
                    var k = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(scalars[i]), 0)!;
                    Assert.Equal(withCombPub[i], Public(k));
                    Assert.Equal(withComb[i], Sign(k));
                    Assert.True(EcdsaP256.Verify(k.PublicKey, Hash, 0, 32, withComb[i], 0)); // 1G..15G built per call
                    byte[] bad = (byte[])withComb[i].Clone();
                    bad[40] ^= 1;
                    Assert.False(EcdsaP256.Verify(k.PublicKey, Hash, 0, 32, bad, 0));
                }

                Assert.Equal(0, TableLimbsHeld());

                // n - 1 (the largest scalar) through the ladder too
                var last = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(P256ReferenceCurve.N - 1), 0)!;
                byte[] pub = Public(last);
                P256.FixedBaseComb = true;
                Assert.Equal(pub, Public(P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(P256ReferenceCurve.N - 1), 0)!));
            }
            finally
            {
                P256.FixedBaseComb = true;
            }
        }

        [Fact]
        public void NoGeneratorTableIsAStaticInitialiser()
        {
            lock (P256Workspace.Sync)
            {
                P256.ReleaseScratch();
                Assert.Equal(0, TableLimbsHeld());
                Assert.NotNull(P256BaseTable.GetComb());
                Assert.True(TableLimbsHeld() > 1000);
                P256.ReleaseScratch();
            }
        }

        // Limbs held by P256BaseTable's static arrays beyond G's coordinates (8 limbs each).
        private static int TableLimbsHeld()
        {
            int n = 0;
            foreach (FieldInfo f in typeof(P256BaseTable).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            {
                if (f.GetValue(null) is uint[] a && a.Length > 8) n += a.Length;
            }

            return n;
        }

        private static byte[] Sign(P256PrivateKey key)
        {
            var sig = new byte[64];
            EcdsaP256.Sign(key, Hash, 0, 32, sig, 0);
            return sig;
        }

        private static byte[] Public(P256PrivateKey key)
        {
            var p = new byte[65];
            key.PublicKey.ExportUncompressed(p, 0);
            return p;
        }
    }
}
