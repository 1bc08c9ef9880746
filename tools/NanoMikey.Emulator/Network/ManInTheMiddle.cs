using System;
using System.Collections.Generic;

namespace NanoMikey.Emulator.Network
{
    /// <summary>
    /// An attacker on a <see cref="VirtualNetwork"/>: sees every datagram as it is sent and can capture copies (to replay
    /// later with <see cref="Replay"/>), drop datagrams, and flip bits in them, recording exactly what it did. Rules are
    /// checked in that order (capture, drop, flip) on every send; each rule stops after its count of matches.
    /// Random bit positions come from a generator seeded from the network's seed, separate from the impairments' draws.
    /// </summary>
    public sealed class ManInTheMiddle
    {
        private readonly VirtualNetwork _network;
        private readonly Random _random;
        private readonly List<Rule> _captureRules = new List<Rule>();
        private readonly List<Rule> _dropRules = new List<Rule>();
        private readonly List<Rule> _flipRules = new List<Rule>();
        private readonly List<CapturedDatagram> _captured = new List<CapturedDatagram>();
        private readonly List<DatagramEnvelope> _dropped = new List<DatagramEnvelope>();
        private readonly List<BitFlipRecord> _flips = new List<BitFlipRecord>();
        private readonly List<ReplayRecord> _replays = new List<ReplayRecord>();

        internal ManInTheMiddle(VirtualNetwork network, int seed)
        {
            _network = network;
            _random = new Random(seed ^ 0x4D49544D);
        }

        /// <summary>Datagrams captured so far, in send order.</summary>
        public IReadOnlyList<CapturedDatagram> Captured => _captured;

        /// <summary>Datagrams dropped so far.</summary>
        public IReadOnlyList<DatagramEnvelope> Dropped => _dropped;

        /// <summary>Bits flipped so far, in send order.</summary>
        public IReadOnlyList<BitFlipRecord> Flips => _flips;

        /// <summary>Replays injected so far.</summary>
        public IReadOnlyList<ReplayRecord> Replays => _replays;

        /// <summary>Keeps a copy of the next <paramref name="maxCount"/> datagrams that match (the originals go on unharmed).</summary>
        /// <param name="filter">Which datagrams.</param>
        /// <param name="maxCount">How many at most.</param>
        public void CaptureMatching(DatagramFilter filter, int maxCount = int.MaxValue)
        {
            _captureRules.Add(new Rule(filter, maxCount, -1));
        }

        /// <summary>Drops the next <paramref name="maxCount"/> datagrams that match (e.g. the first I_MESSAGE to port 2269).</summary>
        /// <param name="filter">Which datagrams.</param>
        /// <param name="maxCount">How many at most.</param>
        public void DropMatching(DatagramFilter filter, int maxCount = 1)
        {
            _dropRules.Add(new Rule(filter, maxCount, -1));
        }

        /// <summary>Flips one bit in each of the next <paramref name="maxCount"/> datagrams that match.</summary>
        /// <param name="filter">Which datagrams (e.g. <see cref="DatagramFilters.Nth"/> of <see cref="DatagramFilters.Rtp"/>).</param>
        /// <param name="maxCount">How many at most.</param>
        /// <param name="bitIndex">The payload bit to flip (taken modulo the payload's bit count), or -1 for a random bit.</param>
        public void FlipBitsMatching(DatagramFilter filter, int maxCount = int.MaxValue, int bitIndex = -1)
        {
            _flipRules.Add(new Rule(filter, maxCount, bitIndex));
        }

        /// <summary>
        /// Injects <paramref name="datagram"/> again, unchanged and with its original addresses, to be delivered at
        /// <paramref name="atMicros"/> (no impairment applies to the attacker's own sends).
        /// </summary>
        /// <param name="datagram">A captured datagram.</param>
        /// <param name="atMicros">Virtual time of the injection; not before the current time.</param>
        public void Replay(CapturedDatagram datagram, long atMicros)
        {
            ArgumentNullException.ThrowIfNull(datagram);
            _network.Inject(datagram, atMicros);
            _replays.Add(new ReplayRecord(datagram, atMicros));
        }

        /// <summary>Applies the rules to a datagram being sent; false when it is dropped.</summary>
        internal bool Process(DatagramEnvelope envelope, byte[] data, int length, NetworkCounters counters)
        {
            ReadOnlySpan<byte> payload = data.AsSpan(0, length);
            for (int i = 0; i < _captureRules.Count; i++)
            {
                if (_captureRules[i].Take(envelope, payload)) _captured.Add(new CapturedDatagram(envelope, payload));
            }
            for (int i = 0; i < _dropRules.Count; i++)
            {
                if (!_dropRules[i].Take(envelope, payload)) continue;
                _dropped.Add(envelope);
                counters.MitmDropped++;
                return false;
            }
            bool flipped = false;
            for (int i = 0; i < _flipRules.Count; i++)
            {
                Rule rule = _flipRules[i];
                if (length == 0 || !rule.Take(envelope, payload)) continue;
                int bit = rule.BitIndex >= 0 ? rule.BitIndex % (length * 8) : _random.Next(length * 8);
                data[bit / 8] ^= (byte)(0x80 >> (bit % 8));
                _flips.Add(new BitFlipRecord(envelope, bit));
                flipped = true;
            }
            if (flipped) counters.MitmFlipped++;
            return true;
        }

        private sealed class Rule
        {
            private readonly DatagramFilter _filter;
            private int _remaining;

            public Rule(DatagramFilter filter, int maxCount, int bitIndex)
            {
                ArgumentNullException.ThrowIfNull(filter);
                if (maxCount < 0) throw new ArgumentOutOfRangeException(nameof(maxCount));
                _filter = filter;
                _remaining = maxCount;
                BitIndex = bitIndex;
            }

            public int BitIndex { get; }

            public bool Take(DatagramEnvelope envelope, ReadOnlySpan<byte> payload)
            {
                if (_remaining == 0 || !_filter(envelope, payload)) return false;
                _remaining--;
                return true;
            }
        }
    }
}
