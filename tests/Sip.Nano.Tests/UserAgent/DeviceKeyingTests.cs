using NanoMikey.Mikey.Modes;
using NanoMikey.Sip.Keying;
using NanoMikey.Sip.Tests.Keying;
using NanoMikey.Sip.UserAgent;
using static NanoMikey.Sip.Tests.Keying.SipKeyingFixtures;

namespace NanoMikey.Sip.Tests.UserAgent
{
    /// <summary>
    /// The user agent with the device's keying (<see cref="SipMikeyOffer"/> and <see cref="SipMikeyAnswerer"/> through
    /// <see cref="SipMikeyCallerKeying"/> / <see cref="SipMikeyCalleeKeying"/>), over UDP on 127.0.0.1 (ports 19360–19379).
    /// </summary>
    public class DeviceKeyingTests
    {
        private readonly SipTestClock _clock = new SipTestClock { NtpNow = UaKeys.Clock.NtpNow, OffsetBoundSeconds = 1 };

        private SipMikeyCallerKeying DoorKeying(params SipMikeyTarget[] targets)
        {
            var k = new SipMikeyCallerKeying(Caller(_clock, Allow(Bob, Dave)), Policy(), 4);
            foreach (var t in targets) Assert.True(k.AddTarget(t));
            return k;
        }

