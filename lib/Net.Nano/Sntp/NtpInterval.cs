using NanoMikey.Crypto;

namespace NanoMikey.Net.Sntp
{
    /// <summary>
    /// Signed time intervals between 64-bit NTP timestamps (units of 2^-32 s), to and from microseconds. A difference of two
    /// wire timestamps taken as a signed 64-bit value is right across the era wrap for intervals under 68 years (RFC 4330 §3).
    /// </summary>
    [HotPath]
    public static class NtpInterval
    {
        private const long MicrosPerSecond = 1000000;

        /// <summary>The signed difference <paramref name="later"/> − <paramref name="earlier"/> in 2^-32 s units.</summary>
        /// <param name="later">Later NTP timestamp.</param>
        /// <param name="earlier">Earlier NTP timestamp.</param>
        /// <returns>The wrapped difference as a signed number.</returns>
        public static long Difference(ulong later, ulong earlier)
        {
            return (long)(later - earlier);
        }

        /// <summary>An interval in 2^-32 s units as microseconds, rounded to the nearest (halves away from zero).</summary>
        /// <param name="interval">Signed interval in 2^-32 s units.</param>
        /// <returns>Microseconds.</returns>
        public static long ToMicroseconds(long interval)
        {
            if (interval < 0)
            {
                // −long.MinValue does not exist; one unit less changes nothing at microsecond resolution.
                if (interval == long.MinValue) interval++;
                return -ToMicroseconds(-interval);
            }

            long seconds = interval >> 32;
            long fraction = interval & 0xFFFFFFFF;
            // fraction < 2^32, so fraction · 10^6 < 2^52 fits.
            return seconds * MicrosPerSecond + ((fraction * MicrosPerSecond + 0x80000000) >> 32);
        }

        /// <summary>Microseconds as an interval in 2^-32 s units, rounded to the nearest (saturated beyond ±2^31 s).</summary>
        /// <param name="microseconds">Signed microseconds.</param>
        /// <returns>Signed interval in 2^-32 s units.</returns>
        public static long FromMicroseconds(long microseconds)
        {
            if (microseconds < 0)
            {
                if (microseconds < -(long)int.MaxValue * MicrosPerSecond) return long.MinValue + 1;
                return -FromMicroseconds(-microseconds);
            }

            if (microseconds > (long)int.MaxValue * MicrosPerSecond) return long.MaxValue;
            long seconds = microseconds / MicrosPerSecond;
            long rest = microseconds % MicrosPerSecond;
            return (seconds << 32) + ((rest << 32) + MicrosPerSecond / 2) / MicrosPerSecond;
        }
    }
}
