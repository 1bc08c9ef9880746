using NanoMikey.Emulator.Sntp;
using NanoMikey.Hardware.Host;
using NanoMikey.Net.Sntp;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Net.Tests
{
    /// <summary>Client and the emulator's embedded server over real UDP on 127.0.0.1.</summary>
    public class SntpUdpTests
    {
        private const long Second = 1000000;
        private const long Ms = 1000;

        /// <summary>Drives client and server until the client has synchronised <paramref name="syncs"/> times (or 10 s pass).</summary>
        internal static void Drive(SntpClient client, SntpClock clock, SntpRealtimePlatform platform, IDatagramSocket clientSocket, Action? serverRun, int syncs)
        {
            long end = platform.MonotonicMicroseconds + 10 * Second;
            while (clock.SyncCount < syncs && client.State != SntpClientState.NoUsableServer && platform.MonotonicMicroseconds < end)
            {
                serverRun?.Invoke();
                client.Run(platform.MonotonicMicroseconds);
                clientSocket.Poll(1000);
            }
        }

        private static SntpClient Client(HostDatagramSocket socket, SntpRealtimePlatform platform, SntpClock clock, int serverPort)
        {
            Assert.Equal(DatagramStatus.Ok, socket.Bind(IPv4.Loopback, 0));
            var c = new SntpClient(socket, platform, clock, (uint)Environment.TickCount);
            c.BurstSize = SntpClient.MaxBurstSize; // the smallest of 8 delays, even on a loaded machine
            c.BurstSpacingMicroseconds = 20 * Ms;
            c.RequestTimeoutMicroseconds = 500 * Ms;
            Assert.True(c.AddServer(IPv4.Loopback, serverPort));
            return c;
        }

        [Theory]
        [InlineData(600_000_000L)]
        [InlineData(-3_217L)]
        [InlineData(1_500_371L)]
        public void DeviceWithOffsetRtc_LearnsItsErrorFromTheEmbeddedServer(long rtcErrorMicros)
        {
            var platform = new SntpRealtimePlatform(rtcErrorMicros);
            using var serverSocket = new HostDatagramSocket();
            Assert.Equal(DatagramStatus.Ok, serverSocket.Bind(IPv4.Loopback, 0));
            var server = new SntpServer(serverSocket, () => platform.TrueNtp) { Stratum = 3 };
            using var socket = new HostDatagramSocket();
            var clock = new SntpClock(platform);
            var client = Client(socket, platform, clock, serverSocket.LocalPort);

            Drive(client, clock, platform, socket, () => server.Run(platform.MonotonicMicroseconds), 1);

            Assert.Equal(1, clock.SyncCount);
            Assert.Equal(8, client.SamplesAccepted);
            Assert.Equal(8, server.AnswersSent);
            Assert.True(clock.IsSynchronised);
            // Both sides share the tick, so the only error is the path's asymmetry: at most δ/2 (RFC 4330 §5), plus rounding.
            long slack = clock.LastDelayMicroseconds / 2 + 2;
            Assert.InRange(clock.CorrectionMicroseconds, -rtcErrorMicros - slack, -rtcErrorMicros + slack);
            Assert.InRange(clock.LastDelayMicroseconds, 0, 5 * Ms);
        }

        [Fact]
        public void EmbeddedServerInKissMode_DeniesTheClient_WhichStopsAsking()
        {
            var platform = new SntpRealtimePlatform(0);
            using var serverSocket = new HostDatagramSocket();
            Assert.Equal(DatagramStatus.Ok, serverSocket.Bind(IPv4.Loopback, 0));
            var server = new SntpServer(serverSocket, () => platform.TrueNtp) { KissCode = SntpKissCode.Deny };
            using var socket = new HostDatagramSocket();
            var clock = new SntpClock(platform);
            var client = Client(socket, platform, clock, serverSocket.LocalPort);

            Drive(client, clock, platform, socket, () => server.Run(platform.MonotonicMicroseconds), 1);

            Assert.Equal(SntpClientState.NoUsableServer, client.State);
            Assert.Equal(SntpKissCode.Deny, client.LastKissCode);
            Assert.Equal(1, server.RequestsReceived);
            Assert.Equal(0, clock.SyncCount);
        }

        [Fact]
        public void SilentServer_TimesOut_AndTheClientBacksOff()
        {
            var platform = new SntpRealtimePlatform(0);
            using var serverSocket = new HostDatagramSocket();
            Assert.Equal(DatagramStatus.Ok, serverSocket.Bind(IPv4.Loopback, 0));
            var server = new SntpServer(serverSocket, () => platform.TrueNtp) { Silent = true };
            using var socket = new HostDatagramSocket();
            var clock = new SntpClock(platform);
            var client = Client(socket, platform, clock, serverSocket.LocalPort);
            client.BurstSize = 2;
            client.RequestTimeoutMicroseconds = 50 * Ms;

            long end = platform.MonotonicMicroseconds + 5 * Second;
            while (client.ConsecutiveFailures == 0 && platform.MonotonicMicroseconds < end)
            {
                server.Run(0);
                client.Run(platform.MonotonicMicroseconds);
                socket.Poll(1000);
            }

            Assert.Equal(1, client.ConsecutiveFailures);
            Assert.Equal(2, client.Timeouts);
            Assert.Equal(2, server.RequestsReceived);
            Assert.Equal(30, client.PollIntervalSeconds);
        }
    }
}
