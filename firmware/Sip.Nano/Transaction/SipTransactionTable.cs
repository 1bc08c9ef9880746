using System;
using NanoMikey.Sip.Message;

namespace NanoMikey.Sip.Transaction
{
    /// <summary>
    /// A fixed number of client and server transactions (RFC 3261 §17), allocated once: starts client transactions,
    /// matches received responses and requests to them (§17.1.3, §17.2.3), creates server transactions for new requests
    /// and runs every timer on <see cref="Run"/>. A new transaction when every slot is busy is a status (the user agent
    /// answers 503), never a growth. Not thread-safe: one user agent runs it on its ticks.
    /// </summary>
    public sealed class SipTransactionTable
    {
        private readonly SipClientTransaction[] _clients;
        private readonly SipServerTransaction[] _servers;
        private readonly ISipSender _sender;
        private readonly SipMessageReader _scratch = new SipMessageReader();
        private readonly SipMessageWriter _ack;
        private uint _nextId;

        /// <summary>Creates the table with all its transactions and their buffers.</summary>
        /// <param name="clientCapacity">Most client transactions at once (at least 1).</param>
        /// <param name="serverCapacity">Most server transactions at once (at least 1).</param>
        /// <param name="bufferSize">Each transaction's message buffer (at least 256; <see cref="SipLimits.MaxDatagram"/> takes any message).</param>
        /// <param name="sender">Where datagrams go.</param>
        public SipTransactionTable(int clientCapacity, int serverCapacity, int bufferSize, ISipSender sender)
        {
            if (sender == null) throw new ArgumentNullException();
            if (clientCapacity < 1 || serverCapacity < 1 || bufferSize < 256 || bufferSize > SipLimits.MaxDatagram) throw new ArgumentOutOfRangeException();
            _sender = sender;
            _ack = new SipMessageWriter(bufferSize);
            _clients = new SipClientTransaction[clientCapacity];
            _servers = new SipServerTransaction[serverCapacity];
            for (int i = 0; i < clientCapacity; i++) _clients[i] = new SipClientTransaction(bufferSize) { Sender = sender, Timers = Timers };
            for (int i = 0; i < serverCapacity; i++) _servers[i] = new SipServerTransaction(bufferSize) { Sender = sender, Timers = Timers };
        }

        /// <summary>T1, T2, T4 and Timer D for every transaction of this table (RFC 3261 §17.1.1.1); change before use.</summary>
        public SipTimers Timers { get; } = new SipTimers();

        /// <summary>Client transactions running now.</summary>
        public int ActiveClients { get { return CountActive(_clients); } }

        /// <summary>Server transactions running now.</summary>
        public int ActiveServers { get { return CountActive(_servers); } }

        /// <summary>Sends a request in a new client transaction (§17.1.1.2, §17.1.2.2).</summary>
        /// <param name="request">Buffer holding the whole request (its top Via carries the branch, §8.1.1.7).</param>
        /// <param name="offset">Offset of the request.</param>
        /// <param name="length">Request length.</param>
        /// <param name="address">Next hop's IPv4 address.</param>
        /// <param name="port">Next hop's port.</param>
        /// <param name="nowMicros">The current time.</param>
        /// <param name="transaction">The transaction (also on TransportError), or null.</param>
        /// <returns>Ok, TableFull, NotARequest or TransportError.</returns>
        public SipStartStatus StartClient(byte[] request, int offset, int length, uint address, int port, long nowMicros, out SipClientTransaction? transaction)
        {
            if (request == null) throw new ArgumentNullException();
            if (offset < 0 || length < 0 || offset > request.Length - length) throw new ArgumentOutOfRangeException();
            if (port < 1 || port > 65535) throw new ArgumentOutOfRangeException();
            transaction = null;
            SipClientTransaction? t = (SipClientTransaction?)FreeSlot(_clients);
            if (t == null) return SipStartStatus.TableFull;
            SipStartStatus s = t.Start(request, offset, length, address, port, nowMicros, _scratch);
            if (s == SipStartStatus.NotARequest)
            {
                t.State = SipTransactionState.Idle;
                return s;
            }

            t.Id = ++_nextId;
            transaction = t;
            return s;
        }

        /// <summary>Hands a received response to its client transaction (§17.1.3: top Via branch and CSeq method).</summary>
        /// <param name="response">A response read <see cref="SipReadStatus.Ok"/>.</param>
        /// <param name="nowMicros">The current time.</param>
        /// <param name="transaction">The matched transaction, or null.</param>
        /// <returns>PassToUser, Absorbed or NoMatch.</returns>
        public SipReceiveResult ReceiveResponse(SipMessageReader response, long nowMicros, out SipClientTransaction? transaction)
        {
            if (response == null) throw new ArgumentNullException();
            if (response.IsRequest) throw new ArgumentException();
            transaction = MatchResponse(response);
            if (transaction == null) return SipReceiveResult.NoMatch;
            return transaction.OnResponse(response, nowMicros, _scratch, _ack) ? SipReceiveResult.PassToUser : SipReceiveResult.Absorbed;
        }

