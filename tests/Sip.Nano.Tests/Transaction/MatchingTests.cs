using NanoMikey.Sip.Message;
using NanoMikey.Sip.Transaction;
using static NanoMikey.Sip.Tests.Transaction.TransactionFixture;

namespace NanoMikey.Sip.Tests.Transaction
{
    /// <summary>Matching (RFC 3261 §17.1.3, §17.2.3, §9.2), the fixed table, and what is not a transaction.</summary>
    public class MatchingTests
    {
        [Fact]
        public void ResponsesMatchByBranchAndCSeqMethod()
        {
            var f = new TransactionFixture();
            byte[] invite = Request(SipMethod.Invite, "z9hG4bKm1");
            byte[] cancel = Request(SipMethod.Cancel, "z9hG4bKm1");
            SipClientTransaction ti = f.StartClient(invite);
            SipClientTransaction tc = f.StartClient(cancel);
            Assert.NotSame(ti, tc);

            // Same branch: the CSeq method tells the CANCEL's 200 from the INVITE's 487.
            Assert.Same(tc, f.Table.Match(ReadOk(Response(cancel, 200))));
            Assert.Same(ti, f.Table.Match(ReadOk(Response(invite, 487))));
            Assert.Equal(SipReceiveResult.PassToUser, f.Table.ReceiveResponse(ReadOk(Response(cancel, 200)), f.Now, out SipClientTransaction? m));
            Assert.Same(tc, m);
            Assert.Equal(SipTransactionState.Completed, tc.State);
            Assert.Equal(SipTransactionState.Calling, ti.State);

            // Another branch matches nothing.
            Assert.Equal(SipReceiveResult.NoMatch, f.Respond(Response(Request(SipMethod.Invite, "z9hG4bKm2"), 200)));
            Assert.Null(f.Table.Match(ReadOk(Response(Request(SipMethod.Invite, "z9hG4bKm1x"), 200))));
        }

        [Fact]
        public void RequestsMatchByBranchSentByAndMethod()
        {
            var f = new TransactionFixture();
            byte[] invite = Request(SipMethod.Invite, "z9hG4bKn1");
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(invite, out SipServerTransaction? t));
            Assert.Same(t, f.Table.Match(ReadOk(invite)));

