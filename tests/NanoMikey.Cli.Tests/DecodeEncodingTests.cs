using System.Text;

namespace NanoMikey.Cli.Tests
{
    /// <summary>Issue 8 §7: a text file in any usual encoding decodes as the same text; a binary message stays binary.</summary>
    public sealed class DecodeEncodingTests : IDisposable
    {
        private const string Rfc4567IMessage = DecodeCommandTests.Rfc4567IMessage;

        private readonly string _dir = Directory.CreateTempSubdirectory("nanomikey-enc-").FullName;

        public void Dispose() => Directory.Delete(_dir, true);

        [Theory]
        [InlineData("utf-8 BOM")]
        [InlineData("utf-16 LE BOM")]
        [InlineData("utf-16 BE BOM")]
        [InlineData("utf-16 LE")]
        [InlineData("utf-16 BE")]
        [InlineData("utf-32 LE BOM")]
        [InlineData("utf-32 BE BOM")]
        public void Base64File_InAnyEncoding_DecodesLikePlainAscii(string encoding)
        {
            string text = Rfc4567IMessage + "\r\n";
            var plain = CliRun.Start("decode", "--file", Write("plain.txt", Encoding.ASCII.GetBytes(text)));
            Assert.Equal(0, plain.ExitCode);
            Assert.StartsWith("# base64\n", plain.Stdout);

            var run = CliRun.Start("decode", "--file", Write("encoded.txt", Encode(text, encoding)));
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(plain.Stdout, run.Stdout);
            Assert.Equal(string.Empty, run.Stderr);
        }

        [Fact]
        public void Utf8SdpWithNonAsciiSessionName_IsText()
        {
            string sdp = "v=0\r\ns=Café – Übertragung\r\na=key-mgmt:mikey " + Rfc4567IMessage + "\r\n";
            var run = CliRun.Start("decode", "--file", Write("offer.sdp", new UTF8Encoding(false).GetBytes(sdp)));
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("# SDP session level", run.Stdout);
        }

        [Fact]
        public void BinaryMessage_IsNotTakenForText()
        {
            var run = CliRun.Start("decode", "--file", Write("message.bin", Convert.FromBase64String(Rfc4567IMessage)));
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("# binary file ", run.Stdout);
            Assert.Contains("CSB ID: 0xCD177E50", run.Stdout);
        }

        [Fact]
        public void BinaryMessageOfAsciiBytes_IsNotTakenForText()
        {
            // GStreamer's HDR-only message (tests/vectors/mikey/samples.md §4.1) is valid UTF-8: only its control bytes
            // (version 1, zero fields) tell it from text.
            var run = CliRun.Start("decode", "--update", "--file", Write("hdr.bin", Convert.FromHexString("01000000123456780000")));
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("# binary file ", run.Stdout);
            Assert.Contains("CSB ID: 0x12345678", run.Stdout);
        }

        private string Write(string name, byte[] bytes)
        {
            string path = Path.Combine(_dir, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        private static byte[] Encode(string text, string encoding)
        {
            Encoding e = encoding switch
            {
                "utf-8 BOM" => new UTF8Encoding(true),
                "utf-16 LE BOM" or "utf-16 LE" => new UnicodeEncoding(false, true),
                "utf-16 BE BOM" or "utf-16 BE" => new UnicodeEncoding(true, true),
                "utf-32 LE BOM" => new UTF32Encoding(false, true),
                "utf-32 BE BOM" => new UTF32Encoding(true, true),
                _ => throw new ArgumentException(encoding),
            };
            byte[] body = e.GetBytes(text);
            return encoding.EndsWith("BOM", StringComparison.Ordinal) ? e.GetPreamble().Concat(body).ToArray() : body;
        }
    }
}
