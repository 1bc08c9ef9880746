using NanoMikey.Sip.Message;
using NanoMikey.Sip.Transaction;
using static NanoMikey.Sip.Tests.Transaction.TransactionFixture;

namespace NanoMikey.Sip.Tests.Transaction
{
    /// <summary>Server transaction timers on a fake clock (RFC 3261 §17.2, RFC 6026 §7.1).</summary>
    public class ServerTimerTests
    {
        [Fact]
        public void InviteRetransmissionsAreAnsweredWithTheLastProvisional()
        {
            var f = new TransactionFixture();
            byte[] invite = Request(SipMethod.Invite, "z9hG4bKg1");
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(invite, out SipServerTransaction? t));
            Assert.Equal(SipTransactionState.Proceeding, t!.State);

            // Before any response a retransmission is absorbed silently.
            Assert.Equal(SipReceiveResult.Absorbed, f.Receive(invite, out _));
            Assert.Empty(f.Sender.Sends);
            Assert.True(t.Respond(Response(invite, 180), 0, Response(invite, 180).Length, f.Now));
            Assert.Equal(SipReceiveResult.Absorbed, f.Receive(invite, out SipServerTransaction? same));
            Assert.Same(t, same);
            Assert.Equal(2, f.SendTimes("SIP/2.0 180").Count);

            // Responses go to the source address, and to the Via's sent-by port (no rport): RFC 3261 §18.2.2.
            Assert.Equal(Peer, f.Sender.Sends[0].Address);
            Assert.Equal(5060, f.Sender.Sends[0].Port);
        }

        [Fact]
        public void InviteNonTwoxxTimerGRetransmitsUntilTimerH()
        {
            var f = new TransactionFixture();
            byte[] invite = Request(SipMethod.Invite, "z9hG4bKg2");
            f.Receive(invite, out SipServerTransaction? t);
            f.RunUntil(1 * S);
            Assert.True(f.Answer(t!, invite, 486));
            Assert.Equal(SipTransactionState.Completed, t!.State);
            f.RunUntil(40 * S);

            // §17.2.1: G = T1, then doubling to T2: 1.5, 2.5, 4.5, 8.5, 12.5, ... ; H = 64·T1 after the final (33 s).
            Assert.Equal(Seconds(1, 1.5, 2.5, 4.5, 8.5, 12.5, 16.5, 20.5, 24.5, 28.5, 32.5), f.SendTimes("SIP/2.0 486"));
            Assert.Equal(SipTransactionState.TimedOut, t.State);
        }

        [Fact]
        public void InviteAckConfirmsAndTimerIAbsorbsAcks()
        {
            var f = new TransactionFixture();
            byte[] invite = Request(SipMethod.Invite, "z9hG4bKi1");
            f.Receive(invite, out SipServerTransaction? t);
            f.Answer(t!, invite, 603);
            f.RunUntil(1 * S);

            // A retransmitted INVITE in Completed gets the final again.
            Assert.Equal(SipReceiveResult.Absorbed, f.Receive(invite, out _));
            int finals = f.SendTimes("SIP/2.0 603").Count;
            Assert.Equal(3, finals);

            // The ACK for the non-2xx (same branch, §17.1.1.3) is absorbed: Confirmed, G and H stop, Timer I = T4.
            byte[] ack = Request(SipMethod.Ack, "z9hG4bKi1");
            Assert.Equal(SipReceiveResult.Absorbed, f.Receive(ack, out SipServerTransaction? matched));
            Assert.Same(t, matched);
            Assert.Equal(SipTransactionState.Confirmed, t!.State);
            f.RunUntil(3 * S);
            Assert.Equal(SipReceiveResult.Absorbed, f.Receive(ack, out _));
            Assert.Equal(finals, f.SendTimes("SIP/2.0 603").Count);
            f.ExpectChangeAt(t, 6 * S, SipTransactionState.Confirmed, SipTransactionState.Terminated);
            Assert.Equal(SipReceiveResult.NoMatch, f.Receive(ack, out _));
        }

