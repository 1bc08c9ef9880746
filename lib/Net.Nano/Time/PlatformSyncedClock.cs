using System;
using NanoMikey.Mikey.Time;

namespace NanoMikey.Net.Time
{
    /// <summary>
    /// <see cref="IMikeyClock"/> over a platform whose own time service sets the wall clock (nanoFramework's SNTP client on
    /// the ESP32), which says nothing about when it last succeeded. A synchronisation is recognised by its effect: the wall
    /// clock jumps against the monotonic tick (both run from the same oscillator, so between synchronisations their
    /// difference does not change). The offset bound then grows with the drift bound (<see cref="ClockOffsetBound"/>).
    /// </summary>
    /// <remarks>
    /// Unsynchronised until the first jump is seen: a wall clock that is already set when observation starts has an unknown
    /// history (on the ESP32, the RTC keeps time through deep sleep on an RC oscillator), and a wall clock before the epoch
    /// floor was never set. The device binding therefore invalidates the wall clock before it starts the time service.
    /// A jump while the time service is stopped, or to a time before the floor, makes the clock unsynchronised. A
    /// correction too small to be seen is missed; the bound then keeps growing from the last one seen (safe side).
    /// Reads are bracketed by two monotonic reads, so a thread switch between them widens the uncertainty instead of
    /// looking like a jump. Allocation-free; not thread-safe.
    /// </remarks>
    public sealed class PlatformSyncedClock : IMikeyClock
    {
        /// <summary>Default epoch floor: 2026-01-01T00:00:00Z in <c>DateTime</c> ticks; a wall clock earlier than this was never set.</summary>
        public const long DefaultEpochFloorTicks = 639028224000000000;

        /// <summary>Default accuracy of one SNTP synchronisation in microseconds (1 s: SNTP over Wi-Fi, round trip not reported).</summary>
        public const long DefaultSyncAccuracyMicroseconds = 1000000;

        /// <summary>Default smallest wall-clock jump taken as a synchronisation, beyond the read uncertainty (2 ms).</summary>
        public const long DefaultStepThresholdMicroseconds = 2000;

        private const int ReadAttempts = 3;
        private const long TightReadMicroseconds = 1000;

        private readonly IPlatformClock _platform;
        private readonly ClockOffsetBound _bound;
        private readonly long _floorTicks;
        private readonly long _syncAccuracyMicros;
        private readonly long _stepThresholdMicros;
        private bool _observed;
        private long _offset;
        private long _width;
        private long _wallTicks;
        private long _monotonic;

        /// <summary>Creates the clock with the default floor, accuracy and threshold.</summary>
        /// <param name="platform">The platform's time readings.</param>
        /// <param name="bound">The offset bound (drift bound and its limit).</param>
        public PlatformSyncedClock(IPlatformClock platform, ClockOffsetBound bound)
            : this(platform, bound, DefaultEpochFloorTicks, DefaultSyncAccuracyMicroseconds, DefaultStepThresholdMicroseconds)
        {
        }

        /// <summary>Creates the clock.</summary>
        /// <param name="platform">The platform's time readings.</param>
        /// <param name="bound">The offset bound (drift bound and its limit).</param>
        /// <param name="epochFloorTicks">UTC ticks before which the wall clock counts as never set.</param>
        /// <param name="syncAccuracyMicroseconds">Accuracy assumed for each platform synchronisation (≥ 0).</param>
        /// <param name="stepThresholdMicroseconds">Smallest jump, beyond the read uncertainty, taken as a synchronisation (≥ 0).</param>
        public PlatformSyncedClock(IPlatformClock platform, ClockOffsetBound bound, long epochFloorTicks, long syncAccuracyMicroseconds, long stepThresholdMicroseconds)
        {
            if (platform == null || bound == null) throw new ArgumentNullException();
            if (syncAccuracyMicroseconds < 0 || stepThresholdMicroseconds < 0) throw new ArgumentOutOfRangeException();
            _platform = platform;
            _bound = bound;
            _floorTicks = epochFloorTicks;
            _syncAccuracyMicros = syncAccuracyMicroseconds;
            _stepThresholdMicros = stepThresholdMicroseconds;
        }

        /// <summary>Now as a 64-bit NTP timestamp, from the platform's wall clock.</summary>
        public ulong NtpNow
        {
            get
            {
                Observe();
                return NtpTimestamp.FromUtcTicks(_wallTicks);
            }
        }

        /// <summary>The offset bound in seconds, or <see cref="MikeyClockQuality.Unsynchronised"/>.</summary>
        public uint OffsetBoundSeconds
        {
            get
            {
                Observe();
                return _bound.BoundSeconds(_monotonic);
            }
        }

        /// <summary>The bound this clock updates (also for an application's own SNTP client to report to).</summary>
        public ClockOffsetBound Bound
        {
            get { return _bound; }
        }

        /// <summary>Reads the platform and records a synchronisation if the wall clock has jumped since the last read.</summary>
        public void Observe()
        {
            long before = 0;
            long wall = 0;
            long after = 0;
            for (int i = 0; i < ReadAttempts; i++)
            {
                before = _platform.MonotonicMicroseconds;
                wall = _platform.UtcTicks;
                after = _platform.MonotonicMicroseconds;
                if (after - before <= TightReadMicroseconds) break;
            }

            long width = after - before;
            if (width < 0) width = 0;
            long offset = wall / 10 - before;
            _wallTicks = wall;
            _monotonic = after;
            if (wall < _floorTicks)
            {
                _bound.MarkUnsynchronised();
            }
            else if (_observed)
            {
                long jump = offset - _offset;
                if (jump < 0) jump = -jump;
                if (jump > _width + width + _stepThresholdMicros)
                {
                    if (_platform.TimeServiceRunning) _bound.MarkSynchronised(after, _syncAccuracyMicros);
                    else _bound.MarkUnsynchronised();
                }
            }

            _observed = true;
            _offset = offset;
            _width = width;
        }
    }
}
