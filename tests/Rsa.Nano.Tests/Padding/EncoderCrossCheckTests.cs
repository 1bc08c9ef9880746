using System.Security.Cryptography;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>
    /// The padding encoders alone (EM in, EM out) against .NET's RSA, with the RSA primitive done by BigInteger
    /// (<see cref="RawRsa"/>): EMSA-PKCS1-v1_5, EMSA-PSS, EME-OAEP and EME-PKCS1-v1_5 both ways.
    /// </summary>
    public class EncoderCrossCheckTests
    {
        internal static HmacDrbg Drbg(int seed)
        {
            var entropy = new byte[32];
            entropy[0] = (byte)seed;
            entropy[1] = (byte)(seed >> 8);
            return new HmacDrbg(entropy, new byte[16], null, 1 << 16);
        }

        private static HashAlgorithmName Name(RsaHash h) => h == RsaHash.Sha1 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;

        private static byte[] Digest(RsaHash h, byte[] data) => h == RsaHash.Sha1 ? SHA1.HashData(data) : SHA256.HashData(data);

        public static TheoryData<int, RsaHash> Sizes() => new TheoryData<int, RsaHash>
        {
            { 1024, RsaHash.Sha1 }, { 1024, RsaHash.Sha256 }, { 2048, RsaHash.Sha256 }, { 2049, RsaHash.Sha1 }, { 3072, RsaHash.Sha256 },
        };

        [Theory]
        [MemberData(nameof(Sizes))]
        public void EmsaPkcs1MatchesDotNetBothWays(int bits, RsaHash hash)
        {
            using var rsa = RawRsa.Create(bits, 1);
            var raw = new RawRsa(rsa.ExportParameters(true));
            for (int i = 0; i < 4; i++)
            {
                byte[] digest = Digest(hash, new byte[] { (byte)i, 1, 2 });
                var em = new byte[raw.K];
                Assert.True(EmsaPkcs1.Encode(hash, digest, 0, em, 0, raw.K));
                // Our EM signed raw is .NET's signature (PKCS#1 v1.5 signatures are deterministic) ...
                byte[] ours = raw.Private(em);
                Assert.Equal(rsa.SignHash(digest, Name(hash), RSASignaturePadding.Pkcs1), ours);
                // ... and .NET's signature opens to our EM.
                Assert.Equal(em, raw.Public(rsa.SignHash(digest, Name(hash), RSASignaturePadding.Pkcs1)));
            }
        }

        [Fact]
        public void EmsaPkcs1RefusesShortEm()
        {
            var em = new byte[62];
            // SHA-256: tLen = 19 + 32 = 51, so EM needs 62 bytes.
            Assert.True(EmsaPkcs1.Encode(RsaHash.Sha256, new byte[32], 0, em, 0, 62));
            Assert.False(EmsaPkcs1.Encode(RsaHash.Sha256, new byte[32], 0, em, 0, 61));
            Assert.True(EmsaPkcs1.Encode(RsaHash.Sha1, new byte[20], 0, em, 0, 46));
            Assert.False(EmsaPkcs1.Encode(RsaHash.Sha1, new byte[20], 0, em, 0, 45));
        }

        [Theory]
        [MemberData(nameof(Sizes))]
        public void EmsaPssMatchesDotNetBothWays(int bits, RsaHash hash)
        {
            using var rsa = RawRsa.Create(bits, 1);
            var raw = new RawRsa(rsa.ExportParameters(true));
            var pss = new EmsaPss(new RsaDigest());
            int hLen = RsaDigest.Length(hash);
            int emBits = raw.Bits - 1;
            int emLen = EmsaPss.EncodedLength(emBits);
            for (int i = 0; i < 4; i++)
            {
                byte[] digest = Digest(hash, new byte[] { (byte)i });
                byte[] salt = RandomNumberGenerator.GetBytes(hLen);
                var em = new byte[raw.K];
                Assert.True(pss.Encode(hash, digest, 0, salt, 0, hLen, emBits, em, raw.K - emLen));
                byte[] sig = raw.Private(em);
                Assert.True(rsa.VerifyHash(digest, sig, Name(hash), RSASignaturePadding.Pss));

                // .NET signs with sLen = hLen.
                byte[] theirs = rsa.SignHash(digest, Name(hash), RSASignaturePadding.Pss);
                byte[] opened = raw.Public(theirs);
                Assert.True(pss.Verify(hash, digest, 0, hLen, opened, raw.K - emLen, emBits));
                opened = raw.Public(theirs);
                Assert.False(pss.Verify(hash, digest, 0, hLen - 1, opened, raw.K - emLen, emBits));
                opened = raw.Public(theirs);
                digest[0] ^= 1;
                Assert.False(pss.Verify(hash, digest, 0, hLen, opened, raw.K - emLen, emBits));
            }
        }

        [Theory]
        [MemberData(nameof(Sizes))]
        public void EmeOaepMatchesDotNetBothWays(int bits, RsaHash hash)
        {
            using var rsa = RawRsa.Create(bits, 1);
            var raw = new RawRsa(rsa.ExportParameters(true));
            var oaep = new EmeOaep(new RsaDigest());
            var padding = hash == RsaHash.Sha1 ? RSAEncryptionPadding.OaepSHA1 : RSAEncryptionPadding.OaepSHA256;
            var random = Drbg(bits);
            int max = EmeOaep.MaxMessageLength(hash, raw.K);
            foreach (int length in new[] { 0, 1, 16, max })
            {
                byte[] m = RandomNumberGenerator.GetBytes(length);
                var em = new byte[raw.K];
                Assert.True(oaep.Encode(hash, null, 0, 0, m, 0, length, random, em, 0, raw.K));
                Assert.Equal(m, rsa.Decrypt(raw.Public(em), padding));

                byte[] opened = raw.Private(rsa.Encrypt(m, padding));
                var output = new byte[max];
                Assert.Equal(length, oaep.Decode(hash, null, 0, 0, opened, 0, raw.K, output, 0, max));
                Assert.Equal(m, output[..length]);
            }
            Assert.False(oaep.Encode(hash, null, 0, 0, new byte[max + 1], 0, max + 1, random, new byte[raw.K], 0, raw.K));
        }

        [Theory]
        [MemberData(nameof(Sizes))]
        public void EmePkcs1MatchesDotNetBothWays(int bits, RsaHash hash)
        {
            _ = hash;
            using var rsa = RawRsa.Create(bits, 1);
            var raw = new RawRsa(rsa.ExportParameters(true));
            var random = Drbg(bits + 7);
            int max = raw.K - 11;
            var synthetic = new byte[raw.K];
            foreach (int length in new[] { 0, 1, 16, max })
            {
                byte[] m = RandomNumberGenerator.GetBytes(length);
                var em = new byte[raw.K];
                Assert.True(EmePkcs1.Encode(m, 0, length, random, em, 0, raw.K));
                Assert.Equal(0, em[0]);
                Assert.Equal(2, em[1]);
                Assert.DoesNotContain((byte)0, em[2..(raw.K - length - 1)]);
                Assert.Equal(m, rsa.Decrypt(raw.Public(em), RSAEncryptionPadding.Pkcs1));

                byte[] opened = raw.Private(rsa.Encrypt(m, RSAEncryptionPadding.Pkcs1));
                var output = new byte[max];
                Assert.Equal(length, EmePkcs1.Decode(opened, 0, raw.K, synthetic, 0, 5, output, 0, max, out bool valid));
                Assert.True(valid);
                Assert.Equal(m, output[..length]);
            }
            Assert.False(EmePkcs1.Encode(new byte[max + 1], 0, max + 1, random, new byte[raw.K], 0, raw.K));
        }
    }
}
