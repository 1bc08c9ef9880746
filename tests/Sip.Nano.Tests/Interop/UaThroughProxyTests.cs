using NanoMikey.Sip.Auth;
using NanoMikey.Sip.Tests.Fixtures;
using NanoMikey.Sip.Tests.UserAgent;
using NanoMikey.Sip.UserAgent;

namespace NanoMikey.Sip.Tests.Interop
{
    /// <summary>
    /// Our user agents through the real proxy (issue 13's scenarios): digest registration with MD5 and SHA-256, the
    /// door station calling a user registered from three indoor units (forking, early media keys per fork, the first
    /// 200 wins, the proxy cancels the others, the losers' keys wiped), 603, redirect with a new offer, an answer
    /// without key-mgmt refused. Ports 19406–19459: Kamailio on 19406, our UAs' SIP on 19410–19419 and their media
    /// ports 10 above, SIPp from 19430 (blocks of 10).
    /// </summary>
    public sealed class UaThroughProxyTests
    {
        private const int ProxyPort = 19406;
        private const int DoorPort = 19410;
        private static readonly int[] IndoorPorts = { 19411, 19412, 19413 };
        private const int RegisterSippPort = 19430;
        private const int UasSippPort = 19440;
        private const string Registrar = "sip:" + KamailioProcess.Domain;

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void OurUaRegistersWithDigest_Md5AndSha256(bool sha256)
        {
            using var proxy = new KamailioProcess(ProxyPort, sha256);
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door");
            ProxiedUa.Register(door, "door");
            // The first REGISTER was challenged (401), the second carried the digest.
            Assert.Equal(2u, door.Ua.Registration.Requests);
            Assert.True(door.Ua.Registration.GrantedExpires > 0 && door.Ua.Registration.GrantedExpires <= 300, door.Ua.Registration.GrantedExpires.ToString());
        }

