using System;
using System.Diagnostics;
using NanoMikey.Net.Time;

namespace NanoMikey.Hardware.Host
{
    /// <summary>
    /// The host twin of the ESP32 platform clock: the system clock (<see cref="DateTime.UtcNow"/>) and
    /// <see cref="Stopwatch"/> as the monotonic tick. The operating system slews its clock rather than stepping it, so a
    /// <see cref="PlatformSyncedClock"/> over this twin sees few synchronisations; emulated devices use their own clocks.
    /// </summary>
    public sealed class HostPlatformClock : IPlatformClock
    {
        private readonly long _start = Stopwatch.GetTimestamp();

        /// <inheritdoc />
        public long UtcTicks => DateTime.UtcNow.Ticks;

        /// <inheritdoc />
        public long MonotonicMicroseconds => (long)((Stopwatch.GetTimestamp() - _start) * (1000000.0 / Stopwatch.Frequency));

        /// <summary>Whether the "time service" runs (settable: the host's NTP daemon is not visible from here).</summary>
        public bool TimeServiceRunning { get; set; } = true;
    }
}
