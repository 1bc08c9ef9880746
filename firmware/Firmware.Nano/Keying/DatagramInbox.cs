using NanoMikey.Crypto;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Firmware.Keying
{
    /// <summary>
    /// The receiving side both MIKEY tasks share: one buffer, the last datagram's length and source, and what a socket status
    /// means for a task that polls without blocking.
    /// </summary>
    [HotPath]
    internal sealed class DatagramInbox
    {
        /// <summary>Datagrams a task reads per Run at most, so a flood cannot hold the device's main loop.</summary>
        internal const int MaxPerRun = 8;

        private readonly IDatagramSocket _socket;

        internal DatagramInbox(IDatagramSocket socket, int capacity)
        {
            _socket = socket;
            Buffer = new byte[capacity];
        }

        /// <summary>The last datagram's bytes (from 0).</summary>
        internal readonly byte[] Buffer;

        /// <summary>The last datagram's length.</summary>
        internal int Length;

        /// <summary>The last datagram's source address.</summary>
        internal uint Address;

        /// <summary>The last datagram's source port.</summary>
        internal int Port;

        /// <summary>
        /// Reads the next datagram: Ok (whole, in <see cref="Buffer"/>), Truncated (longer than any message taken here: drop
        /// it), NetworkError (an ICMP error reported on receive: nothing to read, go on), or WouldBlock when there is nothing
        /// more to read now (also for a socket not bound or closed).
        /// </summary>
        internal DatagramStatus Next()
        {
            DatagramStatus r = _socket.ReceiveFrom(Buffer, 0, Buffer.Length, out Length, out Address, out Port);
            if (r == DatagramStatus.NotBound || r == DatagramStatus.Closed) return DatagramStatus.WouldBlock;
            return r;
        }
    }
}
