namespace NanoMikey.Net.Sockets
{
    /// <summary>Outcome of a TCP (stream) socket call. Network conditions are statuses; caller bugs are exceptions.</summary>
    public enum StreamStatus
    {
        /// <summary>Done (for Send/Receive: some bytes moved, see the count).</summary>
        Ok = 0,

        /// <summary>Nothing to read, no room to write, or no connection waiting: calls never block, poll first.</summary>
        WouldBlock = 1,

        /// <summary>The peer closed its side (receive) or the socket is closed (any call).</summary>
        Closed = 2,

        /// <summary>The socket is not connected (or the listener is not listening).</summary>
        NotConnected = 3,

        /// <summary>Listen failed: the local address and port are taken.</summary>
        AddressInUse = 4,

        /// <summary>Connect failed: nobody listens there, or the attempt timed out.</summary>
        ConnectionRefused = 5,

        /// <summary>Any other network error (reset by the peer, no route, interface down): close the socket.</summary>
        NetworkError = 6,
    }
}
