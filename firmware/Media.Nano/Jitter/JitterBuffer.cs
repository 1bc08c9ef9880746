using System;
using NanoMikey.Media.G711;

namespace NanoMikey.Media.Jitter
{
    /// <summary>
    /// Fixed-capacity receive buffer of encoded frames, played out by RTP sequence number (one frame per 20 ms tick).
    /// <para>
    /// Window: slots hold the sequence numbers [next, next + capacity); arithmetic is modulo 2^16, so the buffer runs
    /// across the wrap from 65535 to 0. Playout starts once the frames from the first one to the highest received span
    /// <c>targetDelayFrames</c> (the delay absorbs network jitter); before the first frame has played, a reordered
    /// earlier packet moves the start back.
    /// </para>
    /// <para>
    /// Loss concealment (for PCMU/PCMA): a missing frame is replaced by the last played frame repeated, the first
    /// repetition at full level and each further one 6 dB quieter, for <see cref="MaxRepeats"/> consecutive losses;
    /// after that, silence. For other payload types the repetition is not attenuated and the silence is
    /// <see cref="LastFrameLength"/> = 0 (the caller plays its own).
    /// </para>
    /// <para>
    /// Resynchronisation: a packet far ahead of the window (<see cref="JitterInsertStatus.Ahead"/>), or a late one while
    /// the buffer is empty, is dropped, but if the next dropped packet directly follows it in sequence the stream has
    /// jumped (sender restart, long outage, clock slip; RFC 3550 A.1 accepts such a jump the same way) and the buffer
    /// restarts on it. After <c>capacityFrames</c> consecutive losses with nothing buffered, the next packet starts a new
    /// playout. On an SSRC change call <see cref="Reset"/>. Playout ignores timestamps (no silence-suppression gaps are
    /// expanded); they are kept for the caller (<see cref="LastTimestamp"/>).
    /// </para>
    /// Allocates nothing after construction.
    /// </summary>
    public sealed class JitterBuffer
    {
        private readonly int _capacity;
        private readonly int _maxFrameBytes;
        private readonly int _samplesPerFrame;
        private readonly int _target;
        private readonly byte[] _store;
        private readonly int[] _length;
        private readonly ushort[] _sequence;
        private readonly uint[] _timestamp;
        private readonly bool[] _used;
        private readonly byte[] _last;
        private readonly int _codec; // 0 = PCMU, 8 = PCMA, -1 = other (RFC 3551 §6 static payload types)
        private int _lastPlayedLength;
        private int _head;
        private ushort _next;
        private ushort _highest;
        private int _buffered;
        private bool _started;
        private bool _playing;
        private int _lossRun;
        private bool _haveRejected;
        private ushort _lastRejected;

        /// <summary>Creates a buffer for PCMU (payload type 0) frames.</summary>
        /// <param name="capacityFrames">Number of frame slots (2..16383): the window beyond the playout point.</param>
        /// <param name="maxFrameBytes">Largest payload accepted (160 for 20 ms of G.711).</param>
        /// <param name="samplesPerFrame">RTP timestamp units per frame (160 for 20 ms at 8 kHz).</param>
        /// <param name="targetDelayFrames">Frames buffered before playout starts (0..capacityFrames).</param>
        /// <exception cref="ArgumentException">A size outside its range.</exception>
        public JitterBuffer(int capacityFrames, int maxFrameBytes, int samplesPerFrame, int targetDelayFrames)
            : this(capacityFrames, maxFrameBytes, samplesPerFrame, targetDelayFrames, 0)
        {
        }

        /// <summary>Creates a buffer for frames of the given payload type (concealment fades PCMU and PCMA).</summary>
        /// <param name="capacityFrames">Number of frame slots (2..16383): the window beyond the playout point.</param>
        /// <param name="maxFrameBytes">Largest payload accepted.</param>
        /// <param name="samplesPerFrame">RTP timestamp units per frame.</param>
        /// <param name="targetDelayFrames">Frames buffered before playout starts (0..capacityFrames).</param>
        /// <param name="payloadType">RTP payload type of the stream (0 = PCMU, 8 = PCMA).</param>
        /// <exception cref="ArgumentException">A size outside its range.</exception>
        public JitterBuffer(int capacityFrames, int maxFrameBytes, int samplesPerFrame, int targetDelayFrames, byte payloadType)
        {
            if (capacityFrames < 2 || capacityFrames > 16383 || maxFrameBytes < 1 || samplesPerFrame < 1
                || targetDelayFrames < 0 || targetDelayFrames > capacityFrames || maxFrameBytes > int.MaxValue / capacityFrames)
            {
                throw new ArgumentException("jitter buffer size");
            }
            _capacity = capacityFrames;
            _maxFrameBytes = maxFrameBytes;
            _samplesPerFrame = samplesPerFrame;
            _target = targetDelayFrames < 1 ? 1 : targetDelayFrames;
            _store = new byte[capacityFrames * maxFrameBytes];
            _length = new int[capacityFrames];
            _sequence = new ushort[capacityFrames];
            _timestamp = new uint[capacityFrames];
            _used = new bool[capacityFrames];
            _last = new byte[maxFrameBytes];
            _codec = payloadType == 0 || payloadType == 8 ? payloadType : -1;
            MaxRepeats = 3;
        }

