using System.Text;
using NanoMikey.Sip.Tests.Fixtures;
using NanoMikey.Sip.Tests.UserAgent;
using NanoMikey.Sip.UserAgent;

namespace NanoMikey.Sip.Tests.Interop
{
    /// <summary>
    /// Hostile input reaching our user agent through the real proxy: an INVITE flood while a call rings (bounded: 486 or
    /// 503, which the proxy turns into 500; the call in progress untouched), an oversized header line, and a replayed INVITE carrying an old MIKEY offer
    /// (refused by the replay cache, the call never established). Ports 19570–19599: Kamailio on 19570, our UAs on
    /// 19571–19572 (media 10 above), the raw client on 19590.
    /// </summary>
    public sealed class UaHostileThroughProxyTests
    {
        private const int ProxyPort = 19570;
        private const int DoorPort = 19571;
        private const int AlicePort = 19572;
        private const int RawPort = 19590;

        [Fact]
        public void InviteFloodWhileRinging_EveryOneAnswered486Or503_TheRingingCallGoesOn()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door");
            using var alice = ProxiedUa.Node(ProxyPort, AlicePort, "alice");
            ProxiedUa.Register(alice, "alice");
            door.Ua.Call("sip:alice@" + KamailioProcess.Domain, door.Keys.NewCaller(0xF100), Pump.Now);
            Assert.True(Pump.Until(() => alice.Ua.CallState == SipCallState.Incoming && door.Ua.CallState == SipCallState.Early, 5000, door.Ua, alice.Ua));

            using var raw = new RawSipClient(RawPort, ProxyPort);
            const int Flood = 20;
            for (int i = 0; i < Flood; i++) raw.Send(Invite("alice", "flood-" + i, i, "m=audio 19599 RTP/SAVP 0\r\n"));
            var codes = new List<int>();
            Assert.True(Pump.Until(() =>
            {
                string? m;
                while ((m = raw.Receive(1)) != null)
                {
                    int c = RawSipClient.StatusCode(m);
                    if (c >= 200) codes.Add(c);
                }

                return codes.Count >= Flood;
            }, 10000, door.Ua, alice.Ua), "finals: " + string.Join(",", codes));
            // The UA answers 486 (a call in progress) or 503 (its transaction table full); a proxy never forwards a 503 and
            // sends 500 in its place (RFC 3261 §16.7 step 6), so the flooder sees 486 or 500.
            Assert.All(codes, c => Assert.True(c == 486 || c == 500, "got " + c));
            Assert.Contains(486, codes);
            Assert.Equal(SipCallState.Incoming, alice.Ua.CallState);
            Assert.Equal(1, alice.Answerer.Answered);

            alice.Ua.Answer(Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established && alice.Ua.CallState == SipCallState.Established, 5000, door.Ua, alice.Ua),
                door.Ua.CallState + " / " + alice.Ua.CallState);
            Assert.Equal(KeyCompare.MasterKey(door.Ua.ActiveCallKeys), KeyCompare.MasterKey(alice.Ua.ActiveCallKeys));
        }

        [Fact]
        public void OversizedHeaderLineThroughTheProxy_NotACall_TheUaStillAnswersTheNextOne()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door");
            using var alice = ProxiedUa.Node(ProxyPort, AlicePort, "alice", null, o => o.AutoAnswerDelayMicros = 100000);
            ProxiedUa.Register(alice, "alice");
            using var raw = new RawSipClient(RawPort, ProxyPort);
            // A 1.5 KB header line: over the device's 1 KB line limit, under Kamailio's, so the proxy relays it.
            string junk = "X-Junk: " + new string('j', 1500) + "\r\n";
            // With a fresh, valid offer: only the header line keeps it from being answered.
            string fresh = door.Keys.NewCaller(0xF201).WriteOffer("sip:alice@" + KamailioProcess.Domain)!;
            raw.Send(Invite("alice", "oversized", 1, "m=audio 19599 RTP/SAVP 0\r\na=key-mgmt:mikey " + fresh + "\r\n").Replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\n" + junk));
            Pump.For(500, alice.Ua);
            Assert.Equal(SipCallState.Idle, alice.Ua.CallState);
            Assert.Equal(0, alice.Answerer.Answered);

            door.Ua.Call("sip:alice@" + KamailioProcess.Domain, door.Keys.NewCaller(0xF200), Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established, 5000, door.Ua, alice.Ua), door.Ua.CallState + " " + door.Ua.LastFailure);
        }

        [Fact]
        public void ReplayedInviteWithAnOldOffer_RefusedByTheReplayCache_NeverEstablished()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door");
            using var alice = ProxiedUa.Node(ProxyPort, AlicePort, "alice", null, o => o.AutoAnswerDelayMicros = 100000);
            ProxiedUa.Register(alice, "alice");
            var offer = door.Keys.NewCaller(0xF300);
            door.Ua.Call("sip:alice@" + KamailioProcess.Domain, offer, Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established, 5000, door.Ua, alice.Ua));
            door.Ua.Hangup(Pump.Now);
            Assert.True(Pump.Until(() => alice.Ua.CallState == SipCallState.Ended, 5000, door.Ua, alice.Ua));
            alice.Ua.Reset();

            // The attacker replays the recorded offer in a new INVITE (new Call-ID, new branch): RFC 3830 §5.4.
            using var raw = new RawSipClient(RawPort, ProxyPort);
            raw.Send(Invite("alice", "replay", 1, "m=audio 19599 RTP/SAVP 0\r\na=key-mgmt:mikey " + offer.Offers[0] + "\r\n"));
            string? final = null;
            Assert.True(Pump.Until(() =>
            {
                string? m = raw.Receive(1);
                if (m != null && RawSipClient.StatusCode(m) >= 200) final = m;
                return final != null;
            }, 5000, alice.Ua));
            Assert.Equal(488, RawSipClient.StatusCode(final));
            Assert.NotEqual(SipCallState.Established, alice.Ua.CallState);
            Assert.Null(alice.Ua.ActiveCallKeys);
            Assert.Equal(1, alice.Answerer.Answered);
        }

        private static string Invite(string user, string callId, int n, string media)
        {
            string sdp = "v=0\r\no=- " + (n + 1) + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" + media;
            return "INVITE sip:" + user + "@" + KamailioProcess.Domain + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + RawPort + ";rport;branch=z9hG4bK-hostile-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:mallory@" + KamailioProcess.Domain + ">;tag=m" + n + "\r\n"
                + "To: <sip:" + user + "@" + KamailioProcess.Domain + ">\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:mallory@127.0.0.1:" + RawPort + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + Encoding.UTF8.GetByteCount(sdp) + "\r\n\r\n" + sdp;
        }
    }
}
