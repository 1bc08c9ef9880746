using System;
using NanoMikey.Crypto.Cipher;

namespace NanoMikey.Crypto.Tests.Symmetric
{
    public class AesKeyWrapTests
    {
        private const string Kek = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";
        private const string Data = "00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F";

        // RFC 3394 §4.1-4.6.
        [Theory]
        [InlineData(16, 16, "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5")]
        [InlineData(24, 16, "96778B25AE6CA435F92B5B97C050AED2468AB8A17AD84E5D")]
        [InlineData(32, 16, "64E8C3F9CE0F5BA263E9777905818A2A93C8191E7D6E8AE7")]
        [InlineData(24, 24, "031D33264E15D33268F24EC260743EDCE1C6C7DDEE725A936BA814915C6762D2")]
        [InlineData(32, 24, "A8F9BC1612C68B3FF6E6F4FBE30E71E4769C8B80A32CB8958CD5D17D6B254DA1")]
        [InlineData(32, 32, "28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21")]
        public void Rfc3394_Section4(int kekLength, int dataLength, string wrapped)
        {
            var kek = TestData.Hex(Kek).AsSpan(0, kekLength).ToArray();
            var data = TestData.Hex(Data).AsSpan(0, dataLength).ToArray();
            var aes = new SoftwareAes();
            aes.SetKey(kek, 0, kekLength);
            var kw = new AesKeyWrap(aes, 64);
            var o = new byte[dataLength + 8];
            kw.Wrap(data, 0, dataLength, o, 0);
            Assert.Equal(TestData.Hex(wrapped), o);
            var back = new byte[dataLength];
            Assert.True(kw.Unwrap(o, 0, o.Length, back, 0));
            Assert.Equal(data, back);
        }

        [Fact]
        public void Unwrap_Tampered_ReturnsFalse_OutputUntouched()
        {
            var aes = new SoftwareAes();
            aes.SetKey(TestData.Hex(Kek), 0, 16);
            var kw = new AesKeyWrap(aes, 32);
            var wrapped = TestData.Hex("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5");
            var output = new byte[16];
            for (int i = 0; i < 16; i++) output[i] = 0x42;
            for (int i = 0; i < wrapped.Length; i++)
            {
                wrapped[i] ^= 0x80;
                Assert.False(kw.Unwrap(wrapped, 0, wrapped.Length, output, 0));
                wrapped[i] ^= 0x80;
            }
            Assert.False(kw.Unwrap(wrapped, 0, 16, output, 0));
            Assert.False(kw.Unwrap(wrapped, 0, 23, output, 0));
            Assert.False(kw.Unwrap(new byte[48], 0, 48, output, 0));
            foreach (byte b in output) Assert.Equal(0x42, b);
            Assert.Throws<ArgumentOutOfRangeException>(() => kw.Unwrap(wrapped, 1, 24, output, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => kw.Unwrap(wrapped, 0, 24, output, 1));
            Assert.Throws<ArgumentException>(() => kw.Wrap(new byte[12], 0, 12, new byte[20], 0));
            Assert.Throws<ArgumentException>(() => kw.Wrap(new byte[8], 0, 8, new byte[16], 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => kw.Wrap(new byte[16], 0, 16, new byte[23], 0));
            foreach (byte b in output) Assert.Equal(0x42, b);
            Assert.True(kw.Unwrap(wrapped, 0, 24, output, 0));
        }
    }
}
