using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Sdp;
using NanoMikey.Sip.UserAgent;

namespace NanoMikey.Sip.Tests.UserAgent
{
    /// <summary>
    /// Our user agent against a hand-written peer on a raw UDP socket (ports 19320–19349): a redirect server, a forking
    /// proxy that answers with two MIKEY answerers, a peer without key-mgmt, a replayed INVITE.
    /// </summary>
    public class RawPeerTests
    {
        internal static string WaitFor(RawSipPeer peer, string method, int timeoutMs, params SipUserAgent[] agents)
        {
            string? found = null;
            Assert.True(Pump.Until(() =>
            {
                foreach (string m in peer.Poll())
                {
                    if (found == null && RawSipPeer.Method(m) == method) found = m;
                }

                return found != null;
            }, timeoutMs, agents), "no " + method + " at the raw peer; got: " + string.Join(" | ", peer.Received.Select(RawSipPeer.Method)));
            return found!;
        }

        internal static string MikeyOf(string sdp)
        {
            var r = new SdpSessionReader();
            Assert.Equal(SdpReadStatus.Ok, r.Read(sdp));
            Assert.True(r.HasMikey);
            return r.MikeyData!;
        }

        internal static string AnswerSdp(int port, string? mikey)
        {
            if (mikey == null)
            {
                return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            }

            return new SdpOfferWriter().Write(7, 1, IPv4.Loopback, port, mikey);
        }

