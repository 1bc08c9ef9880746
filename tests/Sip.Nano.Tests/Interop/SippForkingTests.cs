using System.Net;
using System.Net.Sockets;
using NanoMikey.Sip.Tests.Fixtures;

namespace NanoMikey.Sip.Tests.Interop
{
    /// <summary>
    /// The proxy fixture with SIPp alone, before any UA of ours: parallel forking to every contact of a user with the
    /// losers cancelled, two 200s reaching the caller, early media before the 200, retargeting. Ports 19460–19519
    /// (Kamailio on 19460, SIPp processes in blocks of 10 from 19470).
    /// </summary>
    public sealed class SippForkingTests
    {
        private const int ProxyPort = KamailioProcess.DefaultPort;
        private const int RtpPort = 19462;
        private const int RegisterPort = 19470;
        private const int CallerPort = 19480;
        private static readonly int[] UasPorts = { 19490, 19500, 19510 };

        [Fact]
        public void InviteToUserOfThreeContacts_AllRing_FirstAnswerWins_OthersCancelled()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            foreach (int port in UasPorts) SippProcess.Register(proxy, RegisterPort, "flat", port);
            using var ring1 = SippProcess.Start("uas_ring", UasPorts[0], null, "-s", "flat");
            using var ring2 = SippProcess.Start("uas_ring", UasPorts[1], null, "-s", "flat");
            using var answer = SippProcess.Start("uas_answer", UasPorts[2], null, "-s", "flat", "-d", "500");
            using var caller = Caller("uac_invite", "flat", "-d", "300");

            Assert.True(caller.WaitForExit(20000) == 0, caller.Report() + proxy.Log);
            Assert.True(answer.WaitForExit(10000) == 0, answer.Report());
            // uas_ring succeeds only through CANCEL, 200, 487 and the proxy's ACK.
            Assert.True(ring1.WaitForExit(10000) == 0, ring1.Report());
            Assert.True(ring2.WaitForExit(10000) == 0, ring2.Report());
            Assert.Contains("CANCEL sip:flat@127.0.0.1:" + UasPorts[0], ring1.Messages);
            Assert.DoesNotContain("CANCEL", answer.Messages);
            // The caller saw a ringing from every fork and one 200, and its ACK and BYE took the recorded route.
            Assert.Equal(3, Count(caller.Messages, "SIP/2.0 180 Ringing"));
            Assert.Contains("Route: <sip:127.0.0.1:" + ProxyPort + ";lr", caller.Messages);
        }

        [Fact]
        public void TwoForksAnswer_CallerGetsTwo200s_AcksBoth_ByesOne()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            SippProcess.Register(proxy, RegisterPort, "twin", UasPorts[0]);
            SippProcess.Register(proxy, RegisterPort, "twin", UasPorts[1]);
            using var first = SippProcess.Start("uas_twin", UasPorts[0], null, "-s", "twin");
            using var late = SippProcess.Start("uas_twin_late", UasPorts[1], null, "-s", "twin");
            using var caller = Caller("uac_two_200", "twin", "-d", "200");

            Assert.True(caller.WaitForExit(20000) == 0, caller.Report() + proxy.Log);
            Assert.True(first.WaitForExit(10000) == 0, first.Report());
            Assert.True(late.WaitForExit(10000) == 0, late.Report());
            // Both 200s reached the caller (one dialog per To-tag), each was ACKed.
            Assert.Matches(@"SIP/2\.0 200 OK[\s\S]*?To: <sip:twin@[^>]*>;tag=\d+twin1[\s\S]*?CSeq: 1 INVITE", caller.Messages);
            Assert.Matches(@"SIP/2\.0 200 OK[\s\S]*?To: <sip:twin@[^>]*>;tag=\d+late1[\s\S]*?CSeq: 1 INVITE", caller.Messages);
            Assert.Equal(2, Count(caller.Messages, "CSeq: 1 ACK"));
            Assert.Contains("BYE sip:twin@127.0.0.1:" + UasPorts[1], caller.Messages);
            Assert.Contains("BYE sip:twin@127.0.0.1:" + UasPorts[0], caller.Messages);
        }

        [Fact]
        public void EarlyMediaUas_183WithSdp_RtpArrivesBeforeThe200()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            SippProcess.Register(proxy, RegisterPort, "early", UasPorts[0]);
            string pcmu = Path.Combine(Path.GetTempPath(), "nanomikey-sipp-early-" + Environment.ProcessId + ".pcmu");
            File.WriteAllBytes(pcmu, Enumerable.Repeat((byte)0xFF, 160 * 10).ToArray());
            try
            {
                using var rtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                rtp.Bind(new IPEndPoint(IPAddress.Loopback, RtpPort));
                using var early = SippProcess.Start("uas_early", UasPorts[0], null, new Dictionary<string, string> { ["RTP_FILE"] = pcmu }, "-s", "early", "-d", "1500");
                using var caller = Caller("uac_invite", "early", "-d", "200");

                int packets = 0;
                byte[] buffer = new byte[2048];
                rtp.ReceiveTimeout = 3000;
                var deadline = DateTime.UtcNow.AddSeconds(6);
                while (packets < 10 && DateTime.UtcNow < deadline)
                {
                    int n;
                    try { n = rtp.Receive(buffer); } catch (SocketException) { break; }
                    // RTP version 2, PCMU (RFC 3551 payload type 0).
                    if (n >= 12 && buffer[0] >> 6 == 2 && (buffer[1] & 0x7F) == 0) packets++;
                    // Early: the 200 has not reached the caller while the packets come.
                    if (packets == 1) Assert.DoesNotContain("SIP/2.0 200 OK", caller.Messages);
                }

                Assert.True(caller.WaitForExit(20000) == 0, caller.Report() + proxy.Log);
                Assert.True(early.WaitForExit(10000) == 0, early.Report());
                Assert.True(packets >= 5, "early RTP packets received: " + packets + early.Report());
                Assert.Contains("SIP/2.0 183 Session Progress", caller.Messages);
            }
            finally
            {
                File.Delete(pcmu);
            }
        }

        [Fact]
        public void InviteToRetargetingUser_ReachesAnotherUser_WhoAnswers()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            SippProcess.Register(proxy, RegisterPort, "guard", UasPorts[0]);
            using var guard = SippProcess.Start("uas_answer", UasPorts[0], null, "-s", "guard", "-d", "100");
            using var caller = Caller("uac_invite", "night", "-d", "200");

            Assert.True(caller.WaitForExit(20000) == 0, caller.Report() + proxy.Log);
            Assert.True(guard.WaitForExit(10000) == 0, guard.Report());
            // The Request-URI was rewritten, the To still names the user dialled: the answer is from someone else.
            Assert.Contains("INVITE sip:guard@127.0.0.1:" + UasPorts[0], guard.Messages);
            Assert.Contains("To: <sip:night@" + KamailioProcess.Domain + ">", guard.Messages);
            Assert.Contains("Contact: <sip:guard@127.0.0.1:" + UasPorts[0] + ">", caller.Messages);
        }

        private static SippProcess Caller(string scenario, string user, params string[] more)
        {
            var args = new List<string> { "-s", user, "-key", "caller", "door", "-key", "domain", KamailioProcess.Domain, "-key", "rtp_port", RtpPort.ToString() };
            args.AddRange(more);
            return SippProcess.Start(scenario, CallerPort, "127.0.0.1:" + ProxyPort, args.ToArray());
        }

        private static int Count(string text, string what)
        {
            int n = 0;
            for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
            return n;
        }
    }
}
