using NanoMikey.Sip.Keying;
using NanoMikey.Sip.Tests.Keying;
using NanoMikey.Sip.Tests.UserAgent;
using NanoMikey.Sip.UserAgent;
using static NanoMikey.Sip.Tests.Keying.SipKeyingFixtures;

namespace NanoMikey.Sip.Tests.Interop
{
    /// <summary>
    /// The race behind a rare failure of the retarget-refused scenario under load, made deterministic with a hand-driven
    /// callee (no proxy): the door refuses the identity in a 183's MIKEY answer and CANCELs, but the callee's 200 is already
    /// on its way. RFC 3261 §9.1: the 2xx is ACKed and ended with BYE, and the call is over (no 487 will come). Ports 19795–19797.
    /// </summary>
    public sealed class CancelCrossesAnswerTests
    {
        private readonly SipTestClock _clock = new SipTestClock { NtpNow = UaKeys.Clock.NtpNow, OffsetBoundSeconds = 1 };

        [Fact]
        public void RefusedEarlyAnswerCancelled_TheCrossing200IsAckedByedAndTheCallFails()
        {
            using var callee = new RawSipPeer(19795);
            using var door = new UaNode(19796, "door", o => o.MediaPort = 19797);
            const string target = "sip:guard@127.0.0.1:19795";
            var keying = new SipMikeyCallerKeying(Caller(_clock, Allow(Bob)), Policy(), 4);
            Assert.True(keying.AddTarget(PskTarget(Psk, target)));
            Assert.Equal(SipCallFailure.None, door.Ua.Call(target, keying, Pump.Now));
            string invite = RawPeerTests.WaitFor(callee, "INVITE", 3000, door.Ua);
            SipMikeyAnswerer guard = PskDevice(_clock, 0x6A4D, Id("sip:guard@nanomikey.test"));
            Assert.Equal(SipMikeyStatus.Ok, guard.Answer(RawPeerTests.MikeyOf(RawSipPeer.Body(invite))));
            string sdp = RawPeerTests.AnswerSdp(19797, guard.AnswerData);
            const string contact = "Contact: <sip:guard@127.0.0.1:19795>\r\n";
            // The 183 and the 200 leave together: the door's CANCEL (for the refused identity) crosses the 200.
            callee.Send(RawSipPeer.Response(invite, 183, "Session Progress", "g1", contact, sdp), 19796);
            callee.Send(RawSipPeer.Response(invite, 200, "OK", "g1", contact, sdp), 19796);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Failed, 3000, door.Ua), door.Ua.CallState.ToString());
            Assert.Equal(SipCallFailure.KeyRejected, door.Ua.LastFailure);
            Assert.Null(door.Ua.ActiveCallKeys);
            Assert.Null(keying.Offer.Bundle);
            Pump.For(100, door.Ua);
            string[] methods = callee.Poll().Concat(callee.Received).Select(RawSipPeer.Method).ToArray();
            Assert.Contains("CANCEL", methods);
            Assert.Contains("ACK", methods);
            Assert.Contains("BYE", methods);
        }
    }
}
