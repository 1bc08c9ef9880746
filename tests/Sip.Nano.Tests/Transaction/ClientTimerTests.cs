using NanoMikey.Sip.Message;
using NanoMikey.Sip.Transaction;
using static NanoMikey.Sip.Tests.Transaction.TransactionFixture;

namespace NanoMikey.Sip.Tests.Transaction
{
    /// <summary>Client transaction timers on a fake clock (RFC 3261 §17.1, T1 = 0.5 s, T2 = 4 s, T4 = 5 s).</summary>
    public class ClientTimerTests
    {
        [Fact]
        public void InviteRetransmitsOnTimerAAndTimesOutOnTimerB()
        {
            var f = new TransactionFixture();
            SipClientTransaction t = f.StartClient(Request(SipMethod.Invite, "z9hG4bKa1"));
            Assert.Equal(SipTransactionState.Calling, t.State);
            Assert.Equal(f.Table.Timers.T1, t.NextDueMicros);
            f.RunUntil(32 * S - 10 * Ms);
            Assert.Equal(SipTransactionState.Calling, t.State);

            // §17.1.1.2: 0, then T1, 2·T1, 4·T1, ... apart: 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s; Timer B = 64·T1 = 32 s.
            Assert.Equal(Seconds(0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5), f.SendTimes("INVITE"));
            f.RunUntil(32 * S);
            Assert.Equal(SipTransactionState.TimedOut, t.State);
            f.RunUntil(40 * S);
            Assert.Equal(7, f.Sender.Sends.Count);
            Assert.Equal(long.MaxValue, t.NextDueMicros);
        }

        [Fact]
        public void ProvisionalStopsTimerAThenTwoxxIsAcceptedUntilTimerM()
        {
            var f = new TransactionFixture();
            byte[] invite = Request(SipMethod.Invite, "z9hG4bKa2");
            SipClientTransaction t = f.StartClient(invite);
            f.RunUntil(700 * Ms);
            Assert.Equal(SipReceiveResult.PassToUser, f.Respond(Response(invite, 180)));
            Assert.Equal(SipTransactionState.Proceeding, t.State);
            Assert.Equal(180, t.LastStatusCode);
            f.RunUntil(60 * S);
            Assert.Equal(Seconds(0, 0.5), f.SendTimes("INVITE"));
            Assert.Equal(SipTransactionState.Proceeding, t.State);

            // RFC 6026 §7.2: every 2xx (retransmissions, other forks) reaches the user until Timer M; no ACK from the transaction.
            Assert.Equal(SipReceiveResult.PassToUser, f.Respond(Response(invite, 200)));
            Assert.Equal(SipTransactionState.Accepted, t.State);
            Assert.Equal(SipReceiveResult.PassToUser, f.Respond(Response(invite, 200)));
            Assert.Equal(SipReceiveResult.PassToUser, f.Respond(Response(invite, 200, "fork2")));
            Assert.Equal(SipReceiveResult.Absorbed, f.Respond(Response(invite, 180)));
            Assert.Empty(f.SendTimes("ACK"));
            f.ExpectChangeAt(t, 92 * S, SipTransactionState.Accepted, SipTransactionState.Terminated);
            Assert.Equal(SipReceiveResult.NoMatch, f.Respond(Response(invite, 200)));
        }

        [Fact]
        public void NonInviteTimerECapsAtT2AndTimerFTimesOut()
        {
            var f = new TransactionFixture();
            SipClientTransaction t = f.StartClient(Request(SipMethod.Register, "z9hG4bKe1"));
            Assert.Equal(SipTransactionState.Trying, t.State);
            f.RunUntil(40 * S);

            // §17.1.2.2: intervals T1, 2·T1, 4·T1, then T2 = 4 s; Timer F = 64·T1 = 32 s.
            Assert.Equal(Seconds(0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5), f.SendTimes("REGISTER"));
            Assert.Equal(SipTransactionState.TimedOut, t.State);
            Assert.Equal(11, t.SendCount);
        }

        [Fact]
        public void NonInviteInProceedingRetransmitsEveryT2()
        {
            var f = new TransactionFixture();
            byte[] bye = Request(SipMethod.Bye, "z9hG4bKe2");
            SipClientTransaction t = f.StartClient(bye);
            f.RunUntil(1 * S);
            Assert.Equal(SipReceiveResult.PassToUser, f.Respond(Response(bye, 100)));
            Assert.Equal(SipTransactionState.Proceeding, t.State);
            f.RunUntil(40 * S);
            Assert.Equal(Seconds(0, 0.5, 1.5, 5.5, 9.5, 13.5, 17.5, 21.5, 25.5, 29.5), f.SendTimes("BYE"));
            Assert.Equal(SipTransactionState.TimedOut, t.State);
        }

