using System.Numerics;
using System.Security.Cryptography;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>
    /// PKCS#1 v1.5 decryption without a padding oracle: a malformed ciphertext gives the same synthetic message every
    /// time, a different one for a different ciphertext or key, of lengths spread over 0 .. k - 11, matching the
    /// independent transcription of draft-irtf-cfrg-rsa-guidance §7.2; a message too long for the caller's buffer is
    /// rejected implicitly too.
    /// </summary>
    public class ImplicitRejectionBehaviourTests
    {
        [Fact]
        public void SameSyntheticMessageEveryTimeDifferentPerCiphertext()
        {
            using RSA rsa = RawRsa.Create(2048, 4);
            RSAParameters p = rsa.ExportParameters(true);
            var raw = new RawRsa(p);
            RsaPrivateKey priv = RsaTestKeys.Private(p);
            var enc = new RsaEncryption(2048);
            var rng = new Random(4);
            var seen = new HashSet<string>();
            var lengths = new HashSet<int>();
            for (int i = 0; i < 40; i++)
            {
                // A random c < n almost never has 00 02 padding.
                var c = new byte[256];
                rng.NextBytes(c);
                c[0] &= 0x7F;
                Assume(RawRsa.FromBytes(c) < raw.N);
                var first = new byte[256];
                int n1 = enc.DecryptPkcs1(priv, c, 0, 256, first, 0, 256, out bool valid);
                Assert.False(valid);
                Assert.InRange(n1, 0, 256 - 11);
                var second = new byte[256];
                Assert.Equal(n1, enc.DecryptPkcs1(priv, c, 0, 256, second, 0, 256));
                Assert.Equal(first[..n1], second[..n1]);
                Assert.Equal(ReferenceImplicitRejection.SyntheticMessage(raw.DBytes, c), first[..n1]);
                Assert.True(seen.Add(Convert.ToHexString(first[..n1]) + "/" + n1));
                lengths.Add(n1);
            }
            // Lengths are spread, not one fixed value an attacker could recognise.
            Assert.True(lengths.Count > 30);
        }

        [Fact]
        public void SyntheticMessageDependsOnTheKey()
        {
            using RSA a = RawRsa.Create(1024, 4);
            using RSA b = RawRsa.Create(1024, 5);
            RsaPrivateKey ka = RsaTestKeys.Private(a.ExportParameters(true));
            RsaPrivateKey kb = RsaTestKeys.Private(b.ExportParameters(true));
            var enc = new RsaEncryption(1024);
            var c = new byte[128];
            c[127] = 5;
            var ma = new byte[128];
            var mb = new byte[128];
            int na = enc.DecryptPkcs1(ka, c, 0, 128, ma, 0, 128);
            int nb = enc.DecryptPkcs1(kb, c, 0, 128, mb, 0, 128);
            Assert.False(na == nb && ma.AsSpan(0, na).SequenceEqual(mb.AsSpan(0, nb)));
        }

        [Fact]
        public void MessageLongerThanCapacityGivesTheSyntheticMessage()
        {
            using RSA rsa = RawRsa.Create(1024, 4);
            RSAParameters p = rsa.ExportParameters(true);
            RsaPrivateKey priv = RsaTestKeys.Private(p);
            var enc = new RsaEncryption(1024);
            byte[] m = RandomNumberGenerator.GetBytes(48);
            byte[] c = rsa.Encrypt(m, RSAEncryptionPadding.Pkcs1);
            var output = new byte[47];
            int n = enc.DecryptPkcs1(priv, c, 0, 128, output, 0, 47, out bool valid);
            Assert.False(valid);
            byte[] synthetic = ReferenceImplicitRejection.SyntheticMessage(new RawRsa(p).DBytes, c);
            Assert.Equal(Math.Min(47, synthetic.Length), n);
            Assert.Equal(synthetic[..n], output[..n]);
        }

        [Fact]
        public void PubliclyInvalidCiphertextsGiveMinusOne()
        {
            using RSA rsa = RawRsa.Create(1024, 4);
            RSAParameters p = rsa.ExportParameters(true);
            RsaPrivateKey priv = RsaTestKeys.Private(p);
            var enc = new RsaEncryption(1024);
            var output = new byte[128];
            byte[] n = p.Modulus!;
            Assert.Equal(-1, enc.DecryptPkcs1(priv, n, 0, 128, output, 0, 128));
            Assert.Equal(-1, enc.DecryptOaep(priv, RsaHash.Sha1, n, 0, 128, output, 0, 128));
            var big = new byte[129];
            Assert.Equal(-1, enc.DecryptPkcs1(priv, big, 0, 129, output, 0, 128));
            Assert.Equal(-1, enc.DecryptPkcs1(priv, big, 0, 127, output, 0, 128));
            Assert.Equal(-1, enc.DecryptOaep(priv, RsaHash.Sha256, big, 0, 127, output, 0, 128));
        }

        private static void Assume(bool condition) => Assert.True(condition);
    }
}
