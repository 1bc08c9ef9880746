using System;
using System.Net;
using System.Net.Sockets;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// <see cref="IStreamListener"/> over nanoFramework's <see cref="Socket"/> (TCP, lwIP on the ESP32): Bind + Listen,
    /// and an Accept that never blocks because it polls (<c>SelectRead</c>) before calling the platform's blocking Accept.
    /// </summary>
    /// <remarks>
    /// Error mapping (<see cref="SocketException.ErrorCode"/>, WinSock numbering): Listen: AddressAlreadyInUse →
    /// AddressInUse, others → NetworkError; already listening → NetworkError; after <see cref="Close"/> → Closed. Accept:
    /// nothing waiting → WouldBlock; not listening → NotConnected; WouldBlock from the platform → WouldBlock; others →
    /// NetworkError. Allocation by the platform: Poll none; each accepted connection allocates a Socket (the platform's
    /// Accept), its endpoints read back (an IPEndPoint and an IPAddress each), the NoDelay option buffer and the
    /// <see cref="Esp32StreamSocket"/>.
    /// </remarks>
    public sealed class Esp32StreamListener : IStreamListener
    {
        private Socket? _socket;
        private bool _closed;
        private int _localPort;

        /// <inheritdoc />
        public int LocalPort
        {
            get { return _localPort; }
        }

        /// <inheritdoc />
        public StreamStatus Listen(uint localAddress, int localPort, int backlog)
        {
            if (localPort < 0 || localPort > 65535) throw new ArgumentOutOfRangeException();
            if (backlog < 1) throw new ArgumentOutOfRangeException();
            if (_closed) return StreamStatus.Closed;
            if (_socket != null) return StreamStatus.NetworkError; // EINVAL: already listening
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPv4.Swap(localAddress), localPort));
                socket.Listen(backlog);
                _localPort = ((IPEndPoint)socket.LocalEndPoint).Port;
                _socket = socket;
                return StreamStatus.Ok;
            }
            catch (SocketException e)
            {
                socket.Close();
                return e.ErrorCode == (int)SocketError.AddressAlreadyInUse ? StreamStatus.AddressInUse : StreamStatus.NetworkError;
            }
        }

        /// <inheritdoc />
        public StreamStatus Accept(out IStreamSocket? connection)
        {
            connection = null;
            if (_closed) return StreamStatus.Closed;
            if (_socket == null) return StreamStatus.NotConnected;
            Socket? accepted = null;
            try
            {
                if (!_socket.Poll(0, SelectMode.SelectRead)) return StreamStatus.WouldBlock;
                accepted = _socket.Accept();
                connection = new Esp32StreamSocket(accepted);
                return StreamStatus.Ok;
            }
            catch (SocketException e)
            {
                if (accepted != null) accepted.Close(); // reset before its endpoints could be read
                return e.ErrorCode == (int)SocketError.WouldBlock ? StreamStatus.WouldBlock : StreamStatus.NetworkError;
            }
        }

        /// <inheritdoc />
        /// <remarks>False at once when not listening or after <see cref="Close"/>.</remarks>
        public bool Poll(int timeoutMicroseconds)
        {
            return !_closed && _socket != null && Esp32StreamSocket.PollRead(_socket, timeoutMicroseconds, false);
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed) return;
            _closed = true;
            _localPort = 0;
            if (_socket != null) _socket.Close();
        }
    }
}
