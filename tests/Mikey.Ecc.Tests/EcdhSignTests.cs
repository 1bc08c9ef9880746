using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Ecc.Tests.EccFixtures;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>ECDH-SIGN specifics (docs/ecc-profile.md §2); what all modes share is in <see cref="ModeTests"/>.</summary>
    public class EcdhSignTests
    {
        [Fact]
        public void ChainThroughAnIntermediateAndCommonNameIdentityAreAccepted()
        {
            byte[] dave = System.Text.Encoding.ASCII.GetBytes("sip:dave@example.com");
            Assert.Equal(MikeyExchangeStatus.Ok, Exchange.Make("ecdh", Credentials("dave", dave, "dave", "intermediate")).Run());
            byte[] carol = System.Text.Encoding.ASCII.GetBytes("sip:carol@example.com");
            Assert.Equal(MikeyExchangeStatus.Ok, Exchange.Make("ecdh", Credentials("carol", carol, "carol-cn"), seed: "cn").Run());
        }

        [Fact]
        public void ResponderCertificateIsCheckedByTheInitiator()
        {
            // Bob's answer is signed by Bob, but the initiator trusts only a pinned key that is not Bob's.
            var x = Exchange.Make("ecdh");
            var pinned = new EccPeerTrust();
            pinned.PinPublicKey(Key("carol").PublicKey);
            x.I = new EcdhSignInitiator(Drbg("pin/i"), x.Clock, Credentials("alice", Alice, "alice"), pinned);
            x.I.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Assert.False(x.I.IsComplete);
        }

        [Fact]
        public void PinnedKeyWithoutCertificatesAndPinnedHashWork()
        {
            // Alice sends no certificate; Bob pinned her key and expects her identity.
            var bobTrusts = new EccPeerTrust();
            bobTrusts.PinPublicKey(Key("alice").PublicKey);
            bobTrusts.SetExpectedIdentity(Alice, 0, Alice.Length);
            var x = Exchange.Make("ecdh", Credentials("alice", Alice), bobTrusts);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Media.BothWays(x.I.Bundle, x.R.Bundle);

            // The same key claiming another identity is refused.
            var y = Exchange.Make("ecdh", Credentials("alice", Bob), bobTrusts, seed: "pin2");
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, y.Run());
            Assert.Equal(ErrorCode.InvalidId, y.R.ErrorCode);

            // Pinned by certificate hash: Alice's certificate passes, the rogue one does not.
            var hashTrust = new EccPeerTrust();
            hashTrust.PinCertificateHash(System.Security.Cryptography.SHA256.HashData(Cert("alice")), 0);
            Assert.Equal(MikeyExchangeStatus.Ok, Exchange.Make("ecdh", null, hashTrust, seed: "hash").Run());
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, Exchange.Make("ecdh", Credentials("alice", Alice, "alice-rogue"), hashTrust, seed: "hash2").Run());
        }

        [Fact]
        public void NoTrustMeansUnknownPeer()
        {
            var x = Exchange.Make("ecdh", null, new EccPeerTrust());
            Assert.Equal(MikeyExchangeStatus.UnknownPeer, x.Run());
            Assert.Equal(ErrorCode.InvalidCert, x.R.ErrorCode);
        }

        [Fact]
        public void OtherCurveIsInvalidDh()
        {
            // The offer with its ECCPT replaced by a P-384 one (curve 11, 97-byte point padded to 100), signed again by Alice.
            var x = Exchange.Make("ecdh");
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            int n = x.I.OfferLength;
            int eccpt = n - 66 - 74; // SIGN is 66 bytes, ECCPT 74
            Assert.Equal((byte)EccCurve.P256, x.Offer[eccpt + 1]);
            var msg = new List<byte>(x.Offer.AsSpan(0, eccpt).ToArray());
            msg.AddRange(new byte[] { 4, (byte)EccCurve.P384, 0x04 });
            msg.AddRange(new byte[96 + 3]);
            msg.AddRange(new byte[] { 0, 0, 32, 0 });
            msg.AddRange(x.Offer.AsSpan(n - 66, 66).ToArray());
            byte[] m = msg.ToArray();
            Exchange.Resign(m, m.Length, "alice");
            Assert.Equal(MikeyExchangeStatus.Unsupported, x.R.Respond(m, 0, m.Length, x.Answer, 0, x.Answer.Length));
            Assert.Equal(ErrorCode.InvalidDh, x.R.ErrorCode);
        }

        [Theory]
        [InlineData("eccpti")]
        [InlineData("t")]
        [InlineData("idi")]
        public void AnswerMustEchoTheOffer(string what)
        {
            // A genuinely signed answer (Bob re-signs it) that does not echo the offer's ECCPTi, T or IDi is refused.
            var x = Exchange.Make("ecdh");
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            byte[] r = x.Answer.AsSpan(0, x.AnswerLength).ToArray();
            int n = r.Length;
            int at = what switch
            {
                "eccpti" => n - 66 - 74 + 2 + 64, // a byte of the point in the echoed ECCPTi
                "t" => 19 + 2 + 7,                // last byte of T's value (HDR 10 + one CS entry 9 = 19)
                _ => n - 66 - 74 - 74 - 1,        // last byte of IDi's data
            };
            r[at] ^= 0x01;
            Exchange.Resign(r, n, "bob");
            MikeyExchangeStatus s = x.I.ReadAnswer(r, 0, n);
            Assert.True(s == MikeyExchangeStatus.Mismatch, what + ": " + s);
            Assert.False(x.I.IsComplete);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
        }
    }
}
