using System.IO;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using NanoMikey.X509.Asn1;
using NanoMikey.Ecc;
using NanoMikey.X509;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>
    /// Wycheproof (tests/vectors/wycheproof, see SOURCE.md there) ECDSA P-256/SHA-256 and ECDH secp256r1 vectors.
    /// Every "valid" case must be accepted with the expected result, every "invalid" one rejected. "acceptable" cases:
    /// our code accepts compressed points (SEC 1 §2.3.4), so the CompressedPublic case must succeed with the expected secret;
    /// the SPKI "acceptable" cases (BER encodings, unused/explicit parameters) are rejected by the strict SPKI reader,
    /// and if one is ever accepted its secret must still be the expected one.
    /// One deliberate deviation: Wycheproof marks a shared secret with x = 0 (tcId 3 of both ECDH files) "valid", but the
    /// issue requires ECDH to refuse an all-zero result, so that case must be rejected here.
    /// </summary>
    public class WycheproofEcTests
    {
        private static JsonElement Load(string name)
        {
            string path = TestData.VectorPath("wycheproof", name);
            return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        }

        /// <summary>Wycheproof private keys are big-endian integers that may carry a leading zero byte.</summary>
        private static byte[] Scalar32(string hex)
        {
            BigInteger v = P256ReferenceCurve.FromBytes(TestData.Hex(hex), 0, hex.Length / 2);
            return P256ReferenceCurve.Bytes32(v);
        }

        private static bool IsAllZero(string hex) => hex.Trim('0').Length == 0;

        [Fact]
        public void EcdsaP1363()
        {
            int valid = 0, invalid = 0;
            var sig = new byte[64];
            foreach (var group in Load("ecdsa_secp256r1_sha256_p1363_test.json").GetProperty("testGroups").EnumerateArray())
            {
                byte[] pub = TestData.Hex(group.GetProperty("publicKey").GetProperty("uncompressed").GetString()!);
                var key = P256PublicKey.Decode(pub, 0, pub.Length);
                Assert.NotNull(key);
                foreach (var t in group.GetProperty("tests").EnumerateArray())
                {
                    byte[] hash = SHA256.HashData(TestData.Hex(t.GetProperty("msg").GetString()!));
                    byte[] s = TestData.Hex(t.GetProperty("sig").GetString()!);
                    bool ok = s.Length == 64 && EcdsaP256.Verify(key!, hash, 0, 32, s, 0);
                    string result = t.GetProperty("result").GetString()!;
                    Assert.True(ok == (result == "valid"), "tcId " + t.GetProperty("tcId").GetInt32() + " " + result);
                    if (ok) valid++; else invalid++;
                }
            }

            Assert.Equal(173, valid);
            Assert.Equal(89, invalid);
        }

        [Fact]
        public void EcdsaDer()
        {
            int valid = 0, invalid = 0;
            var rs = new byte[64];
            foreach (var group in Load("ecdsa_secp256r1_sha256_test.json").GetProperty("testGroups").EnumerateArray())
            {
                byte[] pub = TestData.Hex(group.GetProperty("publicKey").GetProperty("uncompressed").GetString()!);
                var key = P256PublicKey.Decode(pub, 0, pub.Length);
                Assert.NotNull(key);
                foreach (var t in group.GetProperty("tests").EnumerateArray())
                {
                    byte[] hash = SHA256.HashData(TestData.Hex(t.GetProperty("msg").GetString()!));
                    byte[] der = TestData.Hex(t.GetProperty("sig").GetString()!);
                    bool ok = EcdsaSignatureEncoding.DecodeDer(der, 0, der.Length, rs, 0) == Asn1Status.Ok
                        && EcdsaP256.Verify(key!, hash, 0, 32, rs, 0);
                    string result = t.GetProperty("result").GetString()!;
                    Assert.True(ok == (result == "valid"), "tcId " + t.GetProperty("tcId").GetInt32() + " " + result);
                    if (ok) valid++; else invalid++;
                }
            }

            Assert.Equal(174, valid);
            Assert.Equal(310, invalid);
        }

        [Fact]
        public void EcdhEcPoint()
        {
            var secret = new byte[32];
            int accepted = 0;
            foreach (var group in Load("ecdh_secp256r1_ecpoint_test.json").GetProperty("testGroups").EnumerateArray())
            {
                foreach (var t in group.GetProperty("tests").EnumerateArray())
                {
                    var priv = P256PrivateKey.FromScalar(Scalar32(t.GetProperty("private").GetString()!), 0);
                    Assert.NotNull(priv);
                    byte[] pub = TestData.Hex(t.GetProperty("public").GetString()!);
                    bool ok = EcdhP256.ComputeSharedSecret(priv!, pub, 0, pub.Length, secret, 0);
                    string result = t.GetProperty("result").GetString()!;
                    string id = "tcId " + t.GetProperty("tcId").GetInt32() + " " + result;
                    if (IsAllZero(t.GetProperty("shared").GetString()!)) result = "invalid";
                    Assert.True(ok == (result != "invalid"), id);
                    if (ok)
                    {
                        Assert.Equal(t.GetProperty("shared").GetString()!, Convert.ToHexString(secret).ToLowerInvariant());
                        accepted++;
                    }
                }
            }

            Assert.Equal(330, accepted);
        }

        [Fact]
        public void EcdhSubjectPublicKeyInfo()
        {
            var secret = new byte[32];
            int valid = 0, acceptableAccepted = 0;
            foreach (var group in Load("ecdh_secp256r1_test.json").GetProperty("testGroups").EnumerateArray())
            {
                foreach (var t in group.GetProperty("tests").EnumerateArray())
                {
                    var priv = P256PrivateKey.FromScalar(Scalar32(t.GetProperty("private").GetString()!), 0);
                    Assert.NotNull(priv);
                    byte[] spki = TestData.Hex(t.GetProperty("public").GetString()!);
                    bool ok = SubjectPublicKeyInfo.Read(spki, 0, spki.Length, out int po, out int pl) == Asn1Status.Ok
                        && EcdhP256.ComputeSharedSecret(priv!, spki, po, pl, secret, 0);
                    string result = t.GetProperty("result").GetString()!;
                    string id = "tcId " + t.GetProperty("tcId").GetInt32() + " " + result;
                    if (IsAllZero(t.GetProperty("shared").GetString()!)) result = "invalid";
                    if (result == "valid") Assert.True(ok, id);
                    if (result == "invalid") Assert.False(ok, id);
                    if (ok)
                    {
                        Assert.Equal(t.GetProperty("shared").GetString()!, Convert.ToHexString(secret).ToLowerInvariant());
                        if (result == "valid") valid++; else acceptableAccepted++;
                    }
                }
            }

            Assert.Equal(329, valid);
            // Only the compressed-point case among the 230 "acceptable" ones gets through the strict SPKI reader.
            Assert.Equal(1, acceptableAccepted);
        }
    }
}
