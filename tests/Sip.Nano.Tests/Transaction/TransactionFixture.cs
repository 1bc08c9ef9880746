using System.Collections.Generic;
using System.Text;
using NanoMikey.Sip.Message;
using NanoMikey.Sip.Transaction;

namespace NanoMikey.Sip.Tests.Transaction
{
    /// <summary>One datagram a transaction handed to the sender.</summary>
    internal sealed record Sent(long At, string Text, uint Address, int Port);

    /// <summary>Captures what transactions send, on a fake clock the test moves.</summary>
    internal sealed class RecordingSender : ISipSender
    {
        public readonly List<Sent> Sends = new List<Sent>();
        public long Now;
        public bool Fail;

        public bool Send(byte[] buffer, int offset, int length, uint address, int port)
        {
            if (Fail) return false;
            Sends.Add(new Sent(Now, Encoding.Latin1.GetString(buffer, offset, length), address, port));
            return true;
        }
    }

    /// <summary>Builds requests and responses, and moves the fake clock in small steps through Run.</summary>
    internal sealed class TransactionFixture
    {
        public const long Ms = 1000;
        public const long S = 1000000;
        public const uint Peer = 0xC0000201; // 192.0.2.1

        public readonly RecordingSender Sender = new RecordingSender();
        public readonly SipTransactionTable Table;
        public long Now;

        public TransactionFixture(int clients = 4, int servers = 4)
        {
            Table = new SipTransactionTable(clients, servers, SipLimits.MaxDatagram, Sender);
        }

        public static byte[] Request(SipMethod method, string branch, uint cseq = 1, string sentBy = "192.0.2.9:5060", bool route = false)
        {
            var w = new SipMessageWriter(SipLimits.MaxDatagram);
            w.StartRequest(method, "sip:door@example.com");
            w.Header(SipHeaderName.Via, "SIP/2.0/UDP " + sentBy + ";branch=" + branch);
            if (route)
            {
                w.Header(SipHeaderName.Route, "<sip:p1.example.com;lr>");
                w.Header(SipHeaderName.Route, "<sip:p2.example.com;lr>");
            }

            w.HeaderUInt(SipHeaderName.MaxForwards, 70);
            w.Header(SipHeaderName.From, "<sip:panel@example.com>;tag=ft1");
            w.Header(SipHeaderName.To, "<sip:door@example.com>");
            w.Header(SipHeaderName.CallId, "call-" + branch + "@example.com");
            w.HeaderCSeq(cseq, method);
            int n = w.EndNoBody();
            return w.Buffer.AsSpan(0, n).ToArray();
        }

        public static byte[] Response(byte[] request, int code, string toTag = "tt1")
        {
            var r = new SipMessageReader();
            Assert.Equal(SipReadStatus.Ok, r.Read(request, 0, request.Length));
            var w = new SipMessageWriter(SipLimits.MaxDatagram);
            SipResponseTemplate.Write(w, r, code, "Reason", code == 100 ? null : toTag);
            int n = w.EndNoBody();
            return w.Buffer.AsSpan(0, n).ToArray();
        }

        public static SipMessageReader ReadOk(byte[] b)
        {
            var r = new SipMessageReader();
            Assert.Equal(SipReadStatus.Ok, r.Read(b, 0, b.Length));
            return r;
        }

        public static SipMessageReader ReadOk(string text) => ReadOk(Encoding.Latin1.GetBytes(text));

        public SipClientTransaction StartClient(byte[] request)
        {
            Sender.Now = Now;
            Assert.Equal(SipStartStatus.Ok, Table.StartClient(request, 0, request.Length, Peer, 5060, Now, out SipClientTransaction? t));
            return t!;
        }

        public SipReceiveResult Respond(byte[] response) => Table.ReceiveResponse(ReadOk(response), Now, out _);

        public SipReceiveResult Receive(byte[] request, out SipServerTransaction? t) => Table.ReceiveRequest(ReadOk(request), Peer, 5070, Now, out t);

        /// <summary>Runs the table every 10 ms until <paramref name="until"/> (µs, inclusive).</summary>
        public void RunUntil(long until)
        {
            while (Now < until)
            {
                Now += 10 * Ms;
                if (Now > until) Now = until;
                Sender.Now = Now;
                Table.Run(Now);
            }
        }

        /// <summary>Runs to just before <paramref name="at"/> (state <paramref name="before"/>), then to it (state <paramref name="after"/>): a timer fires exactly there.</summary>
        public void ExpectChangeAt(SipTransaction t, long at, SipTransactionState before, SipTransactionState after)
        {
            RunUntil(at - 10 * Ms);
            Assert.Equal(before, t.State);
            RunUntil(at);
            Assert.Equal(after, t.State);
        }

        /// <summary>Answers a server transaction's request with a response of <paramref name="code"/> built from it.</summary>
        public bool Answer(SipServerTransaction t, byte[] request, int code)
        {
            byte[] r = Response(request, code);
            Sender.Now = Now;
            return t.Respond(r, 0, r.Length, Now);
        }

        public List<long> SendTimes(string startsWith)
        {
            var l = new List<long>();
            foreach (Sent s in Sender.Sends)
            {
                if (s.Text.StartsWith(startsWith, System.StringComparison.Ordinal)) l.Add(s.At);
            }

            return l;
        }

        public static long[] Seconds(params double[] s)
        {
            var r = new long[s.Length];
            for (int i = 0; i < s.Length; i++) r[i] = (long)(s[i] * S);
            return r;
        }
    }
}
