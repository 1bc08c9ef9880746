using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>What the RSA modes (PK, RFC 3830 §3.2; RSA-R, RFC 4738; DH-SIGN, §3.3) must do, run for each.</summary>
    public class RsaModeTests
    {
        public static TheoryData<string> Modes => RsaExchange.Modes;

        public static TheoryData<string, string, string, string, ErrorCode> BadCertificates()
        {
            var d = new TheoryData<string, string, string, string, ErrorCode>();
            foreach (string mode in new[] { "pk", "rsar", "dhsign" })
            {
                d.Add(mode, "alice", "alice-expired", "sip:alice@example.com", ErrorCode.InvalidCert); // valid 2010-2015
                d.Add(mode, "alice", "alice", "sip:mallory@example.com", ErrorCode.InvalidId);         // the certificate names someone else
                d.Add(mode, "carol", "carol", "sip:alice@example.com", ErrorCode.InvalidId);           // Carol's certificate, Alice's name
            }
            return d;
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public void BothSidesAgreeAndProtectMediaBothWays(string mode)
        {
            var x = RsaExchange.Make(mode);
            x.I.AddCryptoSession(0, 5, SrtpPolicy.AesCm256HmacSha1_80()); // a second session, SSRC left to the responder
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Assert.True(x.I.IsComplete);
            Assert.Equal(2, x.R.Bundle.Count);
            Assert.Equal(32, x.R.Bundle.Get(1).GetMasterKey(0).KeyLength);
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Theory]
        [MemberData(nameof(BadCertificates))]
        public void BadInitiatorCertificatesAreRefused(string mode, string key, string cert, string identity, ErrorCode code)
        {
            byte[] id = System.Text.Encoding.ASCII.GetBytes(identity);
            var x = RsaExchange.Make(mode, Credentials(key, id, cert));
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, x.Run());
            Assert.Equal(code, x.R.ErrorCode);
            Assert.Equal(0, x.R.Bundle.Count);
            Assert.Equal((byte)DataType.Error, x.Answer[1]);
            Assert.Equal(MikeyExchangeStatus.ErrorReceived, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Assert.Equal(code, x.I.ReceivedError);
            Assert.False(x.I.IsComplete);
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public void EveryByteOfTheOfferIsProtected(string mode)
        {
            var x = RsaExchange.Make(mode);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            string key = Hex(x.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            byte[] msg = x.Offer.AsSpan(0, x.I.OfferLength).ToArray();
            var seen = new HashSet<ErrorCode>();
            for (int i = 0; i < msg.Length; i++)
            {
                msg[i] ^= 0x01;
                MikeyExchangeStatus s = x.R.Respond(msg, 0, msg.Length, x.Answer, 0, x.Answer.Length);
                Assert.True(s != MikeyExchangeStatus.Ok, "byte " + i + " accepted");
                seen.Add(x.R.ErrorCode);
                // The keys of the previous exchange stay as they were.
                Assert.Equal(key, Hex(x.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16));
                msg[i] ^= 0x01;
            }
            // Header, time and structure damage is reported as such; the rest fails authentication.
            Assert.Contains(ErrorCode.AuthFailure, seen);
            // Nothing was cached by the forgeries: the genuine offer still goes through.
            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(msg, 0, msg.Length, x.Answer, 0, x.Answer.Length));
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public void EveryByteOfTheAnswerIsProtected(string mode)
        {
            var x = RsaExchange.Make(mode);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            byte[] answer = x.Answer.AsSpan(0, x.AnswerLength).ToArray();
            for (int i = 0; i < answer.Length; i++)
            {
                answer[i] ^= 0x40;
                Assert.True(x.I.ReadAnswer(answer, 0, answer.Length) != MikeyExchangeStatus.Ok, "byte " + i + " accepted");
                Assert.False(x.I.IsComplete);
                answer[i] ^= 0x40;
            }
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(answer, 0, answer.Length));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public void ReplayIsRejectedAndKeysStay(string mode)
        {
            var x = RsaExchange.Make(mode);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            string key = Hex(x.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16);
            Assert.Equal(MikeyExchangeStatus.Replayed, x.R.Respond(x.Offer, 0, x.OfferLength, x.Answer, 0, x.Answer.Length));
            Assert.Equal(ErrorCode.InvalidTs, x.R.ErrorCode);
            Assert.Equal(key, Hex(x.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16));
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public void OutsideSkewIsRejectedThenAcceptedOnceTheClockIsCorrected(string mode)
        {
            var x = RsaExchange.Make(mode);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            x.Clock.NtpNow = T + (3600UL << 32);
            Assert.Equal(MikeyExchangeStatus.OutsideSkew, x.R.Respond(x.Offer, 0, x.I.OfferLength, x.Answer, 0, x.Answer.Length));
            Assert.Equal(ErrorCode.InvalidTs, x.R.ErrorCode);
            Assert.Equal(0, x.R.Bundle.Count);
            x.Clock.NtpNow = T + (10UL << 32);
            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(x.Offer, 0, x.I.OfferLength, x.Answer, 0, x.Answer.Length));
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public void PolicyBelowTheMinimumIsAnsweredWithInvalidSp(string mode)
        {
            var x = RsaExchange.Make(mode);
            SrtpPolicy weak = SrtpPolicy.AesCm128HmacSha1_80();
            weak.SrtpAuthentication = false;
            x.I.AddCryptoSession(9, 0, weak);
            Assert.Equal(MikeyExchangeStatus.PolicyRefused, x.Run());
            Assert.Equal(ErrorCode.InvalidSp, x.R.ErrorCode);
            Assert.Equal(0, x.R.Bundle.Count);
        }

        [Theory]
        [MemberData(nameof(Modes))]
        public void ACompleteExchangeAllocatesNothingAfterWarmUp(string mode)
        {
            var x = RsaExchange.Make(mode, cacheSize: 64, softwareAes: true);
            for (int round = 0; round < 3; round++)
            {
                x.I.Reset();
                x.I.AddCryptoSession(0x01020304, 0, Policy);
                long before = GC.GetAllocatedBytesForCurrentThread();
                MikeyExchangeStatus a = x.I.WriteOffer(x.Offer, 0, x.Offer.Length);
                MikeyExchangeStatus b = x.R.Respond(x.Offer, 0, x.I.OfferLength, x.Answer, 0, x.Answer.Length);
                MikeyExchangeStatus c = x.I.ReadAnswer(x.Answer, 0, x.R.AnswerLength);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.Equal(MikeyExchangeStatus.Ok, a);
                Assert.Equal(MikeyExchangeStatus.Ok, b);
                Assert.Equal(MikeyExchangeStatus.Ok, c);
                if (round > 0) Assert.Equal(0, allocated);
                x.Clock.NtpNow += 1UL << 32;
            }
        }

        private static readonly SrtpPolicy Policy = SrtpPolicy.AesCm128HmacSha1_80();
    }
}
