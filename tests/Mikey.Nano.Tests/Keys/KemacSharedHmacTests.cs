using System.Reflection;
using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Mac;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Keys
{
    /// <summary>
    /// Issue 10 §2 (heap): the KEMAC / V MAC runs on the PRF's HMAC (keyed with auth_key for each MAC) instead of an HMAC of
    /// its own; a key derivation between two MACs (the responder derives the TEKs between the KEMAC check and the V MAC) does
    /// not change the MAC, which is HMAC-SHA-1 / HMAC-SHA-256 under auth_key (RFC 3830 §4.1.4).
    /// </summary>
    public class KemacSharedHmacTests
    {
        private static readonly byte[] Psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");
        private static readonly byte[] Rand = TestData.Hex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
        private const uint CsbId = 0x12345678;

        [Theory]
        [InlineData(PrfFunction.Mikey1, MacAlgorithm.HmacSha1160)]
        [InlineData(PrfFunction.PrfHmacSha256, MacAlgorithm.HmacSha256256)]
        public void MacIsHmacUnderAuthKeyAndSurvivesAKeyDerivationInBetween(PrfFunction prf, MacAlgorithm mac)
        {
            var kd = new MikeyKeyDerivation();
            var p = new KemacProtection(new SoftwareAesFactory(), kd);
            Assert.True(p.DeriveKeys(prf, Psk, 0, Psk.Length, CsbId, Rand, 0, Rand.Length, EncryptionAlgorithm.AesCm128, mac));
            int n = p.MacLength;
            byte[] data = new byte[100], extra = new byte[30], first = new byte[n], second = new byte[n];
            new Random(5).NextBytes(data);
            new Random(6).NextBytes(extra);
            p.ComputeMac(data, 0, data.Length, extra, 0, extra.Length, first, 0);

            // The reference: auth_key from the same derivation, HMAC from .NET.
            byte[] authKey = new byte[n];
            var kd2 = new MikeyKeyDerivation();
            kd2.Derive(prf, Psk, 0, Psk.Length, MikeyKeyDerivation.MessageAuthenticationKeyConstant, MikeyKeyDerivation.MessageKeyCsId, CsbId,
                Rand, 0, Rand.Length, authKey, 0, n);
            byte[] input = data.Concat(extra).ToArray();
            byte[] expected = mac == MacAlgorithm.HmacSha1160 ? HMACSHA1.HashData(authKey, input) : HMACSHA256.HashData(authKey, input);
            Assert.Equal(expected, first);

            // The PRF (same HMAC object) runs for another key, then the MAC again, and its check.
            byte[] tek = new byte[16];
            kd.Derive(prf, new byte[16], 0, 16, MikeyKeyDerivation.TekConstant, 1, CsbId, Rand, 0, Rand.Length, tek, 0, 16);
            p.ComputeMac(data, 0, data.Length, extra, 0, extra.Length, second, 0);
            Assert.Equal(first, second);
            Assert.True(p.VerifyMac(data, 0, data.Length, extra, 0, extra.Length, first, 0, n));
            first[3] ^= 1;
            Assert.False(p.VerifyMac(data, 0, data.Length, extra, 0, extra.Length, first, 0, n));
        }

        [Fact]
        public void KemacProtectionHoldsNoHmacOfItsOwn()
        {
            foreach (FieldInfo f in typeof(KemacProtection).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Assert.False(typeof(Hmac).IsAssignableFrom(f.FieldType), f.Name);
            }
        }
    }
}
