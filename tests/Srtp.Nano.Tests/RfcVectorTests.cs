using System;
using System.Security.Cryptography;
using NanoMikey.Hardware.Host;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Kdf;
using NanoMikey.Srtp.Policy;
using NanoMikey.Srtp.Transforms;
using static NanoMikey.Srtp.Tests.TestKit;
using static NanoMikey.Tests.TestData;

namespace NanoMikey.Srtp.Tests
{
    public class RfcVectorTests
    {
        // RFC 3711 Appendix B.2: AES-CM keystream, session key 2B7E..., salt F0F1...FD, SSRC 0, index 0 (full 2^16-block segment).
        [Fact]
        public void Rfc3711_B2_AesCmKeystream()
        {
            byte[] key = Hex("2B7E151628AED2A6ABF7158809CF4F3C");
            byte[] iv = Hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
            var engine = new HostAesEngine();
            engine.SetKey(key, 0, 16);
            var cm = new AesCmCipher(16);
            byte[] ks = new byte[65536 * 16];
            cm.Apply(engine, iv, 0, ks, 0, ks.Length);
            Assert.Equal("e03ead0935c95e80e166b16dd92b4eb4", ToHex(ks, 0x0000 * 16, 16));
            Assert.Equal("d23513162b02d0f72a43a2fe4a5f97ab", ToHex(ks, 0x0001 * 16, 16));
            Assert.Equal("41e95b3bb0a2e8dd477901e4fca894c0", ToHex(ks, 0x0002 * 16, 16));
            Assert.Equal("ec8cdf7398607cb0f2d21675ea9ea1e4", ToHex(ks, 0xFEFF * 16, 16));
            Assert.Equal("362b7c3c6773516318a077d7fc5073ae", ToHex(ks, 0xFF00 * 16, 16));
            Assert.Equal("6a2cc3787889374fbeb4c81b17ba6c44", ToHex(ks, 0xFF01 * 16, 16));
            // Independent check of every block against .NET AES-ECB over the counter blocks.
            using var aes = Aes.Create();
            aes.Key = key;
            byte[] ctr = new byte[65536 * 16];
            for (int j = 0; j < 65536; j++)
            {
                Array.Copy(iv, 0, ctr, j * 16, 14);
                ctr[j * 16 + 14] = (byte)(j >> 8);
                ctr[j * 16 + 15] = (byte)j;
            }
            Assert.Equal(aes.EncryptEcb(ctr, PaddingMode.None), ks);
        }

        // RFC 3711 Appendix B.3: key derivation, including the 94-octet auth key (multi-block counter).
        [Fact]
        public void Rfc3711_B3_KeyDerivation()
        {
            var kdf = Kdf("E1F97A0D3E018BE0D64FA32C06DE4139", "0EC675AD498AFEEBB6960B3AABE6");
            Assert.Equal("c61e7a93744f39ee10734afe3ff7a087", Derive(kdf, 0, 16));
            Assert.Equal("30cbbc08863d8c85d49db34a9ae1", Derive(kdf, 2, 14));
            Assert.Equal(("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA48F0A0ACF3C34E2359E6CDBCE" +
                          "E049646C43D9327AD175578EF72270986371C10C9A369AC2F94A8C5FBCDDDC25" +
                          "6D6E919A48B610EF17C2041E474035766B68642C59BBFC2F34DB60DBDFB2").ToLowerInvariant(), Derive(kdf, 1, 94));
        }

        // RFC 6188 §7.2: AES-256 PRF.
        [Fact]
        public void Rfc6188_7_2_Aes256KeyDerivation()
        {
            var kdf = Kdf("f0f04914b513f2763a1b1fa130f10e2998f6f6e43e4309d1e622a0e332b9f1b6", "3b04803de51ee7c96423ab5b78d2");
            Assert.Equal("5ba1064e30ec51613cad926c5a28ef731ec7fb397f70a960653caf06554cd8c4", Derive(kdf, 0, 32));
            Assert.Equal("fa31791685ca444a9e07c6c64e93", Derive(kdf, 2, 14));
            Assert.Equal("fd9c32d39ed5fbb5a9dc96b30818454d1313dc05", Derive(kdf, 1, 20));
        }

        // RFC 6188 §7.4: AES-192 PRF (not checked against Debian libsrtp 2.5.0, which gets it wrong: libsrtp #763).
        [Fact]
        public void Rfc6188_7_4_Aes192KeyDerivation()
        {
            var kdf = Kdf("73edc66c4fa15776fb57f9505c17136550ffda71f3e8e5f1", "c8522f3acd4ce86d5add78edbb11");
            Assert.Equal("31874736a8f1143870c26e4857d8a5b2c4a354407faadabb", Derive(kdf, 0, 24));
            Assert.Equal("2372b82d639b6d8503a47adc0a6c", Derive(kdf, 2, 14));
            Assert.Equal("355b10973cd95b9eacf4061c7e1a7151e7cfbfcb", Derive(kdf, 1, 20));
        }

