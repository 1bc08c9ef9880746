using System.Numerics;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Hardware.Host;
using Ref = NanoMikey.Ecc.Tests.P256ReferenceCurve;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>
    /// Issue 8 §5: after a KDF call, an ECDH computation or an ECIES operation, no private field of the objects involved
    /// still holds Z (the ECDH secret, plain or in Montgomery form), the shared point's y, or the derived keys.
    /// </summary>
    public class NoKeyMaterialLeftTests
    {
        private static readonly BigInteger Montgomery = BigInteger.One << 256;

        /// <summary>The shared point's coordinates, plain and as Montgomery residues (x * 2^256 mod p), as the field code holds them.</summary>
        private static byte[][] SharedPointForms(BigInteger[] s) => new[]
        {
            Ref.Bytes32(s[0]),
            Ref.Bytes32(s[1]),
            Ref.Bytes32(Ref.Mod(s[0] * Montgomery, Ref.P)),
            Ref.Bytes32(Ref.Mod(s[1] * Montgomery, Ref.P)),
        };

        [Fact]
        public void X963Kdf_LeavesNeitherZNorKeys()
        {
            var rng = new System.Random(41);
            var z = new byte[32];
            rng.NextBytes(z);
            var info = new byte[] { 1, 2, 3, 4, 5 };
            var output = new byte[48];
            var kdf = new X963Kdf();
            kdf.Derive(z, 0, 32, info, 0, info.Length, output, 0, 48);
            Assert.Equal(EcmqvEciesTests.ReferenceKdf(z, info, 48), output);
            KeyResidue.AssertNoTrace(kdf, z, output);
        }

        [Fact]
        public void Ecdh_LeavesNoSharedPointInTheKeyObject()
        {
            var rng = new System.Random(42);
            BigInteger d = EcmqvEciesTests.RandomScalar(rng), e = EcmqvEciesTests.RandomScalar(rng);
            P256PrivateKey own = EcmqvEciesTests.Key(d), peer = EcmqvEciesTests.Key(e);
            byte[][] secrets = SharedPointForms(Ref.Mul(d, Ref.Mul(e, Ref.G))!);
            var z = new byte[32];

            Assert.True(EcdhP256.ComputeSharedSecret(own, peer.PublicKey, z, 0));
            Assert.Equal(secrets[0], z);
            KeyResidue.AssertNoTrace(own, secrets);

            var encoded = new byte[65];
            peer.PublicKey.ExportUncompressed(encoded, 0);
            Array.Clear(z);
            Assert.True(EcdhP256.ComputeSharedSecret(own, encoded, 0, 65, z, 0));
            Assert.Equal(secrets[0], z);
            KeyResidue.AssertNoTrace(own, secrets);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Ecies_LeavesNeitherZNorKeys_AfterEncryptAndDecrypt(bool softwareAes)
        {
            var rng = new System.Random(43);
            BigInteger dV = EcmqvEciesTests.RandomScalar(rng), k = EcmqvEciesTests.RandomScalar(rng);
            P256PrivateKey recipient = EcmqvEciesTests.Key(dV), ephemeral = EcmqvEciesTests.Key(k);
            IAesEngine engine = softwareAes ? new SoftwareAes() : new HostAesEngine(16);
            var ecies = new EciesP256(engine, 64, 16, false);
            var s1 = new byte[] { 9, 8, 7, 6 };
            var m = new byte[50];
            rng.NextBytes(m);
            var ct = new byte[ecies.GetCiphertextLength(m.Length)];
            ecies.Encrypt(ephemeral, recipient.PublicKey, m, 0, m.Length, s1, 0, s1.Length, null, 0, 0, ct, 0);

            byte[][] point = SharedPointForms(Ref.Mul(k * dV, Ref.G)!);
            // This profile's KDF input: Z || counter || R̄ || SharedInfo1.
            byte[] keys = EcmqvEciesTests.ReferenceKdf(point[0], ct.Take(65).Concat(s1).ToArray(), 48);
            byte[][] secrets = point.Append(keys).ToArray();
            KeyResidue.AssertNoTrace(ecies, secrets);

            var pt = new byte[m.Length];
            Assert.True(ecies.TryDecrypt(recipient, ct, 0, ct.Length, s1, 0, s1.Length, null, 0, 0, pt, 0, out _));
            Assert.Equal(m, pt);
            KeyResidue.AssertNoTrace(ecies, secrets);
            KeyResidue.AssertNoTrace(recipient, point);

            // A refused tag wipes as well.
            ct[^1] ^= 1;
            Assert.False(ecies.TryDecrypt(recipient, ct, 0, ct.Length, s1, 0, s1.Length, null, 0, 0, pt, 0, out _));
            KeyResidue.AssertNoTrace(ecies, secrets);
            KeyResidue.AssertNoTrace(recipient, point);
        }
    }
}
