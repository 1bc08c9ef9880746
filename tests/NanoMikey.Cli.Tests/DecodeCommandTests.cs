using System.Text.Json;

namespace NanoMikey.Cli.Tests
{
    /// <summary>`nanomikey decode` on the published samples (tests/vectors/mikey/samples.md) and on broken input.</summary>
    public class DecodeCommandTests
    {
        // RFC 4567 §5.1, Example 1: Alice's PSK I_MESSAGE (tests/vectors/mikey/samples.md §1).
        private const string Rfc4567IMessage =
            "AQAFgM0XflABAAAAAAAAAAAAAAsAyONQ6gAAAAAGEEoo2pee4hp2UaDX8ZE22YwKAAAPZG9uYWxkQGR1Y2suY29tAQAAAAAAAQAk0JKpgaVkDaawi9whVBtBt0KZ14ymNuu62+Nv3ozPLygwK/GbAV9iemnGUIZ19fWQUOSrzKTAv9zV";

        [Fact]
        public void Base64MessageIsRenderedWithRfcNames()
        {
            var run = CliRun.Start("decode", Rfc4567IMessage);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("PRF func: 0 (MIKEY-1)", run.Stdout);
            Assert.Contains("CSB ID: 0xCD177E50", run.Stdout);
            Assert.Contains("time: 2006-10-20T13:43:06Z", run.Stdout);
            Assert.Contains("donald@duck.com", run.Stdout);
        }

        [Fact]
        public void JsonRenderingIsValidJson()
        {
            var run = CliRun.Start("decode", "--json", Rfc4567IMessage);
            Assert.Equal(0, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Stdout);
            Assert.True(doc.RootElement.GetProperty("valid").GetBoolean());
            Assert.Equal(132, doc.RootElement.GetProperty("length").GetInt32());
        }

        [Fact]
        public void SdpFileIsUnwrapped()
        {
            string path = Path.Combine(Path.GetTempPath(), "nanomikey-offer-" + Guid.NewGuid().ToString("N") + ".sdp");
            File.WriteAllText(path, "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\na=key-mgmt:mikey " + Rfc4567IMessage + "\r\nm=audio 49000 RTP/SAVP 0\r\n");
            try
            {
                var run = CliRun.Start("decode", "--file", path);
                Assert.Equal(0, run.ExitCode);
                Assert.Contains("SDP session level", run.Stdout);
                Assert.Contains("CSB ID: 0xCD177E50", run.Stdout);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void TruncatedMessageFailsWithCodeAndOffset()
        {
            // HDR only (10 bytes, next payload T), then the T payload cut short.
            var run = CliRun.Start("decode", "01000500123456780000 0b00c8e350ea000000");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Truncated at offset 10", run.Stderr + run.Stdout);
            Assert.Contains("MIKEY error", run.Stderr + run.Stdout);
        }

        [Fact]
        public void InputThatIsNeitherHexNorBase64IsRefused()
        {
            var run = CliRun.Start("decode", "AQAFgM0Xfl");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("neither hex nor strict base64", run.Stderr);
        }
    }
}
