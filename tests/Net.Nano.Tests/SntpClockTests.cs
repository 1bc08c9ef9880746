using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sntp;
using NanoMikey.Net.Time;

namespace NanoMikey.Net.Tests
{
    /// <summary>The SNTP-kept wall clock: RTC until the first sync, anchored to the tick after, and its bound.</summary>
    public class SntpClockTests
    {
        private const long Second = 1000000;

        [Fact]
        public void BeforeTheFirstSync_ReadsTheRtc_AndIsUnsynchronised()
        {
            var p = new SntpManualPlatform { RtcErrorMicros = 600 * Second };
            var c = new SntpClock(p);
            Assert.Equal(NtpTimestamp.FromUtcTicks(p.UtcTicks), c.NtpNow);
            Assert.Equal(MikeyClockQuality.Unsynchronised, c.OffsetBoundSeconds);
            Assert.False(c.IsSynchronised);
            Assert.Equal(0, c.SyncCount);
            Assert.Equal(0, c.CorrectionMicroseconds);
        }

        [Fact]
        public void Sync_AnchorsEstimatePlusOffset_ThenRunsWithTheTick_AndReportsTheCorrection()
        {
            var p = new SntpManualPlatform { RtcErrorMicros = 600 * Second + 1234 };
            var c = new SntpClock(p, new ClockOffsetBound(100, 10));
            c.Synchronise(-(600 * Second + 1234), 3000, 250000);
            Assert.True(c.IsSynchronised);
            Assert.Equal(1, c.SyncCount);
            Assert.Equal(-(600 * Second + 1234), c.LastOffsetMicroseconds);
            Assert.Equal(3000, c.LastDelayMicroseconds);
            AssertNear(p.TrueNtp, c.NtpNow);
            Assert.InRange(c.CorrectionMicroseconds, -(600 * Second + 1234) - 1, -(600 * Second + 1234) + 1);
            p.Mono += 3600 * Second;
            AssertNear(p.TrueNtp, c.NtpNow);
            // The RTC drifts away (here: it jumps 5 ms) but the clock keeps to the tick; the correction follows the RTC.
            p.RtcErrorMicros += 5000;
            AssertNear(p.TrueNtp, c.NtpNow);
            Assert.InRange(c.CorrectionMicroseconds, -(600 * Second + 6234) - 1, -(600 * Second + 6234) + 1);
        }

        [Fact]
        public void Bound_IsTheAccuracyAfterSync_GrowsWithDrift_AndDecaysToUnsynchronised()
        {
            var p = new SntpManualPlatform();
            var c = new SntpClock(p, new ClockOffsetBound(100, 10)); // 100 ppm, at most 10 s
            c.Synchronise(0, 1000, 250000);
            Assert.Equal(1u, c.OffsetBoundSeconds); // 0.25 s rounded up
            p.Mono += 10000 * Second; // +1 s of drift
            Assert.Equal(2u, c.OffsetBoundSeconds);
            p.Mono += 87000 * Second; // 9.7 s + 0.25 s
            Assert.Equal(10u, c.OffsetBoundSeconds);
            p.Mono += 3000 * Second; // 10.0 s + 0.25 s: over the limit
            Assert.Equal(MikeyClockQuality.Unsynchronised, c.OffsetBoundSeconds);
            Assert.False(c.IsSynchronised);
            c.Synchronise(700000, 1000, 250000);
            Assert.Equal(1u, c.OffsetBoundSeconds);
            Assert.InRange(c.CorrectionMicroseconds, 699999, 700001);
            c.Reset();
            Assert.Equal(0, c.CorrectionMicroseconds);
            Assert.Equal(MikeyClockQuality.Unsynchronised, c.OffsetBoundSeconds);
            Assert.Equal(NtpTimestamp.FromUtcTicks(p.UtcTicks), c.NtpNow);
        }

        [Fact]
        public void UnsynchronisedClock_MakesTheReplayCacheRefuseEveryTimestamp_SynchronisedOneAcceptsWithinSkew()
        {
            var p = new SntpManualPlatform();
            var c = new SntpClock(p);
            var cache = new ReplayCache(4, c, new FreshnessPolicy());
            byte[] id = new byte[16];
            Assert.Equal(ReplayCacheStatus.OutsideSkew, cache.Check(p.TrueNtp, id, 0));
            c.Synchronise(0, 1000, 1000);
            Assert.Equal(ReplayCacheStatus.Fresh, cache.Check(p.TrueNtp, id, 0));
        }

        private static void AssertNear(ulong expected, ulong actual)
        {
            long d = NtpInterval.ToMicroseconds(NtpInterval.Difference(actual, expected));
            Assert.InRange(d, -1, 1);
        }
    }
}