        /// <summary>Consecutive losses concealed by repetition before silence (default 3: 60 ms at 20 ms frames).</summary>
        public int MaxRepeats { get; set; }

        /// <summary>Number of frame slots.</summary>
        public int CapacityFrames { get { return _capacity; } }

        /// <summary>Frames buffered before playout starts.</summary>
        public int TargetDelayFrames { get { return _target; } }

        /// <summary>RTP timestamp units per frame.</summary>
        public int SamplesPerFrame { get { return _samplesPerFrame; } }

        /// <summary>Frames currently buffered.</summary>
        public int BufferedFrames { get { return _buffered; } }

        /// <summary>True once playout has started (until <see cref="Reset"/> or a restart).</summary>
        public bool IsPlaying { get { return _playing; } }

        /// <summary>Sequence number due at the next tick (meaningful once a packet has arrived).</summary>
        public ushort NextSequence { get { return _next; } }

        /// <summary>Length of the frame copied out by the last <see cref="Next"/> (0 after Waiting).</summary>
        public int LastFrameLength { get; private set; }

        /// <summary>RTP timestamp of the frame played last.</summary>
        public uint LastTimestamp { get; private set; }

        /// <summary>Frames stored (including those stored with <see cref="JitterInsertStatus.Overflow"/>).</summary>
        public int Inserted { get; private set; }

        /// <summary>Packets dropped as duplicates.</summary>
        public int Duplicates { get; private set; }

        /// <summary>Packets dropped as late.</summary>
        public int Late { get; private set; }

        /// <summary>Packets dropped as too large.</summary>
        public int TooLarge { get; private set; }

        /// <summary>Packets dropped as far ahead.</summary>
        public int Ahead { get; private set; }

        /// <summary>Buffered frames discarded unplayed to make room (<see cref="JitterInsertStatus.Overflow"/>).</summary>
        public int Discarded { get; private set; }

        /// <summary>Times the buffer restarted on a jumped stream.</summary>
        public int Resyncs { get; private set; }

        /// <summary>Frames played.</summary>
        public int Played { get; private set; }

        /// <summary>Ticks concealed (repetition or silence).</summary>
        public int Concealed { get; private set; }

        /// <summary>Forgets every buffered frame and waits for a new stream (SSRC change, new call). Counters are kept.</summary>
        public void Reset()
        {
            for (int i = 0; i < _capacity; i++) _used[i] = false;
            _buffered = 0;
            _head = 0;
            _started = false;
            _playing = false;
            _lossRun = 0;
            _haveRejected = false;
            _lastPlayedLength = 0;
        }

        /// <summary>Stores one received frame (the RTP payload) for playout.</summary>
        /// <param name="sequence">RTP sequence number.</param>
        /// <param name="timestamp">RTP timestamp.</param>
        /// <param name="payload">Buffer holding the payload.</param>
        /// <param name="offset">Offset of the payload.</param>
        /// <param name="length">Payload length.</param>
        /// <returns>What happened to the frame.</returns>
        /// <exception cref="ArgumentException">The range lies outside <paramref name="payload"/> (a caller bug).</exception>
        public JitterInsertStatus Insert(ushort sequence, uint timestamp, byte[] payload, int offset, int length)
        {
            if (!NetworkOrder.InRange(payload, offset, length)) throw new ArgumentException("payload range");
            if (length > _maxFrameBytes)
            {
                TooLarge++;
                return JitterInsertStatus.TooLarge;
            }
            if (!_started)
            {
                Start(sequence);
                Store(0, sequence, timestamp, payload, offset, length);
                return JitterInsertStatus.Inserted;
            }
            int diff = (short)(ushort)(sequence - _next);
            if (diff < 0)
            {
                if (!_playing && (short)(ushort)(_highest - sequence) < _capacity)
                {
                    // Reordered before the first frame played: move the start back (the slots in between are free).
                    _head = (_head + diff + _capacity) % _capacity;
                    _next = sequence;
                    Store(0, sequence, timestamp, payload, offset, length);
                    return JitterInsertStatus.Inserted;
                }
                return Reject(sequence, timestamp, payload, offset, length, _buffered == 0, JitterInsertStatus.Late);
            }
            if (diff >= 2 * _capacity)
            {
                return Reject(sequence, timestamp, payload, offset, length, true, JitterInsertStatus.Ahead);
            }
            JitterInsertStatus result = JitterInsertStatus.Inserted;
            if (diff >= _capacity)
            {
                while (diff >= _capacity)
                {
                    if (_used[_head])
                    {
                        _used[_head] = false;
                        _buffered--;
                        Discarded++;
                    }
                    _head = (_head + 1) % _capacity;
                    _next = (ushort)(_next + 1);
                    diff--;
                }
                result = JitterInsertStatus.Overflow;
            }
            if (_used[(_head + diff) % _capacity])
            {
                Duplicates++;
                return JitterInsertStatus.Duplicate;
            }
            Store(diff, sequence, timestamp, payload, offset, length);
            return result;
        }

