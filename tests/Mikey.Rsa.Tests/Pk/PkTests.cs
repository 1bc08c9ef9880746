using System.Security.Cryptography;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Rsa;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>MIKEY public-key mode (RFC 3830 §3.2) between Alice and Bob with RSA keys.</summary>
    public class PkTests
    {
        [Fact]
        public void BothSidesAgreeAndProtectMediaBothWays()
        {
            var x = RsaExchange.Make("pk");
            x.I.AddCryptoSession(0, 5, SrtpPolicy.AesCm256HmacSha1_80()); // a second crypto session, SSRC left to the responder
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.False(x.I.IsComplete); // V requested: the answer completes the exchange
            Assert.Equal((byte)DataType.PkVerification, x.Answer[1]);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Assert.True(x.I.IsComplete);
            Assert.Equal(2, x.R.Bundle.Count);
            Assert.Equal(32, x.R.Bundle.TgkLength);
            Assert.Equal(Hex(x.I.Bundle.Tgk, 0, 32), Hex(x.R.Bundle.Tgk, 0, 32));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Fact]
        public void WithoutVerificationTheOfferCompletesAtOnce()
        {
            var x = RsaExchange.Make("pk", verify: false);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.True(x.I.IsComplete);
            Assert.Equal(0, x.AnswerLength);
            Assert.Equal(MikeyExchangeStatus.InvalidState, x.I.ReadAnswer(x.Answer, 0, 10));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Fact]
        public void TheEnvelopeIsPkcs1V15ToTheResponderKey()
        {
            // RFC 3830 §4.2.5: RSAES-PKCS1-v1_5 is the mandatory envelope; .NET opens it with Bob's key, giving a 32-byte env_key.
            var x = RsaExchange.Make("pk");
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            var r = new NanoMikey.Mikey.Codec.MikeyReader();
            Assert.Equal(NanoMikey.Mikey.Codec.MikeyStatus.Ok, r.Reset(x.Offer, 0, x.I.OfferLength));
            int pkeData = -1, pkeLength = 0;
            while (r.Read() == NanoMikey.Mikey.Codec.MikeyStatus.Ok)
            {
                if (r.PayloadType == PayloadType.Pke)
                {
                    pkeData = r.Pke.DataOffset;
                    pkeLength = r.Pke.DataLength;
                    Assert.Equal(EnvelopeCacheType.NoCache, r.Pke.Cache);
                }
            }
            Assert.Equal(256, pkeLength);
            using RSA bob = RSA.Create(DotNetKey("bob"));
            byte[] env = bob.Decrypt(x.Offer.AsSpan(pkeData, pkeLength).ToArray(), RSAEncryptionPadding.Pkcs1);
            Assert.Equal(RsaModeValues.EnvelopeKeyLength, env.Length);
        }

        [Fact]
        public void PinnedKeysWithoutCertificatesWork()
        {
            var bobTrusts = new RsaPeerTrust(2048);
            bobTrusts.PinPublicKey(Key("alice").PublicKey);
            var x = RsaExchange.Make("pk", Credentials("alice", Alice), bobTrusts, bob: Credentials("bob", Bob));
            ((PkInitiator)x.I).SetResponderKey(Key("bob").PublicKey);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Fact]
        public void PssSignaturesWork()
        {
            var x = RsaExchange.Make("pk");
            x.I.SignatureType = SignatureType.RsaPss;
            x.R.SignatureType = SignatureType.RsaPss;
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            // A responder expecting PKCS#1 v1.5 refuses a PSS-signed offer.
            var y = RsaExchange.Make("pk");
            y.I.SignatureType = SignatureType.RsaPss;
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, y.Run());
            Assert.Equal(ErrorCode.AuthFailure, y.R.ErrorCode);
        }

        [Fact]
        public void ChashOfAnotherCertificateIsRefused()
        {
            // Bob holds Carol's certificate as his own: the CHASH of Bob's certificate does not name it.
            var x = RsaExchange.Make("pk", bob: Credentials("bob", Bob, "carol"));
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, x.Run());
            Assert.Equal(ErrorCode.InvalidCert, x.R.ErrorCode);
        }

        [Fact]
        public void EnvelopeForAnotherKeyFailsAuthentication()
        {
            // PKE encrypted to Carol's key (pinned by mistake): Bob's implicit rejection yields a key that fails the KEMAC MAC.
            var x = RsaExchange.Make("pk");
            ((PkInitiator)x.I).SetResponderKey(Key("carol").PublicKey);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, x.Run());
            Assert.Equal(ErrorCode.AuthFailure, x.R.ErrorCode);
            Assert.Equal(0, x.R.Bundle.Count);
        }

        [Fact]
        public void AForgedEnvelopeFailsTheKemacMac()
        {
            // Alice's own signature over a PKE of random bytes below Bob's modulus: the padding is wrong, implicit rejection
            // (RFC 8017 §7.2.2 with draft-irtf-cfrg-rsa-guidance) hands out a synthetic key, and the KEMAC MAC refuses it.
            var x = RsaExchange.Make("pk");
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            byte[] msg = x.Offer.AsSpan(0, x.I.OfferLength).ToArray();
            var (po, pl) = VectorFile.Find(msg, msg.Length, PayloadType.Pke);
            byte[] junk = SHA512.HashData(new byte[] { 1 });
            for (int i = 1; i < pl; i++) msg[po + i] = junk[i % junk.Length];
            msg[po] = 0x01;
            byte[] body = msg.AsSpan(0, msg.Length - 256).ToArray();
            using RSA alice = RSA.Create(DotNetKey("alice"));
            byte[] forged = body.Concat(alice.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)).ToArray();
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, x.R.Respond(forged, 0, forged.Length, x.Answer, 0, x.Answer.Length));
            Assert.Equal(ErrorCode.AuthFailure, x.R.ErrorCode);
            Assert.Equal(0, x.R.Bundle.Count);
        }

        [Fact]
        public void ResponderCertificateIsCheckedBeforeUse()
        {
            var i = new PkInitiator(new HostAesEngineFactory(), Drbg("x"), new TestClock { NtpNow = T }, Credentials("alice", Alice, "alice"), TrustCa());
            byte[] expired = Cert("alice-expired"), bob = Cert("bob");
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, i.SetResponderCertificate(expired, 0, expired.Length));
            i.SetResponderIdentity(IdType.Uri, Alice, 0, Alice.Length);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, i.SetResponderCertificate(bob, 0, bob.Length)); // names Bob, not Alice
            i.AddCryptoSession(1, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.InvalidState, i.WriteOffer(new byte[8192], 0, 8192)); // no responder key yet
        }

        [Fact]
        public void AnEncryptedIdiOfAnotherPartyIsRefused()
        {
            // Mallory re-signs Alice's offer under her own certificate and identity: the IDi inside the KEMAC still says Alice.
            var x = RsaExchange.Make("pk", bobTrusts: TrustCa());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            byte[] carolId = System.Text.Encoding.ASCII.GetBytes("sip:carol@example.com");
            byte[] forged = Resign(x.Offer, x.I.OfferLength, "alice", Alice, "carol", carolId);
            var s = x.R.Respond(forged, 0, forged.Length, x.Answer, 0, x.Answer.Length);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, s);
            Assert.Equal(ErrorCode.InvalidId, x.R.ErrorCode);
        }

        /// <summary>
        /// Rebuilds a signed offer with another signer: its IDi and CERTi replaced by <paramref name="newId"/> and certificate
        /// <paramref name="newKey"/>, re-signed with that key (PKCS#1 v1.5, SHA-256). Payload lengths are recomputed.
        /// </summary>
        internal static byte[] Resign(byte[] msg, int length, string oldKey, byte[] oldId, string newKey, byte[] newId)
        {
            byte[] oldCert = Cert(oldKey), newCert = Cert(newKey);
            var body = msg.AsSpan(0, length - 256).ToArray().ToList();
            ReplaceAll(body, oldCert, newCert, true);
            ReplaceAll(body, oldId, newId, false);
            byte[] b = body.ToArray();
            using RSA rsa = RSA.Create(DotNetKey(newKey));
            byte[] sig = rsa.SignData(b, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return b.Concat(sig).ToArray();
        }

        // Replaces the first occurrence (the payload in clear), fixing the 16-bit length in front of it.
        private static void ReplaceAll(List<byte> b, byte[] from, byte[] to, bool once)
        {
            for (int i = 0; i + from.Length <= b.Count; i++)
            {
                bool m = true;
                for (int j = 0; j < from.Length && m; j++) m = b[i + j] == from[j];
                if (!m) continue;
                b.RemoveRange(i, from.Length);
                b.InsertRange(i, to);
                b[i - 2] = (byte)(to.Length >> 8);
                b[i - 1] = (byte)to.Length;
                return;
            }
        }
    }
}
