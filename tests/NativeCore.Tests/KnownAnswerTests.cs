using static NanoMikey.NativeCore.Tests.NmCore;
using static NanoMikey.Tests.TestData;

namespace NanoMikey.NativeCore.Tests
{
    /// <summary>Published known answers through the C core (values copied from the documents named on each test).</summary>
    public class KnownAnswerTests
    {
        // RFC 3711 Appendix B.2: AES-CM keystream, session key and salt as given, IV = salt * 2^16.
        [Fact]
        public void Rfc3711_B2_AesCmKeystream()
        {
            using var slot = new Slot(Hex("2B7E151628AED2A6ABF7158809CF4F3C"));
            byte[] iv = Hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
            byte[] ks = new byte[0xFF02 * 16];
            Assert.Equal(0, AesCtrXor(slot.Handle, iv, 0, ks, 0, ks.Length));
            Assert.Equal("e03ead0935c95e80e166b16dd92b4eb4", HexText.Of(ks, 0x0000 * 16, 16));
            Assert.Equal("d23513162b02d0f72a43a2fe4a5f97ab", HexText.Of(ks, 0x0001 * 16, 16));
            Assert.Equal("41e95b3bb0a2e8dd477901e4fca894c0", HexText.Of(ks, 0x0002 * 16, 16));
            Assert.Equal("ec8cdf7398607cb0f2d21675ea9ea1e4", HexText.Of(ks, 0xFEFF * 16, 16));
            Assert.Equal("362b7c3c6773516318a077d7fc5073ae", HexText.Of(ks, 0xFF00 * 16, 16));
            Assert.Equal("6a2cc3787889374fbeb4c81b17ba6c44", HexText.Of(ks, 0xFF01 * 16, 16));
            Assert.Equal("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000", Convert.ToHexString(iv)); // the caller's IV is not advanced
        }

        // RFC 3711 Appendix B.3: key derivation is AES-CM over zeros with IV = (label XOR salt) * 2^16 (kdr 0).
        [Fact]
        public void Rfc3711_B3_KeyDerivationThroughAesCtrXor()
        {
            byte[] salt = Hex("0EC675AD498AFEEBB6960B3AABE6");
            using var slot = new Slot(Hex("E1F97A0D3E018BE0D64FA32C06DE4139"));
            Assert.Equal("c61e7a93744f39ee10734afe3ff7a087", HexText.Of(Derive(slot.Handle, salt, 0, 16)));
            Assert.Equal("30cbbc08863d8c85d49db34a9ae1", HexText.Of(Derive(slot.Handle, salt, 2, 14)));
            Assert.Equal(("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE" +
                          "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25" +
                          "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2").ToLowerInvariant(),
                HexText.Of(Derive(slot.Handle, salt, 1, 94)));
        }

        internal static byte[] Derive(int h, byte[] salt, byte label, int length)
        {
            byte[] iv = new byte[16];
            Array.Copy(salt, iv, 14);
            iv[7] ^= label; // RFC 3711 §4.3.1: key_id = label || r (r = 0), x = key_id XOR master_salt
            byte[] output = new byte[length];
            Assert.Equal(0, AesCtrXor(h, iv, 0, output, 0, length));
            return output;
        }

        // libsrtp's reference packet (srtp_driver.c, AES_CM_128_HMAC_SHA1_80), session keys from RFC 3711 B.3.
        [Fact]
        public void LibSrtpReferencePacket()
        {
            byte[] iv = SrtpIv(Hex("30cbbc08863d8c85d49db34a9ae1"), 0xcafebabe, 0, 0x1234);
            using var slot = new Slot(Hex("c61e7a93744f39ee10734afe3ff7a087"), Hex("cebe321f6ff7716b6fd4ab49af256a156d38baa4"));
            byte[] pkt = new byte[38];
            Array.Copy(Hex("800f1234decafbadcafebabeabababababababababababababababab"), pkt, 28);
            Assert.Equal(0, SrtpProtect(slot.Handle, iv, 0, pkt, 12, 16, 0, 28, true, 0, 28, 10));
            Assert.Equal("800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb", HexText.Of(pkt));
            Assert.Equal(1, SrtpUnprotect(slot.Handle, iv, 0, pkt, 12, 16, 0, 28, true, 0, 28, 10));
            Assert.Equal("800f1234decafbadcafebabeabababababababababababababababab", HexText.Of(pkt, 0, 28));
        }

