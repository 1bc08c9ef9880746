using NanoMikey.Mikey.Time;

namespace NanoMikey.Mikey.Tests.Time
{
    /// <summary>RFC 3830 §5.4 freshness: skew window from the clock's quality, replay detection, bounded memory.</summary>
    public class ReplayCacheTests
    {
        private sealed class TestClock : IMikeyClock
        {
            public ulong NtpNow { get; set; }
            public uint OffsetBoundSeconds { get; set; }
        }

        private const ulong Base = 0xE6A9C0D800000000; // 2022-08-19T07:57:12Z
        private static ulong Seconds(long s) => (ulong)(s << 32);

        private static byte[] Id(int n)
        {
            var id = new byte[ReplayCache.IdentityLength];
            id[0] = (byte)n;
            id[15] = (byte)(n >> 8);
            return id;
        }

        [Fact]
        public void FreshThenReplayed()
        {
            var clock = new TestClock { NtpNow = Base, OffsetBoundSeconds = 1 };
            var cache = new ReplayCache(4, clock, new FreshnessPolicy());
            Assert.Equal(ReplayCacheStatus.Fresh, cache.Check(Base, Id(1), 0));
            Assert.Equal(0, cache.Count); // Check changes nothing
            Assert.Equal(ReplayCacheStatus.Fresh, cache.Remember(Base, Id(1), 0));
            Assert.Equal(ReplayCacheStatus.Replayed, cache.Check(Base, Id(1), 0));
            Assert.Equal(ReplayCacheStatus.Replayed, cache.Remember(Base, Id(1), 0));
            // Same T, other message: fresh.
            Assert.Equal(ReplayCacheStatus.Fresh, cache.Check(Base, Id(2), 0));
        }

        [Fact]
        public void SkewIsBasePlusClockBoundBothBoundsInclusive()
        {
            var clock = new TestClock { NtpNow = Base, OffsetBoundSeconds = 10 };
            var cache = new ReplayCache(4, clock, new FreshnessPolicy { BaseSkewSeconds = 300 });
            Assert.Equal(ReplayCacheStatus.Fresh, cache.Check(Base + Seconds(310), Id(1), 0));
            Assert.Equal(ReplayCacheStatus.Fresh, cache.Check(Base - Seconds(310), Id(1), 0));
            Assert.Equal(ReplayCacheStatus.OutsideSkew, cache.Check(Base + Seconds(310) + 1, Id(1), 0));
            Assert.Equal(ReplayCacheStatus.OutsideSkew, cache.Check(Base - Seconds(310) - 1, Id(1), 0));
        }

        [Fact]
        public void UnsynchronisedClockAcceptsNothingUnlessAllowed()
        {
            var clock = new TestClock { NtpNow = Base, OffsetBoundSeconds = MikeyClockQuality.Unsynchronised };
            var policy = new FreshnessPolicy();
            var cache = new ReplayCache(4, clock, policy);
            Assert.Equal(ReplayCacheStatus.OutsideSkew, cache.Check(Base, Id(1), 0));
            policy.UnsynchronisedSkewSeconds = 3600;
            Assert.Equal(ReplayCacheStatus.Fresh, cache.Check(Base + Seconds(3600), Id(1), 0));
        }

        [Fact]
        public void OutsideSkewIsAcceptedOnceTheClockIsCorrected()
        {
            var clock = new TestClock { NtpNow = Base - Seconds(7200), OffsetBoundSeconds = 0 };
            var cache = new ReplayCache(4, clock, new FreshnessPolicy());
            Assert.Equal(ReplayCacheStatus.OutsideSkew, cache.Remember(Base, Id(1), 0));
            Assert.Equal(0, cache.Count);
            clock.NtpNow = Base + Seconds(5);
            Assert.Equal(ReplayCacheStatus.Fresh, cache.Remember(Base, Id(1), 0));
        }

        [Fact]
        public void FullCacheRefusesRatherThanForgets()
        {
            var clock = new TestClock { NtpNow = Base, OffsetBoundSeconds = 0 };
            var cache = new ReplayCache(3, clock, new FreshnessPolicy { BaseSkewSeconds = 60 });
            for (int i = 0; i < 3; i++) Assert.Equal(ReplayCacheStatus.Fresh, cache.Remember(Base + Seconds(i), Id(i), 0));
            Assert.Equal(ReplayCacheStatus.Full, cache.Remember(Base, Id(9), 0));
            // Every earlier message is still recognised.
            for (int i = 0; i < 3; i++) Assert.Equal(ReplayCacheStatus.Replayed, cache.Check(Base + Seconds(i), Id(i), 0));
            // Once the oldest has left the window it is forgotten and a new message fits.
            clock.NtpNow = Base + Seconds(61);
            Assert.Equal(ReplayCacheStatus.Fresh, cache.Remember(Base + Seconds(61), Id(9), 0));
            Assert.Equal(3, cache.Count);
        }

        [Fact]
        public void EntriesOutliveANarrowedWindow()
        {
            // Clock quality improves (window narrows) then degrades again: a message forgotten under the narrow window
            // must not be accepted under the wide one.
            var clock = new TestClock { NtpNow = Base, OffsetBoundSeconds = 1000 };
            var cache = new ReplayCache(1, clock, new FreshnessPolicy { BaseSkewSeconds = 10 });
            Assert.Equal(ReplayCacheStatus.Fresh, cache.Remember(Base, Id(1), 0));
            clock.OffsetBoundSeconds = 0;
            clock.NtpNow = Base + Seconds(100);
            Assert.Equal(ReplayCacheStatus.Full, cache.Remember(Base + Seconds(100), Id(2), 0));
            clock.OffsetBoundSeconds = 1000;
            Assert.Equal(ReplayCacheStatus.Replayed, cache.Check(Base, Id(1), 0));
        }

        [Fact]
        public void WindowHoldsAcrossTheNtpEraWrap()
        {
            // 2036-02-07T06:28:16Z: the seconds field wraps to 0 (RFC 3830 §4.2.8).
            ulong beforeWrap = 0xFFFFFFF0_00000000;
            ulong afterWrap = 0x00000010_00000000;
            Assert.True(ReplayCache.WithinSkew(afterWrap, beforeWrap, 32));
            Assert.False(ReplayCache.WithinSkew(afterWrap, beforeWrap, 31));
            Assert.True(ReplayCache.WithinSkew(beforeWrap, afterWrap, 32));
        }

        [Fact]
        public void NoAllocationAfterConstruction()
        {
            var clock = new TestClock { NtpNow = Base, OffsetBoundSeconds = 0 };
            var cache = new ReplayCache(64, clock, new FreshnessPolicy());
            byte[] id = Id(1);
            cache.Remember(Base, id, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                id[1] = (byte)i;
                cache.Check(Base, id, 0);
                cache.Remember(Base, id, 0);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
