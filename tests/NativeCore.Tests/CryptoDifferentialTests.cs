using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Mac;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;
using static NanoMikey.NativeCore.Tests.NmCore;
using NetAesGcm = System.Security.Cryptography.AesGcm;
using NmAesGcm = NanoMikey.Crypto.Cipher.AesGcm;
using NmHmacSha1 = NanoMikey.Crypto.Mac.HmacSha1;
using NmHmacSha256 = NanoMikey.Crypto.Mac.HmacSha256;

namespace NanoMikey.NativeCore.Tests
{
    /// <summary>
    /// Random inputs (200 or more per function) through the C core, our managed lib/ code (net10.0) and
    /// System.Security.Cryptography: AES-ECB, AES-CTR, AES-GCM, HMAC-SHA-1/-256 (stateless and slot-keyed), the MIKEY PRF.
    /// </summary>
    public class CryptoDifferentialTests
    {
        private const int Cases = 200;
        private static readonly int[] KeyLengths = { 16, 24, 32 };

        [Fact]
        public void AesEcbMatchesDotNet()
        {
            var rng = new Random(11);
            for (int c = 0; c < Cases; c++)
            {
                byte[] key = new byte[KeyLengths[rng.Next(3)]];
                rng.NextBytes(key);
                byte[] data = new byte[16 * rng.Next(1, 9)];
                rng.NextBytes(data);
                using var aes = Aes.Create();
                aes.Key = key;
                byte[] expected = aes.EncryptEcb(data, PaddingMode.None);
                using var slot = new Slot(key);
                byte[] output = new byte[data.Length + 5];
                Assert.Equal(0, AesEncryptBlocks(slot.Handle, data, 0, output, 5, data.Length));
                Assert.Equal(expected, output.AsSpan(5).ToArray());
                Assert.Equal(0, AesDecryptBlocks(slot.Handle, output, 5, output, 5, data.Length));
                Assert.Equal(data, output.AsSpan(5).ToArray());
            }
        }

        [Fact]
        public void AesCtrMatchesManagedAndDotNet()
        {
            var rng = new Random(12);
            var ctr = new AesCtr(256);
            for (int c = 0; c < Cases; c++)
            {
                byte[] key = new byte[KeyLengths[rng.Next(3)]];
                rng.NextBytes(key);
                byte[] iv = new byte[16];
                rng.NextBytes(iv);
                if (c % 4 == 0) iv.AsSpan(12).Fill(0xFF); // carries out of the low 32 bits
                byte[] data = new byte[rng.Next(0, 600)];
                rng.NextBytes(data);

                // reference: E(IV + i) XOR data with a 128-bit big-endian counter (SP 800-38A §6.5)
                using var aes = Aes.Create();
                aes.Key = key;
                byte[] counters = new byte[(data.Length + 15) / 16 * 16];
                byte[] block = (byte[])iv.Clone();
                for (int i = 0; i < counters.Length; i += 16)
                {
                    Array.Copy(block, 0, counters, i, 16);
                    for (int k = 15; k >= 0 && ++block[k] == 0; k--) { }
                }
                byte[] ks = aes.EncryptEcb(counters, PaddingMode.None);
                byte[] expected = new byte[data.Length];
                for (int i = 0; i < data.Length; i++) expected[i] = (byte)(data[i] ^ ks[i]);

                var engine = new SoftwareAes();
                engine.SetKey(key, 0, key.Length);
                byte[] managed = (byte[])data.Clone();
                ctr.XorKeystream(engine, (byte[])iv.Clone(), 0, managed, 0, managed.Length);

                byte[] native = (byte[])data.Clone();
                using var slot = new Slot(key);
                Assert.Equal(0, AesCtrXor(slot.Handle, iv, 0, native, 0, native.Length));
                Assert.Equal(expected, native);
                Assert.Equal(managed, native);
            }
        }

