using System;
using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using AesGcm = NanoMikey.Crypto.Cipher.AesGcm;
using NanoMikey.Crypto.Hal;
using NanoMikey.Hardware.Host;
using NetAesGcm = System.Security.Cryptography.AesGcm;

namespace NanoMikey.Crypto.Tests.Symmetric
{
    public class AesGcmTests
    {
        private static AesGcm Gcm(byte[] key, int max, bool software = true)
        {
            IAesEngine e = software ? new SoftwareAes() : new HostAesEngine();
            e.SetKey(key, 0, key.Length);
            return new AesGcm(e, max);
        }

        // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 1-4 (AES-128).
        [Theory]
        [InlineData("00000000000000000000000000000000", "000000000000000000000000", "", "", "", "58e2fccefa7e3061367f1d57a4e7455a")]
        [InlineData("00000000000000000000000000000000", "000000000000000000000000", "", "00000000000000000000000000000000",
            "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf")]
        [InlineData("feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888", "",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
            "4d5c2af327cd64a62cf35abd2ba6fab4")]
        [InlineData("feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
            "5bc94fbc3221a5db94fae95ae7121a47")]
        public void McGrewViega_TestCases(string key, string iv, string aad, string pt, string ct, string tag)
        {
            var k = TestData.Hex(key);
            var n = TestData.Hex(iv);
            var a = TestData.Hex(aad);
            var p = TestData.Hex(pt);
            foreach (bool sw in new[] { true, false })
            {
                foreach (int max in new[] { 0, 16, 64, 512 })
                {
                    var gcm = Gcm(k, max, sw);
                    var c = new byte[p.Length];
                    var t = new byte[16];
                    gcm.Seal(n, 0, n.Length, a, 0, a.Length, p, 0, p.Length, c, 0, t, 0, 16);
                    Assert.Equal(TestData.Hex(ct), c);
                    Assert.Equal(TestData.Hex(tag), t);
                    var back = new byte[c.Length];
                    Assert.True(gcm.Open(n, 0, n.Length, a, 0, a.Length, c, 0, c.Length, t, 0, 16, back, 0));
                    Assert.Equal(p, back);
                }
            }
        }

        [Fact]
        public void RandomLengths_MatchDotNetAesGcm()
        {
            var rng = new System.Random(5);
            for (int len = 0; len <= 2000; len++)
            {
                int kl = 16 + 8 * rng.Next(0, 3);
                var key = RandomNumberGenerator.GetBytes(kl);
                var nonce = RandomNumberGenerator.GetBytes(12);
                var aad = RandomNumberGenerator.GetBytes(rng.Next(0, 70));
                var pt = RandomNumberGenerator.GetBytes(len);
                int tagLen = 12 + rng.Next(0, 5);
                var expCt = new byte[len];
                var expTag = new byte[tagLen];
                using (var net = new NetAesGcm(key, tagLen))
                {
                    net.Encrypt(nonce, pt, expCt, expTag, aad);
                }
                var gcm = Gcm(key, rng.Next(0, 600), (len & 1) == 0);
                var ct = new byte[len + 3];
                var tag = new byte[tagLen + 1];
                gcm.Seal(nonce, 0, 12, aad, 0, aad.Length, pt, 0, len, ct, 3, tag, 1, tagLen);
                Assert.Equal(expCt, ct.AsSpan(3).ToArray());
                Assert.Equal(expTag, tag.AsSpan(1).ToArray());
                // In place.
                var buf = (byte[])ct.Clone();
                Assert.True(gcm.Open(nonce, 0, 12, aad, 0, aad.Length, buf, 3, len, tag, 1, tagLen, buf, 3));
                Assert.Equal(pt, buf.AsSpan(3).ToArray());
            }
        }

