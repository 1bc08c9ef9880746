using System.Security.Cryptography;
using NanoMikey.Ecc;
using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>Cross-checks against .NET's ECDsa / ECDiffieHellman (OpenSSL on Linux) over 200 random keys each.</summary>
    public class DotNetCrossCheckTests
    {
        private const int Keys = 200;

        private static byte[] Point(ECParameters p)
        {
            var b = new byte[65];
            b[0] = 4;
            Array.Copy(p.Q.X!, 0, b, 1, 32);
            Array.Copy(p.Q.Y!, 0, b, 33, 32);
            return b;
        }

        [Fact]
        public void EcdsaBothWays()
        {
            var hash = new byte[32];
            var sig = new byte[64];
            var ours = new P256PrivateKey();
            var theirPublic = new P256PublicKey();
            var pub = new byte[65];
            for (int i = 0; i < Keys; i++)
            {
                using var dotnet = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                ECParameters prm = dotnet.ExportParameters(true);
                Assert.True(ours.TryImport(prm.D!, 0));
                ours.PublicKey.ExportUncompressed(pub, 0);
                Assert.Equal(Convert.ToHexString(Point(prm)), Convert.ToHexString(pub));
                RandomNumberGenerator.Fill(hash);

                // ours -> .NET (VerifyHash takes IEEE P1363 r || s)
                EcdsaP256.Sign(ours, hash, 0, 32, sig, 0);
                Assert.True(dotnet.VerifyHash(hash, sig));

                // .NET -> ours
                byte[] theirs = dotnet.SignHash(hash);
                Assert.True(theirPublic.TryImport(Point(prm), 0, 65));
                Assert.True(EcdsaP256.Verify(theirPublic, hash, 0, 32, theirs, 0));
                hash[i % 32] ^= 0x80;
                Assert.False(EcdsaP256.Verify(theirPublic, hash, 0, 32, theirs, 0));
            }
        }

        [Fact]
        public void GeneratedKeysSignForDotNet()
        {
            var drbg = new HmacDrbg(new HostEntropySource(), null);
            var key = new P256PrivateKey();
            var hash = new byte[32];
            var sig = new byte[64];
            var x = new byte[32];
            var y = new byte[32];
            for (int i = 0; i < 20; i++)
            {
                key.Generate(drbg);
                key.PublicKey.ExportCoordinates(x, 0, y, 0);
                using var dotnet = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
                RandomNumberGenerator.Fill(hash);
                EcdsaP256.Sign(key, hash, 0, 32, sig, 0);
                Assert.True(dotnet.VerifyHash(hash, sig));
            }
        }

        [Fact]
        public void EcdhBothWays()
        {
            var ours = new P256PrivateKey();
            var secret = new byte[32];
            var compressed = new byte[33];
            for (int i = 0; i < Keys; i++)
            {
                using var a = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
                using var b = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
                byte[] expected = a.DeriveRawSecretAgreement(b.PublicKey);

                // ours holds a's private key, peer is b's public point (uncompressed, then compressed)
                Assert.True(ours.TryImport(a.ExportParameters(true).D!, 0));
                byte[] bPoint = Point(b.ExportParameters(false));
                Assert.True(EcdhP256.ComputeSharedSecret(ours, bPoint, 0, 65, secret, 0));
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(secret));
                var bKey = P256PublicKey.Decode(bPoint, 0, 65)!;
                bKey.ExportCompressed(compressed, 0);
                Array.Clear(secret);
                Assert.True(EcdhP256.ComputeSharedSecret(ours, compressed, 0, 33, secret, 0));
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(secret));

                // the other way round: ours holds b's private key, peer is a's public point; .NET derives b-side too
                Assert.True(ours.TryImport(b.ExportParameters(true).D!, 0));
                Assert.True(EcdhP256.ComputeSharedSecret(ours, Point(a.ExportParameters(false)), 0, 65, secret, 0));
                Assert.Equal(Convert.ToHexString(b.DeriveRawSecretAgreement(a.PublicKey)), Convert.ToHexString(secret));
            }
        }
    }
}
