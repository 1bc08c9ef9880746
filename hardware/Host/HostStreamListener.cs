using System;
using System.Net;
using System.Net.Sockets;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Hardware.Host
{
    /// <summary>
    /// The host twin of the ESP32 stream listener: a real listening TCP socket (.NET <see cref="Socket"/>). Accept never
    /// blocks: it polls the socket first and hands out each connection as a <see cref="HostStreamSocket"/>.
    /// </summary>
    /// <remarks>
    /// Error mapping (<see cref="SocketError"/> → <see cref="StreamStatus"/>):
    /// <list type="bullet">
    /// <item>Listen: Success → Ok; AddressAlreadyInUse → AddressInUse; anything else (AddressNotAvailable, AccessDenied,
    /// ...) → NetworkError; already listening → NetworkError (EINVAL); after <see cref="Close"/> → Closed.</item>
    /// <item>Accept: a connection → Ok; none waiting (poll false, or WouldBlock because it vanished between poll and
    /// accept) → WouldBlock; not listening → NotConnected; after <see cref="Close"/> → Closed; any other error →
    /// NetworkError.</item>
    /// </list>
    /// Each accepted connection allocates (a <see cref="Socket"/>, its endpoints and the wrapper); Poll allocates nothing.
    /// </remarks>
    public sealed class HostStreamListener : IStreamListener, IDisposable
    {
        private Socket? _socket;
        private bool _closed;

        /// <inheritdoc />
        public int LocalPort { get; private set; }

        /// <inheritdoc />
        public StreamStatus Listen(uint localAddress, int localPort, int backlog)
        {
            if (localPort < 0 || localPort > 65535) throw new ArgumentOutOfRangeException(nameof(localPort));
            if (backlog < 1) throw new ArgumentOutOfRangeException(nameof(backlog));
            if (_closed) return StreamStatus.Closed;
            if (_socket != null) return StreamStatus.NetworkError; // EINVAL: already listening
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(new IPAddress(IPv4.Swap(localAddress)), localPort));
                socket.Listen(backlog);
                socket.Blocking = false;
                LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
                _socket = socket;
                return StreamStatus.Ok;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                return e.SocketErrorCode == SocketError.AddressAlreadyInUse ? StreamStatus.AddressInUse : StreamStatus.NetworkError;
            }
        }

        /// <inheritdoc />
        public StreamStatus Accept(out IStreamSocket? connection)
        {
            connection = null;
            if (_closed) return StreamStatus.Closed;
            if (_socket == null) return StreamStatus.NotConnected;
            try
            {
                if (!_socket.Poll(0, SelectMode.SelectRead)) return StreamStatus.WouldBlock;
                Socket accepted = _socket.Accept();
                try
                {
                    connection = new HostStreamSocket(accepted);
                }
                catch (SocketException)
                {
                    accepted.Dispose(); // reset before we could read its endpoints
                    throw;
                }
                return StreamStatus.Ok;
            }
            catch (SocketException e)
            {
                return e.SocketErrorCode == SocketError.WouldBlock ? StreamStatus.WouldBlock : StreamStatus.NetworkError;
            }
        }

        /// <inheritdoc />
        /// <remarks>False at once when not listening or after <see cref="Close"/>.</remarks>
        public bool Poll(int timeoutMicroseconds)
        {
            if (_closed || _socket == null) return false;
            try
            {
                return _socket.Poll(timeoutMicroseconds < 0 ? -1 : timeoutMicroseconds, SelectMode.SelectRead);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed) return;
            _closed = true;
            LocalPort = 0;
            _socket?.Dispose();
        }

        /// <inheritdoc />
        public void Dispose() => Close();
    }
}
