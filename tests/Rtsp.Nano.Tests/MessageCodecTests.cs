using System.Text;
using NanoMikey.Rtsp.Message;

namespace NanoMikey.Rtsp.Tests
{
    public class MessageCodecTests
    {
        private static RtspRequestReader NewReader() => new RtspRequestReader(16, 256, 128, 512);

        private static byte[] Bytes(string s) => Encoding.ASCII.GetBytes(s);

        private static string Text(RtspRequestReader r, int offset, int length) => Encoding.ASCII.GetString(r.Buffer, offset, length);

        // What rtspsrc 1.22 sends (captured shape; ports vary).
        private const string Setup =
            "SETUP rtsp://127.0.0.1:8554/audio/stream=0 RTSP/1.0\r\n" +
            "CSeq: 3\r\n" +
            "Transport: RTP/SAVP;unicast;client_port=40000-40001,RTP/SAVP/TCP;unicast;interleaved=0-1\r\n" +
            "KeyMgmt: prot=mikey; uri=\"rtsp://127.0.0.1:8554/audio/stream=0\"; data=\"AQAFgA==\"\r\n" +
            "User-Agent: GStreamer/1.22.0\r\n" +
            "Session: 7A3F0C11;timeout=60\r\n" +
            "\r\n";

        [Fact]
        public void ReadsRequestLineHeadersCSeqAndSession()
        {
            var r = NewReader();
            byte[] b = Bytes("junk" + Setup + "OPTIONS");
            Assert.Equal(RtspReadStatus.Complete, r.Read(b, 4, b.Length - 4));
            Assert.Equal(RtspMethod.Setup, r.Method);
            Assert.Equal("rtsp://127.0.0.1:8554/audio/stream=0", Text(r, r.UriOffset, r.UriLength));
            Assert.True(r.UriEquals("xrtsp://127.0.0.1:8554/audio/stream=0", 1));
            Assert.Equal(3, r.CSeq);
            Assert.Equal("7A3F0C11", Text(r, r.SessionOffset, r.SessionLength));
            Assert.Equal(5, r.HeaderCount);
            int k = r.FindHeader("keymgmt");
            Assert.True(k >= 0);
            Assert.StartsWith("prot=mikey;", r.HeaderValueText(k));
            Assert.Equal(Setup.Length, r.Consumed);
            Assert.Equal(0, r.BodyLength);
            Assert.Equal(-1, r.FindHeader("Range"));
        }

        [Fact]
        public void EveryPrefixIsIncompleteUntilTheBodyEnds()
        {
            string req = "SET_PARAMETER rtsp://h/a RTSP/1.0\r\nCSeq: 9\r\nContent-Length: 5\r\n\r\nhello";
            byte[] b = Bytes(req);
            var r = NewReader();
            for (int n = 0; n < b.Length; n++) Assert.Equal(RtspReadStatus.Incomplete, r.Read(b, 0, n));
            Assert.Equal(RtspReadStatus.Complete, r.Read(b, 0, b.Length));
            Assert.Equal(RtspMethod.SetParameter, r.Method);
            Assert.Equal("hello", Text(r, r.BodyOffset, r.BodyLength));
            Assert.Equal(b.Length, r.Consumed);
        }

        [Fact]
        public void BareLineFeedsLeadingEmptyLinesAndFoldedHeadersAreRead()
        {
            byte[] b = Bytes("\r\n\nOPTIONS * RTSP/1.0\nCSeq: 1\nX-Long: a\n  b\n\n");
            var r = NewReader();
            Assert.Equal(RtspReadStatus.Complete, r.Read(b, 0, b.Length));
            Assert.Equal(RtspMethod.Options, r.Method);
            Assert.Equal(1, r.CSeq);
            Assert.Equal("a\n  b", r.HeaderValueText(r.FindHeader("x-long")));
            Assert.Equal(b.Length, r.Consumed);
        }

        [Fact]
        public void InterleavedFrameIsFramedByItsLength()
        {
            byte[] b = { (byte)'$', 1, 0, 3, 9, 8, 7, (byte)'O' };
            var r = NewReader();
            Assert.Equal(RtspReadStatus.Incomplete, r.Read(b, 0, 6));
            Assert.Equal(RtspReadStatus.InterleavedFrame, r.Read(b, 0, b.Length));
            Assert.Equal(1, r.Channel);
            Assert.Equal(4, r.BodyOffset);
            Assert.Equal(3, r.BodyLength);
            Assert.Equal(7, r.Consumed);
        }

