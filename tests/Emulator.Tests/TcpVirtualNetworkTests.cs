using NanoMikey.Emulator.Network;
using NanoMikey.Emulator.Scheduling;
using NanoMikey.Net.Sockets;

using static NanoMikey.Emulator.Tests.Hosts;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>In-memory TCP connections on the virtual network: registry, refusals, bounded buffers, close and reset.</summary>
    public class TcpVirtualNetworkTests
    {
        private static (VirtualNetwork Net, VirtualNetworkInterface A, VirtualNetworkInterface B) TwoHosts(int bufferBytes = 8192)
        {
            var net = new VirtualNetwork(new VirtualScheduler(), 1) { StreamBufferBytes = bufferBytes };
            return (net, net.CreateInterface(A), net.CreateInterface(B));
        }

        /// <summary>A listens on 554, B connects; returns B's socket and A's accepted one.</summary>
        private static (IStreamListener Listener, IStreamSocket Client, IStreamSocket Server) Connected(VirtualNetworkInterface a, VirtualNetworkInterface b)
        {
            IStreamListener listener = a.CreateTcpListener();
            Assert.Equal(StreamStatus.Ok, listener.Listen(IPv4.Any, 554, 2));
            IStreamSocket client = b.CreateTcpSocket();
            Assert.Equal(StreamStatus.Ok, client.Connect(A, 554, 0));
            Assert.True(listener.Poll(0));
            Assert.Equal(StreamStatus.Ok, listener.Accept(out IStreamSocket? server));
            return (listener, client, server!);
        }

        [Fact]
        public void ConnectAcceptEcho_WithAddressesAndPorts()
        {
            var (_, a, b) = TwoHosts();
            IStreamListener listener = a.CreateTcpListener();
            Assert.False(listener.Poll(0));
            Assert.Equal(StreamStatus.NotConnected, listener.Accept(out _));
            Assert.Equal(StreamStatus.Ok, listener.Listen(IPv4.Any, 554, 2));
            Assert.Equal(554, listener.LocalPort);
            Assert.Equal(StreamStatus.WouldBlock, listener.Accept(out IStreamSocket? none));
            Assert.Null(none);

            IStreamSocket client = b.CreateTcpSocket();
            Assert.False(client.IsConnected);
            Assert.Equal(StreamStatus.Ok, client.Connect(A, 554, 0));
            Assert.True(client.IsConnected);
            Assert.Equal((B, VirtualNetwork.FirstEphemeralPort, A, 554), (client.LocalAddress, client.LocalPort, client.RemoteAddress, client.RemotePort));
            Assert.Equal(1, ((VirtualStreamListener)listener).Pending);
            Assert.Equal(StreamStatus.Ok, listener.Accept(out IStreamSocket? server));
            Assert.False(listener.Poll(0));
            Assert.True(server!.IsConnected);
            Assert.Equal((A, 554, B, VirtualNetwork.FirstEphemeralPort), (server.LocalAddress, server.LocalPort, server.RemoteAddress, server.RemotePort));

            // Bytes sent before the accept are there too; each side reads what the other sent, in order.
            byte[] request = System.Text.Encoding.ASCII.GetBytes("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n");
            Assert.Equal(StreamStatus.Ok, client.Send(request, 0, request.Length, out int sent));
            Assert.Equal(request.Length, sent);
            Assert.True(server.Poll(0));
            Assert.False(client.Poll(0));
            var buffer = new byte[100];
            Assert.Equal(StreamStatus.Ok, server.Receive(buffer, 3, 10, out int n));
            Assert.Equal(10, n);
            Assert.Equal(StreamStatus.Ok, server.Receive(buffer, 13, 87, out n));
            Assert.Equal(request.Length - 10, n);
            Assert.Equal(request, buffer[3..(3 + request.Length)]);
            Assert.Equal(StreamStatus.WouldBlock, server.Receive(buffer, 0, 100, out n));
            Assert.Equal(0, n);
            Assert.False(server.Poll(0));

            Assert.Equal(StreamStatus.Ok, server.Send(buffer, 3, request.Length, out _));
            Assert.Equal(StreamStatus.Ok, client.Receive(buffer, 0, 100, out n));
            Assert.Equal(request, buffer[..n]);

            // A second client gets the next ephemeral port.
            IStreamSocket second = b.CreateTcpSocket();
            Assert.Equal(StreamStatus.Ok, second.Connect(A, 554, 0));
            Assert.Equal(VirtualNetwork.FirstEphemeralPort + 1, second.LocalPort);
        }

        [Fact]
        public void Refused_NoListener_OtherAddress_FullBacklog_ClosedListener()
        {
            var (net, a, b) = TwoHosts();
            IStreamSocket client = b.CreateTcpSocket();
            Assert.Equal(StreamStatus.ConnectionRefused, client.Connect(A, 554, 1_000_000));
            Assert.False(client.IsConnected);
            Assert.Equal(StreamStatus.NotConnected, client.Send(new byte[1], 0, 1, out _));
            Assert.Equal(StreamStatus.NotConnected, client.Receive(new byte[1], 0, 1, out _));
            Assert.False(client.Poll(0));

            IStreamListener listener = a.CreateTcpListener();
            Assert.Equal(StreamStatus.Ok, listener.Listen(A, 554, 1));
            Assert.Equal(StreamStatus.ConnectionRefused, client.Connect(B, 554, 0)); // nobody on B:554
            Assert.Equal(StreamStatus.ConnectionRefused, client.Connect(IPv4.FromOctets(10, 9, 9, 9), 554, 0)); // no such host

            Assert.Equal(StreamStatus.Ok, client.Connect(A, 554, 0)); // the same socket may try again
            Assert.Equal(StreamStatus.NetworkError, client.Connect(A, 554, 0)); // EISCONN
            IStreamSocket overflow = b.CreateTcpSocket();
            Assert.Equal(StreamStatus.ConnectionRefused, overflow.Connect(A, 554, 0)); // backlog 1 is taken
            Assert.Equal(StreamStatus.Ok, listener.Accept(out _));
            Assert.Equal(StreamStatus.Ok, overflow.Connect(A, 554, 0));

            // Closing the listener resets what still waits; later connects are refused.
            listener.Close();
            listener.Close();
            Assert.Equal(StreamStatus.NetworkError, overflow.Receive(new byte[1], 0, 1, out _));
            Assert.False(overflow.IsConnected);
            Assert.Equal(StreamStatus.ConnectionRefused, b.CreateTcpSocket().Connect(A, 554, 0));
            Assert.Equal(StreamStatus.Closed, listener.Accept(out _));
            Assert.Equal(StreamStatus.Closed, listener.Listen(A, 554, 1));
            Assert.Equal(0, listener.LocalPort);

            client.Close();
            Assert.Equal(StreamStatus.Closed, client.Connect(A, 554, 0));
            _ = net;
        }

        [Fact]
        public void Listen_AnyOrOwnAddress_PortInUse_EphemeralPorts()
        {
            var (_, a, b) = TwoHosts();
            IStreamListener first = a.CreateTcpListener();
            Assert.Equal(StreamStatus.Ok, first.Listen(A, 8554, 4));
            Assert.Equal(StreamStatus.NetworkError, first.Listen(A, 8555, 4)); // already listening
            Assert.Equal(StreamStatus.AddressInUse, a.CreateTcpListener().Listen(IPv4.Any, 8554, 4));
            Assert.Equal(StreamStatus.NetworkError, a.CreateTcpListener().Listen(B, 8555, 4)); // not this host's address
            Assert.Equal(StreamStatus.Ok, b.CreateTcpListener().Listen(IPv4.Any, 8554, 4)); // same port, other host

            // UDP and TCP are separate port spaces.
            IDatagramSocket udp = a.CreateUdpSocket();
            Assert.Equal(DatagramStatus.Ok, udp.Bind(IPv4.Any, 8554));

            IStreamListener chosen = a.CreateTcpListener();
            Assert.Equal(StreamStatus.Ok, chosen.Listen(IPv4.Any, 0, 1));
            Assert.Equal(VirtualNetwork.FirstEphemeralPort, chosen.LocalPort);
            IStreamSocket client = a.CreateTcpSocket(); // a connection to itself takes the next ephemeral port
            Assert.Equal(StreamStatus.Ok, client.Connect(A, chosen.LocalPort, 0));
            Assert.Equal(VirtualNetwork.FirstEphemeralPort + 1, client.LocalPort);

            // Closing frees the ports.
            first.Close();
            Assert.Equal(StreamStatus.Ok, a.CreateTcpListener().Listen(IPv4.Any, 8554, 4));
            client.Close();
            Assert.Equal(StreamStatus.Ok, a.CreateTcpListener().Listen(IPv4.Any, VirtualNetwork.FirstEphemeralPort + 1, 1));
        }

        [Fact]
        public void BoundedBuffer_SendTakesWhatFits_ThenWouldBlock_AndWrapsInOrder()
        {
            var (_, a, b) = TwoHosts(bufferBytes: 1000);
            var (_, client, server) = Connected(a, b);
            var data = new byte[5000];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 13 + (i >> 8));

            Assert.Equal(StreamStatus.Ok, client.Send(data, 0, 600, out int sent));
            Assert.Equal(600, sent);
            Assert.Equal(StreamStatus.Ok, client.Send(data, 600, 600, out sent));
            Assert.Equal(400, sent); // partial: only 400 bytes of room
            Assert.Equal(StreamStatus.WouldBlock, client.Send(data, 1000, 600, out sent));
            Assert.Equal(0, sent);
            Assert.True(client.IsConnected);
            Assert.Equal(1000, ((VirtualStreamSocket)server).Pending);

            // Drain and refill around the end of the ring many times: every byte arrives once and in order.
            var got = new byte[5000];
            int written = 1000, read = 0;
            while (read < data.Length)
            {
                Assert.Equal(StreamStatus.Ok, server.Receive(got, read, Math.Min(333, data.Length - read), out int n));
                read += n;
                if (written < data.Length)
                {
                    Assert.Equal(StreamStatus.Ok, client.Send(data, written, Math.Min(700, data.Length - written), out sent));
                    written += sent;
                }
            }
            Assert.Equal(data, got);
            Assert.Equal(StreamStatus.WouldBlock, server.Receive(got, 0, 10, out _));
        }

        [Fact]
        public void OrderlyClose_PeerReadsTheDataThenClosed()
        {
            var (_, a, b) = TwoHosts();
            var (_, client, server) = Connected(a, b);
            var buffer = new byte[16];
            Assert.Equal(StreamStatus.Ok, server.Send(new byte[] { 1, 2, 3, 4, 5 }, 0, 5, out _));
            server.Close();
            server.Close(); // harmless twice
            Assert.False(server.IsConnected);
            Assert.Equal((0u, 0, 0u, 0), (server.LocalAddress, server.LocalPort, server.RemoteAddress, server.RemotePort));
            Assert.Equal(StreamStatus.Closed, server.Send(buffer, 0, 1, out _));
            Assert.Equal(StreamStatus.Closed, server.Receive(buffer, 0, 1, out _));
            Assert.False(server.Poll(0));

            Assert.True(client.IsConnected); // the FIN has not been read yet
            Assert.True(client.Poll(0));
            Assert.Equal(StreamStatus.Ok, client.Receive(buffer, 0, 3, out int n));
            Assert.Equal(3, n);
            Assert.Equal(StreamStatus.Ok, client.Receive(buffer, 3, 13, out n));
            Assert.Equal(2, n);
            Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, buffer[..5]);
            Assert.True(client.Poll(0));
            Assert.Equal(StreamStatus.Closed, client.Receive(buffer, 0, 16, out n));
            Assert.Equal(0, n);
            Assert.False(client.IsConnected);
            Assert.Equal(StreamStatus.Closed, client.Receive(buffer, 0, 16, out _));
            Assert.Equal(StreamStatus.Closed, client.Send(buffer, 0, 1, out _));
        }

        [Fact]
        public void SendAfterPeerClosed_Closed()
        {
            var (_, a, b) = TwoHosts();
            var (_, client, server) = Connected(a, b);
            server.Close();
            Assert.Equal(StreamStatus.Closed, client.Send(new byte[4], 0, 4, out int sent));
            Assert.Equal(0, sent);
            Assert.False(client.IsConnected);
        }

        [Fact]
        public void CloseWithUnreadBytes_ResetsThePeer()
        {
            var (_, a, b) = TwoHosts();
            var (_, client, server) = Connected(a, b);
            Assert.Equal(StreamStatus.Ok, client.Send(new byte[10], 0, 10, out _));
            Assert.Equal(StreamStatus.Ok, server.Send(new byte[3], 0, 3, out _));
            server.Close(); // 10 bytes unread: RST, and the 3 bytes in flight to the client are lost with it
            Assert.True(client.Poll(0));
            Assert.Equal(StreamStatus.NetworkError, client.Receive(new byte[8], 0, 8, out int n));
            Assert.Equal(0, n);
            Assert.False(client.IsConnected);
            Assert.Equal(StreamStatus.NetworkError, client.Send(new byte[1], 0, 1, out _));
        }

        [Fact]
        public void SameTrafficSameOutcome()
        {
            Assert.Equal(Run(), Run());

            static string Run()
            {
                var (_, a, b) = TwoHosts(bufferBytes: 100);
                var (_, client, server) = Connected(a, b);
                var log = new System.Text.StringBuilder();
                var buffer = new byte[64];
                for (int i = 0; i < 20; i++)
                {
                    StreamStatus s = client.Send(buffer, 0, 37, out int sent);
                    StreamStatus r = i % 3 == 0 ? server.Receive(buffer, 0, 50, out int n) : StreamStatus.WouldBlock;
                    log.Append(s).Append(sent).Append(r).Append(',');
                }
                return log.ToString() + client.LocalPort;
            }
        }

        [Fact]
        public void SendReceivePollAccept_AllocateNothing()
        {
            var (_, a, b) = TwoHosts(bufferBytes: 1000);
            var (listener, client, server) = Connected(a, b);
            var message = new byte[300];
            var buffer = new byte[512];
            for (int round = 0; round < 20; round++) Exchange(listener, client, server, message, buffer);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int round = 0; round < 500; round++) Exchange(listener, client, server, message, buffer);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        private static void Exchange(IStreamListener listener, IStreamSocket client, IStreamSocket server, byte[] message, byte[] buffer)
        {
            int total = 0;
            while (client.Send(message, 0, message.Length, out int sent) == StreamStatus.Ok) total += sent;
            while (server.Poll(0))
            {
                if (server.Receive(buffer, 0, buffer.Length, out int n) != StreamStatus.Ok) throw new Exception("receive");
                total -= n;
            }
            if (total != 0 || listener.Poll(0) || listener.Accept(out _) != StreamStatus.WouldBlock) throw new Exception("state");
        }

        [Fact]
        public void CallerBugs_Throw_AndChangeNothing()
        {
            var (_, a, b) = TwoHosts();
            var (_, client, server) = Connected(a, b);
            var buffer = new byte[8];
            Assert.Throws<ArgumentNullException>(() => client.Send(null!, 0, 0, out _));
            Assert.Throws<ArgumentNullException>(() => client.Receive(null!, 0, 1, out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => client.Send(buffer, 4, 5, out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => client.Send(buffer, -1, 1, out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => client.Receive(buffer, 0, 0, out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => client.Receive(buffer, 8, 1, out _));
            Assert.Throws<ArgumentOutOfRangeException>(() => b.CreateTcpSocket().Connect(A, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => b.CreateTcpSocket().Connect(A, 65536, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => a.CreateTcpListener().Listen(IPv4.Any, -1, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => a.CreateTcpListener().Listen(IPv4.Any, 1, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new VirtualNetwork(new VirtualScheduler(), 1).StreamBufferBytes = 0);
            Assert.Equal(StreamStatus.Ok, client.Send(buffer, 0, 0, out int sent));
            Assert.Equal(0, sent);
            Assert.False(server.Poll(0));
            Assert.True(client.IsConnected);
        }
    }
}
