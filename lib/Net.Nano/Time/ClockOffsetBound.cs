using System;
using NanoMikey.Mikey.Time;

namespace NanoMikey.Net.Time
{
    /// <summary>
    /// How far a free-running clock may be from UTC since its last synchronisation: the accuracy of that synchronisation
    /// plus a drift bound times the time elapsed on the monotonic tick, rounded up to whole seconds (the value
    /// <see cref="IMikeyClock.OffsetBoundSeconds"/> reports, RFC 3830 §5.4 / §9.3). <see cref="MikeyClockQuality.Unsynchronised"/>
    /// before the first synchronisation, after <see cref="MarkUnsynchronised"/>, when the tick runs backwards, and once the
    /// bound passes <see cref="MaxBoundSeconds"/> (the clock has been on its own too long to be trusted).
    /// </summary>
    public sealed class ClockOffsetBound
    {
        private const long MicrosPerSecond = 1000000;

        private readonly uint _driftPpm;
        private readonly uint _maxBoundSeconds;
        private bool _synchronised;
        private long _syncMicros;
        private long _accuracyMicros;

        /// <summary>Creates an unsynchronised bound.</summary>
        /// <param name="driftPartsPerMillion">Worst-case rate error of the tick, in parts per million (0 to 1 000 000).</param>
        /// <param name="maxBoundSeconds">Largest bound reported before the clock counts as unsynchronised (below 0xFFFFFFFF).</param>
        public ClockOffsetBound(uint driftPartsPerMillion, uint maxBoundSeconds)
        {
            if (driftPartsPerMillion > MicrosPerSecond || maxBoundSeconds >= MikeyClockQuality.Unsynchronised) throw new ArgumentOutOfRangeException();
            _driftPpm = driftPartsPerMillion;
            _maxBoundSeconds = maxBoundSeconds;
        }

        /// <summary>The drift bound in parts per million.</summary>
        public uint DriftPartsPerMillion
        {
            get { return _driftPpm; }
        }

        /// <summary>The largest bound reported before the clock counts as unsynchronised.</summary>
        public uint MaxBoundSeconds
        {
            get { return _maxBoundSeconds; }
        }

        /// <summary>True after a synchronisation and until <see cref="MarkUnsynchronised"/>.</summary>
        public bool IsSynchronised
        {
            get { return _synchronised; }
        }

        /// <summary>Monotonic time of the last synchronisation, in microseconds (meaningful while synchronised).</summary>
        public long LastSyncMicroseconds
        {
            get { return _syncMicros; }
        }

        /// <summary>Records a synchronisation.</summary>
        /// <param name="monotonicMicroseconds">The monotonic tick when the clock was set.</param>
        /// <param name="accuracyMicroseconds">How far from UTC the clock may have been set (≥ 0; e.g. half the SNTP round trip plus the server's error).</param>
        public void MarkSynchronised(long monotonicMicroseconds, long accuracyMicroseconds)
        {
            if (accuracyMicroseconds < 0) throw new ArgumentOutOfRangeException();
            _synchronised = true;
            _syncMicros = monotonicMicroseconds;
            _accuracyMicros = accuracyMicroseconds;
        }

        /// <summary>Forgets the synchronisation (the clock was reset or set by something untrusted).</summary>
        public void MarkUnsynchronised()
        {
            _synchronised = false;
        }

        /// <summary>The bound at a monotonic time.</summary>
        /// <param name="monotonicMicroseconds">The monotonic tick now.</param>
        /// <returns>Whole seconds (rounded up), or <see cref="MikeyClockQuality.Unsynchronised"/>.</returns>
        public uint BoundSeconds(long monotonicMicroseconds)
        {
            if (!_synchronised) return MikeyClockQuality.Unsynchronised;
            long elapsed = monotonicMicroseconds - _syncMicros;
            if (elapsed < 0) return MikeyClockQuality.Unsynchronised;
            // Range checks by hand (checked arithmetic does not throw on the device).
            if (_driftPpm != 0 && elapsed > (long.MaxValue - MicrosPerSecond) / _driftPpm) return MikeyClockQuality.Unsynchronised;
            long drift = (elapsed * _driftPpm + MicrosPerSecond - 1) / MicrosPerSecond;
            long maxMicros = (long)_maxBoundSeconds * MicrosPerSecond;
            if (drift > maxMicros || _accuracyMicros > maxMicros - drift) return MikeyClockQuality.Unsynchronised;
            long total = drift + _accuracyMicros;
            return (uint)((total + MicrosPerSecond - 1) / MicrosPerSecond);
        }
    }
}
