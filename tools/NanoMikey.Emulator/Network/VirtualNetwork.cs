using System;
using System.Collections.Generic;
using NanoMikey.Emulator.Capture;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Network
{
    /// <summary>
    /// An in-process IPv4/UDP network in virtual time (with in-memory TCP connections beside it, see
    /// <see cref="VirtualStreamSocket"/> and <see cref="VirtualStreamListener"/>), seeded and deterministic: interfaces (<see cref="CreateInterface"/>)
    /// open <see cref="VirtualSocket"/>s; a send applies the <see cref="ManInTheMiddle"/>'s rules and the
    /// <see cref="Impairments"/> for its destination port (or <see cref="Global"/>), then waits in a delivery queue ordered by
    /// (delivery time, enqueue order) — enqueue order is send order, so equal times keep the order of the sends — until the
    /// <see cref="VirtualScheduler"/> reaches its time. All randomness comes from one <see cref="Random"/> seeded with the
    /// seed (impairments) and one derived from it (the man in the middle's bit positions): the same seed and the same
    /// traffic give the same deliveries and a byte-identical capture.
    /// </summary>
    /// <remarks>
    /// Sends and receives allocate nothing in the steady state: datagram copies come from a pool and go back to it when
    /// received, dropped or lost. Each socket queues at most <see cref="SocketQueueLimit"/> datagrams (a socket buffer).
    /// </remarks>
    public sealed class VirtualNetwork
    {
        /// <summary>First port handed out for a bind to port 0 (the IANA dynamic range, RFC 6335 §6).</summary>
        public const int FirstEphemeralPort = 49152;

        private readonly VirtualScheduler _scheduler;
        private readonly Random _random;
        private readonly PriorityQueue<WireDatagram, (long, long)> _inFlight = new PriorityQueue<WireDatagram, (long, long)>();
        private readonly Stack<WireDatagram> _pool = new Stack<WireDatagram>();
        private readonly Dictionary<ulong, VirtualSocket> _bound = new Dictionary<ulong, VirtualSocket>();
        // TCP ports in use: a listener's (the listener) or a connecting socket's (null).
        private readonly Dictionary<ulong, VirtualStreamListener?> _streamPorts = new Dictionary<ulong, VirtualStreamListener?>();
        private readonly Dictionary<int, Impairments> _portImpairments = new Dictionary<int, Impairments>();
        private readonly Dictionary<uint, VirtualNetworkInterface> _interfaces = new Dictionary<uint, VirtualNetworkInterface>();
        private long _sendIndex;
        private long _enqueueOrder;
        private Impairments? _global;
        private int _streamBufferBytes = 8192;

        /// <summary>Creates the network and attaches it to <paramref name="scheduler"/> (its deliveries become events).</summary>
        /// <param name="scheduler">The source of virtual time.</param>
        /// <param name="seed">Seed of every random choice the network makes.</param>
        /// <param name="capture">Where to record the traffic, or null.</param>
        /// <param name="capturePoint">Which side of the wire the capture shows.</param>
        public VirtualNetwork(VirtualScheduler scheduler, int seed, PcapWriter? capture = null, CapturePoint capturePoint = CapturePoint.Sender)
        {
            ArgumentNullException.ThrowIfNull(scheduler);
            _scheduler = scheduler;
            Seed = seed;
            _random = new Random(seed);
            Capture = capture;
            CapturePoint = capturePoint;
            ManInTheMiddle = new ManInTheMiddle(this, seed);
            scheduler.Attach(this);
        }

        /// <summary>The seed.</summary>
        public int Seed { get; }

        /// <summary>The capture, or null.</summary>
        public PcapWriter? Capture { get; }

        /// <summary>Which side of the wire <see cref="Capture"/> shows.</summary>
        public CapturePoint CapturePoint { get; }

        /// <summary>Impairments for destination ports without their own (<see cref="SetImpairments"/>), or null for a perfect network.</summary>
        public Impairments? Global
        {
            get => _global;
            set
            {
                value?.Validate();
                _global = value;
            }
        }

        /// <summary>The attacker on this network (does nothing until given rules).</summary>
        public ManInTheMiddle ManInTheMiddle { get; }

        /// <summary>What the network did so far.</summary>
        public NetworkCounters Counters { get; } = new NetworkCounters();

        /// <summary>Most datagrams a socket queues before further ones are dropped (default 256).</summary>
        public int SocketQueueLimit { get; set; } = 256;

        /// <summary>
        /// Receive buffer of each end of a TCP connection in bytes (default 8192, of the order of lwIP's window on the
        /// ESP32); a Send that finds the peer's buffer full returns WouldBlock. Applies to connections made afterwards.
        /// </summary>
        public int StreamBufferBytes
        {
            get => _streamBufferBytes;
            set
            {
                if (value < 1) throw new ArgumentOutOfRangeException(nameof(value));
                _streamBufferBytes = value;
            }
        }

        /// <summary>The virtual time of the next delivery, <see cref="long.MaxValue"/> when nothing is in flight.</summary>
        public long NextDeliveryMicros => _inFlight.TryPeek(out _, out (long Time, long Order) key) ? key.Time : long.MaxValue;

        /// <summary>Current virtual time.</summary>
        public long NowMicros => _scheduler.NowMicros;

        /// <summary>Adds a host with address <paramref name="address"/>.</summary>
        /// <param name="address">IPv4 address (big-endian number), not 0 and not yet on this network.</param>
        /// <returns>The interface.</returns>
        public VirtualNetworkInterface CreateInterface(uint address)
        {
            if (address == IPv4.Any) throw new ArgumentOutOfRangeException(nameof(address));
            if (_interfaces.ContainsKey(address)) throw new ArgumentException("address already on this network", nameof(address));
            var i = new VirtualNetworkInterface(this, address);
            _interfaces.Add(address, i);
            return i;
        }

        /// <summary>Sets (or with null removes) the impairments of datagrams to destination port <paramref name="port"/>, overriding <see cref="Global"/>.</summary>
        /// <param name="port">Destination port, e.g. 2269 for MIKEY only.</param>
        /// <param name="impairments">The impairments, or null.</param>
        public void SetImpairments(int port, Impairments? impairments)
        {
            if (port < 1 || port > 65535) throw new ArgumentOutOfRangeException(nameof(port));
            if (impairments == null)
            {
                _portImpairments.Remove(port);
                return;
            }
            impairments.Validate();
            _portImpairments[port] = impairments;
        }

        /// <summary>Delivers every datagram due at or before <paramref name="nowMicros"/> to its socket (the scheduler calls this).</summary>
        /// <param name="nowMicros">Virtual time.</param>
        public void DeliverDue(long nowMicros)
        {
            while (_inFlight.TryPeek(out WireDatagram? d, out (long Time, long Order) key) && key.Time <= nowMicros)
            {
                _inFlight.Dequeue();
                if (Capture != null && (CapturePoint == CapturePoint.Receiver || d.CaptureOnDelivery)) Record(d.DeliverMicros, d);
                if (!_bound.TryGetValue(Key(d.Envelope.DestinationAddress, d.Envelope.DestinationPort), out VirtualSocket? socket))
                {
                    Counters.NoListener++;
                    Return(d);
                }
                else if (!socket.Enqueue(d, SocketQueueLimit))
                {
                    Counters.QueueOverflow++;
                    Return(d);
                }
                else
                {
                    Counters.Delivered++;
                }
            }
        }

        internal DatagramStatus Send(VirtualSocket from, byte[] buffer, int offset, int count, uint remoteAddress, int remotePort)
        {
            long now = _scheduler.NowMicros;
            var envelope = new DatagramEnvelope(from.Interface.LocalAddress, from.LocalPort, remoteAddress, remotePort, _sendIndex++, now);
            Counters.Sent++;
            if (Capture != null && CapturePoint == CapturePoint.Sender) Capture.Write(now, envelope.SourceAddress, envelope.SourcePort,
                remoteAddress, remotePort, buffer.AsSpan(offset, count));

            WireDatagram d = Rent(count);
            Array.Copy(buffer, offset, d.Data, 0, count);
            d.Length = count;
            d.Envelope = envelope;
            d.CaptureOnDelivery = false;
            if (!ManInTheMiddle.Process(envelope, d.Data, count, Counters))
            {
                Return(d);
                return DatagramStatus.Ok;
            }

            Impairments? imp = Impairments(remotePort);
            if (imp == null)
            {
                Schedule(d, now);
                return DatagramStatus.Ok;
            }

            // Gilbert–Elliott: the chain moves before each datagram, then the bad state loses.
            if (imp.BurstEnterPercent > 0 || imp.InBadState)
            {
                if (!imp.InBadState) { if (Chance(imp.BurstEnterPercent)) imp.InBadState = true; }
                else if (Chance(imp.BurstLeavePercent)) imp.InBadState = false;
                if (imp.InBadState && Chance(imp.BurstLossPercent))
                {
                    Counters.BurstLost++;
                    Return(d);
                    return DatagramStatus.Ok;
                }
            }
            if (imp.LossPercent > 0 && Chance(imp.LossPercent))
            {
                Counters.Lost++;
                Return(d);
                return DatagramStatus.Ok;
            }

            long baseDelay = Micros(imp.DelayMs);
            if (imp.ReorderPercent > 0 && Chance(imp.ReorderPercent))
            {
                Counters.Reordered++;
                baseDelay += Micros(imp.ReorderDelayMs);
            }
            WireDatagram? copy = null;
            if (imp.DuplicatePercent > 0 && Chance(imp.DuplicatePercent))
            {
                Counters.Duplicated++;
                copy = Rent(count);
                Array.Copy(d.Data, 0, copy.Data, 0, count);
                copy.Length = count;
                copy.Envelope = envelope;
                copy.CaptureOnDelivery = true;
            }
            Impair(d, imp, now + baseDelay);
            if (copy != null) Impair(copy, imp, now + baseDelay);
            return DatagramStatus.Ok;
        }

        internal void Inject(CapturedDatagram datagram, long atMicros)
        {
            if (atMicros < _scheduler.NowMicros) throw new ArgumentOutOfRangeException(nameof(atMicros), "replay time is in the past");
            Counters.Replayed++;
            WireDatagram d = Rent(datagram.Payload.Length);
            Array.Copy(datagram.Payload, d.Data, datagram.Payload.Length);
            d.Length = datagram.Payload.Length;
            d.Envelope = datagram.Envelope;
            d.CaptureOnDelivery = true;
            Schedule(d, atMicros);
        }

        internal DatagramStatus Bind(VirtualSocket socket, int port, out int boundPort)
        {
            uint address = socket.Interface.LocalAddress;
            boundPort = 0;
            if (port == 0)
            {
                port = EphemeralPort(socket.Interface, stream: false);
                if (port == 0) return DatagramStatus.AddressInUse;
            }
            if (!_bound.TryAdd(Key(address, port), socket)) return DatagramStatus.AddressInUse;
            boundPort = port;
            return DatagramStatus.Ok;
        }

        internal StreamStatus Listen(VirtualStreamListener listener, int port, out int boundPort)
        {
            boundPort = 0;
            if (port == 0)
            {
                port = EphemeralPort(listener.Interface, stream: true);
                if (port == 0) return StreamStatus.AddressInUse;
            }
            if (!_streamPorts.TryAdd(Key(listener.Interface.LocalAddress, port), listener)) return StreamStatus.AddressInUse;
            boundPort = port;
            return StreamStatus.Ok;
        }

        internal StreamStatus Connect(VirtualStreamSocket client, uint remoteAddress, int remotePort)
        {
            // RST for a port nobody listens on (RFC 9293 §3.10.7.1); a full backlog drops the SYN, which ends as a timeout.
            if (!_streamPorts.TryGetValue(Key(remoteAddress, remotePort), out VirtualStreamListener? listener) || listener == null)
            {
                return StreamStatus.ConnectionRefused;
            }
            VirtualNetworkInterface local = client.Interface;
            int port = EphemeralPort(local, stream: true);
            if (port == 0) return StreamStatus.NetworkError; // EADDRNOTAVAIL: no ephemeral port left
            var server = new VirtualStreamSocket(listener.Interface);
            if (!listener.Offer(server)) return StreamStatus.ConnectionRefused;
            _streamPorts.Add(Key(local.LocalAddress, port), null);
            client.Join(server, port, ownsPort: true, StreamBufferBytes);
            server.Join(client, remotePort, ownsPort: false, StreamBufferBytes);
            client.SetRemotePort(remotePort);
            server.SetRemotePort(port);
            return StreamStatus.Ok;
        }

        internal void ReleaseStreamPort(uint address, int port)
        {
            _streamPorts.Remove(Key(address, port));
        }

        internal void Unbind(VirtualSocket socket)
        {
            ulong key = Key(socket.Interface.LocalAddress, socket.LocalPort);
            if (_bound.TryGetValue(key, out VirtualSocket? s) && s == socket) _bound.Remove(key);
        }

        internal void Return(WireDatagram d)
        {
            _pool.Push(d);
        }

        private Impairments? Impairments(int port)
        {
            return _portImpairments.Count != 0 && _portImpairments.TryGetValue(port, out Impairments? imp) ? imp : Global;
        }

        private void Impair(WireDatagram d, Impairments imp, long at)
        {
            if (imp.JitterMs > 0) at += (long)(_random.NextDouble() * imp.JitterMs * 1000);
            if (imp.CorruptPercent > 0 && d.Length > 0 && Chance(imp.CorruptPercent))
            {
                Counters.Corrupted++;
                int bit = _random.Next(d.Length * 8);
                d.Data[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            }
            Schedule(d, at);
        }

        private void Schedule(WireDatagram d, long at)
        {
            d.DeliverMicros = at;
            _inFlight.Enqueue(d, (at, _enqueueOrder++));
        }

        private void Record(long micros, WireDatagram d)
        {
            DatagramEnvelope e = d.Envelope;
            Capture!.Write(micros, e.SourceAddress, e.SourcePort, e.DestinationAddress, e.DestinationPort, d.Data.AsSpan(0, d.Length));
        }

        private bool Chance(double percent)
        {
            return _random.NextDouble() * 100 < percent;
        }

        private static long Micros(double ms) => (long)Math.Round(ms * 1000);

        private WireDatagram Rent(int count)
        {
            if (_pool.Count == 0) return new WireDatagram(Math.Max(count, 1500));
            WireDatagram d = _pool.Pop();
            if (d.Data.Length < count) d.Data = new byte[count];
            return d;
        }

        /// <summary>The interface's next free ephemeral port (RFC 6335 §6) for UDP or TCP, each its own port space; 0 when none is left.</summary>
        private int EphemeralPort(VirtualNetworkInterface i, bool stream)
        {
            for (int tries = 0; tries <= 65535 - FirstEphemeralPort; tries++)
            {
                int candidate = stream ? i.NextStreamEphemeralPort : i.NextEphemeralPort;
                int next = candidate == 65535 ? FirstEphemeralPort : candidate + 1;
                if (stream) i.NextStreamEphemeralPort = next;
                else i.NextEphemeralPort = next;
                ulong key = Key(i.LocalAddress, candidate);
                if (stream ? _streamPorts.ContainsKey(key) : _bound.ContainsKey(key)) continue;
                return candidate;
            }
            return 0;
        }

        private static ulong Key(uint address, int port) => ((ulong)address << 16) | (uint)port;
    }
}
