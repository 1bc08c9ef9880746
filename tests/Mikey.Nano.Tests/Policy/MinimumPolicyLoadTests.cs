using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Policy;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Policy
{
    /// <summary>
    /// Issue 8 §2: every SP offer is checked against the local minimum before anything is derived; an offer below it is
    /// refused with the MIKEY error Invalid SP (RFC 3830 §6.12).
    /// </summary>
    public class MinimumPolicyLoadTests
    {
        // HDR (PSK, next RAND) + RAND (next SP) + SP(policy 0, SRTP, the given parameters).
        private static SecurityPolicyPayload Offer(MikeyReader r, string parametersHex)
        {
            byte[] m = TestData.Hex("01000b00123456780000" + "0a10" + new string('0', 32)
                + "000000" + (parametersHex.Length / 2).ToString("x4") + parametersHex);
            r.Reset(m, 0, m.Length);
            Assert.Equal(MikeyStatus.Ok, r.Read());
            Assert.Equal(MikeyStatus.Ok, r.Read());
            Assert.Equal(PayloadType.SecurityPolicy, r.PayloadType);
            return r.SecurityPolicy;
        }

        [Theory]
        [InlineData("020100", SrtpPolicyWeakness.SrtcpUnauthenticated)]          // NULL auth for SRTP and SRTCP
        [InlineData("0f0100", SrtpPolicyWeakness.SrtcpUnauthenticated)]          // SRTCP NULL (RFC 4771 type 15)
        [InlineData("0a0100", SrtpPolicyWeakness.SrtpUnauthenticated)]           // SRTP authentication off (type 10)
        [InlineData("0b0101", SrtpPolicyWeakness.HmacTagLength)]                 // 1-byte tags
        [InlineData("130101", SrtpPolicyWeakness.HmacTagLength)]                 // 1-byte SRTCP tag
        [InlineData("020102" + "0b010e", SrtpPolicyWeakness.RccM1)]
        [InlineData("020104" + "0b0104", SrtpPolicyWeakness.RccM3WithoutAead)]
        public void BelowMinimum_IsInvalidSp(string parametersHex, SrtpPolicyWeakness expected)
        {
            var map = new SrtpPolicyMapping();
            var r = new MikeyReader();
            Assert.Equal(MikeyStatus.InvalidValue, map.Load(Offer(r, parametersHex), MikeyQuirks.None, new SrtpPolicy()));
            Assert.Equal(expected, map.Weakness);
            Assert.Equal(ErrorCode.InvalidSp, map.ErrorCode);
            Assert.Equal(MikeyStatus.InvalidValue, map.Load(Offer(r, parametersHex), MikeyQuirks.None, SrtpMinimumPolicy.Strict, new SrtpPolicy()));

            // A good offer afterwards clears the verdict.
            Assert.Equal(MikeyStatus.Ok, map.Load(Offer(r, "0b0104"), MikeyQuirks.None, new SrtpPolicy()));
            Assert.Equal(SrtpPolicyWeakness.None, map.Weakness);
        }

        [Theory]
        [InlineData("0a0100")]
        [InlineData("0e0100")]
        [InlineData("020102" + "0b010e")]
        [InlineData("020104" + "0b0104")]
        public void OptIns_AreExplicit(string parametersHex)
        {
            var map = new SrtpPolicyMapping();
            var r = new MikeyReader();
            var all = new SrtpMinimumPolicy(true, true, true);
            var policy = new SrtpPolicy();
            Assert.Equal(MikeyStatus.Ok, map.Load(Offer(r, parametersHex), MikeyQuirks.None, all, policy));
            Assert.Equal(SrtpPolicyWeakness.None, map.Weakness);
            Assert.NotNull(new SrtpCryptoContext(policy, 1, SrtpDirection.Inbound, null, all));
        }

        // Issue 8 §2: a NULL-auth offer let a forged SRTCP packet (E=1, index 0x7FFFFF00, no tag) kill the stream. It is
        // refused whatever the local side opts into, and no context can be built for it either.
        [Fact]
        public void NullAuthOffer_IsRefusedEvenWithEveryOptIn()
        {
            var map = new SrtpPolicyMapping();
            var all = new SrtpMinimumPolicy(true, true, true);
            var policy = new SrtpPolicy();
            Assert.Equal(MikeyStatus.InvalidValue, map.Load(Offer(new MikeyReader(), "000100" + "020100"), MikeyQuirks.None, all, policy));
            Assert.Equal(SrtpPolicyWeakness.SrtcpUnauthenticated, map.Weakness);
            Assert.Equal(ErrorCode.InvalidSp, map.ErrorCode);
            Assert.Equal(SrtpAuthenticationAlgorithm.Null, policy.EffectiveSrtcpAuthentication);
            Assert.Throws<ArgumentException>(() => new SrtpCryptoContext(policy, 1, SrtpDirection.Inbound, null, all));
        }

        [Fact]
        public void UnsupportedOffer_IsInvalidSpPar_NotSp()
        {
            var map = new SrtpPolicyMapping();
            Assert.Equal(MikeyStatus.InvalidValue, map.Load(Offer(new MikeyReader(), "000103"), MikeyQuirks.None, new SrtpPolicy()));
            Assert.Equal(ErrorCode.InvalidSpPar, map.ErrorCode);
            Assert.Equal(SrtpPolicyWeakness.None, map.Weakness);
        }

        // Issue 8 §3: our AES_CM_128_HMAC_SHA1_32 offer is type 11 = 4 and type 19 = 10 on the wire and loads back the same.
        [Fact]
        public void HmacSha1_32_Offer_WritesAndLoadsBack()
        {
            var buf = new byte[200];
            var w = new MikeyWriter();
            w.Reset(buf, 0, buf.Length);
            w.WriteHeader(DataType.PreShared, false, PrfFunction.Mikey1, 1, CsIdMapType.SrtpId);
            w.WriteRand(new byte[16], 0, 16);
            var map = new SrtpPolicyMapping();
            Assert.Equal(MikeyStatus.Ok, map.Write(w, 0, SrtpPolicy.AesCm128HmacSha1_32()));
            Assert.Equal(MikeyStatus.Ok, w.Finish());
            var r = new MikeyReader();
            r.Reset(buf, 0, w.Length);
            Assert.Equal(MikeyStatus.Ok, r.Read());
            Assert.Equal(MikeyStatus.Ok, r.Read());
            SecurityPolicyPayload sp = r.SecurityPolicy;
            int type11 = -1, type18 = -1, type19 = -1;
            for (int p = sp.FirstParameter(); p >= 0; p = sp.NextParameter(p))
            {
                switch (sp.GetParameterType(p))
                {
                    case 11: type11 = (int)sp.GetParameterValue(p); break;
                    case 18: type18 = (int)sp.GetParameterValue(p); break;
                    case 19: type19 = (int)sp.GetParameterValue(p); break;
                }
            }
            Assert.Equal((4, -1, 10), (type11, type18, type19));
            var policy = new SrtpPolicy();
            Assert.Equal(MikeyStatus.Ok, map.Load(sp, MikeyQuirks.None, policy));
            Assert.Equal(4, policy.EffectiveSrtpTagLength);
            Assert.Equal(10, policy.EffectiveSrtcpTagLength);
        }
    }
}
