using System;
using System.Net;
using System.Net.Sockets;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// <see cref="IDatagramSocket"/> over nanoFramework's <see cref="Socket"/> (UDP, lwIP on the ESP32).
    /// </summary>
    /// <remarks>
    /// Per-packet allocation of the platform (System.Net 1.11.x sources): <c>SendTo</c> none in managed code; each
    /// <c>ReceiveFrom</c> allocates a snapshot of the endpoint passed in (an <c>IPEndPoint</c> and an <c>IPAddress</c>) and the
    /// native call creates a new <c>IPEndPoint</c> for the sender: a few small objects per received datagram that this
    /// binding cannot avoid. The binding itself adds nothing per packet: destinations are cached (8 endpoints, created
    /// once per new address and port) and the sender's address is read without <c>GetAddressBytes()</c> when the
    /// platform's IPv4 hash code is the address (checked once at start-up, see <see cref="IPv4.Swap"/>).
    /// A datagram longer than the buffer is reported as Truncated when <c>Available</c> (lwIP FIONREAD) says so.
    /// </remarks>
    public sealed class Esp32DatagramSocket : IDatagramSocket
    {
        private const int PeerCacheSize = 8;

        private static readonly bool HashIsAddress = new IPAddress(new byte[] { 192, 168, 1, 10 }).GetHashCode() == 0x0A01A8C0;

        private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private readonly EndPoint[] _peers = new EndPoint[PeerCacheSize];
        private readonly uint[] _peerAddresses = new uint[PeerCacheSize];
        private readonly int[] _peerPorts = new int[PeerCacheSize];
        private readonly EndPoint _anySender = new IPEndPoint(IPAddress.Any, 0);
        private int _nextPeer;
        private int _localPort;
        private bool _closed;

        /// <inheritdoc />
        public int LocalPort
        {
            get { return _localPort; }
        }

        /// <inheritdoc />
        public DatagramStatus Bind(uint localAddress, int localPort)
        {
            if (localPort < 0 || localPort > 65535) throw new ArgumentOutOfRangeException();
            if (_closed) return DatagramStatus.Closed;
            try
            {
                _socket.Bind(new IPEndPoint(IPv4.Swap(localAddress), localPort));
                _localPort = ((IPEndPoint)_socket.LocalEndPoint).Port;
                return DatagramStatus.Ok;
            }
            catch (SocketException e)
            {
                return e.ErrorCode == (int)SocketError.AddressAlreadyInUse ? DatagramStatus.AddressInUse : DatagramStatus.NetworkError;
            }
        }

        /// <inheritdoc />
        public DatagramStatus SendTo(byte[] buffer, int offset, int count, uint remoteAddress, int remotePort)
        {
            CheckRange(buffer, offset, count);
            if (remotePort < 1 || remotePort > 65535) throw new ArgumentOutOfRangeException();
            if (_closed) return DatagramStatus.Closed;
            try
            {
                _socket.SendTo(buffer, offset, count, SocketFlags.None, Peer(remoteAddress, remotePort));
                return DatagramStatus.Ok;
            }
            catch (SocketException)
            {
                return DatagramStatus.NetworkError;
            }
        }

        /// <inheritdoc />
        public DatagramStatus ReceiveFrom(byte[] buffer, int offset, int count, out int received, out uint remoteAddress, out int remotePort)
        {
            CheckRange(buffer, offset, count);
            received = 0;
            remoteAddress = 0;
            remotePort = 0;
            if (_closed) return DatagramStatus.Closed;
            if (_localPort == 0) return DatagramStatus.NotBound;
            try
            {
                if (!_socket.Poll(0, SelectMode.SelectRead)) return DatagramStatus.WouldBlock;
                bool truncated = _socket.Available > count;
                EndPoint from = _anySender;
                received = _socket.ReceiveFrom(buffer, offset, count, SocketFlags.None, ref from);
                IPEndPoint sender = (IPEndPoint)from;
                remotePort = sender.Port;
                remoteAddress = AddressOf(sender.Address);
                return truncated ? DatagramStatus.Truncated : DatagramStatus.Ok;
            }
            catch (SocketException e)
            {
                return e.ErrorCode == (int)SocketError.WouldBlock ? DatagramStatus.WouldBlock : DatagramStatus.NetworkError;
            }
        }

        /// <inheritdoc />
        public bool Poll(int timeoutMicroseconds)
        {
            return !_closed && Esp32StreamSocket.PollRead(_socket, timeoutMicroseconds, false);
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed) return;
            _closed = true;
            _socket.Close();
        }

        // A cached endpoint per destination: IPEndPoint(long, port) takes the address with the first octet in the low byte.
        private EndPoint Peer(uint address, int port)
        {
            for (int i = 0; i < PeerCacheSize; i++)
            {
                if (_peers[i] != null && _peerAddresses[i] == address && _peerPorts[i] == port) return _peers[i];
            }

            int slot = _nextPeer;
            _nextPeer = (_nextPeer + 1) % PeerCacheSize;
            EndPoint peer = new IPEndPoint(IPv4.Swap(address), port);
            _peers[slot] = peer;
            _peerAddresses[slot] = address;
            _peerPorts[slot] = port;
            return peer;
        }

        /// <summary>An IPv4 address as a big-endian number, without allocating when the platform allows (also used by the TCP sockets).</summary>
        internal static uint AddressOf(IPAddress address)
        {
            // nanoFramework's IPv4 hash code is the address, first octet in the low byte; checked once, else the slow path.
            if (HashIsAddress) return IPv4.Swap((uint)address.GetHashCode());
            byte[] b = address.GetAddressBytes();
            return IPv4.FromOctets(b[0], b[1], b[2], b[3]);
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            Esp32StreamSocket.CheckRange(buffer, offset, count, 0);
        }
    }
}
