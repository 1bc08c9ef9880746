using System.IO;
using System.Text;
using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.Tests.Message
{
    /// <summary>The writer, its response template (RFC 3261 §8.2.6.2) and a write → read round trip.</summary>
    public class WriterTests
    {
        private static string Text(SipMessageWriter w) => Encoding.Latin1.GetString(w.Buffer, w.Offset, w.Length);

        [Fact]
        public void RequestRoundTrip()
        {
            var w = new SipMessageWriter(SipLimits.MaxDatagram);
            w.StartRequest(SipMethod.Invite, "sip:door@example.com");
            w.Header(SipHeaderName.Via, "SIP/2.0/UDP 127.0.0.1:19100;branch=z9hG4bKx1;rport");
            w.HeaderUInt(SipHeaderName.MaxForwards, 70);
            w.Header(SipHeaderName.From, "\"Panel\" <sip:panel@example.com>;tag=ft");
            w.Header(SipHeaderName.To, "<sip:door@example.com>");
            w.Header(SipHeaderName.CallId, "call-1@127.0.0.1");
            w.HeaderCSeq(4711, SipMethod.Invite);
            w.Header(SipHeaderName.Contact, "<sip:panel@127.0.0.1:19100>;expires=60");
            string sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/SAVP 0\r\n";
            int n = w.Body("application/sdp", sdp);
            Assert.False(w.Failed);
            Assert.Equal(n, w.Length);

            var r = new SipMessageReader();
            Assert.Equal(SipReadStatus.Ok, r.Read(w.Buffer, w.Offset, n));
            Assert.Equal(SipMethod.Invite, r.Method);
            Assert.Equal("sip:door@example.com", r.RequestUri);
            Assert.Equal("z9hG4bKx1", r.TopViaBranch);
            Assert.True(r.TopViaBranchEquals("z9hG4bKx1"));
            Assert.False(r.TopViaBranchEquals("z9hG4bKx2"));
            Assert.Equal(19100, r.TopViaPort);
            Assert.Equal("127.0.0.1", r.TopViaHost);
            Assert.Equal(0, r.TopViaRPort);
            Assert.Equal("ft", r.FromTag);
            Assert.Equal("call-1@127.0.0.1", r.CallId);
            Assert.Equal(4711u, r.CSeq);
            Assert.Equal("sip:panel@127.0.0.1:19100", r.ContactUri);
            Assert.Equal(60, r.ContactExpires);
            Assert.Equal(sdp, r.Body);
            Assert.Equal("application/sdp", r.ContentType);
        }

        [Fact]
        public void ResponseTemplateCopiesViaFromToCallIdCSeqAndAddsTheToTag()
        {
            byte[] inv = File.ReadAllBytes(TestData.VectorPath("sip", "rfc4475", "wsinv.dat"));
            var req = new SipMessageReader();
            Assert.Equal(SipReadStatus.Ok, req.Read(inv, 0, inv.Length));
            var w = new SipMessageWriter(2048);
            byte[] b = Encoding.ASCII.GetBytes(HostileInputTests.Options.Replace("To: <sip:door@example.com>", "To: <sip:door@example.com>\r\nRecord-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>"));
            var opt = new SipMessageReader();
            Assert.Equal(SipReadStatus.Ok, opt.Read(b, 0, b.Length));

            SipResponseTemplate.Write(w, opt, 200, "OK", "tt1");
            SipResponseTemplate.WriteRecordRoute(w, opt);
            int n = w.EndNoBody();
            Assert.True(n > 0);
            var r = new SipMessageReader();
            Assert.Equal(SipReadStatus.Ok, r.Read(w.Buffer, 0, n));
            Assert.Equal(200, r.StatusCode);
            Assert.Equal("tt1", r.ToTag);
            Assert.Equal(opt.FromTag, r.FromTag);
            Assert.Equal(opt.CallId, r.CallId);
            Assert.Equal(opt.CSeq, r.CSeq);
            Assert.Equal(SipMethod.Options, r.CSeqMethod);
            Assert.Equal("z9hG4bKabc123", r.TopViaBranch);
            Assert.Equal(2, r.RecordRouteCount);
            Assert.Equal("<sip:p2.example.com;lr>", r.RecordRoute(1));

            // The tortuous INVITE: three Via values (two from one line) come back as three lines in order; its To-tag stays.
            SipResponseTemplate.Write(w, req, 486, "Busy Here", "ignored");
            n = w.EndNoBody();
            Assert.Equal(SipReadStatus.Ok, r.Read(w.Buffer, 0, n));
            Assert.Equal(3, r.ViaCount);
            Assert.Equal("390skdjuw", r.TopViaBranch);
            Assert.Equal("1918181833n", r.ToTag);
            Assert.Equal(9u, r.CSeq);
            Assert.Equal(SipMethod.Invite, r.CSeqMethod);
            Assert.Equal(req.ViaHeaderValue(2), r.ViaHeaderValue(2));
        }

        [Fact]
        public void OverflowSetsFailedAndNeverWritesPastTheCapacity()
        {
            byte[] b = new byte[64];
            var w = new SipMessageWriter(b, 10, 40);
            w.StartRequest(SipMethod.Options, "sip:a@example.com");
            Assert.False(w.Failed);
            w.Header("X-Long", new string('a', 40));
            Assert.True(w.Failed);
            Assert.Equal(0, w.Length);
            Assert.Equal(-1, w.EndNoBody());
            for (int i = 50; i < 64; i++) Assert.Equal(0, b[i]);
            for (int i = 0; i < 10; i++) Assert.Equal(0, b[i]);
            w.StartResponse(100, "Trying");
            Assert.False(w.Failed);
            Assert.Equal("SIP/2.0 100 Trying\r\n", Text(w));
        }

        [Fact]
        public void SipUriParts()
        {
            var u = new SipUri();
            Assert.True(u.Parse("<sip:alice:secret@[2001:db8::1]:5070;transport=udp;lr?subject=x>"));
            Assert.Equal("alice", u.User);
            Assert.Equal("[2001:db8::1]", u.Host);
            Assert.Equal(5070, u.Port);
            Assert.Equal("udp", u.Transport);
            Assert.True(u.LooseRouting);
            Assert.True(u.Parse("SIPS:p1.example.com;LR"));
            Assert.True(u.IsSecure);
            Assert.Null(u.User);
            Assert.True(u.LooseRouting);
            Assert.Equal(0, u.Port);
            Assert.False(u.Parse("tel:+1234"));
            Assert.False(u.Parse("sip:a@host:99999"));
            Assert.False(u.Parse("sip:a@host:0"));
            Assert.False(u.Parse("sip:@host"));
            Assert.False(u.Parse("sip:a@"));
            Assert.False(u.Parse("sip:a@ho st"));
            Assert.False(u.Parse("sip:a@[::1"));
            Assert.Equal(string.Empty, u.Host);
        }
    }
}
