using NanoMikey.Firmware.Hal;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Network
{
    /// <summary>A device's interface on a <see cref="VirtualNetwork"/>: one IPv4 address and its sockets.</summary>
    public sealed class VirtualNetworkInterface : INetworkInterface
    {
        internal VirtualNetworkInterface(VirtualNetwork network, uint address)
        {
            Network = network;
            LocalAddress = address;
        }

        /// <summary>The network this interface is on.</summary>
        public VirtualNetwork Network { get; }

        /// <inheritdoc />
        public uint LocalAddress { get; }

        internal int NextEphemeralPort { get; set; } = VirtualNetwork.FirstEphemeralPort;

        /// <inheritdoc />
        public IDatagramSocket CreateUdpSocket() => new VirtualSocket(this);

        /// <summary>Not yet available on this interface.</summary>
        /// <returns>Never returns.</returns>
        public IStreamSocket CreateTcpSocket() => throw new System.NotSupportedException();

        /// <summary>Not yet available on this interface.</summary>
        /// <returns>Never returns.</returns>
        public IStreamListener CreateTcpListener() => throw new System.NotSupportedException();
    }
}
