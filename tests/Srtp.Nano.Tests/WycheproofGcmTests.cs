using System;
using System.IO;
using System.Text.Json;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Hardware.Host;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Wycheproof aes_gcm_test.json (google-wycheproof 0.9rc5) over the AEAD core as SRTP drives it: 96-bit IVs, 128-bit keys
    /// (AEAD_AES_128_GCM) and 256-bit keys (AEAD_AES_256_GCM), 16-byte tags, in-place on one buffer, host and software AES.
    /// </summary>
    public class WycheproofGcmTests
    {
        [Fact]
        public void AesGcm_SrtpShapedVectors()
        {
            string path = TestData.VectorPath("wycheproof", "aes_gcm_test.json");
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            int run = 0;
            foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
            {
                int ivSize = group.GetProperty("ivSize").GetInt32();
                int keySize = group.GetProperty("keySize").GetInt32();
                int tagSize = group.GetProperty("tagSize").GetInt32();
                if (ivSize != 96 || tagSize != 128 || (keySize != 128 && keySize != 256)) continue;
                foreach (var t in group.GetProperty("tests").EnumerateArray())
                {
                    byte[] key = Convert.FromHexString(t.GetProperty("key").GetString()!);
                    byte[] iv = Convert.FromHexString(t.GetProperty("iv").GetString()!);
                    byte[] aad = Convert.FromHexString(t.GetProperty("aad").GetString()!);
                    byte[] msg = Convert.FromHexString(t.GetProperty("msg").GetString()!);
                    byte[] ct = Convert.FromHexString(t.GetProperty("ct").GetString()!);
                    byte[] tag = Convert.FromHexString(t.GetProperty("tag").GetString()!);
                    bool valid = t.GetProperty("result").GetString() != "invalid";
                    foreach (IAesEngine engine in new IAesEngine[] { new HostAesEngine(), new SoftwareAes() })
                    {
                        engine.SetKey(key, 0, key.Length);
                        var gcm = new AesGcm(engine, 1500);
                        // SRTP layout: AAD (header) || data || tag in one buffer, processed in place.
                        byte[] pkt = new byte[aad.Length + ct.Length + 16];
                        Array.Copy(aad, 0, pkt, 0, aad.Length);
                        Array.Copy(ct, 0, pkt, aad.Length, ct.Length);
                        Array.Copy(tag, 0, pkt, aad.Length + ct.Length, 16);
                        bool ok = gcm.Open(iv, 0, 12, pkt, 0, aad.Length, pkt, aad.Length, ct.Length, pkt, aad.Length + ct.Length, 16, pkt, aad.Length);
                        Assert.True(ok == valid, "tcId " + t.GetProperty("tcId").GetInt32());
                        if (!valid) continue;
                        Assert.Equal(msg, pkt.AsSpan(aad.Length, msg.Length).ToArray());
                        gcm.Seal(iv, 0, 12, pkt, 0, aad.Length, pkt, aad.Length, msg.Length, pkt, aad.Length, pkt, aad.Length + msg.Length, 16);
                        Assert.Equal(ct, pkt.AsSpan(aad.Length, ct.Length).ToArray());
                        Assert.Equal(tag, pkt.AsSpan(aad.Length + ct.Length, 16).ToArray());
                    }
                    run++;
                }
            }
            Assert.True(run > 50, "vectors run: " + run);
        }
    }
}
