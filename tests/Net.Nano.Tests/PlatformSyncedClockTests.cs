using NanoMikey.Mikey.Time;
using NanoMikey.Net.Time;

namespace NanoMikey.Net.Tests
{
    /// <summary>Sync state inferred from the platform's wall clock against its monotonic tick (the ESP32 + nanoFramework SNTP case).</summary>
    public class PlatformSyncedClockTests
    {
        private const long Second = 1000000;
        private static readonly long Boot1970 = DateTime.UnixEpoch.Ticks;
        private static readonly long Nov2026 = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc).Ticks;

        /// <summary>An emulated ESP32: wall clock and tick from one oscillator; SNTP steps the wall clock.</summary>
        private sealed class FakePlatform : IPlatformClock
        {
            public long Wall = Boot1970;
            public long Mono;
            public long SwitchBeforeWallRead; // a thread switch of this many µs between the tick read and the wall read

            public bool TimeServiceRunning { get; set; } = true;

            public long UtcTicks
            {
                get
                {
                    Advance(SwitchBeforeWallRead);
                    SwitchBeforeWallRead = 0;
                    return Wall;
                }
            }

            public long MonotonicMicroseconds => Mono;

            public void Advance(long micros)
            {
                Mono += micros;
                Wall += micros * 10;
            }
        }

        private static (PlatformSyncedClock Clock, FakePlatform Platform) Create()
        {
            var p = new FakePlatform();
            var c = new PlatformSyncedClock(p, new ClockOffsetBound(100, 300));
            c.Observe(); // start-up: the binding observes before it starts SNTP
            return (c, p);
        }

        [Fact]
        public void Unsynchronised_UntilSntpSetsTheClock_ThenOneSecond()
        {
            var (clock, p) = Create();
            p.Advance(5 * Second);
            Assert.Equal(MikeyClockQuality.Unsynchronised, clock.OffsetBoundSeconds);
            p.Wall = Nov2026; // SNTP's first answer
            Assert.Equal(1u, clock.OffsetBoundSeconds);
            Assert.Equal(NtpTimestamp.FromUtcTicks(Nov2026), clock.NtpNow);
        }

        [Fact]
        public void Bound_GrowsBetweenSyncs_AndAResyncResetsIt()
        {
            var (clock, p) = Create();
            p.Wall = Nov2026;
            Assert.Equal(1u, clock.OffsetBoundSeconds);
            p.Advance(36000 * Second); // 10 h free-running at up to 100 ppm: 1 + 3.6 s
            Assert.Equal(5u, clock.OffsetBoundSeconds);
            p.Wall -= 50 * 10000; // hourly SNTP correction of 50 ms
            Assert.Equal(1u, clock.OffsetBoundSeconds);
        }

        [Fact]
        public void AClockAlreadySet_WhenObservationStarts_IsNotTrusted()
        {
            var p = new FakePlatform { Wall = Nov2026 }; // e.g. kept through deep sleep on the RTC's RC oscillator
            var clock = new PlatformSyncedClock(p, new ClockOffsetBound(100, 300));
            Assert.Equal(MikeyClockQuality.Unsynchronised, clock.OffsetBoundSeconds);
            p.Advance(3600 * Second);
            Assert.Equal(MikeyClockQuality.Unsynchronised, clock.OffsetBoundSeconds);
        }

        [Fact]
        public void AJump_WhileTheTimeServiceIsStopped_OrBeforeTheFloor_Unsynchronises()
        {
            var (clock, p) = Create();
            p.Wall = Nov2026;
            Assert.Equal(1u, clock.OffsetBoundSeconds);
            p.TimeServiceRunning = false;
            p.Wall += 20 * 10000000L; // someone set the clock by hand
            Assert.Equal(MikeyClockQuality.Unsynchronised, clock.OffsetBoundSeconds);

            p.TimeServiceRunning = true;
            p.Wall = Nov2026 + 100 * 10000000L;
            Assert.Equal(1u, clock.OffsetBoundSeconds);
            p.Wall = Boot1970; // reset to an invalid time
            Assert.Equal(MikeyClockQuality.Unsynchronised, clock.OffsetBoundSeconds);
        }

        [Fact]
        public void AThreadSwitchBetweenReads_IsNotMistakenForASync()
        {
            var (clock, p) = Create();
            p.Wall = Nov2026;
            Assert.Equal(1u, clock.OffsetBoundSeconds);
            p.Advance(36000 * Second);
            p.SwitchBeforeWallRead = 50000; // 50 ms lost between the first tick read and the wall read
            Assert.Equal(5u, clock.OffsetBoundSeconds);
        }

        [Fact]
        public void Reads_AllocateNothing()
        {
            var (clock, p) = Create();
            p.Wall = Nov2026;
            _ = clock.OffsetBoundSeconds;
            long before = GC.GetAllocatedBytesForCurrentThread();
            ulong sum = 0;
            for (int i = 0; i < 100; i++) sum += clock.NtpNow + clock.OffsetBoundSeconds;
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.NotEqual(0UL, sum);
        }

        [Fact]
        public void FeedsTheReplayCachesFreshnessWindow()
        {
            var (clock, p) = Create();
            var policy = new FreshnessPolicy();
            Assert.Equal(0u, policy.AllowedSkewSeconds(clock.OffsetBoundSeconds)); // before sync: accept nothing
            p.Wall = Nov2026;
            Assert.Equal(301u, policy.AllowedSkewSeconds(clock.OffsetBoundSeconds));
        }
    }
}
