using System;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>RFC 4771 integrity transforms carrying the ROC: layout, round trip, and resynchronisation of a late joiner.</summary>
    public class RccTests
    {
        private static SrtpPolicy Rcc(SrtpAuthenticationAlgorithm mode, int rate, bool gcm = false)
        {
            SrtpPolicy p = gcm ? SrtpPolicy.AeadAes128Gcm() : SrtpPolicy.AesCm128HmacSha1_80();
            p.AuthenticationAlgorithm = mode;
            p.AuthenticationTagLength = mode == SrtpAuthenticationAlgorithm.RccM3 ? 4 : 14;
            p.RocTransmissionRate = rate;
            return p;
        }

        [Theory]
        [InlineData(SrtpAuthenticationAlgorithm.RccM1, false)]
        [InlineData(SrtpAuthenticationAlgorithm.RccM2, false)]
        [InlineData(SrtpAuthenticationAlgorithm.RccM3, false)]
        [InlineData(SrtpAuthenticationAlgorithm.RccM3, true)]
        public void Layout_AndRoundTrip(SrtpAuthenticationAlgorithm mode, bool gcm)
        {
            var rng = new Random((int)mode);
            var p = Rcc(mode, 4, gcm);
            byte[] key = TestKit.Random(rng, p.MasterKeyLength), salt = TestKit.Random(rng, p.MasterSaltLength);
            // RCCm1 and non-AEAD RCCm3 leave packets without integrity: below the strict minimum, explicitly allowed here.
            var tx = NewContext(p, 10, SrtpDirection.Outbound, key, salt, null, null, Permissive);
            var rx = NewContext(p, 10, SrtpDirection.Inbound, key, salt, null, null, Permissive);
            tx.SetRolloverCounter(0x01020304);
            rx.SetRolloverCounter(0x01020304);
            byte[] buf = new byte[128];
            for (int seq = 65530; seq < 65550; seq++)
            {
                int s = seq & 0xFFFF;
                int plain = BuildRtp(buf, 0, s, 10, 20, rng);
                int len = plain;
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                int aead = gcm ? 16 : 0;
                bool carries = s % 4 == 0;
                int expectedTrailer = aead + (carries
                    ? (mode == SrtpAuthenticationAlgorithm.RccM3 ? 4 : 14)
                    : (mode == SrtpAuthenticationAlgorithm.RccM2 ? 14 : 0));
                Assert.Equal(plain + expectedTrailer, len);
                if (carries)
                {
                    uint roc = (uint)((buf[plain + aead] << 24) | (buf[plain + aead + 1] << 16) | (buf[plain + aead + 2] << 8) | buf[plain + aead + 3]);
                    Assert.Equal(tx.RolloverCounter, roc);
                }
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref len));
                Assert.Equal(plain, len);
            }
            Assert.Equal(0x01020305u, rx.RolloverCounter);
        }

        // A receiver that joined late (ROC unknown, assumed 0) resynchronises on the first authenticated ROC-carrying packet.
        [Theory]
        [InlineData(SrtpAuthenticationAlgorithm.RccM2, false)]
        [InlineData(SrtpAuthenticationAlgorithm.RccM3, true)]
        public void LateJoiner_Resynchronises(SrtpAuthenticationAlgorithm mode, bool gcm)
        {
            var rng = new Random(4771);
            var p = Rcc(mode, 8, gcm);
            byte[] key = TestKit.Random(rng, p.MasterKeyLength), salt = TestKit.Random(rng, p.MasterSaltLength);
            var tx = NewContext(p, 10, SrtpDirection.Outbound, key, salt);
            var rx = NewContext(p, 10, SrtpDirection.Inbound, key, salt);
            tx.SetRolloverCounter(77);
            byte[] buf = new byte[128];
            int failures = 0, ok = 0;
            for (int seq = 1001; seq < 1100; seq++)
            {
                int len = BuildRtp(buf, 0, seq, 10, 20, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                SrtpStatus s = rx.Unprotect(buf, 0, ref len);
                if (s == SrtpStatus.Ok) ok++;
                else
                {
                    failures++;
                    Assert.True(seq < 1008, "failed after resync at " + seq);
                    Assert.Equal(0UL, rx.HighestIndex);
                }
            }
            Assert.Equal(7, failures); // 1001..1007 fail, 1008 carries the ROC
            Assert.Equal(77u, rx.RolloverCounter);
        }

        // Without RCC the same late joiner never recovers (the problem RFC 4771 solves).
        [Fact]
        public void WithoutRcc_LateJoinerFails()
        {
            var rng = new Random(3);
            var p = SrtpPolicy.AesCm128HmacSha1_80();
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = NewContext(p, 10, SrtpDirection.Outbound, key, salt);
            var rx = NewContext(p, 10, SrtpDirection.Inbound, key, salt);
            tx.SetRolloverCounter(77);
            byte[] buf = new byte[128];
            for (int seq = 1000; seq < 1020; seq++)
            {
                int len = BuildRtp(buf, 0, seq, 10, 20, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                Assert.Equal(SrtpStatus.AuthFailure, rx.Unprotect(buf, 0, ref len));
            }
        }

        [Fact]
        public void Srtcp_IsNotAffectedByRcc()
        {
            var p = Rcc(SrtpAuthenticationAlgorithm.RccM2, 4);
            Assert.Equal(SrtpAuthenticationAlgorithm.HmacSha1, p.EffectiveSrtcpAuthentication);
            Assert.Equal(10, p.EffectiveSrtcpTagLength);
            var rng = new Random(5);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = NewContext(p, 10, SrtpDirection.Outbound, key, salt);
            var rx = NewContext(p, 10, SrtpDirection.Inbound, key, salt);
            byte[] buf = new byte[128];
            int len = BuildRtcp(buf, 0, 10, 32, rng);
            Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref len, buf.Length));
            Assert.Equal(32 + 4 + 10, len);
            Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(buf, 0, ref len));
        }
    }
}
