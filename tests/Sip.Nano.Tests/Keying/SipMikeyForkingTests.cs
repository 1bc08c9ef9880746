using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Ecc.Offers;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Transport;
using NanoMikey.Net.Sockets;
using NanoMikey.Sip.Keying;
using NanoMikey.Sip.Sdp;
using static NanoMikey.Sip.Tests.Keying.SipKeyingFixtures;

namespace NanoMikey.Sip.Tests.Keying
{
    /// <summary>RFC 5197 §5: one offer through a forking proxy, early media per fork, the winner's keys kept, the others wiped.</summary>
    public class SipMikeyForkingTests
    {
        private readonly SipTestClock _clock = new() { NtpNow = T };

        private static (SrtpMasterKeyEntry, SrtpMasterKeyEntry) Keys(CryptoSessionBundle b) => (b.Get(0).GetMasterKey(0), b.Get(1).GetMasterKey(0));

        [Fact]
        public void EcdhSign_ThreeForks_EachOwnKeys_SrtpWorks_LosersWipedOnConfirm()
        {
            SipMikeyOffer offer = Caller(_clock, Allow(Bob, Dave, Carol), out _, out EccOfferer ecdh);
            var target = new SipMikeyTarget("sip:flat7@example.com"); // no PSK: ECDH-SIGN
            Assert.Equal(SipMikeyStatus.Ok, offer.Build(target, Policy()));
            Assert.Equal(MikeyMode.EcdhSign, offer.Mode);
            string? mikey = offer.WriteOffer();
            Assert.NotNull(mikey);

            SipMikeyAnswerer bob = EcdhDevice(_clock, "bob", Bob, "bob");
            SipMikeyAnswerer dave = EcdhDevice(_clock, "dave", Dave, "dave", "intermediate");
            SipMikeyAnswerer carol = EcdhDevice(_clock, "carol", Carol, "carol-cn");
            string[] tags = { "tag-bob", "tag-dave", "tag-carol" };
            SipMikeyAnswerer[] devices = { bob, dave, carol };
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(SipMikeyStatus.Ok, devices[i].Answer(mikey!));
                Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer(tags[i], devices[i].AnswerData!));
            }

            Assert.Equal(3, offer.ForkCount);
            // Each fork's keys are its own (its own TGK), and early media works with each (RFC 5197 §5.1).
            for (int i = 0; i < 3; i++)
            {
                CryptoSessionBundle mine = offer.EarlyBundle(tags[i])!;
                AssertSrtpBothWays(mine, devices[i].Bundle);
                for (int j = 0; j < 3; j++)
                {
                    if (j != i) Assert.False(Interoperate(mine.Get(0), devices[j].Bundle.Get(0)));
                }
            }

            var (bob0, bob1) = Keys(offer.EarlyBundle("tag-bob")!);
            var (carol0, carol1) = Keys(offer.EarlyBundle("tag-carol")!);
            Assert.False(AllZero(bob0.Key));

