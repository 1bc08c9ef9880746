namespace NanoMikey.Mikey.Rendering
{
    /// <summary>NTP timestamps (RFC 3830 §4.2.8, RFC 4330 era rule) as ISO 8601 UTC text, without DateTime.</summary>
    internal static class NtpTime
    {
        internal static string ToIso8601(uint seconds, uint fraction)
        {
            // RFC 4330 §3: top bit clear means era 1 (2036-2104).
            long unix = (long)seconds - 2208988800L + ((seconds & 0x80000000u) == 0 ? 4294967296L : 0);
            long days = unix / 86400;
            long rem = unix % 86400;
            if (rem < 0)
            {
                rem += 86400;
                days--;
            }

            // Civil-from-days (H. Hinnant), proleptic Gregorian.
            long z = days + 719468;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long doe = z - era * 146097;
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long y = yoe + era * 400;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            long d = doy - (153 * mp + 2) / 5 + 1;
            long m = mp < 10 ? mp + 3 : mp - 9;
            if (m <= 2)
            {
                y++;
            }

            long ms = ((long)fraction * 1000) >> 32;
            return y + "-" + Two(m) + "-" + Two(d) + "T" + Two(rem / 3600) + ":" + Two(rem / 60 % 60) + ":" + Two(rem % 60)
                + (ms != 0 ? "." + (ms < 10 ? "00" : ms < 100 ? "0" : string.Empty) + ms : string.Empty) + "Z";
        }

        private static string Two(long v)
        {
            return v < 10 ? "0" + v : v.ToString();
        }
    }
}
