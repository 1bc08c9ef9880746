using NanoMikey.Crypto.Cipher;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Ecc.Tests.EccFixtures;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>MIKEY-ECMQV (docs/ecc-profile.md §4) end to end.</summary>
    public class EcmqvTests
    {
        internal sealed class Pair
        {
            public TestClock Clock = new() { NtpNow = T };
            public EcmqvInitiator I = null!;
            public EcmqvResponder R = null!;
            public byte[] Offer = new byte[4096], Answer = new byte[4096];
            public int OfferLength, AnswerLength;

            public MikeyExchangeStatus Run()
            {
                Assert.Equal(MikeyExchangeStatus.Ok, I.WriteOffer(Offer, 0, Offer.Length));
                OfferLength = I.OfferLength;
                MikeyExchangeStatus s = R.Respond(Offer, 0, OfferLength, Answer, 0, Answer.Length);
                AnswerLength = R.AnswerLength;
                return s;
            }
        }

        internal static Pair Make(EccCredentials? alice = null, EccPeerTrust? bobTrusts = null, string seed = "ecmqv", bool verify = true,
            int cacheSize = 16, bool softwareAes = false)
        {
            var p = new Pair();
            NanoMikey.Crypto.Hal.IAesEngineFactory aes = softwareAes ? new SoftwareAesFactory() : new HostAesEngineFactory();
            p.I = new EcmqvInitiator(aes, Drbg(seed + "/i"), p.Clock, alice ?? Credentials("alice", Alice, "alice"), TrustCa());
            p.I.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
            byte[] bobCert = Cert("bob");
            Assert.Equal(MikeyExchangeStatus.Ok, p.I.SetResponderCertificate(bobCert, 0, bobCert.Length));
            p.I.RequestVerification = verify;
            p.I.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            p.R = new EcmqvResponder(aes, p.Clock, Cache(p.Clock, cacheSize), Credentials("bob", Bob, "bob"), bobTrusts ?? TrustCa());
            return p;
        }

        [Fact]
        public void BothSidesAgreeAndProtectMediaBothWays()
        {
            var p = Make();
            p.I.AddCryptoSession(0, 3, SrtpPolicy.AesCm256HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            Assert.Equal(240, p.Offer[1]);
            Assert.Equal(241, p.Answer[1]);
            Assert.False(p.I.IsComplete);
            Assert.Equal(MikeyExchangeStatus.Ok, p.I.ReadAnswer(p.Answer, 0, p.AnswerLength));
            Assert.True(p.I.IsComplete);
            Assert.Equal(2, p.R.Bundle.Count);
            Media.BothWays(p.I.Bundle, p.R.Bundle);
        }

        [Fact]
        public void WithoutVerificationTheOfferCompletesAtOnce()
        {
            var p = Make(verify: false);
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            Assert.True(p.I.IsComplete);
            Assert.Equal(0, p.AnswerLength);
            Media.BothWays(p.I.Bundle, p.R.Bundle);
        }

        [Fact]
        public void VerificationExposesAWrongResponderKey()
        {
            // The initiator computes MQV with Carol's key instead of Bob's: Bob derives another TGK and his V does not verify.
            var p = Make();
            p.I.SetResponderKey(Key("carol").PublicKey);
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, p.I.ReadAnswer(p.Answer, 0, p.AnswerLength));
            Assert.False(p.I.IsComplete);
            Assert.NotEqual(Hex(p.I.Bundle.Get(0).GetMasterKey(0).Key, 0, 16), Hex(p.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16));
        }

        [Theory]
        [InlineData("alice-rogue", "sip:alice@example.com", ErrorCode.InvalidCert)]
        [InlineData("alice-expired", "sip:alice@example.com", ErrorCode.InvalidCert)]
        [InlineData("alice", "sip:mallory@example.com", ErrorCode.InvalidId)]
        public void BadInitiatorCertificatesAreRefused(string cert, string identity, ErrorCode code)
        {
            byte[] id = System.Text.Encoding.ASCII.GetBytes(identity);
            var p = Make(Credentials("alice", id, cert));
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, p.Run());
            Assert.Equal(code, p.R.ErrorCode);
            Assert.Equal(0, p.R.Bundle.Count);
            Assert.Equal(MikeyExchangeStatus.ErrorReceived, p.I.ReadAnswer(p.Answer, 0, p.AnswerLength));
        }

        [Fact]
        public void EveryByteOfTheOfferIsProtected()
        {
            var p = Make();
            Assert.Equal(MikeyExchangeStatus.Ok, p.I.WriteOffer(p.Offer, 0, p.Offer.Length));
            byte[] msg = p.Offer.AsSpan(0, p.I.OfferLength).ToArray();
            byte[] answer = new byte[4096];
            for (int i = 0; i < msg.Length; i++)
            {
                msg[i] ^= 0x01;
                Assert.True(p.R.Respond(msg, 0, msg.Length, answer, 0, answer.Length) != MikeyExchangeStatus.Ok, "byte " + i + " accepted");
                Assert.Equal(0, p.R.Bundle.Count);
                msg[i] ^= 0x01;
            }
            Assert.Equal(MikeyExchangeStatus.Ok, p.R.Respond(msg, 0, msg.Length, answer, 0, answer.Length));
        }

        [Fact]
        public void EveryByteOfTheAnswerIsProtected()
        {
            var p = Make();
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            byte[] answer = p.Answer.AsSpan(0, p.AnswerLength).ToArray();
            for (int i = 0; i < answer.Length; i++)
            {
                answer[i] ^= 0x40;
                Assert.True(p.I.ReadAnswer(answer, 0, answer.Length) != MikeyExchangeStatus.Ok, "byte " + i + " accepted");
                Assert.False(p.I.IsComplete);
                answer[i] ^= 0x40;
            }
            Assert.Equal(MikeyExchangeStatus.Ok, p.I.ReadAnswer(answer, 0, answer.Length));
        }

        [Fact]
        public void ReplaySkewAndFullCache()
        {
            var p = Make(cacheSize: 1);
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            string key = Hex(p.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16);
            Assert.Equal(MikeyExchangeStatus.Replayed, p.R.Respond(p.Offer, 0, p.OfferLength, p.Answer, 0, p.Answer.Length));
            Assert.Equal(ErrorCode.InvalidTs, p.R.ErrorCode);
            Assert.Equal(key, Hex(p.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16));
            p.I.Reset();
            p.I.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.ReplayCacheFull, p.Run());

            var q = Make(seed: "skew");
            Assert.Equal(MikeyExchangeStatus.Ok, q.I.WriteOffer(q.Offer, 0, q.Offer.Length));
            q.Clock.NtpNow = T + (3600UL << 32);
            Assert.Equal(MikeyExchangeStatus.OutsideSkew, q.R.Respond(q.Offer, 0, q.I.OfferLength, q.Answer, 0, q.Answer.Length));
            q.Clock.NtpNow = T;
            Assert.Equal(MikeyExchangeStatus.Ok, q.R.Respond(q.Offer, 0, q.I.OfferLength, q.Answer, 0, q.Answer.Length));
        }

        [Fact]
        public void ACompleteExchangeAllocatesNothingAfterWarmUp()
        {
            var p = Make(cacheSize: 64, softwareAes: true);
            for (int round = 0; round < 3; round++)
            {
                p.I.Reset();
                p.I.AddCryptoSession(0x01020304, 0, Policy);
                long before = GC.GetAllocatedBytesForCurrentThread();
                MikeyExchangeStatus a = p.I.WriteOffer(p.Offer, 0, p.Offer.Length);
                MikeyExchangeStatus b = p.R.Respond(p.Offer, 0, p.I.OfferLength, p.Answer, 0, p.Answer.Length);
                MikeyExchangeStatus c = p.I.ReadAnswer(p.Answer, 0, p.R.AnswerLength);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.Equal(MikeyExchangeStatus.Ok, a);
                Assert.Equal(MikeyExchangeStatus.Ok, b);
                Assert.Equal(MikeyExchangeStatus.Ok, c);
                if (round > 0) Assert.Equal(0, allocated);
                p.Clock.NtpNow += 1UL << 32;
            }
        }

        private static readonly SrtpPolicy Policy = SrtpPolicy.AesCm128HmacSha1_80();
    }
}