        [Fact]
        public void RedirectIsAckedAndFollowedWithANewOfferBuiltForTheNewTarget()
        {
            using var redirector = new RawSipPeer(19320);
            using var indoor = new UaNode(19321, "indoor");
            using var door = new UaNode(19322, "door");
            var keys = door.Keys.NewCaller(0x6666);
            door.Ua.Call("sip:old@127.0.0.1:19320", keys, Pump.Now);
            string invite = WaitFor(redirector, "INVITE", 3000, door.Ua, indoor.Ua);

            // RFC 3261 §8.1.3.4 / RFC 5197 §5.3: 302 to the new target.
            redirector.Send(RawSipPeer.Response(invite, 302, "Moved Temporarily", "r1", "Contact: <" + indoor.Uri("indoor") + ">\r\n"), 19322);
            string ack = WaitFor(redirector, "ACK", 3000, door.Ua, indoor.Ua);
            // §17.1.1.3: the transaction's ACK has the INVITE's branch.
            Assert.Equal(RawSipPeer.Header(invite, "Via"), RawSipPeer.Header(ack, "Via"));
            Assert.Contains(";tag=r1", RawSipPeer.Header(ack, "To"));

            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established && indoor.Ua.CallState == SipCallState.Established,
                5000, door.Ua, indoor.Ua), door.Ua.CallState + " " + door.Ua.LastFailure);
            Assert.Equal(new[] { "sip:old@127.0.0.1:19320", indoor.Uri("indoor") }, keys.Targets);
            Assert.Equal(2, keys.Offers.Distinct().Count());
            Assert.Equal(MikeyOf(RawSipPeer.Body(invite)), keys.Offers[0]);
            Assert.Equal(KeyCompare.MasterKey(door.Ua.ActiveCallKeys), KeyCompare.MasterKey(indoor.Ua.ActiveCallKeys));
            Assert.Equal(1, indoor.Answerer.Answered);
        }

        [Fact]
        public void TwoForksKeepTwoEarlyStatesTheFirst200WinsAndTheSecondIsAckedAndEnded()
        {
            using var proxy = new RawSipPeer(19325);
            using var door = new UaNode(19326, "door");
            var keys = door.Keys.NewCaller(0x7777);
            door.Ua.Call("sip:indoor@127.0.0.1:19325", keys, Pump.Now);
            string invite = WaitFor(proxy, "INVITE", 3000, door.Ua);
            string offer = MikeyOf(RawSipPeer.Body(invite));

            // Two indoor units answer the same offer, each with its own answerer (own replay cache, own SSRC).
            var unit1 = new UaKeys().NewAnswerer();
            var unit2 = new UaKeys().NewAnswerer();
            string sdp1 = AnswerSdp(19340, unit1.Answer(offer));
            string sdp2 = AnswerSdp(19341, unit2.Answer(offer));
            string contact1 = "Contact: <sip:unit1@127.0.0.1:19325>\r\n";
            string contact2 = "Contact: <sip:unit2@127.0.0.1:19325>\r\n";
            proxy.Send(RawSipPeer.Response(invite, 100, "Trying", null), 19326);
            proxy.Send(RawSipPeer.Response(invite, 183, "Session Progress", "f1", contact1, sdp1), 19326);
            proxy.Send(RawSipPeer.Response(invite, 183, "Session Progress", "f1", contact1, sdp1), 19326); // retransmitted
            proxy.Send(RawSipPeer.Response(invite, 183, "Session Progress", "f2", contact2, sdp2), 19326); // a new fork
            Assert.True(Pump.Until(() => door.Ua.EarlyTag(1) != null, 3000, door.Ua), door.Ua.CallState + " " + door.Ua.LastFailure);
            Assert.Equal(SipCallState.Early, door.Ua.CallState);
            Assert.Equal("f1", door.Ua.EarlyTag(0));
            Assert.Equal("f2", door.Ua.EarlyTag(1));
            Assert.Null(door.Ua.EarlyTag(2));
            Assert.NotNull(door.Ua.EarlyMediaKeys("f1"));
            Assert.NotNull(door.Ua.EarlyMediaKeys("f2"));
            Assert.NotSame(door.Ua.EarlyMediaKeys("f1"), door.Ua.EarlyMediaKeys("f2"));

            // The second fork answers first: it wins.
            proxy.Send(RawSipPeer.Response(invite, 200, "OK", "f2", contact2, sdp2), 19326);
            string ack2 = WaitFor(proxy, "ACK", 3000, door.Ua);
            Assert.Contains(";tag=f2", RawSipPeer.Header(ack2, "To"));
            Assert.StartsWith("ACK sip:unit2@127.0.0.1:19325 ", ack2); // §12.2.1.1: the remote target
            Assert.Equal(SipCallState.Established, door.Ua.CallState);
            Assert.Equal("f2", door.Ua.ActiveDialog!.RemoteTag);
            Assert.Equal(19341, door.Ua.RemoteMediaPort);
            Assert.Equal(KeyCompare.MasterKey(unit2.Keys), KeyCompare.MasterKey(door.Ua.ActiveCallKeys));

            // The other fork's 200: ACK it, then BYE it; its keys are dropped; the call stays with f2.
            proxy.Received.Clear();
            proxy.Send(RawSipPeer.Response(invite, 200, "OK", "f1", contact1, sdp1), 19326);
            string bye = WaitFor(proxy, "BYE", 3000, door.Ua);
            string[] order = proxy.Received.Select(RawSipPeer.Method).ToArray();
            Assert.Equal(new[] { "ACK", "BYE" }, order);
            Assert.Contains(";tag=f1", RawSipPeer.Header(proxy.Received[0], "To"));
            Assert.Contains(";tag=f1", RawSipPeer.Header(bye, "To"));
            Assert.StartsWith("BYE sip:unit1@127.0.0.1:19325 ", bye);
            Assert.Contains("f1", keys.Dropped);
            proxy.Send(RawSipPeer.Response(bye, 200, "OK", null), 19326);
            Pump.For(100, door.Ua);
            Assert.Equal(SipCallState.Established, door.Ua.CallState);
            Assert.Equal("f2", door.Ua.ActiveDialog!.RemoteTag);

            // A retransmitted 200 of the winner is ACKed again (§13.2.2.4).
            proxy.Received.Clear();
            proxy.Send(RawSipPeer.Response(invite, 200, "OK", "f2", contact2, sdp2), 19326);
            Assert.Contains(";tag=f2", RawSipPeer.Header(WaitFor(proxy, "ACK", 3000, door.Ua), "To"));
            Assert.DoesNotContain(proxy.Received, m => RawSipPeer.Method(m) == "BYE");
        }

        [Fact]
        public void An200WithoutKeyManagementIsAckedThenEndedNeverMediaInClear()
        {
            using var plain = new RawSipPeer(19330);
            using var door = new UaNode(19331, "door");
            door.Ua.Call("sip:plain@127.0.0.1:19330", door.Keys.NewCaller(0x8888), Pump.Now);
            string invite = WaitFor(plain, "INVITE", 3000, door.Ua);
            plain.Received.Clear();
            plain.Send(RawSipPeer.Response(invite, 200, "OK", "p1", "Contact: <sip:plain@127.0.0.1:19330>\r\n", AnswerSdp(19342, null)), 19331);
            WaitFor(plain, "BYE", 3000, door.Ua);
            Assert.Equal(new[] { "ACK", "BYE" }, plain.Received.Select(RawSipPeer.Method).ToArray());
            Assert.Equal(SipCallState.Failed, door.Ua.CallState);
            Assert.Equal(SipCallFailure.NoKeyManagement, door.Ua.LastFailure);
            Assert.Null(door.Ua.ActiveCallKeys);
            Assert.Equal(0, door.Ua.RemoteMediaPort); // nothing to send media to
        }

        [Fact]
        public void An183WithoutKeyManagementIsCancelled()
        {
            using var plain = new RawSipPeer(19332);
            using var door = new UaNode(19333, "door");
            door.Ua.Call("sip:plain@127.0.0.1:19332", door.Keys.NewCaller(0x9999), Pump.Now);
            string invite = WaitFor(plain, "INVITE", 3000, door.Ua);
            plain.Send(RawSipPeer.Response(invite, 183, "Session Progress", "p2", "", AnswerSdp(19343, null)), 19333);
            string cancel = WaitFor(plain, "CANCEL", 3000, door.Ua);
            // RFC 3261 §9.1: the CANCEL has the INVITE's branch and CSeq number.
            Assert.Equal(RawSipPeer.Header(invite, "Via"), RawSipPeer.Header(cancel, "Via"));
            Assert.Equal(RawSipPeer.Header(invite, "CSeq")!.Replace("INVITE", "CANCEL"), RawSipPeer.Header(cancel, "CSeq"));
            plain.Send(RawSipPeer.Response(cancel, 200, "OK", null), 19333);
            plain.Send(RawSipPeer.Response(invite, 487, "Request Terminated", "p2"), 19333);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Failed, 3000, door.Ua), door.Ua.CallState.ToString());
            Assert.Equal(SipCallFailure.NoKeyManagement, door.Ua.LastFailure);
            Assert.Null(door.Ua.EarlyMediaKeys("p2"));
        }

        [Fact]
        public void AReplayedInviteWithAnOldOfferIsRefusedAndTheCallNeverEstablished()
        {
            using var attacker = new RawSipPeer(19335);
            using var indoor = new UaNode(19336, "indoor", o => o.AutoAnswerDelayMicros = -1);
            var caller = indoor.Keys.NewCaller(0xAAAA);
            string sdp = new SdpOfferWriter().Write(9, 1, IPv4.Loopback, 19344, caller.WriteOffer("sip:indoor@127.0.0.1:19336")!);

            string Invite(string callId, string branch, string tag) =>
                "INVITE sip:indoor@127.0.0.1:19336 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:19335;branch=z9hG4bK" + branch + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:door@127.0.0.1:19335>;tag=" + tag + "\r\nTo: <sip:indoor@127.0.0.1:19336>\r\nCall-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:door@127.0.0.1:19335>\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.Length + "\r\n\r\n" + sdp;

            // The genuine INVITE rings; the caller cancels it.
            string first = Invite("first@x", "aaa1", "t1");
            attacker.Send(first, 19336);
            Assert.True(Pump.Until(() => indoor.Ua.CallState == SipCallState.Incoming, 3000, indoor.Ua));
            attacker.Send(first.Replace("INVITE sip:", "CANCEL sip:").Replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL")
                .Substring(0, first.IndexOf("Contact:", StringComparison.Ordinal)) + "Content-Length: 0\r\n\r\n", 19336);
            Assert.True(Pump.Until(() => indoor.Ua.CallState == SipCallState.Ended, 3000, indoor.Ua));

            // The same MIKEY offer in a new INVITE (new Call-ID, branch and tag): the replay cache refuses it; 488 with a Warning.
            attacker.Received.Clear();
            attacker.Send(Invite("replay@x", "bbb2", "t2"), 19336);
            string? refusal = null;
            Assert.True(Pump.Until(() =>
            {
                foreach (string m in attacker.Poll())
                {
                    if (m.StartsWith("SIP/2.0 488", StringComparison.Ordinal) && m.Contains("replay@x")) refusal = m;
                }

                return refusal != null;
            }, 3000, indoor.Ua), string.Join(" | ", attacker.Received.Select(m => m.Substring(0, Math.Min(20, m.Length)))));
            Assert.StartsWith("399 127.0.0.1 ", RawSipPeer.Header(refusal!, "Warning"));
            Assert.DoesNotContain(attacker.Received, m => m.Contains("replay@x") && (m.StartsWith("SIP/2.0 18") || m.StartsWith("SIP/2.0 200")));
            Assert.Equal(SipCallState.Ended, indoor.Ua.CallState);
            Assert.Equal(1u, indoor.Ua.KeyRefusals);
            Assert.Equal(1, indoor.Answerer.Answered);
            Assert.Null(indoor.Ua.ActiveCallKeys);
        }
    }
}
