using System;
using NanoMikey.Crypto;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;

namespace NanoMikey.Net.Sntp
{
    /// <summary>
    /// RFC 4330 unicast SNTP client that never blocks: driven by <see cref="Run"/> at <see cref="NextDueMicros"/> (the shape
    /// of the firmware's device tasks, which wrap it) and feeding an <see cref="SntpClock"/>. Each poll is a short burst of
    /// requests to the current server, one at a time; the sample with the smallest round-trip delay sets the clock.
    /// </summary>
    /// <remarks>
    /// <para>Socket: the caller may bind it (any local port; RFC 4330 §4 lets clients use any port); if it is unbound at the
    /// first request, the client binds it to 0.0.0.0 and a port the platform chooses. The client owns the socket from then
    /// on: every datagram on it is read as an SNTP answer.</para>
    /// <para>Servers: up to <see cref="MaxServers"/>; one is used at a time. A failed burst (no valid answer) moves to the
    /// next usable server; a DENY or RSTR kiss-o'-death removes a server for good; RATE backs off (RFC 4330 §8).</para>
    /// <para>Poll interval: <see cref="UnsynchronisedPollSeconds"/> until the first synchronisation, then from
    /// <see cref="MinPollSeconds"/> doubling up to <see cref="MaxPollSeconds"/> while the offsets stay below
    /// <see cref="StableOffsetMicroseconds"/>; every failure doubles it (exponential back-off). Never below 15 s (RFC 4330 §10).</para>
    /// <para>Anti-spoofing: the transmit timestamp of a request carries the right seconds and 32 random-looking fraction bits
    /// (an xorshift generator seeded by the caller's seed, from the platform's entropy source, and stirred with the tick on
    /// every draw). An answer must echo it exactly (RFC 4330 §5), so an off-path forger has to guess 32 bits. The client
    /// keeps the true T1 and measures T4 − T1 on the monotonic tick, so neither the random bits nor a clock step affect a sample.</para>
    /// <para>Allocation-free after construction; not thread-safe.</para>
    /// </remarks>
    [HotPath]
    public sealed class SntpClient
    {
        /// <summary>Servers kept at most.</summary>
        public const int MaxServers = 4;

        /// <summary>The smallest poll interval a client may use (RFC 4330 §10: "MUST NOT ... less than 15 seconds").</summary>
        public const int MinimumPollSeconds = 15;

        /// <summary>Requests in a burst at most.</summary>
        public const int MaxBurstSize = 8;

        /// <summary>The standard NTP port (RFC 4330 §4).</summary>
        public const int NtpPort = 123;

        private const long MicrosPerSecond = 1000000;

        private readonly IDatagramSocket _socket;
        private readonly IPlatformClock _platform;
        private readonly SntpClock _clock;
        private readonly SntpPacket _packet = new SntpPacket();
        private readonly byte[] _buffer = new byte[SntpPacket.Length + 20];
        private readonly uint[] _serverAddress = new uint[MaxServers];
        private readonly int[] _serverPort = new int[MaxServers];
        private readonly bool[] _serverDenied = new bool[MaxServers];
        private int _serverCount;
        private int _current;

        private SntpClientState _state;
        private long _due;
        private long _deadline;
        private int _pollSeconds;
        private uint _random;
        private int _failures;

        // The request out: the transmit timestamp on the wire (must come back as originate), the true T1 and its tick.
        private ulong _expectedOriginate;
        private ulong _t1;
        private long _t1Micros;

        // The burst: requests sent, and its best sample so far (smallest delay).
        private int _burstSent;
        private bool _haveSample;
        private long _bestOffset;
        private long _bestDelay;
        private long _bestAccuracy;

        private int _unsynchronisedPoll = MinimumPollSeconds;
        private int _minPoll = 64;
        private int _maxPoll = 1024;
        private int _burstSize = 4;
        private long _burstSpacing = 2 * MicrosPerSecond;
        private long _requestTimeout = MicrosPerSecond;
        private long _stableOffset = 128000;

