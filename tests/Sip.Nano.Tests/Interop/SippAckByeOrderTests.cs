using NanoMikey.Sip.Tests.Fixtures;

namespace NanoMikey.Sip.Tests.Interop
{
    /// <summary>
    /// uas_answer (the plain peer of <see cref="UaThroughProxyTests"/>) needs the caller's ACK and BYE but not their order:
    /// a caller that refuses the answer sends them back to back, and Kamailio's two UDP workers may relay the BYE first
    /// (the cause of that test's rare "Failed call 1" under load). Driven directly by a bare UDP peer. Ports 19780–19790.
    /// </summary>
    public sealed class SippAckByeOrderTests
    {
        private const int SippPort = 19780;
        private const int ClientPort = 19790;

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void UasAnswer_CompletesWithAckAndByeInEitherOrder(bool byeFirst)
        {
            using var plain = SippProcess.Start("uas_answer", SippPort, null, "-s", "plain", "-d", "50");
            using var caller = new RawSipClient(ClientPort, SippPort);
            string callId = "order-" + byeFirst + "-" + Guid.NewGuid().ToString("N");
            string target = "sip:plain@127.0.0.1:" + SippPort;

            // SIPp may still be starting: resend the INVITE until something answers (RFC 3261 §17.1.1.2, Timer A).
            string? final = null;
            for (int attempt = 0; attempt < 20 && final == null; attempt++)
            {
                caller.Send(Request("INVITE", target, callId, 1, "z9hG4bKinv", null));
                final = Final(caller, 500);
            }

            Assert.True(final != null && RawSipClient.StatusCode(final) == 200, final + plain.Report());
            string to = RawSipClient.Header(final!, "To")!;
            string ack = Request("ACK", target, callId, 1, "z9hG4bKack", to);
            string bye = Request("BYE", target, callId, 2, "z9hG4bKbye", to);
            caller.Send(byeFirst ? bye : ack);
            caller.Send(byeFirst ? ack : bye);
            Assert.True(plain.WaitForExit(10000) == 0, plain.Report());
        }

        // The next final response (provisional ones skipped), or null after the time.
        private static string? Final(RawSipClient c, int timeoutMs)
        {
            var end = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (DateTime.UtcNow < end)
            {
                string? r = c.Receive(100);
                if (r != null && RawSipClient.StatusCode(r) >= 200) return r;
            }

            return null;
        }

        private static string Request(string method, string uri, string callId, int cseq, string branch, string? to)
            => method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + ClientPort + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:door@127.0.0.1:" + ClientPort + ">;tag=door1\r\n"
                + "To: " + (to ?? "<" + uri + ">") + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:door@127.0.0.1:" + ClientPort + ">\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
