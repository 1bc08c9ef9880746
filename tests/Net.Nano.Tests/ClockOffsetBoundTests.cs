using NanoMikey.Mikey.Time;
using NanoMikey.Net.Time;

namespace NanoMikey.Net.Tests
{
    public class ClockOffsetBoundTests
    {
        private const long Second = 1000000;

        [Fact]
        public void Unsynchronised_BeforeTheFirstSync()
        {
            var b = new ClockOffsetBound(100, 300);
            Assert.Equal(MikeyClockQuality.Unsynchronised, b.BoundSeconds(0));
            Assert.Equal(MikeyClockQuality.Unsynchronised, b.BoundSeconds(1000 * Second));
            Assert.False(b.IsSynchronised);
        }

        [Fact]
        public void Grows_WithTheDriftBound_RoundedUp()
        {
            var b = new ClockOffsetBound(100, 300);
            long t0 = 50 * Second;
            b.MarkSynchronised(t0, Second / 2);
            Assert.Equal(1u, b.BoundSeconds(t0));                    // 0.5 s -> 1
            Assert.Equal(1u, b.BoundSeconds(t0 + 3600 * Second));    // 0.5 + 0.36 s
            Assert.Equal(5u, b.BoundSeconds(t0 + 36000 * Second));   // 0.5 + 3.6 s = 4.1 -> 5
            // 100 ppm: the 300 s limit is passed after (300 - 0.5) / 1e-4 s = 2 995 000 s.
            Assert.Equal(300u, b.BoundSeconds(t0 + 2995000 * Second));
            Assert.Equal(MikeyClockQuality.Unsynchronised, b.BoundSeconds(t0 + 2995001 * Second));
        }

        [Fact]
        public void ZeroDrift_AndExactSeconds()
        {
            var b = new ClockOffsetBound(0, 10);
            b.MarkSynchronised(0, 0);
            Assert.Equal(0u, b.BoundSeconds(long.MaxValue));
            b.MarkSynchronised(0, 2 * Second);
            Assert.Equal(2u, b.BoundSeconds(1));
        }

        [Fact]
        public void TickGoingBackwards_Resync_Unsync_AndOverflow()
        {
            var b = new ClockOffsetBound(1000000, 4000);
            b.MarkSynchronised(10 * Second, 0);
            Assert.Equal(MikeyClockQuality.Unsynchronised, b.BoundSeconds(9 * Second));
            Assert.Equal(MikeyClockQuality.Unsynchronised, b.BoundSeconds(long.MaxValue)); // would overflow: saturates
            Assert.Equal(1u, b.BoundSeconds(11 * Second));
            b.MarkUnsynchronised();
            Assert.Equal(MikeyClockQuality.Unsynchronised, b.BoundSeconds(11 * Second));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ClockOffsetBound(100, MikeyClockQuality.Unsynchronised));
        }
    }
}