        [Fact]
        public void NonInviteTimerKAbsorbsRetransmittedFinals()
        {
            var f = new TransactionFixture();
            byte[] reg = Request(SipMethod.Register, "z9hG4bKk1");
            SipClientTransaction t = f.StartClient(reg);
            f.RunUntil(2 * S);
            Assert.Equal(SipReceiveResult.PassToUser, f.Respond(Response(reg, 401)));
            Assert.Equal(SipTransactionState.Completed, t.State);
            Assert.Equal(401, t.LastStatusCode);
            int sent = f.Sender.Sends.Count;
            f.RunUntil(4 * S);
            Assert.Equal(SipReceiveResult.Absorbed, f.Respond(Response(reg, 401)));
            Assert.Equal(SipReceiveResult.Absorbed, f.Respond(Response(reg, 100)));
            Assert.Equal(sent, f.Sender.Sends.Count);

            // Timer K = T4 = 5 s after the final.
            f.ExpectChangeAt(t, 7 * S, SipTransactionState.Completed, SipTransactionState.Terminated);
            Assert.Equal(SipReceiveResult.NoMatch, f.Respond(Response(reg, 401)));
        }

        [Fact]
        public void InviteNonTwoxxFinalIsAckedByTheTransactionAndTimerDAbsorbsRetransmissions()
        {
            var f = new TransactionFixture();
            byte[] invite = Request(SipMethod.Invite, "z9hG4bKd1", 17, route: true);
            SipClientTransaction t = f.StartClient(invite);
            f.RunUntil(1 * S);
            Assert.Equal(SipReceiveResult.PassToUser, f.Respond(Response(invite, 486, "busy1")));
            Assert.Equal(SipTransactionState.Completed, t.State);
            Assert.Single(f.SendTimes("ACK"));

            // §17.1.1.3: the ACK has the request's Request-URI, top Via (same branch), Route set, From, Call-ID and CSeq
            // number, and the response's To (with its tag).
            SipMessageReader ack = ReadOk(f.Sender.Sends[^1].Text);
            SipMessageReader inv = ReadOk(invite);
            Assert.Equal(SipMethod.Ack, ack.Method);
            Assert.Equal(inv.RequestUri, ack.RequestUri);
            Assert.Equal("z9hG4bKd1", ack.TopViaBranch);
            Assert.Equal(1, ack.ViaCount);
            Assert.Equal(17u, ack.CSeq);
            Assert.Equal(SipMethod.Ack, ack.CSeqMethod);
            Assert.Equal("busy1", ack.ToTag);
            Assert.Equal(inv.FromTag, ack.FromTag);
            Assert.Equal(inv.CallId, ack.CallId);
            Assert.Equal("<sip:p1.example.com;lr>", ack.HeaderValue("Route", 0));
            Assert.Equal("<sip:p2.example.com;lr>", ack.HeaderValue("Route", 1));
            Assert.Equal(0, ack.BodyLength);

            // A retransmitted 486 is absorbed and ACKed again; Timer D (32 s) ends the transaction; no INVITE resent.
            f.RunUntil(5 * S);
            Assert.Equal(SipReceiveResult.Absorbed, f.Respond(Response(invite, 486, "busy1")));
            Assert.Equal(2, f.SendTimes("ACK").Count);
            f.ExpectChangeAt(t, 33 * S, SipTransactionState.Completed, SipTransactionState.Terminated);
            Assert.Equal(Seconds(0, 0.5), f.SendTimes("INVITE"));
        }

        [Fact]
        public void SettableTimers()
        {
            var f = new TransactionFixture();
            f.Table.Timers.T1 = 100 * Ms;
            f.Table.Timers.T2 = 400 * Ms;
            SipClientTransaction t = f.StartClient(Request(SipMethod.Options, "z9hG4bKs1"));
            f.RunUntil(7 * S);
            Assert.Equal(Seconds(0, 0.1, 0.3, 0.7, 1.1, 1.5, 1.9, 2.3, 2.7, 3.1, 3.5, 3.9, 4.3, 4.7, 5.1, 5.5, 5.9, 6.3), f.SendTimes("OPTIONS"));
            Assert.Equal(SipTransactionState.TimedOut, t.State);
            Assert.Throws<System.ArgumentOutOfRangeException>(() => f.Table.Timers.T1 = 0);
        }
    }
}
