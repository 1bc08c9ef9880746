using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Hardware.Host;
using NanoMikey.Srtp.Transforms;
using static NanoMikey.Srtp.Tests.TestKit;
using static NanoMikey.Tests.TestData;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>RFC 7714 §16 (AEAD_AES_128_GCM / AEAD_AES_256_GCM over RTP) and the §16/§17 IV examples.</summary>
    public class Rfc7714VectorTests
    {
        private const string Salt = "517569642070726f2071756f";
        private const string Rtp = "8040f17b8041f8d35501a0b247616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573";

        // RFC 7714 §16.1: SSRC 0x5501a0b2, ROC 0, SEQ 0xf17b.
        [Fact]
        public void Rfc7714_16_SrtpIv()
        {
            byte[] iv = new byte[12];
            SrtpIv.GcmSrtp(Hex(Salt), 0x5501a0b2, 0, 0xf17b, iv, 0);
            Assert.Equal("51753c6580c2726f20718414", ToHex(iv, 0, 12));
        }

        // RFC 7714 §17.1: SSRC "Mars", SRTCP index 0x5d4 (E flag not part of the IV).
        [Fact]
        public void Rfc7714_17_SrtcpIv()
        {
            byte[] iv = new byte[12];
            SrtpIv.GcmSrtcp(Hex(Salt), 0x4d617273, 0x800005d4, iv, 0);
            Assert.Equal("517524055203726f207170bb", ToHex(iv, 0, 12));
        }

        // RFC 7714 §16.1.1 (AEAD_AES_128_GCM) and §16.2.1 (AEAD_AES_256_GCM): AAD = the 12-byte RTP header.
        [Theory]
        [InlineData("000102030405060708090a0b0c0d0e0f",
            "8040f17b8041f8d35501a0b2f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833899d7f27beb16a9152cf765ee4390cce")]
        [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "8040f17b8041f8d35501a0b232b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3b50b2a0276ffae0f1ba63799b87b7aa3db36dfffd6b0f9bb7878d7a76c13")]
        public void Rfc7714_16_Encrypt(string key, string expected)
        {
            byte[] k = Hex(key);
            byte[] pkt = new byte[128];
            byte[] plain = Hex(Rtp);
            Array.Copy(plain, pkt, plain.Length);
            byte[] iv = new byte[12];
            SrtpIv.GcmSrtp(Hex(Salt), 0x5501a0b2, 0, 0xf17b, iv, 0);
            var engine = new HostAesEngine();
            engine.SetKey(k, 0, k.Length);
            var gcm = new AesGcm(engine, 1500);
            gcm.Seal(iv, 0, 12, pkt, 0, 12, pkt, 12, plain.Length - 12, pkt, 12, pkt, plain.Length, 16);
            Assert.Equal(expected, ToHex(pkt, 0, plain.Length + 16));
            Assert.True(gcm.Open(iv, 0, 12, pkt, 0, 12, pkt, 12, plain.Length - 12, pkt, plain.Length, 16, pkt, 12));
            Assert.Equal(Rtp, ToHex(pkt, 0, plain.Length));
        }
    }
}
