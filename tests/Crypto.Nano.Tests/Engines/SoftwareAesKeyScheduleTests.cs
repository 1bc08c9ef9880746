using System.Reflection;
using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;

namespace NanoMikey.Crypto.Tests.Engines
{
    /// <summary>
    /// Issue 10 §2 (heap): the software AES holds round keys sized to its key (88 words for AES-128, not 120 for AES-256) and
    /// expands the key through a window of eight words instead of the whole 60-word schedule; still FIPS 197 for every key
    /// length, also when one engine is re-keyed with a shorter or a longer key.
    /// </summary>
    public class SoftwareAesKeyScheduleTests
    {
        private const BindingFlags Any = BindingFlags.Instance | BindingFlags.NonPublic;

        private static int RoundKeyWords(SoftwareAes aes) => ((ulong[])typeof(SoftwareAes).GetField("_roundKeys", Any)!.GetValue(aes)!).Length;

        [Fact]
        public void RoundKeysAreSizedToTheKeyAndTheScheduleWindowIsEightWords()
        {
            Assert.Equal(8, ((uint[])typeof(SoftwareAes).GetField("_words", Any)!.GetValue(new SoftwareAes())!).Length);
            var a = new SoftwareAes();
            a.SetKey(new byte[16], 0, 16);
            Assert.Equal(11 * 8, RoundKeyWords(a));
            var b = new SoftwareAes();
            b.SetKey(new byte[24], 0, 24);
            Assert.Equal(13 * 8, RoundKeyWords(b));
            var c = new SoftwareAes();
            c.SetKey(new byte[32], 0, 32);
            Assert.Equal(15 * 8, RoundKeyWords(c));
        }

        [Theory]
        [InlineData(new[] { 16, 32, 16, 24, 32, 24, 16 })]
        [InlineData(new[] { 32, 16, 24, 16 })]
        public void OneEngineRekeyedAcrossKeyLengthsMatchesDotNet(int[] lengths)
        {
            var rng = new System.Random(42);
            var engine = new SoftwareAes();
            foreach (int n in lengths)
            {
                byte[] key = new byte[n + 3], block = new byte[64], ours = new byte[64];
                rng.NextBytes(key);
                rng.NextBytes(block);
                engine.SetKey(key, 3, n); // at an offset
                engine.EncryptBlocks(block, 0, ours, 0, 64);
                using Aes reference = Aes.Create();
                reference.Key = key.AsSpan(3, n).ToArray();
                Assert.Equal(reference.EncryptEcb(block, PaddingMode.None), ours);
                engine.DecryptBlocks(ours, 0, ours, 0, 64);
                Assert.Equal(block, ours);
            }
        }

        [Fact]
        public void AShorterKeyLeavesNoRoundKeyOfTheLongerOneBehind()
        {
            var engine = new SoftwareAes();
            byte[] key = new byte[32];
            new System.Random(7).NextBytes(key);
            engine.SetKey(key, 0, 32);
            engine.SetKey(key, 0, 16);
            var rk = (ulong[])typeof(SoftwareAes).GetField("_roundKeys", Any)!.GetValue(engine)!;
            for (int i = 11 * 8; i < rk.Length; i++) Assert.Equal(0UL, rk[i]);
        }
    }
}
