using System;
using NanoMikey.Crypto;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Time;

namespace NanoMikey.Net.Sntp
{
    /// <summary>
    /// The device's wall clock for MIKEY (<see cref="IMikeyClock"/>), kept by SNTP (RFC 4330) over the platform's monotonic
    /// tick: until the first synchronisation it reads the RTC (<see cref="IPlatformClock.UtcTicks"/>) and reports
    /// <see cref="MikeyClockQuality.Unsynchronised"/>; a synchronisation anchors "the estimate now plus the measured offset"
    /// to the tick, and from then on the wall clock runs with the tick. The offset bound then grows with the drift bound
    /// (<see cref="ClockOffsetBound"/>) until the next synchronisation, and becomes Unsynchronised when it passes the
    /// bound's limit (too long on its own).
    /// </summary>
    /// <remarks>
    /// The bound is what the replay cache's allowed skew follows (<see cref="FreshnessPolicy.AllowedSkewSeconds"/>): while
    /// it is Unsynchronised the default policy accepts no timestamp at all, so a responder answers a timestamped MIKEY
    /// message with an error message (Invalid TS, RFC 3830 §6.12) instead of guessing. Allocation-free; not thread-safe.
    /// </remarks>
    [HotPath]
    public sealed class SntpClock : IMikeyClock
    {
        /// <summary>Default drift bound of the monotonic tick: 100 ppm (a crystal's worst case with margin).</summary>
        public const uint DefaultDriftPartsPerMillion = 100;

        /// <summary>Default largest offset bound before the clock counts as unsynchronised: 10 s (about 28 h without a sync at 100 ppm).</summary>
        public const uint DefaultMaxBoundSeconds = 10;

        private readonly IPlatformClock _platform;
        private readonly ClockOffsetBound _bound;
        private bool _anchored;
        private ulong _anchorNtp;
        private long _anchorMicros;
        private int _syncCount;
        private long _lastOffset;
        private long _lastDelay;

        /// <summary>Creates an unsynchronised clock with the default drift bound and limit.</summary>
        /// <param name="platform">The platform's RTC and monotonic tick.</param>
        public SntpClock(IPlatformClock platform)
            : this(platform, new ClockOffsetBound(DefaultDriftPartsPerMillion, DefaultMaxBoundSeconds))
        {
        }

        /// <summary>Creates an unsynchronised clock.</summary>
        /// <param name="platform">The platform's RTC and monotonic tick.</param>
        /// <param name="bound">The offset bound (drift bound of the tick and the limit); owned by this clock from now on.</param>
        public SntpClock(IPlatformClock platform, ClockOffsetBound bound)
        {
            if (platform == null || bound == null) throw new ArgumentNullException();
            _platform = platform;
            _bound = bound;
            _bound.MarkUnsynchronised();
        }

        /// <summary>Now as a 64-bit NTP timestamp: the RTC before the first synchronisation, the anchored estimate after.</summary>
        public ulong NtpNow
        {
            get { return EstimateAt(_platform.MonotonicMicroseconds); }
        }

        /// <summary>The offset bound in whole seconds, or <see cref="MikeyClockQuality.Unsynchronised"/>.</summary>
        public uint OffsetBoundSeconds
        {
            get { return _bound.BoundSeconds(_platform.MonotonicMicroseconds); }
        }

        /// <summary>True while the bound is known (synchronised and not yet decayed past its limit).</summary>
        public bool IsSynchronised
        {
            get { return OffsetBoundSeconds != MikeyClockQuality.Unsynchronised; }
        }

        /// <summary>Synchronisations applied so far.</summary>
        public int SyncCount
        {
            get { return _syncCount; }
        }

        /// <summary>The offset θ the last synchronisation applied, in microseconds (server minus this clock).</summary>
        public long LastOffsetMicroseconds
        {
            get { return _lastOffset; }
        }

        /// <summary>The round-trip delay δ of the last synchronisation's sample, in microseconds.</summary>
        public long LastDelayMicroseconds
        {
            get { return _lastDelay; }
        }

        /// <summary>
        /// This clock's time minus the RTC's, in microseconds: what the device has learnt about its RTC's error (0 before
        /// the first synchronisation). An RTC 10 minutes fast gives about −600 000 000.
        /// </summary>
        public long CorrectionMicroseconds
        {
            get
            {
                if (!_anchored) return 0;
                long mono = _platform.MonotonicMicroseconds;
                ulong rtc = NtpTimestamp.FromUtcTicks(_platform.UtcTicks);
                return NtpInterval.ToMicroseconds(NtpInterval.Difference(EstimateAt(mono), rtc));
            }
        }

        /// <summary>The offset bound this clock reports from (drift bound and limit).</summary>
        public ClockOffsetBound Bound
        {
            get { return _bound; }
        }

        /// <summary>
        /// Applies a measured offset (RFC 4330 §5): from now on the clock reads its estimate now plus
        /// <paramref name="offsetMicroseconds"/>, running with the monotonic tick.
        /// </summary>
        /// <param name="offsetMicroseconds">θ: the server's time minus this clock's, in microseconds.</param>
        /// <param name="delayMicroseconds">δ: the sample's round-trip delay (≥ 0), in microseconds.</param>
        /// <param name="accuracyMicroseconds">How far from UTC the clock may be set (≥ 0; e.g. δ/2 plus the server's root distance).</param>
        public void Synchronise(long offsetMicroseconds, long delayMicroseconds, long accuracyMicroseconds)
        {
            if (delayMicroseconds < 0 || accuracyMicroseconds < 0) throw new ArgumentOutOfRangeException();
            long mono = _platform.MonotonicMicroseconds;
            ulong estimate = EstimateAt(mono);
            _anchorNtp = estimate + (ulong)NtpInterval.FromMicroseconds(offsetMicroseconds);
            _anchorMicros = mono;
            _anchored = true;
            _lastOffset = offsetMicroseconds;
            _lastDelay = delayMicroseconds;
            if (_syncCount < int.MaxValue) _syncCount++;
            _bound.MarkSynchronised(mono, accuracyMicroseconds);
        }

        /// <summary>Forgets every synchronisation: the clock reads the RTC again and is Unsynchronised (e.g. after the RTC was set by hand).</summary>
        public void Reset()
        {
            _anchored = false;
            _lastOffset = 0;
            _lastDelay = 0;
            _bound.MarkUnsynchronised();
        }

        private ulong EstimateAt(long mono)
        {
            if (!_anchored) return NtpTimestamp.FromUtcTicks(_platform.UtcTicks);
            // Between synchronisations the wall clock runs with the tick; a tick that ran backwards gives a time before
            // the anchor (and the bound reports Unsynchronised).
            return _anchorNtp + (ulong)NtpInterval.FromMicroseconds(mono - _anchorMicros);
        }
    }
}
