using NanoMikey.Net.Time;

namespace NanoMikey.OnDevice.Emulated
{
    /// <summary>A device's clock hardware, advanced by the test: a monotonic tick and an RTC at a fixed wall time + tick.</summary>
    internal sealed class EmulatedClock : IPlatformClock
    {
        /// <summary>2026-06-01T00:00:00Z in .NET ticks: after PlatformSyncedClock's epoch floor, so the wall clock counts as set.</summary>
        public const long WallAtZero = 639158688000000000;

        public long Micros;

        public long UtcTicks
        {
            get { return WallAtZero + Micros * 10; }
        }

        public long MonotonicMicroseconds
        {
            get { return Micros; }
        }

        public bool TimeServiceRunning
        {
            get { return true; }
        }
    }
}