        /// <summary>RFC 3711 §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), i = ROC * 2^16 + SEQ.</summary>
        internal static byte[] SrtpIv(byte[] saltKey, uint ssrc, uint roc, int seq)
        {
            byte[] iv = new byte[16];
            Array.Copy(saltKey, iv, 14);
            ulong index = ((ulong)roc << 16) | (uint)seq;
            for (int k = 0; k < 4; k++) iv[4 + k] ^= (byte)(ssrc >> (24 - 8 * k));
            for (int k = 0; k < 6; k++) iv[8 + k] ^= (byte)(index >> (40 - 8 * k));
            return iv;
        }

        // SP 800-38A F.5.1 (CTR-AES128.Encrypt) and F.5.5 (CTR-AES256.Encrypt), in place at an offset.
        [Theory]
        [InlineData("2b7e151628aed2a6abf7158809cf4f3c",
            "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee")]
        [InlineData("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c52b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6")]
        public void Sp800_38A_F5_Ctr(string key, string expected)
        {
            byte[] plain = Hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
            byte[] buf = new byte[70];
            Array.Copy(plain, 0, buf, 3, 64);
            using var slot = new Slot(Hex(key));
            Assert.Equal(0, AesCtrXor(slot.Handle, Hex("00f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), 1, buf, 3, 64));
            Assert.Equal(expected, HexText.Of(buf, 3, 64));
            Assert.Equal(0, buf[0] | buf[1] | buf[2] | buf[67] | buf[68] | buf[69]);
        }

        // FIPS 197 Appendix C.1-C.3: one block, encrypt and decrypt.
        [Theory]
        [InlineData("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a")]
        [InlineData("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191")]
        [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089")]
        public void Fips197_C_Aes(string key, string expected)
        {
            using var slot = new Slot(Hex(key));
            byte[] block = Hex("00112233445566778899aabbccddeeff");
            byte[] output = new byte[16];
            Assert.Equal(0, AesEncryptBlocks(slot.Handle, block, 0, output, 0, 16));
            Assert.Equal(expected, HexText.Of(output));
            Assert.Equal(0, AesDecryptBlocks(slot.Handle, output, 0, output, 0, 16));
            Assert.Equal("00112233445566778899aabbccddeeff", HexText.Of(output));
        }

        // RFC 2202 §3: HMAC-SHA-1 test cases 1-7 (stateless and through a slot's cached key).
        [Theory]
        [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b617318655057264e28bc0b6fb378c8ef146be00")]
        [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")]
        [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd", "125d7342b9ac11cd91a39af48aa17b4f63f175d3")]
        [InlineData("0102030405060708090a0b0c0d0e0f10111213141516171819", "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd", "4c9007f4026250c6bc8414f9bf50c86c2d7235da")]
        [InlineData("0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", "546573742057697468205472756e636174696f6e", "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04")]
        [InlineData("aa*80",
            "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374", "aa4ae5e15272d00e95705637ce8a3b55ed402112")]
        [InlineData("aa*80",
            "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b657920616e64204c6172676572205468616e204f6e6520426c6f636b2d53697a652044617461", "e8e99d0f45237d786d6bbaa7965c7808bbff1a91")]
        public void Rfc2202_HmacSha1(string key, string data, string expected)
        {
            Assert.Equal(expected, HexText.Of(HmacSha1(Key(key), Hex(data))));
            using var slot = new Slot(null, Key(key));
            byte[] d = Hex(data), mac = new byte[24];
            Assert.Equal(0, HmacSha1Keyed(slot.Handle, d, 0, d.Length, mac, 2, 20));
            Assert.Equal(expected, HexText.Of(mac, 2, 20));
        }

        // RFC 4231 §4.2-4.8: HMAC-SHA-256 test cases 1-7 (case 5 compares the 128-bit truncation).
        [Theory]
        [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
        [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
        [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd", "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")]
        [InlineData("0102030405060708090a0b0c0d0e0f10111213141516171819", "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd", "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")]
        [InlineData("0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", "546573742057697468205472756e636174696f6e", "a3b6167473100ee06e0c796c2955552b")]
        [InlineData("aa*131",
            "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374", "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")]
        [InlineData("aa*131",
            "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865206b6579206e6565647320746f20626520686173686564206265666f7265206265696e6720757365642062792074686520484d414320616c676f726974686d2e",
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")]
        public void Rfc4231_HmacSha256(string key, string data, string expected)
        {
            Assert.Equal(expected, HexText.Of(HmacSha256(Key(key), Hex(data)), 0, expected.Length / 2));
        }

        // "aa*80": 80 bytes of 0xaa (the RFCs' larger-than-block keys).
        private static byte[] Key(string text)
        {
            int star = text.IndexOf('*');
            if (star < 0) return Hex(text);
            byte[] k = new byte[int.Parse(text.Substring(star + 1))];
            Array.Fill(k, Hex(text.Substring(0, star))[0]);
            return k;
        }

        // FIPS 180-2 Appendix B.1/B.2 SHA-256.
        [Theory]
        [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        public void Fips180_Sha256(string message, string expected)
        {
            Assert.Equal(expected, HexText.Of(Sha256(System.Text.Encoding.ASCII.GetBytes(message))));
        }

        // RFC 7714 §16.1.1 (AEAD_AES_128_GCM) and §16.2.1 (AEAD_AES_256_GCM): IV from §16.1, AAD = the 12-byte RTP header.
        [Theory]
        [InlineData("000102030405060708090a0b0c0d0e0f",
            "8040f17b8041f8d35501a0b2f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833899d7f27beb16a9152cf765ee4390cce")]
        [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "8040f17b8041f8d35501a0b232b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3b50b2a0276ffae0f1ba63799b87b7aa3db36dfffd6b0f9bb7878d7a76c13")]
        public void Rfc7714_16_Gcm(string key, string expected)
        {
            const string rtp = "8040f17b8041f8d35501a0b247616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573";
            byte[] iv = Hex("51753c6580c2726f20718414"); // RFC 7714 §16.1
            byte[] plain = Hex(rtp);
            byte[] pkt = new byte[plain.Length + 16];
            Array.Copy(plain, pkt, plain.Length);
            using var slot = new Slot(Hex(key));
            Assert.Equal(0, GcmSeal(slot.Handle, iv, 0, 12, pkt, 0, 12, pkt, 12, plain.Length - 12, pkt, plain.Length, 16));
            Assert.Equal(expected, HexText.Of(pkt));
            Assert.Equal(1, GcmOpen(slot.Handle, iv, 0, 12, pkt, 0, 12, pkt, 12, plain.Length - 12, pkt, plain.Length, 16));
            Assert.Equal(rtp, HexText.Of(pkt, 0, plain.Length));
        }

        // MIKEY PRF (RFC 3830 §4.1.2): tests/vectors/mikey/samples.md §8.1 TC1-TC4 (computed there, cross-checked against
        // minisip). Label = constant || cs_id || CSB ID 0x12345678 || RAND a0..af (RFC 3830 §4.1.3).
        [Theory]
        [InlineData("000102030405060708090a0b0c0d0e0f", "2ad01c6401", 16, "9ba4f67e6a85e7e7e9aa57681ca1f27d")]
        [InlineData("000102030405060708090a0b0c0d0e0f", "39a2c14b01", 14, "c19bd30c0f756df5cb26cb343639")]
        [InlineData("000102030405060708090a0b0c0d0e0f", "1b5c797301", 20, "137f9674ff4f53e8f163fc7add71f99740a54587")]
        [InlineData("000102030405060708090a0b0c0d0e0f", "2ad01c6402", 16, "516d29c1b61507585c0872488c7ff2c6")]
        [InlineData("404142434445464748494a4b4c4d4e4f50515253", "150533e1ff", 16, "c4b5684b748339c6de017bfdd6090fff")]
        [InlineData("404142434445464748494a4b4c4d4e4f50515253", "2d22ac75ff", 20, "6e00cad0f6d7c1f9cf3d70db5f8856e312473e92")]
        [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627", "2ad01c6401", 30, "2a266c6b08a2414f2923b9ca4d62f116ea7d9efafb4aaeb72cc59777834f")]
        [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "2ad01c6401", 16, "7e5a6762973f433719e65bc508c7726a")]
        public void Rfc3830_MikeyPrf(string inkey, string constantAndCsId, int length, string expected)
        {
            byte[] label = Hex(constantAndCsId + "12345678a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
            byte[] output = new byte[length + 2];
            output[0] = output[^1] = 0xEE;
            Assert.Equal(0, MikeyPrf(Hex(inkey), label, output, 1, length));
            Assert.Equal(expected, HexText.Of(output, 1, length));
            Assert.Equal(0xEE, output[0]);
            Assert.Equal(0xEE, output[^1]);
        }

        // RFC 5903 §8.1: ECDH on P-256 (256-bit random ECP group), both sides.
        [Fact]
        public void Rfc5903_8_1_Ecdh()
        {
            byte[] i = Hex("C88F01F510D9AC3F70A292DAA2316DE544E9AAB8AFE84049C62A9C57862D1433");
            byte[] r = Hex("C6EF9C5D78AE012A011164ACB397CE2088685D8F06BF9BE0B283AB46476BEE53");
            byte[] gi = new byte[65], gr = new byte[65], z1 = new byte[32], z2 = new byte[32];
            Assert.Equal(P256Ok, P256PublicKey(i, gi));
            Assert.Equal(P256Ok, P256PublicKey(r, gr));
            Assert.Equal("04" + "DAD0B65394221CF9B051E1FECA5787D098DFE637FC90B9EF945D0C3772581180" + "5271A0461CDB8252D61F1C456FA3E59AB1F45B33ACCF5F58389E0577B8990BB3", Convert.ToHexString(gi));
            Assert.Equal("04" + "D12DFB5289C8D4F81208B70270398C342296970A0BCCB74C736FC7554494BF63" + "56FBF3CA366CC23E8157854C13C58D6AAC23F046ADA30F8353E74F33039872AB", Convert.ToHexString(gr));
            Assert.Equal(P256Ok, P256Ecdh(i, gr, z1));
            Assert.Equal(P256Ok, P256Ecdh(r, gi, z2));
            Assert.Equal("D6840F6B42F6EDAFD13116E0E12565202FEF8E9ECE7DCE03812464D04B9442DE", Convert.ToHexString(z1));
            Assert.Equal(z1, z2);
        }

        // RFC 6979 A.2.5: P-256, SHA-256, messages "sample" and "test" (deterministic k, no k').
        [Theory]
        [InlineData("sample", "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716", "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8")]
        [InlineData("test", "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367", "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083")]
        public void Rfc6979_A25_P256Sha256(string message, string r, string s)
        {
            byte[] x = Hex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
            byte[] u = new byte[65], sig = new byte[64];
            Assert.Equal(P256Ok, P256PublicKey(x, u));
            Assert.Equal("04" + "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6" + "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299", Convert.ToHexString(u));
            byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(message));
            Assert.Equal(P256Ok, P256Sign(x, hash, null, sig));
            Assert.Equal(r + s, Convert.ToHexString(sig));
            Assert.Equal(1, P256Verify(u, hash, sig));
        }
    }
}