        [Fact]
        public void Open_BadTag_ReturnsFalse_OutputUntouched()
        {
            var key = RandomNumberGenerator.GetBytes(16);
            var gcm = Gcm(key, 64);
            var nonce = new byte[12];
            var pt = RandomNumberGenerator.GetBytes(100);
            var ct = new byte[100];
            var tag = new byte[16];
            gcm.Seal(nonce, 0, 12, null, 0, 0, pt, 0, 100, ct, 0, tag, 0, 16);
            var output = new byte[100];
            for (int i = 0; i < output.Length; i++) output[i] = 0xEE;
            for (int bit = 0; bit < 128; bit += 9)
            {
                tag[bit >> 3] ^= (byte)(1 << (bit & 7));
                Assert.False(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 100, tag, 0, 16, output, 0));
                tag[bit >> 3] ^= (byte)(1 << (bit & 7));
            }
            ct[99] ^= 1;
            Assert.False(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 100, tag, 0, 16, output, 0));
            ct[99] ^= 1;
            var aad = new byte[1];
            Assert.False(gcm.Open(nonce, 0, 12, aad, 0, 1, ct, 0, 100, tag, 0, 16, output, 0));
            foreach (byte b in output) Assert.Equal(0xEE, b);
            // In place: a failed open leaves the ciphertext as it was.
            var inPlace = (byte[])ct.Clone();
            tag[0] ^= 1;
            Assert.False(gcm.Open(nonce, 0, 12, null, 0, 0, inPlace, 0, 100, tag, 0, 16, inPlace, 0));
            Assert.Equal(ct, inPlace);
            tag[0] ^= 1;
            Assert.True(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 100, tag, 0, 16, output, 0));
            Assert.Equal(pt, output);
        }

        [Fact]
        public void BadArguments_Throw_NothingWritten()
        {
            var gcm = Gcm(new byte[32], 32);
            var nonce = new byte[12];
            var pt = new byte[40];
            var ct = new byte[40];
            var tag = new byte[16];
            for (int i = 0; i < 40; i++) ct[i] = 0x3C;
            for (int i = 0; i < 16; i++) tag[i] = 0x3C;
            Assert.Throws<ArgumentException>(() => gcm.Seal(nonce, 0, 0, null, 0, 0, pt, 0, 40, ct, 0, tag, 0, 16));
            Assert.Throws<ArgumentException>(() => gcm.Seal(nonce, 0, 12, null, 0, 0, pt, 0, 40, ct, 0, tag, 0, 11));
            Assert.Throws<ArgumentOutOfRangeException>(() => gcm.Seal(nonce, 1, 12, null, 0, 0, pt, 0, 40, ct, 0, tag, 0, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => gcm.Seal(nonce, 0, 12, null, 0, 0, pt, 0, 40, ct, 1, tag, 0, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => gcm.Seal(nonce, 0, 12, null, 0, 0, pt, 0, 40, ct, 0, tag, 4, 16));
            Assert.Throws<ArgumentNullException>(() => gcm.Seal(nonce, 0, 12, null, 0, 5, pt, 0, 40, ct, 0, tag, 0, 16));
            Assert.Throws<ArgumentOutOfRangeException>(() => gcm.Open(nonce, 0, 12, null, 0, 0, pt, 0, 40, tag, 0, 16, ct, 2));
            foreach (byte b in ct) Assert.Equal(0x3C, b);
            foreach (byte b in tag) Assert.Equal(0x3C, b);
            Assert.Throws<InvalidOperationException>(() => new AesGcm(new SoftwareAes(), 16));
            Assert.Throws<ArgumentNullException>(() => new AesGcm(null!, 16));
        }

        [Fact]
        public void TagAndNonceLengthsOutsideSp80038D_AreRefused()
        {
            var gcm = Gcm(new byte[16], 64);
            var nonce = new byte[16];
            var pt = new byte[20];
            var ct = new byte[20];
            var tag = new byte[20];
            // SP 800-38D §5.2.1.2: t is 128, 120, 112, 104 or 96 bits, or 64 / 32 under Appendix C.
            foreach (int t in new[] { 0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 17, 20, -1 })
            {
                Assert.Throws<ArgumentException>(() => gcm.Seal(nonce, 0, 12, null, 0, 0, pt, 0, 20, ct, 0, tag, 0, t));
                Assert.Throws<ArgumentException>(() => gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 20, tag, 0, t, pt, 0));
            }
            // §5.2.1.1: the IV is at least one bit, so at least one byte here.
            foreach (int n in new[] { 0, -1 })
            {
                Assert.Throws<ArgumentException>(() => gcm.Seal(nonce, 0, n, null, 0, 0, pt, 0, 20, ct, 0, tag, 0, 16));
                Assert.Throws<ArgumentException>(() => gcm.Open(nonce, 0, n, null, 0, 0, ct, 0, 20, tag, 0, 16, pt, 0));
            }
            foreach (int t in new[] { 4, 8, 12, 13, 14, 15, 16 })
            {
                foreach (int n in new[] { 1, 8, 12, 16 })
                {
                    gcm.Seal(nonce, 0, n, null, 0, 0, pt, 0, 20, ct, 0, tag, 0, t);
                    Assert.True(gcm.Open(nonce, 0, n, null, 0, 0, ct, 0, 20, tag, 0, t, pt, 0));
                }
            }
        }

        /// <summary>A valid short tag: GCM tags are prefixes of the full tag (SP 800-38D §7.1 step 7, MSB_t).</summary>
        private static byte[] SealFullTag(AesGcm gcm, byte[] nonce, byte[] aad, byte[] pt, byte[] ct)
        {
            var tag = new byte[16];
            gcm.Seal(nonce, 0, 12, aad, 0, aad.Length, pt, 0, pt.Length, ct, 0, tag, 0, 16);
            return tag;
        }

        [Theory]
        [InlineData(4, 64)]
        [InlineData(8, 32768)]
        public void ShortTags_EnforceAppendixCLength(int tagLength, int maxCombined)
        {
            // Table 1 (t = 32) last row: 2^6 bytes; Table 2 (t = 64) first row: 2^15 bytes of AAD plus ciphertext.
            var gcm = Gcm(RandomNumberGenerator.GetBytes(16), 1024);
            var nonce = RandomNumberGenerator.GetBytes(12);
            var aad = RandomNumberGenerator.GetBytes(maxCombined / 4);
            var fits = RandomNumberGenerator.GetBytes(maxCombined - aad.Length);
            var tooLong = RandomNumberGenerator.GetBytes(maxCombined - aad.Length + 1);
            var ct = new byte[tooLong.Length];
            var output = new byte[tooLong.Length];

            byte[] tag = SealFullTag(gcm, nonce, aad, fits, ct);
            Assert.True(gcm.Open(nonce, 0, 12, aad, 0, aad.Length, ct, 0, fits.Length, tag, 0, tagLength, output, 0));
            Assert.Equal(fits, output.Take(fits.Length).ToArray());

            tag = SealFullTag(gcm, nonce, aad, tooLong, ct);
            Array.Fill(output, (byte)0xEE);
            Assert.False(gcm.Open(nonce, 0, 12, aad, 0, aad.Length, ct, 0, tooLong.Length, tag, 0, tagLength, output, 0));
            Assert.All(output, b => Assert.Equal(0xEE, b));
            Assert.True(gcm.Open(nonce, 0, 12, aad, 0, aad.Length, ct, 0, tooLong.Length, tag, 0, 12, output, 0));
            Assert.Throws<ArgumentException>(() => gcm.Seal(nonce, 0, 12, aad, 0, aad.Length, tooLong, 0, tooLong.Length, ct, 0, tag, 0, tagLength));
        }

        [Fact]
        public void ShortTags_EnforceAppendixCInvocations_UntilRekey()
        {
            // Table 1 (t = 32) last row: at most 2^11 authenticated decryptions under one key; a new key starts a new count.
            byte[] key = RandomNumberGenerator.GetBytes(16);
            var gcm = Gcm(key, 64);
            var nonce = new byte[12];
            var pt = new byte[20];
            var ct = new byte[20];
            byte[] tag = SealFullTag(gcm, nonce, Array.Empty<byte>(), pt, ct);
            var bad = (byte[])tag.Clone();
            bad[0] ^= 1;
            for (int i = 0; i < 2048; i++)
            {
                // Failed attempts count too: they are what the limit is for.
                bool ok = (i & 1) == 0
                    ? gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 20, tag, 0, 4, pt, 0)
                    : gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 20, bad, 0, 4, pt, 0);
                Assert.Equal((i & 1) == 0, ok);
            }
            Assert.False(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 20, tag, 0, 4, pt, 0));
            Assert.True(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 20, tag, 0, 16, pt, 0));
            gcm.SetKey(key, 0, 16);
            Assert.True(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 20, tag, 0, 4, pt, 0));

            // Table 2 (t = 64): 2^32, reached here by setting the count.
            gcm.SetKey(key, 0, 16);
            KeyResidue.SetField(gcm, "_shortTagOpens", (1L << 32) - 1);
            Assert.True(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 20, tag, 0, 8, pt, 0));
            Assert.False(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 20, tag, 0, 8, pt, 0));
            Assert.True(gcm.Open(nonce, 0, 12, null, 0, 0, ct, 0, 20, tag, 0, 12, pt, 0));
        }

        [Fact]
        public void SealOpen_AllocateNothing_AfterWarmUp()
        {
            var gcm = Gcm(new byte[16], 172);
            var nonce = new byte[12];
            var aad = new byte[12];
            var pt = new byte[172];
            var ct = new byte[172];
            var tag = new byte[16];
            gcm.Seal(nonce, 0, 12, aad, 0, 12, pt, 0, 172, ct, 0, tag, 0, 16);
            Assert.True(gcm.Open(nonce, 0, 12, aad, 0, 12, ct, 0, 172, tag, 0, 16, pt, 0));
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++)
            {
                gcm.Seal(nonce, 0, 12, aad, 0, 12, pt, 0, 172, ct, 0, tag, 0, 16);
                gcm.Open(nonce, 0, 12, aad, 0, 12, ct, 0, 172, tag, 0, 16, pt, 0);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
