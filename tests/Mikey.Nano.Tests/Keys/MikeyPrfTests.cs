using System.Security.Cryptography;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Keys
{
    /// <summary>
    /// The MIKEY PRFs (RFC 3830 §4.1.2, RFC 6043 §6.1). No public vectors exist: the computed vectors of
    /// tests/vectors/mikey/samples.md §8.1 (cross-checked there against minisip's C code), and a second implementation written
    /// here from the RFC text over .NET's HMACSHA1/HMACSHA256 on random inputs.
    /// </summary>
    public class MikeyPrfTests
    {
        private static readonly byte[] Rand = TestData.Hex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
        private const uint CsbId = 0x12345678;

        private static byte[] Derive(byte[] inkey, uint constant, byte csId, int length, PrfFunction f = PrfFunction.Mikey1)
        {
            var kd = new MikeyKeyDerivation();
            var output = new byte[length];
            kd.Derive(f, inkey, 0, inkey.Length, constant, csId, CsbId, Rand, 0, Rand.Length, output, 0, length);
            return output;
        }

        [Theory]
        // samples.md §8.1 TC1: TGK 00..0f, cs_id 1 (and 2).
        [InlineData(MikeyKeyDerivation.TekConstant, 1, 16, "9ba4f67e6a85e7e7e9aa57681ca1f27d")]
        [InlineData(MikeyKeyDerivation.SaltingKeyConstant, 1, 14, "c19bd30c0f756df5cb26cb343639")]
        [InlineData(MikeyKeyDerivation.AuthenticationKeyConstant, 1, 20, "137f9674ff4f53e8f163fc7add71f99740a54587")]
        [InlineData(MikeyKeyDerivation.EncryptionKeyConstant, 1, 16, "ce22f833b1307d0a493898236f2abf19")]
        [InlineData(MikeyKeyDerivation.TekConstant, 2, 16, "516d29c1b61507585c0872488c7ff2c6")]
        public void TgkVectors(uint constant, byte csId, int length, string expected)
        {
            byte[] tgk = TestData.Hex("000102030405060708090a0b0c0d0e0f");
            Assert.Equal(expected, Convert.ToHexString(Derive(tgk, constant, csId, length)).ToLowerInvariant());
        }

        [Theory]
        // samples.md §8.1 TC2: PSK 40..53, label byte 0xFF (RFC 3830 §4.1.4).
        [InlineData(MikeyKeyDerivation.MessageEncryptionKeyConstant, 16, "c4b5684b748339c6de017bfdd6090fff")]
        [InlineData(MikeyKeyDerivation.MessageSaltKeyConstant, 14, "8167d198d42a5ef03ee1c7a866b2")]
        [InlineData(MikeyKeyDerivation.MessageAuthenticationKeyConstant, 20, "6e00cad0f6d7c1f9cf3d70db5f8856e312473e92")]
        public void PskVectors(uint constant, int length, string expected)
        {
            byte[] psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");
            Assert.Equal(expected, Convert.ToHexString(Derive(psk, constant, MikeyKeyDerivation.MessageKeyCsId, length)).ToLowerInvariant());
        }

        [Fact]
        public void TwoBlockInkeyXorsBothP()
        {
            // samples.md §8.1 TC3: 40-byte inkey, two blocks (32 + 8), 30 bytes out.
            byte[] inkey = new byte[40];
            for (int i = 0; i < 40; i++) inkey[i] = (byte)i;
            Assert.Equal("2a266c6b08a2414f2923b9ca4d62f116ea7d9efafb4aaeb72cc59777834f",
                Convert.ToHexString(Derive(inkey, MikeyKeyDerivation.TekConstant, 1, 30)).ToLowerInvariant());
        }

        [Fact]
        public void ExactlyOneBlockInkeyIsNotMinisipsEmptyLastBlock()
        {
            // samples.md §8.1 TC4: 32-byte inkey is one block; minisip's inkey_len % 32 bug gives f37f0716...
            byte[] inkey = new byte[32];
            for (int i = 0; i < 32; i++) inkey[i] = (byte)i;
            string got = Convert.ToHexString(Derive(inkey, MikeyKeyDerivation.TekConstant, 1, 16)).ToLowerInvariant();
            Assert.Equal("7e5a6762973f433719e65bc508c7726a", got);
            Assert.NotEqual("f37f0716e4ad4a73aa09ab7277606582", got);
        }

        [Fact]
        public void WorkedLengthsOfTheRfc()
        {
            // RFC 3830 §4.1.3/§4.1.4 defaults: TEK 16, salt 14, auth_key 20; each a prefix of the longer output.
            byte[] tgk = RandomNumberGenerator.GetBytes(16);
            byte[] full = Derive(tgk, MikeyKeyDerivation.TekConstant, 1, 60);
            foreach (int n in new[] { 14, 16, 20 })
                Assert.Equal(full.AsSpan(0, n).ToArray(), Derive(tgk, MikeyKeyDerivation.TekConstant, 1, n));
        }

        /// <summary>RFC 3830 §4.1.2 written out plainly with .NET's HMAC (a different code path from ours).</summary>
        private static byte[] Reference(PrfFunction f, byte[] inkey, byte[] label, int outLength)
        {
            Func<byte[], byte[], byte[]> mac = f == PrfFunction.Mikey1 ? HMACSHA1.HashData : HMACSHA256.HashData;
            int h = f == PrfFunction.Mikey1 ? 20 : 32;
            int m = (outLength + h - 1) / h;
            int n = (inkey.Length + 31) / 32;
            var result = new byte[m * h];
            for (int j = 0; j < n; j++)
            {
                byte[] s = inkey.Skip(32 * j).Take(32).ToArray();
                byte[] a = label;
                for (int i = 1; i <= m; i++)
                {
                    a = mac(s, a);
                    byte[] block = mac(s, a.Concat(label).ToArray());
                    for (int k = 0; k < h; k++) result[(i - 1) * h + k] ^= block[k];
                }
            }
            return result.Take(outLength).ToArray();
        }

        [Theory]
        [InlineData(PrfFunction.Mikey1)]
        [InlineData(PrfFunction.PrfHmacSha256)]
        public void AgreesWithAReferenceOnRandomInputs(PrfFunction f)
        {
            var rng = new Random(4242 + (int)f);
            var prf = new MikeyPrf();
            foreach (int inLen in new[] { 1, 16, 20, 31, 32, 33, 63, 64, 65, 96, 100, 192, 200 })
            {
                foreach (int outLen in new[] { 1, 14, 16, 19, 20, 21, 30, 32, 33, 46, 64, 65, 112 })
                {
                    byte[] inkey = new byte[inLen];
                    rng.NextBytes(inkey);
                    byte[] label = new byte[rng.Next(0, 40)];
                    rng.NextBytes(label);
                    // Offsets inside larger buffers.
                    byte[] inBuf = new byte[inLen + 7];
                    Array.Copy(inkey, 0, inBuf, 3, inLen);
                    byte[] labelBuf = new byte[label.Length + 5];
                    Array.Copy(label, 0, labelBuf, 2, label.Length);
                    byte[] outBuf = new byte[outLen + 9];
                    for (int i = 0; i < outBuf.Length; i++) outBuf[i] = 0xEE;
                    prf.Derive(f, inBuf, 3, inLen, labelBuf, 2, label.Length, outBuf, 4, outLen);
                    Assert.Equal(Reference(f, inkey, label, outLen), outBuf.AsSpan(4, outLen).ToArray());
                    Assert.All(outBuf.Take(4).Concat(outBuf.Skip(4 + outLen)), b => Assert.Equal(0xEE, b));
                }
            }
        }

        [Fact]
        public void DerivationAllocatesNothing()
        {
            var kd = new MikeyKeyDerivation();
            byte[] tgk = new byte[16];
            byte[] output = new byte[30];
            kd.Derive(PrfFunction.Mikey1, tgk, 0, 16, MikeyKeyDerivation.TekConstant, 1, CsbId, Rand, 0, 16, output, 0, 30);
            kd.Derive(PrfFunction.PrfHmacSha256, tgk, 0, 16, MikeyKeyDerivation.TekConstant, 1, CsbId, Rand, 0, 16, output, 0, 30);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++)
                kd.Derive(i % 2 == 0 ? PrfFunction.Mikey1 : PrfFunction.PrfHmacSha256, tgk, 0, 16, MikeyKeyDerivation.TekConstant, 1, CsbId, Rand, 0, 16, output, 0, 30);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void BadArgumentsThrowAndUnknownPrfIsRefused()
        {
            var prf = new MikeyPrf();
            var buf = new byte[16];
            Assert.Throws<ArgumentException>(() => prf.Derive((PrfFunction)7, buf, 0, 16, buf, 0, 4, buf, 0, 4));
            Assert.ThrowsAny<ArgumentException>(() => prf.Derive(PrfFunction.Mikey1, buf, 0, 0, buf, 0, 4, buf, 0, 4));
            Assert.ThrowsAny<ArgumentException>(() => prf.Derive(PrfFunction.Mikey1, buf, 8, 16, buf, 0, 4, buf, 0, 4));
            Assert.ThrowsAny<ArgumentException>(() => prf.Derive(PrfFunction.Mikey1, buf, 0, 16, buf, 0, 4, buf, 10, 7));
        }
    }
}
