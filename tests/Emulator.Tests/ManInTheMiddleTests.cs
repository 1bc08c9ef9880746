using System.Buffers.Binary;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Net.Sockets;

using static NanoMikey.Emulator.Tests.Hosts;

namespace NanoMikey.Emulator.Tests
{
    public class ManInTheMiddleTests
    {

        private static byte[] RtpPacket(int seq)
        {
            var p = new byte[12 + 160];
            p[0] = 0x80; // V=2
            p[1] = 0; // PT 0 (PCMU)
            BinaryPrimitives.WriteUInt16BigEndian(p.AsSpan(2), (ushort)seq);
            BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(4), (uint)(seq * 160));
            BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(8), 0x11223344);
            for (int i = 12; i < p.Length; i++) p[i] = (byte)(seq + i);
            return p;
        }

        private static (VirtualNetwork Net, Collector Rx, VirtualScheduler Scheduler, PacedSender Tx) Setup(int port, int count,
            Func<int, byte[]>? payload = null)
        {
            var scheduler = new VirtualScheduler();
            var net = new VirtualNetwork(scheduler, 11);
            IDatagramSocket tx = net.CreateInterface(A).CreateUdpSocket();
            IDatagramSocket rx = net.CreateInterface(B).CreateUdpSocket();
            tx.Bind(IPv4.Any, port);
            rx.Bind(IPv4.Any, port);
            var sender = new PacedSender(tx, B, port, 20000, count, payload: payload);
            var collector = new Collector(rx);
            scheduler.Add(sender);
            scheduler.Add(collector);
            return (net, collector, scheduler, sender);
        }

        [Fact]
        public void CapturesAndReplaysLater()
        {
            var (net, rx, scheduler, _) = Setup(2269, 3);
            net.ManInTheMiddle.CaptureMatching(DatagramFilters.ToPort(2269), maxCount: 1);
            scheduler.RunUntil(1000000);
            CapturedDatagram captured = Assert.Single(net.ManInTheMiddle.Captured);
            Assert.Equal(PacedSender.Expected(0), captured.Payload);
            Assert.Equal(0, captured.Envelope.SendIndex);
            Assert.Equal((A, 2269, B, 2269), (captured.Envelope.SourceAddress, captured.Envelope.SourcePort,
                captured.Envelope.DestinationAddress, captured.Envelope.DestinationPort));

            net.ManInTheMiddle.Replay(captured, 5000000);
            scheduler.RunUntil(6000000);
            Assert.Equal(4, rx.Received.Count);
            var replayed = rx.Received[3];
            Assert.Equal(5000000, replayed.Time);
            Assert.Equal(captured.Payload, replayed.Data);
            Assert.Equal((A, 2269), (replayed.From, replayed.FromPort));
            ReplayRecord record = Assert.Single(net.ManInTheMiddle.Replays);
            Assert.Same(captured, record.Datagram);
            Assert.Equal(5000000, record.AtMicros);
            Assert.Equal(1, net.Counters.Replayed);
            Assert.Throws<ArgumentOutOfRangeException>(() => net.ManInTheMiddle.Replay(captured, 10));
        }

        [Fact]
        public void FlipsBitsInTheChosenRtpPacketsAndRecordsThem()
        {
            var (net, rx, scheduler, _) = Setup(5004, 50, RtpPacket);
            net.ManInTheMiddle.FlipBitsMatching(DatagramFilters.Nth(DatagramFilters.Rtp(5004), 7));
            net.ManInTheMiddle.FlipBitsMatching(DatagramFilters.Nth(DatagramFilters.Rtp(5004), 30), bitIndex: 12 * 8 + 3);
            scheduler.RunUntil(2000000);

            Assert.Equal(50, rx.Received.Count);
            var flips = net.ManInTheMiddle.Flips;
            Assert.Equal(new long[] { 6, 29 }, flips.Select(f => f.Datagram.SendIndex));
            Assert.Equal(12 * 8 + 3, flips[1].BitIndex);
            Assert.Equal(2, net.Counters.MitmFlipped);
            for (int i = 0; i < 50; i++)
            {
                byte[] want = RtpPacket(i);
                byte[] got = rx.Received[i].Data;
                BitFlipRecord? flip = flips.Where(f => f.Datagram.SendIndex == i).Select(f => (BitFlipRecord?)f).FirstOrDefault();
                if (flip is BitFlipRecord fl) want[fl.ByteOffset] ^= fl.Mask;
                Assert.Equal(want, got); // exactly the recorded bit differs, in exactly the recorded packets
            }
        }

        [Fact]
        public void RtpFilterSkipsRtcpAndOtherTraffic()
        {
            DatagramFilter rtp = DatagramFilters.Rtp(5004);
            var e = new DatagramEnvelope(A, 1, B, 5004, 0, 0);
            Assert.True(rtp(e, RtpPacket(1)));
            byte[] rtcp = RtpPacket(1);
            rtcp[1] = 200; // SR
            Assert.False(rtp(e, rtcp));
            Assert.False(rtp(e with { DestinationPort = 5006 }, RtpPacket(1)));
            Assert.False(rtp(e, new byte[] { 0x80, 0 }));
        }

        [Fact]
        public void DropsTheFirstDatagramToMikeyPort()
        {
            var (net, rx, scheduler, _) = Setup(2269, 3);
            net.ManInTheMiddle.DropMatching(DatagramFilters.ToPort(2269));
            scheduler.RunUntil(1000000);
            Assert.Equal(new[] { 1, 2 }, rx.Sequences);
            DatagramEnvelope dropped = Assert.Single(net.ManInTheMiddle.Dropped);
            Assert.Equal(0, dropped.SendIndex);
            Assert.Equal(1, net.Counters.MitmDropped);
        }
    }
}
