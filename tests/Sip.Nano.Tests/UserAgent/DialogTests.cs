using NanoMikey.Sip.Dialog;

namespace NanoMikey.Sip.Tests.UserAgent
{
    /// <summary>The dialog state of RFC 3261 §12: route sets, request targets, sequence numbers and the bounded table.</summary>
    public class DialogTests
    {
        [Fact]
        public void LooseRouteSetKeepsTheRemoteTargetAsRequestUri()
        {
            // RFC 3261 §12.2.1.1: the first route has lr: Request-URI = remote target, Route = the route set as is.
            var d = new SipDialog();
            d.OpenAsCaller("c1", "a", "b", "sip:door@h", "sip:in@h", 1, "sip:in@192.0.2.2:5070", false);
            Assert.True(d.AddRoute("<sip:p2.example;lr>"));
            Assert.True(d.AddRoute("<sip:p1.example;lr>"));
            Assert.True(d.IsLooseRouting);
            Assert.Equal("sip:in@192.0.2.2:5070", d.RequestUri);
            Assert.Equal("sip:p2.example;lr", d.NextHopUri);
            Assert.Equal(2, d.RouteHeaderCount);
            Assert.Equal("<sip:p2.example;lr>", d.RouteHeader(0));
            Assert.Equal("<sip:p1.example;lr>", d.RouteHeader(1));
        }

        [Fact]
        public void StrictRouterFirstTakesTheRequestUriAndTheTargetGoesLast()
        {
            // RFC 3261 §12.2.1.1: a strict router (no lr) is the Request-URI; the remote target is appended as the last Route.
            var d = new SipDialog();
            d.OpenAsCaller("c1", "a", "b", "sip:door@h", "sip:in@h", 1, "sip:in@192.0.2.2", false);
            d.AddRoute("<sip:strict.example;transport=udp>");
            d.AddRoute("<sip:p1.example;lr>");
            Assert.False(d.IsLooseRouting);
            Assert.Equal("sip:strict.example;transport=udp", d.RequestUri);
            Assert.Equal(2, d.RouteHeaderCount);
            Assert.Equal("<sip:p1.example;lr>", d.RouteHeader(0));
            Assert.Equal("<sip:in@192.0.2.2>", d.RouteHeader(1));
        }

        [Theory]
        [InlineData("<sip:p.example;lr>", true)]
        [InlineData("<sip:p.example;LR=on;x=1>", true)]
        [InlineData("sip:p.example;transport=udp;lr", true)]
        [InlineData("<sip:p.example;lrx>", false)]
        [InlineData("<sip:lr@p.example;maddr=lr>", false)]
        [InlineData("<sip:p.example?lr>", false)]
        public void LrIsAUriParameterOnly(string route, bool loose)
        {
            var d = new SipDialog();
            d.OpenAsCallee("c", "a", "b", "sip:x@h", "sip:y@h", 7, "sip:y@192.0.2.3", 100);
            d.AddRoute(route);
            Assert.Equal(loose, d.IsLooseRouting);
        }

        [Fact]
        public void RemoteCSeqLowerThanTheLastIsRefusedAndChangesNothing()
        {
            // RFC 3261 §12.2.2: out of order (lower) → 500; the remote sequence number stays.
            var d = new SipDialog();
            d.OpenAsCallee("c", "a", "b", "sip:x@h", "sip:y@h", 7, "sip:y@192.0.2.3", 100);
            Assert.False(d.AcceptRemoteCSeq(6));
            Assert.Equal(7u, d.RemoteCSeq);
            Assert.True(d.AcceptRemoteCSeq(8));
            Assert.Equal(8u, d.RemoteCSeq);
            Assert.Equal(101u, d.NextLocalCSeq());
            Assert.Equal(7u, d.InviteCSeq);
        }

        [Fact]
        public void CallerDialogHasAnEmptyRemoteSequenceUntilThePeerSends()
        {
            var d = new SipDialog();
            d.OpenAsCaller("c", "a", "b", "sip:x@h", "sip:y@h", 1, "sip:y@192.0.2.3", true);
            Assert.Equal(SipDialogState.Early, d.State);
            Assert.False(d.HasRemoteCSeq);
            Assert.True(d.AcceptRemoteCSeq(1));
            d.Confirm();
            Assert.Equal(SipDialogState.Confirmed, d.State);
        }

        [Fact]
        public void RouteSetIsBoundedAndOverflowIsReported()
        {
            var d = new SipDialog();
            d.OpenAsCaller("c", "a", "b", "sip:x@h", "sip:y@h", 1, "sip:y@192.0.2.3", false);
            for (int i = 0; i < SipDialog.MaxRoutes; i++) Assert.True(d.AddRoute("<sip:p" + i + ";lr>"));
            Assert.False(d.AddRoute("<sip:one-too-many;lr>"));
            Assert.True(d.RouteOverflow);
            Assert.Equal(SipDialog.MaxRoutes, d.RouteCount);
        }

        [Fact]
        public void TableFindsByCallIdAndBothTagsAndRefusesWhenFull()
        {
            var t = new SipDialogTable(2);
            SipDialog a = t.Allocate()!;
            a.OpenAsCaller("call", "local", "fork1", "sip:x@h", "sip:y@h", 1, "sip:y@192.0.2.3", true);
            SipDialog b = t.Allocate()!;
            Assert.NotSame(a, b);
            b.OpenAsCaller("call", "local", "fork2", "sip:x@h", "sip:y@h", 1, "sip:y@192.0.2.4", true);
            Assert.Null(t.Allocate());
            Assert.Equal(2, t.Count);
            Assert.Same(a, t.Find("call", "local", "fork1"));
            Assert.Same(b, t.Find("call", "local", "fork2"));
            Assert.Null(t.Find("call", "local", "FORK2")); // tags compare byte for byte
            Assert.Null(t.Find("call", "other", "fork1"));
            Assert.Null(t.Find(null, "local", "fork1"));
            a.Clear();
            Assert.Same(a, t.Allocate());
            Assert.Equal(1, t.Count);
        }
    }
}
