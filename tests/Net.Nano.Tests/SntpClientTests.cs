using NanoMikey.Mikey.Time;
using NanoMikey.Net.Sntp;
using NanoMikey.Net.Sockets;
using NanoMikey.Net.Time;

namespace NanoMikey.Net.Tests
{
    /// <summary>The RFC 4330 client against a scripted server on an in-memory socket (deterministic tick).</summary>
    public class SntpClientTests
    {
        private const long Second = 1000000;
        private const long Ms = 1000;
        private static readonly uint Server = SntpScriptedServer.Address;
        private static readonly uint Server2 = IPv4.FromOctets(10, 0, 0, 2);

        private sealed class Rig
        {
            public readonly SntpManualPlatform Platform = new SntpManualPlatform();
            public readonly SntpFakeSocket Socket = new SntpFakeSocket();
            public readonly SntpClock Clock;
            public readonly SntpClient Client;
            public readonly SntpScriptedServer Peer;

            public Rig(long rtcErrorMicros, int burst = 4, bool twoServers = false)
            {
                Platform.RtcErrorMicros = rtcErrorMicros;
                Clock = new SntpClock(Platform);
                Client = new SntpClient(Socket, Platform, Clock, 12345);
                Client.BurstSize = burst;
                Client.AddServer(Server, SntpScriptedServer.Port);
                if (twoServers) Client.AddServer(Server2, SntpScriptedServer.Port);
                Peer = new SntpScriptedServer(Socket, Platform);
            }

            /// <summary>Runs the client at its due time (advancing the tick to it) and returns whether it sent a request.</summary>
            public bool RunDue()
            {
                int before = Socket.SendCount;
                long due = Client.NextDueMicros;
                if (due > Platform.Mono) Platform.Mono = due;
                Client.Run(Platform.Mono);
                return Socket.SendCount > before;
            }

            public void RunNow() => Client.Run(Platform.Mono);

            /// <summary>One whole burst, every request answered well.</summary>
            public void GoodBurst()
            {
                for (int i = 0; i < Client.BurstSize; i++)
                {
                    Assert.True(RunDue());
                    Peer.AnswerGood();
                    RunNow();
                }
            }
        }

        [Fact]
        public void OffsetAndDelay_FollowRfc4330Section5()
        {
            // Server 10 s ahead, 20 ms on the network, 1 ms in the server: T1 1000.000, T2 1010.010, T3 1010.011, T4 1000.021.
            ulong t1 = 1000ul << 32, t2 = Ntp(1010, 10), t3 = Ntp(1010, 11), t4 = Ntp(1000, 21);
            Assert.Equal(10 * Second, SntpClient.OffsetMicroseconds(t1, t2, t3, t4));
            Assert.Equal(20 * Ms, SntpClient.DelayMicroseconds(t1, t2, t3, t4));
            // Server behind, asymmetric path: T2 − T1 = −4.990 s, T3 − T4 = −5.030 s.
            t2 = Ntp(995, 10); t3 = Ntp(995, 11); t4 = Ntp(1000, 41);
            Assert.Equal(-5010 * Ms, SntpClient.OffsetMicroseconds(t1, t2, t3, t4));
            Assert.Equal(40 * Ms, SntpClient.DelayMicroseconds(t1, t2, t3, t4));
        }

