using NanoMikey.Sip.UserAgent;

namespace NanoMikey.Sip.Tests.UserAgent
{
    /// <summary>Two or three of our user agents over real UDP on 127.0.0.1 (ports 19300–19319), no proxy.</summary>
    public class CallTests
    {
        [Fact]
        public void CallAnswerByeGivesEqualKeysOnBothSidesAndWipesThemAtTheEnd()
        {
            using var door = new UaNode(19300, "door");
            using var indoor = new UaNode(19301, "indoor");
            var keys = door.Keys.NewCaller(0x1111);
            Assert.Equal(SipCallFailure.None, door.Ua.Call(indoor.Uri("indoor"), keys, Pump.Now));
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established && indoor.Ua.CallState == SipCallState.Established,
                5000, door.Ua, indoor.Ua), door.Ua.CallState + " " + door.Ua.LastFailure + " / " + indoor.Ua.CallState);

            // One MIKEY exchange, the same TEKs on both sides; the callee's SSRC is the one it filled in (RFC 3830 §4.2.1).
            Assert.Equal(KeyCompare.MasterKey(door.Ua.ActiveCallKeys), KeyCompare.MasterKey(indoor.Ua.ActiveCallKeys));
            Assert.Equal(indoor.Answerer.Ssrc, door.Ua.ActiveCallKeys!.Get(1).Ssrc);
            Assert.Equal(0x1111u, indoor.Ua.ActiveCallKeys!.Get(0).Ssrc);
            Assert.Equal(19351, door.Ua.RemoteMediaPort);
            Assert.Equal(19350, indoor.Ua.RemoteMediaPort);
            Assert.Equal(0x7F000001u, door.Ua.RemoteMediaAddress);
            Assert.Equal(200, door.Ua.LastStatusCode);

            var callerKeys = door.Ua.ActiveCallKeys!;
            door.Ua.Hangup(Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Ended && indoor.Ua.CallState == SipCallState.Ended, 3000, door.Ua, indoor.Ua),
                door.Ua.CallState + " / " + indoor.Ua.CallState);
            Assert.Null(door.Ua.ActiveCallKeys);
            Assert.Null(indoor.Ua.ActiveCallKeys);
            Assert.Equal(0, callerKeys.Count); // wiped, not only dropped
            Assert.Equal(SipCallFailure.None, door.Ua.LastFailure);
        }

        [Fact]
        public void EarlyMediaKeysArriveWith183BeforeThe200()
        {
            using var door = new UaNode(19302, "door");
            using var indoor = new UaNode(19303, "indoor", o => o.AutoAnswerDelayMicros = -1);
            var keys = door.Keys.NewCaller(0x2222);
            door.Ua.Call(indoor.Uri("indoor"), keys, Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Early, 3000, door.Ua, indoor.Ua), door.Ua.CallState.ToString());
            Assert.Equal(SipCallState.Incoming, indoor.Ua.CallState);

            // RFC 5197 §5.1: the 183's answer keys the early dialog; the callee's early keys are the same.
            string? tag = door.Ua.EarlyTag(0);
            Assert.NotNull(tag);
            Assert.Null(door.Ua.EarlyTag(1));
            Assert.Equal(KeyCompare.MasterKey(door.Ua.EarlyMediaKeys(tag!)), KeyCompare.MasterKey(indoor.Ua.EarlyMediaKeys(indoor.Ua.ActiveDialog!.LocalTag)));
            Assert.Null(door.Ua.ActiveCallKeys);

            indoor.Ua.Answer(Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Established && indoor.Ua.CallState == SipCallState.Established,
                3000, door.Ua, indoor.Ua));
            Assert.Equal(tag, door.Ua.ActiveDialog!.RemoteTag);
            Assert.Equal(KeyCompare.MasterKey(door.Ua.ActiveCallKeys), KeyCompare.MasterKey(indoor.Ua.ActiveCallKeys));
            Assert.Null(door.Ua.EarlyMediaKeys(tag!)); // early media ends with the 200
            indoor.Ua.Hangup(Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Ended && indoor.Ua.CallState == SipCallState.Ended, 3000, door.Ua, indoor.Ua));
        }

        [Fact]
        public void CancelWhileRingingEndsBothSidesWith487()
        {
            using var door = new UaNode(19304, "door");
            using var indoor = new UaNode(19305, "indoor", o => o.AutoAnswerDelayMicros = -1);
            door.Ua.Call(indoor.Uri("indoor"), door.Keys.NewCaller(0x3333), Pump.Now);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Early, 3000, door.Ua, indoor.Ua));
            door.Ua.Hangup(Pump.Now);
            Assert.Equal(SipCallState.Cancelling, door.Ua.CallState);
            Assert.True(Pump.Until(() => door.Ua.CallState == SipCallState.Ended && indoor.Ua.CallState == SipCallState.Ended, 3000, door.Ua, indoor.Ua),
                door.Ua.CallState + " / " + indoor.Ua.CallState);
            Assert.Equal(487, door.Ua.LastStatusCode);
            Assert.Equal(487, indoor.Ua.LastStatusCode);
            Assert.Null(indoor.Ua.ActiveCallKeys);
            Assert.Null(indoor.Ua.EarlyMediaKeys(indoor.Ua.ActiveDialog!.LocalTag));
        }

        [Fact]
        public void ASecondCallerGets486WhileTheCalleeIsInACall()
        {
            using var door = new UaNode(19306, "door");
            using var indoor = new UaNode(19307, "indoor");
            using var gate = new UaNode(19308, "gate");
            door.Ua.Call(indoor.Uri("indoor"), door.Keys.NewCaller(0x4444), Pump.Now);
            Assert.True(Pump.Until(() => indoor.Ua.CallState == SipCallState.Established && door.Ua.CallState == SipCallState.Established,
                5000, door.Ua, indoor.Ua, gate.Ua));
            string keysBefore = KeyCompare.MasterKey(indoor.Ua.ActiveCallKeys);

            gate.Ua.Call(indoor.Uri("indoor"), gate.Keys.NewCaller(0x5555), Pump.Now);
            Assert.True(Pump.Until(() => gate.Ua.CallState == SipCallState.Failed, 3000, door.Ua, indoor.Ua, gate.Ua), gate.Ua.CallState.ToString());
            Assert.Equal(SipCallFailure.Rejected, gate.Ua.LastFailure);
            Assert.Equal(486, gate.Ua.LastStatusCode);
            Assert.Equal(1u, indoor.Ua.Refused);
            // The call in progress is untouched.
            Assert.Equal(SipCallState.Established, indoor.Ua.CallState);
            Assert.Equal(keysBefore, KeyCompare.MasterKey(indoor.Ua.ActiveCallKeys));
            Assert.Equal(1, indoor.Answerer.Answered);
        }
    }
}
