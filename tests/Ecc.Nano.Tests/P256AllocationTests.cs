using NanoMikey.Ecc;

namespace NanoMikey.Ecc.Tests
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

        [Fact]
        public void MqvAndEciesAllocateNothing()
        {
            var a = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(111), 0)!;
            var a2 = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(222), 0)!;
            var b = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(333), 0)!;
            var b2 = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(444), 0)!;
            var eph = P256PrivateKey.FromScalar(P256ReferenceCurve.Bytes32(555), 0)!;
            var ecies = new EciesP256(new NanoMikey.Crypto.Cipher.SoftwareAesFactory().Create(16)!, 64, 32, false);
            var drbg = new NanoMikey.Crypto.Random.HmacDrbg(new NanoMikey.Hardware.Host.HostEntropySource(), null);
            var m = new byte[40];
            var ct = new byte[ecies.GetCiphertextLength(m.Length)];
            var pt = new byte[m.Length];
            var secret = new byte[32];
            for (int i = 0; i < 2; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                Assert.True(EcmqvP256.ComputeSharedSecret(a, a2, b.PublicKey, b2.PublicKey, secret, 0));
                long mqv = GC.GetAllocatedBytesForCurrentThread();
                ecies.Encrypt(eph, b.PublicKey, m, 0, m.Length, null, 0, 0, null, 0, 0, ct, 0);
                long enc = GC.GetAllocatedBytesForCurrentThread();
                Assert.True(ecies.TryDecrypt(b, ct, 0, ct.Length, null, 0, 0, null, 0, 0, pt, 0, out _));
                long dec = GC.GetAllocatedBytesForCurrentThread();
                ecies.Encrypt(drbg, b.PublicKey, m, 0, m.Length, null, 0, 0, null, 0, 0, ct, 0);
                long encDrbg = GC.GetAllocatedBytesForCurrentThread();
                if (i == 1)
                {
                    Assert.Equal(0, mqv - before);
                    Assert.Equal(0, enc - mqv);
                    Assert.Equal(0, dec - enc);
                    Assert.Equal(0, encDrbg - dec);
                }
            }
        }
    }
}
