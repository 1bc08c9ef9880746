using System;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Networking;
using NanoMikey.Net.Time;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// The ESP32's time readings: <see cref="DateTime.UtcNow"/> (set by nanoFramework's SNTP client),
    /// <see cref="HighResTimer.GetCurrent"/> (microseconds since boot from esp_timer, never adjusted) and
    /// <see cref="Sntp.IsStarted"/>. Nothing else: the logic is <see cref="PlatformSyncedClock"/>.
    /// </summary>
    public sealed class Esp32PlatformClock : IPlatformClock
    {
        /// <inheritdoc />
        public long UtcTicks
        {
            get { return DateTime.UtcNow.Ticks; }
        }

        /// <inheritdoc />
        public long MonotonicMicroseconds
        {
            get { return (long)HighResTimer.GetCurrent(); }
        }

        /// <inheritdoc />
        public bool TimeServiceRunning
        {
            get { return Sntp.IsStarted; }
        }
    }
}
