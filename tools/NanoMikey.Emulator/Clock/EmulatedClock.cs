using System;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Net.Time;

namespace NanoMikey.Emulator.Clock
{
    /// <summary>
    /// An emulated device's clock over a <see cref="VirtualScheduler"/>'s virtual time: a crystal that runs
    /// <see cref="DriftPpm"/> fast (negative: slow), driving both the monotonic tick and the RTC, as on a board where both
    /// count the same oscillator; the RTC starts at <see cref="StartUtcTicks"/> plus <see cref="OffsetMicros"/> (the error
    /// the device's own SNTP client has to find).
    /// </summary>
    /// <remarks>
    /// monotonic(v) = v + floor(v · ppm / 10⁶) µs for virtual time v, never decreasing for |ppm| &lt; 10⁶;
    /// UtcTicks = StartUtcTicks + 10 · (OffsetMicros + monotonic(v)). <see cref="TimeServiceRunning"/> is false: no platform
    /// time service steps this RTC; the firmware's SNTP client keeps its own corrected wall clock over these readings.
    /// </remarks>
    public sealed class EmulatedClock : IPlatformClock
    {
        /// <summary>The default start of the emulated RTC: 2026-06-01T00:00:00Z.</summary>
        public static readonly DateTime DefaultStart = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly VirtualScheduler _scheduler;
        private readonly double _drift;

        /// <summary>Creates the clock.</summary>
        /// <param name="scheduler">The source of virtual time.</param>
        /// <param name="offsetMicros">The RTC's error against true time, in microseconds (positive: ahead).</param>
        /// <param name="driftPpm">Crystal frequency error in parts per million (positive: fast); |ppm| below 10⁶.</param>
        /// <param name="start">True wall time at virtual time 0 (UTC); <see cref="DefaultStart"/> when null.</param>
        public EmulatedClock(VirtualScheduler scheduler, long offsetMicros = 0, double driftPpm = 0, DateTime? start = null)
        {
            ArgumentNullException.ThrowIfNull(scheduler);
            if (double.IsNaN(driftPpm) || driftPpm <= -1e6 || driftPpm >= 1e6) throw new ArgumentOutOfRangeException(nameof(driftPpm));
            _scheduler = scheduler;
            OffsetMicros = offsetMicros;
            DriftPpm = driftPpm;
            _drift = driftPpm / 1e6;
            StartUtcTicks = (start ?? DefaultStart).ToUniversalTime().Ticks;
        }

        /// <summary>True wall time at virtual time 0, in 100 ns ticks since 0001-01-01 UTC.</summary>
        public long StartUtcTicks { get; }

        /// <summary>The RTC's error in microseconds; settable at run time (someone sets the clock by hand).</summary>
        public long OffsetMicros { get; set; }

        /// <summary>Crystal frequency error in parts per million.</summary>
        public double DriftPpm { get; }

        /// <inheritdoc />
        public long UtcTicks => StartUtcTicks + (OffsetMicros + MonotonicMicroseconds) * 10;

        /// <inheritdoc />
        public long MonotonicMicroseconds => ToDeviceMicros(_scheduler.NowMicros);

        /// <summary>Always false: the emulated RTC has no platform time service (the firmware's SNTP client corrects it).</summary>
        public bool TimeServiceRunning => false;

        /// <summary>True wall time now (virtual time on the start date, no offset or drift), in 100 ns ticks: what a perfect clock reads.</summary>
        public long TrueUtcTicks => StartUtcTicks + _scheduler.NowMicros * 10;

        /// <summary>The device's monotonic tick at virtual time <paramref name="virtualMicros"/>.</summary>
        /// <param name="virtualMicros">Virtual time (non-negative).</param>
        /// <returns>The tick in microseconds.</returns>
        public long ToDeviceMicros(long virtualMicros)
        {
            return virtualMicros + (long)Math.Floor(virtualMicros * _drift);
        }

        /// <summary>The earliest virtual time at which the device's tick reaches <paramref name="deviceMicros"/> (<see cref="long.MaxValue"/> stays).</summary>
        /// <param name="deviceMicros">A monotonic tick value.</param>
        /// <returns>Virtual time in microseconds.</returns>
        public long ToVirtualMicros(long deviceMicros)
        {
            if (deviceMicros == long.MaxValue) return long.MaxValue;
            if (deviceMicros <= 0) return deviceMicros;
            long v = (long)Math.Floor(deviceMicros / (1 + _drift));
            // Rounding of the division: step to the smallest v with ToDeviceMicros(v) >= deviceMicros.
            while (v > 0 && ToDeviceMicros(v - 1) >= deviceMicros) v--;
            while (ToDeviceMicros(v) < deviceMicros) v++;
            return v;
        }
    }
}
