using NanoMikey.Net.Time;

namespace NanoMikey.Net.Tests
{
    public class NtpTimestampTests
    {
        private static long Ticks(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) =>
            new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).Ticks;

        [Fact]
        public void Constants_AreTheCalendarValues()
        {
            Assert.True(NtpTimestamp.TicksAt1900 == new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks);
            Assert.True(NtpTimestamp.UnixEpochSeconds == (long)(DateTime.UnixEpoch - new DateTime(1900, 1, 1)).TotalSeconds);
            Assert.True(PlatformSyncedClock.DefaultEpochFloorTicks == Ticks(2026, 1, 1));
        }

        [Fact]
        public void UnixEpoch_And_Fractions()
        {
            Assert.Equal(2208988800UL << 32, NtpTimestamp.FromUtcTicks(DateTime.UnixEpoch.Ticks));
            Assert.Equal((2208988800UL << 32) | 0x80000000, NtpTimestamp.FromUtcTicks(DateTime.UnixEpoch.Ticks + 5000000));
            Assert.Equal((2208988800UL << 32) | 0x40000000, NtpTimestamp.FromUtcTicks(DateTime.UnixEpoch.Ticks + 2500000));
            // One 100 ns tick = floor(2^32 / 10^7) = 429 units of 2^-32 s.
            Assert.Equal((2208988800UL << 32) | 429, NtpTimestamp.FromUtcTicks(DateTime.UnixEpoch.Ticks + 1));
        }

        [Fact]
        public void Era_Wraps_On_2036_02_07_06_28_16()
        {
            // RFC 5905 §6: era 1 starts at 2^32 seconds after 1900.
            Assert.Equal(0UL, NtpTimestamp.FromUtcTicks(Ticks(2036, 2, 7, 6, 28, 16)));
            Assert.Equal(0xFFFFFFFFUL << 32, NtpTimestamp.FromUtcTicks(Ticks(2036, 2, 7, 6, 28, 15)));
            Assert.Equal(1UL << 32, NtpTimestamp.FromUtcTicks(Ticks(2036, 2, 7, 6, 28, 17)));
        }

        [Fact]
        public void Today_MatchesSecondsSince1900()
        {
            long t = Ticks(2026, 11, 29, 12, 0, 0);
            ulong expected = (ulong)(uint)(long)(new DateTime(2026, 11, 29, 12, 0, 0) - new DateTime(1900, 1, 1)).TotalSeconds << 32;
            Assert.Equal(expected, NtpTimestamp.FromUtcTicks(t));
            Assert.Equal(0UL, NtpTimestamp.FromUtcTicks(Ticks(1899, 12, 31)));
        }
    }
}
