using System.IO;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>
    /// Wycheproof (tests/vectors/wycheproof, see SOURCE.md) RSA vectors: PKCS#1 v1.5 and PSS signature verification,
    /// OAEP and PKCS#1 v1.5 decryption. Every "valid" case must be accepted with the expected message, every "invalid"
    /// one rejected. The single "acceptable" case (tcId 5 of the PKCS#1 v1.5 signature file, MissingNull: DigestInfo
    /// without the NULL parameters) is rejected: verification compares against the one DER encoding of RFC 8017 §9.2
    /// Note 1, so no second encoding is ever accepted. PKCS#1 v1.5 decryption uses implicit rejection: an
    /// InvalidPkcs1Padding case must "succeed" with exactly the draft-irtf-cfrg-rsa-guidance synthetic message (checked
    /// against <see cref="ReferenceImplicitRejection"/>) while the hidden padding flag says invalid; an
    /// InvalidCiphertextFormat case (wrong length, c &gt;= n) gives -1.
    /// </summary>
    public abstract class WycheproofRsaTests
    {
        internal abstract IRsaUnderTest Create();

        private static JsonElement Load(string name) =>
            JsonDocument.Parse(File.ReadAllText(TestData.VectorPath("wycheproof", name))).RootElement;

        /// <summary>Wycheproof integers are hex of ASN.1 INTEGER contents (maybe a leading 00): resized to the key's length.</summary>
        private static byte[] Fixed(string hex, int length) => RawRsa.ToBytes(RawRsa.FromBytes(TestData.Hex(hex)), length);

        private static byte[] Minimal(string hex)
        {
            BigInteger v = RawRsa.FromBytes(TestData.Hex(hex));
            return v.ToByteArray(isUnsigned: true, isBigEndian: true);
        }

        private static string Result(JsonElement t) => t.GetProperty("result").GetString()!;

        private static string Id(JsonElement t) => "tcId " + t.GetProperty("tcId").GetInt32() + " " + Result(t) + " " + t.GetProperty("comment").GetString();

        private void SetPublic(IRsaUnderTest rsa, JsonElement group)
        {
            var key = group.GetProperty("publicKey");
            int k = group.GetProperty("keySize").GetInt32() / 8;
            rsa.SetPublic(Fixed(key.GetProperty("modulus").GetString()!, k), Minimal(key.GetProperty("publicExponent").GetString()!));
        }

        [Fact]
        public void Pkcs1SignatureSha256()
        {
            var rsa = Create();
            int valid = 0, invalid = 0;
            foreach (var group in Load("rsa_signature_2048_sha256_test.json").GetProperty("testGroups").EnumerateArray())
            {
                Assert.Equal("SHA-256", group.GetProperty("sha").GetString());
                SetPublic(rsa, group);
                foreach (var t in group.GetProperty("tests").EnumerateArray())
                {
                    byte[] digest = SHA256.HashData(TestData.Hex(t.GetProperty("msg").GetString()!));
                    bool ok = rsa.VerifyPkcs1(RsaHash.Sha256, digest, TestData.Hex(t.GetProperty("sig").GetString()!));
                    // "acceptable" (MissingNull only) is rejected: see the class comment.
                    Assert.True(ok == (Result(t) == "valid"), Id(t));
                    if (ok) valid++; else invalid++;
                }
            }
            Assert.Equal(9, valid);
            Assert.Equal(250, invalid);
        }

        [Fact]
        public void PssSha256Salt32()
        {
            var rsa = Create();
            int valid = 0, invalid = 0;
            foreach (var group in Load("rsa_pss_2048_sha256_mgf1_32_test.json").GetProperty("testGroups").EnumerateArray())
            {
                Assert.Equal("SHA-256", group.GetProperty("sha").GetString());
                Assert.Equal("SHA-256", group.GetProperty("mgfSha").GetString());
                int sLen = group.GetProperty("sLen").GetInt32();
                SetPublic(rsa, group);
                foreach (var t in group.GetProperty("tests").EnumerateArray())
                {
                    byte[] digest = SHA256.HashData(TestData.Hex(t.GetProperty("msg").GetString()!));
                    bool ok = rsa.VerifyPss(RsaHash.Sha256, digest, sLen, TestData.Hex(t.GetProperty("sig").GetString()!));
                    Assert.True(ok == (Result(t) == "valid"), Id(t));
                    if (ok) valid++; else invalid++;
                }
            }
            Assert.Equal(63, valid);
            Assert.Equal(45, invalid);
        }

        private void SetPrivate(IRsaUnderTest rsa, JsonElement group)
        {
            var key = group.GetProperty("privateKey");
            int k = group.GetProperty("keySize").GetInt32() / 8;
            string H(string name) => key.GetProperty(name).GetString()!;
            rsa.SetPrivate(Fixed(H("modulus"), k), Minimal(H("publicExponent")), Minimal(H("privateExponent")), Minimal(H("prime1")),
                Minimal(H("prime2")), Minimal(H("exponent1")), Minimal(H("exponent2")), Minimal(H("coefficient")));
        }

        [Fact]
        public void OaepSha1()
        {
            var rsa = Create();
            int valid = 0, invalid = 0;
            foreach (var group in Load("rsa_oaep_2048_sha1_mgf1sha1_test.json").GetProperty("testGroups").EnumerateArray())
            {
                Assert.Equal("SHA-1", group.GetProperty("sha").GetString());
                Assert.Equal("SHA-1", group.GetProperty("mgfSha").GetString());
                SetPrivate(rsa, group);
                foreach (var t in group.GetProperty("tests").EnumerateArray())
                {
                    byte[] expected = TestData.Hex(t.GetProperty("msg").GetString()!);
                    var output = new byte[256];
                    int n = rsa.DecryptOaep(RsaHash.Sha1, TestData.Hex(t.GetProperty("label").GetString()!),
                        TestData.Hex(t.GetProperty("ct").GetString()!), output);
                    if (Result(t) == "valid")
                    {
                        Assert.True(n == expected.Length, Id(t));
                        Assert.Equal(expected, output[..n]);
                        valid++;
                    }
                    else
                    {
                        Assert.True(n == -1, Id(t));
                        invalid++;
                    }
                }
            }
            Assert.Equal(17, valid);
            Assert.Equal(19, invalid);
        }

        [Fact]
        public void Pkcs1DecryptionWithImplicitRejection()
        {
            var rsa = Create();
            int valid = 0, rejected = 0, malformed = 0;
            foreach (var group in Load("rsa_pkcs1_2048_test.json").GetProperty("testGroups").EnumerateArray())
            {
                SetPrivate(rsa, group);
                var key = group.GetProperty("privateKey");
                int k = group.GetProperty("keySize").GetInt32() / 8;
                byte[] d = Fixed(key.GetProperty("privateExponent").GetString()!, k);
                foreach (var t in group.GetProperty("tests").EnumerateArray())
                {
                    byte[] ct = TestData.Hex(t.GetProperty("ct").GetString()!);
                    var output = new byte[k];
                    int n = rsa.DecryptPkcs1(ct, output, out bool ok);
                    if (Result(t) == "valid")
                    {
                        Assert.True(ok, Id(t));
                        Assert.Equal(TestData.Hex(t.GetProperty("msg").GetString()!), output[..n]);
                        valid++;
                    }
                    else if (Array.IndexOf(Flags(t), "InvalidCiphertextFormat") >= 0)
                    {
                        Assert.True(n == -1, Id(t));
                        malformed++;
                    }
                    else
                    {
                        Assert.False(ok, Id(t));
                        Assert.True(n >= 0, Id(t));
                        Assert.Equal(ReferenceImplicitRejection.SyntheticMessage(d, ct), output[..n]);
                        rejected++;
                    }
                }
            }
            Assert.Equal(42, valid);
            Assert.Equal(19, rejected);
            Assert.Equal(6, malformed);
        }

        private static string[] Flags(JsonElement t)
        {
            var list = new List<string>();
            foreach (var f in t.GetProperty("flags").EnumerateArray()) list.Add(f.GetString()!);
            return list.ToArray();
        }
    }

    /// <summary>Wycheproof over the internal encoders with BigInteger RSA.</summary>
    public class WycheproofRsaEncoderTests : WycheproofRsaTests
    {
        internal override IRsaUnderTest Create() => new EncoderUnderTest();
    }
}
