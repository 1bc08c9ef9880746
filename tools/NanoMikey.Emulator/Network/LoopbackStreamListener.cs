using System;
using NanoMikey.Hardware.Host;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Network
{
    /// <summary>
    /// A real TCP listener of a <see cref="LoopbackNetworkInterface"/>: a <see cref="HostStreamListener"/> whose listen on
    /// <see cref="IPv4.Any"/> becomes a listen on the interface's own 127.x.y.z address, so devices on 127.0.0.2 and
    /// 127.0.0.3 can both serve RTSP (RFC 2326) on the same port. Another local address is a NetworkError (EADDRNOTAVAIL:
    /// the device has no such address). TCP is not recorded in the interface's capture.
    /// </summary>
    public sealed class LoopbackStreamListener : IStreamListener, IDisposable
    {
        private readonly LoopbackNetworkInterface _interface;
        private readonly HostStreamListener _listener = new HostStreamListener();

        internal LoopbackStreamListener(LoopbackNetworkInterface networkInterface)
        {
            _interface = networkInterface;
        }

        /// <inheritdoc />
        public int LocalPort => _listener.LocalPort;

        /// <inheritdoc />
        public StreamStatus Listen(uint localAddress, int localPort, int backlog)
        {
            if (localAddress != IPv4.Any && localAddress != _interface.LocalAddress)
            {
                if (localPort < 0 || localPort > 65535) throw new ArgumentOutOfRangeException(nameof(localPort));
                if (backlog < 1) throw new ArgumentOutOfRangeException(nameof(backlog));
                return StreamStatus.NetworkError;
            }
            return _listener.Listen(_interface.LocalAddress, localPort, backlog);
        }

        /// <inheritdoc />
        public StreamStatus Accept(out IStreamSocket? connection) => _listener.Accept(out connection);

        /// <inheritdoc />
        public bool Poll(int timeoutMicroseconds) => _listener.Poll(timeoutMicroseconds);

        /// <inheritdoc />
        public void Close() => _listener.Close();

        /// <inheritdoc />
        public void Dispose() => _listener.Close();
    }
}
