using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Rtsp.Tests.Server
{
    /// <summary>Session state across requests on one connection (ports 18770-18799 belong to this class).</summary>
    public class SessionStateTests
    {
        [Fact]
        public void ADescribeWhilePlayingKeepsTheStreamAndTeardownNeedsANewDescribe()
        {
            const int port = 18770;
            using var f = new HostServerFixture(port, 18780, SrtpPolicy.AesCm128HmacSha1_80());
            using var media = new UdpClient(new IPEndPoint(IPAddress.Loopback, 18790));
            media.Client.ReceiveTimeout = 2000;
            string uri = $"rtsp://127.0.0.1:{port}/audio";
            using var c = new RawRtspClient(f, port);
            Assert.Equal("200", HostileClientTests.Status(c.Request("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")));
            // Each SETUP with a fresh client MIKEY (a repeated one is a replay: 463).
            Func<string, string> setupRequest = headers => "SETUP " + uri + "/stream=0 RTSP/1.0\r\n" + headers +
                "\r\nTransport: RTP/SAVP;unicast;client_port=18790-18791\r\nKeyMgmt: " + HostileClientTests.ClientKey(new byte[32], nullMode: true) + "\r\n\r\n";
            string? setup = c.Request(setupRequest("CSeq: 2"));
            Assert.Equal("200", HostileClientTests.Status(setup));
            string session = Regex.Match(setup!, "Session: ([0-9A-F]{8})").Groups[1].Value;
            Assert.Equal("200", HostileClientTests.Status(c.Request("PLAY " + uri + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + session + "\r\n\r\n")));
            byte[] frame = new byte[160];
            var from = new IPEndPoint(IPAddress.Any, 0);
            Assert.Equal(1, f.Server.PushFrame(frame, 0, 160));
            byte[] first = media.Receive(ref from);

            // Another DESCRIBE on the playing connection: a new offer, the running stream keeps its keys.
            Assert.Equal("200", HostileClientTests.Status(c.Request("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 4\r\n\r\n")));
            Assert.Equal(1, f.Server.PushFrame(frame, 0, 160));
            byte[] second = media.Receive(ref from);
            Assert.Equal(first.Length, second.Length); // still protected: a context without keys sends nothing (and drops)
            Assert.Equal(0, f.Server.MediaDropped);

            // PAUSE, SETUP again (it takes the new offer), TEARDOWN: those keys are wiped with the session, so a SETUP needs a
            // new DESCRIBE first (455).
            Assert.Equal("200", HostileClientTests.Status(c.Request("PAUSE " + uri + " RTSP/1.0\r\nCSeq: 5\r\nSession: " + session + "\r\n\r\n")));
            Assert.Equal("200", HostileClientTests.Status(c.Request(setupRequest("CSeq: 6\r\nSession: " + session))));
            Assert.Equal("200", HostileClientTests.Status(c.Request("TEARDOWN " + uri + " RTSP/1.0\r\nCSeq: 7\r\nSession: " + session + "\r\n\r\n")));
            Assert.Equal("455", HostileClientTests.Status(c.Request(setupRequest("CSeq: 8"))));
        }
    }
}