        [Fact]
        public void OurUaWithWrongPassword_RegistrationFails()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door");
            door.Ua.Register(Registrar, 300, new DigestCredentials("door", null, "wrong"), Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.Registration.State == SipRegistrationState.Failed, 5000, door.Ua), door.Ua.Registration.State.ToString());
            Assert.Equal(401, door.Ua.Registration.LastStatusCode);
        }

        [Fact]
        public void DoorCallsFlatOfThreeIndoorUnits_AllEarlyWithOwnKeys_FirstAnswerWins_OthersCancelledAndWiped()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            var keys = new UaKeys();
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door", keys);
            // Each indoor unit has its own replay cache (a shared one would refuse the second fork's copy of the offer).
            using var winner = ProxiedUa.Node(ProxyPort, IndoorPorts[0], "flat");
            using var loser1 = ProxiedUa.Node(ProxyPort, IndoorPorts[1], "flat");
            using var loser2 = ProxiedUa.Node(ProxyPort, IndoorPorts[2], "flat");
            UaNode[] indoor = { winner, loser1, loser2 };
            foreach (UaNode n in indoor) ProxiedUa.Register(n, "flat");
            SipUserAgent[] all = { door.Ua, winner.Ua, loser1.Ua, loser2.Ua };

            var offer = keys.NewCaller(0xD00D);
            Assert.Equal(SipCallFailure.None, door.Ua.Call("sip:flat@" + KamailioProcess.Domain, offer, Pump.Now));

            // RFC 5197 §5.2: three early dialogs (183 each with its own MIKEY answer), one MIKEY state per To-tag.
            Assert.True(Pump.Until(() => door.Ua.EarlyTag(2) != null, 5000, all),
                door.Ua.CallState + " " + door.Ua.LastFailure + " tags " + door.Ua.EarlyTag(0) + " " + door.Ua.EarlyTag(1)
                + " indoor " + string.Join(",", indoor.Select(n => n.Ua.CallState + "/" + n.Ua.Registration.State)) + "\n" + proxy.Log);
            Assert.Equal(SipCallState.Early, door.Ua.CallState);
            Assert.Single(offer.Offers); // every fork got the same offer
            var tags = new HashSet<string>();
            foreach (UaNode n in indoor)
            {
                Assert.Equal(SipCallState.Incoming, n.Ua.CallState);
                string tag = n.Ua.ActiveDialog!.LocalTag;
                Assert.True(tags.Add(tag));
                Assert.NotNull(door.Ua.EarlyMediaKeys(tag));
                Assert.Equal(KeyCompare.MasterKey(n.Ua.EarlyMediaKeys(tag)), KeyCompare.MasterKey(door.Ua.EarlyMediaKeys(tag)));
                // Each indoor unit fills in its own SSRC for its stream (RFC 3830 §4.2.1): the forks share the PSK-derived
                // TEK but never a key stream (no two-time pad; SRTP's keystream depends on the SSRC, RFC 3711 §4.1.1).
                // (The caller-side copy per fork is the keying's, sip-keying's SipMikeyOffer; the test double here
                // verifies only the first fork's answer.)
                Assert.Equal(n.Answerer.Ssrc, n.Ua.EarlyMediaKeys(tag)!.Get(1).Ssrc);
            }

            Assert.Equal(3, indoor.Select(n => n.Answerer.Ssrc).Distinct().Count());
            var loserBundles = new[] { door.Ua.EarlyMediaKeys(loser1.Ua.ActiveDialog!.LocalTag)!, door.Ua.EarlyMediaKeys(loser2.Ua.ActiveDialog!.LocalTag)! };
            string winnerTag = winner.Ua.ActiveDialog!.LocalTag;

            // The winner answers; the proxy cancels the others (RFC 3261 §16.7 step 10).
            winner.Ua.Answer(Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established && winner.Ua.CallState == SipCallState.Established
                && loser1.Ua.CallState == SipCallState.Ended && loser2.Ua.CallState == SipCallState.Ended, 8000, all),
                door.Ua.CallState + " " + winner.Ua.CallState + " " + loser1.Ua.CallState + " " + loser2.Ua.CallState + "\n" + proxy.Log);
            Assert.Equal(winnerTag, door.Ua.ActiveDialog!.RemoteTag);
            Assert.Equal(KeyCompare.MasterKey(winner.Ua.ActiveCallKeys), KeyCompare.MasterKey(door.Ua.ActiveCallKeys));
            Assert.Equal(487, loser1.Ua.LastStatusCode);
            Assert.Equal(487, loser2.Ua.LastStatusCode);
            // The losers' keys are gone on both ends.
            foreach (var b in loserBundles) Assert.Equal(0, b.Count);
            Assert.Null(loser1.Ua.ActiveCallKeys);
            Assert.Null(loser2.Ua.ActiveCallKeys);
            Assert.Null(loser1.Answerer.Keys);
            Assert.Null(loser2.Answerer.Keys);

            // BYE along the recorded route.
            door.Ua.Hangup(Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Ended && winner.Ua.CallState == SipCallState.Ended, 5000, all),
                door.Ua.CallState + " / " + winner.Ua.CallState);
            Assert.Null(door.Ua.ActiveCallKeys);
        }

        [Fact]
        public void IndoorDeclines603_CallEnds()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            var keys = new UaKeys();
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door", keys);
            using var indoor = ProxiedUa.Node(ProxyPort, IndoorPorts[0], "decline", null, o => o.RejectWith = 603);
            ProxiedUa.Register(indoor, "decline");
            var offer = keys.NewCaller(0xD00E);
            door.Ua.Call("sip:decline@" + KamailioProcess.Domain, offer, Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Failed, 5000, door.Ua, indoor.Ua), door.Ua.CallState.ToString());
            Assert.Equal(SipCallFailure.Rejected, door.Ua.LastFailure);
            Assert.Equal(603, door.Ua.LastStatusCode);
            Assert.Null(door.Ua.ActiveCallKeys);
            Assert.Null(offer.Keys);
        }

        [Fact]
        public void ProxyRedirects_CallerSendsANewOfferBuiltForTheNewTarget()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            var keys = new UaKeys();
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door", keys);
            using var concierge = ProxiedUa.Node(ProxyPort, IndoorPorts[0], "concierge", null, o => o.AutoAnswerDelayMicros = 100000);
            ProxiedUa.Register(concierge, "concierge");
            var offer = keys.NewCaller(0xD00F);
            door.Ua.Call("sip:moved@" + KamailioProcess.Domain, offer, Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established && concierge.Ua.CallState == SipCallState.Established,
                6000, door.Ua, concierge.Ua), door.Ua.CallState + " " + door.Ua.LastFailure + " " + door.Ua.LastStatusCode + "\n" + proxy.Log);
            // RFC 5197 §5.3: a second offer, built for the Contact of the 302, not a resend of the first.
            Assert.Equal(2, offer.Targets.Count);
            Assert.StartsWith("sip:concierge@", offer.Targets[1]);
            Assert.NotEqual(offer.Offers[0], offer.Offers[1]);
            Assert.Equal(KeyCompare.MasterKey(concierge.Ua.ActiveCallKeys), KeyCompare.MasterKey(door.Ua.ActiveCallKeys));
            door.Ua.Hangup(Pump.Now);
            Assert.True(Pump.Until(() => concierge.Ua.CallState == SipCallState.Ended, 5000, door.Ua, concierge.Ua));
        }

        [Fact]
        public void AnswerWithoutKeyManagement_Refused_CallEndedWithBye()
        {
            using var proxy = new KamailioProcess(ProxyPort);
            var keys = new UaKeys();
            using var door = ProxiedUa.Node(ProxyPort, DoorPort, "door", keys);
            SippProcess.Register(proxy, RegisterSippPort, "plain", UasSippPort);
            // uas_answer's SDP is RTP/AVP without a=key-mgmt: a plain peer.
            using var plain = SippProcess.Start("uas_answer", UasSippPort, null, "-s", "plain", "-d", "100");
            var offer = keys.NewCaller(0xD010);
            door.Ua.Call("sip:plain@" + KamailioProcess.Domain, offer, Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Failed || door.Ua.CallState == SipCallState.Ended, 6000, door.Ua),
                door.Ua.CallState.ToString());
            Assert.Equal(SipCallFailure.NoKeyManagement, door.Ua.LastFailure);
            Assert.Null(door.Ua.ActiveCallKeys);
            // The 200 was ACKed and the call ended at once with BYE: SIPp's scenario completes only so (both required, in
            // either order: the proxy's two workers may relay the back-to-back BYE first, SippAckByeOrderTests).
            Assert.True(Pump.Until(() => plain.HasExited, 8000, door.Ua));
            Assert.True(plain.WaitForExit(1000) == 0, plain.Report());
        }
    }
}
