using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Hardware.Host
{
    /// <summary>
    /// The host twin of the ESP32 stream socket: one real TCP connection (.NET <see cref="Socket"/>), non-blocking once
    /// connected. Send and Receive use the overloads with <c>out SocketError</c>, so a would-block is a status and not an
    /// exception, and allocate nothing per call; Nagle is off (RFC 896): interleaved RTP (RFC 2326 §10.12) is many small
    /// writes that Nagle with delayed ACKs would hold back by tens of milliseconds.
    /// </summary>
    /// <remarks>
    /// Error mapping (<see cref="SocketError"/> → <see cref="StreamStatus"/>):
    /// <list type="bullet">
    /// <item>Connect: Success → Ok; ConnectionRefused, TimedOut, or no handshake within the timeout → ConnectionRefused;
    /// anything else (NetworkUnreachable, HostUnreachable, AddressNotAvailable, ...) → NetworkError; already connected →
    /// NetworkError (EISCONN); after <see cref="Close"/> → Closed.</item>
    /// <item>Send: Success → Ok (bytes taken may be fewer than offered); WouldBlock → WouldBlock; Shutdown (EPIPE: the
    /// connection is gone after the peer's close) → Closed; ConnectionReset, ConnectionAborted and the rest → NetworkError.</item>
    /// <item>Receive: Success with bytes → Ok; Success with 0 bytes (the peer's FIN) → Closed; WouldBlock → WouldBlock;
    /// Shutdown → Closed; ConnectionReset (the peer's RST), ConnectionAborted and the rest → NetworkError.</item>
    /// <item>Before a connect, Send and Receive return NotConnected; after <see cref="Close"/>, every call returns Closed
    /// and <see cref="Poll"/> false. Closed and NetworkError clear <see cref="IsConnected"/>; the addresses stay readable
    /// until <see cref="Close"/> (for logging the peer that went away).</item>
    /// </list>
    /// Connect and accept allocate (the socket, its endpoints); Send, Receive and Poll do not.
    /// </remarks>
    public sealed class HostStreamSocket : IStreamSocket, IDisposable
    {
        private readonly uint _bindAddress;
        private Socket? _socket;
        private bool _closed;
        private bool _connected;

        /// <summary>Creates an unconnected socket whose connect lets the operating system pick the local address.</summary>
        public HostStreamSocket()
            : this(IPv4.Any)
        {
        }

        /// <summary>Creates an unconnected socket whose connect first binds its local end to <paramref name="localAddress"/>.</summary>
        /// <param name="localAddress">Local IPv4 address for outgoing connections (the device's 127.x.y.z), or <see cref="IPv4.Any"/>.</param>
        public HostStreamSocket(uint localAddress)
        {
            _bindAddress = localAddress;
        }

        /// <summary>Wraps a connection a listener accepted.</summary>
        /// <param name="accepted">The connected socket; this object owns it.</param>
        internal HostStreamSocket(Socket accepted)
        {
            _socket = accepted;
            Connected();
        }

        /// <inheritdoc />
        public bool IsConnected => _connected;

        /// <inheritdoc />
        public uint RemoteAddress { get; private set; }

        /// <inheritdoc />
        public int RemotePort { get; private set; }

        /// <inheritdoc />
        public uint LocalAddress { get; private set; }

        /// <inheritdoc />
        public int LocalPort { get; private set; }

        /// <inheritdoc />
        /// <remarks>A negative timeout waits as long as the operating system does. A failed or timed-out attempt leaves the
        /// socket unconnected, so Connect may be called again.</remarks>
        public StreamStatus Connect(uint remoteAddress, int remotePort, int timeoutMicroseconds)
        {
            if (remotePort < 1 || remotePort > 65535) throw new ArgumentOutOfRangeException(nameof(remotePort));
            if (_closed) return StreamStatus.Closed;
            if (_socket != null) return StreamStatus.NetworkError; // EISCONN
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (_bindAddress != IPv4.Any) socket.Bind(new IPEndPoint(new IPAddress(IPv4.Swap(_bindAddress)), 0));
                var remote = new IPEndPoint(new IPAddress(IPv4.Swap(remoteAddress)), remotePort);
                using (var timeout = new CancellationTokenSource())
                {
                    if (timeoutMicroseconds >= 0) timeout.CancelAfter(TimeSpan.FromTicks(timeoutMicroseconds * 10L));
                    socket.ConnectAsync(remote, timeout.Token).AsTask().GetAwaiter().GetResult();
                }
                _socket = socket;
                Connected();
                return StreamStatus.Ok;
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                return StreamStatus.ConnectionRefused;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                return e.SocketErrorCode == SocketError.ConnectionRefused || e.SocketErrorCode == SocketError.TimedOut
                    ? StreamStatus.ConnectionRefused
                    : StreamStatus.NetworkError;
            }
        }

        /// <inheritdoc />
        public StreamStatus Send(byte[] buffer, int offset, int count, out int sent)
        {
            CheckRange(buffer, offset, count, 0);
            sent = 0;
            if (_closed) return StreamStatus.Closed;
            if (_socket == null) return StreamStatus.NotConnected;
            if (count == 0) return StreamStatus.Ok;
            int n = _socket.Send(buffer, offset, count, SocketFlags.None, out SocketError error);
            if (error == SocketError.Success)
            {
                sent = n;
                return StreamStatus.Ok;
            }
            return Failed(error);
        }

        /// <inheritdoc />
        public StreamStatus Receive(byte[] buffer, int offset, int count, out int received)
        {
            CheckRange(buffer, offset, count, 1);
            received = 0;
            if (_closed) return StreamStatus.Closed;
            if (_socket == null) return StreamStatus.NotConnected;
            int n = _socket.Receive(buffer, offset, count, SocketFlags.None, out SocketError error);
            if (error == SocketError.Success)
            {
                if (n == 0)
                {
                    _connected = false; // the peer's FIN (RFC 9293 §3.6)
                    return StreamStatus.Closed;
                }
                received = n;
                return StreamStatus.Ok;
            }
            return Failed(error);
        }

        /// <inheritdoc />
        /// <remarks>False at once when never connected or after <see cref="Close"/> (nothing will ever arrive).</remarks>
        public bool Poll(int timeoutMicroseconds)
        {
            if (_closed || _socket == null) return false;
            try
            {
                return _socket.Poll(timeoutMicroseconds < 0 ? -1 : timeoutMicroseconds, SelectMode.SelectRead);
            }
            catch (SocketException)
            {
                return true; // Receive reports the error without blocking
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed) return;
            _closed = true;
            _connected = false;
            RemoteAddress = 0;
            RemotePort = 0;
            LocalAddress = 0;
            LocalPort = 0;
            _socket?.Dispose();
        }

        /// <inheritdoc />
        public void Dispose() => Close();

        private void Connected()
        {
            Socket s = _socket!;
            s.Blocking = false;
            s.NoDelay = true;
            var remote = (IPEndPoint)s.RemoteEndPoint!;
            var local = (IPEndPoint)s.LocalEndPoint!;
#pragma warning disable CS0618 // Address (the IPv4 address as a little-endian long) is exactly what IPv4.Swap undoes
            RemoteAddress = IPv4.Swap((uint)remote.Address.Address);
            LocalAddress = IPv4.Swap((uint)local.Address.Address);
#pragma warning restore CS0618
            RemotePort = remote.Port;
            LocalPort = local.Port;
            _connected = true;
        }

        private StreamStatus Failed(SocketError error)
        {
            if (error == SocketError.WouldBlock) return StreamStatus.WouldBlock;
            _connected = false;
            return error == SocketError.Shutdown ? StreamStatus.Closed : StreamStatus.NetworkError;
        }

        private static void CheckRange(byte[] buffer, int offset, int count, int minCount)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            if (count < minCount || offset < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
        }
    }
}
