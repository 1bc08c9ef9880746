using System.Diagnostics;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sntp;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;

namespace NanoMikey.Net.Tests
{
    /// <summary>
    /// An emulated device clock: the monotonic tick is set by the test; true UTC runs with it from a fixed start, and the
    /// RTC is true UTC plus an injected error.
    /// </summary>
    internal sealed class SntpManualPlatform : IPlatformClock
    {
        public static readonly long Start = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc).Ticks;
        public long Mono = 1000000;
        public long RtcErrorMicros;

        public long UtcTicks => Start + (Mono + RtcErrorMicros) * 10;

        public long MonotonicMicroseconds => Mono;

        public bool TimeServiceRunning => false;

        /// <summary>True UTC now as an NTP timestamp (what a perfect server says).</summary>
        public ulong TrueNtp => NtpTimestamp.FromUtcTicks(Start + Mono * 10);
    }

    /// <summary>
    /// A real-time device clock: the tick is the host's Stopwatch; the RTC is the host's UTC at creation plus the injected
    /// error, running with the tick (so it is deterministic against the tick and never re-reads the host clock).
    /// </summary>
    internal sealed class SntpRealtimePlatform : IPlatformClock
    {
        private readonly long _startTicks = DateTime.UtcNow.Ticks;
        private readonly long _startStamp = Stopwatch.GetTimestamp();

        public SntpRealtimePlatform(long rtcErrorMicros)
        {
            RtcErrorMicros = rtcErrorMicros;
        }

        public long RtcErrorMicros { get; }

        public long MonotonicMicroseconds => (long)((Stopwatch.GetTimestamp() - _startStamp) * (1000000.0 / Stopwatch.Frequency));

        public long UtcTicks => _startTicks + (MonotonicMicroseconds + RtcErrorMicros) * 10;

        public bool TimeServiceRunning => false;

        /// <summary>Host UTC as the tick sees it (no error): the truth for an in-process server.</summary>
        public ulong TrueNtp => NtpTimestamp.FromUtcTicks(_startTicks + MonotonicMicroseconds * 10);
    }

    /// <summary>A correct clock (the host's, synchronised to within a second): the initiator's side in the MIKEY tests.</summary>
    internal sealed class SntpHostMikeyClock : IMikeyClock
    {
        public ulong NtpNow => NtpTimestamp.FromUtcTicks(DateTime.UtcNow.Ticks);

        public uint OffsetBoundSeconds => 1;
    }

    /// <summary>
    /// An in-memory socket: keeps the last datagram sent; the test queues datagrams to receive. Preallocated (allocation-free
    /// in use) so that the client's steady state can be measured.
    /// </summary>
    internal sealed class SntpFakeSocket : IDatagramSocket
    {
        private const int Slots = 4;
        private readonly byte[][] _in = { new byte[128], new byte[128], new byte[128], new byte[128] };
        private readonly int[] _inLength = new int[Slots];
        private readonly uint[] _inFrom = new uint[Slots];
        private readonly int[] _inPort = new int[Slots];
        private int _head;
        private int _count;

        public readonly byte[] Sent = new byte[128];
        public int SentLength;
        public uint SentAddress;
        public int SentPort;
        public int SendCount;
        public int LocalPort { get; private set; }

        public DatagramStatus Bind(uint localAddress, int localPort)
        {
            LocalPort = localPort == 0 ? 40123 : localPort;
            return DatagramStatus.Ok;
        }

        public DatagramStatus SendTo(byte[] buffer, int offset, int count, uint remoteAddress, int remotePort)
        {
            Array.Copy(buffer, offset, Sent, 0, count);
            SentLength = count;
            SentAddress = remoteAddress;
            SentPort = remotePort;
            SendCount++;
            return DatagramStatus.Ok;
        }

        public void Enqueue(byte[] datagram, int length, uint from, int port)
        {
            if (_count == Slots) throw new InvalidOperationException();
            int k = (_head + _count) % Slots;
            Array.Copy(datagram, _in[k], length);
            _inLength[k] = length;
            _inFrom[k] = from;
            _inPort[k] = port;
            _count++;
        }

        public DatagramStatus ReceiveFrom(byte[] buffer, int offset, int count, out int received, out uint remoteAddress, out int remotePort)
        {
            received = 0;
            remoteAddress = 0;
            remotePort = 0;
            if (_count == 0) return DatagramStatus.WouldBlock;
            int n = Math.Min(count, _inLength[_head]);
            Array.Copy(_in[_head], 0, buffer, offset, n);
            received = n;
            remoteAddress = _inFrom[_head];
            remotePort = _inPort[_head];
            DatagramStatus s = n < _inLength[_head] ? DatagramStatus.Truncated : DatagramStatus.Ok;
            _head = (_head + 1) % Slots;
            _count--;
            return s;
        }

        public bool Poll(int timeoutMicroseconds) => _count > 0;

        public void Close()
        {
        }
    }

    /// <summary>
    /// A scripted server on an <see cref="SntpFakeSocket"/>: answers the last request with true time plus
    /// <see cref="ServerErrorMicros"/>, after a round trip of <see cref="DelayMicros"/> on the device's tick.
    /// </summary>
    internal sealed class SntpScriptedServer
    {
        public static readonly uint Address = IPv4.FromOctets(10, 0, 0, 1);
        public const int Port = 123;
        private readonly SntpFakeSocket _socket;
        private readonly SntpManualPlatform _platform;
        private readonly SntpPacket _request = new SntpPacket();
        private readonly byte[] _out = new byte[64];

        public SntpScriptedServer(SntpFakeSocket socket, SntpManualPlatform platform)
        {
            _socket = socket;
            _platform = platform;
        }

        public readonly SntpPacket Answer = new SntpPacket();
        public long ServerErrorMicros;
        public long DelayMicros = 2000;
        public long ProcessingMicros = 100;

        /// <summary>Fills <see cref="Answer"/> for the last request (as a good server would); the test may change it before <see cref="Deliver"/>.</summary>
        public void Prepare()
        {
            _request.Read(_socket.Sent, 0, _socket.SentLength);
            ulong truth = _platform.TrueNtp + (ulong)NtpInterval.FromMicroseconds(ServerErrorMicros);
            Answer.Clear();
            Answer.Version = 4;
            Answer.Mode = SntpPacket.ModeServer;
            Answer.Stratum = 2;
            Answer.Precision = -20;
            Answer.ReferenceId = 0x7F000001;
            Answer.OriginateTimestamp = _request.TransmitTimestamp;
            Answer.ReceiveTimestamp = truth + (ulong)NtpInterval.FromMicroseconds(DelayMicros / 2);
            Answer.TransmitTimestamp = Answer.ReceiveTimestamp + (ulong)NtpInterval.FromMicroseconds(ProcessingMicros);
        }

        /// <summary>Advances the tick by the round trip and queues <see cref="Answer"/> from the given source.</summary>
        public void Deliver(uint from, int port)
        {
            _platform.Mono += DelayMicros + ProcessingMicros;
            Answer.Write(_out, 0, _out.Length);
            _socket.Enqueue(_out, SntpPacket.Length, from, port);
        }

        /// <summary>Prepare and deliver a good answer from the server.</summary>
        public void AnswerGood()
        {
            Prepare();
            Deliver(Address, Port);
        }
    }
}
