using NanoMikey.Hardware.Host;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Net.Tests
{
    /// <summary>The host twin of the device socket over real UDP on 127.0.0.1.</summary>
    public class HostDatagramSocketTests
    {
        private const int Second = 1000000;

        [Fact]
        public void Loopback_SendPollReceive_WithSenderAddressAndPort()
        {
            using var a = new HostDatagramSocket();
            using var b = new HostDatagramSocket();
            Assert.Equal(DatagramStatus.Ok, a.Bind(IPv4.Loopback, 0));
            Assert.Equal(DatagramStatus.Ok, b.Bind(IPv4.Loopback, 0));
            Assert.NotEqual(0, a.LocalPort);

            byte[] message = new byte[64];
            for (int i = 0; i < message.Length; i++) message[i] = (byte)(i * 7);
            Assert.Equal(DatagramStatus.Ok, a.SendTo(message, 10, 40, IPv4.FromOctets(127, 0, 0, 1), b.LocalPort));
            Assert.True(b.Poll(Second));

            var buffer = new byte[100];
            Assert.Equal(DatagramStatus.Ok, b.ReceiveFrom(buffer, 5, 95, out int n, out uint from, out int port));
            Assert.Equal(40, n);
            Assert.Equal(message[10..50], buffer[5..45]);
            Assert.Equal(IPv4.Loopback, from);
            Assert.Equal(a.LocalPort, port);
        }

        [Fact]
        public void NothingWaiting_WouldBlock_AndPollTimesOut()
        {
            using var s = new HostDatagramSocket();
            var buffer = new byte[16];
            Assert.Equal(DatagramStatus.NotBound, s.ReceiveFrom(buffer, 0, 16, out _, out _, out _));
            Assert.Equal(DatagramStatus.Ok, s.Bind(IPv4.Loopback, 0));
            Assert.False(s.Poll(0));
            Assert.False(s.Poll(1000));
            Assert.Equal(DatagramStatus.WouldBlock, s.ReceiveFrom(buffer, 0, 16, out int n, out _, out _));
            Assert.Equal(0, n);
        }

        [Fact]
        public void LongDatagram_IsTruncated_NotAnException()
        {
            using var a = new HostDatagramSocket();
            using var b = new HostDatagramSocket();
            a.Bind(IPv4.Loopback, 0);
            b.Bind(IPv4.Loopback, 0);
            var message = new byte[100];
            message[0] = 1;
            message[39] = 2;
            a.SendTo(message, 0, 100, IPv4.Loopback, b.LocalPort);
            Assert.True(b.Poll(Second));
            var buffer = new byte[40];
            Assert.Equal(DatagramStatus.Truncated, b.ReceiveFrom(buffer, 0, 40, out int n, out _, out int port));
            Assert.Equal(40, n);
            Assert.Equal(message[..40], buffer);
            Assert.Equal(a.LocalPort, port);
        }

        [Fact]
        public void PortInUse_Closed_AndCallerBugs()
        {
            using var a = new HostDatagramSocket();
            using var b = new HostDatagramSocket();
            Assert.Equal(DatagramStatus.Ok, a.Bind(IPv4.Loopback, 0));
            Assert.Equal(DatagramStatus.AddressInUse, b.Bind(IPv4.Loopback, a.LocalPort));
            a.Close();
            a.Close();
            var buffer = new byte[8];
            Assert.Equal(DatagramStatus.Closed, a.SendTo(buffer, 0, 8, IPv4.Loopback, 9));
            Assert.Equal(DatagramStatus.Closed, a.ReceiveFrom(buffer, 0, 8, out _, out _, out _));
            Assert.False(a.Poll(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => b.SendTo(buffer, 4, 8, IPv4.Loopback, 9));
            Assert.Throws<ArgumentOutOfRangeException>(() => b.SendTo(buffer, 0, 8, IPv4.Loopback, 70000));
        }

        [Fact]
        public void SteadyStateTraffic_AllocatesNothing()
        {
            using var a = new HostDatagramSocket();
            using var b = new HostDatagramSocket();
            a.Bind(IPv4.Loopback, 0);
            b.Bind(IPv4.Loopback, 0);
            var packet = new byte[172];
            var buffer = new byte[1500];
            int port = b.LocalPort;
            int failures = 0;
            // No Assert inside the measured loop: xunit's generic Assert.Equal allocates.
            void RoundTrip()
            {
                if (a.SendTo(packet, 0, packet.Length, IPv4.Loopback, port) != DatagramStatus.Ok) failures++;
                if (!b.Poll(Second)) failures++;
                if (b.ReceiveFrom(buffer, 0, buffer.Length, out int n, out _, out _) != DatagramStatus.Ok || n != packet.Length) failures++;
            }

            for (int i = 0; i < 10; i++) RoundTrip();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++) RoundTrip();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, failures);
            Assert.Equal(0, allocated);
        }
    }
}
