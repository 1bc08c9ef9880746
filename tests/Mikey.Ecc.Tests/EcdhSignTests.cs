using NanoMikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Ecc.Tests.EccFixtures;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>ECDH-SIGN (docs/ecc-profile.md §2) end to end with the certificates of tests/vectors/mikey-ecc.</summary>
    public class EcdhSignTests
    {
        internal sealed class Pair
        {
            public TestClock Clock = new() { NtpNow = T };
            public EcdhSignInitiator I = null!;
            public EcdhSignResponder R = null!;
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

        internal static Pair Make(EccCredentials? alice = null, EccPeerTrust? bobTrusts = null, string seed = "ecdh", int cacheSize = 16)
        {
            var p = new Pair();
            p.I = new EcdhSignInitiator(Drbg(seed + "/i"), p.Clock, alice ?? Credentials("alice", Alice, "alice"), TrustCa());
            p.I.SetResponderIdentity(IdType.Uri, Bob, 0, Bob.Length);
            p.I.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            p.R = new EcdhSignResponder(Drbg(seed + "/r"), p.Clock, Cache(p.Clock, cacheSize), Credentials("bob", Bob, "bob"), bobTrusts ?? TrustCa());
            return p;
        }

        [Fact]
        public void BothSidesAgreeAndProtectMediaBothWays()
        {
            var p = Make();
            p.I.AddCryptoSession(0, 5, SrtpPolicy.AesCm256HmacSha1_80()); // a second crypto session, SSRC left to the responder
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            Assert.False(p.I.IsComplete);
            Assert.Equal(MikeyExchangeStatus.Ok, p.I.ReadAnswer(p.Answer, 0, p.AnswerLength));
            Assert.True(p.I.IsComplete);
            Assert.Equal(2, p.R.Bundle.Count);
            Assert.Equal(32, p.R.Bundle.TgkLength);
            Assert.Equal(32, p.R.Bundle.Get(1).GetMasterKey(0).KeyLength);
            Media.BothWays(p.I.Bundle, p.R.Bundle);
            // Payload order of both messages (docs/ecc-profile.md §2).
            Assert.Equal((byte)DataType.DhInit, p.Offer[1]);
            Assert.Equal((byte)DataType.DhResponse, p.Answer[1]);
        }

        [Fact]
        public void ChainThroughAnIntermediateAndCommonNameIdentityAreAccepted()
        {
            byte[] dave = System.Text.Encoding.ASCII.GetBytes("sip:dave@example.com");
            var p = Make(Credentials("dave", dave, "dave", "intermediate"));
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            byte[] carol = System.Text.Encoding.ASCII.GetBytes("sip:carol@example.com");
            var q = Make(Credentials("carol", carol, "carol-cn"), seed: "cn");
            Assert.Equal(MikeyExchangeStatus.Ok, q.Run());
        }

        [Theory]
        [InlineData("alice-rogue", "sip:alice@example.com", ErrorCode.InvalidCert)]   // issued by an untrusted CA of the same name
        [InlineData("alice-expired", "sip:alice@example.com", ErrorCode.InvalidCert)] // validity 2010-2015
        [InlineData("alice", "sip:mallory@example.com", ErrorCode.InvalidId)]         // the certificate names someone else
        [InlineData("dave", "sip:dave@example.com", ErrorCode.InvalidCert)]           // intermediate missing: no path
        public void BadCertificatesAreRefused(string cert, string identity, ErrorCode code)
        {
            byte[] id = System.Text.Encoding.ASCII.GetBytes(identity);
            var p = Make(Credentials(cert == "dave" ? "dave" : "alice", id, cert));
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, p.Run());
            Assert.Equal(code, p.R.ErrorCode);
            Assert.Equal(0, p.R.Bundle.Count);
            Assert.Equal((byte)DataType.Error, p.Answer[1]);
            // The initiator reads the error message as such and keeps waiting.
            Assert.Equal(MikeyExchangeStatus.ErrorReceived, p.I.ReadAnswer(p.Answer, 0, p.AnswerLength));
            Assert.Equal(code, p.I.ReceivedError);
            Assert.False(p.I.IsComplete);
        }

        [Fact]
        public void ResponderCertificateIsCheckedByTheInitiator()
        {
            // Bob's answer signed by Bob, but the initiator trusts only a pinned key that is not Bob's.
            var p = Make();
            var pinned = new EccPeerTrust();
            pinned.PinPublicKey(Key("carol").PublicKey);
            p.I = new EcdhSignInitiator(Drbg("pin/i"), p.Clock, Credentials("alice", Alice, "alice"), pinned);
            p.I.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, p.I.ReadAnswer(p.Answer, 0, p.AnswerLength));
            Assert.False(p.I.IsComplete);
        }

        [Fact]
        public void PinnedKeyWithoutCertificatesAndPinnedHashWork()
        {
            // Alice sends no certificate; Bob pinned her key and expects her identity.
            var bobTrusts = new EccPeerTrust();
            bobTrusts.PinPublicKey(Key("alice").PublicKey);
            bobTrusts.SetExpectedIdentity(Alice, 0, Alice.Length);
            var p = Make(Credentials("alice", Alice), bobTrusts);
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, p.I.ReadAnswer(p.Answer, 0, p.AnswerLength));
            Media.BothWays(p.I.Bundle, p.R.Bundle);

            // The same key claiming another identity is refused.
            var q = Make(Credentials("alice", Bob), bobTrusts, seed: "pin2");
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, q.Run());
            Assert.Equal(ErrorCode.InvalidId, q.R.ErrorCode);

            // Pinned by certificate hash: Alice's certificate passes, the rogue one does not.
            var hashTrust = new EccPeerTrust();
            hashTrust.PinCertificateHash(System.Security.Cryptography.SHA256.HashData(Cert("alice")), 0);
            Assert.Equal(MikeyExchangeStatus.Ok, Make(null, hashTrust, seed: "hash").Run());
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, Make(Credentials("alice", Alice, "alice-rogue"), hashTrust, seed: "hash2").Run());
        }

        [Fact]
        public void NoTrustMeansUnknownPeer()
        {
            var p = Make(null, new EccPeerTrust());
            Assert.Equal(MikeyExchangeStatus.UnknownPeer, p.Run());
            Assert.Equal(ErrorCode.InvalidCert, p.R.ErrorCode);
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
                MikeyExchangeStatus s = p.R.Respond(msg, 0, msg.Length, answer, 0, answer.Length);
                Assert.True(s != MikeyExchangeStatus.Ok, "byte " + i + " accepted");
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
            Media.BothWays(p.I.Bundle, p.R.Bundle);
        }

        [Fact]
        public void ReplayIsRejectedAndKeysStay()
        {
            var p = Make();
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            string key = Hex(p.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16);
            Assert.Equal(MikeyExchangeStatus.Replayed, p.R.Respond(p.Offer, 0, p.OfferLength, p.Answer, 0, p.Answer.Length));
            Assert.Equal(ErrorCode.InvalidTs, p.R.ErrorCode);
            Assert.Equal(key, Hex(p.R.Bundle.Get(0).GetMasterKey(0).Key, 0, 16));
        }

        [Fact]
        public void OutsideSkewIsRejectedThenAcceptedOnceTheClockIsCorrected()
        {
            var p = Make();
            Assert.Equal(MikeyExchangeStatus.Ok, p.I.WriteOffer(p.Offer, 0, p.Offer.Length));
            p.Clock.NtpNow = T + (3600UL << 32);
            Assert.Equal(MikeyExchangeStatus.OutsideSkew, p.R.Respond(p.Offer, 0, p.I.OfferLength, p.Answer, 0, p.Answer.Length));
            Assert.Equal(ErrorCode.InvalidTs, p.R.ErrorCode);
            Assert.Equal(0, p.R.Bundle.Count);
            p.Clock.NtpNow = T + (10UL << 32);
            Assert.Equal(MikeyExchangeStatus.Ok, p.R.Respond(p.Offer, 0, p.I.OfferLength, p.Answer, 0, p.Answer.Length));
        }

        [Fact]
        public void FullReplayCacheRefuses()
        {
            var p = Make(cacheSize: 1);
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            p.I.Reset();
            p.I.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.ReplayCacheFull, p.Run());
            Assert.Equal(ErrorCode.Unspecified, p.R.ErrorCode);
        }

        [Fact]
        public void OtherCurveIsInvalidDh()
        {
            // The offer with its ECCPT replaced by a P-384 one (curve 11, 97-byte point padded to 100), signed again by Alice.
            var p = Make();
            Assert.Equal(MikeyExchangeStatus.Ok, p.I.WriteOffer(p.Offer, 0, p.Offer.Length));
            int n = p.I.OfferLength;
            int eccpt = n - 66 - 74; // SIGN is 66 bytes, ECCPT 74
            Assert.Equal((byte)EccCurve.P256, p.Offer[eccpt + 1]);
            var msg = new List<byte>(p.Offer.AsSpan(0, eccpt).ToArray());
            msg.AddRange(new byte[] { 4, (byte)EccCurve.P384, 0x04 });
            msg.AddRange(new byte[96 + 3]);
            msg.AddRange(new byte[] { 0, 0, 32, 0 });
            msg.AddRange(p.Offer.AsSpan(n - 66, 66).ToArray());
            byte[] m = msg.ToArray();
            Resign(m, m.Length, "alice");
            Assert.Equal(MikeyExchangeStatus.Unsupported, p.R.Respond(m, 0, m.Length, p.Answer, 0, p.Answer.Length));
            Assert.Equal(ErrorCode.InvalidDh, p.R.ErrorCode);
        }

        [Theory]
        [InlineData("eccpti")]
        [InlineData("t")]
        [InlineData("idi")]
        public void AnswerMustEchoTheOffer(string what)
        {
            // A genuinely signed answer (Bob re-signs it) that does not echo the offer's ECCPTi, T or IDi is refused.
            var p = Make();
            Assert.Equal(MikeyExchangeStatus.Ok, p.Run());
            byte[] r = p.Answer.AsSpan(0, p.AnswerLength).ToArray();
            int n = r.Length;
            int at = what switch
            {
                "eccpti" => n - 66 - 74 + 2 + 64,            // a byte of the point in the echoed ECCPTi
                "t" => 19 + 2 + 7,                           // last byte of T's value (HDR 10 + 1 CS entry 9 = 19)
                _ => n - 66 - 74 - 74 - 1,                   // last byte of IDi's data
            };
            r[at] ^= 0x01;
            Resign(r, n, "bob");
            MikeyExchangeStatus s = p.I.ReadAnswer(r, 0, n);
            Assert.True(s == MikeyExchangeStatus.Mismatch, what + ": " + s);
            Assert.False(p.I.IsComplete);
            Assert.Equal(MikeyExchangeStatus.Ok, p.I.ReadAnswer(p.Answer, 0, p.AnswerLength));
        }

        internal static void Resign(byte[] msg, int length, string key)
        {
            byte[] hash = System.Security.Cryptography.SHA256.HashData(msg.AsSpan(0, length - 64));
            EcdsaP256.Sign(Key(key), hash, 0, 32, msg, length - 64);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)] // identity from the subject CN (no subjectAltName)
        public void ACompleteExchangeAllocatesNothingAfterWarmUp(bool commonName)
        {
            byte[] carol = System.Text.Encoding.ASCII.GetBytes("sip:carol@example.com");
            var p = Make(commonName ? Credentials("carol", carol, "carol-cn") : null, cacheSize: 64);
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
