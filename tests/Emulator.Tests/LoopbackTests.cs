using NanoMikey.Emulator.Capture;
using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>Real UDP on 127.0.0.x: two devices on their own loopback addresses, both on port 2269.</summary>
    public class LoopbackTests
    {
        private static readonly uint A = IPv4.FromOctets(127, 0, 0, 2);
        private static readonly uint B = IPv4.FromOctets(127, 0, 0, 3);

        private static DatagramStatus ReceiveWithin(IDatagramSocket s, byte[] buf, out int n, out uint from, out int port)
        {
            Assert.True(s.Poll(2_000_000), "nothing arrived within 2 s");
            return s.ReceiveFrom(buf, 0, buf.Length, out n, out from, out port);
        }

        [Fact]
        public void DevicesOnTheirOwnAddressesShareAPort()
        {
            var scheduler = new VirtualScheduler();
            var stream = new MemoryStream();
            var pcap = new PcapWriter(stream);
            var ia = new LoopbackNetworkInterface(A, pcap, scheduler);
            var ib = new LoopbackNetworkInterface(B);
            IDatagramSocket a = ia.CreateUdpSocket();
            IDatagramSocket b = ib.CreateUdpSocket();
            try
            {
                int port = 20000 + Random.Shared.Next(20000);
                DatagramStatus bound = a.Bind(IPv4.Any, port);
                if (bound == DatagramStatus.AddressInUse) return; // another process took the random port: nothing to test this time
                Assert.Equal(DatagramStatus.Ok, bound);
                Assert.Equal(DatagramStatus.Ok, b.Bind(IPv4.Any, port)); // same port, other address
                Assert.Equal(DatagramStatus.NetworkError, ia.CreateUdpSocket().Bind(B, port)); // not this device's address
                IDatagramSocket same = ia.CreateUdpSocket();
                Assert.Equal(DatagramStatus.AddressInUse, same.Bind(IPv4.Any, port));
                same.Close();

                var buf = new byte[64];
                Assert.Equal(DatagramStatus.Ok, a.SendTo(new byte[] { 9, 8, 7 }, 0, 3, B, port));
                Assert.Equal(DatagramStatus.Ok, ReceiveWithin(b, buf, out int n, out uint from, out int fromPort));
                Assert.Equal((3, A, port), (n, from, fromPort));

                // An unbound socket sends from its device's address, not 127.0.0.1.
                IDatagramSocket c = ib.CreateUdpSocket();
                Assert.Equal(DatagramStatus.Ok, c.SendTo(new byte[] { 1 }, 0, 1, A, port));
                Assert.NotEqual(0, c.LocalPort);
                Assert.Equal(DatagramStatus.Ok, ReceiveWithin(a, buf, out n, out from, out fromPort));
                Assert.Equal((B, c.LocalPort), (from, fromPort));
                c.Close();
                Assert.Equal(2, pcap.Count); // a's send and a's receive
            }
            finally
            {
                a.Close();
                b.Close();
            }
            Assert.Throws<ArgumentOutOfRangeException>(() => new LoopbackNetworkInterface(IPv4.FromOctets(10, 0, 0, 1)));
        }
    }
}
