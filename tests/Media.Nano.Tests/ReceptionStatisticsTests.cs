using NanoMikey.Media.Rtcp;

namespace NanoMikey.Media.Tests
{
    public class ReceptionStatisticsTests
    {
        private static void Feed(ReceptionStatistics s, int seq, int delay = 0)
        {
            uint ts = (uint)(seq * 160);
            s.OnPacket((ushort)seq, ts, ts + 1000 + (uint)delay);
        }

        [Fact]
        public void CountsLossAcrossTheWrap()
        {
            var s = new ReceptionStatistics();
            foreach (int seq in new[] { 65530, 65531, 65532, 65534, 65535, 0, 2, 3 }) Feed(s, seq);
            Assert.Equal(1u, s.Cycles);
            Assert.Equal(65536u + 3, s.ExtendedHighestSequence);
            Assert.Equal(65530u, s.BaseSequence);
            Assert.Equal(10u, s.Expected);
            Assert.Equal(8u, s.Received);
            Assert.Equal(2, s.CumulativeLost);
            Assert.Equal((byte)(2 * 256 / 10), s.CloseInterval()); // A.3: (lost_interval << 8) / expected_interval
            for (int seq = 4; seq < 9; seq++) Feed(s, seq);
            Assert.Equal(0, s.CloseInterval());
            Assert.Equal(2, s.CumulativeLost);
            Feed(s, 10);
            Assert.Equal((byte)(1 * 256 / 2), s.CloseInterval());
        }

        [Fact]
        public void DuplicatesMakeLossNegativeAndFractionZero()
        {
            var s = new ReceptionStatistics();
            Feed(s, 7);
            Feed(s, 8);
            Feed(s, 8);
            Feed(s, 7);
            Assert.Equal(2u, s.Expected);
            Assert.Equal(4u, s.Received);
            Assert.Equal(-2, s.CumulativeLost);
            Assert.Equal(0, s.CloseInterval());
            Assert.Equal(8u, s.ExtendedHighestSequence); // a reordered packet does not move the highest back
        }

        [Fact]
        public void ProbationNeedsPacketsInSequence()
        {
            var s = new ReceptionStatistics(3);
            Feed(s, 100);
            Assert.False(s.LastPacketValid);
            Assert.True(s.OnProbation);
            Feed(s, 101);
            Assert.False(s.LastPacketValid);
            Feed(s, 300); // not in sequence: probation restarts (MIN_SEQUENTIAL - 1 more needed)
            Assert.False(s.LastPacketValid);
            Feed(s, 301);
            Assert.False(s.LastPacketValid);
            Feed(s, 302);
            Assert.True(s.LastPacketValid);
            Assert.False(s.OnProbation);
            Assert.Equal(302u, s.BaseSequence);
            Assert.Equal(1u, s.Received);
            Assert.Equal(0, s.CumulativeLost);
        }

        [Fact]
        public void LargeJumpIsAcceptedOnlyWhenConfirmed()
        {
            var s = new ReceptionStatistics();
            Feed(s, 100);
            Feed(s, 101);
            Feed(s, 9000); // A.1 MAX_DROPOUT exceeded
            Assert.False(s.LastPacketValid);
            Assert.Equal(101u, s.ExtendedHighestSequence);
            Feed(s, 9001); // the sender restarted: resynchronise
            Assert.True(s.LastPacketValid);
            Assert.Equal(9001u, s.BaseSequence);
            Assert.Equal(1u, s.Received);
        }

        [Fact]
        public void JitterFollowsRfc3550A8()
        {
            // Transit deltas 10, 10, 20, 20 -> scaled estimate 10, 19, 38, 56 (J += |D| - ((J + 8) >> 4)): reported 56 >> 4 = 3.
            var s = new ReceptionStatistics();
            int[] delay = { 0, 10, 0, 20, 0 };
            for (int i = 0; i < delay.Length; i++) Feed(s, i, delay[i]);
            Assert.Equal(3u, s.Jitter);

            // Against the floating-point form J += (|D| - J) / 16 over a long random run.
            var t = new ReceptionStatistics();
            var rng = new Random(11);
            double j = 0;
            int prevTransit = 0;
            for (int i = 0; i < 2000; i++)
            {
                int d = rng.Next(0, 400);
                Feed(t, i, d);
                int transit = 1000 + d;
                if (i > 0) j += (Math.Abs(transit - prevTransit) - j) / 16;
                prevTransit = transit;
            }
            Assert.InRange((double)t.Jitter, j - 1.5, j + 1.5);
            Assert.True(t.Jitter > 50);
        }

        [Fact]
        public void DelaySinceLastSenderReportIsIn65536thsOfASecond()
        {
            var s = new ReceptionStatistics();
            Assert.Equal(0u, s.LastSenderReport);
            Assert.Equal(0u, s.DelaySinceLastSenderReport(5));
            s.OnSenderReport(0xAAAABBBBCCCCDDDDUL, 1_000_000);
            Assert.Equal(0xBBBBCCCCu, s.LastSenderReport);
            Assert.Equal(0x8000u, s.DelaySinceLastSenderReport(1_500_000));
            Assert.Equal(5u * 65536, s.DelaySinceLastSenderReport(6_000_000));
            Assert.Equal(0u, s.DelaySinceLastSenderReport(999_999)); // clock went backwards
        }
    }
}
