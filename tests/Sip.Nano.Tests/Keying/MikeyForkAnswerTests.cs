using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Mikey.Time;
using static NanoMikey.Sip.Tests.Keying.SipKeyingFixtures;

namespace NanoMikey.Sip.Tests.Keying
{
    /// <summary>The initiators' fork API under SipMikeyOffer: several answers to one offer, each into its own bundle.</summary>
    public class MikeyForkAnswerTests
    {
        private readonly SipTestClock _clock = new() { NtpNow = T };
        private readonly byte[] _offer = new byte[4096];
        private readonly byte[] _answer = new byte[4096];

        [Fact]
        public void EcdhSign_TwoAnswers_TwoBundles_EachTheResponders_OfferStaysOpenUntilEndAnswers()
        {
            var i = new EcdhSignInitiator(Drbg("fork/i"), _clock, Credentials("alice", Alice, "alice"), TrustCa());
            i.AddCryptoSession(0x11, 0, Policy());
            Assert.Equal(MikeyExchangeStatus.Ok, i.WriteOffer(_offer, 0, _offer.Length));
            var bundles = new CryptoSessionBundle[3];
            EcdhSignResponder[] responders =
            {
                new(Drbg("fork/bob"), _clock, new ReplayCache(4, _clock, new FreshnessPolicy()), Credentials("bob", Bob, "bob"), TrustCa()),
                new(Drbg("fork/dave"), _clock, new ReplayCache(4, _clock, new FreshnessPolicy()), Credentials("dave", Dave, "dave", "intermediate"), TrustCa()),
                new(Drbg("fork/carol"), _clock, new ReplayCache(4, _clock, new FreshnessPolicy()), Credentials("carol", Carol, "carol-cn"), TrustCa()),
            };
            for (int k = 0; k < 3; k++)
            {
                Assert.Equal(MikeyExchangeStatus.Ok, responders[k].Respond(_offer, 0, i.OfferLength, _answer, 0, _answer.Length));
                bundles[k] = new CryptoSessionBundle();
                if (k == 2) i.EndAnswers();
                MikeyExchangeStatus s = i.ReadForkAnswer(_answer, 0, responders[k].AnswerLength, bundles[k]);
                Assert.Equal(k < 2 ? MikeyExchangeStatus.Ok : MikeyExchangeStatus.InvalidState, s);
                Assert.False(i.IsComplete);
            }

            Assert.Equal(responders[0].Bundle.Get(0).GetMasterKey(0).Key, bundles[0].Get(0).GetMasterKey(0).Key);
            Assert.Equal(responders[1].Bundle.Get(0).GetMasterKey(0).Key, bundles[1].Get(0).GetMasterKey(0).Key);
            Assert.NotEqual(bundles[0].Get(0).GetMasterKey(0).Key, bundles[1].Get(0).GetMasterKey(0).Key);
            Assert.Equal(0, bundles[2].Count);
            Assert.Equal(0, i.Bundle.Count); // the initiator's own bundle is not touched by forks
        }

        [Fact]
        public void Psk_ForkAnswer_TakesResponderSsrc_FailureLeavesBundleAlone()
        {
            var aes = new HostAesEngineFactory();
            var i = new PskInitiator(aes, Drbg("fork/psk"), _clock) { RequestVerification = true };
            i.SetPreSharedKey(Psk, 0, Psk.Length);
            i.AddCryptoSession(0x11, 0, Policy());
            i.AddCryptoSession(0, 0, Policy());
            Assert.Equal(MikeyExchangeStatus.Ok, i.WriteOffer(_offer, 0, _offer.Length));
            var r = new PskResponder(aes, _clock, new ReplayCache(4, _clock, new FreshnessPolicy()));
            r.SetPreSharedKey(Psk, 0, Psk.Length);
            r.SetOwnStream(2, 0xBEEF, 0);
            Assert.Equal(MikeyExchangeStatus.Ok, r.Respond(_offer, 0, i.OfferLength, _answer, 0, _answer.Length));
            var b = new CryptoSessionBundle();
            _answer[r.AnswerLength - 1] ^= 1; // V MAC broken
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, i.ReadForkAnswer(_answer, 0, r.AnswerLength, b));
            Assert.Equal(0, b.Count);
            _answer[r.AnswerLength - 1] ^= 1;
            Assert.Equal(MikeyExchangeStatus.Ok, i.ReadForkAnswer(_answer, 0, r.AnswerLength, b));
            Assert.Equal(0xBEEFu, b.Get(1).Ssrc);
            Assert.Equal(0u, i.Bundle.Get(1).Ssrc); // the offer's own keys keep CS 2 open for the next fork
            Assert.Equal(r.Bundle.Get(1).GetMasterKey(0).Key, b.Get(1).GetMasterKey(0).Key);
            Assert.Equal(MikeyExchangeStatus.Ok, i.ReadForkAnswer(_answer, 0, r.AnswerLength, new CryptoSessionBundle()));
            i.EndAnswers();
            Assert.Equal(MikeyExchangeStatus.InvalidState, i.ReadForkAnswer(_answer, 0, r.AnswerLength, new CryptoSessionBundle()));
        }

        [Fact]
        public void EciesAndEcmqv_ForkAnswer_Unsupported()
        {
            var aes = new HostAesEngineFactory();
            var ecies = new EciesInitiator(aes, Drbg("fork/ecies"), _clock, Credentials("alice", Alice, "alice"), TrustCa());
            Assert.Equal(MikeyExchangeStatus.Unsupported, ecies.ReadForkAnswer(_answer, 0, 10, new CryptoSessionBundle()));
        }
    }
}
