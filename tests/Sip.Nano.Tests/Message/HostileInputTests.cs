using System.Text;
using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.Tests.Message
{
    /// <summary>Limits and hostile datagrams: every one is a status, never an exception, and never reads past the datagram.</summary>
    public class HostileInputTests
    {
        internal const string Options =
            "OPTIONS sip:door@192.0.2.10 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.20:5062;branch=z9hG4bKabc123;rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:panel@example.com>;tag=f1\r\n" +
            "To: <sip:door@example.com>\r\n" +
            "Call-ID: c1@192.0.2.20\r\n" +
            "CSeq: 7 OPTIONS\r\n" +
            "Content-Length: 0\r\n" +
            "\r\n";

        private static SipReadStatus ReadText(string text)
        {
            byte[] b = Encoding.Latin1.GetBytes(text);
            return new SipMessageReader().Read(b, 0, b.Length);
        }

        private static string WithHeader(string header) => Options.Replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\n" + header);

        [Fact]
        public void BaselineReads()
        {
            var r = new SipMessageReader();
            byte[] b = Encoding.ASCII.GetBytes(Options);
            Assert.Equal(SipReadStatus.Ok, r.Read(b, 0, b.Length));
            Assert.Equal(0, r.TopViaRPort);
            Assert.Equal(5062, r.TopViaPort);
            Assert.Equal(0, r.BodyLength);
        }

        [Fact]
        public void DatagramLargerThanTheLimitIsTooLarge()
        {
            string pad = "X-Pad: " + new string('a', 1000) + "\r\n";
            string big = Options;
            while (big.Length <= SipLimits.MaxDatagram) big = WithHeaderIn(big, pad);
            Assert.Equal(SipReadStatus.TooLarge, ReadText(big));
        }

        private static string WithHeaderIn(string msg, string header) => msg.Replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\n" + header);

        [Fact]
        public void OversizedHeaderLineIsTooLarge()
        {
            Assert.Equal(SipReadStatus.Ok, ReadText(WithHeader("X-Long: " + new string('a', SipLimits.MaxLine - 8) + "\r\n")));
            Assert.Equal(SipReadStatus.TooLarge, ReadText(WithHeader("X-Long: " + new string('a', SipLimits.MaxLine - 7) + "\r\n")));
        }

        [Fact]
        public void TooManyHeadersIsTooLarge()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < SipLimits.MaxHeaders - 7; i++) sb.Append("X-H: 1\r\n");
            Assert.Equal(SipReadStatus.Ok, ReadText(WithHeader(sb.ToString())));
            sb.Append("X-H: 1\r\n");
            Assert.Equal(SipReadStatus.TooLarge, ReadText(WithHeader(sb.ToString())));
        }

        [Fact]
        public void TooManyViaIsTooLarge_InOneLineOrMany()
        {
            var sb = new StringBuilder();
            for (int i = 1; i < SipLimits.MaxVia; i++) sb.Append("Via: SIP/2.0/UDP p" + i + ".example.com;branch=z9hG4bK" + i + "\r\n");
            Assert.Equal(SipReadStatus.Ok, ReadText(WithHeader(sb.ToString())));
            Assert.Equal(SipReadStatus.TooLarge, ReadText(WithHeader(sb + "v: SIP/2.0/UDP q.example.com;branch=z9hG4bKq\r\n")));
            string oneLine = "Via: " + string.Join(", ", System.Linq.Enumerable.Repeat("SIP/2.0/UDP q.example.com;branch=z9hG4bKq", SipLimits.MaxVia)) + "\r\n";
            Assert.Equal(SipReadStatus.TooLarge, ReadText(WithHeader(oneLine)));
        }

        [Fact]
        public void TooManyRecordRouteIsTooLarge()
        {
            string rr = "Record-Route: " + string.Join(",", System.Linq.Enumerable.Repeat("<sip:p.example.com;lr>", SipLimits.MaxRecordRoute)) + "\r\n";
            var r = new SipMessageReader();
            byte[] b = Encoding.ASCII.GetBytes(WithHeader(rr));
            Assert.Equal(SipReadStatus.Ok, r.Read(b, 0, b.Length));
            Assert.Equal(SipLimits.MaxRecordRoute, r.RecordRouteCount);
            Assert.Equal("<sip:p.example.com;lr>", r.RecordRoute(7));
            Assert.Equal(SipReadStatus.TooLarge, ReadText(WithHeader(rr + "Record-Route: <sip:q.example.com;lr>\r\n")));
        }

        [Fact]
        public void TruncatedMessagesAreTruncated()
        {
            Assert.Equal(SipReadStatus.Truncated, ReadText(Options.Substring(0, Options.Length - 2)));
            Assert.Equal(SipReadStatus.Truncated, ReadText("OPTIONS sip:a@b SIP/2.0"));
            Assert.Equal(SipReadStatus.Truncated, ReadText(Options.Replace("Content-Length: 0", "Content-Length: 5") + "abcd"));
            Assert.Equal(SipReadStatus.Ok, ReadText(Options.Replace("Content-Length: 0", "Content-Length: 5") + "abcde"));
            Assert.Equal(SipReadStatus.Truncated, ReadText(Options.Replace("Content-Length: 0", "Content-Length: 99999999999999999999")));
        }

        [Theory]
        [InlineData("Content-Length: -1", SipReadStatus.Malformed)]
        [InlineData("Content-Length: 1x", SipReadStatus.Malformed)]
        [InlineData("Content-Length: ", SipReadStatus.Malformed)]
        [InlineData("CSeq: -7 OPTIONS", SipReadStatus.Malformed)]
        [InlineData("CSeq: 2147483648 OPTIONS", SipReadStatus.Malformed)]
        [InlineData("CSeq: 99999999999999999999999 OPTIONS", SipReadStatus.Malformed)]
        [InlineData("CSeq: 7", SipReadStatus.Malformed)]
        [InlineData("Max-Forwards: 256", SipReadStatus.Malformed)]
        [InlineData("Max-Forwards: -1", SipReadStatus.Malformed)]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.20:65536;branch=z9hG4bKabc123", SipReadStatus.Malformed)]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.20:0;branch=z9hG4bKabc123", SipReadStatus.Malformed)]
        [InlineData("Via: SIP/2.0/UDP 192.0.2.20;rport=99999999999", SipReadStatus.Malformed)]
        [InlineData("Via: SIP/2.0/UDP", SipReadStatus.Malformed)]
        [InlineData("Via: SIP/2.0/UDP [::1", SipReadStatus.Malformed)]
        [InlineData("From: <sip:panel@example.com", SipReadStatus.Malformed)]
        [InlineData("From: \"unterminated <sip:panel@example.com>", SipReadStatus.Malformed)]
        [InlineData("Call-ID: a b", SipReadStatus.Malformed)]
        [InlineData("Call-ID: c\0@x", SipReadStatus.Malformed)]
        public void BadScalarsAndSyntaxAreMalformed(string replacement, SipReadStatus expected)
        {
            string name = replacement.Substring(0, replacement.IndexOf(':'));
            int at = Options.IndexOf(name + ":", System.StringComparison.Ordinal);
            int end = Options.IndexOf("\r\n", at, System.StringComparison.Ordinal);
            Assert.Equal(expected, ReadText(Options.Substring(0, at) + replacement + Options.Substring(end)));
        }

        [Fact]
        public void HugeExpiresStandsForTheDefault()
        {
            var r = new SipMessageReader();
            byte[] b = Encoding.ASCII.GetBytes(WithHeader("Expires: 99999999999999999999\r\n"));
            Assert.Equal(SipReadStatus.Ok, r.Read(b, 0, b.Length));
            Assert.Equal(3600, r.Expires);
            b = Encoding.ASCII.GetBytes(WithHeader("Expires: 4294967295\r\n"));
            Assert.Equal(SipReadStatus.Ok, r.Read(b, 0, b.Length));
            Assert.Equal(4294967295L, r.Expires);
        }

        [Theory]
        [InlineData("OPTIONS sip:a@b SIP/2.0\0")]
        [InlineData("OPT\0IONS sip:a@b SIP/2.0")]
        [InlineData("\0")]
        public void NulBytesAreMalformed(string startLine)
        {
            Assert.Equal(SipReadStatus.Malformed, ReadText(Options.Replace("OPTIONS sip:door@192.0.2.10 SIP/2.0", startLine)));
            Assert.Equal(SipReadStatus.Malformed, ReadText(WithHeader("X-Nul: a\0b\r\n")));
        }

        [Theory]
        [InlineData("SIP/2.0 99 Low")]
        [InlineData("SIP/2.0 700 High")]
        [InlineData("SIP/2.0 2000 OK")]
        [InlineData("SIP/2.0 20 OK")]
        [InlineData("SIP/2.0 -20 OK")]
        [InlineData("SIP/x.0 200 OK")]
        public void BadStatusLinesAreMalformed(string statusLine)
        {
            Assert.Equal(SipReadStatus.Malformed, ReadText(Options.Replace("OPTIONS sip:door@192.0.2.10 SIP/2.0", statusLine)));
        }

        [Fact]
        public void VersionsAndMissingHeaders()
        {
            Assert.Equal(SipReadStatus.UnsupportedVersion, ReadText(Options.Replace("SIP/2.0\r\nVia", "SIP/3.0\r\nVia")));
            Assert.Equal(SipReadStatus.UnsupportedVersion, ReadText(Options.Replace("OPTIONS sip:door@192.0.2.10 SIP/2.0", "SIP/1.0 200 OK")));
            Assert.Equal(SipReadStatus.Ok, ReadText(Options.Replace("SIP/2.0\r\nVia", "sip/2.0\r\nVia")));
            Assert.Equal(SipReadStatus.MissingHeader, ReadText(Options.Replace("Call-ID: c1@192.0.2.20\r\n", "")));
            Assert.Equal(SipReadStatus.MissingHeader, ReadText(Options.Replace("Via: SIP/2.0/UDP 192.0.2.20:5062;branch=z9hG4bKabc123;rport\r\n", "")));
            Assert.Equal(SipReadStatus.Empty, ReadText("\r\n\r\n"));
            Assert.Equal(SipReadStatus.Empty, ReadText(""));
            Assert.Equal(SipReadStatus.Malformed, ReadText(" \r\n"));
            Assert.Equal(SipReadStatus.Malformed, ReadText("OPTIONS sip:a@b SIP/2.0\r\n Via: x\r\n\r\n"));
        }

        [Fact]
        public void ArgumentsOutOfRangeAreCallerBugs()
        {
            var r = new SipMessageReader();
            Assert.Throws<System.ArgumentNullException>(() => r.Read(null!, 0, 0));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => r.Read(new byte[4], 2, 3));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => r.Read(new byte[4], -1, 1));
        }
    }
}
