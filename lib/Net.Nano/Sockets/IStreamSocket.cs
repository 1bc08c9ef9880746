namespace NanoMikey.Net.Sockets
{
    /// <summary>
    /// One TCP connection shaped like nanoFramework's <c>System.Net.Sockets.Socket</c> in stream mode (Connect, Send,
    /// Receive, Poll), non-blocking after the connect, with caller buffers and endpoints as IPv4 <see cref="uint"/> + port
    /// (see <see cref="IDatagramSocket"/>). RTSP (RFC 2326) and its interleaved RTP run over it. Not thread-safe.
    /// </summary>
    /// <remarks>
    /// Arguments out of range (null buffer, offset/count outside it, port outside 1..65535) throw; everything the network
    /// does is a <see cref="StreamStatus"/>. Per-connection allocation (accept, connect) is allowed; Send and Receive
    /// allocate nothing in the interface itself.
    /// </remarks>
    public interface IStreamSocket
    {
        /// <summary>True between a successful connect (or accept) and the first Closed/NetworkError or <see cref="Close"/>.</summary>
        bool IsConnected { get; }

        /// <summary>The peer's IPv4 address (0 when not connected).</summary>
        uint RemoteAddress { get; }

        /// <summary>The peer's port (0 when not connected).</summary>
        int RemotePort { get; }

        /// <summary>The local IPv4 address of the connection (0 when not connected).</summary>
        uint LocalAddress { get; }

        /// <summary>The local port of the connection (0 when not connected).</summary>
        int LocalPort { get; }

        /// <summary>Connects to a listener; blocks at most <paramref name="timeoutMicroseconds"/>.</summary>
        /// <param name="remoteAddress">The listener's IPv4 address.</param>
        /// <param name="remotePort">The listener's port (1..65535).</param>
        /// <param name="timeoutMicroseconds">Longest wait for the handshake.</param>
        /// <returns>Ok, ConnectionRefused, Closed or NetworkError.</returns>
        StreamStatus Connect(uint remoteAddress, int remotePort, int timeoutMicroseconds);

        /// <summary>Queues bytes for sending without blocking; may take fewer than offered.</summary>
        /// <param name="buffer">Bytes to send.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="count">Bytes offered.</param>
        /// <param name="sent">Bytes taken (0 unless Ok).</param>
        /// <returns>Ok, WouldBlock (no room now), NotConnected, Closed or NetworkError.</returns>
        StreamStatus Send(byte[] buffer, int offset, int count, out int sent);

        /// <summary>Reads the bytes that have arrived, without blocking.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="count">Room in <paramref name="buffer"/> (at least 1).</param>
        /// <param name="received">Bytes written (0 unless Ok).</param>
        /// <returns>Ok, WouldBlock (nothing yet), Closed (the peer closed its side), NotConnected or NetworkError.</returns>
        StreamStatus Receive(byte[] buffer, int offset, int count, out int received);

        /// <summary>Waits until <see cref="Receive"/> has something to report (bytes, or the peer's close) or the time is up.</summary>
        /// <param name="timeoutMicroseconds">Longest wait in microseconds; 0 only checks, negative waits forever.</param>
        /// <returns>True when a Receive will not return WouldBlock.</returns>
        bool Poll(int timeoutMicroseconds);

        /// <summary>Closes the connection; later calls return Closed. Closing twice is harmless.</summary>
        void Close();
    }
}
