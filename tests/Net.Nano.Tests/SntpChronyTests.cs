using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sntp;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Net.Tests
{
    /// <summary>The device clock against chronyd (issue 11, "Real peers": SNTP against chrony).</summary>
    public class SntpChronyTests : IClassFixture<SntpChronyFixture>
    {
        private const long Second = 1000000;
        private const long Ms = 1000;
        private static readonly byte[] Psk = TestData.Hex("404142434445464748494a4b4c4d4e4f50515253");
        private static readonly byte[] Alice = System.Text.Encoding.ASCII.GetBytes("sip:door@example.com");
        private static readonly byte[] Bob = System.Text.Encoding.ASCII.GetBytes("sip:indoor@example.com");
        private readonly SntpChronyFixture _chrony;

        public SntpChronyTests(SntpChronyFixture chrony)
        {
            _chrony = chrony;
        }

        private (SntpClient Client, SntpClock Clock, SntpRealtimePlatform Platform, HostDatagramSocket Socket) Device(long rtcErrorMicros)
        {
            var platform = new SntpRealtimePlatform(rtcErrorMicros);
            var socket = new HostDatagramSocket();
            Assert.Equal(DatagramStatus.Ok, socket.Bind(IPv4.Loopback, 0));
            var clock = new SntpClock(platform);
            var client = new SntpClient(socket, platform, clock, (uint)Environment.TickCount);
            client.BurstSize = SntpClient.MaxBurstSize; // the smallest of 8 delays, even on a loaded machine
            client.BurstSpacingMicroseconds = 50 * Ms; // a short burst: chronyd without "ratelimit" answers every request
            client.RequestTimeoutMicroseconds = 500 * Ms;
            Assert.True(client.AddServer(IPv4.Loopback, _chrony.Port));
            return (client, clock, platform, socket);
        }

        [Theory]
        [InlineData(600_000_000L)] // 10 minutes fast
        [InlineData(-600_000_000L)] // 10 minutes slow
        [InlineData(7_313L)]
        [InlineData(-2_500_123L)]
        [InlineData(0L)]
        public void DeviceMeasuresTheRtcErrorInjected_Within5Ms(long rtcErrorMicros)
        {
            var (client, clock, platform, socket) = Device(rtcErrorMicros);
            using (socket)
            {
                SntpUdpTests.Drive(client, clock, platform, socket, null, 1);
                Assert.True(clock.SyncCount == 1, "no sync with chronyd: " + client.LastAnswerStatus + ", timeouts " + client.Timeouts);
                Assert.Equal(8, client.SamplesAccepted);
                Assert.Equal(0, client.SamplesRejected);
                Assert.True(clock.IsSynchronised);
                Assert.NotEqual(MikeyClockQuality.Unsynchronised, clock.OffsetBoundSeconds);
                // The error the device learnt (RTC minus its synchronised clock) is the one injected, within 5 ms.
                long learnt = -clock.CorrectionMicroseconds;
                Assert.InRange(learnt, rtcErrorMicros - 5 * Ms, rtcErrorMicros + 5 * Ms);
                Assert.InRange(clock.LastDelayMicroseconds, 0, 5 * Ms);
                // And its clock now reads the host's (chronyd's) time.
                long vsHost = NtpInterval.ToMicroseconds(NtpInterval.Difference(clock.NtpNow, NtpTimestamp.FromUtcTicks(DateTime.UtcNow.Ticks)));
                Assert.InRange(vsHost, -5 * Ms, 5 * Ms);
            }
        }

        [Fact]
        public void DeviceTenMinutesOff_RefusesMikeyUntilItSyncsWithChrony_ThenKeys()
        {
            var (client, clock, platform, socket) = Device(600 * Second);
            using (socket)
            {
                var hostClock = new SntpHostMikeyClock();
                var responder = new PskResponder(new HostAesEngineFactory(), clock, new ReplayCache(16, clock, new FreshnessPolicy()));
                responder.SetPreSharedKey(Psk, 0, Psk.Length);
                byte[] offer = new byte[512], answer = new byte[512];

                // Unsynchronised: the responder answers with a MIKEY error message, Invalid TS (RFC 3830 §5.3, §6.12).
                var first = Initiator(hostClock, 1);
                Assert.Equal(MikeyExchangeStatus.Ok, first.WriteOffer(offer, 0, offer.Length));
                Assert.Equal(MikeyExchangeStatus.OutsideSkew, responder.Respond(offer, 0, first.OfferLength, answer, 0, answer.Length));
                Assert.True(responder.AnswerLength > 0);
                Assert.Equal(MikeyExchangeStatus.ErrorReceived, first.ReadAnswer(answer, 0, responder.AnswerLength));
                Assert.Equal(ErrorCode.InvalidTs, first.ReceivedError);
                Assert.False(first.IsComplete);

                // Even a generous window for an unsynchronised clock (§9.3: 5 minutes) cannot cover 10 minutes off.
                var lenient = new PskResponder(new HostAesEngineFactory(), clock,
                    new ReplayCache(16, clock, new FreshnessPolicy { UnsynchronisedSkewSeconds = 300 }));
                lenient.SetPreSharedKey(Psk, 0, Psk.Length);
                Assert.Equal(MikeyExchangeStatus.OutsideSkew, lenient.Respond(offer, 0, first.OfferLength, answer, 0, answer.Length));

                // Sync with chronyd; the same device now keys.
                SntpUdpTests.Drive(client, clock, platform, socket, null, 1);
                Assert.Equal(1, clock.SyncCount);
                Assert.InRange(-clock.CorrectionMicroseconds, 600 * Second - 5 * Ms, 600 * Second + 5 * Ms);
                var second = Initiator(hostClock, 2);
                Assert.Equal(MikeyExchangeStatus.Ok, second.WriteOffer(offer, 0, offer.Length));
                Assert.Equal(MikeyExchangeStatus.Ok, responder.Respond(offer, 0, second.OfferLength, answer, 0, answer.Length));
                Assert.Equal(MikeyExchangeStatus.Ok, second.ReadAnswer(answer, 0, responder.AnswerLength));
                Assert.True(second.IsComplete);
                var a = second.Bundle.Get(0).GetMasterKey(0);
                var b = responder.Bundle.Get(0).GetMasterKey(0);
                Assert.Equal(a.Key.AsSpan(0, a.KeyLength).ToArray(), b.Key.AsSpan(0, b.KeyLength).ToArray());
            }
        }

        private static PskInitiator Initiator(IMikeyClock clock, int seed)
        {
            var entropy = new byte[32];
            new Random(seed).NextBytes(entropy);
            var i = new PskInitiator(new HostAesEngineFactory(), new HmacDrbg(entropy, new byte[16], null, 1 << 16), clock);
            i.SetPreSharedKey(Psk, 0, Psk.Length);
            i.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
            i.RequestVerification = true;
            i.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            return i;
        }
    }
}
