using System.Security.Cryptography;
using System.Text.Json;
using NanoMikey.Ecc;
using static NanoMikey.NativeCore.Tests.NmCore;

namespace NanoMikey.NativeCore.Tests
{
    /// <summary>
    /// P-256 through the C core against our managed lib/Ecc.Nano (net10.0) and System.Security.Cryptography: public keys,
    /// ECDH, RFC 6979 hedged signatures (byte-identical to EcdsaP256.SignHedged), verification; Wycheproof vectors.
    /// </summary>
    public class EccDifferentialTests
    {
        private const int Cases = 200;

        private static byte[] RandomScalar(Random rng)
        {
            // Below n with overwhelming probability; the managed import rejects the rest and the test draws again.
            byte[] d = new byte[32];
            rng.NextBytes(d);
            return d;
        }

        private static ECParameters NetKey(byte[] d, byte[] pub) => new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = d,
            Q = new ECPoint { X = pub.AsSpan(1, 32).ToArray(), Y = pub.AsSpan(33, 32).ToArray() },
        };

        [Fact]
        public void PublicKeysAndEcdhMatchManagedAndDotNet()
        {
            var rng = new Random(21);
            for (int c = 0; c < Cases; c++)
            {
                byte[] a = RandomScalar(rng), b = RandomScalar(rng);
                P256PrivateKey? ka = P256PrivateKey.FromScalar(a, 0), kb = P256PrivateKey.FromScalar(b, 0);
                Assert.NotNull(ka);
                Assert.NotNull(kb);
                byte[] pa = new byte[65], pb = new byte[65], managedA = new byte[65], managedB = new byte[65];
                Assert.Equal(P256Ok, P256PublicKey(a, pa));
                Assert.Equal(P256Ok, P256PublicKey(b, pb));
                ka!.PublicKey.ExportUncompressed(managedA, 0);
                kb!.PublicKey.ExportUncompressed(managedB, 0);
                Assert.Equal(managedA, pa);
                Assert.Equal(managedB, pb);

                byte[] z = new byte[32], managedZ = new byte[32];
                Assert.Equal(P256Ok, P256Ecdh(a, pb, z));
                Assert.True(EcdhP256.ComputeSharedSecret(ka, pb, 0, 65, managedZ, 0));
                Assert.Equal(managedZ, z);
                using var netA = ECDiffieHellman.Create(NetKey(a, pa));
                using var netB = ECDiffieHellman.Create(NetKey(b, pb));
                Assert.Equal(netA.DeriveRawSecretAgreement(netB.PublicKey), z);
            }
        }

        [Fact]
        public void HedgedSignaturesMatchManagedSignHedgedAndVerify()
        {
            var rng = new Random(22);
            byte[] sig = new byte[64], managed = new byte[64];
            for (int c = 0; c < Cases; c++)
            {
                byte[] d = RandomScalar(rng);
                P256PrivateKey key = P256PrivateKey.FromScalar(d, 0)!;
                byte[] pub = new byte[65];
                key.PublicKey.ExportUncompressed(pub, 0);
                // hash lengths around the 256-bit boundary (SHA-1, SHA-256, SHA-384, SHA-512 and odd ones) and k' of 0..80 bytes
                int hashLen = c % 3 == 0 ? new[] { 20, 31, 33, 48, 64, 1 }[rng.Next(6)] : 32;
                byte[] hash = new byte[hashLen];
                rng.NextBytes(hash);
                byte[]? extra = c % 4 == 0 ? null : new byte[rng.Next(0, 81)];
                if (extra != null) rng.NextBytes(extra);

                Assert.Equal(P256Ok, P256Sign(d, hash, extra, sig));
                EcdsaP256.SignHedged(key, hash, 0, hashLen, extra, 0, extra?.Length ?? 0, managed, 0);
                Assert.Equal(Convert.ToHexString(managed), Convert.ToHexString(sig));
                Assert.Equal(1, P256Verify(pub, hash, sig));
                Assert.True(EcdsaP256.Verify(key.PublicKey, hash, 0, hashLen, sig, 0));
                if (hashLen == 32)
                {
                    using var net = ECDsa.Create(NetKey(d, pub));
                    Assert.True(net.VerifyHash(hash, sig));
                }

                sig[rng.Next(64)] ^= (byte)(1 << rng.Next(8));
                Assert.Equal(0, P256Verify(pub, hash, sig));
            }
        }