        [Theory]
        [InlineData("FOO rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\n\r\n", RtspReadStatus.Complete)] // unknown method: Complete, Method Unknown
        [InlineData("options rtsp://h/a RTSP/1.0\r\nCSeq: 2\r\n\r\n", RtspReadStatus.Complete)] // case-sensitive: Unknown
        [InlineData("OPTIONS rtsp://h/a RTSP/2.0\r\nCSeq: 2\r\n\r\n", RtspReadStatus.VersionNotSupported)]
        [InlineData("OPTIONS rtsp://h/a HTTP/1.1\r\nCSeq: 2\r\n\r\n", RtspReadStatus.Malformed)]
        [InlineData("OPTIONS  RTSP/1.0\r\n\r\n", RtspReadStatus.Malformed)]
        [InlineData("OPTIONS rtsp://h/a RTSP/1.0\r\nNoColon\r\n\r\n", RtspReadStatus.Malformed)]
        [InlineData("OPTIONS rtsp://h/a RTSP/1.0\r\n: empty name\r\n\r\n", RtspReadStatus.Malformed)]
        [InlineData("OPTIONS rtsp://h/a RTSP/1.0\r\n folded first\r\n\r\n", RtspReadStatus.Malformed)]
        [InlineData("OPTIONS rtsp://h/a RTSP/1.0\r\nX: a\u0001b\r\n\r\n", RtspReadStatus.Malformed)]
        [InlineData("OPTIONS rtsp://h/a RTSP/1.0\r\nContent-Length: -1\r\n\r\n", RtspReadStatus.Malformed)]
        [InlineData("OPTIONS rtsp://h/a RTSP/1.0\r\nContent-Length: 513\r\n\r\n", RtspReadStatus.BodyTooLarge)]
        [InlineData("OPTIONS rtsp://h/a RTSP/1.0\r\nContent-Length: 99999999999\r\n\r\n", RtspReadStatus.BodyTooLarge)]
        public void StatusOfOddRequests(string request, RtspReadStatus expected)
        {
            byte[] b = Bytes(request);
            var r = NewReader();
            Assert.Equal(expected, r.Read(b, 0, b.Length));
            if (expected == RtspReadStatus.Complete) Assert.Equal(RtspMethod.Unknown, r.Method);
        }

        [Fact]
        public void MissingOrBadCSeqIsMinusOne()
        {
            var r = NewReader();
            byte[] b = Bytes("OPTIONS * RTSP/1.0\r\n\r\n");
            Assert.Equal(RtspReadStatus.Complete, r.Read(b, 0, b.Length));
            Assert.Equal(-1, r.CSeq);
            b = Bytes("OPTIONS * RTSP/1.0\r\nCSeq: 1x\r\n\r\n");
            Assert.Equal(RtspReadStatus.Complete, r.Read(b, 0, b.Length));
            Assert.Equal(-1, r.CSeq);
        }

