using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// <see cref="IStreamSocket"/> over nanoFramework's <see cref="Socket"/> (TCP, lwIP on the ESP32). The platform's
    /// socket is always blocking in managed code (its native socket is non-blocking and waits cooperatively), so this
    /// binding polls before each call: Receive only reads when <c>Poll(0, SelectRead)</c> says so, and Send only writes
    /// when <c>Poll(0, SelectWrite)</c> says so, and then at most <see cref="SendChunkBytes"/>.
    /// </summary>
    /// <remarks>
    /// <para>Why the chunk: the platform's Send loops until every byte offered is queued and throws TimedOut after
    /// <c>SendTimeout</c> without saying how many went out. lwIP reports a socket writable only while more than
    /// TCP_SNDLOWAT bytes are free (at least 2·MSS+1 unless the send buffer is smaller; ESP-IDF defaults: 2881), so a
    /// chunk of 1024 bytes is queued at once and the count returned is exact. If it still times out (a stalled peer),
    /// the stream's position is unknown and Send returns NetworkError: close the connection.</para>
    /// <para>Connect: the platform's Connect waits without limit (lwIP gives up after its SYN retransmissions), so a
    /// connect with a timeout runs on a short-lived thread and the socket is closed if the thread has not finished in
    /// time (the close wakes its wait). A negative timeout connects on the caller's thread.</para>
    /// <para>Error mapping (<see cref="SocketException.ErrorCode"/>, WinSock numbering): Connect: ConnectionRefused,
    /// ConnectionReset, ConnectionAborted, TimedOut or the timeout → ConnectionRefused, others → NetworkError. Send and
    /// Receive: a failed poll (the socket is in lwIP's error state: RST, abort) → NetworkError; a receive of 0 bytes (the
    /// peer's FIN) → Closed; Shutdown or NotConnected → Closed; TimedOut on Receive → WouldBlock; anything else →
    /// NetworkError. After <see cref="Close"/> every call returns Closed.</para>
    /// <para>Allocation by the platform (System.Net 1.11.x and nf-interpreter sources): Poll, Send and Receive allocate
    /// nothing in managed code (the native calls work in the caller's array); an error allocates its SocketException.
    /// Connect allocates the Socket, two endpoint snapshots, the endpoints read back (<c>RemoteEndPoint</c>,
    /// <c>LocalEndPoint</c>: a new IPEndPoint and IPAddress each), the 4-byte option buffer of NoDelay, and with a timeout
    /// a Thread.</para>
    /// </remarks>
    public sealed class Esp32StreamSocket : IStreamSocket
    {
        /// <summary>Largest number of bytes one Send hands to the platform (see the remarks).</summary>
        public const int SendChunkBytes = 1024;

        // How long the platform may wait inside Send/Receive after a poll said go (it should not wait at all).
        private const int PlatformTimeoutMilliseconds = 2000;
        private const int ConnectInProgress = -1;
        private const int ConnectFailed = 1; // not a WinSock code: maps to NetworkError

        private Socket? _socket;
        private Socket? _connecting;
        private EndPoint? _connectTo;
        private int _connectError;
        private bool _closed;
        private bool _connected;
        private uint _remoteAddress;
        private int _remotePort;
        private uint _localAddress;
        private int _localPort;

        /// <summary>Creates an unconnected socket.</summary>
        public Esp32StreamSocket()
        {
        }

        /// <summary>Wraps a connection the listener accepted.</summary>
        /// <param name="accepted">The connected platform socket; this object owns it.</param>
        internal Esp32StreamSocket(Socket accepted)
        {
            _socket = accepted;
            Connected();
        }

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _connected; }
        }

        /// <inheritdoc />
        public uint RemoteAddress
        {
            get { return _remoteAddress; }
        }

        /// <inheritdoc />
        public int RemotePort
        {
            get { return _remotePort; }
        }

        /// <inheritdoc />
        public uint LocalAddress
        {
            get { return _localAddress; }
        }

        /// <inheritdoc />
        public int LocalPort
        {
            get { return _localPort; }
        }

        /// <inheritdoc />
        public StreamStatus Connect(uint remoteAddress, int remotePort, int timeoutMicroseconds)
        {
            if (remotePort < 1 || remotePort > 65535) throw new ArgumentOutOfRangeException();
            if (_closed) return StreamStatus.Closed;
            if (_socket != null) return StreamStatus.NetworkError; // EISCONN
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _connecting = socket;
            _connectTo = new IPEndPoint(IPv4.Swap(remoteAddress), remotePort);
            _connectError = ConnectInProgress;
            if (timeoutMicroseconds < 0)
            {
                ConnectOnThisThread();
            }
            else
            {
                Thread worker = new Thread(new ThreadStart(ConnectOnThisThread));
                worker.Start();
                int ms = timeoutMicroseconds / 1000 + (timeoutMicroseconds % 1000 != 0 ? 1 : 0);
                if (!worker.Join(ms))
                {
                    socket.Close(); // wakes the worker's poll with an error
                    worker.Join(PlatformTimeoutMilliseconds);
                    _connectError = (int)SocketError.TimedOut;
                }
            }

            _connecting = null;
            _connectTo = null;
            int error = _connectError;
            if (error == 0)
            {
                try
                {
                    _socket = socket;
                    Connected();
                    return StreamStatus.Ok;
                }
                catch (SocketException e)
                {
                    error = e.ErrorCode; // reset between the handshake and reading the endpoints
                    _socket = null;
                    _connected = false;
                }
            }

            socket.Close();
            return error == (int)SocketError.ConnectionRefused || error == (int)SocketError.ConnectionReset
                || error == (int)SocketError.ConnectionAborted || error == (int)SocketError.TimedOut
                ? StreamStatus.ConnectionRefused
                : StreamStatus.NetworkError;
        }

        /// <inheritdoc />
        public StreamStatus Send(byte[] buffer, int offset, int count, out int sent)
        {
            CheckRange(buffer, offset, count, 0);
            sent = 0;
            if (_closed) return StreamStatus.Closed;
            if (_socket == null) return StreamStatus.NotConnected;
            if (count == 0) return StreamStatus.Ok;
            try
            {
                if (!_socket.Poll(0, SelectMode.SelectWrite)) return StreamStatus.WouldBlock;
                int n = count < SendChunkBytes ? count : SendChunkBytes;
                sent = _socket.Send(buffer, offset, n, SocketFlags.None);
                return StreamStatus.Ok;
            }
            catch (SocketException e)
            {
                return Failed(e.ErrorCode, false);
            }
        }

        /// <inheritdoc />
        public StreamStatus Receive(byte[] buffer, int offset, int count, out int received)
        {
            CheckRange(buffer, offset, count, 1);
            received = 0;
            if (_closed) return StreamStatus.Closed;
            if (_socket == null) return StreamStatus.NotConnected;
            try
            {
                if (!_socket.Poll(0, SelectMode.SelectRead)) return StreamStatus.WouldBlock;
                int n = _socket.Receive(buffer, offset, count, SocketFlags.None);
                if (n == 0)
                {
                    _connected = false; // the peer's FIN (RFC 9293 §3.6)
                    return StreamStatus.Closed;
                }
                received = n;
                return StreamStatus.Ok;
            }
            catch (SocketException e)
            {
                return Failed(e.ErrorCode, true);
            }
        }

        /// <inheritdoc />
        /// <remarks>False at once when never connected or after <see cref="Close"/>; true when the socket is in an error
        /// state (Receive then reports it).</remarks>
        public bool Poll(int timeoutMicroseconds)
        {
            return !_closed && _socket != null && PollRead(_socket, timeoutMicroseconds, true);
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed) return;
            _closed = true;
            _connected = false;
            _remoteAddress = 0;
            _remotePort = 0;
            _localAddress = 0;
            _localPort = 0;
            if (_socket != null) _socket.Close();
        }

        private void ConnectOnThisThread()
        {
            try
            {
                _connecting!.Connect(_connectTo!);
                _connectError = 0;
            }
            catch (SocketException e)
            {
                _connectError = e.ErrorCode;
            }
            catch (ObjectDisposedException)
            {
                _connectError = (int)SocketError.TimedOut; // closed by the timeout
            }
            catch (Exception)
            {
                _connectError = ConnectFailed; // never let the worker thread die with an exception
            }
        }

        private void Connected()
        {
            Socket s = _socket!;
            s.SendTimeout = PlatformTimeoutMilliseconds;
            s.ReceiveTimeout = PlatformTimeoutMilliseconds;
            // Interleaved RTP (RFC 2326 §10.12) is many small writes: Nagle (RFC 896) would hold them back.
            s.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);
            IPEndPoint remote = (IPEndPoint)s.RemoteEndPoint;
            IPEndPoint local = (IPEndPoint)s.LocalEndPoint;
            _remoteAddress = Esp32DatagramSocket.AddressOf(remote.Address);
            _remotePort = remote.Port;
            _localAddress = Esp32DatagramSocket.AddressOf(local.Address);
            _localPort = local.Port;
            _connected = true;
        }

        private StreamStatus Failed(int error, bool receiving)
        {
            if (receiving && error == (int)SocketError.TimedOut) return StreamStatus.WouldBlock;
            _connected = false;
            return error == (int)SocketError.Shutdown || error == (int)SocketError.NotConnected
                ? StreamStatus.Closed
                : StreamStatus.NetworkError;
        }

        /// <summary>Socket.Poll for reading, a negative timeout waiting forever; <paramref name="onError"/> when the poll fails.</summary>
        internal static bool PollRead(Socket socket, int timeoutMicroseconds, bool onError)
        {
            try
            {
                return socket.Poll(timeoutMicroseconds < 0 ? -1 : timeoutMicroseconds, SelectMode.SelectRead);
            }
            catch (SocketException)
            {
                return onError;
            }
        }

        /// <summary>Throws for a null buffer or a range outside it, or fewer than <paramref name="minCount"/> bytes.</summary>
        internal static void CheckRange(byte[] buffer, int offset, int count, int minCount)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (count < minCount || offset < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException();
        }
    }
}
