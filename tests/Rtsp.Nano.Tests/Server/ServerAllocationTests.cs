using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Rtsp.Tests.Server
{
    /// <summary>
    /// The media path allocates nothing once a client plays: PushFrame (packetise, SRTP, send) and Run (TCP poll, datagrams,
    /// sender reports) over real sockets on 127.0.0.1. Ports 18740-18769 belong to this class.
    /// </summary>
    public class ServerAllocationTests
    {
        [Fact]
        public void PushFrameAndRunAllocateNothingWhilePlaying()
        {
            const int port = 18740;
            using var f = new HostServerFixture(port, 18750, SrtpPolicy.AesCm128HmacSha1_80(),
                new NanoMikey.Rtsp.Server.RtspServerOptions { SenderReportIntervalMicros = 100_000 });
            using var rtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 18760));
            using var rtcp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 18761));
            string uri = $"rtsp://127.0.0.1:{port}/audio";
            using var c = new RawRtspClient(f, port);
            Assert.Equal("200", HostileClientTests.Status(c.Request("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")));
            string? setup = c.Request("SETUP " + uri + "/stream=0 RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/SAVP;unicast;client_port=18760-18761\r\nKeyMgmt: " +
                HostileClientTests.ClientKey(new byte[32], nullMode: true) + "\r\n\r\n");
            Assert.Equal("200", HostileClientTests.Status(setup));
            string session = Regex.Match(setup!, "Session: ([0-9A-F]{8})").Groups[1].Value;
            Assert.Equal("200", HostileClientTests.Status(c.Request("PLAY " + uri + " RTSP/1.0\r\nCSeq: 3\r\nSession: " + session + "\r\n\r\n")));

            f.Rtp.Recording = false;
            f.Rtcp.Recording = false;
            byte[] frame = new byte[160];
            long now = f.NowMicros;
            for (int i = 0; i < 300; i++)
            {
                f.Server.PushFrame(frame, 0, 160);
                f.Server.Run(now += 20_000);
            }

            int sent = 0;
            long reports = f.Server.ReportsSent;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 300; i++)
            {
                sent += f.Server.PushFrame(frame, 0, 160);
                f.Server.Run(now += 20_000);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(300, sent);
            Assert.True(f.Server.ReportsSent > reports, "no sender report in the measured run");
            Assert.Equal(0, allocated);
            Assert.True(rtp.Available > 0);
        }
    }
}
