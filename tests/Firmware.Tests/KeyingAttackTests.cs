using NanoMikey.Firmware.Keying;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Firmware.Tests
{
    /// <summary>MIKEY over UDP under attack and failure: replays, forgeries, garbage, errors, silence.</summary>
    public class KeyingAttackTests
    {
        private static int DataTypeOf(byte[] message) => message[1]; // RFC 3830 §6.1: version, data type, ...

        [Theory]
        [MemberData(nameof(KeyingExchangeTests.PskAndEcdh), MemberType = typeof(KeyingExchangeTests))]
        public void OldIMessageReplayedAfterANewerExchangeIsRejectedWithoutNewKeys(MikeyMode mode)
        {
            using KeyingPair p = KeyingExchangeTests.Make(mode);
            KeyingRelay relay = p.UseRelay();
            p.Start();
            p.Drive();
            byte[] first = relay.FromInitiator[0];

            // A newer exchange from the same source replaces the cached answer.
            p.Offerer.Reset();
            p.Offerer.AddCryptoSession(0x11111111, 0, KeyingPair.Policy);
            p.Now += 1_000_000;
            p.Start();
            p.Drive();
            Assert.Equal(MikeyUdpExchangeState.Completed, p.Initiator.State);
            Assert.Equal(2, p.Responder.CompletedCount);
            byte[] key = KeyingPair.MasterKey(p.Responder.LastBundle!);
            Assert.Equal(KeyingPair.MasterKey(p.Initiator.Bundle!), key);

            // The captured first offer, from the same source and from another one.
            int answers = relay.FromResponder.Count;
            relay.ToResponder(first);
            p.Settle();
            using var mallory = new HostDatagramSocket();
            mallory.Bind(IPv4.Loopback, 0);
            mallory.SendTo(first, 0, first.Length, IPv4.Loopback, p.ResponderSocket.LocalPort);
            p.ResponderSocket.Poll(100_000);
            p.Settle();

            Assert.Equal(2, p.Responder.Rejected);
            Assert.Equal(0, p.Responder.Duplicates);
            Assert.Equal(MikeyExchangeStatus.Replayed, p.Responder.LastStatus);
            Assert.Equal(ErrorCode.InvalidTs, p.Responder.LastErrorCode);
            Assert.Equal(2, p.Responder.CompletedCount);
            Assert.Equal(key, KeyingPair.MasterKey(p.Responder.LastBundle!));
            Assert.Equal(answers + 1, relay.FromResponder.Count);
            Assert.Equal((int)DataType.Error, DataTypeOf(relay.FromResponder[^1]));
            Assert.True(mallory.Poll(100_000));
            byte[] err = new byte[256];
            Assert.Equal(DatagramStatus.Ok, mallory.ReceiveFrom(err, 0, err.Length, out _, out _, out _));
            Assert.Equal((int)DataType.Error, DataTypeOf(err));
        }

        [Fact]
        public void ForgedPskOfferNeverYieldsKeys()
        {
            using KeyingPair p = new KeyingPair().WithPsk(alicePsk: System.Text.Encoding.ASCII.GetBytes("not the key Bob holds"));
            p.Start();
            p.Drive();

            AssertRefusedWithoutKeys(p);
            Assert.Equal(ErrorCode.AuthFailure, p.Responder.LastErrorCode);
            Assert.Equal(ErrorCode.AuthFailure, p.Initiator.ReceivedError);
            Assert.Equal(MikeyUdpInitiator.DefaultErrorGraceMicros, p.Now);
            // Sent at 0, 0.25, 0.75 and 1.75 s: each refused again (a failed offer is not cached) and answered with an error.
            Assert.Equal(3, p.Initiator.Retransmissions);
            Assert.Equal(4, p.Initiator.ErrorsReceived);
            Assert.Equal(4, p.Responder.Rejected);
        }

        [Theory]
        [InlineData(MikeyMode.EcdhSign)]
        [InlineData(MikeyMode.Ecies)]
        [InlineData(MikeyMode.Ecmqv)]
        public void OfferWithAnUntrustedCertificateNeverYieldsKeys(MikeyMode mode)
        {
            // Alice's key and name, certified by a CA Bob does not trust.
            using KeyingPair p = new KeyingPair().WithEcc(mode, aliceCertificate: "alice-rogue");
            p.Start();
            p.Drive();

            AssertRefusedWithoutKeys(p);
        }

        // Bob refused the offer as unauthentic; Alice's side ends on his (unauthenticated) error message after the grace.
        private static void AssertRefusedWithoutKeys(KeyingPair p)
        {
            Assert.Equal(0, p.Responder.CompletedCount);
            Assert.Null(p.Responder.LastBundle);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, p.Responder.LastStatus);
            Assert.Equal(MikeyUdpExchangeState.Failed, p.Initiator.State);
            Assert.Equal(MikeyExchangeStatus.ErrorReceived, p.Initiator.Result);
            Assert.Null(p.Initiator.Bundle);
        }

        [Fact]
        public void OfferOfAModeNotAcceptedGetsInvalidDt()
        {
            // Bob accepts PSK only; Alice offers ECDH-SIGN.
            using KeyingPair p = new KeyingPair().WithPsk().WithEcc(MikeyMode.EcdhSign, responderAccepts: false);
            Assert.Equal(MikeyExchangeStatus.Ok, p.Start());
            p.Drive();

            Assert.Equal(MikeyMode.Psk, p.Responder.Modes);
            Assert.Equal(0, p.Responder.CompletedCount);
            Assert.Equal(ErrorCode.InvalidDt, p.Responder.LastErrorCode);
            Assert.Equal(MikeyUdpExchangeState.Failed, p.Initiator.State);
            Assert.Equal(ErrorCode.InvalidDt, p.Initiator.ReceivedError);
            Assert.Null(p.Initiator.Bundle);
        }

        [Fact]
        public void ClassicDhSignOfferGetsInvalidDh()
        {
            using KeyingPair p = new KeyingPair().WithEcc(MikeyMode.EcdhSign);
            // HDR (DH-SIGN init, CSB ID 0x01020304, one SRTP CS), T, RAND, DH (MODP group 1, 128-byte value, KV null).
            var w = new MikeyWriter();
            byte[] m = new byte[512];
            w.Reset(m, 0, m.Length);
            w.WriteHeader(DataType.DhInit, false, PrfFunction.Mikey1, 0x01020304, CsIdMapType.SrtpId);
            w.AddSrtpIdEntry(0, 0x11111111, 0);
            w.WriteTimestamp(TimestampType.NtpUtc, KeyingPair.T);
            w.WriteRand(new byte[16], 0, 16);
            w.WriteDh(DhGroup.Oakley5, new byte[192], 0, KvType.Null, null, 0, 0, null, 0, 0);
            Assert.Equal(MikeyStatus.Ok, w.Finish());
            using var mallory = new HostDatagramSocket();
            mallory.Bind(IPv4.Loopback, 0);
            mallory.SendTo(m, 0, w.Length, IPv4.Loopback, p.ResponderSocket.LocalPort);
            p.ResponderSocket.Poll(100_000);
            p.Settle();

            Assert.Equal(1, p.Responder.Rejected);
            Assert.Equal(ErrorCode.InvalidDh, p.Responder.LastErrorCode);
            Assert.True(mallory.Poll(100_000));
            byte[] err = new byte[256];
            Assert.Equal(DatagramStatus.Ok, mallory.ReceiveFrom(err, 0, err.Length, out int n, out _, out _));
            Assert.Equal((int)DataType.Error, DataTypeOf(err));
            Assert.Equal((byte)ErrorCode.InvalidDh, err[n - 3]); // ERR: next payload, error no, 2 reserved bytes
        }

        [Fact]
        public void GarbageDatagramsChangeNothingAndAreNotAnswered()
        {
            using KeyingPair p = new KeyingPair().WithPsk();
            using var mallory = new HostDatagramSocket();
            mallory.Bind(IPv4.Loopback, 0);
            var rng = new Random(11);
            var garbage = new List<byte[]> { Array.Empty<byte>(), new byte[] { 1 }, new byte[3000] /* truncated */ };
            for (int i = 0; i < 20; i++)
            {
                byte[] g = new byte[rng.Next(1, 600)];
                rng.NextBytes(g);
                g[0] = (byte)(i % 2); // half of them claim MIKEY version 1
                garbage.Add(g);
            }
            // A readable HDR of a PSK verification message (a responder message): dropped, never answered.
            byte[] answerType = { 1, 1, 0, 0, 1, 2, 3, 4, 0, 0 };
            mallory.SendTo(answerType, 0, answerType.Length, IPv4.Loopback, p.ResponderSocket.LocalPort);
            p.ResponderSocket.Poll(100_000);
            p.Settle();
            Assert.Equal(1, p.Responder.Ignored);
            Assert.Equal(0, p.Responder.AnswersSent);
            Assert.False(mallory.Poll(20_000));
            garbage.Add(answerType);
            foreach (byte[] g in garbage)
            {
                mallory.SendTo(g, 0, g.Length, IPv4.Loopback, p.ResponderSocket.LocalPort);
                p.ResponderSocket.Poll(100_000);
                p.Settle();
            }

            Assert.Equal(0, p.Responder.CompletedCount);
            Assert.Null(p.Responder.LastBundle);
            Assert.Equal(0, p.Responder.Duplicates);
            Assert.Equal(garbage.Count + 1, p.Responder.Ignored + p.Responder.Rejected);
            Assert.Equal(p.Responder.Rejected, p.Responder.AnswersSent); // only an error message for each refusal
            Assert.True(p.Responder.Ignored >= 3);
            while (mallory.Poll(20_000))
            {
                byte[] b = new byte[256];
                mallory.ReceiveFrom(b, 0, b.Length, out _, out _, out _);
                Assert.Equal((int)DataType.Error, DataTypeOf(b));
            }

            // Garbage to Alice while she waits: from a stranger (ignored) and from the peer's own port (rejected by the mode).
            KeyingRelay relay = p.UseRelay();
            relay.DropFromInitiator = 1;
            p.Start();
            Assert.True(relay.Socket.Poll(100_000));
            relay.Pump(); // drops the offer, learns Alice's port
            foreach (byte[] g in garbage)
            {
                mallory.SendTo(g, 0, g.Length, IPv4.Loopback, p.InitiatorSocket.LocalPort);
                if (g.Length > 0) relay.ToInitiator(g);
            }
            p.InitiatorSocket.Poll(100_000);
            for (int i = 0; i < 20; i++) p.Initiator.Run(0);
            Assert.Equal(MikeyUdpExchangeState.Waiting, p.Initiator.State);
            Assert.True(p.Initiator.Ignored >= garbage.Count - 1); // the truncated one from the relay is ignored too
            Assert.True(p.Initiator.AnswersRejected >= garbage.Count - 2);
            Assert.Null(p.Initiator.Bundle);

            // Then the genuine exchange still completes.
            p.Drive();
            Assert.Equal(MikeyUdpExchangeState.Completed, p.Initiator.State);
            Assert.Equal(1, p.Responder.CompletedCount);
            KeyingExchangeTests.AssertSameKeys(p);
        }

        [Fact]
        public void TamperedAnswerDoesNotEndTheExchange()
        {
            using KeyingPair p = new KeyingPair().WithEcc(MikeyMode.EcdhSign);
            KeyingRelay relay = p.UseRelay();
            relay.BeforeAnswer = answer =>
            {
                // A forged answer ahead of the genuine one: the same bytes with one flipped (fails the signature).
                byte[] forged = (byte[])answer.Clone();
                forged[forged.Length - 5] ^= 1;
                relay.ToInitiator(forged);
                relay.BeforeAnswer = null;
            };
            p.Start();
            p.Drive();

            Assert.Equal(MikeyUdpExchangeState.Completed, p.Initiator.State);
            Assert.Equal(1, p.Initiator.AnswersRejected);
            Assert.Equal(2, p.Initiator.MessagesReceived);
            KeyingExchangeTests.AssertSameKeys(p);
        }

        [Fact]
        public void ForgedErrorMessageDoesNotBeatTheGenuineAnswer()
        {
            using KeyingPair p = new KeyingPair().WithEcc(MikeyMode.EcdhSign);
            KeyingRelay relay = p.UseRelay();
            relay.DropFromResponder = 1; // the genuine answer to the first copy is lost; only the forged error arrives
            p.Start();
            // An on-path attacker who saw the offer answers with an error message for its CSB ID at once.
            Assert.True(relay.Socket.Poll(100_000));
            relay.Pump();
            byte[] offer = relay.FromInitiator[0];
            uint csbId = (uint)(offer[4] << 24 | offer[5] << 16 | offer[6] << 8 | offer[7]);
            var w = new MikeyWriter();
            byte[] err = new byte[64];
            w.Reset(err, 0, err.Length);
            w.WriteHeader(DataType.Error, false, PrfFunction.Mikey1, csbId, CsIdMapType.SrtpId);
            w.WriteTimestamp(TimestampType.NtpUtc, KeyingPair.T);
            w.WriteError(ErrorCode.AuthFailure);
            Assert.Equal(MikeyStatus.Ok, w.Finish());
            relay.ToInitiator(err.AsSpan(0, w.Length).ToArray());
            p.Drive();

            Assert.Equal(MikeyUdpExchangeState.Completed, p.Initiator.State);
            Assert.Equal(1, p.Initiator.ErrorsReceived);
            Assert.Equal(ErrorCode.AuthFailure, p.Initiator.ReceivedError);
            Assert.Equal(1, p.Initiator.Retransmissions); // the genuine answer came with the retransmission, inside the grace
            KeyingExchangeTests.AssertSameKeys(p);
        }

        [Fact]
        public void SilenceEndsInTimeoutWithoutKeys()
        {
            using KeyingPair p = new KeyingPair().WithPsk();
            KeyingRelay relay = p.UseRelay();
            relay.DropAll = true;
            p.Start();
            p.Drive();

            Assert.Equal(MikeyUdpExchangeState.TimedOut, p.Initiator.State);
            Assert.Equal(MikeyExchangeStatus.InvalidState, p.Initiator.Result);
            Assert.Null(p.Initiator.Bundle);
            Assert.Equal(MikeyUdpInitiator.DefaultTimeoutMicros, p.Now);
            // 250 ms doubling to 4 s: sends at 0, 0.25, 0.75, 1.75, 3.75, 7.75, 11.75, ... 31.75 s.
            Assert.Equal(11, p.Initiator.Retransmissions);
            Assert.Equal(12, p.Initiator.MessagesSent);
            Assert.Equal(12, relay.FromInitiator.Count);
            Assert.All(relay.FromInitiator, d => Assert.Equal(relay.FromInitiator[0], d));
            Assert.Equal(long.MaxValue, p.Initiator.NextDueMicros);
            Assert.Equal(0, p.Responder.MessagesReceived);
        }

        [Fact]
        public void TimeoutAndBackOffAreConfigurable()
        {
            using KeyingPair p = new KeyingPair().WithPsk();
            p.UseRelay().DropAll = true;
            p.Initiator.InitialRetransmitMicros = 100_000;
            p.Initiator.MaxRetransmitMicros = 300_000;
            p.Initiator.TimeoutMicros = 1_000_000;
            p.Start();
            p.Drive();

            // Sends at 0, 0.1, 0.3, 0.6, 0.9 s; gives up at 1 s.
            Assert.Equal(MikeyUdpExchangeState.TimedOut, p.Initiator.State);
            Assert.Equal(4, p.Initiator.Retransmissions);
            Assert.Equal(1_000_000, p.Now);
        }
    }
}