        /// <summary>Copies out the frame due at this tick; call once per frame period.</summary>
        /// <param name="frame">Destination; must hold <c>maxFrameBytes</c> bytes at <paramref name="offset"/>.</param>
        /// <param name="offset">Offset in <paramref name="frame"/>.</param>
        /// <returns>Played, Concealed, or Waiting (nothing copied).</returns>
        /// <exception cref="ArgumentException">The destination is too small (a caller bug).</exception>
        public JitterPlayout Next(byte[] frame, int offset)
        {
            if (!NetworkOrder.InRange(frame, offset, _maxFrameBytes)) throw new ArgumentException("frame range");
            if (!_playing)
            {
                if (!_started || (short)(ushort)(_highest - _next) + 1 < _target)
                {
                    LastFrameLength = 0;
                    return JitterPlayout.Waiting;
                }
                _playing = true;
            }
            JitterPlayout result;
            int slot = _head;
            if (_used[slot])
            {
                int length = _length[slot];
                Array.Copy(_store, slot * _maxFrameBytes, frame, offset, length);
                Array.Copy(_store, slot * _maxFrameBytes, _last, 0, length);
                _lastPlayedLength = length;
                LastFrameLength = length;
                LastTimestamp = _timestamp[slot];
                _used[slot] = false;
                _buffered--;
                _lossRun = 0;
                Played++;
                result = JitterPlayout.Played;
            }
            else
            {
                _lossRun++;
                Conceal(frame, offset);
                LastTimestamp += (uint)_samplesPerFrame;
                Concealed++;
                result = JitterPlayout.Concealed;
            }
            _head = (_head + 1) % _capacity;
            _next = (ushort)(_next + 1);
            if (_buffered == 0 && _lossRun >= _capacity)
            {
                // Nothing has arrived for a whole window: let the next packet start a new playout.
                _started = false;
                _playing = false;
                _lossRun = 0;
            }
            return result;
        }

        private void Start(ushort sequence)
        {
            _started = true;
            _playing = false;
            _head = 0;
            _next = sequence;
            _highest = sequence;
            _haveRejected = false;
        }

        private void Store(int diff, ushort sequence, uint timestamp, byte[] payload, int offset, int length)
        {
            int slot = (_head + diff) % _capacity;
            Array.Copy(payload, offset, _store, slot * _maxFrameBytes, length);
            _length[slot] = length;
            _sequence[slot] = sequence;
            _timestamp[slot] = timestamp;
            _used[slot] = true;
            if (_buffered == 0 || (short)(ushort)(sequence - _highest) > 0) _highest = sequence;
            _buffered++;
            _haveRejected = false;
            Inserted++;
        }

        private JitterInsertStatus Reject(ushort sequence, uint timestamp, byte[] payload, int offset, int length, bool mayResync, JitterInsertStatus status)
        {
            if (mayResync && _haveRejected && sequence == (ushort)(_lastRejected + 1))
            {
                // Two dropped packets in sequence: the stream jumped; restart on it (RFC 3550 A.1 bad_seq rule).
                Resyncs++;
                Reset();
                Start(sequence);
                Store(0, sequence, timestamp, payload, offset, length);
                return JitterInsertStatus.Inserted;
            }
            _haveRejected = true;
            _lastRejected = sequence;
            if (status == JitterInsertStatus.Late) Late++;
            else Ahead++;
            return status;
        }

        private void Conceal(byte[] frame, int offset)
        {
            int length = _lastPlayedLength;
            if (_codec < 0)
            {
                // Unknown codec: plain repetition, then nothing (no silence code known).
                if (length > 0 && _lossRun <= MaxRepeats) Array.Copy(_last, 0, frame, offset, length);
                else length = 0;
                LastFrameLength = length;
                return;
            }
            if (length == 0) length = _samplesPerFrame < _maxFrameBytes ? _samplesPerFrame : _maxFrameBytes;
            int shift = _lossRun - 1; // 6 dB per repetition after the first
            bool silent = _lastPlayedLength == 0 || _lossRun > MaxRepeats;
            for (int i = 0; i < length; i++)
            {
                byte code;
                if (_codec == 0)
                {
                    code = silent ? MuLaw.Silence : (shift == 0 ? _last[i] : MuLaw.Encode((short)(MuLaw.Decode(_last[i]) >> shift)));
                }
                else
                {
                    code = silent ? ALaw.Silence : (shift == 0 ? _last[i] : ALaw.Encode((short)(ALaw.Decode(_last[i]) >> shift)));
                }
                frame[offset + i] = code;
            }
            LastFrameLength = length;
        }
    }
}
