using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Policy;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Mikey.Tests.Codec
{
    /// <summary>Each peer quirk is off by default and tolerated only when switched on by name (peers.md).</summary>
    public class QuirkTests
    {
        /// <summary>Reads <paramref name="m"/> up to its first SP payload.</summary>
        internal static SecurityPolicyPayload FirstPolicy(MikeyReader r, byte[] m)
        {
            r.Reset(m, 0, m.Length);
            while (r.Read() == MikeyStatus.Ok)
            {
                if (r.PayloadType == PayloadType.SecurityPolicy)
                {
                    return r.SecurityPolicy;
                }
            }

            throw new InvalidOperationException();
        }

        [Fact]
        public void GStreamerTagLengthInType3_StrictVsQuirk()
        {
            // mikey-samples.md §5 case "a" (GStreamer shape): SP type 3 = 10, no type 11.
            byte[] m = Samples.B64(Samples.GortsplibABase64);
            var map = new SrtpPolicyMapping();
            var r = new MikeyReader();
            var strict = new SrtpPolicy();
            Assert.Equal(MikeyStatus.Ok, map.Load(FirstPolicy(r, m), MikeyQuirks.None, strict));
            Assert.Equal(10, strict.EffectiveSrtpAuthenticationKeyLength);
            Assert.False(map.UsedGStreamerQuirk);

            var quirk = new SrtpPolicy();
            Assert.Equal(MikeyStatus.Ok, map.Load(FirstPolicy(r, m), MikeyQuirks.GStreamerTagLengthInAuthKeyLength, quirk));
            Assert.Equal(20, quirk.EffectiveSrtpAuthenticationKeyLength);
            Assert.Equal(10, quirk.EffectiveSrtpTagLength);
            Assert.True(map.UsedGStreamerQuirk);

            // The 32-bit-tag variant GStreamer writes for AES_CM_128_HMAC_SHA1_32 (type 3 = 4).
            byte[] m32 = (byte[])m.Clone();
            int at = 63;
            Assert.Equal(0x03, m32[at - 2]);
            Assert.Equal(0x0a, m32[at]);
            m32[at] = 4;
            var q32 = new SrtpPolicy();
            map.Load(FirstPolicy(r, m32), MikeyQuirks.GStreamerTagLengthInAuthKeyLength, q32);
            Assert.Equal(4, q32.EffectiveSrtpTagLength);
            Assert.Equal(20, q32.EffectiveSrtpAuthenticationKeyLength);
            var s32 = new SrtpPolicy();
            map.Load(FirstPolicy(r, m32), MikeyQuirks.None, s32);
            Assert.Equal(10, s32.EffectiveSrtpTagLength);
            Assert.Equal(4, s32.EffectiveSrtpAuthenticationKeyLength);
        }

        // Issue 8 §2: the quirk maps only the two values GStreamer writes (gstmikey.c HMAC_32_KEY_LEN 4, HMAC_80_KEY_LEN 10);
        // any other type 3 keeps its RFC 3830 meaning, so the quirk cannot turn an offer into a 1-byte tag.
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(8)]
        [InlineData(16)]
        public void GStreamerTagLengthQuirk_MapsOnly4And10(int type3)
        {
            byte[] m = Samples.B64(Samples.GortsplibABase64);
            const int at = 63; // value of SP type 3 (see the test above)
            Assert.Equal(0x03, m[at - 2]);
            m[at] = (byte)type3;
            var map = new SrtpPolicyMapping();
            var policy = new SrtpPolicy();
            Assert.Equal(MikeyStatus.Ok, map.Load(FirstPolicy(new MikeyReader(), m), MikeyQuirks.GStreamerTagLengthInAuthKeyLength, policy));
            Assert.False(map.UsedGStreamerQuirk);
            Assert.Equal(10, policy.EffectiveSrtpTagLength);
            Assert.Equal(type3, policy.EffectiveSrtpAuthenticationKeyLength);
        }

        [Fact]
        public void RfcCorrectPolicy_IsNotReinterpretedByTheQuirk_AndWritesBack()
        {
            // mikey-samples.md §6: types 3 = 20 and 11 = 10 as RFC 3830 means them.
            byte[] m = Samples.B64(Samples.JavaMkiBase64);
            var map = new SrtpPolicyMapping();
            var policy = new SrtpPolicy();
            Assert.Equal(MikeyStatus.Ok, map.Load(FirstPolicy(new MikeyReader(), m), MikeyQuirks.GStreamerTagLengthInAuthKeyLength, policy));
            Assert.Equal(20, policy.EffectiveSrtpAuthenticationKeyLength);
            Assert.Equal(10, policy.EffectiveSrtpTagLength);
            Assert.Equal(14, policy.MasterSaltLength);
            Assert.False(map.UsedGStreamerQuirk);

            // Write it back as an SP payload and read it again: same policy.
            var buf = new byte[200];
            var w = new MikeyWriter();
            w.Reset(buf, 0, buf.Length);
            w.WriteHeader(DataType.PreShared, false, PrfFunction.Mikey1, 1, CsIdMapType.SrtpId);
            w.WriteRand(new byte[16], 0, 16);
            Assert.Equal(MikeyStatus.Ok, map.Write(w, 3, policy));
            Assert.Equal(MikeyStatus.Ok, w.Finish());
            var again = new SrtpPolicy();
            SecurityPolicyPayload sp = FirstPolicy(new MikeyReader(), buf.AsSpan(0, w.Length).ToArray());
            Assert.Equal(3, sp.PolicyNo);
            Assert.Equal(MikeyStatus.Ok, map.Load(sp, MikeyQuirks.None, again));
            Assert.Equal(policy.EffectiveSrtpTagLength, again.EffectiveSrtpTagLength);
            Assert.Equal(policy.MasterKeyLength, again.MasterKeyLength);
        }

        [Fact]
        public void UnsupportedSrtpPolicy_IsRefused()
        {
            // SEED-CTR (SP type 0 = 3) is a registered value the SRTP layer cannot run.
            byte[] m = TestData.Hex("01000b00123456780000" + "0a10" + "00000000000000000000000000000000" + "0000000003000103");
            var policy = new SrtpPolicy();
            Assert.Equal(MikeyStatus.InvalidValue, new SrtpPolicyMapping().Load(FirstPolicy(new MikeyReader(), m), MikeyQuirks.None, policy));
        }

        [Fact]
        public void OnvifMessageWithoutRand_StrictVsQuirk()
        {
            // ONVIF example shape (peers.md): HDR, T, SP, KEMAC(NULL/NULL, TEK + SPI 0000002f), no RAND. Built from
            // mikey-samples.md §5 case "a" by removing its RAND and giving the TEK the ONVIF MKI.
            byte[] a = Samples.B64(Samples.GortsplibABase64);
            byte[] m = TestData.Hex(Convert.ToHexString(a, 0, 19) + "0a00ebfe6f2db1c13fd0" + Convert.ToHexString(a, 47, 26)
                + "00000027" + "0021001e" + Convert.ToHexString(a, 81, 30) + "040000002f" + "00");
            var strict = new MikeyReader();
            strict.Reset(m, 0, m.Length);
            Assert.Equal(MikeyStatus.MissingRand, strict.Validate());
            Assert.Equal(ErrorCode.UnsupportedMessageType, strict.ErrorCode);
            Assert.Equal(m.Length, strict.ErrorOffset);

            var lenient = new MikeyReader(MikeyQuirks.MissingRand);
            lenient.Reset(m, 0, m.Length);
            Assert.Equal(MikeyStatus.End, lenient.Validate());
            Assert.False(lenient.HasRand);

            // Issue 8 §3: RAND is the freshness of key derivation; the quirk covers NULL mode only. The same message with
            // a KEMAC MAC (HMAC-SHA-1-160, so a real PSK message) still needs its RAND.
            Assert.Equal("00", Convert.ToHexString(m, m.Length - 1, 1));
            byte[] psk = TestData.Hex(Convert.ToHexString(m, 0, m.Length - 1) + "01" + new string('0', 40));
            lenient.Reset(psk, 0, psk.Length);
            Assert.Equal(MikeyStatus.MissingRand, lenient.Validate());
            Assert.Equal(ErrorCode.UnsupportedMessageType, lenient.ErrorCode);
            strict.Reset(psk, 0, psk.Length);
            Assert.Equal(MikeyStatus.MissingRand, strict.Validate());
        }

        [Fact]
        public void TrailingPadByte_StrictVsQuirk()
        {
            // Milestone XProtect (peers.md, gortsplib #953): one zero byte after the last payload.
            byte[] a = Samples.B64(Samples.GortsplibABase64);
            byte[] m = new byte[a.Length + 1];
            a.CopyTo(m, 0);
            var strict = new MikeyReader();
            strict.Reset(m, 0, m.Length);
            Assert.Equal(MikeyStatus.TrailingBytes, strict.Validate());
            Assert.Equal(112, strict.ErrorOffset);

            var lenient = new MikeyReader(MikeyQuirks.TrailingPadByte);
            lenient.Reset(m, 0, m.Length);
            Assert.Equal(MikeyStatus.End, lenient.Validate());

            // Only one zero byte is tolerated.
            byte[] two = new byte[a.Length + 2];
            a.CopyTo(two, 0);
            lenient.Reset(two, 0, two.Length);
            Assert.Equal(MikeyStatus.TrailingBytes, lenient.Validate());
            m[112] = 1;
            lenient.Reset(m, 0, m.Length);
            Assert.Equal(MikeyStatus.TrailingBytes, lenient.Validate());
        }
    }
}
