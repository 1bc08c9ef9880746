using System.Text.Json;

namespace NanoMikey.Cli.Tests
{
    /// <summary>`nanomikey decode` on the published samples (tests/vectors/mikey/samples.md) and on broken input.</summary>
    public class DecodeCommandTests
    {
        // RFC 4567 §5.1, Example 1: Alice's PSK I_MESSAGE (tests/vectors/mikey/samples.md §1).
        internal const string Rfc4567IMessage =
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
        public void TruncatedMessageSaysTruncated_WithCodeAndOffset()
        {
            // HDR only (10 bytes, next payload T), then the T payload cut short.
            var run = CliRun.Start("decode", "01000500123456780000 0b00c8e350ea000000");
            Assert.Equal(1, run.ExitCode);
            CliAssert.NoStackTrace(run);
            Assert.Equal("decode: invalid message: truncated: a field or length runs past the end of the message; "
                + "at offset 10 of 19 bytes; MIKEY error 13 (Unsupported message type)", run.Stderr.TrimEnd());
            Assert.Contains("INVALID: Truncated at offset 10", run.Stdout);
        }

        [Fact]
        public void EveryQuirkHasAName()
        {
            foreach (string name in new[] { "gstreamer-tag-length", "gstreamer-aes-gcm", "missing-rand", "trailing-pad" })
            {
                var run = CliRun.Start("decode", "--quirk", name, Rfc4567IMessage);
                Assert.True(run.ExitCode == 0, name + ": " + run.Stderr);
            }
            var bogus = CliRun.Start("decode", "--quirk", "bogus", Rfc4567IMessage);
            Assert.Equal(2, bogus.ExitCode);
            Assert.Contains("gstreamer-aes-gcm", bogus.Stderr);
        }

        [Fact]
        public void MissingRand_SuggestsUpdateOrQuirk()
        {
            // PSK I_MESSAGE with HDR and T only: RAND is required in an initial message (RFC 3830 §3).
            const string noRand = "0100050012345678000000 00c8e350ea00000000";
            var run = CliRun.Start("decode", noRand);
            Assert.Equal(1, run.ExitCode);
            string[] lines = run.Stderr.TrimEnd().Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.Contains("without RAND", lines[0]);
            Assert.StartsWith("hint: ", lines[1]);
            Assert.Contains("--update", lines[1]);
            Assert.Contains("--quirk missing-rand", lines[1]);

            // The hint is right: with --update the same message is valid, and no hint is printed for valid messages.
            var update = CliRun.Start("decode", "--update", noRand);
            Assert.Equal(0, update.ExitCode);
            Assert.Equal(string.Empty, update.Stderr);
        }

        [Fact]
        public void TruncationIsNotCalledMissingRand()
        {
            var run = CliRun.Start("decode", "01000500123456780000 0b00c8e350ea000000");
            Assert.DoesNotContain("hint:", run.Stderr);
        }

        [Fact]
        public void JsonOfSdpWithSeveralAttributes_IsOneArrayDocument()
        {
            // Session level, then m-line 1 without an attribute, then m-line 2 with one: one JSON array, in SDP order.
            string sdp = "v=0\r\na=key-mgmt:mikey " + Rfc4567IMessage + "\r\nm=audio 0 RTP/SAVP 0\r\nm=video 0 RTP/SAVP 96\r\n"
                + "a=key-mgmt:mikey " + Rfc4567IMessage + "\r\n";
            var run = CliRun.Start("decode", "--json", sdp);
            Assert.Equal(0, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Stdout);
            Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
            Assert.Equal(2, doc.RootElement.GetArrayLength());
            JsonElement session = doc.RootElement[0], media = doc.RootElement[1];
            Assert.Equal("session", session.GetProperty("level").GetString());
            Assert.Equal(JsonValueKind.Null, session.GetProperty("mLine").ValueKind);
            Assert.Equal("media", media.GetProperty("level").GetString());
            Assert.Equal(2, media.GetProperty("mLine").GetInt32());
            Assert.True(media.GetProperty("message").GetProperty("valid").GetBoolean());
            Assert.Equal(132, session.GetProperty("message").GetProperty("length").GetInt32());
        }

        [Fact]
        public void JsonOfSdpWithOneAttribute_IsStillAnArray()
        {
            // The shape depends on the input kind (SDP), not on how many attributes it happens to hold.
            var run = CliRun.Start("decode", "--json", "v=0\na=key-mgmt:mikey " + Rfc4567IMessage + "\n");
            Assert.Equal(0, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Stdout);
            Assert.Equal(1, doc.RootElement.GetArrayLength());
        }

        [Fact]
        public void SdpWithUppercaseProtocolId_IsRefusedWithTheReason()
        {
            // RFC 4567 §3.1: the protocol id is compared exactly; "MIKEY" is not "mikey".
            var run = CliRun.Start("decode", "v=0\na=key-mgmt:MIKEY " + Rfc4567IMessage + "\n");
            CliAssert.UnusableInput(run, "'MIKEY' is another protocol id (case-sensitive");
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
