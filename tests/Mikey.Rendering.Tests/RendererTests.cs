using System;
using System.Text.Json;
using CsCheck;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Tests;
using NanoMikey.Mikey.Tests.Codec;

namespace NanoMikey.Mikey.Rendering.Tests
{
    /// <summary>Text and JSON rendering: RFC field names, value meanings, secrets elided, never throws, always valid JSON.</summary>
    public class RendererTests
    {
        [Fact]
        public void Text_NamesFieldsAsTheRfcs()
        {
            byte[] m = Samples.B64(Samples.Rfc4567IMessageBase64);
            var r = new MikeyRenderer();
            string text = r.RenderText(m, 0, m.Length);
            Assert.Equal(MikeyStatus.End, r.Status);
            Assert.Contains("PRF func: 0 (MIKEY-1)", text);
            Assert.Contains("data type: 0 (Pre-shared)", text);
            Assert.Contains("CSB ID: 0xCD177E50", text);
            Assert.Contains("CS ID map type: 0 (SRTP-ID)", text);
            Assert.Contains("TS type: 0 (NTP-UTC)", text);
            Assert.Contains("time: 2006-10-20T13:43:06Z", text);
            Assert.Contains("ID data: \"donald@duck.com\"", text);
            Assert.Contains("Encr alg: 1 (AES-CM-128)", text);
            Assert.Contains("MAC alg: 1 (HMAC-SHA-1-160)", text);
        }

        [Fact]
        public void KeyData_IsElidedUnlessAsked()
        {
            byte[] m = Samples.B64(Samples.GortsplibABase64);
            var r = new MikeyRenderer();
            string hidden = r.RenderText(m, 0, m.Length);
            Assert.DoesNotContain("9091783dfce8ddcd", hidden);
            Assert.Contains("Key data: <30 bytes, secret", hidden);
            Assert.Contains("Type: 2 (TEK)", hidden);
            Assert.Contains("Value: 10 (10 bytes)", hidden);
            Assert.DoesNotContain("9091783dfce8ddcd", r.RenderJson(m, 0, m.Length));
            r.ShowKeys = true;
            Assert.Contains("Key data: 9091783dfce8ddcd443a53508b64509f35bd8a86bc4d8b7637a502493daf", r.RenderText(m, 0, m.Length));
        }

        [Fact]
        public void Json_IsWellFormed_WithValuesAndMeanings()
        {
            byte[] m = Samples.B64(Samples.JavaMkiBase64);
            var r = new MikeyRenderer();
            using JsonDocument doc = JsonDocument.Parse(r.RenderJson(m, 0, m.Length));
            JsonElement root = doc.RootElement;
            Assert.True(root.GetProperty("valid").GetBoolean());
            Assert.Equal(126, root.GetProperty("length").GetInt32());
            JsonElement hdr = root.GetProperty("payloads")[0];
            Assert.Equal("HDR", hdr.GetProperty("payload").GetString());
            Assert.Equal("MIKEY-1", hdr.GetProperty("PRF func").GetProperty("meaning").GetString());
            Assert.Equal("0x496AE122", hdr.GetProperty("CSB ID").GetString());
            JsonElement kemac = root.GetProperty("payloads")[4];
            Assert.Equal("KEMAC", kemac.GetProperty("payload").GetString());
            JsonElement kd = kemac.GetProperty("Encr data (sub-payloads, in clear)")[0];
            Assert.Equal("SPI", kd.GetProperty("KV").GetProperty("meaning").GetString());
            Assert.Equal("00000001", kd.GetProperty("SPI/MKI").GetString());
            Assert.True(kd.GetProperty("Key data").GetProperty("elided").GetBoolean());
        }

        [Fact]
        public void InvalidMessage_RendersErrorWithCodeAndOffset()
        {
            byte[] m = Samples.B64(Samples.Rfc4567IMessageBase64);
            m[19] = 0x63;
            var r = new MikeyRenderer();
            string text = r.RenderText(m, 0, m.Length);
            Assert.Equal(MikeyStatus.UnknownPayloadType, r.Status);
            Assert.Contains("INVALID: UnknownPayloadType at offset 19, MIKEY error 13 (Unsupported message type)", text);
            using JsonDocument doc = JsonDocument.Parse(r.RenderJson(m, 0, m.Length));
            Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
            Assert.Equal(19, doc.RootElement.GetProperty("error").GetProperty("offset").GetInt32());
        }

        [Fact]
        public void AnyMessage_RendersWithoutThrowing_AsValidJson()
        {
            var r = new MikeyRenderer { ShowKeys = true };
            Gen.Select(Gen.Byte.Array[0, 600], Gen.Int[0, 1 << 30]).Sample((script, flip) =>
            {
                byte[] m = MessageBuilder.Build(script);
                if ((flip & 1) != 0)
                {
                    m[(flip >> 1) % m.Length] ^= (byte)(flip >> 20);
                }

                r.RenderText(m, 0, m.Length);
                using JsonDocument doc = JsonDocument.Parse(r.RenderJson(m, 0, m.Length));
                Assert.Equal(r.Status == MikeyStatus.End, doc.RootElement.GetProperty("valid").GetBoolean());
            }, iter: 1500, threads: 1);
        }
    }
}
