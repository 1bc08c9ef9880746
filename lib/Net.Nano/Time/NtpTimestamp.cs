namespace NanoMikey.Net.Time
{
    /// <summary>Conversions to the 64-bit NTP timestamp format (RFC 5905 §6; RFC 3830 §6.6 NTP-UTC): seconds since 1900 ‖ fraction.</summary>
    public static class NtpTimestamp
    {
        /// <summary><c>DateTime</c> ticks (100 ns since 0001-01-01) at 1900-01-01T00:00:00Z, the NTP prime epoch.</summary>
        public const long TicksAt1900 = 599266080000000000;

        /// <summary>Seconds from 1900-01-01 to 1970-01-01.</summary>
        public const long UnixEpochSeconds = 2208988800;

        private const long TicksPerSecond = 10000000;

        /// <summary>
        /// The NTP timestamp of a UTC time in <c>DateTime</c> ticks. The seconds wrap modulo 2^32 as on the wire, so times
        /// from 2036-02-07T06:28:16Z on fall into era 1 (RFC 5905 §6); times before 1900 give 0.
        /// </summary>
        /// <param name="utcTicks">UTC in 100 ns ticks since 0001-01-01.</param>
        /// <returns>Seconds in the upper 32 bits, the binary fraction of a second in the lower 32.</returns>
        public static ulong FromUtcTicks(long utcTicks)
        {
            long since = utcTicks - TicksAt1900;
            if (since < 0) return 0;
            ulong seconds = (ulong)(since / TicksPerSecond);
            ulong rest = (ulong)(since % TicksPerSecond);
            // rest < 10^7 < 2^24, so rest · 2^32 fits; truncation keeps the timestamp at or before the instant.
            ulong fraction = (rest << 32) / TicksPerSecond;
            return (seconds << 32) | fraction;
        }
    }
}
