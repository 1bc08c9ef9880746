using System;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Network
{
    /// <summary>
    /// One end of an in-memory TCP connection on a <see cref="VirtualNetwork"/>: a reliable, ordered byte stream with a
    /// bounded receive buffer (<see cref="VirtualNetwork.StreamBufferBytes"/>) per direction. Send copies straight into the
    /// peer's buffer (no delay, no loss: TCP hides both from the application) and takes only what fits, so a peer that
    /// does not read makes Send return WouldBlock. Deterministic, and Send, Receive and Poll allocate nothing.
    /// </summary>
    /// <remarks>
    /// Connect succeeds at once when a listener with room in its backlog is registered at the address and port; with no
    /// listener it is ConnectionRefused (the RST of RFC 9293 §3.10.7.1), and with a full backlog it is also
    /// ConnectionRefused (a real stack drops the SYN and the connect times out; virtual time does not move during a call).
    /// <see cref="Close"/> is an orderly close (FIN): the peer reads what was sent, then Closed. Closing with unread bytes
    /// in the receive buffer resets the connection instead (RFC 1122 §4.2.2.13): the peer's next call is NetworkError.
    /// A Send after the peer closed returns Closed. Poll never waits (virtual time stands still while a task runs).
    /// </remarks>
    public sealed class VirtualStreamSocket : IStreamSocket
    {
        private byte[]? _ring;
        private int _head;
        private int _count;
        private VirtualStreamSocket? _peer;
        private bool _closed;
        private bool _finReceived;
        private bool _reset;
        private bool _ownsPort;

        internal VirtualStreamSocket(VirtualNetworkInterface networkInterface)
        {
            Interface = networkInterface;
        }

        /// <summary>The interface the socket belongs to.</summary>
        public VirtualNetworkInterface Interface { get; }

        /// <inheritdoc />
        public bool IsConnected { get; private set; }

        /// <inheritdoc />
        public uint RemoteAddress { get; private set; }

        /// <inheritdoc />
        public int RemotePort { get; private set; }

        /// <inheritdoc />
        public uint LocalAddress { get; private set; }

        /// <inheritdoc />
        public int LocalPort { get; private set; }

        /// <summary>Bytes received and not yet read.</summary>
        public int Pending => _count;

        /// <inheritdoc />
        /// <remarks>Never waits: the outcome is known at once (see the class remarks). A failed connect leaves the socket
        /// unconnected, so it may try again.</remarks>
        public StreamStatus Connect(uint remoteAddress, int remotePort, int timeoutMicroseconds)
        {
            if (remotePort < 1 || remotePort > 65535) throw new ArgumentOutOfRangeException(nameof(remotePort));
            if (_closed) return StreamStatus.Closed;
            if (_peer != null) return StreamStatus.NetworkError; // EISCONN
            return Interface.Network.Connect(this, remoteAddress, remotePort);
        }

        /// <inheritdoc />
        public StreamStatus Send(byte[] buffer, int offset, int count, out int sent)
        {
            CheckRange(buffer, offset, count, 0);
            sent = 0;
            if (_closed) return StreamStatus.Closed;
            if (_peer == null) return StreamStatus.NotConnected;
            if (_reset) return Lost(StreamStatus.NetworkError);
            if (_peer._closed) return Lost(StreamStatus.Closed);
            if (count == 0) return StreamStatus.Ok;
            int n = _peer.Take(buffer, offset, count);
            if (n == 0) return StreamStatus.WouldBlock;
            sent = n;
            return StreamStatus.Ok;
        }

        /// <inheritdoc />
        public StreamStatus Receive(byte[] buffer, int offset, int count, out int received)
        {
            CheckRange(buffer, offset, count, 1);
            received = 0;
            if (_closed) return StreamStatus.Closed;
            if (_peer == null) return StreamStatus.NotConnected;
            if (_reset) return Lost(StreamStatus.NetworkError);
            if (_count == 0) return _finReceived ? Lost(StreamStatus.Closed) : StreamStatus.WouldBlock;
            byte[] ring = _ring!;
            int n = count < _count ? count : _count;
            int first = ring.Length - _head;
            if (first > n) first = n;
            Array.Copy(ring, _head, buffer, offset, first);
            Array.Copy(ring, 0, buffer, offset + first, n - first);
            _head = (_head + n) % ring.Length;
            _count -= n;
            received = n;
            return StreamStatus.Ok;
        }

        /// <inheritdoc />
        /// <remarks>Never waits; false when never connected or after <see cref="Close"/>.</remarks>
        public bool Poll(int timeoutMicroseconds)
        {
            return !_closed && _peer != null && (_count != 0 || _finReceived || _reset);
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed) return;
            _closed = true;
            IsConnected = false;
            if (_peer != null && !_reset)
            {
                if (_count != 0) _peer._reset = true;
                else _peer._finReceived = true;
            }
            _count = 0;
            if (_ownsPort) Interface.Network.ReleaseStreamPort(Interface.LocalAddress, LocalPort);
            _ownsPort = false;
            RemoteAddress = 0;
            RemotePort = 0;
            LocalAddress = 0;
            LocalPort = 0;
        }

        /// <summary>Joins this socket to <paramref name="peer"/> (the network calls this for both ends of a new connection).</summary>
        internal void Join(VirtualStreamSocket peer, int localPort, bool ownsPort, int bufferBytes)
        {
            _peer = peer;
            _ring = new byte[bufferBytes];
            _head = 0;
            _count = 0;
            _ownsPort = ownsPort;
            LocalAddress = Interface.LocalAddress;
            LocalPort = localPort;
            RemoteAddress = peer.Interface.LocalAddress;
            IsConnected = true;
        }

        /// <summary>Sets the remote port once both ends know their ports.</summary>
        internal void SetRemotePort(int port) => RemotePort = port;

        /// <summary>Resets a connection that will never be accepted (its listener closed).</summary>
        internal void Abort()
        {
            if (_peer != null && !_peer._closed) _peer._reset = true;
            _reset = true;
            Close();
        }

        /// <summary>Copies as much of the bytes as fits into this end's receive buffer.</summary>
        private int Take(byte[] buffer, int offset, int count)
        {
            byte[] ring = _ring!;
            int room = ring.Length - _count;
            int n = count < room ? count : room;
            int tail = (_head + _count) % ring.Length;
            int first = ring.Length - tail;
            if (first > n) first = n;
            Array.Copy(buffer, offset, ring, tail, first);
            Array.Copy(buffer, offset + first, ring, 0, n - first);
            _count += n;
            return n;
        }

        private StreamStatus Lost(StreamStatus status)
        {
            IsConnected = false;
            return status;
        }

        private static void CheckRange(byte[] buffer, int offset, int count, int minCount)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            if (count < minCount || offset < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
        }
    }
}
