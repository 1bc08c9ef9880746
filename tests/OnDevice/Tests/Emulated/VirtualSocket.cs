using System;
using NanoMikey.Net.Sockets;

namespace NanoMikey.OnDevice.Emulated
{
    /// <summary>
    /// A datagram socket of <see cref="VirtualNetwork"/>: a ring of <c>slots</c> preallocated datagram buffers of
    /// <c>slotSize</c> bytes each (a longer datagram is dropped on send, as an MTU would). Non-blocking, like the firmware
    /// expects (ReceiveFrom returns WouldBlock when the queue is empty).
    /// </summary>
    internal sealed class VirtualSocket : IDatagramSocket
    {
        private readonly VirtualNetwork _network;
        private readonly byte[][] _data;
        private readonly int[] _length;
        private readonly uint[] _fromAddress;
        private readonly int[] _fromPort;
        private int _head;
        private int _queued;
        private bool _bound;
        private bool _closed;

        public VirtualSocket(VirtualNetwork network, int slots, int slotSize)
        {
            if (network == null) throw new ArgumentNullException();
            _network = network;
            _data = new byte[slots][];
            for (int i = 0; i < slots; i++) _data[i] = new byte[slotSize];
            _length = new int[slots];
            _fromAddress = new uint[slots];
            _fromPort = new int[slots];
        }

        public uint LocalAddress { get; private set; }

        public int LocalPort { get; private set; }

        public DatagramStatus Bind(uint localAddress, int localPort)
        {
            if (_closed) return DatagramStatus.Closed;
            if (_bound) return DatagramStatus.AddressInUse;
            LocalAddress = localAddress;
            DatagramStatus s = _network.Bind(this, localAddress, ref localPort);
            if (s != DatagramStatus.Ok) return s;
            LocalPort = localPort;
            _bound = true;
            return DatagramStatus.Ok;
        }

        public DatagramStatus SendTo(byte[] buffer, int offset, int count, uint remoteAddress, int remotePort)
        {
            if (_closed) return DatagramStatus.Closed;
            if (!_bound) return DatagramStatus.NotBound;
            _network.Send(buffer, offset, count, LocalAddress, LocalPort, remoteAddress, remotePort);
            return DatagramStatus.Ok;
        }

        public DatagramStatus ReceiveFrom(byte[] buffer, int offset, int count, out int received, out uint remoteAddress, out int remotePort)
        {
            received = 0;
            remoteAddress = 0;
            remotePort = 0;
            if (_closed) return DatagramStatus.Closed;
            if (!_bound) return DatagramStatus.NotBound;
            if (_queued == 0) return DatagramStatus.WouldBlock;
            int slot = _head;
            _head = (_head + 1) % _data.Length;
            _queued--;
            int length = _length[slot];
            DatagramStatus s = DatagramStatus.Ok;
            if (length > count)
            {
                length = count;
                s = DatagramStatus.Truncated;
            }

            Array.Copy(_data[slot], 0, buffer, offset, length);
            received = length;
            remoteAddress = _fromAddress[slot];
            remotePort = _fromPort[slot];
            return s;
        }

        public bool Poll(int timeoutMicroseconds)
        {
            return _queued > 0;
        }

        public void Close()
        {
            if (_bound) _network.Unbind(this);
            _bound = false;
            _closed = true;
        }

        internal bool Enqueue(byte[] buffer, int offset, int count, uint fromAddress, int fromPort)
        {
            if (_closed || _queued == _data.Length || count > _data[0].Length) return false;
            int slot = (_head + _queued) % _data.Length;
            Array.Copy(buffer, offset, _data[slot], 0, count);
            _length[slot] = count;
            _fromAddress[slot] = fromAddress;
            _fromPort[slot] = fromPort;
            _queued++;
            return true;
        }
    }
}
