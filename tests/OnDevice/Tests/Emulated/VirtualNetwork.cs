using NanoMikey.Net.Sockets;

namespace NanoMikey.OnDevice.Emulated
{
    /// <summary>
    /// A tiny in-memory IPv4/UDP network for emulated devices on the interpreter: sockets register by (address, port), a
    /// datagram is copied into the destination socket's preallocated queue at once (no delay, no loss unless the queue is
    /// full: then it is dropped, as UDP may). Nothing is allocated per datagram.
    /// </summary>
    internal sealed class VirtualNetwork
    {
        private const int MaxSockets = 16;
        private readonly VirtualSocket[] _sockets = new VirtualSocket[MaxSockets];
        private int _count;
        private int _nextEphemeral = 49152;

        /// <summary>Datagrams put into a socket's queue.</summary>
        public int Delivered;

        /// <summary>Datagrams dropped: nobody bound there, or the queue was full.</summary>
        public int Dropped;

        internal DatagramStatus Bind(VirtualSocket socket, uint address, ref int port)
        {
            if (_count == MaxSockets) return DatagramStatus.NetworkError;
            if (port == 0) port = _nextEphemeral++;
            if (Find(address, port) != null) return DatagramStatus.AddressInUse;
            _sockets[_count++] = socket;
            return DatagramStatus.Ok;
        }

        internal void Unbind(VirtualSocket socket)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_sockets[i] != socket) continue;
                _sockets[i] = _sockets[--_count];
                _sockets[_count] = null;
                return;
            }
        }

        internal void Send(byte[] buffer, int offset, int count, uint fromAddress, int fromPort, uint toAddress, int toPort)
        {
            VirtualSocket to = Find(toAddress, toPort);
            if (to != null && to.Enqueue(buffer, offset, count, fromAddress, fromPort)) Delivered++;
            else Dropped++;
        }

        private VirtualSocket Find(uint address, int port)
        {
            for (int i = 0; i < _count; i++)
            {
                VirtualSocket s = _sockets[i];
                if (s.LocalPort == port && s.LocalAddress == address) return s;
            }

            return null;
        }
    }
}
