using NanoMikey.Firmware.Keying;
using NanoMikey.Mikey.Modes;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Firmware.Tests
{
    /// <summary>MIKEY over real UDP on 127.0.0.1 (RFC 3830 §7): exchanges of every mode, loss, duplicates.</summary>
    public class KeyingExchangeTests
    {
        public static TheoryData<MikeyMode> AllModes => new() { MikeyMode.Psk, MikeyMode.EcdhSign, MikeyMode.Ecies, MikeyMode.Ecmqv };

        public static TheoryData<MikeyMode> PskAndEcdh => new() { MikeyMode.Psk, MikeyMode.EcdhSign };

        internal static KeyingPair Make(MikeyMode mode) =>
            mode == MikeyMode.Psk ? new KeyingPair().WithPsk() : new KeyingPair().WithEcc(mode);

        internal static void AssertSameKeys(KeyingPair p)
        {
            Assert.NotNull(p.Initiator.Bundle);
            Assert.NotNull(p.Responder.LastBundle);
            Assert.Equal(1, p.Initiator.Bundle!.Count);
            Assert.Equal(1, p.Responder.LastBundle!.Count);
            Assert.Equal(16, KeyingPair.MasterKey(p.Initiator.Bundle).Length);
            Assert.Equal(KeyingPair.MasterKey(p.Initiator.Bundle), KeyingPair.MasterKey(p.Responder.LastBundle));
            Assert.Equal(KeyingPair.MasterSalt(p.Initiator.Bundle), KeyingPair.MasterSalt(p.Responder.LastBundle));
            Assert.Equal(p.Initiator.Bundle.Get(0).Ssrc, p.Responder.LastBundle.Get(0).Ssrc);
        }

        [Theory]
        [MemberData(nameof(AllModes))]
        public void ExchangeCompletesAndBothSidesHoldTheSameKeys(MikeyMode mode)
        {
            using KeyingPair p = Make(mode);
            Assert.Equal(MikeyExchangeStatus.Ok, p.Start());
            p.Drive();

            Assert.Equal(MikeyUdpExchangeState.Completed, p.Initiator.State);
            Assert.Equal(MikeyExchangeStatus.Ok, p.Initiator.Result);
            Assert.Equal(mode, p.Initiator.Mode);
            Assert.Equal(0, p.Initiator.Retransmissions);
            Assert.Equal(1, p.Initiator.MessagesSent);
            Assert.Equal(1, p.Initiator.MessagesReceived);
            Assert.Equal(0, p.Initiator.HandshakeMicros); // the tick never moved: nothing was lost
            Assert.Equal(1, p.Responder.CompletedCount);
            Assert.Equal(mode, p.Responder.LastMode);
            Assert.Equal(IPv4.Loopback, p.Responder.LastPeerAddress);
            Assert.Equal(p.InitiatorSocket.LocalPort, p.Responder.LastPeerPort);
            Assert.Equal(0, p.Responder.Duplicates);
            Assert.Equal(0, p.Responder.Rejected);
            AssertSameKeys(p);
        }

        [Theory]
        [MemberData(nameof(PskAndEcdh))]
        public void LostFirstIMessageCompletesThroughRetransmission(MikeyMode mode)
        {
            using KeyingPair p = Make(mode);
            KeyingRelay relay = p.UseRelay();
            relay.DropFromInitiator = 1;
            p.Start();
            p.Drive();

            Assert.Equal(MikeyUdpExchangeState.Completed, p.Initiator.State);
            Assert.Equal(1, p.Initiator.Retransmissions);
            Assert.Equal(2, p.Initiator.MessagesSent);
            Assert.Equal(MikeyUdpInitiator.DefaultInitialRetransmitMicros, p.Initiator.HandshakeMicros);
            Assert.Equal(2, relay.FromInitiator.Count);
            Assert.Equal(relay.FromInitiator[0], relay.FromInitiator[1]); // the same bytes, not a new offer
            Assert.Equal(1, p.Responder.CompletedCount);
            AssertSameKeys(p);
        }

        [Theory]
        [MemberData(nameof(PskAndEcdh))]
        public void DuplicateIMessageIsAnsweredFromTheCacheWithTheSameBytes(MikeyMode mode)
        {
            using KeyingPair p = Make(mode);
            KeyingRelay relay = p.UseRelay();
            relay.DuplicateFromInitiator = 1; // the network duplicates the offer
            p.Start();
            p.Drive();

            Assert.Equal(MikeyUdpExchangeState.Completed, p.Initiator.State);
            Assert.Equal(1, p.Responder.CompletedCount);
            Assert.Equal(1, p.Responder.Duplicates);
            Assert.Equal(0, p.Responder.Rejected);
            Assert.Equal(2, p.Responder.AnswersSent);
            Assert.Equal(2, relay.FromResponder.Count);
            Assert.Equal(relay.FromResponder[0], relay.FromResponder[1]);
            Assert.Equal(1, p.Initiator.Ignored); // the second answer came after completion
            AssertSameKeys(p);
        }

        [Theory]
        [MemberData(nameof(PskAndEcdh))]
        public void LostAnswerIsRepeatedFromTheCacheWhenTheOfferIsRetransmitted(MikeyMode mode)
        {
            using KeyingPair p = Make(mode);
            KeyingRelay relay = p.UseRelay();
            relay.DropFromResponder = 1;
            p.Start();
            p.Drive();

            Assert.Equal(MikeyUdpExchangeState.Completed, p.Initiator.State);
            Assert.Equal(1, p.Initiator.Retransmissions);
            Assert.Equal(1, p.Responder.CompletedCount); // processed once: the retransmission never reached the mode
            Assert.Equal(1, p.Responder.Duplicates);
            Assert.Equal(0, p.Responder.Rejected);
            Assert.Equal(relay.FromResponder[0], relay.FromResponder[1]);
            AssertSameKeys(p);
        }

        [Fact]
        public void SeveralPeersKeepTheirOwnCacheEntries()
        {
            // Two initiators (two source ports) interleaved: each one's lost answer is still repeated from the cache.
            using KeyingPair p = new KeyingPair().WithPsk();
            using KeyingPair q = new KeyingPair().WithPsk(seed: "carol");
            var carolSocket = q.InitiatorSocket;
            var carol = q.Initiator;
            KeyingRelay relay = p.UseRelay();
            relay.DropFromResponder = 1;
            p.Start();
            p.Drive(); // Alice completes after one retransmission
            Assert.Equal(MikeyExchangeStatus.Ok, carol.Start(q.Offerer, IPv4.Loopback, p.ResponderSocket.LocalPort, 0));
            for (int i = 0; i < 50 && carol.State == MikeyUdpExchangeState.Waiting; i++)
            {
                p.Responder.Run(0);
                carol.Run(0);
                carolSocket.Poll(20_000);
                p.ResponderSocket.Poll(20_000);
            }

            Assert.Equal(MikeyUdpExchangeState.Completed, carol.State);
            Assert.Equal(2, p.Responder.CompletedCount);
            Assert.Equal(carolSocket.LocalPort, p.Responder.LastPeerPort);
            // Alice's offer again: still her cache entry.
            relay.ToResponder(relay.FromInitiator[0]);
            p.Settle();
            Assert.Equal(2, p.Responder.Duplicates);
            Assert.Equal(2, p.Responder.CompletedCount);
            Assert.Equal(0, p.Responder.Rejected);
        }
    }
}