        [Fact]
        public void Request_IsMode3Version4_ToTheServer_WithRightSecondsAndRandomFraction()
        {
            var rig = new Rig(0);
            Assert.True(rig.RunDue());
            var q = new SntpPacket();
            Assert.True(q.Read(rig.Socket.Sent, 0, rig.Socket.SentLength));
            Assert.Equal(48, rig.Socket.SentLength);
            Assert.Equal(SntpPacket.ModeClient, q.Mode);
            Assert.Equal(4, q.Version);
            Assert.Equal(Server, rig.Socket.SentAddress);
            Assert.Equal(123, rig.Socket.SentPort);
            Assert.Equal(rig.Clock.NtpNow >> 32, q.TransmitTimestamp >> 32);
            Assert.Equal(SntpClientState.AwaitingAnswer, rig.Client.State);
            Assert.Equal(rig.Platform.Mono + rig.Client.RequestTimeoutMicroseconds, rig.Client.NextDueMicros);
            Assert.NotEqual(0, rig.Socket.LocalPort); // bound by the client at its first request
            // Two requests at the same tick still differ in their fraction bits.
            ulong first = q.TransmitTimestamp;
            rig.Peer.AnswerGood();
            rig.RunNow();
            rig.RunDue();
            q.Read(rig.Socket.Sent, 0, 48);
            Assert.NotEqual(first & 0xFFFFFFFF, q.TransmitTimestamp & 0xFFFFFFFF);
        }

        [Fact]
        public void TransmitFraction_ComesFromTheSeed_NotFromTheClock()
        {
            // Two devices reading the same clock at the same tick: their requests differ only in the random bits, and
            // neither carries the clock's own fraction (which an off-path forger could predict).
            var platform = new SntpManualPlatform();
            var clock = new SntpClock(platform);
            ulong[] sent = new ulong[3];
            for (uint seed = 1; seed <= 3; seed++)
            {
                var socket = new SntpFakeSocket();
                var client = new SntpClient(socket, platform, clock, seed);
                client.AddServer(Server, 123);
                client.Run(platform.Mono);
                var q = new SntpPacket();
                Assert.True(q.Read(socket.Sent, 0, socket.SentLength));
                sent[seed - 1] = q.TransmitTimestamp;
                Assert.Equal(clock.NtpNow >> 32, q.TransmitTimestamp >> 32);
                Assert.NotEqual(clock.NtpNow & 0xFFFFFFFF, q.TransmitTimestamp & 0xFFFFFFFF);
            }

            Assert.NotEqual(sent[0], sent[1]);
            Assert.NotEqual(sent[1], sent[2]);
            Assert.NotEqual(sent[0], sent[2]);
        }

        [Fact]
        public void GoodBurst_SynchronisesTheClockToTheServer_AndSetsTheSynchronisedPoll()
        {
            var rig = new Rig(600 * Second + 3217);
            Assert.Equal(MikeyClockQuality.Unsynchronised, rig.Clock.OffsetBoundSeconds);
            Assert.Equal(15, rig.Client.PollIntervalSeconds);
            rig.GoodBurst();
            Assert.Equal(4, rig.Client.SamplesAccepted);
            Assert.Equal(0, rig.Client.SamplesRejected);
            Assert.Equal(1, rig.Clock.SyncCount);
            Assert.Equal(1u, rig.Clock.OffsetBoundSeconds);
            Assert.InRange(rig.Clock.CorrectionMicroseconds, -(600 * Second + 3217) - 2, -(600 * Second + 3217) + 2);
            Assert.Equal(2000, rig.Clock.LastDelayMicroseconds);
            Assert.Equal(SntpClientState.WaitingForPoll, rig.Client.State);
            Assert.Equal(64, rig.Client.PollIntervalSeconds);
            Assert.Equal(rig.Platform.Mono + 64 * Second, rig.Client.NextDueMicros);
        }

        [Fact]
        public void BestOfBurst_IsTheSampleWithTheSmallestDelay()
        {
            var rig = new Rig(0);
            // Delays 30, 4, 50, 9 ms; each path asymmetric so its offset differs: only the 4 ms one must win.
            long[] delays = { 30 * Ms, 4 * Ms, 50 * Ms, 9 * Ms };
            long[] serverErrors = { 7 * Ms, 1 * Ms, -20 * Ms, 3 * Ms };
            for (int i = 0; i < 4; i++)
            {
                Assert.True(rig.RunDue());
                rig.Peer.DelayMicros = delays[i];
                rig.Peer.ServerErrorMicros = serverErrors[i];
                rig.Peer.AnswerGood();
                rig.RunNow();
            }

            Assert.Equal(1, rig.Clock.SyncCount);
            Assert.Equal(4 * Ms, rig.Clock.LastDelayMicroseconds);
            Assert.InRange(rig.Clock.LastOffsetMicroseconds, 1 * Ms - 2, 1 * Ms + 2);
        }

