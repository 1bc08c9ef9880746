namespace NanoMikey.Net.Sockets
{
    /// <summary>
    /// A UDP socket shaped like nanoFramework's <c>System.Net.Sockets.Socket</c> (Bind, SendTo, ReceiveFrom, Poll), without
    /// per-packet allocation in the interface itself: caller buffers, and endpoints as an IPv4 address in a
    /// <see cref="uint"/> (network order read as a big-endian number: 192.168.1.10 is 0xC0A8010A) plus a port. MIKEY runs
    /// over it on UDP 2269 (RFC 3830 §A) and RTP/SRTP on the media ports. Not thread-safe: one user per socket.
    /// </summary>
    /// <remarks>
    /// What the platform allocates underneath is the implementation's to document (hardware/Esp32: see docs/device.md).
    /// Arguments out of range (null buffer, offset/count outside it, port outside 0..65535) throw; everything the network
    /// does is a <see cref="DatagramStatus"/>.
    /// </remarks>
    public interface IDatagramSocket
    {
        /// <summary>The bound local port (the one the platform chose when bound to port 0), or 0 when not bound.</summary>
        int LocalPort { get; }

        /// <summary>Binds to a local address and port.</summary>
        /// <param name="localAddress">Local IPv4 address, <see cref="IPv4.Any"/> for all interfaces.</param>
        /// <param name="localPort">Local port, 0 for one chosen by the platform.</param>
        /// <returns>Ok, AddressInUse, Closed or NetworkError.</returns>
        DatagramStatus Bind(uint localAddress, int localPort);

        /// <summary>Sends one datagram.</summary>
        /// <param name="buffer">Buffer holding the datagram.</param>
        /// <param name="offset">Offset of the datagram.</param>
        /// <param name="count">Datagram length.</param>
        /// <param name="remoteAddress">Destination IPv4 address.</param>
        /// <param name="remotePort">Destination port (1..65535).</param>
        /// <returns>Ok, Closed or NetworkError.</returns>
        DatagramStatus SendTo(byte[] buffer, int offset, int count, uint remoteAddress, int remotePort);

        /// <summary>Receives one waiting datagram without blocking.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="count">Room in <paramref name="buffer"/>.</param>
        /// <param name="received">Bytes written (0 unless Ok or Truncated).</param>
        /// <param name="remoteAddress">Sender's IPv4 address (0 unless Ok or Truncated).</param>
        /// <param name="remotePort">Sender's port (0 unless Ok or Truncated).</param>
        /// <returns>Ok, WouldBlock, Truncated, NotBound, Closed or NetworkError.</returns>
        DatagramStatus ReceiveFrom(byte[] buffer, int offset, int count, out int received, out uint remoteAddress, out int remotePort);

        /// <summary>Waits until a datagram can be received or the time is up.</summary>
        /// <param name="timeoutMicroseconds">Longest wait in microseconds; 0 only checks, negative waits forever.</param>
        /// <returns>True when <see cref="ReceiveFrom"/> will find a datagram; false on timeout or when closed.</returns>
        bool Poll(int timeoutMicroseconds);

        /// <summary>Closes the socket; later calls return Closed (Poll returns false). Closing twice is harmless.</summary>
        void Close();
    }
}
