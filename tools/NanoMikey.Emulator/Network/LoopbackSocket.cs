using System;
using NanoMikey.Hardware.Host;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Network
{
    /// <summary>
    /// A real UDP socket of a <see cref="LoopbackNetworkInterface"/>: a <see cref="HostDatagramSocket"/> whose bind to
    /// <see cref="IPv4.Any"/> becomes a bind to the interface's own 127.x.y.z address (so devices on 127.0.0.2 and 127.0.0.3
    /// can both bind 2269), and which binds itself to an ephemeral port on that address before its first send (so peers
    /// see the device's address, not 127.0.0.1). Records sends and receives in the interface's capture when it has one.
    /// </summary>
    public sealed class LoopbackSocket : IDatagramSocket, IDisposable
    {
        private readonly LoopbackNetworkInterface _interface;
        private readonly HostDatagramSocket _socket = new HostDatagramSocket();

        internal LoopbackSocket(LoopbackNetworkInterface networkInterface)
        {
            _interface = networkInterface;
        }

        /// <inheritdoc />
        public int LocalPort => _socket.LocalPort;

        /// <inheritdoc />
        public DatagramStatus Bind(uint localAddress, int localPort)
        {
            if (localAddress != IPv4.Any && localAddress != _interface.LocalAddress)
            {
                if (localPort < 0 || localPort > 65535) throw new ArgumentOutOfRangeException(nameof(localPort));
                return DatagramStatus.NetworkError;
            }
            return _socket.Bind(_interface.LocalAddress, localPort);
        }

        /// <inheritdoc />
        public DatagramStatus SendTo(byte[] buffer, int offset, int count, uint remoteAddress, int remotePort)
        {
            if (_socket.LocalPort == 0 && buffer != null && count >= 0 && offset >= 0 && offset <= buffer.Length - count
                && remotePort >= 1 && remotePort <= 65535)
            {
                DatagramStatus bound = _socket.Bind(_interface.LocalAddress, 0);
                if (bound == DatagramStatus.Closed) return bound;
                if (bound != DatagramStatus.Ok) return DatagramStatus.NetworkError;
            }
            DatagramStatus status = _socket.SendTo(buffer!, offset, count, remoteAddress, remotePort);
            if (status == DatagramStatus.Ok && _interface.Capture != null)
            {
                _interface.Capture.Write(_interface.Scheduler!.NowMicros, _interface.LocalAddress, _socket.LocalPort, remoteAddress,
                    remotePort, buffer.AsSpan(offset, count));
            }
            return status;
        }

        /// <inheritdoc />
        public DatagramStatus ReceiveFrom(byte[] buffer, int offset, int count, out int received, out uint remoteAddress, out int remotePort)
        {
            DatagramStatus status = _socket.ReceiveFrom(buffer, offset, count, out received, out remoteAddress, out remotePort);
            if ((status == DatagramStatus.Ok || status == DatagramStatus.Truncated) && _interface.Capture != null)
            {
                _interface.Capture.Write(_interface.Scheduler!.NowMicros, remoteAddress, remotePort, _interface.LocalAddress,
                    _socket.LocalPort, buffer.AsSpan(offset, received));
            }
            return status;
        }

        /// <inheritdoc />
        public bool Poll(int timeoutMicroseconds) => _socket.Poll(timeoutMicroseconds);

        /// <inheritdoc />
        public void Close() => _socket.Close();

        /// <inheritdoc />
        public void Dispose() => _socket.Close();
    }
}
