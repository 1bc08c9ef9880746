namespace NanoMikey.Net.Sockets
{
    /// <summary>Outcome of a datagram socket call. Network conditions are statuses; caller bugs are exceptions.</summary>
    public enum DatagramStatus
    {
        /// <summary>Done.</summary>
        Ok = 0,

        /// <summary>No datagram is waiting (receive never blocks; <see cref="IDatagramSocket.Poll"/> first).</summary>
        WouldBlock = 1,

        /// <summary>The datagram was longer than the buffer; the buffer holds its first bytes, the rest is lost.</summary>
        Truncated = 2,

        /// <summary>Bind failed: the local address and port are taken.</summary>
        AddressInUse = 3,

        /// <summary>The socket must be bound before it can receive.</summary>
        NotBound = 4,

        /// <summary>The socket is closed.</summary>
        Closed = 5,

        /// <summary>Any other network error (no route, interface down, ICMP unreachable reported on receive): retry or give up.</summary>
        NetworkError = 6,
    }
}