        /// <summary>
        /// Hands a received request to its server transaction (§17.2.3), or starts one. A CANCEL is a transaction of its own
        /// (§9.2): find the INVITE it cancels with <see cref="FindInvite"/>.
        /// </summary>
        /// <param name="request">A request read <see cref="SipReadStatus.Ok"/>.</param>
        /// <param name="sourceAddress">The datagram's source address.</param>
        /// <param name="sourcePort">The datagram's source port.</param>
        /// <param name="nowMicros">The current time.</param>
        /// <param name="transaction">The matched or new transaction, or null.</param>
        /// <returns>NewTransaction, PassToUser (the ACK for a 2xx), Absorbed, NoMatch (an ACK of no transaction), TableFull or NoBranch.</returns>
        public SipReceiveResult ReceiveRequest(SipMessageReader request, uint sourceAddress, int sourcePort, long nowMicros, out SipServerTransaction? transaction)
        {
            if (request == null) throw new ArgumentNullException();
            if (!request.IsRequest) throw new ArgumentException();
            transaction = null;
            if (request.TopViaBranch == null) return SipReceiveResult.NoBranch;
            SipServerTransaction? t = MatchRequest(request, true);
            if (t != null)
            {
                transaction = t;
                return t.OnRequest(request, nowMicros) ? SipReceiveResult.PassToUser : SipReceiveResult.Absorbed;
            }

            // §17.2.3 / RFC 6026 §7.1: an ACK that matches no transaction goes to the core (the ACK for a 2xx).
            if (request.Method == SipMethod.Ack) return SipReceiveResult.NoMatch;
            t = (SipServerTransaction?)FreeSlot(_servers);
            if (t == null) return SipReceiveResult.TableFull;
            if (!t.Start(request, sourceAddress, sourcePort)) return SipReceiveResult.NoBranch;
            t.Id = ++_nextId;
            transaction = t;
            return SipReceiveResult.NewTransaction;
        }

        /// <summary>The transaction a message belongs to, without changing anything (§17.1.3, §17.2.3), or null.</summary>
        /// <param name="message">A message read <see cref="SipReadStatus.Ok"/>.</param>
        /// <returns>A client transaction for a response, a server transaction for a request.</returns>
        public SipTransaction? Match(SipMessageReader message)
        {
            if (message == null) throw new ArgumentNullException();
            if (message.IsRequest) return MatchRequest(message, true);
            return MatchResponse(message);
        }

        /// <summary>The INVITE server transaction a CANCEL cancels (RFC 3261 §9.2: same branch and sent-by), or null.</summary>
        /// <param name="cancel">A CANCEL read <see cref="SipReadStatus.Ok"/>.</param>
        /// <returns>The INVITE transaction, still running.</returns>
        public SipServerTransaction? FindInvite(SipMessageReader cancel)
        {
            if (cancel == null) throw new ArgumentNullException();
            for (int i = 0; i < _servers.Length; i++)
            {
                SipServerTransaction t = _servers[i];
                if (t.IsInvite && t.MatchesBranchAndSentBy(cancel)) return t;
            }

            return null;
        }

        /// <summary>The earliest time (µs) any transaction has work, or <see cref="long.MaxValue"/>.</summary>
        public long NextDueMicros
        {
            get
            {
                long due = long.MaxValue;
                for (int i = 0; i < _clients.Length; i++) due = SipTransaction.Min(due, _clients[i].NextDueMicros);
                for (int i = 0; i < _servers.Length; i++) due = SipTransaction.Min(due, _servers[i].NextDueMicros);
                return due;
            }
        }

        /// <summary>Runs every transaction's timers.</summary>
        /// <param name="nowMicros">The current time.</param>
        public void Run(long nowMicros)
        {
            for (int i = 0; i < _clients.Length; i++) _clients[i].Run(nowMicros);
            for (int i = 0; i < _servers.Length; i++) _servers[i].Run(nowMicros);
        }

        private SipClientTransaction? MatchResponse(SipMessageReader response)
        {
            for (int i = 0; i < _clients.Length; i++)
            {
                SipClientTransaction t = _clients[i];
                if (t.InUse && t.Method == response.CSeqMethod && response.TopViaBranchEquals(t.Branch)) return t;
            }

            return null;
        }

        private SipServerTransaction? MatchRequest(SipMessageReader request, bool ackMatchesInvite)
        {
            for (int i = 0; i < _servers.Length; i++)
            {
                if (_servers[i].Matches(request, ackMatchesInvite)) return _servers[i];
            }

            return null;
        }

        // A slot that never ran or whose transaction finished; finished ones are taken oldest first (lowest Id).
        private static SipTransaction? FreeSlot(SipTransaction[] slots)
        {
            SipTransaction? best = null;
            for (int i = 0; i < slots.Length; i++)
            {
                SipTransaction t = slots[i];
                if (t.State == SipTransactionState.Idle) return t;
                if (t.IsFinished && (best == null || t.Id < best.Id)) best = t;
            }

            return best;
        }

        private static int CountActive(SipTransaction[] slots)
        {
            int n = 0;
            for (int i = 0; i < slots.Length; i++)
            {
                if (slots[i].InUse) n++;
            }

            return n;
        }
    }
}
