using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Net.Sockets;

using static NanoMikey.Emulator.Tests.Hosts;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>Each impairment's observed rate on 10 000 datagrams against its parameter (bounds about ±5 standard deviations).</summary>
    public class ImpairmentTests
    {
        private const int Count = 10000;

        internal static (VirtualNetwork Net, Collector Rx, VirtualScheduler Scheduler) Run(int seed, Impairments? global, int port = 5004,
            Action<VirtualNetwork>? setup = null, int count = Count, NanoMikey.Emulator.Capture.PcapWriter? pcap = null)
        {
            var scheduler = new VirtualScheduler();
            var net = new VirtualNetwork(scheduler, seed, pcap) { Global = global };
            IDatagramSocket tx = net.CreateInterface(A).CreateUdpSocket();
            IDatagramSocket rx = net.CreateInterface(B).CreateUdpSocket();
            Assert.Equal(DatagramStatus.Ok, tx.Bind(IPv4.Any, 40000));
            Assert.Equal(DatagramStatus.Ok, rx.Bind(IPv4.Any, port));
            setup?.Invoke(net);
            var sender = new PacedSender(tx, B, port, 20000, count);
            var collector = new Collector(rx);
            scheduler.Add(sender);
            scheduler.Add(collector);
            scheduler.RunUntil(20000L * count + 2000000);
            Assert.Equal(count, sender.Sent);
            return (net, collector, scheduler);
        }

        private static void Near(double expected, double actual, double tolerance)
        {
            Assert.InRange(actual, expected - tolerance, expected + tolerance);
        }

        [Fact]
        public void PerfectNetworkDeliversEverythingInOrder()
        {
            var (net, rx, _) = Run(1, null);
            Assert.Equal(Enumerable.Range(0, Count), rx.Sequences);
            Assert.Equal(Count, net.Counters.Delivered);
        }

        [Fact]
        public void LossRateMatches()
        {
            var (net, rx, _) = Run(2, new Impairments { LossPercent = 5 });
            int lost = Count - rx.Received.Count;
            Assert.Equal(net.Counters.Lost, lost);
            Near(500, lost, 110); // σ = √(10000·0.05·0.95) ≈ 22
            Assert.True(rx.Sequences.SequenceEqual(rx.Sequences.OrderBy(s => s))); // loss alone keeps order
        }

        [Fact]
        public void BurstLossFollowsGilbertElliott()
        {
            // p = 2 %, r = 25 %: bad-state share p/(p+r) ≈ 7.4 %, mean burst 1/r = 4 datagrams.
            var (net, rx, _) = Run(3, new Impairments { BurstEnterPercent = 2, BurstLeavePercent = 25 });
            var got = new HashSet<int>(rx.Sequences);
            int lost = Count - got.Count;
            Assert.Equal(net.Counters.BurstLost, lost);
            Assert.Equal(0, net.Counters.Lost);
            Near(Count * 0.02 / 0.27, lost, 250);
            var bursts = new List<int>();
            int run = 0;
            for (int i = 0; i < Count; i++)
            {
                if (!got.Contains(i)) { run++; continue; }
                if (run > 0) bursts.Add(run);
                run = 0;
            }
            Near(4.0, bursts.Average(), 1.0);
            Assert.Contains(bursts, b => b >= 8); // bursts, not isolated losses
        }

        [Fact]
        public void DuplicationRateMatches()
        {
            var (net, rx, _) = Run(4, new Impairments { DuplicatePercent = 3 });
            int extra = rx.Received.Count - Count;
            Assert.Equal(net.Counters.Duplicated, extra);
            Near(300, extra, 90); // σ ≈ 17
            Assert.Equal(Count, rx.Sequences.Distinct().Count());
            Assert.All(rx.Received, r => Assert.Equal(PacedSender.Expected(BitConverter.ToInt32(r.Data.Take(4).Reverse().ToArray())), r.Data));
        }

        [Fact]
        public void ReorderingRateMatches()
        {
            var (net, rx, _) = Run(5, new Impairments { ReorderPercent = 5 });
            Near(500, net.Counters.Reordered, 110);
            int late = 0, max = -1;
            foreach (int s in rx.Sequences)
            {
                if (s < max) late++;
                else max = s;
            }
            // A held-back datagram arrives after its successor unless the successor was held back too.
            Assert.InRange(late, (int)(net.Counters.Reordered * 0.9), net.Counters.Reordered);
            Assert.Equal(Count, rx.Received.Count);
        }

        [Fact]
        public void CorruptionFlipsExactlyOneBitAtTheRate()
        {
            var (net, rx, _) = Run(6, new Impairments { CorruptPercent = 2 });
            Assert.Equal(Count, rx.Received.Count);
            int corrupted = 0;
            for (int i = 0; i < Count; i++)
            {
                byte[] got = rx.Received[i].Data;
                byte[] want = PacedSender.Expected(i);
                int bits = 0;
                for (int j = 0; j < want.Length; j++) bits += System.Numerics.BitOperations.PopCount((uint)(got[j] ^ want[j]));
                Assert.InRange(bits, 0, 1);
                corrupted += bits;
            }
            Assert.Equal(net.Counters.Corrupted, corrupted);
            Near(200, corrupted, 70); // σ = 14
        }

        [Fact]
        public void DelayAndJitterStayInRange()
        {
            var (_, rx, _) = Run(7, new Impairments { DelayMs = 50, JitterMs = 10 });
            var delays = rx.Received.Select(r => r.Time - 20000L * BitConverter.ToInt32(r.Data.Take(4).Reverse().ToArray())).ToList();
            Assert.All(delays, d => Assert.InRange(d, 50000, 60000));
            Near(55000, delays.Average(), 300);
            Assert.True(delays.Max() - delays.Min() > 9000);
        }

        [Fact]
        public void PerPortImpairmentsOverrideGlobal()
        {
            // Media perfect, MIKEY on 2269 loses everything: only datagrams to 2269 are touched.
            var (net, rx, _) = Run(8, null, 5004, n => n.SetImpairments(2269, new Impairments { LossPercent = 100 }), count: 100);
            Assert.Equal(100, rx.Received.Count);
            var (net2, rx2, _) = Run(8, null, 2269, n => n.SetImpairments(2269, new Impairments { LossPercent = 100 }), count: 100);
            Assert.Empty(rx2.Received);
            Assert.Equal(100, net2.Counters.Lost);
            // A port's own (empty) impairments override a lossy global profile.
            var (_, rx3, _) = Run(8, new Impairments { LossPercent = 100 }, 2269, n => n.SetImpairments(2269, new Impairments()), count: 100);
            Assert.Equal(100, rx3.Received.Count);
        }

        [Fact]
        public void RejectsOutOfRangeParameters()
        {
            var net = new VirtualNetwork(new VirtualScheduler(), 1);
            Assert.Throws<ArgumentOutOfRangeException>(() => net.SetImpairments(5004, new Impairments { LossPercent = 101 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => net.SetImpairments(5004, new Impairments { JitterMs = -1 }));
        }
    }
}