        public static TheoryData<string, SntpAnswerStatus> Forgeries => new TheoryData<string, SntpAnswerStatus>
        {
            { "mode3", SntpAnswerStatus.WrongMode },
            { "mode5", SntpAnswerStatus.WrongMode },
            { "version2", SntpAnswerStatus.WrongVersion },
            { "originate", SntpAnswerStatus.WrongOriginate },
            { "originateLowBit", SntpAnswerStatus.WrongOriginate },
            { "stratum0", SntpAnswerStatus.KissOfDeath },
            { "stratum16", SntpAnswerStatus.WrongStratum },
            { "li3", SntpAnswerStatus.ServerUnsynchronised },
            { "transmit0", SntpAnswerStatus.ZeroTransmit },
            { "wrongAddress", SntpAnswerStatus.WrongSource },
            { "wrongPort", SntpAnswerStatus.WrongSource },
            { "short", SntpAnswerStatus.Malformed },
        };

        [Theory]
        [MemberData(nameof(Forgeries))]
        public void InvalidAnswers_AreRejected_AndNeverSetTheClock(string forgery, SntpAnswerStatus expected)
        {
            var rig = new Rig(600 * Second, burst: 1);
            Assert.True(rig.RunDue());
            rig.Peer.Prepare();
            rig.Peer.ServerErrorMicros = 0;
            SntpPacket a = rig.Peer.Answer;
            uint from = Server;
            int port = 123;
            switch (forgery)
            {
                case "mode3": a.Mode = 3; break;
                case "mode5": a.Mode = 5; break;
                case "version2": a.Version = 2; break;
                case "originate": a.OriginateTimestamp ^= 0xFFFF; break;
                case "originateLowBit": a.OriginateTimestamp ^= 1; break;
                case "stratum0": a.Stratum = 0; a.ReferenceId = 0x58585858; break; // unknown kiss code "XXXX"
                case "stratum16": a.Stratum = 16; break;
                case "li3": a.LeapIndicator = 3; break;
                case "transmit0": a.TransmitTimestamp = 0; break;
                case "wrongAddress": from = Server2; break;
                case "wrongPort": port = 124; break;
            }

            if (forgery == "short")
            {
                rig.Platform.Mono += 2 * Ms;
                byte[] b = new byte[64];
                a.Write(b, 0, 64);
                rig.Socket.Enqueue(b, 47, from, port);
            }
            else
            {
                rig.Peer.Deliver(from, port);
            }

            rig.RunNow();
            Assert.Equal(expected, rig.Client.LastAnswerStatus);
            Assert.Equal(1, rig.Client.SamplesRejected);
            Assert.Equal(0, rig.Client.SamplesAccepted);
            Assert.Equal(SntpClientState.AwaitingAnswer, rig.Client.State); // still waiting for the real answer
            rig.RunDue(); // timeout ends the burst
            Assert.Equal(1, rig.Client.Timeouts);
            Assert.Equal(0, rig.Clock.SyncCount);
            Assert.Equal(MikeyClockQuality.Unsynchronised, rig.Clock.OffsetBoundSeconds);
        }