        [Fact]
        public void PskCallCarriesSrtpBothWaysWithTheKeysOfBothUserAgents()
        {
            using var indoor = new UaNode(19360, "indoor", callee: new SipMikeyCalleeKeying(PskDevice(_clock, 0xB0B, Bob)));
            using var door = new UaNode(19361, "door");
            var keying = DoorKeying(PskTarget(Psk, indoor.Uri("indoor")));
            Assert.Equal(SipCallFailure.None, door.Ua.Call(indoor.Uri("indoor"), keying, Pump.Now));
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established && indoor.Ua.CallState == SipCallState.Established,
                5000, door.Ua, indoor.Ua), door.Ua.CallState + " " + door.Ua.LastFailure + " " + keying.Offer.LastStatus);
            Assert.Equal(MikeyMode.Psk, keying.Offer.Mode);
            AssertSrtpBothWays(door.Ua.ActiveCallKeys!, indoor.Ua.ActiveCallKeys!);
            Assert.Equal(0xB0Bu, door.Ua.ActiveCallKeys!.Get(1).Ssrc);
            door.Ua.Hangup(Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Ended && indoor.Ua.CallState == SipCallState.Ended, 3000, door.Ua, indoor.Ua));
            Assert.Null(keying.Offer.Bundle);
        }

        [Fact]
        public void RedirectOffersWithTheNewTargetsKeyTheOldOneWouldBeRefused()
        {
            // RFC 5197 §5.3: the redirect target shares a different PSK; an offer under the old target's key cannot reach it.
            using var redirector = new RawSipPeer(19362);
            using var indoor = new UaNode(19363, "indoor", callee: new SipMikeyCalleeKeying(PskDevice(_clock, 0xD0D, Dave, OtherPsk)));
            using var door = new UaNode(19364, "door");
            var keying = DoorKeying(PskTarget(Psk, "sip:flat7@127.0.0.1:19362"), PskTarget(OtherPsk, indoor.Uri("indoor")));
            door.Ua.Call("sip:flat7@127.0.0.1:19362", keying, Pump.Now);
            string invite = RawPeerTests.WaitFor(redirector, "INVITE", 3000, door.Ua, indoor.Ua);
            string firstOffer = RawPeerTests.MikeyOf(RawSipPeer.Body(invite));
            Assert.NotEqual(SipMikeyStatus.Ok, PskDevice(_clock, 0xD0E, Dave, OtherPsk).Answer(firstOffer));

            redirector.Send(RawSipPeer.Response(invite, 302, "Moved Temporarily", "r1", "Contact: <" + indoor.Uri("indoor") + ">\r\n"), 19364);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established && indoor.Ua.CallState == SipCallState.Established,
                5000, door.Ua, indoor.Ua), door.Ua.CallState + " " + door.Ua.LastFailure + " " + keying.Offer.LastStatus);
            Assert.Equal(indoor.Uri("indoor"), keying.Offer.Target!.Uri);
            AssertSrtpBothWays(door.Ua.ActiveCallKeys!, indoor.Ua.ActiveCallKeys!);
        }

        [Fact]
        public void RedirectToATargetWithoutCredentialsFailsWithoutAnOffer()
        {
            using var redirector = new RawSipPeer(19365);
            using var door = new UaNode(19366, "door");
            var keying = DoorKeying(PskTarget(Psk, "sip:flat7@127.0.0.1:19365"));
            door.Ua.Call("sip:flat7@127.0.0.1:19365", keying, Pump.Now);
            string invite = RawPeerTests.WaitFor(redirector, "INVITE", 3000, door.Ua);
            redirector.Received.Clear();
            redirector.Send(RawSipPeer.Response(invite, 302, "Moved Temporarily", "r2", "Contact: <sip:stranger@127.0.0.1:19365>\r\n"), 19366);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Failed, 3000, door.Ua));
            Assert.Equal(SipCallFailure.OfferFailed, door.Ua.LastFailure);
            Pump.For(50, door.Ua);
            Assert.Equal(new[] { "ACK" }, redirector.Poll().Concat(redirector.Received).Select(RawSipPeer.Method).Distinct().ToArray());
        }

        [Fact]
        public void ForkedCallWithTwoAnswerersKeysEachEarlyDialogAndKeepsTheWinners()
        {
            using var proxy = new RawSipPeer(19367);
            using var door = new UaNode(19368, "door");
            var keying = DoorKeying(PskTarget(Psk, "sip:flat7@127.0.0.1:19367"));
            door.Ua.Call("sip:flat7@127.0.0.1:19367", keying, Pump.Now);
            string invite = RawPeerTests.WaitFor(proxy, "INVITE", 3000, door.Ua);
            string offer = RawPeerTests.MikeyOf(RawSipPeer.Body(invite));
            SipMikeyAnswerer bob = PskDevice(_clock, 0x1000, Bob), dave = PskDevice(_clock, 0x2000, Dave);
            Assert.Equal(SipMikeyStatus.Ok, bob.Answer(offer));
            Assert.Equal(SipMikeyStatus.Ok, dave.Answer(offer));
            string sdpBob = RawPeerTests.AnswerSdp(19370, bob.AnswerData), sdpDave = RawPeerTests.AnswerSdp(19371, dave.AnswerData);
            proxy.Send(RawSipPeer.Response(invite, 183, "Session Progress", "bob", "Contact: <sip:bob@127.0.0.1:19367>\r\n", sdpBob), 19368);
            proxy.Send(RawSipPeer.Response(invite, 183, "Session Progress", "dave", "Contact: <sip:dave@127.0.0.1:19367>\r\n", sdpDave), 19368);
            Assert.True(Pump.Until(() => door.Ua.EarlyTag(1) != null, 3000, door.Ua), door.Ua.CallState + " " + keying.Offer.LastStatus);

            // RFC 5197 §5.2: one MIKEY state per early dialog, SRTP with each answerer on its own keys (distinct SSRCs).
            AssertSrtpBothWays(door.Ua.EarlyMediaKeys("bob")!, bob.Bundle);
            AssertSrtpBothWays(door.Ua.EarlyMediaKeys("dave")!, dave.Bundle);
            Assert.False(Interoperate(dave.Bundle.Get(1), door.Ua.EarlyMediaKeys("bob")!.Get(1)));

            proxy.Send(RawSipPeer.Response(invite, 200, "OK", "dave", "Contact: <sip:dave@127.0.0.1:19367>\r\n", sdpDave), 19368);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established, 3000, door.Ua));
            AssertSrtpBothWays(door.Ua.ActiveCallKeys!, dave.Bundle);
            Assert.Equal(19371, door.Ua.RemoteMediaPort);
            Assert.Null(keying.Offer.EarlyBundle("bob")); // the loser's keys are gone
            Assert.Equal(1, keying.Offer.ForkCount);
        }
    }
}
