using System;
using System.Collections.Generic;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Network
{
    /// <summary>
    /// A UDP socket on a <see cref="VirtualNetwork"/>, behaving like the board's: Bind (port 0 picks an ephemeral port from
    /// 49152; a second bind of the same address and port gets AddressInUse; a local address other than the interface's or
    /// <see cref="IPv4.Any"/> is a NetworkError), SendTo (an unbound socket is bound to an ephemeral port first, as the
    /// operating system does), non-blocking ReceiveFrom (WouldBlock, Truncated), Poll and Close.
    /// </summary>
    /// <remarks>
    /// Poll never waits: virtual time does not move while a task runs, so any timeout behaves as 0 (a device task polls
    /// with 0 anyway). Send and receive allocate nothing once the network's pool and the queue have grown.
    /// </remarks>
    public sealed class VirtualSocket : IDatagramSocket
    {
        private readonly Queue<WireDatagram> _queue = new Queue<WireDatagram>(16);
        private bool _closed;

        internal VirtualSocket(VirtualNetworkInterface networkInterface)
        {
            Interface = networkInterface;
        }

        /// <summary>The interface the socket belongs to.</summary>
        public VirtualNetworkInterface Interface { get; }

        /// <inheritdoc />
        public int LocalPort { get; private set; }

        /// <summary>Datagrams waiting to be received.</summary>
        public int Pending => _queue.Count;

        /// <inheritdoc />
        public DatagramStatus Bind(uint localAddress, int localPort)
        {
            CheckPort(localPort, 0);
            if (_closed) return DatagramStatus.Closed;
            if (LocalPort != 0) return DatagramStatus.NetworkError; // EINVAL: already bound
            if (localAddress != IPv4.Any && localAddress != Interface.LocalAddress) return DatagramStatus.NetworkError; // EADDRNOTAVAIL
            DatagramStatus status = Interface.Network.Bind(this, localPort, out int port);
            if (status == DatagramStatus.Ok) LocalPort = port;
            return status;
        }

        /// <inheritdoc />
        public DatagramStatus SendTo(byte[] buffer, int offset, int count, uint remoteAddress, int remotePort)
        {
            CheckRange(buffer, offset, count);
            CheckPort(remotePort, 1);
            if (_closed) return DatagramStatus.Closed;
            if (count > 65507) return DatagramStatus.NetworkError; // EMSGSIZE: largest UDP payload over IPv4
            if (LocalPort == 0)
            {
                DatagramStatus bound = Bind(IPv4.Any, 0);
                if (bound != DatagramStatus.Ok) return DatagramStatus.NetworkError;
            }
            return Interface.Network.Send(this, buffer, offset, count, remoteAddress, remotePort);
        }

        /// <inheritdoc />
        public DatagramStatus ReceiveFrom(byte[] buffer, int offset, int count, out int received, out uint remoteAddress, out int remotePort)
        {
            CheckRange(buffer, offset, count);
            received = 0;
            remoteAddress = 0;
            remotePort = 0;
            if (_closed) return DatagramStatus.Closed;
            if (LocalPort == 0) return DatagramStatus.NotBound;
            if (_queue.Count == 0) return DatagramStatus.WouldBlock;
            WireDatagram d = _queue.Dequeue();
            int n = d.Length <= count ? d.Length : count;
            Array.Copy(d.Data, 0, buffer, offset, n);
            received = n;
            remoteAddress = d.Envelope.SourceAddress;
            remotePort = d.Envelope.SourcePort;
            DatagramStatus status = d.Length > count ? DatagramStatus.Truncated : DatagramStatus.Ok;
            Interface.Network.Return(d);
            return status;
        }

        /// <inheritdoc />
        public bool Poll(int timeoutMicroseconds)
        {
            return !_closed && _queue.Count != 0;
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed) return;
            _closed = true;
            if (LocalPort != 0) Interface.Network.Unbind(this);
            while (_queue.Count != 0) Interface.Network.Return(_queue.Dequeue());
        }

        internal bool Enqueue(WireDatagram d, int limit)
        {
            if (_queue.Count >= limit) return false;
            _queue.Enqueue(d);
            return true;
        }

        private static void CheckRange(byte[] buffer, int offset, int count) => VirtualStreamSocket.CheckRange(buffer, offset, count, 0);

        private static void CheckPort(int port, int min)
        {
            if (port < min || port > 65535) throw new ArgumentOutOfRangeException(nameof(port));
        }
    }
}
