using NanoMikey.Emulator.Capture;
using NanoMikey.Emulator.Network;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>Issue 11 "Determinism": the same seed gives the same deliveries and the same pcap byte for byte.</summary>
    public class DeterminismTests
    {
        private static (List<string> Deliveries, byte[] Pcap) Scenario(int seed, CapturePoint point = CapturePoint.Sender)
        {
            var stream = new MemoryStream();
            var pcap = new PcapWriter(stream);
            var impairments = new Impairments
            {
                LossPercent = 3, BurstEnterPercent = 1, BurstLeavePercent = 30, ReorderPercent = 4, DuplicatePercent = 3,
                DelayMs = 30, JitterMs = 25, CorruptPercent = 2,
            };
            var (net, rx, _) = ImpairmentTests.Run(seed, impairments, 5004,
                n => n.ManInTheMiddle.FlipBitsMatching((e, p) => e.SendIndex % 97 == 5), count: 2000, pcap: pcap);
            pcap.Dispose();
            Assert.True(net.Counters.Lost > 0 && net.Counters.Duplicated > 0 && net.Counters.Corrupted > 0 && net.Counters.Reordered > 0);
            var deliveries = rx.Received.Select(r => r.Time + ":" + Convert.ToHexString(r.Data)).ToList();
            return (deliveries, stream.ToArray());
        }

        [Fact]
        public void SameSeedGivesSameDeliveriesAndBytewiseSamePcap()
        {
            foreach (CapturePoint point in new[] { CapturePoint.Sender, CapturePoint.Receiver })
            {
                var first = Scenario(42, point);
                var second = Scenario(42, point);
                Assert.Equal(first.Deliveries, second.Deliveries);
                Assert.Equal(first.Pcap, second.Pcap);
            }
        }

        [Fact]
        public void DifferentSeedGivesDifferentRun()
        {
            var first = Scenario(42);
            var other = Scenario(43);
            Assert.NotEqual(first.Deliveries, other.Deliveries);
            Assert.NotEqual(first.Pcap, other.Pcap);
        }

        [Fact]
        public void EqualDeliveryTimesKeepSendOrder()
        {
            // Fixed delay, no jitter: every datagram of a burst sent at one instant arrives at one instant, in send order.
            var scheduler = new NanoMikey.Emulator.Scheduling.VirtualScheduler();
            var net = new VirtualNetwork(scheduler, 9) { Global = new Impairments { DelayMs = 5 } };
            var a = net.CreateInterface(0x0A000001).CreateUdpSocket();
            var b = net.CreateInterface(0x0A000002).CreateUdpSocket();
            b.Bind(0, 9);
            for (byte i = 0; i < 50; i++) a.SendTo(new[] { i }, 0, 1, 0x0A000002, 9);
            var rx = new Collector(b);
            scheduler.Add(rx);
            scheduler.RunUntil(10000);
            Assert.Equal(Enumerable.Range(0, 50).Select(i => (byte)i), rx.Received.Select(r => r.Data[0]));
            Assert.All(rx.Received, r => Assert.Equal(5000, r.Time));
        }
    }
}
