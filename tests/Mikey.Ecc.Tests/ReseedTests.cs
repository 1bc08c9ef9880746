using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Ecc.Tests.EccFixtures;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>ECC parties on a DRBG from explicit entropy past its reseed interval: ReseedRequired, nothing changes.</summary>
    public class ReseedTests
    {
        private static HmacDrbg Small(int interval) => new HmacDrbg(new byte[32], new byte[16], null, interval);

        [Theory]
        [MemberData(nameof(Exchange.Modes), MemberType = typeof(Exchange))]
        public void InitiatorOfferIsRefusedUntilReseeded(string mode)
        {
            var x = Exchange.Make(mode);
            var drbg = Small(10); // enough for one offer of any mode (ECIES: 4 requests + 4 ephemeral draws)
            for (int i = 0; i < 6; i++) drbg.Generate(new byte[1], 0, 1); // 4 left: fewer than any ECC offer budgets
            var alice = Credentials("alice", Alice, "alice");
            x.I = mode switch
            {
                "ecdh" => new EcdhSignInitiator(drbg, x.Clock, alice, TrustCa()),
                "ecies" => new EciesInitiator(new NanoMikey.Hardware.Host.HostAesEngineFactory(), drbg, x.Clock, alice, TrustCa()),
                _ => new EcmqvInitiator(new NanoMikey.Hardware.Host.HostAesEngineFactory(), drbg, x.Clock, alice, TrustCa()),
            };
            x.I.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
            if (x.I is EccStaticKeyInitiator s)
            {
                byte[] bobCert = Cert("bob");
                Assert.Equal(MikeyExchangeStatus.Ok, s.SetResponderCertificate(bobCert, 0, bobCert.Length));
            }

            x.I.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            byte[] before = (byte[])x.Offer.Clone();
            Assert.Equal(MikeyExchangeStatus.ReseedRequired, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            Assert.Equal(before, x.Offer);
            Assert.Equal(0, x.I.OfferLength);
            drbg.Reseed(new byte[32], 0, 32, null, 0, 0);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
        }

        [Fact]
        public void EcdhResponderAnswersReseedRequiredAndKeepsItsKeys()
        {
            var x = Exchange.Make("ecdh");
            var drbg = Small(4 + 3); // one answer (up to four draws), then three requests left: not enough for another
            var cache = new NanoMikey.Mikey.Time.ReplayCache(16, x.Clock, new NanoMikey.Mikey.Time.FreshnessPolicy());
            x.R = new EcdhSignResponder(drbg, x.Clock, cache, Credentials("bob", Bob, "bob"), TrustCa());
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            string key = Hex(x.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16);
            while (drbg.CanGenerate(4)) // the responder budgets four draws for its ephemeral key
                drbg.Generate(new byte[1], 0, 1);

            x.Clock.NtpNow += 1UL << 32;
            Assert.Equal(MikeyExchangeStatus.ReseedRequired, x.Run());
            Assert.Equal(ErrorCode.Unspecified, x.R.ErrorCode);
            Assert.Equal(key, Hex(x.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16));

            // Reseeded, the same offer is still fresh (it was never remembered) and is answered.
            drbg.Reseed(new byte[32], 0, 32, null, 0, 0);
            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(x.Offer, 0, x.OfferLength, x.Answer, 0, x.Answer.Length));
        }
    }
}
