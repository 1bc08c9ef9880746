namespace NanoMikey.Media.Rtcp
{
    /// <summary>
    /// Reception statistics of one RTP source, as an RTCP report block needs them (RFC 3550 §6.4.1): sequence
    /// tracking and source validation (A.1), expected/lost counts and fraction lost (A.3), interarrival jitter (A.8),
    /// and the last sender report for LSR/DLSR. Allocates nothing.
    /// </summary>
    public sealed class ReceptionStatistics
    {
        private const int SeqMod = 1 << 16;
        private const int MaxDropout = 3000; // RFC 3550 A.1
        private const int MaxMisorder = 100; // RFC 3550 A.1

        private readonly int _minSequential;
        private bool _initialised;
        private int _probation;
        private ushort _maxSeq;
        private uint _cycles; // shifted count of wraps, as in A.1
        private uint _baseSeq;
        private int _badSeq;
        private uint _received;
        private uint _expectedPrior;
        private uint _receivedPrior;
        private bool _haveTransit;
        private int _transit;
        private uint _jitter; // scaled by 16 (A.8 integer form)
        private bool _haveSr;
        private uint _lsr;
        private long _srArrivalMicros;

        /// <summary>Statistics that accept the first packet at once (no probation).</summary>
        public ReceptionStatistics()
            : this(0)
        {
        }

        /// <summary>Statistics with RFC 3550 A.1 source validation.</summary>
        /// <param name="minSequential">Packets in sequence needed before a source is valid (A.1 MIN_SEQUENTIAL, 2 suggested); 0 or 1 = none.</param>
        public ReceptionStatistics(int minSequential)
        {
            _minSequential = minSequential < 1 ? 1 : minSequential;
            Reset();
        }

        /// <summary>True while the source is still on probation (RFC 3550 A.1): its packets are not counted yet.</summary>
        public bool OnProbation { get { return !_initialised || _probation > 0; } }

        /// <summary>Whether the last packet passed to <see cref="OnPacket"/> was accepted as valid (A.1 update_seq).</summary>
        public bool LastPacketValid { get; private set; }

        /// <summary>Wrap count of the sequence number (RFC 3550 §6.4.1: the upper 16 bits of the extended highest sequence number).</summary>
        public uint Cycles { get { return _cycles >> 16; } }

        /// <summary>Extended highest sequence number received (RFC 3550 §6.4.1).</summary>
        public uint ExtendedHighestSequence { get { return _cycles + _maxSeq; } }

        /// <summary>Extended sequence number of the first valid packet.</summary>
        public uint BaseSequence { get { return _baseSeq; } }

        /// <summary>Packets received (valid, duplicates included, as in A.1).</summary>
        public uint Received { get { return _received; } }

        /// <summary>Packets expected: extended highest minus base plus one (A.3).</summary>
        public uint Expected { get { return _initialised && _probation == 0 ? ExtendedHighestSequence - _baseSeq + 1 : 0; } }

        /// <summary>Cumulative number of packets lost, clamped to the 24-bit signed field (A.3; negative with duplicates).</summary>
        public int CumulativeLost
        {
            get
            {
                long lost = (long)Expected - _received;
                if (lost > 0x7FFFFF) lost = 0x7FFFFF;
                else if (lost < -0x800000) lost = -0x800000;
                return (int)lost;
            }
        }

        /// <summary>Interarrival jitter in timestamp units (A.8: the 1/16-scaled estimate, shifted down).</summary>
        public uint Jitter { get { return _jitter >> 4; } }

        /// <summary>Fraction lost (8-bit fixed point) computed by the last <see cref="CloseInterval"/>.</summary>
        public byte FractionLost { get; private set; }

        /// <summary>True once a sender report from this source was recorded.</summary>
        public bool HasSenderReport { get { return _haveSr; } }

        /// <summary>LSR: the middle 32 bits of the last sender report's NTP timestamp (RFC 3550 §6.4.1), 0 if none.</summary>
        public uint LastSenderReport { get { return _haveSr ? _lsr : 0; } }

        /// <summary>Forgets the source (SSRC change); the next packet starts it again.</summary>
        public void Reset()
        {
            _initialised = false;
            _probation = 0;
            _cycles = 0;
            _received = 0;
            _expectedPrior = 0;
            _receivedPrior = 0;
            _haveTransit = false;
            _jitter = 0;
            _haveSr = false;
            LastPacketValid = false;
            FractionLost = 0;
        }

        /// <summary>Accounts one received RTP packet of this source.</summary>
        /// <param name="sequence">Its sequence number.</param>
        /// <param name="rtpTimestamp">Its RTP timestamp.</param>
        /// <param name="arrivalInRtpUnits">Its arrival time on the receiver's clock, in the same units as the RTP timestamp (A.8).</param>
        public void OnPacket(ushort sequence, uint rtpTimestamp, uint arrivalInRtpUnits)
        {
            bool valid = UpdateSequence(sequence);
            LastPacketValid = valid;
            if (!valid) return;
            // RFC 3550 A.8: D = (arrival - ts) difference of transits; J += (|D| - J) / 16, integer form scaled by 16.
            int transit = (int)(arrivalInRtpUnits - rtpTimestamp);
            if (_haveTransit)
            {
                int d = transit - _transit;
                if (d < 0) d = -d;
                _jitter = (uint)(_jitter + d - ((_jitter + 8) >> 4));
            }
            _transit = transit;
            _haveTransit = true;
        }

        /// <summary>
        /// Ends a reporting interval (call once per report sent; RtcpWriter does): computes <see cref="FractionLost"/>
        /// since the previous call (A.3) and returns it.
        /// </summary>
        /// <returns>Fraction lost in the interval, 8-bit fixed point (0 when nothing was lost or packets were duplicated).</returns>
        public byte CloseInterval()
        {
            uint expected = Expected;
            uint expectedInterval = expected - _expectedPrior;
            _expectedPrior = expected;
            uint receivedInterval = _received - _receivedPrior;
            _receivedPrior = _received;
            int lostInterval = (int)(expectedInterval - receivedInterval);
            byte fraction = 0;
            if (expectedInterval != 0 && lostInterval > 0) fraction = (byte)(((ulong)(uint)lostInterval << 8) / expectedInterval);
            FractionLost = fraction;
            return fraction;
        }

        /// <summary>Records a sender report received from this source, for the LSR and DLSR of our next report block.</summary>
        /// <param name="ntp">The SR's 64-bit NTP timestamp.</param>
        /// <param name="arrivalMicros">When it arrived, on the caller's monotonic microsecond clock.</param>
        public void OnSenderReport(ulong ntp, long arrivalMicros)
        {
            _lsr = (uint)(ntp >> 16);
            _srArrivalMicros = arrivalMicros;
            _haveSr = true;
        }

        /// <summary>DLSR: delay since the last sender report in units of 1/65536 s (RFC 3550 §6.4.1), 0 if none.</summary>
        /// <param name="nowMicros">Now, on the clock given to <see cref="OnSenderReport"/>.</param>
        /// <returns>The delay, saturated at 2^32 - 1, or 0 without a sender report or with a clock going backwards.</returns>
        public uint DelaySinceLastSenderReport(long nowMicros)
        {
            if (!_haveSr) return 0;
            long delta = nowMicros - _srArrivalMicros;
            if (delta <= 0) return 0;
            if (delta >= 65536000000L) return 0xFFFFFFFF; // 65536 s is past the field's range
            return (uint)((delta * 65536L + 500000L) / 1000000L);
        }

        private void InitSequence(ushort sequence)
        {
            // RFC 3550 A.1 init_seq.
            _baseSeq = sequence;
            _maxSeq = sequence;
            _badSeq = SeqMod + 1;
            _cycles = 0;
            _received = 0;
            _receivedPrior = 0;
            _expectedPrior = 0;
        }

        private bool UpdateSequence(ushort sequence)
        {
            if (!_initialised)
            {
                // A.1: the first packet puts the source on probation (MIN_SEQUENTIAL - 1 more in sequence needed).
                InitSequence(sequence);
                _maxSeq = (ushort)(sequence - 1);
                _probation = _minSequential;
                _initialised = true;
            }
            int udelta = (ushort)(sequence - _maxSeq);
            if (_probation > 0)
            {
                if (sequence == (ushort)(_maxSeq + 1))
                {
                    _probation--;
                    _maxSeq = sequence;
                    if (_probation == 0)
                    {
                        InitSequence(sequence);
                        _received++;
                        return true;
                    }
                }
                else
                {
                    _probation = _minSequential - 1;
                    _maxSeq = sequence;
                }
                return false;
            }
            if (udelta < MaxDropout)
            {
                if (sequence < _maxSeq) _cycles += SeqMod; // in order, with permissible gap: wrapped
                _maxSeq = sequence;
            }
            else if (udelta <= SeqMod - MaxMisorder)
            {
                // Large jump: accept it only if the next packet follows it (the sender restarted).
                if (sequence == _badSeq)
                {
                    InitSequence(sequence);
                }
                else
                {
                    _badSeq = (sequence + 1) & (SeqMod - 1);
                    return false;
                }
            }
            // else: duplicate or reordered packet.
            _received++;
            return true;
        }
    }
}
