using System.Numerics;
using System.Security.Cryptography;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Rsa.Tests.DhHmac;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests.DhSign
{
    /// <summary>DH-SIGN (RFC 3830 §3.3) over OAKLEY 1/2/5 with RSA signatures (PKCS#1 v1.5 and PSS).</summary>
    public class DhSignTests
    {
        public static readonly TheoryData<DhGroup, SignatureType> Cases = new()
        {
            { DhGroup.Oakley1, SignatureType.RsaPkcs1 },
            { DhGroup.Oakley2, SignatureType.RsaPkcs1 },
            { DhGroup.Oakley5, SignatureType.RsaPkcs1 },
            { DhGroup.Oakley5, SignatureType.RsaPss },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void ACompleteExchangeKeysMediaBothWays(DhGroup group, SignatureType type)
        {
            var x = DhSignExchange.Make(group, type);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(DataType.DhResponse, (DataType)x.Answer[1]);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Assert.True(x.I.IsComplete);
            Assert.Equal(DhPayload.ValueLengthOf(group), x.I.Bundle.TgkLength);
            Media.BothWays(x.I.Bundle, x.R.Bundle);

            // Both signatures verify with .NET over everything before the Signature field (RFC 3830 §5.2).
            RSASignaturePadding padding = type == SignatureType.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
            using RSA alice = RSA.Create(DotNetKey("alice")), bob = RSA.Create(DotNetKey("bob"));
            Assert.True(alice.VerifyData(x.Offer.AsSpan(0, x.OfferLength - 256), x.Offer.AsSpan(x.OfferLength - 256, 256), HashAlgorithmName.SHA256, padding));
            Assert.True(bob.VerifyData(x.Answer.AsSpan(0, x.AnswerLength - 256), x.Answer.AsSpan(x.AnswerLength - 256, 256), HashAlgorithmName.SHA256, padding));
        }

        [Fact]
        public void EveryTamperedOfferByteIsRefusedAndChangesNothing()
        {
            var x = DhSignExchange.Make(DhGroup.Oakley2, cacheSize: 4);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            int n = x.I.OfferLength;
            byte[] answer = new byte[8192];
            for (int i = 0; i < n; i++)
            {
                byte[] bad = x.Offer.AsSpan(0, n).ToArray();
                bad[i] ^= 0x01;
                MikeyExchangeStatus s = x.R.Respond(bad, 0, n, answer, 0, answer.Length);
                Assert.True(s != MikeyExchangeStatus.Ok, $"byte {i} accepted");
                Assert.Equal(0, x.R.Bundle.Count);
                if (x.R.AnswerLength > 0)
                {
                    Assert.Equal(DataType.Error, (DataType)answer[1]);
                    Assert.Equal(x.R.ErrorCode, (ErrorCode)answer[x.R.AnswerLength - 3]);
                }

                // A flipped signature byte is an authentication failure.
                if (i >= n - 256) Assert.Equal(ErrorCode.AuthFailure, x.R.ErrorCode);
            }

            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(x.Offer, 0, n, x.Answer, 0, x.Answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.R.AnswerLength));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Fact]
        public void EveryTamperedAnswerByteIsRefusedAndChangesNothing()
        {
            var x = DhSignExchange.Make(DhGroup.Oakley2);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            for (int i = 0; i < x.AnswerLength; i++)
            {
                byte[] bad = x.Answer.AsSpan(0, x.AnswerLength).ToArray();
                bad[i] ^= 0x01;
                Assert.NotEqual(MikeyExchangeStatus.Ok, x.I.ReadAnswer(bad, 0, bad.Length));
                Assert.False(x.I.IsComplete);
                Assert.Equal(0, x.I.Bundle.Count);
            }

            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Fact]
        public void AReplayedOfferIsRefusedAndTheKeysStay()
        {
            var x = DhSignExchange.Make(DhGroup.Oakley2);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            byte[] tek = x.R.Bundle.Get(0).GetMasterKey(0).Key.ToArray();
            Assert.Equal(MikeyExchangeStatus.Replayed, x.R.Respond(x.Offer, 0, x.OfferLength, x.Answer, 0, x.Answer.Length));
            Assert.Equal(ErrorCode.InvalidTs, x.R.ErrorCode);
            Assert.Equal(tek, x.R.Bundle.Get(0).GetMasterKey(0).Key);
        }

        [Theory]
        [InlineData(DhGroup.Oakley1)]
        [InlineData(DhGroup.Oakley2)]
        [InlineData(DhGroup.Oakley5)]
        public void BadDhValuesAreRefusedAfterTheSignature(DhGroup group)
        {
            var g = (DhHmacGroup)(int)group;
            BigInteger p = OakleyReference.Prime(g);
            int vl = OakleyReference.Length(g);
            var x = DhSignExchange.Make(group);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            int n = x.I.OfferLength;
            int value = n - 258 - (3 + vl) + 2; // DH payload (next, group, value, KV) before SIGN (2 + 256 bytes)
            Assert.Equal((byte)group, x.Offer[value - 1]);
            foreach (BigInteger bad in new[] { 0, 1, p - 1, p, (BigInteger.One << (8 * vl)) - 1, p - 2 })
            {
                byte[] m = x.Offer.AsSpan(0, n).ToArray();
                OakleyReference.Bytes(bad, vl).CopyTo(m, value);
                DhSignExchange.Resign(m, n, "alice");
                Assert.Equal(MikeyExchangeStatus.Malformed, x.R.Respond(m, 0, n, x.Answer, 0, x.Answer.Length));
                Assert.Equal(ErrorCode.InvalidDh, x.R.ErrorCode);
                Assert.Equal(0, x.R.Bundle.Count);
            }

            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(x.Offer, 0, n, x.Answer, 0, x.Answer.Length));
        }

        [Fact]
        public void UntrustedSignersAndOtherSchemesAreRefused()
        {
            // Bob trusts nobody: unknown peer.
            var x = DhSignExchange.Make(DhGroup.Oakley2, bobTrusts: new RsaPeerTrust(2048));
            Assert.Equal(MikeyExchangeStatus.UnknownPeer, x.Run());
            Assert.Equal(ErrorCode.InvalidCert, x.R.ErrorCode);

            // Alice signs with PSS, Bob expects PKCS#1 v1.5.
            var y = DhSignExchange.Make(DhGroup.Oakley2, SignatureType.RsaPss, seed: "scheme");
            y.R.SignatureType = SignatureType.RsaPkcs1;
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, y.Run());
            Assert.Equal(ErrorCode.AuthFailure, y.R.ErrorCode);

            // OAKLEY 1 only when allowed.
            var z = DhSignExchange.Make(DhGroup.Oakley1, seed: "oakley1");
            z.R.AcceptOakley1 = false;
            Assert.Equal(MikeyExchangeStatus.Unsupported, z.Run());
            Assert.Equal(ErrorCode.InvalidDh, z.R.ErrorCode);
        }

        [Fact]
        public void ACompleteExchangeAllocatesNothingAfterWarmUp()
        {
            var x = DhSignExchange.Make(DhGroup.Oakley5, cacheSize: 64);
            var policy = SrtpPolicy.AesCm128HmacSha1_80();
            for (int round = 0; round < 3; round++)
            {
                x.I.Reset();
                x.I.AddCryptoSession(0x01020304, 0, policy);
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
    }
}
