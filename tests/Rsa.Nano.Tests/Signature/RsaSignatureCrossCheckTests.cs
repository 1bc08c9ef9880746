using System.Security.Cryptography;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>
    /// <see cref="RsaSignature"/> against .NET's RSA (SignData/VerifyData, PKCS#1 v1.5 and PSS with sLen = hLen) in both
    /// directions, SHA-1 and SHA-256, moduli of 1024 to 4096 bits including odd sizes (emLen = k - 1 for PSS when
    /// modBits = 8k' + 1).
    /// </summary>
    public class RsaSignatureCrossCheckTests
    {
        public static TheoryData<int> Sizes() => new TheoryData<int> { 1024, 1025, 1536, 2048, 2049, 3072, 4096 };

        [Theory]
        [MemberData(nameof(Sizes))]
        public void BothDirections(int bits)
        {
            using RSA rsa = RawRsa.Create(bits, 2);
            RSAParameters p = rsa.ExportParameters(true);
            RsaPrivateKey priv = RsaTestKeys.Private(p);
            RsaPublicKey pub = RsaTestKeys.Public(p);
            var signer = new RsaSignature(RsaPublicKey.MaxBits);
            int k = pub.ModulusLength;
            var sig = new byte[k + 3];
            var rng = new Random(bits);
            foreach (RsaHash hash in new[] { RsaHash.Sha1, RsaHash.Sha256 })
            {
                HashAlgorithmName name = RsaTestKeys.Name(hash);
                int hLen = hash == RsaHash.Sha1 ? 20 : 32;
                for (int i = 0; i < 3; i++)
                {
                    var data = new byte[rng.Next(0, 200)];
                    rng.NextBytes(data);
                    byte[] digest = RsaTestKeys.Digest(hash, data);

                    // PKCS#1 v1.5: deterministic, so ours equals theirs byte for byte.
                    Assert.True(signer.SignPkcs1(priv, hash, digest, 0, sig, 3));
                    Assert.Equal(rsa.SignData(data, name, RSASignaturePadding.Pkcs1), sig[3..]);
                    Assert.True(rsa.VerifyData(data, sig[3..], name, RSASignaturePadding.Pkcs1));
                    byte[] theirs = rsa.SignData(data, name, RSASignaturePadding.Pkcs1);
                    Assert.True(signer.VerifyPkcs1(pub, hash, digest, 0, theirs, 0, k));
                    Assert.False(signer.VerifyPss(pub, hash, digest, 0, hLen, theirs, 0, k));

                    // PSS with a random hLen-byte salt (.NET's choice) both ways.
                    byte[] salt = RandomNumberGenerator.GetBytes(hLen);
                    Assert.True(signer.SignPss(priv, hash, digest, 0, salt, 0, hLen, sig, 0));
                    Assert.True(rsa.VerifyData(data, sig[..k], name, RSASignaturePadding.Pss));
                    Assert.True(signer.VerifyPss(pub, hash, digest, 0, hLen, sig, 0, k));
                    Assert.False(signer.VerifyPkcs1(pub, hash, digest, 0, sig, 0, k));
                    theirs = rsa.SignData(data, name, RSASignaturePadding.Pss);
                    Assert.True(signer.VerifyPss(pub, hash, digest, 0, hLen, theirs, 0, k));
                    Assert.False(signer.VerifyPss(pub, hash, digest, 0, hLen + 1, theirs, 0, k));
                }
            }
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(64)]
        public void PssSaltLengths(int saltLength)
        {
            using RSA rsa = RawRsa.Create(2049, 2);
            RSAParameters p = rsa.ExportParameters(true);
            var raw = new RawRsa(p);
            RsaPrivateKey priv = RsaTestKeys.Private(p);
            var signer = new RsaSignature(2049);
            byte[] digest = SHA256.HashData(new byte[] { 7 });
            byte[] salt = RandomNumberGenerator.GetBytes(saltLength);
            var sig = new byte[priv.ModulusLength];
            Assert.True(signer.SignPss(priv, RsaHash.Sha256, digest, 0, saltLength == 0 ? null : salt, 0, saltLength, sig, 0));
            Assert.True(signer.VerifyPss(priv.PublicKey, RsaHash.Sha256, digest, 0, saltLength, sig, 0, sig.Length));
            // The independent decoder (.NET has no salt-length parameter): the EM opened by BigInteger verifies too.
            byte[] em = raw.Public(sig);
            Assert.Equal(0, em[0]);
            Assert.True(new EmsaPss(new RsaDigest()).Verify(RsaHash.Sha256, digest, 0, saltLength, em, 1, 2048));
        }

        [Fact]
        public void PssRefusesSaltTooLongForTheModulus()
        {
            using RSA rsa = RawRsa.Create(1024, 2);
            RsaPrivateKey priv = RsaTestKeys.Private(rsa.ExportParameters(true));
            var signer = new RsaSignature(1024);
            var sig = new byte[128];
            // emLen = 128 for 1024 bits: hLen + sLen + 2 <= 128 allows a 94-byte salt with SHA-256.
            Assert.True(signer.SignPss(priv, RsaHash.Sha256, new byte[32], 0, new byte[94], 0, 94, sig, 0));
            Assert.False(signer.SignPss(priv, RsaHash.Sha256, new byte[32], 0, new byte[95], 0, 95, sig, 0));
            Assert.False(signer.VerifyPss(priv.PublicKey, RsaHash.Sha256, new byte[32], 0, 95, sig, 0, 128));
        }
    }
}
