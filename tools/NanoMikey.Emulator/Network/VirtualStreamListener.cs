using System;
using System.Collections.Generic;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Network
{
    /// <summary>
    /// A TCP listener on a <see cref="VirtualNetwork"/>: Listen registers the interface's address and the port (0 picks an
    /// ephemeral port from 49152; a taken one is AddressInUse; a local address other than the interface's or
    /// <see cref="IPv4.Any"/> is a NetworkError), connections wait in a queue of at most <c>backlog</c> entries until
    /// <see cref="Accept"/> takes them. Close resets the connections still waiting, as a real stack does.
    /// </summary>
    /// <remarks>Poll never waits (virtual time stands still while a task runs). Accept allocates nothing: the connection
    /// was built by the connecting side.</remarks>
    public sealed class VirtualStreamListener : IStreamListener
    {
        private Queue<VirtualStreamSocket>? _waiting;
        private int _backlog;
        private bool _closed;

        internal VirtualStreamListener(VirtualNetworkInterface networkInterface)
        {
            Interface = networkInterface;
        }

        /// <summary>The interface the listener belongs to.</summary>
        public VirtualNetworkInterface Interface { get; }

        /// <inheritdoc />
        public int LocalPort { get; private set; }

        /// <summary>Connections waiting to be accepted.</summary>
        public int Pending => _waiting == null ? 0 : _waiting.Count;

        /// <inheritdoc />
        public StreamStatus Listen(uint localAddress, int localPort, int backlog)
        {
            if (localPort < 0 || localPort > 65535) throw new ArgumentOutOfRangeException(nameof(localPort));
            if (backlog < 1) throw new ArgumentOutOfRangeException(nameof(backlog));
            if (_closed) return StreamStatus.Closed;
            if (_waiting != null) return StreamStatus.NetworkError; // EINVAL: already listening
            if (localAddress != IPv4.Any && localAddress != Interface.LocalAddress) return StreamStatus.NetworkError; // EADDRNOTAVAIL
            StreamStatus status = Interface.Network.Listen(this, localPort, out int port);
            if (status != StreamStatus.Ok) return status;
            LocalPort = port;
            _backlog = backlog;
            _waiting = new Queue<VirtualStreamSocket>(backlog);
            return StreamStatus.Ok;
        }

        /// <inheritdoc />
        public StreamStatus Accept(out IStreamSocket? connection)
        {
            connection = null;
            if (_closed) return StreamStatus.Closed;
            if (_waiting == null) return StreamStatus.NotConnected;
            if (_waiting.Count == 0) return StreamStatus.WouldBlock;
            connection = _waiting.Dequeue();
            return StreamStatus.Ok;
        }

        /// <inheritdoc />
        /// <remarks>Never waits; false when not listening or after <see cref="Close"/>.</remarks>
        public bool Poll(int timeoutMicroseconds)
        {
            return !_closed && _waiting != null && _waiting.Count != 0;
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed) return;
            _closed = true;
            if (_waiting == null) return;
            Interface.Network.ReleaseStreamPort(Interface.LocalAddress, LocalPort);
            while (_waiting.Count != 0) _waiting.Dequeue().Abort();
            LocalPort = 0;
        }

        /// <summary>Queues the server end of a new connection; false when the backlog is full.</summary>
        internal bool Offer(VirtualStreamSocket connection)
        {
            if (_waiting!.Count >= _backlog) return false;
            _waiting.Enqueue(connection);
            return true;
        }
    }
}
