using System;

namespace NanoMikey.Mikey.Time
{
    /// <summary>
    /// The responder's replay cache (RFC 3830 §5.4): a message is fresh when its timestamp lies within the allowed skew of
    /// the local clock and it has not been accepted before. Memory is fixed at creation; an entry is forgotten only once its
    /// timestamp has left the skew window (so it could not be accepted again anyway); a full cache refuses instead of
    /// forgetting. Entries are identified by a 16-byte value the caller picks (the message's MAC or signature prefix,
    /// or a hash of the message). Allocation-free after construction.
    /// </summary>
    public sealed class ReplayCache
    {
        /// <summary>Bytes of identity kept per entry.</summary>
        public const int IdentityLength = 16;

        private readonly IMikeyClock _clock;
        private readonly FreshnessPolicy _policy;
        private readonly ulong[] _timestamps;
        private readonly byte[] _identities;
        private readonly bool[] _used;
        private int _count;
        private uint _evictionSkew;

        /// <summary>Creates an empty cache of <paramref name="capacity"/> entries.</summary>
        /// <param name="capacity">Entries kept at most (1 to 65536; 24 bytes each plus overhead).</param>
        /// <param name="clock">The local clock.</param>
        /// <param name="policy">The skew policy.</param>
        public ReplayCache(int capacity, IMikeyClock clock, FreshnessPolicy policy)
        {
            if (capacity < 1 || capacity > 65536) throw new ArgumentOutOfRangeException();
            if (clock == null || policy == null) throw new ArgumentNullException();
            _clock = clock;
            _policy = policy;
            _timestamps = new ulong[capacity];
            _identities = new byte[capacity * IdentityLength];
            _used = new bool[capacity];
        }

        /// <summary>Entries held now.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Entries held at most.</summary>
        public int Capacity
        {
            get { return _used.Length; }
        }

        /// <summary>Checks a received timestamp against the clock and the cache; changes nothing.</summary>
        /// <param name="timestamp">The message's timestamp as 64-bit NTP (NTP-UTC-32: seconds ‖ 0).</param>
        /// <param name="identity">Buffer holding the message identity.</param>
        /// <param name="offset">Offset of the <see cref="IdentityLength"/> identity bytes.</param>
        /// <returns>Fresh, OutsideSkew or Replayed.</returns>
        public ReplayCacheStatus Check(ulong timestamp, byte[] identity, int offset)
        {
            CheckIdentity(identity, offset);
            ulong now = _clock.NtpNow;
            uint skew = _policy.AllowedSkewSeconds(_clock.OffsetBoundSeconds);
            // Entries are kept for the widest window ever in force: if the window grows again later, nothing
            // forgotten under a narrower one can come back into it.
            if (skew > _evictionSkew) _evictionSkew = skew;
            if (!WithinSkew(timestamp, now, skew)) return ReplayCacheStatus.OutsideSkew;
            return Find(timestamp, identity, offset) >= 0 ? ReplayCacheStatus.Replayed : ReplayCacheStatus.Fresh;
        }

        /// <summary>
        /// Remembers an authenticated message: checks it again (so a check-then-remember race cannot accept it twice), forgets
        /// entries that have left the skew window, and stores it.
        /// </summary>
        /// <param name="timestamp">The message's timestamp as 64-bit NTP.</param>
        /// <param name="identity">Buffer holding the message identity.</param>
        /// <param name="offset">Offset of the identity bytes.</param>
        /// <returns>Fresh (stored), OutsideSkew, Replayed, or Full (not stored: refuse the message).</returns>
        public ReplayCacheStatus Remember(ulong timestamp, byte[] identity, int offset)
        {
            ReplayCacheStatus status = Check(timestamp, identity, offset);
            if (status != ReplayCacheStatus.Fresh) return status;
            int free = FreeSlot();
            if (free < 0) return ReplayCacheStatus.Full;
            _timestamps[free] = timestamp;
            Array.Copy(identity, offset, _identities, free * IdentityLength, IdentityLength);
            _used[free] = true;
            _count++;
            return ReplayCacheStatus.Fresh;
        }

        /// <summary>Forgets every entry.</summary>
        public void Clear()
        {
            Array.Clear(_used, 0, _used.Length);
            Array.Clear(_identities, 0, _identities.Length);
            Array.Clear(_timestamps, 0, _timestamps.Length);
            _count = 0;
            _evictionSkew = 0;
        }

        /// <summary>
        /// Whether |timestamp − now| is within <paramref name="skewSeconds"/>; the difference is taken on wrapped 64-bit NTP
        /// values, so it holds across the 2036 era change (RFC 3830 §4.2.8) for differences under 68 years.
        /// </summary>
        /// <param name="timestamp">64-bit NTP timestamp received.</param>
        /// <param name="now">64-bit NTP time now.</param>
        /// <param name="skewSeconds">Allowed difference in seconds; 0 accepts nothing.</param>
        /// <returns>True when inside the window.</returns>
        public static bool WithinSkew(ulong timestamp, ulong now, uint skewSeconds)
        {
            if (skewSeconds == 0) return false;
            long diff = (long)(timestamp - now);
            if (diff < 0)
            {
                if (diff == long.MinValue) return false;
                diff = -diff;
            }

            return (ulong)diff <= ((ulong)skewSeconds << 32);
        }

        private int Find(ulong timestamp, byte[] identity, int offset)
        {
            for (int i = 0; i < _used.Length; i++)
            {
                if (!_used[i] || _timestamps[i] != timestamp) continue;
                int b = i * IdentityLength;
                int diff = 0;
                for (int k = 0; k < IdentityLength; k++) diff |= _identities[b + k] ^ identity[offset + k];
                if (diff == 0) return i;
            }

            return -1;
        }

        private int FreeSlot()
        {
            ulong now = _clock.NtpNow;
            uint skew = _evictionSkew;
            int free = -1;
            for (int i = 0; i < _used.Length; i++)
            {
                if (_used[i] && !WithinSkew(_timestamps[i], now, skew))
                {
                    // Left the window: it could not be accepted again, so it may be forgotten.
                    _used[i] = false;
                    _count--;
                }

                if (!_used[i] && free < 0) free = i;
            }

            return free;
        }

        private static void CheckIdentity(byte[] identity, int offset)
        {
            if (identity == null) throw new ArgumentNullException();
            if (offset < 0 || offset > identity.Length - IdentityLength) throw new ArgumentOutOfRangeException();
        }
    }
}
