using System;
using nanoFramework.Networking;
using nanoFramework.Runtime.Native;
using NanoMikey.Net.Time;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// Starts the device's MIKEY clock in the one order that makes its sync state trustworthy: stop SNTP, set the wall
    /// clock to an invalid time (before the epoch floor), start observing, then start SNTP. The first SNTP answer is then
    /// always seen as a jump, so the clock is unsynchronised until SNTP has really answered in this boot (a time kept in
    /// the RTC through deep sleep, on its RC oscillator, is not trusted).
    /// </summary>
    public static class Esp32Clock
    {
        /// <summary>Default drift bound: 100 ppm (the ESP32's 40 MHz crystal is ±10–40 ppm; no light sleep on the RC clock).</summary>
        public const uint DefaultDriftPartsPerMillion = 100;

        /// <summary>Default limit of the offset bound: 300 s, reached after about 35 days without a seen synchronisation at 100 ppm.</summary>
        public const uint DefaultMaxOffsetBoundSeconds = 300;

        /// <summary>Starts SNTP and returns the clock with the default drift bound and limit.</summary>
        /// <returns>The clock to give to the replay cache (<c>IMikeyClock</c>).</returns>
        public static PlatformSyncedClock Start()
        {
            return Start(DefaultDriftPartsPerMillion, DefaultMaxOffsetBoundSeconds);
        }

        /// <summary>Starts SNTP and returns the clock.</summary>
        /// <param name="driftPartsPerMillion">Worst-case rate error of the tick. Boards that light-sleep on the internal
        /// 150 kHz RC slow clock need up to 50 000 ppm; with a 32 kHz crystal, 100.</param>
        /// <param name="maxOffsetBoundSeconds">Offset bound beyond which the clock counts as unsynchronised.</param>
        /// <returns>The clock to give to the replay cache (<c>IMikeyClock</c>).</returns>
        public static PlatformSyncedClock Start(uint driftPartsPerMillion, uint maxOffsetBoundSeconds)
        {
            if (Sntp.IsStarted) Sntp.Stop();
            Rtc.SetSystemTime(new DateTime(2000, 1, 1));
            var clock = new PlatformSyncedClock(new Esp32PlatformClock(), new ClockOffsetBound(driftPartsPerMillion, maxOffsetBoundSeconds));
            clock.Observe();
            Sntp.Start();
            Sntp.UpdateNow();
            return clock;
        }
    }
}
