using NanoMikey.Firmware.Hal;
using NanoMikey.Net.Sockets;

namespace NanoMikey.OnDevice.Emulated
{
    /// <summary>One device's network interface on a <see cref="VirtualNetwork"/> (sockets of 8 slots × 512 bytes).</summary>
    internal sealed class VirtualInterface : INetworkInterface
    {
        private readonly VirtualNetwork _network;

        public VirtualInterface(VirtualNetwork network, uint address)
        {
            _network = network;
            LocalAddress = address;
        }

        public uint LocalAddress { get; private set; }

        public IDatagramSocket CreateUdpSocket()
        {
            return new VirtualSocket(_network, 8, 512);
        }

        public IStreamSocket CreateTcpSocket()
        {
            throw new System.NotSupportedException();
        }

        public IStreamListener CreateTcpListener()
        {
            throw new System.NotSupportedException();
        }

        /// <summary>A socket with its queue sized by the caller, bound to this interface's address.</summary>
        public VirtualSocket Bound(int port, int slots, int slotSize)
        {
            var s = new VirtualSocket(_network, slots, slotSize);
            if (s.Bind(LocalAddress, port) != DatagramStatus.Ok) throw new System.InvalidOperationException();
            return s;
        }
    }
}
