using System.Numerics;
using NanoMikey.Ecc;
using Ref = NanoMikey.Ecc.Tests.P256ReferenceCurve;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>SEC 1 §2.3.3/§2.3.4 point encodings, §3.2.2.1 validation and the private scalar range, with boundary values.</summary>
    public class P256KeyEncodingTests
    {
        private static byte[] Uncompressed(BigInteger x, BigInteger y) => new byte[] { 4 }.Concat(Ref.Bytes32(x)).Concat(Ref.Bytes32(y)).ToArray();

        [Fact]
        public void CompressedAndUncompressedRoundTrip()
        {
            var rng = new System.Random(8);
            var u = new byte[65];
            var c = new byte[33];
            for (int i = 0; i < 20; i++)
            {
                var d = new byte[32];
                rng.NextBytes(d);
                d[0] &= 0x7F;
                var key = P256PrivateKey.FromScalar(d, 0)!;
                key.PublicKey.ExportUncompressed(u, 0);
                key.PublicKey.ExportCompressed(c, 0);
                BigInteger[] expected = Ref.Mul(Ref.FromBytes(d, 0, 32), Ref.G)!;
                Assert.Equal(Convert.ToHexString(Uncompressed(expected[0], expected[1])), Convert.ToHexString(u));
                Assert.Equal(expected[1].IsEven ? 2 : 3, c[0]);
                var fromCompressed = P256PublicKey.Decode(c, 0, 33)!;
                Assert.True(fromCompressed.SameAs(key.PublicKey));
                var back = new byte[65];
                fromCompressed.ExportUncompressed(back, 0);
                Assert.Equal(u, back);
            }
        }

        [Fact]
        public void InvalidPointsAreRejected()
        {
            BigInteger[] g = Ref.G;
            var key = new P256PublicKey();
            Assert.True(key.TryImport(Uncompressed(g[0], g[1]), 0, 65));
            Assert.False(key.TryImport(Uncompressed(g[0], g[1] + 1), 0, 65));              // off the curve
            // a valid point with a small x, so that x + p still fits in 32 bytes: its alias x + p must be refused
            BigInteger sx = 0;
            while (BigInteger.ModPow(Ref.Mod(sx * sx * sx - 3 * sx + Ref.B, Ref.P), (Ref.P - 1) / 2, Ref.P) != 1) sx++;
            BigInteger sy = BigInteger.ModPow(Ref.Mod(sx * sx * sx - 3 * sx + Ref.B, Ref.P), (Ref.P + 1) / 4, Ref.P);
            Assert.True(key.TryImport(Uncompressed(sx, sy), 0, 65));
            Assert.False(key.TryImport(Uncompressed(sx + Ref.P, sy), 0, 65));              // x >= p
            Assert.False(key.TryImport(new byte[] { 2 }.Concat(Ref.Bytes32(sx + Ref.P)).ToArray(), 0, 33));
            Assert.False(key.TryImport(Uncompressed(g[0], (BigInteger.One << 256) - 1), 0, 65)); // y >= p
            Assert.True(key.TryImport(Uncompressed(g[0], g[1]), 0, 65));
            Assert.False(key.TryImport(Uncompressed(0, 0), 0, 65));                        // (0, 0) is not on the curve
            Assert.False(key.TryImport(new byte[] { 0 }, 0, 1));                           // infinity
            byte[] hybrid = Uncompressed(g[0], g[1]);
            hybrid[0] = (byte)(g[1].IsEven ? 6 : 7);
            Assert.False(key.TryImport(hybrid, 0, 65));                                    // hybrid form is refused
            Assert.False(key.TryImport(Uncompressed(g[0], g[1]), 0, 64));                  // wrong length
            byte[] c = new byte[] { 2 }.Concat(Ref.Bytes32(Ref.P)).ToArray();
            Assert.False(key.TryImport(c, 0, 33));                                         // compressed x = p
            // x with no square root of x^3 - 3x + b: find one, both parities must fail
            BigInteger x = 1;
            while (BigInteger.ModPow(Ref.Mod(x * x * x - 3 * x + Ref.B, Ref.P), (Ref.P - 1) / 2, Ref.P) == 1) x++;
            Assert.False(key.TryImport(new byte[] { 2 }.Concat(Ref.Bytes32(x)).ToArray(), 0, 33));
            Assert.False(key.TryImport(new byte[] { 3 }.Concat(Ref.Bytes32(x)).ToArray(), 0, 33));
            // the failed imports left the valid key in place
            var u = new byte[65];
            key.ExportUncompressed(u, 0);
            Assert.Equal(Convert.ToHexString(Uncompressed(g[0], g[1])), Convert.ToHexString(u));
        }

        [Fact]
        public void PrivateScalarRange()
        {
            var key = new P256PrivateKey();
            Assert.False(key.TryImport(Ref.Bytes32(0), 0));
            Assert.False(key.TryImport(Ref.Bytes32(Ref.N), 0));
            Assert.False(key.TryImport(Ref.Bytes32(Ref.N + 1), 0));
            Assert.False(key.TryImport(Enumerable.Repeat((byte)0xFF, 32).ToArray(), 0));
            Assert.False(key.HasValue);
            Assert.True(key.TryImport(Ref.Bytes32(Ref.N - 1), 0));
            var u = new byte[65];
            key.PublicKey.ExportUncompressed(u, 0);
            Assert.Equal(Convert.ToHexString(Uncompressed(Ref.G[0], Ref.P - Ref.G[1])), Convert.ToHexString(u)); // (n-1)G = -G
            var d = new byte[32];
            key.ExportScalar(d, 0);
            Assert.Equal(Ref.Bytes32(Ref.N - 1), d);
            key.Clear();
            Assert.False(key.HasValue);
            Assert.Throws<InvalidOperationException>(() => key.ExportScalar(d, 0));
        }

        [Fact]
        public void SignatureComponentsOutsideRangeAreRejected()
        {
            var key = P256PrivateKey.FromScalar(Ref.Bytes32(77), 0)!;
            var hash = new byte[32];
            var sig = new byte[64];
            EcdsaP256.Sign(key, hash, 0, 32, sig, 0);
            Assert.True(EcdsaP256.Verify(key.PublicKey, hash, 0, 32, sig, 0));
            BigInteger r = Ref.FromBytes(sig, 0, 32), s = Ref.FromBytes(sig, 32, 32);
            foreach (var (rr, ss) in new[] { (r + Ref.N, s), (r, s + Ref.N), (BigInteger.Zero, s), (r, BigInteger.Zero), (r, Ref.N - s) })
            {
                if (rr >= BigInteger.One << 256 || ss >= BigInteger.One << 256) continue;
                byte[] bad = Ref.Bytes32(rr).Concat(Ref.Bytes32(ss)).ToArray();
                bool expected = rr == r && ss == Ref.N - s; // (r, n - s) is the other valid signature (no low-s rule)
                Assert.Equal(expected, EcdsaP256.Verify(key.PublicKey, hash, 0, 32, bad, 0));
            }
        }
    }
}
