using System;
using System.Net;
using System.Net.Sockets;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Hardware.Host
{
    /// <summary>
    /// The host twin of the ESP32 datagram socket: a real UDP socket (.NET <see cref="Socket"/>), for the emulator's real
    /// network on 127.0.0.x and for talking to real peers. Sends and receives through preallocated
    /// <see cref="SocketAddress"/>es, so steady-state traffic allocates nothing.
    /// </summary>
    public sealed class HostDatagramSocket : IDatagramSocket, IDisposable
    {
        private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private readonly SocketAddress _sendAddress = new SocketAddress(AddressFamily.InterNetwork);
        private readonly SocketAddress _receiveAddress = new SocketAddress(AddressFamily.InterNetwork);
        private int _localPort;
        private bool _closed;

        /// <inheritdoc />
        public int LocalPort => _localPort;

        /// <inheritdoc />
        public DatagramStatus Bind(uint localAddress, int localPort)
        {
            CheckPort(localPort, 0);
            if (_closed) return DatagramStatus.Closed;
            try
            {
                _socket.Bind(new IPEndPoint(new IPAddress(IPv4.Swap(localAddress)), localPort));
                _localPort = ((IPEndPoint)_socket.LocalEndPoint!).Port;
                return DatagramStatus.Ok;
            }
            catch (SocketException e)
            {
                return e.SocketErrorCode == SocketError.AddressAlreadyInUse ? DatagramStatus.AddressInUse : DatagramStatus.NetworkError;
            }
        }

        /// <inheritdoc />
        public DatagramStatus SendTo(byte[] buffer, int offset, int count, uint remoteAddress, int remotePort)
        {
            CheckRange(buffer, offset, count);
            CheckPort(remotePort, 1);
            if (_closed) return DatagramStatus.Closed;
            // sockaddr_in: family (set once), port and address in network order.
            Span<byte> a = _sendAddress.Buffer.Span;
            a[2] = (byte)(remotePort >> 8);
            a[3] = (byte)remotePort;
            a[4] = (byte)(remoteAddress >> 24);
            a[5] = (byte)(remoteAddress >> 16);
            a[6] = (byte)(remoteAddress >> 8);
            a[7] = (byte)remoteAddress;
            try
            {
                _socket.SendTo(buffer.AsSpan(offset, count), SocketFlags.None, _sendAddress);
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
            DatagramStatus status = DatagramStatus.Ok;
            try
            {
                if (!_socket.Poll(0, SelectMode.SelectRead)) return DatagramStatus.WouldBlock;
                // FIONREAD on a UDP socket: the size of the next datagram (Linux does not report MSG_TRUNC through .NET).
                if (_socket.Available > count) status = DatagramStatus.Truncated;
                received = _socket.ReceiveFrom(buffer.AsSpan(offset, count), SocketFlags.None, _receiveAddress);
            }
            catch (SocketException e)
            {
                if (e.SocketErrorCode != SocketError.MessageSize) return DatagramStatus.NetworkError;
                status = DatagramStatus.Truncated;
                received = count;
            }

            ReadOnlySpan<byte> a = _receiveAddress.Buffer.Span;
            remotePort = (a[2] << 8) | a[3];
            remoteAddress = ((uint)a[4] << 24) | ((uint)a[5] << 16) | ((uint)a[6] << 8) | a[7];
            return status;
        }

        /// <inheritdoc />
        public bool Poll(int timeoutMicroseconds)
        {
            return !_closed && HostStreamSocket.PollRead(_socket, timeoutMicroseconds, false);
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed) return;
            _closed = true;
            _socket.Dispose();
        }

        /// <inheritdoc />
        public void Dispose() => Close();

        private static void CheckRange(byte[] buffer, int offset, int count) => HostStreamSocket.CheckRange(buffer, offset, count, 0);

        private static void CheckPort(int port, int min)
        {
            if (port < min || port > 65535) throw new ArgumentOutOfRangeException(nameof(port));
        }
    }
}
