namespace NanoMikey.Net.Sockets
{
    /// <summary>
    /// A listening TCP socket (nanoFramework: <c>Socket.Bind</c> + <c>Listen</c> + <c>Accept</c>), non-blocking: an RTSP
    /// server (RFC 2326 §10) polls it between its other work. Not thread-safe.
    /// </summary>
    public interface IStreamListener
    {
        /// <summary>The bound local port (the one the platform chose when asked for 0), or 0 when not listening.</summary>
        int LocalPort { get; }

        /// <summary>Binds and starts listening.</summary>
        /// <param name="localAddress">Local IPv4 address, <see cref="IPv4.Any"/> for all interfaces.</param>
        /// <param name="localPort">Local port, 0 for one chosen by the platform.</param>
        /// <param name="backlog">Connections the platform may hold before they are accepted (at least 1).</param>
        /// <returns>Ok, AddressInUse, Closed or NetworkError.</returns>
        StreamStatus Listen(uint localAddress, int localPort, int backlog);

        /// <summary>Takes one waiting connection without blocking.</summary>
        /// <param name="connection">The connected socket (null unless Ok); the caller owns and closes it.</param>
        /// <returns>Ok, WouldBlock, NotConnected (not listening), Closed or NetworkError.</returns>
        StreamStatus Accept(out IStreamSocket? connection);

        /// <summary>Waits until a connection is waiting or the time is up.</summary>
        /// <param name="timeoutMicroseconds">Longest wait in microseconds; 0 only checks, negative waits forever.</param>
        /// <returns>True when <see cref="Accept"/> will find a connection.</returns>
        bool Poll(int timeoutMicroseconds);

        /// <summary>Stops listening and closes the socket; accepted connections stay open. Closing twice is harmless.</summary>
        void Close();
    }
}