        // The KDF against an independent straight-line implementation over .NET AES, for every label, random keys, r and sizes.
        [Fact]
        public void KeyDerivationMatchesIndependentComputation()
        {
            var rng = new Random(3711);
            foreach (int kl in new[] { 16, 24, 32 })
            {
                for (int t = 0; t < 20; t++)
                {
                    byte[] key = TestKit.Random(rng, kl);
                    byte[] salt = TestKit.Random(rng, 14);
                    ulong r = (ulong)rng.NextInt64(0, 1L << 48);
                    int label = rng.Next(6);
                    int n = rng.Next(1, 70);
                    var engine = new HostAesEngine();
                    engine.SetKey(key, 0, kl);
                    var kdf = new SrtpKeyDerivation(engine, salt, 0, 14);
                    byte[] ours = new byte[n];
                    kdf.Derive(label, r, ours, 0, n);
                    Assert.Equal(Reference(key, salt, label, r, n), ours);
                }
            }
        }

        // libsrtp's srtp_validate reference packet (AES_CM_128_HMAC_SHA1_80, RFC 3711 B.3 master key), also RFC-consistent.
        [Fact]
        public void LibSrtpReferencePacket_AesCm128()
        {
            CheckReference(SrtpPolicy.AesCm128HmacSha1_80(), "E1F97A0D3E018BE0D64FA32C06DE4139", "0EC675AD498AFEEBB6960B3AABE6",
                "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb");
        }

        // libsrtp's srtp_validate_aes_256 reference packet (AES_256_CM_HMAC_SHA1_80, RFC 6188 §7.2 master key).
        [Fact]
        public void LibSrtpReferencePacket_AesCm256()
        {
            CheckReference(SrtpPolicy.AesCm256HmacSha1_80(), "f0f04914b513f2763a1b1fa130f10e2998f6f6e43e4309d1e622a0e332b9f1b6", "3b04803de51ee7c96423ab5b78d2",
                "800f1234decafbadcafebabef1d9de17ff251ff1aa007774b0b4b40da08d9d9a5b3a55d8873b");
        }

        private static void CheckReference(SrtpPolicy policy, string key, string salt, string expected)
        {
            byte[] k = Hex(key), s = Hex(salt);
            byte[] plain = Hex("800f1234decafbadcafebabe" + new string('a', 0) + "abababababababababababababababab");
            var tx = TestKit.NewContext(policy, 0xcafebabe, SrtpDirection.Outbound, k, s);
            byte[] buf = new byte[64];
            Array.Copy(plain, buf, plain.Length);
            int len = plain.Length;
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
            Assert.Equal(expected, ToHex(buf, 0, len));
            var rx = TestKit.NewContext(policy, 0xcafebabe, SrtpDirection.Inbound, k, s);
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref len));
            Assert.Equal(plain, buf.AsSpan(0, len).ToArray());
        }

        private static SrtpKeyDerivation Kdf(string key, string salt)
        {
            byte[] k = Hex(key);
            var engine = new HostAesEngine();
            engine.SetKey(k, 0, k.Length);
            byte[] s = Hex(salt);
            return new SrtpKeyDerivation(engine, s, 0, s.Length);
        }

        private static string Derive(SrtpKeyDerivation kdf, int label, int n)
        {
            byte[] o = new byte[n];
            kdf.Derive(label, 0, o, 0, n);
            return ToHex(o, 0, n);
        }

        internal static byte[] Reference(byte[] key, byte[] salt14, int label, ulong r, int n)
        {
            // x = (label || r) XOR salt, IV = x * 2^16; AES-CTR with a 128-bit big-endian counter.
            var x = new System.Numerics.BigInteger(salt14, isUnsigned: true, isBigEndian: true);
            var keyId = (new System.Numerics.BigInteger(label) << 48) | new System.Numerics.BigInteger(r);
            var iv = (x ^ keyId) << 16;
            using var aes = Aes.Create();
            aes.Key = key;
            byte[] outp = new byte[(n + 15) / 16 * 16];
            for (int j = 0; j * 16 < n; j++)
            {
                byte[] block = new byte[16];
                byte[] v = (iv + j).ToByteArray(isUnsigned: true, isBigEndian: true);
                Array.Copy(v, 0, block, 16 - v.Length, v.Length);
                aes.EncryptEcb(block, PaddingMode.None).CopyTo(outp, j * 16);
            }
            return outp.AsSpan(0, n).ToArray();
        }
    }
}
