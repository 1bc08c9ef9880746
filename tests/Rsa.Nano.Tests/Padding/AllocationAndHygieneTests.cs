using System.Reflection;
using System.Security.Cryptography;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>
    /// After construction (and one warm-up call) signing, verifying, encrypting and decrypting allocate nothing; after
    /// each call no scratch array of the padding code holds a secret (EM, D, the KDK, the synthetic message); a bad
    /// input or a caller bug leaves the objects usable.
    /// </summary>
    public class AllocationAndHygieneTests
    {
        private static readonly RSAParameters Params = RawRsa.Create(2048, 7).ExportParameters(true);

        [Fact]
        public void HotPathsAllocateNothing()
        {
            RsaPrivateKey priv = RsaTestKeys.Private(Params);
            RsaPublicKey pub = priv.PublicKey;
            var signer = new RsaSignature(2048);
            var enc = new RsaEncryption(2048);
            var random = EncoderCrossCheckTests.Drbg(7);
            byte[] digest = SHA256.HashData(new byte[] { 1 });
            byte[] sha1 = SHA1.HashData(new byte[] { 1 });
            var salt = new byte[32];
            var sig = new byte[256];
            var ct = new byte[256];
            var bad = new byte[256];
            bad[255] = 3;
            var pt = new byte[256];
            var m = new byte[32];
            var ok = new bool[12];
            var lengths = new int[4];
            for (int round = 0; round < 2; round++)
            {
                // Results are collected and asserted afterwards: xunit's Assert.Equal allocates a comparer per call.
                long before = GC.GetAllocatedBytesForCurrentThread();
                ok[0] = signer.SignPkcs1(priv, RsaHash.Sha256, digest, 0, sig, 0);
                ok[1] = signer.VerifyPkcs1(pub, RsaHash.Sha256, digest, 0, sig, 0, 256);
                ok[2] = signer.SignPkcs1(priv, RsaHash.Sha1, sha1, 0, sig, 0);
                ok[3] = signer.VerifyPkcs1(pub, RsaHash.Sha1, sha1, 0, sig, 0, 256);
                ok[4] = signer.SignPss(priv, RsaHash.Sha256, digest, 0, salt, 0, 32, sig, 0);
                ok[5] = signer.VerifyPss(pub, RsaHash.Sha256, digest, 0, 32, sig, 0, 256);
                ok[6] = enc.EncryptPkcs1(pub, m, 0, 32, random, ct, 0);
                lengths[0] = enc.DecryptPkcs1(priv, ct, 0, 256, pt, 0, 256);
                lengths[1] = enc.DecryptPkcs1(priv, bad, 0, 256, pt, 0, 256);
                ok[7] = enc.EncryptOaep(pub, RsaHash.Sha1, m, 0, 32, random, ct, 0);
                lengths[2] = enc.DecryptOaep(priv, RsaHash.Sha1, ct, 0, 256, pt, 0, 256);
                lengths[3] = enc.DecryptOaep(priv, RsaHash.Sha256, ct, 0, 256, pt, 0, 256);
                long after = GC.GetAllocatedBytesForCurrentThread();
                Assert.True(Array.TrueForAll(ok[..8], x => x));
                Assert.Equal(new[] { 32, lengths[1], 32, -1 }, lengths);
                Assert.True(lengths[1] >= 0);
                if (round == 1) Assert.Equal(0, after - before);
            }
        }

        /// <summary>Every byte[] reachable from the object through fields of this assembly's types is all zero.</summary>
        private static void AssertNoSecretLeft(object root)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            void Walk(object o, string path)
            {
                if (!seen.Add(o)) return;
                foreach (FieldInfo f in o.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
                {
                    object? v = f.GetValue(o);
                    if (v is byte[] bytes)
                    {
                        // MGF1's and the IRPRF's counters are public; everything else must be wiped.
                        if (f.Name == "_counter" || f.Name == "_bits") continue;
                        Assert.True(Array.TrueForAll(bytes, b => b == 0), path + "." + f.Name + " not wiped");
                    }
                    else if (v != null && v.GetType().Assembly == typeof(RsaEncryption).Assembly && !(v is RsaPublicKey) && !(v is RsaPrivateKey))
                    {
                        Walk(v, path + "." + f.Name);
                    }
                }
            }
            Walk(root, root.GetType().Name);
        }

        [Fact]
        public void NoSecretLeftAfterEachOperation()
        {
            RsaPrivateKey priv = RsaTestKeys.Private(Params);
            var signer = new RsaSignature(2048);
            var enc = new RsaEncryption(2048);
            var random = EncoderCrossCheckTests.Drbg(8);
            byte[] digest = SHA256.HashData(new byte[] { 1 });
            var sig = new byte[256];
            var ct = new byte[256];
            var pt = new byte[256];
            byte[] m = RandomNumberGenerator.GetBytes(16);

            Assert.True(signer.SignPss(priv, RsaHash.Sha256, digest, 0, new byte[32], 0, 32, sig, 0));
            AssertNoSecretLeft(signer);
            Assert.True(signer.VerifyPkcs1(priv.PublicKey, RsaHash.Sha256, digest, 0, sig, 0, 256) == false);
            AssertNoSecretLeft(signer);

            Assert.True(enc.EncryptPkcs1(priv.PublicKey, m, 0, 16, random, ct, 0));
            AssertNoSecretLeft(enc);
            Assert.Equal(16, enc.DecryptPkcs1(priv, ct, 0, 256, pt, 0, 256));
            AssertNoSecretLeft(enc);
            ct[9] ^= 1;
            Assert.True(enc.DecryptPkcs1(priv, ct, 0, 256, pt, 0, 256) >= 0);
            AssertNoSecretLeft(enc);
            Assert.True(enc.EncryptOaep(priv.PublicKey, RsaHash.Sha256, m, 0, 16, random, ct, 0));
            AssertNoSecretLeft(enc);
            Assert.Equal(16, enc.DecryptOaep(priv, RsaHash.Sha256, ct, 0, 256, pt, 0, 256));
            AssertNoSecretLeft(enc);
            ct[9] ^= 1;
            Assert.Equal(-1, enc.DecryptOaep(priv, RsaHash.Sha256, ct, 0, 256, pt, 0, 256));
            AssertNoSecretLeft(enc);
            enc.Clear();
            signer.Clear();
            AssertNoSecretLeft(enc);
            AssertNoSecretLeft(signer);
        }

        [Fact]
        public void CallerBugsThrowAndLeaveTheObjectUsable()
        {
            RsaPrivateKey priv = RsaTestKeys.Private(Params);
            RsaPublicKey pub = priv.PublicKey;
            var signer = new RsaSignature(2048);
            var enc = new RsaEncryption(2048);
            var random = EncoderCrossCheckTests.Drbg(9);
            var digest = new byte[32];
            var sig = new byte[256];

            Assert.Throws<ArgumentOutOfRangeException>(() => new RsaSignature(512));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RsaEncryption(8192));
            Assert.Throws<ArgumentNullException>(() => signer.SignPkcs1(null!, RsaHash.Sha256, digest, 0, sig, 0));
            Assert.Throws<ArgumentException>(() => signer.VerifyPkcs1(new RsaPublicKey(2048), RsaHash.Sha256, digest, 0, sig, 0, 256));
            Assert.Throws<ArgumentException>(() => signer.SignPkcs1(new RsaPrivateKey(2048), RsaHash.Sha256, digest, 0, sig, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => signer.SignPkcs1(priv, RsaHash.Sha256, digest, 1, sig, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => signer.SignPkcs1(priv, (RsaHash)7, digest, 0, sig, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => signer.SignPkcs1(priv, RsaHash.Sha256, digest, 0, sig, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => signer.VerifyPss(pub, RsaHash.Sha256, digest, 0, -1, sig, 0, 256));
            Assert.Throws<ArgumentNullException>(() => enc.EncryptPkcs1(pub, new byte[1], 0, 1, null!, sig, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => enc.DecryptPkcs1(priv, sig, 0, 256, sig, 200, 100));
            Assert.Throws<ArgumentNullException>(() => enc.DecryptOaep(priv, RsaHash.Sha1, null, 0, 3, sig, 0, 256, sig, 0, 256));

            // A key larger than maxBits is a configuration bug.
            using RSA big = RawRsa.Create(3072, 7);
            RsaPrivateKey bigKey = RsaTestKeys.Private(big.ExportParameters(true));
            Assert.Throws<ArgumentException>(() => signer.SignPkcs1(bigKey, RsaHash.Sha256, digest, 0, new byte[384], 0));
            Assert.Throws<ArgumentException>(() => enc.DecryptPkcs1(bigKey, new byte[384], 0, 384, new byte[384], 0, 384));
            Assert.Throws<ArgumentException>(() => signer.VerifyPkcs1(bigKey.PublicKey, RsaHash.Sha256, digest, 0, new byte[384], 0, 384));
            Assert.Throws<ArgumentException>(() => enc.EncryptOaep(bigKey.PublicKey, RsaHash.Sha256, digest, 0, 32, random, new byte[384], 0));

            // Still working.
            Assert.True(signer.SignPkcs1(priv, RsaHash.Sha256, digest, 0, sig, 0));
            Assert.True(signer.VerifyPkcs1(pub, RsaHash.Sha256, digest, 0, sig, 0, 256));
            Assert.True(enc.EncryptOaep(pub, RsaHash.Sha256, digest, 0, 32, random, sig, 0));
            Assert.Equal(32, enc.DecryptOaep(priv, RsaHash.Sha256, sig, 0, 256, new byte[32], 0, 32));
        }

        [Fact]
        public void ExhaustedGeneratorIsAStatusNotAnException()
        {
            RsaPublicKey pub = RsaTestKeys.Public(Params);
            var enc = new RsaEncryption(2048);
            // Explicit-entropy generator with a reseed interval of 1: the first request uses it up.
            var random = new NanoMikey.Crypto.Random.HmacDrbg(new byte[32], new byte[16], null, 1);
            var ct = new byte[256];
            Assert.True(enc.EncryptOaep(pub, RsaHash.Sha256, new byte[4], 0, 4, random, ct, 0));
            Assert.False(enc.EncryptOaep(pub, RsaHash.Sha256, new byte[4], 0, 4, random, ct, 0));
            Assert.False(enc.EncryptPkcs1(pub, new byte[4], 0, 4, random, ct, 0));
        }
    }
}