        [Fact]
        public void DotNetSignaturesVerify()
        {
            var rng = new Random(23);
            for (int c = 0; c < Cases; c++)
            {
                using var net = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                ECParameters p = net.ExportParameters(false);
                byte[] pub = new byte[65];
                pub[0] = 4;
                p.Q.X!.CopyTo(pub, 1);
                p.Q.Y!.CopyTo(pub, 33);
                byte[] hash = new byte[32];
                rng.NextBytes(hash);
                byte[] sig = net.SignHash(hash);
                Assert.Equal(1, P256Verify(pub, hash, sig));
                hash[rng.Next(32)] ^= 1;
                Assert.Equal(0, P256Verify(pub, hash, sig));
            }
        }

        [Fact]
        public void PlainRfc6979EqualsEmptyExtra()
        {
            byte[] d = Convert.FromHexString("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
            byte[] hash = SHA256.HashData("sample"u8.ToArray());
            byte[] s1 = new byte[64], s2 = new byte[64], s3 = new byte[64];
            Assert.Equal(P256Ok, P256Sign(d, hash, null, s1));
            Assert.Equal(P256Ok, P256Sign(d, hash, Array.Empty<byte>(), s2));
            Assert.Equal(P256Ok, P256Sign(d, hash, new byte[] { 0 }, s3));
            Assert.Equal(s1, s2);
            Assert.NotEqual(s1, s3); // a one-byte k' changes the nonce (RFC 6979 §3.6)
        }

        // Wycheproof ecdh_secp256r1_ecpoint_test.json: raw SEC 1 points; every valid case gives the shared secret, every
        // invalid one is refused with "invalid point" and nothing written. Compressed points (acceptable) are refused: the
        // pack takes uncompressed points only.
        [Fact]
        public void WycheproofEcdhEcpoint()
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(TestData.VectorPath("wycheproof", "ecdh_secp256r1_ecpoint_test.json")));
            int valid = 0, refused = 0;
            foreach (JsonElement g in doc.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                foreach (JsonElement t in g.GetProperty("tests").EnumerateArray())
                {
                    byte[] pub = Convert.FromHexString(t.GetProperty("public").GetString()!);
                    byte[] priv = Scalar32(Convert.FromHexString(t.GetProperty("private").GetString()!));
                    string result = t.GetProperty("result").GetString()!;
                    byte[] z = new byte[32];
                    Array.Fill(z, (byte)0xEE);
                    int rc = P256Ecdh(priv, pub, z);
                    if (result == "valid")
                    {
                        Assert.True(rc == P256Ok, "tcId " + t.GetProperty("tcId").GetInt32() + " rc " + rc);
                        Assert.Equal(t.GetProperty("shared").GetString()!, Convert.ToHexString(z).ToLowerInvariant());
                        valid++;
                    }
                    else
                    {
                        Assert.True(rc == P256BadPoint, "tcId " + t.GetProperty("tcId").GetInt32() + " rc " + rc);
                        Assert.All(z, b => Assert.Equal(0xEE, b));
                        refused++;
                    }
                }
            }

            Assert.True(valid >= 300 && refused >= 20, valid + " valid, " + refused + " refused");
        }

        // Wycheproof ecdsa_secp256r1_sha256_p1363_test.json: r || s signatures; valid ones verify, invalid ones do not.
        [Fact]
        public void WycheproofEcdsaP1363()
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(TestData.VectorPath("wycheproof", "ecdsa_secp256r1_sha256_p1363_test.json")));
            int count = 0;
            foreach (JsonElement g in doc.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                byte[] pub = Convert.FromHexString(g.GetProperty("publicKey").GetProperty("uncompressed").GetString()!);
                foreach (JsonElement t in g.GetProperty("tests").EnumerateArray())
                {
                    byte[] hash = SHA256.HashData(Convert.FromHexString(t.GetProperty("msg").GetString()!));
                    byte[] sig = Convert.FromHexString(t.GetProperty("sig").GetString()!);
                    int expected = t.GetProperty("result").GetString() == "valid" ? 1 : 0;
                    Assert.True(expected == P256Verify(pub, hash, sig), "tcId " + t.GetProperty("tcId").GetInt32());
                    count++;
                }
            }

            Assert.True(count > 200);
        }

        internal static byte[] Scalar32(byte[] v)
        {
            byte[] d = new byte[32];
            int skip = 0;
            while (v.Length - skip > 32 && v[skip] == 0) skip++;
            Array.Copy(v, skip, d, 32 - (v.Length - skip), v.Length - skip);
            return d;
        }
    }
}
