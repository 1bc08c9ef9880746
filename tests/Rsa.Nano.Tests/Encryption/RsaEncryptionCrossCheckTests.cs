using System.Security.Cryptography;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>
    /// <see cref="RsaEncryption"/> against .NET's RSA (Encrypt/Decrypt with Pkcs1, OaepSHA1, OaepSHA256) in both
    /// directions, moduli of 1024 to 4096 bits, messages from empty to the longest allowed.
    /// </summary>
    public class RsaEncryptionCrossCheckTests
    {
        public static TheoryData<int> Sizes() => new TheoryData<int> { 1024, 1025, 1536, 2048, 2049, 3072, 4096 };

        [Theory]
        [MemberData(nameof(Sizes))]
        public void BothDirections(int bits)
        {
            using RSA rsa = RawRsa.Create(bits, 3);
            RSAParameters p = rsa.ExportParameters(true);
            RsaPrivateKey priv = RsaTestKeys.Private(p);
            RsaPublicKey pub = priv.PublicKey;
            var enc = new RsaEncryption(RsaPublicKey.MaxBits);
            var random = EncoderCrossCheckTests.Drbg(bits);
            int k = pub.ModulusLength;
            var ct = new byte[k + 1];
            var pt = new byte[k];

            // PKCS#1 v1.5.
            foreach (int length in new[] { 0, 1, 16, k - 11 })
            {
                byte[] m = RandomNumberGenerator.GetBytes(length);
                Assert.True(enc.EncryptPkcs1(pub, m, 0, length, random, ct, 1));
                Assert.Equal(m, rsa.Decrypt(ct[1..], RSAEncryptionPadding.Pkcs1));
                byte[] theirs = rsa.Encrypt(m, RSAEncryptionPadding.Pkcs1);
                Assert.Equal(length, enc.DecryptPkcs1(priv, theirs, 0, k, pt, 0, pt.Length, out bool valid));
                Assert.True(valid);
                Assert.Equal(m, pt[..length]);
                Assert.Equal(length, enc.DecryptPkcs1(priv, theirs, 0, k, pt, 0, pt.Length));
            }
            Assert.False(enc.EncryptPkcs1(pub, new byte[k - 10], 0, k - 10, random, ct, 0));

            // OAEP with SHA-1 and SHA-256 (MGF1 with the same hash, empty label: .NET's OaepSHAx).
            foreach (RsaHash hash in new[] { RsaHash.Sha1, RsaHash.Sha256 })
            {
                var padding = hash == RsaHash.Sha1 ? RSAEncryptionPadding.OaepSHA1 : RSAEncryptionPadding.OaepSHA256;
                int max = k - 2 * (hash == RsaHash.Sha1 ? 20 : 32) - 2;
                foreach (int length in new[] { 0, 1, 32, max })
                {
                    byte[] m = RandomNumberGenerator.GetBytes(length);
                    Assert.True(enc.EncryptOaep(pub, hash, m, 0, length, random, ct, 0));
                    Assert.Equal(m, rsa.Decrypt(ct[..k], padding));
                    byte[] theirs = rsa.Encrypt(m, padding);
                    Array.Clear(pt);
                    Assert.Equal(length, enc.DecryptOaep(priv, hash, theirs, 0, k, pt, 0, pt.Length));
                    Assert.Equal(m, pt[..length]);
                    // The other hash is a different scheme.
                    Assert.Equal(-1, enc.DecryptOaep(priv, hash == RsaHash.Sha1 ? RsaHash.Sha256 : RsaHash.Sha1, theirs, 0, k, pt, 0, pt.Length));
                }
                Assert.False(enc.EncryptOaep(pub, hash, new byte[max + 1], 0, max + 1, random, ct, 0));
            }
        }

        [Fact]
        public void OaepLabelRoundTrip()
        {
            using RSA rsa = RawRsa.Create(2048, 3);
            RsaPrivateKey priv = RsaTestKeys.Private(rsa.ExportParameters(true));
            var enc = new RsaEncryption(2048);
            var random = EncoderCrossCheckTests.Drbg(5);
            byte[] label = { 1, 2, 3, 4, 5 };
            byte[] m = { 9, 8, 7 };
            var ct = new byte[256];
            var pt = new byte[256];
            Assert.True(enc.EncryptOaep(priv.PublicKey, RsaHash.Sha256, label, 1, 3, m, 0, 3, random, ct, 0));
            Assert.Equal(3, enc.DecryptOaep(priv, RsaHash.Sha256, label, 1, 3, ct, 0, 256, pt, 0, 256));
            Assert.Equal(m, pt[..3]);
            Assert.Equal(-1, enc.DecryptOaep(priv, RsaHash.Sha256, label, 0, 3, ct, 0, 256, pt, 0, 256));
            Assert.Equal(-1, enc.DecryptOaep(priv, RsaHash.Sha256, ct, 0, 256, pt, 0, 256));
        }

        [Fact]
        public void OaepMessageLargerThanCapacityFails()
        {
            using RSA rsa = RawRsa.Create(1024, 3);
            RsaPrivateKey priv = RsaTestKeys.Private(rsa.ExportParameters(true));
            var enc = new RsaEncryption(1024);
            byte[] ct = rsa.Encrypt(new byte[20], RSAEncryptionPadding.OaepSHA256);
            Assert.Equal(-1, enc.DecryptOaep(priv, RsaHash.Sha256, ct, 0, 128, new byte[19], 0, 19));
            Assert.Equal(20, enc.DecryptOaep(priv, RsaHash.Sha256, ct, 0, 128, new byte[20], 0, 20));
        }
    }
}
