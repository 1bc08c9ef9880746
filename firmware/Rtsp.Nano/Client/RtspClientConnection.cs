using System;
using NanoMikey.Crypto;
using NanoMikey.Net.Sockets;
using NanoMikey.Rtsp.Message;

namespace NanoMikey.Rtsp.Client
{
    /// <summary>
    /// The client's side of one RTSP control connection (RFC 2326 §10): one request at a time, sent without blocking, its
    /// answer collected into a fixed buffer and matched by CSeq (§12.17), every wait bounded by a deadline. Allocation-free
    /// after construction.
    /// </summary>
    internal sealed class RtspClientConnection
    {
        private readonly IStreamSocket _socket;
        private readonly byte[] _rx;
        private readonly byte[] _tx;
        private int _rxCount;
        private int _txLength;
        private int _sent;
        private bool _sending;
        private bool _pending;
        private long _deadline;
        private int _cseq;

        internal RtspClientConnection(IStreamSocket socket, int requestCapacity, int responseCapacity)
        {
            if (socket == null) throw new ArgumentNullException();
            if (responseCapacity < 256) throw new ArgumentOutOfRangeException();
            _socket = socket;
            _rx = new byte[responseCapacity];
            _tx = new byte[requestCapacity];
        }

        internal readonly RtspResponseReader Reader = new RtspResponseReader();

        internal readonly RtspMessageWriter Writer = new RtspMessageWriter();

        internal byte[] ResponseBuffer
        {
            get { return _rx; }
        }

        internal long ResponseTimeoutMicros = 5000000;

        /// <summary>Why the connection failed (None while it works).</summary>
        internal RtspClientStatus Failure { get; private set; }

        internal bool IsWaiting
        {
            get { return _pending; }
        }

        internal long NextDueMicros
        {
            get { return _pending ? _deadline : long.MaxValue; }
        }

        /// <summary>Starts the next request in <see cref="Writer"/> with the next CSeq (RFC 2326 §12.17: one more per request).</summary>
        internal void Begin(RtspMethod method, string uri)
        {
            _cseq++;
            Writer.StartRequest(_tx, 0, _tx.Length, method, uri, _cseq);
        }

        internal RtspClientStatus Connect(uint address, int port, int timeoutMicroseconds)
        {
            StreamStatus s = _socket.Connect(address, port, timeoutMicroseconds);
            if (s != StreamStatus.Ok) Failure = RtspClientStatus.ConnectFailed;
            return Failure;
        }

        /// <summary>Ends the request in <see cref="Writer"/> with the body and starts sending it; its answer is awaited until now + the timeout.</summary>
        internal bool Send(byte[]? body, int bodyLength, long nowMicros)
        {
            _txLength = Writer.Finish(body, 0, bodyLength);
            if (_txLength < 0) return Fail(RtspClientStatus.RequestTooLarge);

            _sent = 0;
            _sending = true;
            _pending = true;
            _deadline = nowMicros + ResponseTimeoutMicros;
            return Flush();
        }

        /// <summary>
        /// Moves bytes both ways. True when the answer to the pending request is complete (read it through <see cref="Reader"/>,
        /// then <see cref="Consume"/>); false while waiting or after a failure (<see cref="Failure"/> set).
        /// </summary>
        [HotPath]
        internal bool Poll(long nowMicros)
        {
            if (Failure != RtspClientStatus.None) return false;
            if (_sending && !Flush()) return false;
            while (true)
            {
                if (_rxCount > 0)
                {
                    RtspResponseStatus r = Reader.Read(_rx, 0, _rxCount, _rx.Length);
                    if (r == RtspResponseStatus.Complete)
                    {
                        if (Reader.CSeq < 0 || Reader.CSeq > _cseq) return Fail(RtspClientStatus.ResponseMalformed);
                        if (_pending && Reader.CSeq == _cseq)
                        {
                            _pending = false;
                            return true;
                        }

                        // An answer to an earlier request that timed out on our side: drop it.
                        Consume();
                        continue;
                    }

                    if (r == RtspResponseStatus.Malformed) return Fail(RtspClientStatus.ResponseMalformed);
                    if (r == RtspResponseStatus.TooLarge) return Fail(RtspClientStatus.ResponseTooLarge);
                }

                if (_rxCount == _rx.Length) return Fail(RtspClientStatus.ResponseTooLarge);
                int got;
                StreamStatus s = _socket.Receive(_rx, _rxCount, _rx.Length - _rxCount, out got);
                if (s == StreamStatus.Ok)
                {
                    _rxCount += got;
                    continue;
                }

                if (s != StreamStatus.WouldBlock) return Fail(RtspClientStatus.ConnectionLost);
                break;
            }

            if (_pending && nowMicros >= _deadline) return Fail(RtspClientStatus.Timeout);
            return false;
        }

        /// <summary>Drops the answer just read from the receive buffer.</summary>
        internal void Consume()
        {
            int n = Reader.MessageLength;
            if (n <= 0 || n > _rxCount) return;
            Array.Copy(_rx, n, _rx, 0, _rxCount - n);
            _rxCount -= n;
        }

        /// <summary>Forgets the pending request (its answer, if it comes, is dropped).</summary>
        internal void Abandon()
        {
            _pending = false;
            _sending = false;
        }

        internal void Close()
        {
            _pending = false;
            _sending = false;
            _socket.Close();
        }

        private bool Flush()
        {
            while (_sent < _txLength)
            {
                int n;
                StreamStatus s = _socket.Send(_tx, _sent, _txLength - _sent, out n);
                if (s == StreamStatus.WouldBlock) return true;
                if (s != StreamStatus.Ok) return Fail(RtspClientStatus.ConnectionLost);
                _sent += n;
            }

            _sending = false;
            return true;
        }

        private bool Fail(RtspClientStatus status)
        {
            if (Failure == RtspClientStatus.None) Failure = status;
            _pending = false;
            _sending = false;
            return false;
        }
    }
}
