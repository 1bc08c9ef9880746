using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>MIKEY-RSA-R (RFC 4738) specifics; what it shares with PK is in <see cref="RsaModeTests"/>.</summary>
    public class RsaRTests
    {
        private static readonly byte[] Carol = System.Text.Encoding.ASCII.GetBytes("sip:carol@example.com");

        [Fact]
        public void TheAnswerHasTheRfc4738Shape()
        {
            var x = RsaExchange.Make("rsar");
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal((byte)DataType.RsaRInit, x.Offer[1]);
            Assert.Equal((byte)DataType.RsaRResponse, x.Answer[1]);
            Assert.Equal(new[] { PayloadType.Timestamp, PayloadType.Id, PayloadType.Cert, PayloadType.Kemac, PayloadType.Pke, PayloadType.Sign },
                Payloads(x.Answer, x.AnswerLength)); // unicast: the offer had RAND, so the answer has none (RFC 4738 §3.1)
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
        }

        [Fact]
        public void GroupModeGivesEveryMemberTheGroupKeys()
        {
            // Bob runs a group of two streams; Alice and Carol join with group offers (no sessions, no RAND, no SP).
            var x = RsaExchange.Make("rsar");
            var bob = (RsaRResponder)x.R;
            bob.AddGroupSession(0xAAAA0001, 0, SrtpPolicy.AesCm128HmacSha1_80());
            bob.AddGroupSession(0xAAAA0002, 7, SrtpPolicy.AesCm256HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.Ok, bob.StartGroup());
            var alice = (RsaRInitiator)x.I;
            alice.GroupMode = true;
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(new[] { PayloadType.GeneralExtension, PayloadType.Timestamp, PayloadType.Rand, PayloadType.Id, PayloadType.Cert,
                PayloadType.SecurityPolicy, PayloadType.SecurityPolicy, PayloadType.Kemac, PayloadType.Pke, PayloadType.Sign }, Payloads(x.Answer, x.AnswerLength));
            Assert.Equal(MikeyExchangeStatus.Ok, alice.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Assert.Equal(bob.GroupCsbId, alice.Bundle.CsbId);
            Assert.Equal(2, alice.Bundle.Count);
            Assert.Equal(0xAAAA0002u, alice.Bundle.Get(1).Ssrc);
            Media.BothWays(alice.Bundle, bob.Bundle);

            var carol = new RsaRInitiator(new HostAesEngineFactory(), Drbg("carol"), x.Clock, Credentials("carol", Carol, "carol"), TrustCa()) { GroupMode = true };
            byte[] offer = new byte[8192], answer = new byte[8192];
            Assert.Equal(MikeyExchangeStatus.Ok, carol.WriteOffer(offer, 0, offer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, bob.Respond(offer, 0, carol.OfferLength, answer, 0, answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, carol.ReadAnswer(answer, 0, bob.AnswerLength));
            Media.BothWays(alice.Bundle, carol.Bundle); // the same group keys
        }

        [Fact]
        public void AUnicastOfferIsNotAnsweredWithGroupKeysUnnoticed()
        {
            // A group answer to a unicast offer breaks the RAND rule (RFC 4738 §3.1): the initiator discards it.
            var x = RsaExchange.Make("rsar");
            var bob = (RsaRResponder)x.R;
            bob.AddGroupSession(0xAAAA0001, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.Ok, bob.StartGroup());
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.NotEqual(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Assert.False(x.I.IsComplete);
        }

        [Fact]
        public void AnAnswerSignedByAnotherPartyIsRefused()
        {
            // Carol answers (certified by the same CA) although Alice named Bob: the IDr/certificate check fails.
            var x = RsaExchange.Make("rsar", bob: Credentials("carol", Carol, "carol"));
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Assert.Equal(0, x.I.Bundle.Count);
        }

        [Fact]
        public void ExactlyOneSideSendsRand()
        {
            // The offer reaches Bob without its RAND (removed and re-signed with Alice's key): Bob answers with his own RAND
            // (RFC 4738 §3.1). Alice sent RAND, so she discards that answer; an initiator without RAND would take it.
            var x = RsaExchange.Make("rsar");
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            byte[] stripped = WithoutRand(x.Offer, x.I.OfferLength);
            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(stripped, 0, stripped.Length, x.Answer, 0, x.Answer.Length));
            Assert.Contains(PayloadType.Rand, Payloads(x.Answer, x.R.AnswerLength));
            Assert.Equal(MikeyExchangeStatus.Malformed, x.I.ReadAnswer(x.Answer, 0, x.R.AnswerLength));
            Assert.False(x.I.IsComplete);
        }

        private static byte[] WithoutRand(byte[] msg, int length)
        {
            var r = new NanoMikey.Mikey.Codec.MikeyReader();
            Assert.Equal(NanoMikey.Mikey.Codec.MikeyStatus.Ok, r.Reset(msg, 0, length));
            int t = -1, rand = -1, randLength = 0;
            while (r.Read() == NanoMikey.Mikey.Codec.MikeyStatus.Ok)
            {
                if (r.PayloadType == PayloadType.Timestamp) t = r.PayloadOffset;
                if (r.PayloadType == PayloadType.Rand) { rand = r.PayloadOffset; randLength = r.PayloadLength; }
            }
            byte[] body = msg.AsSpan(0, rand).ToArray().Concat(msg.AsSpan(rand + randLength, length - 256 - rand - randLength).ToArray()).ToArray();
            body[t] = msg[rand]; // T's Next payload becomes RAND's
            using var alice = System.Security.Cryptography.RSA.Create(DotNetKey("alice"));
            return body.Concat(alice.SignData(body, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)).ToArray();
        }

        internal static PayloadType[] Payloads(byte[] msg, int length)
        {
            var r = new NanoMikey.Mikey.Codec.MikeyReader();
            Assert.Equal(NanoMikey.Mikey.Codec.MikeyStatus.Ok, r.Reset(msg, 0, length));
            var list = new List<PayloadType>();
            while (r.Read() == NanoMikey.Mikey.Codec.MikeyStatus.Ok) list.Add(r.PayloadType);
            return list.ToArray();
        }
    }
}
