using NanoMikey.Net.Sockets;

namespace NanoMikey.Firmware.Hal
{
    /// <summary>The device's IPv4 network: its own address and a way to open UDP and TCP sockets (ESP32: lwIP; emulator: a virtual or loopback network).</summary>
    public interface INetworkInterface
    {
        /// <summary>The device's IPv4 address (network order read as a big-endian number).</summary>
        uint LocalAddress { get; }

        /// <summary>Opens an unbound UDP socket.</summary>
        /// <returns>The socket; the caller binds it.</returns>
        IDatagramSocket CreateUdpSocket();

        /// <summary>Opens an unconnected TCP socket (RTSP client; RFC 2326 §10).</summary>
        /// <returns>The socket; the caller connects it.</returns>
        IStreamSocket CreateTcpSocket();

        /// <summary>Opens a TCP listener (RTSP server).</summary>
        /// <returns>The listener; the caller makes it listen.</returns>
        IStreamListener CreateTcpListener();
    }
}
