using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NanoMikey.Hardware.Host;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>The host twin of the device's TCP socket and listener over real TCP on 127.0.0.1 (ports chosen by the OS).</summary>
    public class HostStreamSocketTests
    {
        private const int Second = 1_000_000;

        /// <summary>A listener on 127.0.0.1, a client connected to it and the accepted end.</summary>
        private static (HostStreamListener Listener, HostStreamSocket Client, IStreamSocket Server) Pair()
        {
            var listener = new HostStreamListener();
            Assert.Equal(StreamStatus.Ok, listener.Listen(IPv4.Loopback, 0, 4));
            var client = new HostStreamSocket();
            Assert.Equal(StreamStatus.Ok, client.Connect(IPv4.Loopback, listener.LocalPort, 2 * Second));
            Assert.True(listener.Poll(2 * Second), "no connection waiting within 2 s");
            Assert.Equal(StreamStatus.Ok, listener.Accept(out IStreamSocket? server));
            return (listener, client, server!);
        }

        private static int ReceiveAll(IStreamSocket s, byte[] buffer, int want)
        {
            int total = 0;
            while (total < want)
            {
                Assert.True(s.Poll(2 * Second), "bytes stopped arriving");
                StreamStatus st = s.Receive(buffer, total, buffer.Length - total, out int n);
                Assert.Equal(StreamStatus.Ok, st);
                Assert.True(n > 0);
                total += n;
            }
            return total;
        }

        [Fact]
        public void ConnectAcceptEcho_WithAddressesAndPorts()
        {
            var (listener, client, server) = Pair();
            try
            {
                Assert.NotEqual(0, listener.LocalPort);
                Assert.True(client.IsConnected);
                Assert.True(server.IsConnected);
                Assert.Equal(IPv4.Loopback, client.RemoteAddress);
                Assert.Equal(listener.LocalPort, client.RemotePort);
                Assert.Equal(IPv4.Loopback, client.LocalAddress);
                Assert.Equal(IPv4.Loopback, server.RemoteAddress);
                Assert.Equal(client.LocalPort, server.RemotePort);
                Assert.Equal(listener.LocalPort, server.LocalPort);

                byte[] request = System.Text.Encoding.ASCII.GetBytes("xxOPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\nyy");
                Assert.Equal(StreamStatus.Ok, client.Send(request, 2, request.Length - 4, out int sent));
                Assert.Equal(request.Length - 4, sent);

                var got = new byte[200];
                Assert.Equal(request.Length - 4, ReceiveAll(server, got, request.Length - 4));
                Assert.Equal(request[2..^2], got[..(request.Length - 4)]);
                Assert.Equal(StreamStatus.Ok, server.Send(got, 0, request.Length - 4, out sent));

                var echo = new byte[200];
                ReceiveAll(client, echo, request.Length - 4);
                Assert.Equal(request[2..^2], echo[..(request.Length - 4)]);

                // Nothing more waiting: WouldBlock, and Poll times out.
                Assert.False(client.Poll(1000));
                Assert.Equal(StreamStatus.WouldBlock, client.Receive(echo, 0, echo.Length, out int n));
                Assert.Equal(0, n);
                Assert.False(listener.Poll(0));
                Assert.Equal(StreamStatus.WouldBlock, listener.Accept(out IStreamSocket? none));
                Assert.Null(none);
            }
            finally
            {
                client.Close();
                server.Close();
                listener.Close();
            }
        }

        [Fact]
        public void FullBuffer_SendTakesPart_ThenWouldBlock_AndEveryByteArrivesInOrder()
        {
            var (listener, client, server) = Pair();
            try
            {
                var chunk = new byte[64 * 1024];
                long total = 0;
                bool partial = false;
                StreamStatus st;
                int rounds = 0;
                // The peer reads nothing: the kernel buffers fill and a send takes what fits, then nothing.
                while (true)
                {
                    for (int i = 0; i < chunk.Length; i++) chunk[i] = (byte)((total + i) * 31 >> 3);
                    st = client.Send(chunk, 0, chunk.Length, out int sent);
                    if (st != StreamStatus.Ok) break;
                    Assert.True(sent > 0);
                    if (sent < chunk.Length) partial = true;
                    total += sent;
                    Assert.True(++rounds < 10_000, "the send buffer never filled");
                }
                Assert.Equal(StreamStatus.WouldBlock, st);
                Assert.True(partial, "no send took fewer bytes than offered");
                Assert.True(client.IsConnected);

                var buffer = new byte[32 * 1024];
                long received = 0;
                while (received < total)
                {
                    Assert.True(server.Poll(2 * Second), "bytes stopped arriving");
                    Assert.Equal(StreamStatus.Ok, server.Receive(buffer, 0, buffer.Length, out int n));
                    for (int i = 0; i < n; i++)
                    {
                        if (buffer[i] != (byte)((received + i) * 31 >> 3)) Assert.Fail("byte " + (received + i) + " differs");
                    }
                    received += n;
                }
                Assert.Equal(total, received);
            }
            finally
            {
                client.Close();
                server.Close();
                listener.Close();
            }
        }

        [Fact]
        public void PeerCloses_DataFirstThenClosed()
        {
            var (listener, client, server) = Pair();
            try
            {
                var data = new byte[] { 1, 2, 3 };
                Assert.Equal(StreamStatus.Ok, server.Send(data, 0, 3, out _));
                server.Close();
                Assert.False(server.IsConnected);
                Assert.Equal(0, server.RemotePort);
                Assert.Equal(StreamStatus.Closed, server.Send(data, 0, 3, out _));
                Assert.Equal(StreamStatus.Closed, server.Receive(data, 0, 3, out _));
                Assert.False(server.Poll(0));
                server.Close(); // harmless twice

                var buffer = new byte[16];
                Assert.Equal(3, ReceiveAll(client, buffer, 3));
                Assert.True(client.Poll(2 * Second));
                Assert.Equal(StreamStatus.Closed, client.Receive(buffer, 0, buffer.Length, out int n));
                Assert.Equal(0, n);
                Assert.False(client.IsConnected);
                Assert.Equal(IPv4.Loopback, client.RemoteAddress); // kept for logging until Close
            }
            finally
            {
                client.Close();
                listener.Close();
            }
        }

        [Fact]
        public void PeerResets_NetworkError()
        {
            var listener = new HostStreamListener();
            var client = new HostStreamSocket();
            var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                Assert.Equal(StreamStatus.Ok, listener.Listen(IPv4.Loopback, 0, 1));
                peer.Connect(new IPEndPoint(IPAddress.Loopback, listener.LocalPort));
                Assert.True(listener.Poll(2 * Second));
                Assert.Equal(StreamStatus.Ok, listener.Accept(out IStreamSocket? server));
                peer.LingerState = new LingerOption(true, 0); // close with RST (RFC 9293 §3.10.4 ABORT)
                peer.Close();
                Assert.True(server!.Poll(2 * Second));
                Assert.Equal(StreamStatus.NetworkError, server.Receive(new byte[8], 0, 8, out int n));
                Assert.Equal(0, n);
                Assert.False(server.IsConnected);
                server.Close();
            }
            finally
            {
                peer.Dispose();
                client.Close();
                listener.Close();
            }
        }

        [Fact]
        public void NobodyListening_ConnectionRefused_AndTheSocketCanTryAgain()
        {
            var probe = new HostStreamListener();
            Assert.Equal(StreamStatus.Ok, probe.Listen(IPv4.Loopback, 0, 1));
            int port = probe.LocalPort;
            probe.Close();
            Assert.Equal(0, probe.LocalPort);

            var client = new HostStreamSocket();
            var buffer = new byte[4];
            try
            {
                Assert.Equal(StreamStatus.NotConnected, client.Send(buffer, 0, 4, out _));
                Assert.Equal(StreamStatus.NotConnected, client.Receive(buffer, 0, 4, out _));
                Assert.False(client.Poll(0));
                Assert.Equal(StreamStatus.ConnectionRefused, client.Connect(IPv4.Loopback, port, 2 * Second));
                Assert.False(client.IsConnected);
                Assert.Equal(StreamStatus.NotConnected, client.Send(buffer, 0, 4, out _));

                var listener = new HostStreamListener();
                try
                {
                    Assert.Equal(StreamStatus.Ok, listener.Listen(IPv4.Loopback, 0, 1));
                    Assert.Equal(StreamStatus.Ok, client.Connect(IPv4.Loopback, listener.LocalPort, 2 * Second));
                    Assert.Equal(StreamStatus.NetworkError, client.Connect(IPv4.Loopback, listener.LocalPort, 2 * Second));
                }
                finally
                {
                    listener.Close();
                }
            }
            finally
            {
                client.Close();
            }
            Assert.Equal(StreamStatus.Closed, client.Connect(IPv4.Loopback, port, Second));
        }

        [Fact]
        public void FullBacklog_ConnectGivesUpAfterTheTimeout()
        {
            // Linux drops SYNs while a listener's accept queue is full: a connect then waits for nothing.
            var listener = new HostStreamListener();
            var clients = new List<HostStreamSocket>();
            try
            {
                Assert.Equal(StreamStatus.Ok, listener.Listen(IPv4.Loopback, 0, 1));
                for (int i = 0; i < 16; i++)
                {
                    var c = new HostStreamSocket();
                    clients.Add(c);
                    var watch = Stopwatch.StartNew();
                    StreamStatus st = c.Connect(IPv4.Loopback, listener.LocalPort, 300_000);
                    watch.Stop();
                    if (st == StreamStatus.Ok) continue;
                    Assert.Equal(StreamStatus.ConnectionRefused, st);
                    Assert.InRange(watch.ElapsedMilliseconds, 250, 2500);
                    Assert.False(c.IsConnected);
                    return;
                }
                Assert.Fail("every connect succeeded: the backlog never filled");
            }
            finally
            {
                foreach (HostStreamSocket c in clients) c.Close();
                listener.Close();
            }
        }

        [Fact]
        public void PortTaken_AddressInUse_ListenTwice_AndClosedListener()
        {
            var a = new HostStreamListener();
            var b = new HostStreamListener();
            var unused = new HostStreamListener();
            try
            {
                Assert.Equal(StreamStatus.NotConnected, unused.Accept(out _));
                Assert.False(unused.Poll(0));
                Assert.Equal(StreamStatus.Ok, a.Listen(IPv4.Loopback, 0, 2));
                Assert.Equal(StreamStatus.AddressInUse, b.Listen(IPv4.Loopback, a.LocalPort, 2));
                Assert.Equal(0, b.LocalPort);
                Assert.Equal(StreamStatus.NetworkError, a.Listen(IPv4.Loopback, 0, 2));
                // An address this host does not have (TEST-NET-1, RFC 5737).
                Assert.Equal(StreamStatus.NetworkError, b.Listen(IPv4.FromOctets(192, 0, 2, 1), 0, 2));
                a.Close();
                a.Close();
                Assert.Equal(StreamStatus.Closed, a.Accept(out IStreamSocket? none));
                Assert.Null(none);
                Assert.Equal(StreamStatus.Closed, a.Listen(IPv4.Loopback, 0, 2));
                Assert.False(a.Poll(0));
            }
            finally
            {
                a.Close();
                b.Close();
                unused.Close();
            }
        }

        [Fact]
        public void SendReceivePoll_AllocateNothing()
        {
            var (listener, client, server) = Pair();
            try
            {
                var message = new byte[300];
                var buffer = new byte[1024];
                for (int round = 0; round < 50; round++) Exchange(client, server, message, buffer); // warm up
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int round = 0; round < 200; round++) Exchange(client, server, message, buffer);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.Equal(0, allocated);
            }
            finally
            {
                client.Close();
                server.Close();
                listener.Close();
            }
        }

        private static void Exchange(IStreamSocket client, IStreamSocket server, byte[] message, byte[] buffer)
        {
            if (client.Send(message, 0, message.Length, out int sent) != StreamStatus.Ok || sent != message.Length) throw new Exception("send");
            int total = 0;
            while (total < message.Length)
            {
                if (!server.Poll(2 * Second)) throw new Exception("poll");
                if (server.Receive(buffer, 0, buffer.Length, out int n) != StreamStatus.Ok) throw new Exception("receive");
                total += n;
            }
            if (server.Receive(buffer, 0, buffer.Length, out _) != StreamStatus.WouldBlock) throw new Exception("would block");
            if (server.Poll(0)) throw new Exception("poll 0");
        }

        [Fact]
        public void CallerBugs_Throw()
        {
            var (listener, client, server) = Pair();
            try
            {
                var buffer = new byte[8];
                Assert.Throws<ArgumentNullException>(() => client.Send(null!, 0, 0, out _));
                Assert.Throws<ArgumentNullException>(() => client.Receive(null!, 0, 1, out _));
                Assert.Throws<ArgumentOutOfRangeException>(() => client.Send(buffer, 4, 5, out _));
                Assert.Throws<ArgumentOutOfRangeException>(() => client.Send(buffer, -1, 1, out _));
                Assert.Throws<ArgumentOutOfRangeException>(() => client.Send(buffer, 0, -1, out _));
                Assert.Throws<ArgumentOutOfRangeException>(() => client.Receive(buffer, 0, 0, out _));
                Assert.Throws<ArgumentOutOfRangeException>(() => client.Receive(buffer, 8, 1, out _));
                Assert.Throws<ArgumentOutOfRangeException>(() => new HostStreamSocket().Connect(IPv4.Loopback, 0, Second));
                Assert.Throws<ArgumentOutOfRangeException>(() => new HostStreamSocket().Connect(IPv4.Loopback, 65536, Second));
                Assert.Throws<ArgumentOutOfRangeException>(() => new HostStreamListener().Listen(IPv4.Loopback, -1, 1));
                Assert.Throws<ArgumentOutOfRangeException>(() => new HostStreamListener().Listen(IPv4.Loopback, 65536, 1));
                Assert.Throws<ArgumentOutOfRangeException>(() => new HostStreamListener().Listen(IPv4.Loopback, 0, 0));
                // The connection is untouched by the rejected calls.
                Assert.Equal(StreamStatus.Ok, client.Send(buffer, 0, 0, out int sent));
                Assert.Equal(0, sent);
                Assert.True(client.IsConnected);
                Assert.Equal(StreamStatus.WouldBlock, client.Receive(buffer, 0, 8, out _));
            }
            finally
            {
                client.Close();
                server.Close();
                listener.Close();
            }
        }
    }
}
