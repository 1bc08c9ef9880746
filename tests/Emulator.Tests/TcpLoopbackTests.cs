using NanoMikey.Emulator.Network;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>Real TCP on 127.0.0.x: devices on their own loopback addresses (ports chosen by the OS, then shared).</summary>
    public class TcpLoopbackTests
    {
        private const int Second = 1_000_000;
        private static readonly uint A = IPv4.FromOctets(127, 0, 0, 2);
        private static readonly uint B = IPv4.FromOctets(127, 0, 0, 3);

        [Fact]
        public void DevicesListenOnTheSamePort_AndPeersSeeTheDeviceAddress()
        {
            var ia = new LoopbackNetworkInterface(A);
            var ib = new LoopbackNetworkInterface(B);
            IStreamListener la = ia.CreateTcpListener();
            IStreamListener lb = ib.CreateTcpListener();
            IStreamSocket client = ib.CreateTcpSocket();
            IStreamSocket? server = null;
            try
            {
                Assert.Equal(StreamStatus.Ok, la.Listen(IPv4.Any, 0, 2));
                int port = la.LocalPort;
                Assert.Equal(StreamStatus.Ok, lb.Listen(IPv4.Any, port, 2));
                Assert.Equal(port, lb.LocalPort);

                Assert.Equal(StreamStatus.Ok, client.Connect(A, port, 2 * Second));
                Assert.Equal(B, client.LocalAddress);
                Assert.Equal(A, client.RemoteAddress);
                Assert.True(la.Poll(2 * Second));
                Assert.False(lb.Poll(0)); // B's listener on the same port saw nothing
                Assert.Equal(StreamStatus.Ok, la.Accept(out server));
                Assert.Equal(B, server!.RemoteAddress);
                Assert.Equal(client.LocalPort, server.RemotePort);
                Assert.Equal(A, server.LocalAddress);

                var data = new byte[] { 9, 8, 7, 6 };
                Assert.Equal(StreamStatus.Ok, client.Send(data, 0, 4, out int sent));
                Assert.Equal(4, sent);
                Assert.True(server.Poll(2 * Second));
                var got = new byte[8];
                Assert.Equal(StreamStatus.Ok, server.Receive(got, 0, 8, out int n));
                Assert.Equal(data, got[..n]);
            }
            finally
            {
                server?.Close();
                client.Close();
                la.Close();
                lb.Close();
            }
        }

        [Fact]
        public void ListenerAddresses_OwnOrAnyOnly_AndRefusedWhereNobodyListens()
        {
            var ia = new LoopbackNetworkInterface(A);
            IStreamListener own = ia.CreateTcpListener();
            IStreamListener again = ia.CreateTcpListener();
            IStreamListener foreign = ia.CreateTcpListener();
            IStreamSocket client = new LoopbackNetworkInterface(B).CreateTcpSocket();
            try
            {
                Assert.Equal(StreamStatus.Ok, own.Listen(A, 0, 1));
                Assert.Equal(StreamStatus.AddressInUse, again.Listen(IPv4.Any, own.LocalPort, 1));
                Assert.Equal(StreamStatus.NetworkError, foreign.Listen(B, 0, 1));
                Assert.Throws<ArgumentOutOfRangeException>(() => foreign.Listen(B, 70000, 1));
                Assert.Throws<ArgumentOutOfRangeException>(() => foreign.Listen(B, 0, 0));
                Assert.Throws<ArgumentOutOfRangeException>(() => foreign.Listen(IPv4.Any, 0, 0));
                // The listener is on 127.0.0.2 only: the same port on 127.0.0.1 has nobody.
                Assert.Equal(StreamStatus.ConnectionRefused, client.Connect(IPv4.Loopback, own.LocalPort, 2 * Second));
            }
            finally
            {
                client.Close();
                own.Close();
                again.Close();
                foreign.Close();
            }
        }
    }
}