        [Fact]
        public void AesGcmMatchesManagedAndDotNet()
        {
            var rng = new Random(13);
            int[] tagLengths = { 16, 15, 14, 13, 12, 8, 4 };
            for (int c = 0; c < Cases; c++)
            {
                byte[] key = new byte[KeyLengths[rng.Next(3)]];
                rng.NextBytes(key);
                int ivLen = c % 5 == 0 ? rng.Next(1, 40) : 12;
                byte[] iv = new byte[ivLen], aad = new byte[rng.Next(0, 80)], plain = new byte[rng.Next(0, 400)];
                rng.NextBytes(iv);
                rng.NextBytes(aad);
                rng.NextBytes(plain);
                int tagLen = tagLengths[rng.Next(tagLengths.Length)];
                if (tagLen == 4 && aad.Length + plain.Length > 64)
                {
                    // SP 800-38D Appendix C: both refuse a 32-bit tag over more than 64 bytes
                    using var refused = new Slot(key);
                    Assert.Equal(ELength, GcmSeal(refused.Handle, iv, 0, ivLen, aad, 0, aad.Length, plain, 0, plain.Length, new byte[4], 0, 4));
                    tagLen = 16;
                }

                var engine = new SoftwareAes();
                engine.SetKey(key, 0, key.Length);
                var gcm = new NmAesGcm(engine, 512);
                byte[] managed = new byte[plain.Length], managedTag = new byte[tagLen];
                gcm.Seal(iv, 0, ivLen, aad, 0, aad.Length, plain, 0, plain.Length, managed, 0, managedTag, 0, tagLen);

                byte[] native = (byte[])plain.Clone(), tag = new byte[tagLen];
                using var slot = new Slot(key);
                Assert.Equal(0, GcmSeal(slot.Handle, iv, 0, ivLen, aad.Length == 0 ? null : aad, 0, aad.Length, native, 0, native.Length, tag, 0, tagLen));
                Assert.Equal(managed, native);
                Assert.Equal(managedTag, tag);
                if (ivLen == 12 && tagLen >= 12)
                {
                    using var net = new NetAesGcm(key, tagLen);
                    byte[] netCipher = new byte[plain.Length], netTag = new byte[tagLen];
                    net.Encrypt(iv, plain, netCipher, netTag, aad);
                    Assert.Equal(netCipher, native);
                    Assert.Equal(netTag, tag);
                }

                Assert.Equal(1, GcmOpen(slot.Handle, iv, 0, ivLen, aad, 0, aad.Length, native, 0, native.Length, tag, 0, tagLen));
                Assert.Equal(plain, native);
            }
        }

        [Fact]
        public void HmacMatchesManagedAndDotNet()
        {
            var rng = new Random(14);
            var sha1 = new NmHmacSha1();
            var sha256 = new NmHmacSha256();
            for (int c = 0; c < Cases; c++)
            {
                byte[] key = new byte[rng.Next(0, 150)], data = new byte[rng.Next(0, 700)];
                rng.NextBytes(key);
                rng.NextBytes(data);

                byte[] m1 = new byte[20], m256 = new byte[32];
                sha1.SetKey(key, 0, key.Length);
                sha1.Compute(data, 0, data.Length, m1, 0, 20);
                sha256.SetKey(key, 0, key.Length);
                sha256.Compute(data, 0, data.Length, m256, 0, 32);

                byte[] n1 = HmacSha1(key, data), n256 = HmacSha256(key, data);
                Assert.Equal(HMACSHA1.HashData(key, data), n1);
                Assert.Equal(m1, n1);
                Assert.Equal(HMACSHA256.HashData(key, data), n256);
                Assert.Equal(m256, n256);
                Assert.Equal(SHA256.HashData(data), Sha256(data));

                int macLen = rng.Next(0, 21);
                byte[] keyed = new byte[macLen + 3];
                using var slot = new Slot(null, key);
                Assert.Equal(0, HmacSha1Keyed(slot.Handle, data, 0, data.Length, keyed, 3, macLen));
                Assert.Equal(n1.AsSpan(0, macLen).ToArray(), keyed.AsSpan(3).ToArray());
            }
        }

        [Fact]
        public void MikeyPrfMatchesManaged()
        {
            var rng = new Random(15);
            var prf = new MikeyPrf();
            for (int c = 0; c < Cases; c++)
            {
                byte[] inkey = new byte[rng.Next(1, 200)], label = new byte[rng.Next(0, 60)];
                rng.NextBytes(inkey);
                rng.NextBytes(label);
                int outLen = rng.Next(1, 120);
                byte[] expected = new byte[outLen];
                prf.Derive(PrfFunction.Mikey1, inkey, 0, inkey.Length, label, 0, label.Length, expected, 0, outLen);
                byte[] native = new byte[outLen + 4];
                Array.Fill(native, (byte)0xEE);
                Assert.Equal(0, MikeyPrf(inkey, label, native, 2, outLen));
                Assert.Equal(expected, native.AsSpan(2, outLen).ToArray());
                Assert.True(native[0] == 0xEE && native[1] == 0xEE && native[^1] == 0xEE && native[^2] == 0xEE);
            }
        }
    }
}
