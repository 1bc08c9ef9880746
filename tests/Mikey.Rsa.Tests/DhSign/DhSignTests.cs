using System.Numerics;
using System.Security.Cryptography;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Rsa.Tests.DhHmac;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests.DhSign
{
    /// <summary>
    /// DH-SIGN (RFC 3830 §3.3) over OAKLEY 1/2/5 with RSA signatures (PKCS#1 v1.5 and PSS). What it shares with PK and RSA-R
    /// (tampering of both messages, replay, skew, certificates, policies, allocation) runs in Shared/RsaModeTests ("dhsign").
    /// </summary>
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

    }
}
