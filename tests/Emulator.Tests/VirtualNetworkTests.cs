using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Net.Sockets;

using static NanoMikey.Emulator.Tests.Hosts;

namespace NanoMikey.Emulator.Tests
{
    public class VirtualNetworkTests
    {

        private static (VirtualScheduler Scheduler, VirtualNetwork Net, IDatagramSocket A, IDatagramSocket B) TwoHosts()
        {
            var scheduler = new VirtualScheduler();
            var net = new VirtualNetwork(scheduler, 1);
            return (scheduler, net, net.CreateInterface(A).CreateUdpSocket(), net.CreateInterface(B).CreateUdpSocket());
        }

        [Fact]
        public void DeliversWithSenderAddressAndPort()
        {
            var (scheduler, net, a, b) = TwoHosts();
            Assert.Equal(DatagramStatus.Ok, a.Bind(IPv4.Any, 2269));
            Assert.Equal(DatagramStatus.Ok, b.Bind(B, 2269));

            var buf = new byte[64];
            Assert.False(b.Poll(0));
            Assert.Equal(DatagramStatus.WouldBlock, b.ReceiveFrom(buf, 0, buf.Length, out _, out _, out _));
            Assert.Equal(DatagramStatus.Ok, a.SendTo(new byte[] { 1, 2, 3 }, 0, 3, B, 2269));
            Assert.False(b.Poll(0)); // in flight until the scheduler delivers it
            scheduler.RunUntil(0);
            Assert.True(b.Poll(0));
            Assert.Equal(DatagramStatus.Ok, b.ReceiveFrom(buf, 10, 20, out int n, out uint from, out int port));
            Assert.Equal(3, n);
            Assert.Equal(new byte[] { 1, 2, 3 }, buf.AsSpan(10, 3).ToArray());
            Assert.Equal(A, from);
            Assert.Equal(2269, port);
            Assert.Equal(DatagramStatus.WouldBlock, b.ReceiveFrom(buf, 0, buf.Length, out n, out from, out port));
            Assert.Equal((0, 0u, 0), (n, from, port));
            Assert.Equal(1, net.Counters.Sent);
            Assert.Equal(1, net.Counters.Delivered);
        }

        [Fact]
        public void TruncatesLongDatagram()
        {
            var (scheduler, net, a, b) = TwoHosts();
            Assert.Equal(DatagramStatus.Ok, b.Bind(IPv4.Any, 5004));
            byte[] data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
            Assert.Equal(DatagramStatus.Ok, a.SendTo(data, 0, 100, B, 5004));
            scheduler.RunUntil(1);
            var buf = new byte[40];
            Assert.Equal(DatagramStatus.Truncated, b.ReceiveFrom(buf, 0, 40, out int n, out uint from, out _));
            Assert.Equal(40, n);
            Assert.Equal(A, from);
            Assert.Equal(data.Take(40), buf);
            Assert.False(b.Poll(0)); // the rest is gone
        }

        [Fact]
        public void UnboundSendGetsEphemeralPortAndUnknownDestinationIsCounted()
        {
            var (scheduler, net, a, b) = TwoHosts();
            Assert.Equal(DatagramStatus.Ok, b.Bind(IPv4.Any, 7));
            Assert.Equal(0, a.LocalPort);
            Assert.Equal(DatagramStatus.Ok, a.SendTo(new byte[1], 0, 1, B, 7));
            Assert.Equal(VirtualNetwork.FirstEphemeralPort, a.LocalPort);
            Assert.Equal(DatagramStatus.Ok, a.SendTo(new byte[1], 0, 1, B, 8)); // nobody on 8
            Assert.Equal(DatagramStatus.Ok, a.SendTo(new byte[1], 0, 1, IPv4.FromOctets(10, 9, 9, 9), 7)); // no such host
            scheduler.RunUntil(0);
            Assert.Equal(DatagramStatus.Ok, b.ReceiveFrom(new byte[4], 0, 4, out _, out _, out int port));
            Assert.Equal(VirtualNetwork.FirstEphemeralPort, port);
            Assert.Equal(2, net.Counters.NoListener);
            Assert.Equal(1, net.Counters.Delivered);
        }

