using System.Numerics;
using NanoMikey.Ecc;
using Ref = NanoMikey.Ecc.Tests.P256ReferenceCurve;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>
    /// Constant-time evidence: the instrumented counts of field multiplications, squarings and selects, and the trace of
    /// their order, are identical for 100 random scalars and the edge scalars 1, 2, 3, small values, n-2 and n-1,
    /// for variable-base (ECDH), fixed-base (public key derivation) and signing.
    /// </summary>
    [Collection("P256 operation counter")]
    public class P256ConstantTimeTests
    {
        private static byte[][] Scalars()
        {
            var list = new System.Collections.Generic.List<byte[]>();
            foreach (BigInteger k in new BigInteger[] { 1, 2, 3, 4, 15, 16, 17, 255, 65537, Ref.N - 1, Ref.N - 2, BigInteger.One << 255, (BigInteger.One << 128) - 1 })
            {
                list.Add(Ref.Bytes32(k));
            }

            var rng = new System.Random(11);
            while (list.Count < 113)
            {
                var b = new byte[32];
                rng.NextBytes(b);
                if (Ref.FromBytes(b, 0, 32) < Ref.N && Ref.FromBytes(b, 0, 32) > 0) list.Add(b);
            }

            return list.ToArray();
        }

        private static string Snapshot() => P256OperationCounter.Multiplications + "M " + P256OperationCounter.Squarings + "S "
            + P256OperationCounter.Selects + "sel trace " + P256OperationCounter.Trace.ToString("X8");

        [Fact]
        public void SameOperationSequenceForEveryScalar()
        {
            var peer = new P256PrivateKey();
            Assert.True(peer.TryImport(Ref.Bytes32(12345), 0));
            var key = new P256PrivateKey();
            var secret = new byte[32];
            var sig = new byte[64];
            var hash = new byte[32];
            string? derive = null, ecdh = null, sign = null;
            foreach (byte[] k in Scalars())
            {
                P256OperationCounter.Reset();
                Assert.True(key.TryImport(k, 0));
                string d = Snapshot();
                P256OperationCounter.Reset();
                Assert.True(EcdhP256.ComputeSharedSecret(key, peer.PublicKey, secret, 0));
                string e = Snapshot();
                P256OperationCounter.Reset();
                EcdsaP256.Sign(key, hash, 0, 32, sig, 0);
                string s = Snapshot();
                derive ??= d;
                ecdh ??= e;
                sign ??= s;
                Assert.Equal(derive, d);
                Assert.Equal(ecdh, e);
                Assert.Equal(sign, s);
            }

            // The counts are real: a signature (fixed-base comb, two inversions) costs hundreds of field operations.
            Assert.True(P256OperationCounter.Multiplications + P256OperationCounter.Squarings > 500);
        }
    }
}