        [Fact]
        public void InviteTwoxxIsRetransmittedUntilTheAckWhichGoesToTheUser()
        {
            var f = new TransactionFixture();
            byte[] invite = Request(SipMethod.Invite, "z9hG4bKl1");
            f.Receive(invite, out SipServerTransaction? t);
            Assert.True(f.Answer(t!, invite, 200));
            Assert.Equal(SipTransactionState.Accepted, t!.State);
            f.RunUntil(2 * S);
            Assert.Equal(SipReceiveResult.Absorbed, f.Receive(invite, out _));
            Assert.Equal(Seconds(0, 0.5, 1.5), f.SendTimes("SIP/2.0 200"));

            // The ACK for a 2xx has its own branch (§13.2.2.4): it matches no transaction of RFC 3261 and goes to the
            // dialog; with the INVITE's branch (as some peers send) it reaches the user through the transaction.
            Assert.Equal(SipReceiveResult.NoMatch, f.Receive(Request(SipMethod.Ack, "z9hG4bKother"), out _));
            Assert.Equal(SipTransactionState.Accepted, t.State);
            Assert.Equal(SipReceiveResult.PassToUser, f.Receive(Request(SipMethod.Ack, "z9hG4bKl1"), out _));
            Assert.True(t.AckReceived);
            Assert.Equal(SipTransactionState.Terminated, t.State);
            f.RunUntil(40 * S);
            Assert.Equal(3, f.SendTimes("SIP/2.0 200").Count);
        }

        [Fact]
        public void InviteTwoxxWithoutAckTimesOutAfter64T1()
        {
            var f = new TransactionFixture();
            byte[] invite = Request(SipMethod.Invite, "z9hG4bKl2");
            f.Receive(invite, out SipServerTransaction? t);
            f.Answer(t!, invite, 200);
            f.RunUntil(40 * S);
            Assert.Equal(Seconds(0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5), f.SendTimes("SIP/2.0 200"));
            Assert.Equal(SipTransactionState.TimedOut, t!.State);
            Assert.False(t.AckReceived);
        }

        [Fact]
        public void NonInviteTimerJAnswersRetransmissionsWithTheFinal()
        {
            var f = new TransactionFixture();
            byte[] bye = Request(SipMethod.Bye, "z9hG4bKj1");
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(bye, out SipServerTransaction? t));
            Assert.Equal(SipTransactionState.Trying, t!.State);
            Assert.Equal(SipReceiveResult.Absorbed, f.Receive(bye, out _));
            Assert.Empty(f.Sender.Sends);
            Assert.True(f.Answer(t!, bye, 200));
            Assert.Equal(SipTransactionState.Completed, t.State);
            Assert.False(f.Answer(t, bye, 200));
            f.RunUntil(10 * S);
            Assert.Equal(SipReceiveResult.Absorbed, f.Receive(bye, out _));
            Assert.Equal(Seconds(0, 10), f.SendTimes("SIP/2.0 200"));

            // Timer J = 64·T1: then the same request is a new transaction.
            f.ExpectChangeAt(t, 32 * S, SipTransactionState.Completed, SipTransactionState.Terminated);
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(bye, out _));
        }

        [Fact]
        public void NonInviteProvisionalThenFinal()
        {
            var f = new TransactionFixture();
            byte[] reg = Request(SipMethod.Register, "z9hG4bKj2");
            f.Receive(reg, out SipServerTransaction? t);
            Assert.True(f.Answer(t!, reg, 100));
            Assert.Equal(SipTransactionState.Proceeding, t!.State);
            Assert.Equal(SipReceiveResult.Absorbed, f.Receive(reg, out _));
            Assert.Equal(2, f.SendTimes("SIP/2.0 100").Count);
            Assert.False(t.Respond(reg, 0, reg.Length, f.Now)); // a request is not a response
            Assert.True(f.Answer(t!, reg, 200));
            Assert.Equal(SipTransactionState.Completed, t.State);
        }

        [Fact]
        public void RportSendsResponsesToTheSourcePort()
        {
            var f = new TransactionFixture();
            byte[] opt = Request(SipMethod.Options, "z9hG4bKr1", sentBy: "10.0.0.5:5062;rport");
            f.Receive(opt, out SipServerTransaction? t);
            f.Answer(t!, opt, 200);
            Assert.Equal(5070, f.Sender.Sends[0].Port);
        }
    }
}