        /// <summary>Creates a client with no server; <see cref="AddServer"/> before the first <see cref="Run"/>.</summary>
        /// <param name="socket">A UDP socket for this client alone (bound by the caller, or bound here at the first request).</param>
        /// <param name="platform">The platform clock: its monotonic tick stamps requests and answers.</param>
        /// <param name="clock">The clock the samples set.</param>
        /// <param name="seed">Seed of the transmit timestamps' random bits (from the platform's entropy source).</param>
        public SntpClient(IDatagramSocket socket, IPlatformClock platform, SntpClock clock, uint seed)
        {
            if (socket == null || platform == null || clock == null) throw new ArgumentNullException();
            _socket = socket;
            _platform = platform;
            _clock = clock;
            _random = seed ^ 0x9E3779B9;
            if (_random == 0) _random = 1;
            _pollSeconds = _unsynchronisedPoll;
            _state = SntpClientState.NoUsableServer;
        }

        /// <summary>Adds a server; the first one added is polled first.</summary>
        /// <param name="address">The server's IPv4 address (big-endian, see <see cref="IPv4"/>).</param>
        /// <param name="port">The server's UDP port (usually <see cref="NtpPort"/>).</param>
        /// <returns>False when <see cref="MaxServers"/> are configured already.</returns>
        public bool AddServer(uint address, int port)
        {
            if (port < 1 || port > 65535) throw new ArgumentOutOfRangeException();
            if (_serverCount == MaxServers) return false;
            _serverAddress[_serverCount] = address;
            _serverPort[_serverCount] = port;
            _serverDenied[_serverCount] = false;
            if (_state == SntpClientState.NoUsableServer)
            {
                // The first usable server: poll at the next Run.
                _current = _serverCount;
                _state = SntpClientState.WaitingForPoll;
                _due = _platform.MonotonicMicroseconds;
            }

            _serverCount++;
            return true;
        }

        /// <summary>Servers configured.</summary>
        public int ServerCount
        {
            get { return _serverCount; }
        }

        /// <summary>Index of the server in use (the order of <see cref="AddServer"/>).</summary>
        public int CurrentServer
        {
            get { return _current; }
        }

        /// <summary>Whether a server may still be used (false after it sent DENY or RSTR).</summary>
        /// <param name="index">Server index.</param>
        /// <returns>True while usable.</returns>
        public bool IsServerUsable(int index)
        {
            if (index < 0 || index >= _serverCount) throw new ArgumentOutOfRangeException();
            return !_serverDenied[index];
        }

        /// <summary>What the client is doing.</summary>
        public SntpClientState State
        {
            get { return _state; }
        }

        /// <summary>The poll interval in force, in seconds.</summary>
        public int PollIntervalSeconds
        {
            get { return _pollSeconds; }
        }

        /// <summary>Poll interval until the first synchronisation (≥ 15 s; default 15 s).</summary>
        public int UnsynchronisedPollSeconds
        {
            get { return _unsynchronisedPoll; }
            set
            {
                CheckPoll(value);
                _unsynchronisedPoll = value;
                if (_clock.SyncCount == 0 && _failures == 0) _pollSeconds = value;
            }
        }

        /// <summary>Poll interval after a synchronisation whose offset was not small (≥ 15 s; default 64 s).</summary>
        public int MinPollSeconds
        {
            get { return _minPoll; }
            set
            {
                CheckPoll(value);
                _minPoll = value;
            }
        }

        /// <summary>Largest poll interval, for growth and back-off alike (≥ 15 s; default 1024 s).</summary>
        public int MaxPollSeconds
        {
            get { return _maxPoll; }
            set
            {
                CheckPoll(value);
                _maxPoll = value;
            }
        }

        /// <summary>Requests per poll (1 to <see cref="MaxBurstSize"/>; default 4).</summary>
        public int BurstSize
        {
            get { return _burstSize; }
            set
            {
                if (value < 1 || value > MaxBurstSize) throw new ArgumentOutOfRangeException();
                _burstSize = value;
            }
        }

        /// <summary>Wait between an answer (or timeout) and the next request of a burst, in microseconds (≥ 0; default 2 s).</summary>
        public long BurstSpacingMicroseconds
        {
            get { return _burstSpacing; }
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException();
                _burstSpacing = value;
            }
        }