        [Fact]
        public void LimitsGiveTheirStatusesEvenBeforeTheLineEnds()
        {
            var r = NewReader();
            string longUri = "rtsp://h/" + new string('a', 200);
            byte[] b = Bytes("DESCRIBE " + longUri + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            Assert.Equal(RtspReadStatus.UriTooLong, r.Read(b, 0, b.Length));
            Assert.Equal(RtspReadStatus.UriTooLong, r.Read(b, 0, 180)); // no line end yet: still known to be too long

            // A URI at the limit is fine.
            b = Bytes("DESCRIBE " + "rtsp://h/" + new string('a', 119) + " RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            Assert.Equal(RtspReadStatus.Complete, r.Read(b, 0, b.Length));

            // A header line of 256 bytes is fine, 257 is not (with CRLF or LF).
            string ok = "X: " + new string('v', 253);
            b = Bytes("OPTIONS * RTSP/1.0\r\n" + ok + "\r\n\r\n");
            Assert.Equal(RtspReadStatus.Complete, r.Read(b, 0, b.Length));
            b = Bytes("OPTIONS * RTSP/1.0\n" + ok + "\n\n");
            Assert.Equal(RtspReadStatus.Complete, r.Read(b, 0, b.Length));
            b = Bytes("OPTIONS * RTSP/1.0\r\n" + ok + "v\r\n\r\n");
            Assert.Equal(RtspReadStatus.HeadersTooLarge, r.Read(b, 0, b.Length));
            b = Bytes("OPTIONS * RTSP/1.0\n" + ok + "v\n\n");
            Assert.Equal(RtspReadStatus.HeadersTooLarge, r.Read(b, 0, b.Length));
            b = Bytes("OPTIONS * RTSP/1.0\r\n" + ok + "vvvvvvvvvv");
            Assert.Equal(RtspReadStatus.HeadersTooLarge, r.Read(b, 0, b.Length)); // no line end, already too long

            var sb = new StringBuilder("OPTIONS * RTSP/1.0\r\n");
            for (int i = 0; i < 17; i++) sb.Append("H" + i + ": x\r\n");
            b = Bytes(sb + "\r\n");
            Assert.Equal(RtspReadStatus.HeadersTooLarge, r.Read(b, 0, b.Length));
        }

        [Fact]
        public void ReadingAllocatesNothing()
        {
            var r = NewReader();
            byte[] b = Bytes(Setup);
            var t = new RtspTransport();
            r.Read(b, 0, b.Length);
            int complete = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                if (r.Read(b, 0, b.Length) == RtspReadStatus.Complete) complete++;
                int h = r.FindHeader(RtspHeaderName.Transport);
                t.Parse(b, r.HeaderValueOffset(h), r.HeaderValueLength(h));
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(100, complete);
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void WritesResponseWithHeadersAndBody()
        {
            var w = new RtspMessageWriter();
            byte[] buf = new byte[256];
            byte[] body = Bytes("v=0\r\n");
            w.StartResponse(buf, 10, 200, RtspStatusCode.Ok, 7);
            w.Header(RtspHeaderName.ContentType, "application/sdp");
            w.BeginHeader(RtspHeaderName.Session);
            w.AppendHex32(0x00ABCDEF);
            w.Append(";timeout=");
            w.AppendDecimal(60);
            w.EndHeader();
            int n = w.Finish(body, 0, body.Length);
            Assert.Equal(
                "RTSP/1.0 200 OK\r\nCSeq: 7\r\nContent-Type: application/sdp\r\nSession: 00ABCDEF;timeout=60\r\nContent-Length: 5\r\n\r\nv=0\r\n",
                Encoding.ASCII.GetString(buf, 10, n));
        }

        [Fact]
        public void WritesRequestsAndStatusLinesWithReasonPhrases()
        {
            var w = new RtspMessageWriter();
            byte[] buf = new byte[128];
            w.StartRequest(buf, 0, buf.Length, RtspMethod.GetParameter, "rtsp://h/a", 12);
            int n = w.Finish(null, 0, 0);
            Assert.Equal("GET_PARAMETER rtsp://h/a RTSP/1.0\r\nCSeq: 12\r\n\r\n", Encoding.ASCII.GetString(buf, 0, n));
            w.StartResponse(buf, 0, buf.Length, RtspStatusCode.SessionNotFound, -1);
            n = w.Finish(null, 0, 0);
            Assert.Equal("RTSP/1.0 454 Session Not Found\r\n\r\n", Encoding.ASCII.GetString(buf, 0, n));
            // The reader reads what the writer writes.
            w.StartRequest(buf, 0, buf.Length, RtspMethod.Teardown, "rtsp://h/a", 3);
            n = w.Finish(null, 0, 0);
            var r = NewReader();
            Assert.Equal(RtspReadStatus.Complete, r.Read(buf, 0, n));
            Assert.Equal(RtspMethod.Teardown, r.Method);
            Assert.Equal(3, r.CSeq);
        }

        [Fact]
        public void WriterOverflowIsReportedNotThrown()
        {
            var w = new RtspMessageWriter();
            byte[] buf = new byte[40];
            w.StartResponse(buf, 0, 30, RtspStatusCode.Ok, 1);
            w.Header(RtspHeaderName.Server, "nanoMikey");
            Assert.True(w.Overflow);
            Assert.Equal(-1, w.Finish(null, 0, 0));
            Assert.Equal(0, buf[30]); // nothing written past the capacity
        }

        [Fact]
        public void ParsesTheSpecsOfATransportListInOrder()
        {
            byte[] b = Bytes("RTP/SAVP;unicast;client_port=40000-40001;mode=\"PLAY\", RTP/SAVP/TCP;unicast;interleaved=0-1;ssrc=0000BEEF, RTP/AVP/UDP;multicast;ttl=3, RAW/RAW/UDP;x");
            var t = new RtspTransport();
            Assert.True(t.Parse(b, 0, b.Length));
            Assert.Equal(RtspTransportProfile.Savp, t.Profile);
            Assert.Equal(RtspLowerTransport.Udp, t.LowerTransport);
            Assert.Equal(40000, t.ClientRtpPort);
            Assert.Equal(40001, t.ClientRtcpPort);
            Assert.False(t.IsRecord);
            Assert.True(t.Parse(b, t.NextOffset, b.Length - t.NextOffset));
            Assert.Equal(RtspLowerTransport.Tcp, t.LowerTransport);
            Assert.Equal(0, t.InterleavedRtp);
            Assert.Equal(1, t.InterleavedRtcp);
            Assert.True(t.HasSsrc);
            Assert.Equal(0xBEEFu, t.Ssrc);
            Assert.Equal(-1, t.ClientRtpPort);
            Assert.True(t.Parse(b, t.NextOffset, b.Length - t.NextOffset));
            Assert.Equal(RtspTransportProfile.Avp, t.Profile);
            Assert.True(t.IsMulticast);
            Assert.True(t.Parse(b, t.NextOffset, b.Length - t.NextOffset));
            Assert.Equal(RtspTransportProfile.Unknown, t.Profile);
            Assert.Equal(b.Length, t.NextOffset);
        }

        [Theory]
        [InlineData("RTP/SAVP;client_port=abc")]
        [InlineData("RTP/SAVP;client_port=70000-70001")]
        [InlineData("RTP/SAVP;client_port=0-1")]
        [InlineData("RTP/SAVP;client_port")]
        [InlineData("RTP/SAVP/TCP;interleaved=256-257")]
        [InlineData("RTP/SAVP;ssrc=123456789")]
        [InlineData("RTP/SAVP;ssrc=xyz")]
        [InlineData("RTP/SAVP;mode=teardown")]
        public void MalformedKnownParametersFail(string spec)
        {
            byte[] b = Bytes(spec);
            Assert.False(new RtspTransport().Parse(b, 0, b.Length));
        }

        [Fact]
        public void TransportRoundTripsThroughTheWriter()
        {
            var t = new RtspTransport();
            t.Clear();
            t.Profile = RtspTransportProfile.Savp;
            t.LowerTransport = RtspLowerTransport.Tcp;
            t.InterleavedRtp = 2;
            t.InterleavedRtcp = 3;
            t.HasSsrc = true;
            t.Ssrc = 0x0102A0B0;
            t.IsRecord = true;
            var w = new RtspMessageWriter();
            byte[] buf = new byte[128];
            w.StartResponse(buf, 0, buf.Length, RtspStatusCode.Ok, -1);
            w.BeginHeader(RtspHeaderName.Transport);
            int valueStart = w.Length;
            t.AppendTo(w);
            int valueEnd = w.Length;
            w.EndHeader();
            Assert.Equal("RTP/SAVP/TCP;unicast;interleaved=2-3;ssrc=0102A0B0;mode=record", Encoding.ASCII.GetString(buf, valueStart, valueEnd - valueStart));
            var u = new RtspTransport();
            Assert.True(u.Parse(buf, valueStart, valueEnd - valueStart));
            Assert.Equal(RtspLowerTransport.Tcp, u.LowerTransport);
            Assert.Equal(2, u.InterleavedRtp);
            Assert.Equal(3, u.InterleavedRtcp);
            Assert.Equal(0x0102A0B0u, u.Ssrc);
            Assert.True(u.IsRecord);
        }

        [Fact]
        public void BlankContinuationLines_NeverGiveAHeaderANegativeLength()
        {
            // Found by fuzzing (tests/Fuzz/regressions/rtsp-request): a header with an empty value followed by a blank
            // continuation line ("CSeq:" CRLF SP CRLF) got a value length of -2, so its text and number readers ran backwards.
            var r = NewReader();
            byte[] b = Bytes("OPTIONS * RTSP/1.0\r\nCSeq:\r\n \r\nX-A: a\r\n\t\r\nX-B:\n\t\n  b c \r\n\r\n");
            Assert.Equal(RtspReadStatus.Complete, r.Read(b, 0, b.Length));
            Assert.Equal(3, r.HeaderCount);
            for (int i = 0; i < r.HeaderCount; i++)
            {
                Assert.InRange(r.HeaderValueLength(i), 0, b.Length);
                Assert.InRange(r.HeaderValueOffset(i) + r.HeaderValueLength(i), 0, b.Length);
            }

            Assert.Equal("", r.HeaderValueText(0));
            Assert.Equal("a", r.HeaderValueText(1));
            Assert.Equal("b c", r.HeaderValueText(2));
        }
    }
}