            // Another sent-by or another method is another transaction (§17.2.3).
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(Request(SipMethod.Invite, "z9hG4bKn1", sentBy: "192.0.2.77:5060"), out SipServerTransaction? t2));
            Assert.NotSame(t, t2);
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(Request(SipMethod.Cancel, "z9hG4bKn1"), out SipServerTransaction? tc));
            Assert.NotSame(t, tc);

            // §9.2: the CANCEL finds its INVITE by branch and sent-by.
            Assert.Same(t, f.Table.FindInvite(ReadOk(Request(SipMethod.Cancel, "z9hG4bKn1"))));
            Assert.Null(f.Table.FindInvite(ReadOk(Request(SipMethod.Cancel, "z9hG4bKn9"))));
            Assert.Equal(3, f.Table.ActiveServers);
        }

        [Fact]
        public void FindInviteSkipsANonInviteWithTheSameBranch()
        {
            // A CANCEL that arrived first holds an earlier slot with the same branch and sent-by; FindInvite still gives the INVITE.
            var f = new TransactionFixture();
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(Request(SipMethod.Cancel, "z9hG4bKq1"), out SipServerTransaction? cancel));
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(Request(SipMethod.Invite, "z9hG4bKq1"), out SipServerTransaction? invite));
            Assert.Same(invite, f.Table.FindInvite(ReadOk(Request(SipMethod.Cancel, "z9hG4bKq1"))));
            Assert.NotSame(cancel, invite);
        }

        [Fact]
        public void AFullTableAnswersNewTransactionsWithAStatusAndSlotsAreReusedWhenFinished()
        {
            var f = new TransactionFixture(clients: 2, servers: 2);
            byte[] a = Request(SipMethod.Options, "z9hG4bKf1");
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(a, out SipServerTransaction? ta));
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(Request(SipMethod.Options, "z9hG4bKf2"), out _));
            Assert.Equal(SipReceiveResult.TableFull, f.Receive(Request(SipMethod.Invite, "z9hG4bKf3"), out SipServerTransaction? none));
            Assert.Null(none);

            // Retransmissions of running transactions still match when the table is full.
            Assert.Equal(SipReceiveResult.Absorbed, f.Receive(a, out _));

            f.StartClient(Request(SipMethod.Options, "z9hG4bKc1"));
            f.StartClient(Request(SipMethod.Options, "z9hG4bKc2"));
            byte[] c3 = Request(SipMethod.Options, "z9hG4bKc3");
            Assert.Equal(SipStartStatus.TableFull, f.Table.StartClient(c3, 0, c3.Length, Peer, 5060, f.Now, out SipClientTransaction? tc));
            Assert.Null(tc);
            Assert.Equal(2, f.Table.ActiveClients);

            // Once a transaction finishes its slot serves the next one, under a new Id.
            uint oldId = ta!.Id;
            f.Answer(ta!, a, 200);
            f.RunUntil(40 * S);
            Assert.Equal(SipTransactionState.Terminated, ta.State);
            Assert.Equal(SipReceiveResult.NewTransaction, f.Receive(Request(SipMethod.Invite, "z9hG4bKf3"), out SipServerTransaction? reused));
            Assert.NotEqual(oldId, reused!.Id);
            Assert.Equal(SipStartStatus.Ok, f.Table.StartClient(c3, 0, c3.Length, Peer, 5060, f.Now, out _));
        }

        [Fact]
        public void WhatIsNotATransaction()
        {
            var f = new TransactionFixture();
            byte[] invite = Request(SipMethod.Invite, "z9hG4bKx1");
            byte[] resp = Response(invite, 200);
            byte[] ack = Request(SipMethod.Ack, "z9hG4bKx2");
            byte[] junk = System.Text.Encoding.ASCII.GetBytes("hello\r\n\r\n");
            foreach (byte[] b in new[] { resp, ack, junk })
            {
                Assert.Equal(SipStartStatus.NotARequest, f.Table.StartClient(b, 0, b.Length, Peer, 5060, 0, out SipClientTransaction? t));
                Assert.Null(t);
            }

            Assert.Equal(0, f.Table.ActiveClients);
            Assert.Empty(f.Sender.Sends);

            // A request without a branch (RFC 2543) is a status for the UA.
            string noBranch = System.Text.Encoding.ASCII.GetString(Request(SipMethod.Options, "z9hG4bKx3")).Replace(";branch=z9hG4bKx3", "");
            Assert.Equal(SipReceiveResult.NoBranch, f.Table.ReceiveRequest(ReadOk(noBranch), Peer, 5060, 0, out _));
        }

        [Fact]
        public void TransportErrorEndsTheTransaction()
        {
            var f = new TransactionFixture();
            f.Sender.Fail = true;
            byte[] inv = Request(SipMethod.Invite, "z9hG4bKt1");
            Assert.Equal(SipStartStatus.TransportError, f.Table.StartClient(inv, 0, inv.Length, Peer, 5060, 0, out SipClientTransaction? t));
            Assert.Equal(SipTransactionState.TransportError, t!.State);
            Assert.Equal(0, f.Table.ActiveClients);
            f.Sender.Fail = false;
            SipClientTransaction t2 = f.StartClient(inv);
            f.Sender.Fail = true;
            f.RunUntil(1 * S);
            Assert.Equal(SipTransactionState.TransportError, t2.State);
        }

        [Fact]
        public void AbandonEndsAStuckInvite()
        {
            var f = new TransactionFixture();
            byte[] inv = Request(SipMethod.Invite, "z9hG4bKab");
            SipClientTransaction t = f.StartClient(inv);
            f.Respond(Response(inv, 180));
            f.RunUntil(300 * S);
            Assert.Equal(SipTransactionState.Proceeding, t.State);
            t.Abandon();
            Assert.Equal(SipTransactionState.Terminated, t.State);
        }

        [Fact]
        public void TokensCarryTheCookieAndDiffer()
        {
            var g = new SipTokenGenerator(new NanoMikey.Hardware.Host.HostEntropySource());
            string b1 = g.NewBranch(), b2 = g.NewBranch();
            Assert.StartsWith("z9hG4bK", b1);
            Assert.Equal(7 + 24, b1.Length);
            Assert.NotEqual(b1, b2);
            Assert.Equal(16, g.NewTag().Length);
            string c = g.NewCallId("192.0.2.1");
            Assert.EndsWith("@192.0.2.1", c);
            Assert.Equal(32 + 10, c.Length);
            Assert.Equal(32, g.NewCallId(null).Length);
        }
    }
}
