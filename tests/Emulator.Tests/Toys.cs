using System.Buffers.Binary;
using NanoMikey.Firmware.Runtime;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>The two hosts most tests put on a virtual network.</summary>
    internal static class Hosts
    {
        public static readonly uint A = IPv4.FromOctets(10, 0, 0, 1);
        public static readonly uint B = IPv4.FromOctets(10, 0, 0, 2);
    }

    /// <summary>Sends <c>count</c> datagrams every <c>periodMicros</c>: 4-byte big-endian sequence number, then filler.</summary>
    internal sealed class PacedSender : IDeviceTask
    {
        private readonly IDatagramSocket _socket;
        private readonly uint _to;
        private readonly int _port;
        private readonly long _period;
        private readonly int _count;
        private readonly byte[] _buffer;
        private readonly Func<int, byte[]>? _payload;

        public PacedSender(IDatagramSocket socket, uint to, int port, long periodMicros, int count, int size = 172, Func<int, byte[]>? payload = null)
        {
            _socket = socket;
            _to = to;
            _port = port;
            _period = periodMicros;
            _count = count;
            _buffer = new byte[size];
            _payload = payload;
            NextDueMicros = 0;
        }

        public int Sent { get; private set; }

        public long NextDueMicros { get; private set; }

        public void Run(long nowMicros)
        {
            while (Sent < _count && nowMicros >= NextDueMicros)
            {
                if (_payload != null)
                {
                    byte[] p = _payload(Sent);
                    Assert.Equal(DatagramStatus.Ok, _socket.SendTo(p, 0, p.Length, _to, _port));
                }
                else
                {
                    BinaryPrimitives.WriteInt32BigEndian(_buffer, Sent);
                    for (int i = 4; i < _buffer.Length; i++) _buffer[i] = (byte)(Sent * 7 + i);
                    Assert.Equal(DatagramStatus.Ok, _socket.SendTo(_buffer, 0, _buffer.Length, _to, _port));
                }
                Sent++;
                NextDueMicros += _period;
            }
            if (Sent == _count) NextDueMicros = long.MaxValue;
        }

        /// <summary>The bytes PacedSender sends as datagram <paramref name="seq"/> (default payload).</summary>
        public static byte[] Expected(int seq, int size = 172)
        {
            var b = new byte[size];
            BinaryPrimitives.WriteInt32BigEndian(b, seq);
            for (int i = 4; i < size; i++) b[i] = (byte)(seq * 7 + i);
            return b;
        }
    }

    /// <summary>Drains a socket on every run, recording arrival time, sender and bytes.</summary>
    internal sealed class Collector : IDeviceTask
    {
        private readonly IDatagramSocket _socket;
        private readonly byte[] _buffer = new byte[2048];

        public Collector(IDatagramSocket socket)
        {
            _socket = socket;
        }

        public List<(long Time, uint From, int FromPort, byte[] Data)> Received { get; } = new();

        public long NextDueMicros => long.MaxValue;

        public IEnumerable<int> Sequences => Received.Select(r => BinaryPrimitives.ReadInt32BigEndian(r.Data));

        public void Run(long nowMicros)
        {
            while (_socket.Poll(0))
            {
                DatagramStatus s = _socket.ReceiveFrom(_buffer, 0, _buffer.Length, out int n, out uint from, out int port);
                Assert.Equal(DatagramStatus.Ok, s);
                Received.Add((nowMicros, from, port, _buffer.AsSpan(0, n).ToArray()));
            }
        }
    }

    /// <summary>A toy intercom: every 20 ms sends a frame with its sequence number to the peer and counts what arrives in order.</summary>
    internal sealed class ToyStation : IDeviceTask
    {
        private readonly IDatagramSocket _socket;
        private readonly uint _peer;
        private readonly byte[] _tx = new byte[172];
        private readonly byte[] _rx = new byte[2048];
        private readonly long _stopMicros;

        public ToyStation(IDatagramSocket socket, uint peer, long stopMicros)
        {
            _socket = socket;
            _peer = peer;
            _stopMicros = stopMicros;
            Assert.Equal(DatagramStatus.Ok, socket.Bind(IPv4.Any, 5004));
        }

        public int Sent { get; private set; }

        public int Received { get; private set; }

        public int OutOfOrder { get; private set; }

        public long LastNow { get; private set; } = -1;

        /// <summary>Smallest and largest (arrival − send time) seen; frames are sent at 20 ms × sequence.</summary>
        public long MinLatency { get; private set; } = long.MaxValue;

        public long MaxLatency { get; private set; } = long.MinValue;

        public long NextDueMicros { get; private set; }

        public void Run(long nowMicros)
        {
            if (nowMicros < LastNow) throw new InvalidOperationException("time went backwards");
            LastNow = nowMicros;
            while (_socket.ReceiveFrom(_rx, 0, _rx.Length, out int n, out _, out _) == DatagramStatus.Ok)
            {
                int seq = BinaryPrimitives.ReadInt32BigEndian(_rx);
                if (seq != Received || n != _tx.Length) OutOfOrder++;
                long latency = nowMicros - 20000L * seq;
                MinLatency = Math.Min(MinLatency, latency);
                MaxLatency = Math.Max(MaxLatency, latency);
                Received++;
            }
            while (nowMicros >= NextDueMicros && NextDueMicros < _stopMicros)
            {
                BinaryPrimitives.WriteInt32BigEndian(_tx, Sent);
                _socket.SendTo(_tx, 0, _tx.Length, _peer, 5004);
                Sent++;
                NextDueMicros += 20000;
            }
            if (NextDueMicros >= _stopMicros) NextDueMicros = long.MaxValue;
        }
    }
}