        [Fact]
        public void BindConflicts()
        {
            var scheduler = new VirtualScheduler();
            var net = new VirtualNetwork(scheduler, 1);
            VirtualNetworkInterface ia = net.CreateInterface(A);
            VirtualNetworkInterface ib = net.CreateInterface(B);
            IDatagramSocket s1 = ia.CreateUdpSocket();
            IDatagramSocket s2 = ia.CreateUdpSocket();
            IDatagramSocket s3 = ib.CreateUdpSocket();
            Assert.Equal(DatagramStatus.Ok, s1.Bind(IPv4.Any, 2269));
            Assert.Equal(DatagramStatus.AddressInUse, s2.Bind(IPv4.Any, 2269));
            Assert.Equal(DatagramStatus.AddressInUse, s2.Bind(A, 2269));
            Assert.Equal(0, s2.LocalPort);
            Assert.Equal(DatagramStatus.Ok, s3.Bind(IPv4.Any, 2269)); // another host: no conflict
            Assert.Equal(DatagramStatus.NetworkError, s1.Bind(IPv4.Any, 2270)); // already bound
            Assert.Equal(DatagramStatus.NetworkError, s2.Bind(B, 2270)); // not this host's address

            // Port 0: ephemeral ports, distinct, skipping taken ones.
            IDatagramSocket e1 = ia.CreateUdpSocket();
            IDatagramSocket blocker = ia.CreateUdpSocket();
            IDatagramSocket e2 = ia.CreateUdpSocket();
            Assert.Equal(DatagramStatus.Ok, blocker.Bind(IPv4.Any, VirtualNetwork.FirstEphemeralPort + 1));
            Assert.Equal(DatagramStatus.Ok, e1.Bind(IPv4.Any, 0));
            Assert.Equal(DatagramStatus.Ok, e2.Bind(IPv4.Any, 0));
            Assert.Equal(VirtualNetwork.FirstEphemeralPort, e1.LocalPort);
            Assert.Equal(VirtualNetwork.FirstEphemeralPort + 2, e2.LocalPort);

            // Close frees the port; the closed socket answers Closed.
            s1.Close();
            s1.Close();
            Assert.Equal(DatagramStatus.Ok, s2.Bind(IPv4.Any, 2269));
            Assert.Equal(DatagramStatus.Closed, s1.Bind(IPv4.Any, 1));
            Assert.Equal(DatagramStatus.Closed, s1.SendTo(new byte[1], 0, 1, B, 1));
            Assert.Equal(DatagramStatus.Closed, s1.ReceiveFrom(new byte[1], 0, 1, out _, out _, out _));
            Assert.False(s1.Poll(0));

            Assert.Equal(DatagramStatus.NotBound, ia.CreateUdpSocket().ReceiveFrom(new byte[1], 0, 1, out _, out _, out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => s2.SendTo(new byte[1], 0, 2, B, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => s2.SendTo(new byte[1], 0, 1, B, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => ia.CreateUdpSocket().Bind(IPv4.Any, 65536));
        }

        [Fact]
        public void ClosedSocketDropsQueuedAndLaterDatagrams()
        {
            var (scheduler, net, a, b) = TwoHosts();
            Assert.Equal(DatagramStatus.Ok, b.Bind(IPv4.Any, 9));
            a.SendTo(new byte[1], 0, 1, B, 9);
            scheduler.RunUntil(0);
            b.Close();
            a.SendTo(new byte[1], 0, 1, B, 9);
            scheduler.RunUntil(1);
            Assert.Equal(1, net.Counters.NoListener);
        }

        [Fact]
        public void SocketQueueOverflowDrops()
        {
            var (scheduler, net, a, b) = TwoHosts();
            net.SocketQueueLimit = 4;
            b.Bind(IPv4.Any, 9);
            for (int i = 0; i < 6; i++) a.SendTo(new byte[1], 0, 1, B, 9);
            scheduler.RunUntil(0);
            Assert.Equal(4, ((VirtualSocket)b).Pending);
            Assert.Equal(2, net.Counters.QueueOverflow);
        }

        [Fact]
        public void SteadyStateSendAndReceiveAllocateNothing()
        {
            var scheduler = new VirtualScheduler();
            var net = new VirtualNetwork(scheduler, 3);
            net.Global = new Impairments { LossPercent = 5, DelayMs = 20, JitterMs = 10, ReorderPercent = 5, DuplicatePercent = 5, CorruptPercent = 5 };
            IDatagramSocket a = net.CreateInterface(A).CreateUdpSocket();
            IDatagramSocket b = net.CreateInterface(B).CreateUdpSocket();
            b.Bind(IPv4.Any, 5004);
            var tx = new byte[172];
            var rx = new byte[2048];
            long t = 0;
            void Cycle(int n)
            {
                for (int i = 0; i < n; i++)
                {
                    a.SendTo(tx, 0, tx.Length, B, 5004);
                    t += 20000;
                    scheduler.RunUntil(t);
                    while (b.ReceiveFrom(rx, 0, rx.Length, out _, out _, out _) == DatagramStatus.Ok) { }
                }
            }
            Cycle(6000); // warm-up: the pool, the socket queue and the delivery heap grow to the traffic's peak
            long before = GC.GetAllocatedBytesForCurrentThread();
            Cycle(4000);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