            Assert.Equal(SipMikeyStatus.Ok, offer.Confirm("tag-dave"));
            Assert.True(AllZero(bob0.Key) && AllZero(bob0.Salt) && AllZero(bob1.Key) && AllZero(bob1.Salt));
            Assert.True(AllZero(carol0.Key) && AllZero(carol0.Salt) && AllZero(carol1.Key) && AllZero(carol1.Salt));
            Assert.Null(offer.EarlyBundle("tag-bob"));
            Assert.Same(offer.EarlyBundle("tag-dave"), offer.Bundle);
            AssertSrtpBothWays(offer.Bundle!, dave.Bundle);
            Assert.Equal(SipMikeyStatus.Ok, offer.Confirm("tag-dave")); // a retransmitted 200
            Assert.Equal(SipMikeyStatus.UnknownDialog, offer.Confirm("tag-bob"));
            // After Confirm no answer is taken: the initiator's ephemeral key is gone.
            SipMikeyAnswerer late = EcdhDevice(_clock, "bob", Bob, "bob");
            Assert.Equal(SipMikeyStatus.Ok, late.Answer(mikey!));
            Assert.Equal(SipMikeyStatus.InvalidState, offer.AcceptAnswer("tag-late", late.AnswerData!));
            byte[] lateAnswer = Convert.FromBase64String(late.AnswerData!);
            Assert.Equal(MikeyExchangeStatus.InvalidState, ecdh.ReadForkAnswer(lateAnswer, 0, lateAnswer.Length, new CryptoSessionBundle()));
        }

        [Fact]
        public void Psk_ThreeForks_OwnSsrcs_SrtpWorks_LosersWipedOnConfirm()
        {
            SipMikeyOffer offer = Caller(_clock, Allow(Bob, Dave, Carol), out PskOfferer psk, out _);
            Assert.Equal(SipMikeyStatus.Ok, offer.Build(PskTarget(), Policy()));
            Assert.Equal(MikeyMode.Psk, offer.Mode);
            string mikey = offer.WriteOffer()!;
            SipMikeyAnswerer[] devices = { PskDevice(_clock, 0x1000, Bob), PskDevice(_clock, 0x2000, Dave), PskDevice(_clock, 0x3000, Carol) };
            string[] tags = { "a", "b", "c" };
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(SipMikeyStatus.Ok, devices[i].Answer(mikey));
                Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer(tags[i], devices[i].AnswerData!));
                Assert.Equal((uint)(0x1000 * (i + 1)), offer.EarlyBundle(tags[i])!.Get(1).Ssrc);
            }

            for (int i = 0; i < 3; i++)
            {
                AssertSrtpBothWays(offer.EarlyBundle(tags[i])!, devices[i].Bundle);
                // Shared TGK, but the responders' streams differ by SSRC, so no fork's packets pass as another's.
                for (int j = 0; j < 3; j++)
                {
                    if (j != i) Assert.False(Interoperate(devices[i].Bundle.Get(1), offer.EarlyBundle(tags[j])!.Get(1)));
                }
            }

            var (a0, a1) = Keys(offer.EarlyBundle("a")!);
            var (c0, c1) = Keys(offer.EarlyBundle("c")!);
            Assert.Equal(SipMikeyStatus.Ok, offer.Confirm("b"));
            Assert.True(AllZero(a0.Key) && AllZero(a1.Key) && AllZero(c0.Key) && AllZero(c1.Key) && AllZero(a0.Salt) && AllZero(c1.Salt));
            AssertSrtpBothWays(offer.Bundle!, devices[1].Bundle);
            Assert.Equal(1, offer.ForkCount);
            // The auth key is wiped on Confirm: a later answer cannot be verified.
            SipMikeyAnswerer late = PskDevice(_clock, 0x4000, Bob);
            Assert.Equal(SipMikeyStatus.Ok, late.Answer(mikey));
            byte[] lateAnswer = Convert.FromBase64String(late.AnswerData!);
            Assert.Equal(MikeyExchangeStatus.InvalidState, psk.ReadForkAnswer(lateAnswer, 0, lateAnswer.Length, new CryptoSessionBundle()));
        }

        [Fact]
        public void Psk_ForkWithAnotherForksSsrc_OrTheCallersSsrc_Refused()
        {
            SipMikeyOffer offer = Caller(_clock, Allow(Bob, Dave, Carol));
            offer.Build(PskTarget(), Policy());
            string mikey = offer.WriteOffer()!;
            SipMikeyAnswerer first = PskDevice(_clock, 0xABCD, Bob);
            SipMikeyAnswerer same = PskDevice(_clock, 0xABCD, Dave);
            SipMikeyAnswerer mirror = PskDevice(_clock, offer.OwnSsrc, Carol);
            Assert.Equal(SipMikeyStatus.Ok, first.Answer(mikey));
            Assert.Equal(SipMikeyStatus.Ok, same.Answer(mikey));
            Assert.Equal(SipMikeyStatus.Ok, mirror.Answer(mikey));
            Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer("one", first.AnswerData!));
            Assert.Equal(SipMikeyStatus.DuplicateSsrc, offer.AcceptAnswer("two", same.AnswerData!));
            Assert.Equal(SipMikeyStatus.DuplicateSsrc, offer.AcceptAnswer("three", mirror.AnswerData!));
            Assert.Equal(1, offer.ForkCount);
            Assert.Null(offer.EarlyBundle("two"));
        }

        [Fact]
        public void FifthFork_OverMaxForks_Refused()
        {
            SipMikeyOffer offer = Caller(_clock, Allow(Bob));
            Assert.Equal(4, offer.MaxForks);
            offer.Build(PskTarget(), Policy());
            string mikey = offer.WriteOffer()!;
            for (int i = 1; i <= 5; i++)
            {
                SipMikeyAnswerer d = PskDevice(_clock, (uint)i * 0x100, Bob);
                Assert.Equal(SipMikeyStatus.Ok, d.Answer(mikey));
                Assert.Equal(i <= 4 ? SipMikeyStatus.Ok : SipMikeyStatus.TooManyForks, offer.AcceptAnswer("tag" + i, d.AnswerData!));
            }

            Assert.Equal(4, offer.ForkCount);
            Assert.Null(offer.EarlyBundle("tag5"));
            // A freed slot takes the next fork.
            Assert.Equal(SipMikeyStatus.Ok, offer.Drop("tag2"));
            SipMikeyAnswerer sixth = PskDevice(_clock, 0x600, Bob);
            sixth.Answer(mikey);
            Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer("tag6", sixth.AnswerData!));
        }

        [Fact]
        public void SameToTag_SameBytes_Retransmission_DifferentBytes_Changed_ReplayUnderNewTag_Refused()
        {
            SipMikeyOffer offer = Caller(_clock, Allow(Bob, Dave));
            offer.Build(new SipMikeyTarget("sip:flat7@example.com"), Policy());
            string mikey = offer.WriteOffer()!;
            SipMikeyAnswerer bob = EcdhDevice(_clock, "bob", Bob, "bob");
            SipMikeyAnswerer dave = EcdhDevice(_clock, "dave", Dave, "dave", "intermediate");
            bob.Answer(mikey);
            dave.Answer(mikey);
            Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer("b", bob.AnswerData!));
            byte[] before = (byte[])offer.EarlyBundle("b")!.Get(0).GetMasterKey(0).Key.Clone();
            Assert.Equal(SipMikeyStatus.Retransmission, offer.AcceptAnswer("b", bob.AnswerData!));
            Assert.Equal(SipMikeyStatus.AnswerChanged, offer.AcceptAnswer("b", dave.AnswerData!));
            Assert.Equal(SipMikeyStatus.DuplicateAnswer, offer.AcceptAnswer("x", bob.AnswerData!));
            Assert.Equal(before, offer.EarlyBundle("b")!.Get(0).GetMasterKey(0).Key);
            Assert.Equal(1, offer.ForkCount);
        }

        [Fact]
        public void AnswererReplayCache_RefusesReplayedOffer()
        {
            SipMikeyOffer offer = Caller(_clock, Allow(Bob));
            offer.Build(PskTarget(), Policy());
            string mikey = offer.WriteOffer()!;
            SipMikeyAnswerer device = PskDevice(_clock, 0x77, Bob);
            Assert.Equal(SipMikeyStatus.Ok, device.Answer(mikey));
            uint keyed = device.Bundle.CsbId;
            // The INVITE replayed later (its offer inside the skew window, so only the replay cache stops it).
            _clock.NtpNow += 3UL << 32;
            Assert.Equal(SipMikeyStatus.MikeyRefused, device.Answer(mikey));
            Assert.Equal(MikeyExchangeStatus.Replayed, device.MikeyStatus);
            Assert.Equal(keyed, device.Bundle.CsbId);

            offer.Build(new SipMikeyTarget("sip:bob@example.com"), Policy());
            string ecdhOffer = offer.WriteOffer()!;
            SipMikeyAnswerer bob = EcdhDevice(_clock, "bob", Bob, "bob");
            Assert.Equal(SipMikeyStatus.Ok, bob.Answer(ecdhOffer));
            Assert.Equal(SipMikeyStatus.MikeyRefused, bob.Answer(ecdhOffer));
            Assert.Equal(MikeyExchangeStatus.Replayed, bob.MikeyStatus);
        }

        [Fact]
        public void Retarget_JudgedByIdentityInAnswer_NotByUriDialled()
        {
            // Alice dials bob; the proxy retargets to dave (listed) and to carol (valid certificate, not listed).
            SipMikeyOffer offer = Caller(_clock, Allow(Bob, Dave));
            var target = new SipMikeyTarget("sip:bob@example.com");
            target.SetIdentity(Bob, 0, Bob.Length);
            offer.Build(target, Policy());
            string mikey = offer.WriteOffer()!;
            SipMikeyAnswerer carol = EcdhDevice(_clock, "carol", Carol, "carol-cn");
            SipMikeyAnswerer dave = EcdhDevice(_clock, "dave", Dave, "dave", "intermediate");
            Assert.Equal(SipMikeyStatus.Ok, carol.Answer(mikey));
            Assert.Equal(SipMikeyStatus.Ok, dave.Answer(mikey));
            Assert.Equal(SipMikeyStatus.IdentityRefused, offer.AcceptAnswer("carol", carol.AnswerData!));
            Assert.Null(offer.EarlyBundle("carol"));
            Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer("dave", dave.AnswerData!));
            AssertSrtpBothWays(offer.EarlyBundle("dave")!, dave.Bundle);

            // PSK: the IDr in the verification message is judged the same way; no identity at all is refused too.
            offer = Caller(_clock, Allow(Bob), seed: "alice2");
            offer.Build(PskTarget(), Policy());
            mikey = offer.WriteOffer()!;
            SipMikeyAnswerer stranger = PskDevice(_clock, 0x10, Carol);
            SipMikeyAnswerer anonymous = PskDevice(_clock, 0x20);
            SipMikeyAnswerer bob = PskDevice(_clock, 0x30, Bob);
            stranger.Answer(mikey);
            anonymous.Answer(mikey);
            bob.Answer(mikey);
            Assert.Equal(SipMikeyStatus.IdentityRefused, offer.AcceptAnswer("s", stranger.AnswerData!));
            Assert.Equal(SipMikeyStatus.IdentityRefused, offer.AcceptAnswer("n", anonymous.AnswerData!));
            Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer("b", bob.AnswerData!));
        }

        [Fact]
        public void Redirect_RebuildsFreshOffer_WithNewTargetsCredentials()
        {
            SipMikeyOffer offer = Caller(_clock, Allow(Bob, Dave));
            offer.Build(PskTarget(Psk, "sip:flat7@example.com"), Policy());
            string first = offer.WriteOffer()!;
            SipMikeyAnswerer old = PskDevice(_clock, 0x51, Bob);
            old.Answer(first);
            Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer("old", old.AnswerData!));
            CryptoSessionBundle oldFork = offer.EarlyBundle("old")!;

            // 302 to a unit that shares another key.
            string? second = offer.Rebuild(PskTarget(OtherPsk, "sip:flat8@example.com"));
            Assert.NotNull(second);
            Assert.Equal("sip:flat8@example.com", offer.Target!.Uri);
            Assert.Equal(0, offer.ForkCount);
            Assert.Equal(0, oldFork.Count);
            Assert.NotEqual(CsbId(first), CsbId(second!));
            Assert.NotEqual(Rand(first), Rand(second!));
            SipMikeyAnswerer oldKey = PskDevice(_clock, 0x52, Bob, Psk);
            SipMikeyAnswerer newKey = PskDevice(_clock, 0x53, Dave, OtherPsk);
            Assert.Equal(SipMikeyStatus.MikeyRefused, oldKey.Answer(second!));
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, oldKey.MikeyStatus);
            Assert.Equal(SipMikeyStatus.Ok, newKey.Answer(second!));
            Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer("new", newKey.AnswerData!));
            AssertSrtpBothWays(offer.EarlyBundle("new")!, newKey.Bundle);

            // 302 to a unit with no shared key: ECDH-SIGN, its certificate trusted.
            string? third = offer.Rebuild(new SipMikeyTarget("sip:dave@example.com"));
            Assert.Equal(MikeyMode.EcdhSign, offer.Mode);
            SipMikeyAnswerer dave = EcdhDevice(_clock, "dave", Dave, "dave", "intermediate");
            Assert.Equal(SipMikeyStatus.Ok, dave.Answer(third!));
            Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer("dave", dave.AnswerData!));

            // 302 to a target this side has no credentials for: no offer.
            var unknown = new SipMikeyTarget("sip:mallory@example.net") { CertificateTrusted = false };
            Assert.Null(offer.Rebuild(unknown));
            Assert.Equal(SipMikeyStatus.NoCommonMode, offer.LastStatus);
        }

        [Fact]
        public void SdpAnswers_WithoutMikey_FailSecure()
        {
            SipMikeyOffer offer = Caller(_clock, Allow(Bob));
            offer.Build(PskTarget(), Policy());
            string mikey = offer.WriteOffer()!;
            string head = "v=0\r\no=- 1 1 IN IP4 10.0.0.2\r\ns=-\r\nc=IN IP4 10.0.0.2\r\nt=0 0\r\n";
            string[] answers =
            {
                head + "m=audio 5004 RTP/SAVP 0\r\n",
                head + "m=audio 5004 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR\r\n",
                head + "m=audio 5004 RTP/AVP 0\r\n",
                head + "a=key-mgmt:kerberos AAAA\r\nm=audio 5004 RTP/SAVP 0\r\n",
                head + "a=key-mgmt:mikey " + mikey + "\r\nm=audio 5004 RTP/AVP 0\r\n", // MIKEY but plain RTP: still refused
            };
            var r = new SdpSessionReader();
            foreach (string sdp in answers)
            {
                Assert.Equal(SdpReadStatus.Ok, r.Read(sdp));
                Assert.Equal(SipMikeyStatus.NoKeyManagement, offer.AcceptAnswer("t", r));
            }

            Assert.Equal(0, offer.ForkCount);
            Assert.Equal(SipMikeyStatus.NoKeyManagement, offer.AcceptAnswer("t", ""));
        }

        [Fact]
        public void WholeSdpOfferAnswer_EarlyMediaThenConfirm()
        {
            SipMikeyOffer offer = Caller(_clock, Allow(Bob));
            offer.Build(new SipMikeyTarget("sip:bob@example.com"), Policy());
            string offerSdp = new SdpOfferWriter().Write(1, 1, IPv4.Loopback, 19200, offer.WriteOffer()!);
            var read = new SdpSessionReader();
            Assert.Equal(SdpReadStatus.Ok, read.Read(offerSdp));
            SipMikeyAnswerer bob = EcdhDevice(_clock, "bob", Bob, "bob");
            Assert.Equal(SipMikeyStatus.Ok, bob.Answer(read));
            string answerSdp = new SdpOfferWriter { KeyMgmtAtSessionLevel = false }.Write(2, 1, IPv4.Loopback, 19202, bob.AnswerData!);
            Assert.Equal(SdpReadStatus.Ok, read.Read(answerSdp));
            Assert.Equal(SipMikeyStatus.Ok, offer.AcceptAnswer("bob", read));
            Assert.Equal(SipMikeyStatus.Ok, offer.Confirm("bob"));
            AssertSrtpBothWays(offer.Bundle!, bob.Bundle);
        }

        [Fact]
        public void HostileAnswers_Statuses_NothingKeyed()
        {
            SipMikeyOffer offer = Caller(_clock, Allow(Bob));
            Assert.Equal(SipMikeyStatus.InvalidState, offer.AcceptAnswer("t", "AAAA"));
            Assert.Null(offer.WriteOffer());
            Assert.Equal(SipMikeyStatus.InvalidState, offer.LastStatus);
            offer.Build(PskTarget(), Policy());
            string mikey = offer.WriteOffer()!;
            Assert.Equal(SipMikeyStatus.Malformed, offer.AcceptAnswer("t", "not base64"));
            Assert.Equal(SipMikeyStatus.Malformed, offer.AcceptAnswer("t", Convert.ToBase64String(new byte[SipMikeyOffer.MaxMessageLength + 1])));
            Assert.Equal(SipMikeyStatus.Malformed, offer.AcceptAnswer("", "AAAA"));
            Assert.Equal(SipMikeyStatus.MikeyRefused, offer.AcceptAnswer("t", "AAAA"));
            Assert.Equal(SipMikeyStatus.MikeyRefused, offer.AcceptAnswer("t", mikey)); // its own offer echoed
            Assert.Equal(SipMikeyStatus.UnknownDialog, offer.Confirm("t"));
            Assert.Equal(0, offer.ForkCount);
            var answerer = new SipMikeyAnswerer();
            Assert.Equal(SipMikeyStatus.Malformed, answerer.Answer("@@"));
            Assert.Equal(SipMikeyStatus.InvalidState, answerer.Answer(mikey)); // no PSK responder here
        }

        private static uint CsbId(string b64)
        {
            byte[] m = Convert.FromBase64String(b64);
            return (uint)(m[4] << 24 | m[5] << 16 | m[6] << 8 | m[7]);
        }

        private static string Rand(string b64)
        {
            byte[] m = Convert.FromBase64String(b64);
            var r = new MikeyReader();
            Assert.Equal(MikeyStatus.Ok, r.Reset(m, 0, m.Length));
            while (r.Read() == MikeyStatus.Ok)
            {
                if (r.PayloadType == PayloadType.Rand) return Convert.ToHexString(m, r.Rand.RandOffset, r.Rand.RandLength);
            }

            throw new InvalidOperationException("no RAND");
        }
    }
}
