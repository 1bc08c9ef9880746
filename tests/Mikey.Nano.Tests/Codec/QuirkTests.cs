using System;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Policy;

namespace NanoMikey.Mikey.Tests.Codec
{
    /// <summary>Each peer quirk is off by default and tolerated only when switched on by name (peers.md).</summary>
    public class QuirkTests
    {
        private static SecurityPolicyPayload FirstPolicy(MikeyReader r, byte[] m)
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
            var policy = new SrtpPolicy();
            var r = new MikeyReader();
            Assert.Equal(MikeyStatus.Ok, policy.Load(FirstPolicy(r, m), MikeyQuirks.None));
            Assert.Equal(10, policy.SrtpAuthenticationKeyLength);
            Assert.False(policy.UsedGStreamerQuirk);

            Assert.Equal(MikeyStatus.Ok, policy.Load(FirstPolicy(r, m), MikeyQuirks.GStreamerTagLengthInAuthKeyLength));
            Assert.Equal(20, policy.SrtpAuthenticationKeyLength);
            Assert.Equal(10, policy.SrtpTagLength);
            Assert.True(policy.UsedGStreamerQuirk);

            // The 32-bit-tag variant GStreamer writes for AES_CM_128_HMAC_SHA1_32 (type 3 = 4).
            byte[] m32 = (byte[])m.Clone();
            int at = 63;
            Assert.Equal(0x03, m32[at - 2]);
            Assert.Equal(0x0a, m32[at]);
            m32[at] = 4;
            policy.Load(FirstPolicy(r, m32), MikeyQuirks.GStreamerTagLengthInAuthKeyLength);
            Assert.Equal(4, policy.SrtpTagLength);
            Assert.Equal(4, policy.SrtcpTagLength);
            policy.Load(FirstPolicy(r, m32), MikeyQuirks.None);
            Assert.Equal(10, policy.SrtpTagLength);
        }

        [Fact]
        public void RfcCorrectPolicy_IsNotReinterpretedByTheQuirk()
        {
            // mikey-samples.md §6: types 3 = 20 and 11 = 10 as RFC 3830 means them.
            byte[] m = Samples.B64(Samples.JavaMkiBase64);
            var policy = new SrtpPolicy();
            policy.Load(FirstPolicy(new MikeyReader(), m), MikeyQuirks.GStreamerTagLengthInAuthKeyLength);
            Assert.Equal(20, policy.SrtpAuthenticationKeyLength);
            Assert.Equal(10, policy.SrtpTagLength);
            Assert.Equal(14, policy.SaltKeyLength);
            Assert.False(policy.UsedGStreamerQuirk);
        }

        [Fact]
        public void OnvifMessageWithoutRand_StrictVsQuirk()
        {
            // ONVIF example shape (peers.md): HDR, T, SP, KEMAC(NULL/NULL, TEK + SPI 0000002f), no RAND. Built from
            // mikey-samples.md §5 case "a" by removing its RAND and giving the TEK the ONVIF MKI.
            byte[] a = Samples.B64(Samples.GortsplibABase64);
            byte[] m = Samples.Hex(Convert.ToHexString(a, 0, 19) + "0a00ebfe6f2db1c13fd0" + Convert.ToHexString(a, 47, 26)
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
