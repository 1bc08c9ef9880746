using System.Text;
using NanoMikey.Rtsp.Client;
using NanoMikey.Rtsp.Message;

namespace NanoMikey.Rtsp.Tests
{
    /// <summary>The client's RTSP response reader on answers GStreamer 1.22's gst-rtsp-server gave (captured on the wire).</summary>
    public class ClientResponseReaderTests
    {
        // gst-rtsp-server's ANNOUNCE answer (RECORD): the server's key in KeyMgmt, no Session yet.
        private const string AnnounceAnswer = "RTSP/1.0 200 OK\r\nCSeq: 2\r\n"
            + "KeyMgmt: prot=mikey;uri=\"rtsp://127.0.0.1:18555/test/stream=0\";data=\"AQAFANPqUigBAACzWixvAAAAAAsA7rbjhvfRiPQKEHmPQQj8LZPXp+eebMBx5FcBAAAAFQABAQEBEAIBAQMBCgcBAQgBAQoBAQAAACIAIAAeZaXePkoigHKa6E3uepE36xzXOa7oSbIyqmhKIGZiAA==\"\r\n"
            + "Server: GStreamer RTSP server\r\nDate: Sun, 29 Nov 2026 17:46:46 GMT\r\n\r\n";

        // Its SETUP answer in PLAY mode.
        private const string SetupAnswer = "RTSP/1.0 200 OK\r\nCSeq: 3\r\n"
            + "Transport: RTP/SAVP;unicast;client_port=56138-56139;server_port=49548-49549;ssrc=881148B3;mode=\"PLAY\"\r\n"
            + "Server: GStreamer RTSP server\r\nSession: fUgnyWAL3kdcmO_Y;timeout=60\r\nDate: Sun, 29 Nov 2026 17:46:58 GMT\r\n\r\n";

        private const string DescribeHead = "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\nContent-Base: rtsp://127.0.0.1:18554/test/\r\n";

        private static byte[] B(string s) => Encoding.ASCII.GetBytes(s);

        [Fact]
        public void GStreamerAnnounceAnswerGivesItsKeyMgmt()
        {
            byte[] b = B(AnnounceAnswer);
            var r = new RtspResponseReader();
            Assert.Equal(RtspResponseStatus.Complete, r.Read(b, 0, b.Length, 4096));
            Assert.Equal(200, r.StatusCode);
            Assert.Equal(2, r.CSeq);
            Assert.Equal(b.Length, r.MessageLength);
            Assert.Equal(0, r.BodyLength);
            Assert.Equal(0, r.SessionLength);
            Assert.StartsWith("prot=mikey;uri=", r.Text(r.KeyMgmtOffset, r.KeyMgmtLength));
            Assert.EndsWith("AA==\"", r.Text(r.KeyMgmtOffset, r.KeyMgmtLength));
        }

        [Fact]
        public void GStreamerSetupAnswerGivesSessionTimeoutPortsAndSsrc()
        {
            byte[] b = B(SetupAnswer);
            var r = new RtspResponseReader();
            Assert.Equal(RtspResponseStatus.Complete, r.Read(b, 0, b.Length, 4096));
            Assert.True(r.TextEquals(r.SessionOffset, r.SessionLength, "fUgnyWAL3kdcmO_Y"));
            Assert.Equal(60, r.SessionTimeoutSeconds);
            var t = new RtspTransport();
            Assert.True(t.Parse(b, r.TransportOffset, r.TransportLength));
            Assert.Equal(RtspTransportProfile.Savp, t.Profile);
            Assert.Equal(49548, t.ServerRtpPort);
            Assert.Equal(49549, t.ServerRtcpPort);
            Assert.True(t.HasSsrc);
            Assert.Equal(0x881148B3u, t.Ssrc);
        }

