using NanoMikey.Crypto.Ec;

namespace NanoMikey.Crypto.Tests.Ec
{
    /// <summary>After the key objects exist and one warm-up call, scalar multiplication, ECDH, sign and verify allocate nothing.</summary>
    public class P256AllocationTests
    {
        [Fact]
        public void HotPathsAllocateNothing()
        {
            var a = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(0x1234567), 0)!;
            var b = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(0x7654321), 0)!;
            var scalar = P256ReferenceCurve.Bytes32(P256ReferenceCurve.N - 12345);
            var point = new byte[65];
            b.PublicKey.ExportUncompressed(point, 0);
            var secret = new byte[32];
            var hash = new byte[32];
            var sig = new byte[64];

            // warm-up: lazily built tables and workspaces
            Assert.True(a.TryImport(scalar, 0));
            Assert.True(EcdhP256.ComputeSharedSecret(a, b.PublicKey, secret, 0));
            Assert.True(EcdhP256.ComputeSharedSecret(a, point, 0, 65, secret, 0));
            EcdsaP256.Sign(a, hash, 0, 32, sig, 0);
            Assert.True(EcdsaP256.Verify(a.PublicKey, hash, 0, 32, sig, 0));

            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.True(a.TryImport(scalar, 0));                                  // fixed-base comb
            Assert.True(EcdhP256.ComputeSharedSecret(a, b.PublicKey, secret, 0)); // variable-base window
            Assert.True(EcdhP256.ComputeSharedSecret(a, point, 0, 65, secret, 0));
            EcdsaP256.Sign(a, hash, 0, 32, sig, 0);
            Assert.True(EcdsaP256.Verify(a.PublicKey, hash, 0, 32, sig, 0));
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(0, after - before);
        }
    }
}
