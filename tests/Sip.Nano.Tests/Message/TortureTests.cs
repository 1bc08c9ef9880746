using System.IO;
using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.Tests.Message
{
    /// <summary>RFC 4475 torture messages (tests/vectors/sip/rfc4475, the RFC's bit-exact archive).</summary>
    public class TortureTests
    {
        internal static byte[] Load(string name) => File.ReadAllBytes(TestData.VectorPath("sip", "rfc4475", name + ".dat"));

        private static SipMessageReader Read(string name, SipReadStatus expected)
        {
            var r = new SipMessageReader();
            byte[] b = Load(name);
            Assert.Equal(expected, r.Read(b, 0, b.Length));
            return r;
        }

        [Fact]
        public void ShortTortuousInvite_3_1_1_1()
        {
            var r = Read("wsinv", SipReadStatus.Ok);
            Assert.True(r.IsRequest);
            Assert.Equal(SipMethod.Invite, r.Method);
            Assert.Equal("sip:vivekg@chair-dnrc.example.com;unknownparam", r.RequestUri);

            // Folded To with spaces around '=' of the tag; From folded over three lines.
            Assert.Equal("sip:vivekg@chair-dnrc.example.com", r.ToUri);
            Assert.Equal("1918181833n", r.ToTag);
            Assert.Equal("sip:jdrosen@example.com", r.FromUri);
            Assert.Equal("98asjd8", r.FromTag);
            Assert.Equal(68, r.MaxForwards);
            Assert.Equal("wsinv.ndaksdj@192.0.2.1", r.CallId);

            // cseq: 0009 folded onto INVITE.
            Assert.Equal(9u, r.CSeq);
            Assert.Equal(SipMethod.Invite, r.CSeqMethod);

            // Three Via values: one folded "Via" line and a compact "v" line carrying two, comma-separated.
            Assert.Equal(3, r.ViaCount);
            Assert.Equal("390skdjuw", r.TopViaBranch);
            Assert.Equal("UDP", r.TopViaTransport);
            Assert.Equal("192.0.2.2", r.TopViaHost);
            Assert.Equal(0, r.TopViaPort);
            Assert.False(r.TopViaHasCookie);
            Assert.Contains("z9hG4bK9ikj8", r.ViaHeaderValue(1));
            Assert.Contains("z9hG4bK30239", r.ViaHeaderValue(2));
            Assert.Contains("spindle.example.com", r.ViaHeaderValue(1));

            // Compact m (Contact) with a quoted display name holding escaped quotes.
            Assert.Equal("sip:jdrosen@example.com", r.ContactUri);
            Assert.Equal(";;,,;;,;", r.HeaderValue("UnknownHeaderWithUnusualValue"));
            Assert.Equal("", r.HeaderValue("Subject"));
            Assert.Equal("", r.HeaderValue("s"));
            Assert.Equal("application/sdp", r.ContentType);
            Assert.Equal(150, r.BodyLength);
            Assert.StartsWith("v=0\r\n", r.Body);
            Assert.True(r.HasHeader("newfangledheader"));
            Assert.Equal("newfangled value   continued newfangled value", r.HeaderValue("NewFangledHeader"));
        }

        [Fact]
        public void WideRangeOfValidCharacters_3_1_1_2()
        {
            var r = Read("intmeth", SipReadStatus.Ok);
            Assert.Equal(SipMethod.Other, r.Method);
            Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", r.MethodText);
            Assert.Equal(SipMethod.Other, r.CSeqMethod);
            Assert.Equal(139122385u, r.CSeq);
        }

        [Fact]
        public void EscapesInUris_3_1_1_3_to_3_1_1_5()
        {
            var r = Read("esc01", SipReadStatus.Ok);
            Assert.Equal("sip:sips%3Auser%40example.com@example.net", r.RequestUri);
            r = Read("escnull", SipReadStatus.Ok);
            Assert.Equal("sip:null-%00-null@example.com", r.ToUri);
            Assert.Equal("sip:%00@host5.example.com", r.ContactUri);
            Assert.Equal(0, r.BodyLength);
            // §3.1.1.5: "RE%47IST%45R" is an unknown method (escapes do not apply to methods), not REGISTER.
            r = Read("esc02", SipReadStatus.Ok);
            Assert.Equal(SipMethod.Other, r.Method);
            Assert.Equal("RE%47IST%45R", r.MethodText);
        }

        [Fact]
        public void NoSpaceBeforeAngleBracket_3_1_1_6()
        {
            var r = Read("lwsdisp", SipReadStatus.Ok);
            Assert.Equal("sip:caller@example.com", r.FromUri);
            Assert.Equal("323", r.FromTag);
        }

        [Fact]
        public void LongValues_3_1_1_7()
        {
            // 34 Via values exceed the device's bound of 8 (SipLimits.MaxVia): a status, not a crash.
            Read("longreq", SipReadStatus.TooLarge);

            // With its Via list cut to the last 8 the long values themselves read fine.
            string text = System.Text.Encoding.Latin1.GetString(Load("longreq"));
            string[] lines = text.Split("\r\n");
            var kept = new System.Collections.Generic.List<string>();
            int vias = 0;
            for (int i = lines.Length - 1; i >= 0; i--)
            {
                bool via = lines[i].StartsWith("v", System.StringComparison.OrdinalIgnoreCase) && lines[i].Contains("SIP/2.0/TCP sip");
                if (via && ++vias > 7) continue;
                kept.Insert(0, lines[i]);
            }

            byte[] b = System.Text.Encoding.Latin1.GetBytes(string.Join("\r\n", kept));
            var r = new SipMessageReader();
            Assert.Equal(SipReadStatus.Ok, r.Read(b, 0, b.Length));
            Assert.StartsWith("longreq.onereallyreallyreally", r.CallId);
            Assert.Equal(3882340u, r.CSeq);
            Assert.Equal(8, r.ViaCount);
            Assert.Contains("received=192.0.2.5;branch=verylong", r.ViaHeaderValue(7));
            Assert.StartsWith("sip:amazinglylongcallername", r.ContactUri);
            Assert.Equal(150, r.BodyLength);
        }

        [Fact]
        public void ExtraTrailingOctetsInDatagramAreIgnored_3_1_1_8()
        {
            var r = Read("dblreq", SipReadStatus.Ok);
            Assert.Equal(SipMethod.Register, r.Method);
            Assert.Equal(0, r.BodyLength);
            Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", r.CallId);
        }

        [Fact]
        public void OtherValidMessages_3_1_1_9_to_3_1_1_13()
        {
            var r = Read("semiuri", SipReadStatus.Ok);
            Assert.Equal("sip:user;par=u%40example.net@example.com", r.RequestUri);
            var uri = new SipUri();
            Assert.True(uri.Parse(r.RequestUri!));
            Assert.Equal("user;par=u%40example.net", uri.User);
            Assert.Equal("example.com", uri.Host);

            r = Read("transports", SipReadStatus.Ok);
            Assert.Equal(5, r.ViaCount);
            Assert.Equal("UDP", r.TopViaTransport);

            r = Read("mpart01", SipReadStatus.Ok);
            Assert.StartsWith("multipart/mixed", r.ContentType);

            r = Read("unreason", SipReadStatus.Ok);
            Assert.False(r.IsRequest);
            Assert.Equal(200, r.StatusCode);
            Assert.StartsWith("= 2**3 * 5**2", r.ReasonPhrase);

            r = Read("noreason", SipReadStatus.Ok);
            Assert.Equal(100, r.StatusCode);
            Assert.Equal("", r.ReasonPhrase);
        }

        [Theory]
        [InlineData("badinv01", SipReadStatus.Malformed)] // §3.1.2.1 empty Via values and parameters
        [InlineData("clerr", SipReadStatus.Truncated)] // §3.1.2.2 Content-Length larger than the message
        [InlineData("ncl", SipReadStatus.Malformed)] // §3.1.2.3 negative Content-Length
        [InlineData("scalar02", SipReadStatus.Malformed)] // §3.1.2.4 CSeq beyond 2^31, Max-Forwards 300
        [InlineData("scalarlg", SipReadStatus.Malformed)] // §3.1.2.5 response CSeq beyond 2^31
        [InlineData("quotbal", SipReadStatus.Malformed)] // §3.1.2.6 unterminated quote
        [InlineData("ltgtruri", SipReadStatus.Malformed)] // §3.1.2.7 <> around the Request-URI
        [InlineData("lwsruri", SipReadStatus.Malformed)] // §3.1.2.8 LWS inside the Request-URI
        [InlineData("lwsstart", SipReadStatus.Malformed)] // §3.1.2.9 several SP in the request line
        [InlineData("trws", SipReadStatus.Malformed)] // §3.1.2.10 SP at the end of the request line
        [InlineData("escruri", SipReadStatus.Malformed)] // §3.1.2.11 headers in the Request-URI
        [InlineData("regbadct", SipReadStatus.Malformed)] // §3.1.2.13 addr-spec that needed <>
        [InlineData("badaspec", SipReadStatus.Malformed)] // §3.1.2.14 spaces inside <>
        [InlineData("baddn", SipReadStatus.Malformed)] // §3.1.2.15 comma in an unquoted display name
        [InlineData("badvers", SipReadStatus.UnsupportedVersion)] // §3.1.2.16 SIP/7.0
        [InlineData("mismatch01", SipReadStatus.Malformed)] // §3.1.2.17 CSeq method differs from the request's
        [InlineData("mismatch02", SipReadStatus.Malformed)] // §3.1.2.18 the same with an unknown method
        [InlineData("bigcode", SipReadStatus.Malformed)] // §3.1.2.19 status code 4294967301
        [InlineData("insuf", SipReadStatus.MissingHeader)] // §3.3.1 no Call-ID, From, To
        [InlineData("multi01", SipReadStatus.Malformed)] // §3.3.8 two CSeq, Call-ID, From, To
        [InlineData("mcl01", SipReadStatus.Malformed)] // §3.3.9 two Content-Length values
        public void InvalidMessagesGiveAStatus(string name, SipReadStatus expected)
        {
            Read(name, expected);
        }

        [Theory]
        [InlineData("baddate")] // §3.1.2.12: acceptable when Date does not matter to the element
        [InlineData("badbranch")] // §3.2.1: a branch of the bare cookie parses; matching falls back on it
        [InlineData("unkscm")] // §3.3.2: the UA answers 416
        [InlineData("novelsc")]
        [InlineData("unksm2")]
        [InlineData("bext01")]
        [InlineData("invut")]
        [InlineData("regaut01")]
        [InlineData("bcast")]
        [InlineData("zeromf")]
        [InlineData("cparam01")]
        [InlineData("cparam02")]
        [InlineData("regescrt")]
        [InlineData("sdp01")]
        [InlineData("inv2543")]
        public void SemanticTestsParse(string name)
        {
            Read(name, SipReadStatus.Ok);
        }

        [Fact]
        public void ContactParametersAndZeroMaxForwards()
        {
            var r = Read("zeromf", SipReadStatus.Ok);
            Assert.Equal(0, r.MaxForwards);
            r = Read("cparam01", SipReadStatus.Ok);
            Assert.Equal(SipMethod.Register, r.Method);
            // §3.3.12: unknownparam of an addr-spec Contact is a header parameter, not a URI parameter.
            Assert.Equal("sip:+19725552222@gw1.example.net", r.ContactUri);
        }

        [Fact]
        public void EveryVectorReadsWithoutThrowingAtEveryLength()
        {
            // Truncated at each byte: always a status (Truncated, Malformed, ... or Ok for a prefix that is whole).
            var r = new SipMessageReader();
            foreach (string path in Directory.GetFiles(Path.GetDirectoryName(TestData.VectorPath("sip", "rfc4475", "wsinv.dat"))!))
            {
                byte[] all = File.ReadAllBytes(path);
                for (int n = 0; n <= all.Length; n++)
                {
                    byte[] b = new byte[n];
                    System.Array.Copy(all, b, n);
                    r.Read(b, 0, n);
                }
            }
        }
    }
}