        [Fact]
        public void SpoofedAnswerFirst_ThenTheRealOne_TheRealOneIsTaken_AndDuplicatesAreNot()
        {
            var rig = new Rig(600 * Second, burst: 1);
            Assert.True(rig.RunDue());
            rig.Peer.Prepare();
            ulong real = rig.Peer.Answer.OriginateTimestamp;
            rig.Peer.Answer.OriginateTimestamp = real + 1; // an off-path guess
            rig.Peer.ServerErrorMicros = 0;
            rig.Peer.Deliver(Server, 123);
            rig.Peer.Answer.OriginateTimestamp = real;
            rig.Peer.Deliver(Server, 123);
            rig.Peer.Deliver(Server, 123); // duplicate
            rig.RunNow();
            Assert.Equal(1, rig.Client.SamplesAccepted);
            Assert.Equal(2, rig.Client.SamplesRejected);
            Assert.Equal(SntpAnswerStatus.NotExpected, rig.Client.LastAnswerStatus);
            Assert.Equal(1, rig.Clock.SyncCount);
        }

        [Fact]
        public void KissDeny_DropsThatServerForGood_AndMovesToTheNext_UntilNoneIsLeft()
        {
            var rig = new Rig(0, burst: 2, twoServers: true);
            Assert.True(rig.RunDue());
            rig.Peer.Prepare();
            rig.Peer.Answer.Stratum = 0;
            rig.Peer.Answer.LeapIndicator = 3;
            rig.Peer.Answer.ReferenceId = SntpKissCode.Deny;
            rig.Peer.Deliver(Server, 123);
            rig.RunNow();
            Assert.Equal(SntpAnswerStatus.KissOfDeath, rig.Client.LastAnswerStatus);
            Assert.Equal(SntpKissCode.Deny, rig.Client.LastKissCode);
            Assert.False(rig.Client.IsServerUsable(0));
            Assert.Equal(1, rig.Client.CurrentServer);
            Assert.Equal(SntpClientState.WaitingForPoll, rig.Client.State);

            Assert.True(rig.RunDue());
            Assert.Equal(Server2, rig.Socket.SentAddress);
            rig.Peer.Prepare();
            rig.Peer.Answer.Stratum = 0;
            rig.Peer.Answer.ReferenceId = SntpKissCode.Restrict;
            rig.Peer.Deliver(Server2, 123);
            rig.RunNow();
            Assert.False(rig.Client.IsServerUsable(1));
            Assert.Equal(SntpClientState.NoUsableServer, rig.Client.State);
            Assert.Equal(long.MaxValue, rig.Client.NextDueMicros);
            int sent = rig.Socket.SendCount;
            rig.Platform.Mono += 100000 * Second;
            rig.RunNow();
            Assert.Equal(sent, rig.Socket.SendCount);
        }

        [Fact]
        public void ForgedKiss_WithWrongOriginate_IsIgnored()
        {
            var rig = new Rig(0, burst: 1);
            Assert.True(rig.RunDue());
            rig.Peer.Prepare();
            rig.Peer.Answer.Stratum = 0;
            rig.Peer.Answer.ReferenceId = SntpKissCode.Deny;
            rig.Peer.Answer.OriginateTimestamp ^= 0x10;
            rig.Peer.Deliver(Server, 123);
            rig.RunNow();
            Assert.Equal(SntpAnswerStatus.WrongOriginate, rig.Client.LastAnswerStatus);
            Assert.True(rig.Client.IsServerUsable(0));
            Assert.Equal(0, rig.Client.KissesReceived);
        }

        [Fact]
        public void KissRate_EndsTheBurst_AndBacksOffToAtLeastTheSynchronisedMinimum()
        {
            var rig = new Rig(0);
            Assert.True(rig.RunDue());
            rig.Peer.Prepare();
            rig.Peer.Answer.Stratum = 0;
            rig.Peer.Answer.ReferenceId = SntpKissCode.Rate;
            rig.Peer.Deliver(Server, 123);
            rig.RunNow();
            Assert.Equal(SntpClientState.WaitingForPoll, rig.Client.State);
            Assert.True(rig.Client.IsServerUsable(0));
            Assert.Equal(0, rig.Client.CurrentServer);
            Assert.Equal(64, rig.Client.PollIntervalSeconds); // 15 doubled is 30, below the 64 s minimum
            Assert.Equal(rig.Platform.Mono + 64 * Second, rig.Client.NextDueMicros);
            Assert.Equal(1, rig.Socket.SendCount);
        }

