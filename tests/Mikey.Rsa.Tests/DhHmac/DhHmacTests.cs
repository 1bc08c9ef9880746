using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests.DhHmac
{
    /// <summary>DHHMAC (RFC 4650) over the OAKLEY groups and P-256 (docs/ecc-profile.md §7).</summary>
    public class DhHmacTests
    {
        public static readonly TheoryData<DhHmacGroup, MacAlgorithm> Groups = new()
        {
            { DhHmacGroup.P256, MacAlgorithm.HmacSha1160 },
            { DhHmacGroup.P256, MacAlgorithm.HmacSha256256 },
            { DhHmacGroup.Oakley1, MacAlgorithm.HmacSha1160 },
            { DhHmacGroup.Oakley2, MacAlgorithm.HmacSha1160 },
            { DhHmacGroup.Oakley5, MacAlgorithm.HmacSha1160 },
            { DhHmacGroup.Oakley5, MacAlgorithm.HmacSha256256 },
        };

        public static readonly TheoryData<DhHmacGroup> ModpGroups = new() { DhHmacGroup.Oakley1, DhHmacGroup.Oakley2, DhHmacGroup.Oakley5 };

        [Theory]
        [MemberData(nameof(Groups))]
        public void ACompleteExchangeKeysMediaBothWays(DhHmacGroup group, MacAlgorithm mac)
        {
            var x = DhHmacExchange.Make(group, mac);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(DataType.DhHmacResponse, (DataType)x.Answer[1]);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Assert.True(x.I.IsComplete);
            Assert.Equal(x.I.Bundle.CsbId, x.R.Bundle.CsbId);
            Assert.Equal(x.I.Bundle.TgkLength, x.R.Bundle.TgkLength);
            Media.BothWays(x.I.Bundle, x.R.Bundle);

            // Both MACs check with an independent auth_key (RFC 3830 §4.1.4) and HMAC over everything before the MAC field.
            int ml = mac == MacAlgorithm.HmacSha1160 ? 20 : 32;
            foreach ((byte[] m, int n) in new[] { (x.Offer, x.OfferLength), (x.Answer, x.AnswerLength) })
            {
                byte[] copy = m.AsSpan(0, n).ToArray();
                DhHmacExchange.ReMac(copy, n, x.Offer, ml);
                Assert.Equal(Hex(m, 0, n), Hex(copy, 0, n));
            }
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void EveryTamperedOfferByteIsRefusedAndChangesNothing(DhHmacGroup group, MacAlgorithm mac)
        {
            var x = DhHmacExchange.Make(group, mac, cacheSize: 4);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            int n = x.I.OfferLength;
            byte[] answer = new byte[1024];
            for (int i = 0; i < n; i++)
            {
                foreach (byte flip in new byte[] { 0x01, 0x80 })
                {
                    byte[] bad = x.Offer.AsSpan(0, n).ToArray();
                    bad[i] ^= flip;
                    MikeyExchangeStatus s = x.R.Respond(bad, 0, n, answer, 0, answer.Length);
                    Assert.True(s != MikeyExchangeStatus.Ok, $"byte {i} ^ {flip:x2} accepted");
                    Assert.Equal(0, x.R.Bundle.Count);
                    // Once the HDR reads, the refusal is an error message carrying the fitting code (RFC 4650 §4.1).
                    if (x.R.AnswerLength > 0)
                    {
                        Assert.Equal(DataType.Error, (DataType)answer[1]);
                        Assert.Equal(x.R.ErrorCode, (ErrorCode)answer[x.R.AnswerLength - 3]);
                    }

                    // Inside the MAC-covered payloads the MAC catches what the checks before it let through.
                    if (i >= 10 + 9 && i < n - 20 && s == MikeyExchangeStatus.AuthenticationFailed) Assert.Equal(ErrorCode.AuthFailure, x.R.ErrorCode);
                }
            }

            // Nothing entered the replay cache or the keys: the genuine offer still goes through.
            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(x.Offer, 0, n, x.Answer, 0, x.Answer.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.R.AnswerLength));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Theory]
        [MemberData(nameof(Groups))]
        public void EveryTamperedAnswerByteIsRefusedAndChangesNothing(DhHmacGroup group, MacAlgorithm mac)
        {
            var x = DhHmacExchange.Make(group, mac);
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
            var x = DhHmacExchange.Make(DhHmacGroup.P256);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            byte[] tek = x.R.Bundle.Get(0).GetMasterKey(0).Key.ToArray();
            Assert.Equal(MikeyExchangeStatus.Replayed, x.R.Respond(x.Offer, 0, x.OfferLength, x.Answer, 0, x.Answer.Length));
            Assert.Equal(ErrorCode.InvalidTs, x.R.ErrorCode);
            Assert.Equal(tek, x.R.Bundle.Get(0).GetMasterKey(0).Key);

            // An offer from too far in the past is outside the skew window.
            var y = DhHmacExchange.Make(DhHmacGroup.P256, seed: "skew");
            y.Clock.NtpNow = T - (3600UL << 32);
            Assert.Equal(MikeyExchangeStatus.Ok, y.I.WriteOffer(y.Offer, 0, y.Offer.Length));
            y.Clock.NtpNow = T;
            Assert.Equal(MikeyExchangeStatus.OutsideSkew, y.R.Respond(y.Offer, 0, y.I.OfferLength, y.Answer, 0, y.Answer.Length));
        }

        [Fact]
        public void WrongKeyOrIdentityIsRefused()
        {
            var x = DhHmacExchange.Make(DhHmacGroup.P256);
            byte[] other = new byte[32];
            other[0] = 1;
            x.R.SetPreSharedKey(other, 0, other.Length);
            Assert.Equal(MikeyExchangeStatus.AuthenticationFailed, x.Run());
            Assert.Equal(ErrorCode.AuthFailure, x.R.ErrorCode);

            var y = DhHmacExchange.Make(DhHmacGroup.P256, seed: "id");
            y.R.SetIdentity(IdType.Uri, Alice, 0, Alice.Length);
            Assert.Equal(MikeyExchangeStatus.UnknownPeer, y.Run());
            Assert.Equal(ErrorCode.InvalidId, y.R.ErrorCode);

            var z = DhHmacExchange.Make(DhHmacGroup.P256, seed: "peer");
            z.R.SetPeerIdentity(IdType.Uri, Bob, 0, Bob.Length);
            Assert.Equal(MikeyExchangeStatus.UnknownPeer, z.Run());
            z.R.SetPeerIdentity(IdType.Uri, Alice, 0, Alice.Length);
            Assert.Equal(MikeyExchangeStatus.Ok, z.R.Respond(z.Offer, 0, z.OfferLength, z.Answer, 0, z.Answer.Length));
        }

        [Fact]
        public void AnOffCurvePointIsRefusedAfterTheMac()
        {
            var x = DhHmacExchange.Make(DhHmacGroup.P256);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            int n = x.I.OfferLength;
            // ECCPT (74 bytes: next, curve, 65-byte point, 3 padding, Auth alg, TGK len, KV) precedes KEMAC (5 bytes + 20-byte MAC).
            int point = n - 25 - 74 + 2;
            Assert.Equal(0x04, x.Offer[point]);
            x.Offer[point + 64] ^= 1; // y changes: off the curve
            DhHmacExchange.ReMac(x.Offer, n, x.Offer);
            Assert.Equal(MikeyExchangeStatus.Malformed, x.R.Respond(x.Offer, 0, n, x.Answer, 0, x.Answer.Length));
            Assert.Equal(ErrorCode.InvalidDh, x.R.ErrorCode);
            Assert.Equal(0, x.R.Bundle.Count);
        }

        [Theory]
        [MemberData(nameof(ModpGroups))]
        public void BadModpValuesAreRefusedAfterTheMac(DhHmacGroup group)
        {
            // 0, 1, p-1 (order 2), p, 2^n - 1 (>= p), and p-2 (= -2, a quadratic non-residue: outside the order-q subgroup).
            System.Numerics.BigInteger p = OakleyReference.Prime(group);
            int vl = OakleyReference.Length(group);
            var x = DhHmacExchange.Make(group);
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.WriteOffer(x.Offer, 0, x.Offer.Length));
            int n = x.I.OfferLength;
            int value = n - 25 - (3 + vl) + 2; // DH payload (next, group, value, KV) before the KEMAC (5 + 20-byte MAC)
            Assert.Equal((byte)group, x.Offer[value - 1]);
            foreach (System.Numerics.BigInteger bad in new[] { 0, 1, p - 1, p, (System.Numerics.BigInteger.One << (8 * vl)) - 1, p - 2 })
            {
                byte[] m = x.Offer.AsSpan(0, n).ToArray();
                OakleyReference.Bytes(bad, vl).CopyTo(m, value);
                DhHmacExchange.ReMac(m, n, m);
                Assert.Equal(MikeyExchangeStatus.Malformed, x.R.Respond(m, 0, n, x.Answer, 0, x.Answer.Length));
                Assert.Equal(ErrorCode.InvalidDh, x.R.ErrorCode);
                Assert.Equal(0, x.R.Bundle.Count);
            }

            // The genuine value goes through, and is g^x mod p of the group defined by the RFC.
            Assert.Equal(MikeyExchangeStatus.Ok, x.R.Respond(x.Offer, 0, n, x.Answer, 0, x.Answer.Length));
            System.Numerics.BigInteger y = new(x.Offer.AsSpan(value, vl), true, true);
            Assert.True(y > 1 && y < p - 1 && System.Numerics.BigInteger.ModPow(y, (p - 1) / 2, p).IsOne);
        }

        [Fact]
        public void GroupsTheResponderDoesNotTakeAreRefused()
        {
            var x = DhHmacExchange.Make(DhHmacGroup.P256);
            x.R.AcceptP256 = false;
            Assert.Equal(MikeyExchangeStatus.Unsupported, x.Run());
            Assert.Equal(ErrorCode.InvalidDh, x.R.ErrorCode);

            var y = DhHmacExchange.Make(DhHmacGroup.Oakley1, seed: "oakley1");
            y.R.AcceptOakley1 = false;
            Assert.Equal(MikeyExchangeStatus.Unsupported, y.Run());
            Assert.Equal(ErrorCode.InvalidDh, y.R.ErrorCode);
            y.R.AcceptOakley1 = true;
            Assert.Equal(MikeyExchangeStatus.Ok, y.R.Respond(y.Offer, 0, y.OfferLength, y.Answer, 0, y.Answer.Length));
        }

        [Fact]
        public void ARefusedOfferLeavesThePendingOneIntact()
        {
            // A DRBG that serves 8 requests: the first offer takes RAND, CSB ID and the scalar; the next one cannot be budgeted.
            var x = DhHmacExchange.Make(DhHmacGroup.P256);
            byte[] entropy = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes("reseed"));
            x.I = new DhHmacInitiator(new NanoMikey.Crypto.Random.HmacDrbg(entropy, new byte[16], null, 8), x.Clock) { Group = DhHmacGroup.P256 };
            x.I.SetPreSharedKey(DhHmacExchange.Psk, 0, DhHmacExchange.Psk.Length);
            x.I.SetIdentities(IdType.Uri, Alice, Alice.Length, Bob, Bob.Length);
            x.I.AddCryptoSession(0x11111111, 0, SrtpPolicy.AesCm128HmacSha1_80());
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            byte[] scratch = new byte[1024];
            Assert.Equal(MikeyExchangeStatus.ReseedRequired, x.I.WriteOffer(scratch, 0, scratch.Length));
            x.I.Group = (DhHmacGroup)99;
            Assert.Equal(MikeyExchangeStatus.Unsupported, x.I.WriteOffer(scratch, 0, scratch.Length));
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            Media.BothWays(x.I.Bundle, x.R.Bundle);
        }

        [Theory]
        [InlineData(DhHmacGroup.P256)]
        [InlineData(DhHmacGroup.Oakley5)]
        public void ACompleteExchangeAllocatesNothingAfterWarmUp(DhHmacGroup group)
        {
            var x = DhHmacExchange.Make(group, cacheSize: 64);
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