        /// <summary>How long a request waits for its answer, in microseconds (&gt; 0; default 1 s).</summary>
        public long RequestTimeoutMicroseconds
        {
            get { return _requestTimeout; }
            set
            {
                if (value <= 0) throw new ArgumentOutOfRangeException();
                _requestTimeout = value;
            }
        }

        /// <summary>An offset below this (in microseconds) counts as stable and lets the poll interval grow (default 128 ms).</summary>
        public long StableOffsetMicroseconds
        {
            get { return _stableOffset; }
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException();
                _stableOffset = value;
            }
        }

        /// <summary>The monotonic time (µs) at which <see cref="Run"/> next has work without new input; <see cref="long.MaxValue"/> when none.</summary>
        public long NextDueMicros
        {
            get
            {
                if (_state == SntpClientState.AwaitingAnswer) return _deadline;
                if (_state == SntpClientState.NoUsableServer) return long.MaxValue;
                return _due;
            }
        }

        /// <summary>Requests sent.</summary>
        public int RequestsSent { get; private set; }

        /// <summary>Valid answers (samples taken into a burst).</summary>
        public int SamplesAccepted { get; private set; }

        /// <summary>Datagrams refused by the RFC 4330 §5 checks (kiss-o'-death included).</summary>
        public int SamplesRejected { get; private set; }

        /// <summary>Requests that got no valid answer in time.</summary>
        public int Timeouts { get; private set; }

        /// <summary>Kiss-o'-death messages received.</summary>
        public int KissesReceived { get; private set; }

        /// <summary>The code of the last kiss-o'-death (see <see cref="SntpKissCode"/>), 0 before any.</summary>
        public uint LastKissCode { get; private set; }

        /// <summary>The verdict on the last datagram received.</summary>
        public SntpAnswerStatus LastAnswerStatus { get; private set; }

        /// <summary>Bursts in a row that ended without a sample (reset by a synchronisation).</summary>
        public int ConsecutiveFailures
        {
            get { return _failures; }
        }

        /// <summary>
        /// Does what is due: reads waiting answers, times out the request out, sends the next request or starts the next
        /// poll. Never blocks; call it at <see cref="NextDueMicros"/> and whenever the socket has a datagram.
        /// </summary>
        /// <param name="nowMicros">The monotonic tick in microseconds.</param>
        public void Run(long nowMicros)
        {
            Receive();
            if (_state == SntpClientState.AwaitingAnswer && nowMicros >= _deadline)
            {
                Timeouts++;
                RequestDone(nowMicros);
            }

            if (_state == SntpClientState.BetweenRequests && nowMicros >= _due)
            {
                SendRequest(nowMicros);
            }
            else if (_state == SntpClientState.WaitingForPoll && nowMicros >= _due)
            {
                _burstSent = 0;
                _haveSample = false;
                SendRequest(nowMicros);
            }
        }

        /// <summary>The clock offset θ = ((T2 − T1) + (T3 − T4)) / 2 of a sample (RFC 4330 §5), in microseconds.</summary>
        /// <param name="t1">Request sent (client's clock).</param>
        /// <param name="t2">Request received (server's clock).</param>
        /// <param name="t3">Answer sent (server's clock).</param>
        /// <param name="t4">Answer received (client's clock).</param>
        /// <returns>The server's time minus the client's.</returns>
        public static long OffsetMicroseconds(ulong t1, ulong t2, ulong t3, ulong t4)
        {
            long a = NtpInterval.ToMicroseconds(NtpInterval.Difference(t2, t1));
            long b = NtpInterval.ToMicroseconds(NtpInterval.Difference(t3, t4));
            return (a + b) / 2;
        }

        /// <summary>The round-trip delay δ = (T4 − T1) − (T3 − T2) of a sample (RFC 4330 §5), in microseconds (may be negative).</summary>
        /// <param name="t1">Request sent (client's clock).</param>
        /// <param name="t2">Request received (server's clock).</param>
        /// <param name="t3">Answer sent (server's clock).</param>
        /// <param name="t4">Answer received (client's clock).</param>
        /// <returns>Time on the network.</returns>
        public static long DelayMicroseconds(ulong t1, ulong t2, ulong t3, ulong t4)
        {
            return NtpInterval.ToMicroseconds(NtpInterval.Difference(t4, t1)) - NtpInterval.ToMicroseconds(NtpInterval.Difference(t3, t2));
        }

        private void Receive()
        {
            for (int guard = 0; guard < 16; guard++)
            {
                DatagramStatus s = _socket.ReceiveFrom(_buffer, 0, _buffer.Length, out int received, out uint from, out int port);
                if (s != DatagramStatus.Ok && s != DatagramStatus.Truncated) return;
                long t4Micros = _platform.MonotonicMicroseconds;
                SntpAnswerStatus verdict = s == DatagramStatus.Truncated ? SntpAnswerStatus.Malformed : Check(received, from, port);
                LastAnswerStatus = verdict;
                if (verdict == SntpAnswerStatus.Accepted)
                {
                    SamplesAccepted++;
                    TakeSample(t4Micros);
                    RequestDone(t4Micros);
                }
                else
                {
                    SamplesRejected++;
                    if (verdict == SntpAnswerStatus.KissOfDeath) Kissed(t4Micros);
                }
            }
        }

        // RFC 4330 §5: the checks a client makes on an answer, in order; the originate check before the kiss-o'-death one,
        // so that a forged kiss cannot switch servers off.
        private SntpAnswerStatus Check(int received, uint from, int port)
        {
            if (_state != SntpClientState.AwaitingAnswer) return SntpAnswerStatus.NotExpected;
            if (from != _serverAddress[_current] || port != _serverPort[_current]) return SntpAnswerStatus.WrongSource;
            if (!_packet.Read(_buffer, 0, received)) return SntpAnswerStatus.Malformed;
            if (_packet.Mode != SntpPacket.ModeServer) return SntpAnswerStatus.WrongMode;
            if (_packet.Version != 3 && _packet.Version != 4) return SntpAnswerStatus.WrongVersion;
            if (_packet.OriginateTimestamp != _expectedOriginate) return SntpAnswerStatus.WrongOriginate;
            if (_packet.Stratum == 0) return SntpAnswerStatus.KissOfDeath;
            if (_packet.LeapIndicator == SntpPacket.LeapAlarm) return SntpAnswerStatus.ServerUnsynchronised;
            if (_packet.Stratum > 15) return SntpAnswerStatus.WrongStratum;
            if (_packet.TransmitTimestamp == 0) return SntpAnswerStatus.ZeroTransmit;
            return SntpAnswerStatus.Accepted;
        }

        private void TakeSample(long t4Micros)
        {
            // T4 on the tick: immune to the random bits of the wire T1 and to clock steps.
            ulong t4 = _t1 + (ulong)NtpInterval.FromMicroseconds(t4Micros - _t1Micros);
            ulong t2 = _packet.ReceiveTimestamp;
            ulong t3 = _packet.TransmitTimestamp;
            long offset = OffsetMicroseconds(_t1, t2, t3, t4);
            long delay = DelayMicroseconds(_t1, t2, t3, t4);
            if (delay < 0) delay = 0; // server timestamps out of order: the round trip cannot be negative
            if (_haveSample && delay >= _bestDelay) return;
            // How far the clock may be from UTC once set: half the round trip plus the server's root distance
            // (root delay / 2 + root dispersion, 16.16 fixed point seconds).
            long rootDelay = _packet.RootDelay < 0 ? 0 : _packet.RootDelay;
            long rootDispersion = _packet.RootDispersion;
            long accuracy = delay / 2 + ((rootDelay * MicrosPerSecond) >> 17) + ((rootDispersion * MicrosPerSecond) >> 16);
            _haveSample = true;
            _bestOffset = offset;
            _bestDelay = delay;
            _bestAccuracy = accuracy;
        }

        private void Kissed(long nowMicros)
        {
            uint code = _packet.ReferenceId;
            LastKissCode = code;
            KissesReceived++;
            // RFC 4330 §8: DENY/RSTR: stop sending to this server; RATE: reduce the rate. Both end the burst. Other codes
            // carry no instruction for a client: the request stays out until an answer or its timeout.
            if (code == SntpKissCode.Deny || code == SntpKissCode.Restrict || code == SntpKissCode.Rate) EndBurst(nowMicros, code);
        }

        private void SendRequest(long nowMicros)
        {
            _burstSent++;
            RequestsSent++;
            _state = SntpClientState.AwaitingAnswer;
            _deadline = nowMicros + _requestTimeout;
            DatagramStatus s = DatagramStatus.Ok;
            if (_socket.LocalPort == 0) s = _socket.Bind(IPv4.Any, 0);
            _packet.Clear();
            _packet.Version = 4;
            _packet.Mode = SntpPacket.ModeClient;
            _t1Micros = _platform.MonotonicMicroseconds;
            _t1 = _clock.NtpNow;
            // RFC 4330 §5: the answer must echo this value; the random fraction makes it unguessable off-path.
            _expectedOriginate = (_t1 & 0xFFFFFFFF00000000) | NextRandom();
            _packet.TransmitTimestamp = _expectedOriginate;
            _packet.Write(_buffer, 0, _buffer.Length);
            if (s == DatagramStatus.Ok) s = _socket.SendTo(_buffer, 0, SntpPacket.Length, _serverAddress[_current], _serverPort[_current]);
            // A send that failed can get no answer: it times out at the next Run.
            if (s != DatagramStatus.Ok) _deadline = nowMicros;
        }

        private void RequestDone(long nowMicros)
        {
            _expectedOriginate = 0;
            if (_burstSent < _burstSize)
            {
                _state = SntpClientState.BetweenRequests;
                _due = nowMicros + _burstSpacing;
            }
            else
            {
                EndBurst(nowMicros, 0);
            }
        }

        private void EndBurst(long nowMicros, uint kiss)
        {
            _expectedOriginate = 0;
            bool switchServer = false;
            if (kiss == SntpKissCode.Deny || kiss == SntpKissCode.Restrict)
            {
                // The server refuses us: its samples of this burst go too, and it is never asked again.
                _serverDenied[_current] = true;
                _haveSample = false;
                switchServer = true;
            }
            else if (_haveSample)
            {
                bool wasSynchronised = _clock.SyncCount > 0;
                _clock.Synchronise(_bestOffset, _bestDelay, _bestAccuracy);
                _failures = 0;
                long magnitude = _bestOffset < 0 ? -_bestOffset : _bestOffset;
                // Growth while stable; back to the shortest synchronised interval after the first sync or a large step.
                if (!wasSynchronised || magnitude > _stableOffset) _pollSeconds = _minPoll;
                else _pollSeconds = Double(_pollSeconds);
            }
            else if (kiss == 0)
            {
                // No valid answer: exponential back-off, and try the next server.
                _failures++;
                _pollSeconds = Double(_pollSeconds);
                switchServer = true;
            }

            if (kiss == SntpKissCode.Rate)
            {
                int doubled = Double(_pollSeconds);
                _pollSeconds = doubled < _minPoll ? _minPoll : doubled;
            }

            _haveSample = false;
            if (switchServer && !NextUsableServer())
            {
                _state = SntpClientState.NoUsableServer;
                return;
            }

            _state = SntpClientState.WaitingForPoll;
            _due = nowMicros + (long)_pollSeconds * MicrosPerSecond;
        }

        private bool NextUsableServer()
        {
            for (int i = 1; i <= _serverCount; i++)
            {
                int k = (_current + i) % _serverCount;
                if (!_serverDenied[k])
                {
                    _current = k;
                    return true;
                }
            }

            return false;
        }

        private int Double(int seconds)
        {
            return seconds >= _maxPoll / 2 ? _maxPoll : seconds * 2;
        }

        private uint NextRandom()
        {
            // xorshift32 stirred with the tick: not a cryptographic generator, only hard to predict off-path.
            uint x = _random ^ (uint)_platform.MonotonicMicroseconds;
            if (x == 0) x = 0x6D2B79F5;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _random = x;
            return x;
        }

        private static void CheckPoll(int seconds)
        {
            if (seconds < MinimumPollSeconds || seconds > 1 << 17) throw new ArgumentOutOfRangeException();
        }
    }
}