        [Fact]
        public void SilentServers_BackOffExponentially_AlternatingServers_CappedAtMaxPoll()
        {
            var rig = new Rig(0, burst: 2, twoServers: true);
            rig.Client.MaxPollSeconds = 240;
            int[] expected = { 30, 60, 120, 240, 240 };
            for (int poll = 0; poll < expected.Length; poll++)
            {
                uint target = poll % 2 == 0 ? Server : Server2;
                for (int i = 0; i < 2; i++)
                {
                    Assert.True(rig.RunDue());
                    Assert.Equal(target, rig.Socket.SentAddress);
                    Assert.False(rig.RunDue()); // the timeout
                }

                Assert.Equal(expected[poll], rig.Client.PollIntervalSeconds);
                Assert.Equal(poll + 1, rig.Client.ConsecutiveFailures);
                Assert.Equal(rig.Platform.Mono + expected[poll] * Second, rig.Client.NextDueMicros);
            }

            Assert.Equal(10, rig.Client.Timeouts);
            Assert.Equal(0, rig.Clock.SyncCount);
            // The burst spacing is the polite 2 s (RFC 4330 §10: at most a few requests, never below a 15 s poll).
            Assert.Equal(2 * Second, rig.Client.BurstSpacingMicroseconds);
            Assert.Throws<ArgumentOutOfRangeException>(() => rig.Client.MinPollSeconds = 14);
        }

        [Fact]
        public void StableOffsets_GrowThePoll_ALargeOneResetsIt()
        {
            var rig = new Rig(5 * Second);
            rig.GoodBurst();
            Assert.Equal(64, rig.Client.PollIntervalSeconds);
            rig.GoodBurst();
            Assert.Equal(128, rig.Client.PollIntervalSeconds);
            rig.GoodBurst();
            Assert.Equal(256, rig.Client.PollIntervalSeconds);
            rig.Peer.ServerErrorMicros = 500 * Ms; // the server stepped: half a second
            rig.GoodBurst();
            Assert.Equal(64, rig.Client.PollIntervalSeconds);
            Assert.Equal(4, rig.Clock.SyncCount);
            Assert.InRange(rig.Clock.LastOffsetMicroseconds, 500 * Ms - 2, 500 * Ms + 2);
        }

        [Fact]
        public void WithoutAnswers_TheClockDecaysToUnsynchronised()
        {
            var rig = new Rig(0, burst: 1);
            rig.GoodBurst();
            Assert.True(rig.Clock.IsSynchronised);
            rig.Peer.ServerErrorMicros = 0;
            // Silent from now on: the drift bound (100 ppm, at most 10 s) runs out after about 100 000 s.
            for (int i = 0; i < 200 && rig.Clock.IsSynchronised; i++)
            {
                rig.RunDue();
                rig.RunDue();
            }

            Assert.False(rig.Clock.IsSynchronised);
            Assert.Equal(MikeyClockQuality.Unsynchronised, rig.Clock.OffsetBoundSeconds);
            Assert.InRange(rig.Platform.Mono, 99000 * Second, 102000 * Second);
        }

        [Fact]
        public void SteadyState_AllocatesNothing_OverManyPolls()
        {
            var rig = new Rig(600 * Second);
            rig.Client.MaxPollSeconds = 64;
            for (int i = 0; i < 5; i++) rig.GoodBurst(); // warm-up (JIT, statics)
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++)
            {
                rig.GoodBurst();
                rig.RunDue(); // one silent request: the timeout path too
                rig.Client.Run(rig.Platform.Mono += 2 * Second);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.True(rig.Clock.SyncCount > 200);
        }

        private static ulong Ntp(long seconds, long millis) => ((ulong)seconds << 32) + (ulong)NtpInterval.FromMicroseconds(millis * Ms);
    }
}