        [Fact]
        public void EveryPrefixIsIncompleteAndTheWholeIsComplete()
        {
            string sdp = "v=0\r\nm=audio 0 RTP/SAVP 0\r\na=control:stream=0\r\n";
            byte[] b = B(DescribeHead + "Content-Length: " + sdp.Length + "\r\n\r\n" + sdp + "RTSP/1.0 200 OK\r\nCSeq: 3\r\n\r\n");
            int first = b.Length - "RTSP/1.0 200 OK\r\nCSeq: 3\r\n\r\n".Length;
            var r = new RtspResponseReader();
            for (int n = 0; n < first; n++) Assert.Equal(RtspResponseStatus.Incomplete, r.Read(b, 0, n, 4096));
            // A second answer behind the first (pipelined) does not disturb it.
            Assert.Equal(RtspResponseStatus.Complete, r.Read(b, 0, b.Length, 4096));
            Assert.Equal(first, r.MessageLength);
            Assert.Equal(sdp, r.Text(r.BodyOffset, r.BodyLength));
            Assert.True(r.TextEquals(r.ContentBaseOffset, r.ContentBaseLength, "rtsp://127.0.0.1:18554/test/"));
            Assert.Equal(RtspResponseStatus.Complete, r.Read(b, first, b.Length - first, 4096));
            Assert.Equal(3, r.CSeq);
        }

        [Fact]
        public void LineFeedsAloneLowerCaseNamesAndFoldedValuesAreRead()
        {
            byte[] b = B("RTSP/1.0 200 OK\ncseq: 7\nkeymgmt: prot=mikey;\n data=\"AAAA\"\nSESSION: x1\n\n");
            var r = new RtspResponseReader();
            Assert.Equal(RtspResponseStatus.Complete, r.Read(b, 0, b.Length, 4096));
            Assert.Equal(7, r.CSeq);
            Assert.Equal("prot=mikey;\n data=\"AAAA\"", r.Text(r.KeyMgmtOffset, r.KeyMgmtLength));
            Assert.True(r.TextEquals(r.SessionOffset, r.SessionLength, "x1"));
        }

        [Theory]
        [InlineData("RTSP/1.0 200 OK\r\nCSeq: 1\r\nCSeq: 2\r\n\r\n")] // two CSeqs
        [InlineData("RTSP/1.0 200 OK\r\nCSeq: 1\r\nSession: ;timeout=5\r\n\r\n")] // empty session id
        [InlineData("RTSP/1.0 200 OK\r\nCSeq: 1\r\nSession: a;timeout=x\r\n\r\n")] // bad timeout
        [InlineData("RTSP/1.0 200 OK\r\nCSeq: 1\r\n: no name\r\n\r\n")]
        [InlineData("RTSP/1.0 099 OK\r\nCSeq: 1\r\n\r\n")]
        [InlineData("RTSP/1.0 200OK\r\nCSeq: 1\r\n\r\n")]
        [InlineData("RTSP/1.0 200 OK\r\nCSeq: 1\r\nX: a\u007fb\r\n\r\n")]
        public void MalformedAnswersAreMalformed(string text)
        {
            byte[] b = B(text);
            Assert.Equal(RtspResponseStatus.Malformed, new RtspResponseReader().Read(b, 0, b.Length, 4096));
        }

        [Fact]
        public void TooLargeIsReportedFromTheHeadersAlone()
        {
            byte[] b = B("RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 99999999999\r\n\r\n");
            Assert.Equal(RtspResponseStatus.TooLarge, new RtspResponseReader().Read(b, 0, b.Length, 4096));
            b = B("RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 4000\r\n\r\n");
            Assert.Equal(RtspResponseStatus.TooLarge, new RtspResponseReader().Read(b, 0, b.Length, 4000));
            byte[] full = new byte[64];
            B("RTSP/1.0 200 OK\r\nCSeq: 1\r\nX: ").CopyTo(full, 0);
            Assert.Equal(RtspResponseStatus.TooLarge, new RtspResponseReader().Read(full, 0, full.Length, 64));
        }
    }
}
