namespace NanoMikey.Net.Time
{
    /// <summary>
    /// The raw time readings of a platform whose own time service (nanoFramework's SNTP client on the ESP32) sets the wall
    /// clock: nothing but reads, so the logic built on them (<see cref="PlatformSyncedClock"/>) is portable and tested.
    /// </summary>
    public interface IPlatformClock
    {
        /// <summary>The wall clock: UTC in 100 ns ticks since 0001-01-01 (<c>DateTime.UtcNow.Ticks</c>).</summary>
        long UtcTicks { get; }

        /// <summary>A monotonic tick in microseconds since boot that no time service adjusts (ESP32: <c>HighResTimer.GetCurrent()</c>).</summary>
        long MonotonicMicroseconds { get; }

        /// <summary>True while the platform's time service runs, i.e. a jump of the wall clock is a synchronisation.</summary>
        bool TimeServiceRunning { get; }
    }
}
