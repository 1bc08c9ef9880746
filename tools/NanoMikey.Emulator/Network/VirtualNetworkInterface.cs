using NanoMikey.Firmware.Hal;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Network
{
    /// <summary>A device's interface on a <see cref="VirtualNetwork"/>: one IPv4 address and its UDP and TCP sockets.</summary>
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

        internal int NextStreamEphemeralPort { get; set; } = VirtualNetwork.FirstEphemeralPort;

        /// <inheritdoc />
        public IDatagramSocket CreateUdpSocket() => new VirtualSocket(this);

        /// <inheritdoc />
        /// <remarks>An in-memory connection end, see <see cref="VirtualStreamSocket"/>.</remarks>
        public IStreamSocket CreateTcpSocket() => new VirtualStreamSocket(this);

        /// <inheritdoc />
        /// <remarks>See <see cref="VirtualStreamListener"/>.</remarks>
        public IStreamListener CreateTcpListener() => new VirtualStreamListener(this);
    }
}
