using System;
using System.IO;
using System.Text.Json;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Mac;
using NanoMikey.Hardware.Host;

namespace NanoMikey.Crypto.Tests.Symmetric
{
    // Project Wycheproof vectors in tests/vectors/wycheproof/: every "valid" accepted, every "invalid" rejected
    // ("acceptable" may go either way but must not crash).
    public class WycheproofTests
    {
        private delegate void CaseCheck(JsonElement group, JsonElement test, string result, string id);

        private static int ForEachTest(string file, CaseCheck check)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(TestData.VectorPath("wycheproof", file)));
            int count = 0;
            foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    string id = file + " tcId " + test.GetProperty("tcId").GetInt32();
                    check(group, test, test.GetProperty("result").GetString()!, id);
                    count++;
                }
            }
            Assert.Equal(doc.RootElement.GetProperty("numberOfTests").GetInt32(), count);
            return count;
        }

        private static byte[] H(JsonElement test, string name) => TestData.Hex(test.GetProperty(name).GetString()!);

        [Fact]
        public void AesGcm_AllVectors_BothEngines()
        {
            foreach (bool software in new[] { true, false })
            {
                ForEachTest("aes_gcm_test.json", (group, test, result, id) =>
                {
                    var key = H(test, "key");
                    var iv = H(test, "iv");
                    var aad = H(test, "aad");
                    var msg = H(test, "msg");
                    var ct = H(test, "ct");
                    var tag = H(test, "tag");
                    IAesEngine engine = software ? new SoftwareAes() : new HostAesEngine();
                    bool accepted;
                    try
                    {
                        engine.SetKey(key, 0, key.Length);
                        var gcm = new AesGcm(engine, 64);
                        var pt = new byte[ct.Length];
                        accepted = gcm.Open(iv, 0, iv.Length, aad, 0, aad.Length, ct, 0, ct.Length, tag, 0, tag.Length, pt, 0);
                        if (accepted)
                        {
                            Assert.True(msg.AsSpan().SequenceEqual(pt), id);
                            var c2 = new byte[msg.Length];
                            var t2 = new byte[tag.Length];
                            gcm.Seal(iv, 0, iv.Length, aad, 0, aad.Length, msg, 0, msg.Length, c2, 0, t2, 0, t2.Length);
                            Assert.True(ct.AsSpan().SequenceEqual(c2), id);
                            Assert.True(tag.AsSpan().SequenceEqual(t2), id);
                        }
                        else
                        {
                            Assert.True(pt.AsSpan().SequenceEqual(new byte[pt.Length]), id + ": plaintext written on failure");
                        }
                    }
                    catch (ArgumentException)
                    {
                        accepted = false;
                    }
                    if (result == "valid") Assert.True(accepted, id + " valid but rejected");
                    if (result == "invalid") Assert.False(accepted, id + " invalid but accepted");
                });
            }
        }

        [Fact]
        public void AesWrap_AllVectors()
        {
            ForEachTest("aes_wrap_test.json", (group, test, result, id) =>
            {
                var key = H(test, "key");
                var msg = H(test, "msg");
                var ct = H(test, "ct");
                var aes = new SoftwareAes();
                aes.SetKey(key, 0, key.Length);
                var kw = new AesKeyWrap(aes, 512);
                var output = new byte[Math.Max(0, ct.Length - 8)];
                bool accepted = kw.Unwrap(ct, 0, ct.Length, output, 0);
                if (accepted)
                {
                    Assert.True(msg.AsSpan().SequenceEqual(output), id);
                    var w = new byte[msg.Length + 8];
                    kw.Wrap(msg, 0, msg.Length, w, 0);
                    Assert.True(ct.AsSpan().SequenceEqual(w), id);
                }
                else
                {
                    Assert.True(output.AsSpan().SequenceEqual(new byte[output.Length]), id + ": key data written on failure");
                }
                if (result == "valid") Assert.True(accepted, id + " valid but rejected");
                if (result == "invalid") Assert.False(accepted, id + " invalid but accepted");
            });
        }

        // CBC with PKCS#5 padding built in the test on top of the block function (SP 800-38A §6.2).
        private static byte[] CbcEncrypt(IAesEngine aes, byte[] iv, byte[] msg)
        {
            int pad = 16 - msg.Length % 16;
            var buf = new byte[msg.Length + pad];
            msg.CopyTo(buf, 0);
            for (int i = msg.Length; i < buf.Length; i++) buf[i] = (byte)pad;
            var chain = (byte[])iv.Clone();
            for (int o = 0; o < buf.Length; o += 16)
            {
                for (int i = 0; i < 16; i++) buf[o + i] ^= chain[i];
                aes.EncryptBlocks(buf, o, buf, o, 16);
                Array.Copy(buf, o, chain, 0, 16);
            }
            return buf;
        }

        private static byte[]? CbcDecrypt(IAesEngine aes, byte[] iv, byte[] ct)
        {
            if (ct.Length == 0 || ct.Length % 16 != 0) return null;
            var pt = new byte[ct.Length];
            aes.DecryptBlocks(ct, 0, pt, 0, ct.Length);
            for (int o = ct.Length - 16; o >= 0; o -= 16)
            {
                for (int i = 0; i < 16; i++) pt[o + i] ^= o == 0 ? iv[i] : ct[o - 16 + i];
            }
            int pad = pt[^1];
            if (pad < 1 || pad > 16) return null;
            for (int i = pt.Length - pad; i < pt.Length; i++)
            {
                if (pt[i] != pad) return null;
            }
            return pt.AsSpan(0, pt.Length - pad).ToArray();
        }

        [Fact]
        public void AesCbcPkcs5_AllVectors_ExerciseTheBlockFunction()
        {
            ForEachTest("aes_cbc_pkcs5_test.json", (group, test, result, id) =>
            {
                var key = H(test, "key");
                var iv = H(test, "iv");
                var msg = H(test, "msg");
                var ct = H(test, "ct");
                var aes = new SoftwareAes();
                aes.SetKey(key, 0, key.Length);
                var pt = CbcDecrypt(aes, iv, ct);
                bool accepted = pt != null && pt.AsSpan().SequenceEqual(msg);
                if (accepted)
                {
                    Assert.True(ct.AsSpan().SequenceEqual(CbcEncrypt(aes, iv, msg)), id);
                }
                if (result == "valid") Assert.True(accepted, id + " valid but rejected");
                if (result == "invalid") Assert.False(pt != null, id + " invalid but accepted");
            });
        }

        [Fact]
        public void HmacSha1_AllVectors()
        {
            ForEachTest("hmac_sha1_test.json", (group, test, result, id) =>
            {
                int tagBytes = group.GetProperty("tagSize").GetInt32() / 8;
                var key = H(test, "key");
                var msg = H(test, "msg");
                var tag = H(test, "tag");
                var mac = new HmacSha1(key, 0, key.Length);
                bool accepted = tag.Length == tagBytes && mac.Verify(msg, 0, msg.Length, tag, 0, tag.Length);
                if (result == "valid") Assert.True(accepted, id + " valid but rejected");
                if (result == "invalid") Assert.False(accepted, id + " invalid but accepted");
            });
        }

        [Fact]
        public void HmacSha256_AllVectors()
        {
            ForEachTest("hmac_sha256_test.json", (group, test, result, id) =>
            {
                int tagBytes = group.GetProperty("tagSize").GetInt32() / 8;
                var key = H(test, "key");
                var msg = H(test, "msg");
                var tag = H(test, "tag");
                var mac = new HmacSha256(key, 0, key.Length);
                bool accepted = tag.Length == tagBytes && mac.Verify(msg, 0, msg.Length, tag, 0, tag.Length);
                if (result == "valid") Assert.True(accepted, id + " valid but rejected");
                if (result == "invalid") Assert.False(accepted, id + " invalid but accepted");
            });
        }
    }
}
