using System.Security.Cryptography;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>
    /// Every single-byte change is rejected: in the signature or ciphertext itself (every byte position), in the digest,
    /// and in every region of the encoded message EM (built correctly, changed one byte at a time, then put through
    /// the raw RSA primitive so the padding check itself is what must catch it).
    /// </summary>
    public class TamperingTests
    {
        private static readonly RSAParameters Params = RawRsa.Create(1024, 6).ExportParameters(true);
        private static readonly RsaPrivateKey Priv = RsaTestKeys.Private(Params);
        private static readonly RawRsa Raw = new RawRsa(Params);
        private const int K = 128;

        [Theory]
        [InlineData(RsaHash.Sha1)]
        [InlineData(RsaHash.Sha256)]
        public void Pkcs1SignatureEveryByte(RsaHash hash)
        {
            var signer = new RsaSignature(1024);
            byte[] digest = RsaTestKeys.Digest(hash, new byte[] { 1 });
            var sig = new byte[K];
            Assert.True(signer.SignPkcs1(Priv, hash, digest, 0, sig, 0));
            Assert.True(signer.VerifyPkcs1(Priv.PublicKey, hash, digest, 0, sig, 0, K));
            for (int i = 0; i < K; i++)
            {
                sig[i] ^= 0x01;
                Assert.False(signer.VerifyPkcs1(Priv.PublicKey, hash, digest, 0, sig, 0, K));
                sig[i] ^= 0x01;
            }
            for (int i = 0; i < digest.Length; i++)
            {
                digest[i] ^= 0x80;
                Assert.False(signer.VerifyPkcs1(Priv.PublicKey, hash, digest, 0, sig, 0, K));
                digest[i] ^= 0x80;
            }
            // The other hash with the same leading digest bytes.
            RsaHash other = hash == RsaHash.Sha1 ? RsaHash.Sha256 : RsaHash.Sha1;
            var wide = new byte[32];
            Array.Copy(digest, wide, digest.Length);
            Assert.False(signer.VerifyPkcs1(Priv.PublicKey, other, wide, 0, sig, 0, K));
            Assert.True(signer.VerifyPkcs1(Priv.PublicKey, hash, digest, 0, sig, 0, K));
        }

        [Theory]
        [InlineData(RsaHash.Sha1)]
        [InlineData(RsaHash.Sha256)]
        public void Pkcs1SignatureEveryEmByte(RsaHash hash)
        {
            var signer = new RsaSignature(1024);
            byte[] digest = RsaTestKeys.Digest(hash, new byte[] { 2 });
            var em = new byte[K];
            Assert.True(EmsaPkcs1.Encode(hash, digest, 0, em, 0, K));
            // 00 01 | FF.. | 00 | DigestInfo prefix | digest: every byte is fixed by the encoding.
            for (int i = 0; i < K; i++)
            {
                em[i] ^= 0x04;
                byte[] forged = Raw.Private(em);
                Assert.False(signer.VerifyPkcs1(Priv.PublicKey, hash, digest, 0, forged, 0, K), "EM byte " + i);
                em[i] ^= 0x04;
            }
            Assert.True(signer.VerifyPkcs1(Priv.PublicKey, hash, digest, 0, Raw.Private(em), 0, K));
        }

        [Fact]
        public void PssSignatureEveryByteAndEveryEmByte()
        {
            var signer = new RsaSignature(1024);
            byte[] digest = SHA256.HashData(new byte[] { 3 });
            byte[] salt = RandomNumberGenerator.GetBytes(32);
            var sig = new byte[K];
            Assert.True(signer.SignPss(Priv, RsaHash.Sha256, digest, 0, salt, 0, 32, sig, 0));
            for (int i = 0; i < K; i++)
            {
                sig[i] ^= 0x01;
                Assert.False(signer.VerifyPss(Priv.PublicKey, RsaHash.Sha256, digest, 0, 32, sig, 0, K));
                sig[i] ^= 0x01;
            }
            // EM = maskedDB | H | 0xBC: a change anywhere (the top bit too) breaks the check.
            byte[] em = Raw.Public(sig);
            for (int i = 0; i < K; i++)
            {
                for (int bit = 0; bit < 8; bit += 7)
                {
                    em[i] ^= (byte)(1 << bit);
                    if (RawRsa.FromBytes(em) < Raw.N)
                    {
                        Assert.False(signer.VerifyPss(Priv.PublicKey, RsaHash.Sha256, digest, 0, 32, Raw.Private(em), 0, K), "EM byte " + i);
                    }
                    em[i] ^= (byte)(1 << bit);
                }
            }
            Assert.True(signer.VerifyPss(Priv.PublicKey, RsaHash.Sha256, digest, 0, 32, Raw.Private(em), 0, K));
        }

        [Theory]
        [InlineData(RsaHash.Sha1)]
        [InlineData(RsaHash.Sha256)]
        public void OaepEveryCiphertextByteAndEveryEmByte(RsaHash hash)
        {
            var enc = new RsaEncryption(1024);
            byte[] m = RandomNumberGenerator.GetBytes(16);
            var ct = new byte[K];
            var pt = new byte[K];
            Assert.True(enc.EncryptOaep(Priv.PublicKey, hash, m, 0, 16, EncoderCrossCheckTests.Drbg(9), ct, 0));
            for (int i = 0; i < K; i++)
            {
                ct[i] ^= 0x01;
                Assert.Equal(-1, enc.DecryptOaep(Priv, hash, ct, 0, K, pt, 0, K));
                ct[i] ^= 0x01;
            }
            // EM = 00 | maskedSeed | maskedDB (lHash | PS | 01 | M): every byte matters.
            byte[] em = Raw.Private(ct);
            for (int i = 0; i < K; i++)
            {
                em[i] ^= 0x02;
                Assert.True(enc.DecryptOaep(Priv, hash, Raw.Public(em), 0, K, pt, 0, K) == -1, "EM byte " + i);
                em[i] ^= 0x02;
            }
            Assert.Equal(16, enc.DecryptOaep(Priv, hash, Raw.Public(em), 0, K, pt, 0, K));
            Assert.Equal(m, pt[..16]);
        }

        [Fact]
        public void Pkcs1EncryptionHeaderSeparatorAndShortPadding()
        {
            var enc = new RsaEncryption(1024);
            var pt = new byte[K];
            // 00 02 | PS (non-zero) | 00 | M, M without zero bytes so a lost separator is not found again later.
            var em = new byte[K];
            var m = new byte[20];
            for (int i = 0; i < m.Length; i++) m[i] = (byte)(0x41 + i);
            em[1] = 2;
            for (int i = 2; i < K - 21; i++) em[i] = 0xA5;
            Array.Copy(m, 0, em, K - 20, 20);
            Assert.Equal(20, enc.DecryptPkcs1(Priv, Raw.Public(em), 0, K, pt, 0, K, out bool valid));
            Assert.True(valid);
            Assert.Equal(m, pt[..20]);

            void Expect(byte[] bad, string what)
            {
                byte[] c = Raw.Public(bad);
                int n = enc.DecryptPkcs1(Priv, c, 0, K, pt, 0, K, out bool ok);
                Assert.False(ok, what);
                Assert.Equal(ReferenceImplicitRejection.SyntheticMessage(Raw.DBytes, c), pt[..n]);
            }
            for (int value = 1; value < 256; value += 0x55)
            {
                byte[] bad = (byte[])em.Clone();
                bad[0] = (byte)value;
                if (RawRsa.FromBytes(bad) < Raw.N) Expect(bad, "first byte " + value);
            }
            foreach (byte value in new byte[] { 0, 1, 3, 0x82 })
            {
                byte[] bad = (byte[])em.Clone();
                bad[1] = value;
                Expect(bad, "block type " + value);
            }
            byte[] noSeparator = (byte[])em.Clone();
            noSeparator[K - 21] = 0x33;
            Expect(noSeparator, "separator");
            for (int i = 2; i < 10; i++)
            {
                byte[] shortPs = (byte[])em.Clone();
                shortPs[i] = 0;
                Expect(shortPs, "zero at PS byte " + (i - 2));
            }
            // A zero at PS byte 8 is a valid (shorter-PS, longer-message) padding.
            byte[] ps8 = (byte[])em.Clone();
            ps8[10] = 0;
            Assert.Equal(K - 11, enc.DecryptPkcs1(Priv, Raw.Public(ps8), 0, K, pt, 0, K, out bool ok8));
            Assert.True(ok8);
        }
    }
}
