using NanoMikey.Sip.Tests.Fixtures;

namespace NanoMikey.Sip.Tests.Interop
{
    /// <summary>
    /// The proxy fixture with SIPp alone: 603 ends a forked call and cancels the other fork, 486 reaches the caller,
    /// redirection by the proxy itself and by a UAS (302) followed by a new INVITE to the new target. Ports 19520–19569
    /// (Kamailio on 19520, SIPp processes in blocks of 10 from 19530).
    /// </summary>
    public sealed class SippFinalResponseTests
    {
        private const int ProxyPort = 19520;
        private const int RegisterPort = 19530;
        private const int CallerPort = 19540;
        private const int UasPort1 = 19550;
        private const int UasPort2 = 19560;

        [Fact]
        public void ForkDeclines603_CallerGets603_OtherForkCancelled()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            SippProcess.Register(proxy, RegisterPort, "decline", UasPort1);
            SippProcess.Register(proxy, RegisterPort, "decline", UasPort2);
            using var ring = SippProcess.Start("uas_ring", UasPort1, null, "-s", "decline");
            // The 603 comes after the other fork rang (a 6xx cancels what is pending: RFC 3261 §16.7 step 5).
            using var decline = SippProcess.Start("uas_603", UasPort2, null, "-s", "decline");
            using var caller = Caller("603", "decline");

            Assert.True(caller.WaitForExit(20000) == 0, caller.Report() + proxy.Log);
            Assert.True(decline.WaitForExit(10000) == 0, decline.Report());
            Assert.True(ring.WaitForExit(10000) == 0, ring.Report());
            Assert.Contains("CANCEL sip:decline@127.0.0.1:" + UasPort1, ring.Messages);
            Assert.DoesNotContain("SIP/2.0 200 OK", caller.Messages);
        }

        [Fact]
        public void OnlyContactBusy486_CallerGets486()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            SippProcess.Register(proxy, RegisterPort, "busy", UasPort1);
            using var busy = SippProcess.Start("uas_486", UasPort1, null, "-s", "busy");
            using var caller = Caller("486", "busy");

            Assert.True(caller.WaitForExit(20000) == 0, caller.Report() + proxy.Log);
            Assert.True(busy.WaitForExit(10000) == 0, busy.Report());
        }

        [Fact]
        public void ProxyRedirectsMovedUser_302ToConcierge_NewInviteAnswered()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            SippProcess.Register(proxy, RegisterPort, "concierge", UasPort1);
            using var concierge = SippProcess.Start("uas_answer", UasPort1, null, "-s", "concierge", "-d", "100");
            using var caller = SippProcess.Start("uac_redirect", CallerPort, "127.0.0.1:" + ProxyPort,
                "-s", "moved", "-key", "caller", "door", "-key", "domain", KamailioProcess.Domain, "-d", "200");

            Assert.True(caller.WaitForExit(20000) == 0, caller.Report() + proxy.Log);
            Assert.True(concierge.WaitForExit(10000) == 0, concierge.Report());
            Assert.Contains("INVITE sip:concierge@127.0.0.1:" + ProxyPort + " SIP/2.0", caller.Messages);
        }

        [Fact]
        public void UasRedirects302_ProxyRelaysIt_NewInviteAnswered()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            SippProcess.Register(proxy, RegisterPort, "forward", UasPort1);
            SippProcess.Register(proxy, RegisterPort, "concierge", UasPort2);
            using var forward = SippProcess.Start("uas_302", UasPort1, null, "-s", "forward", "-key", "target", "sip:concierge@" + KamailioProcess.Domain);
            using var concierge = SippProcess.Start("uas_answer", UasPort2, null, "-s", "concierge", "-d", "100");
            using var caller = SippProcess.Start("uac_redirect", CallerPort, "127.0.0.1:" + ProxyPort,
                "-s", "forward", "-key", "caller", "door", "-key", "domain", KamailioProcess.Domain, "-d", "200");

            Assert.True(caller.WaitForExit(20000) == 0, caller.Report() + proxy.Log);
            Assert.True(forward.WaitForExit(10000) == 0, forward.Report());
            Assert.True(concierge.WaitForExit(10000) == 0, concierge.Report());
            Assert.Contains("INVITE sip:concierge@" + KamailioProcess.Domain + " SIP/2.0", caller.Messages);
        }

        private static SippProcess Caller(string finalCode, string user)
            => SippProcess.Start("uac_final", CallerPort, "127.0.0.1:" + ProxyPort, new Dictionary<string, string> { ["FINAL_CODE"] = finalCode },
                "-s", user, "-key", "caller", "door", "-key", "domain", KamailioProcess.Domain);
    }
}
