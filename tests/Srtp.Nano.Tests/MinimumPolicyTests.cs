using System;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Issue 8 §2: the local minimum every policy is checked against (RFC 3711 §3.4 SRTCP authentication, 4- or 10-byte
    /// HMAC-SHA-1 tags, explicit opt-ins for NULL SRTP authentication, RCCm1 and non-AEAD RCCm3).
    /// </summary>
    public class MinimumPolicyTests
    {
        // "type=value type=value": MIKEY SP parameters (RFC 3830 §6.10.1, RFC 4771 §4) over the RFC 3711 defaults.
        private static SrtpPolicy Sp(string spec)
        {
            var p = new SrtpPolicy();
            foreach (string tv in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = tv.Split('=');
                Assert.True(p.SetParameter(int.Parse(parts[0]), new[] { byte.Parse(parts[1]) }, 0, 1), tv);
            }
            Assert.True(p.IsSupported(out string? reason), reason);
            return p;
        }

        [Theory]
        [InlineData("", SrtpPolicyWeakness.None)]                       // AES_CM_128_HMAC_SHA1_80
        [InlineData("11=4", SrtpPolicyWeakness.None)]                   // HMAC-SHA1-32 on both
        [InlineData("11=4 19=10", SrtpPolicyWeakness.None)]             // AES_CM_128_HMAC_SHA1_32
        [InlineData("0=0", SrtpPolicyWeakness.None)]                    // NULL cipher, HMAC-SHA1-80: authenticated
        [InlineData("0=6 4=12 2=0 3=0", SrtpPolicyWeakness.None)]       // AEAD_AES_128_GCM
        [InlineData("0=6 4=12 2=4 11=4", SrtpPolicyWeakness.None)]      // RCCm3 with AEAD (RFC 4771 §3.3)
        [InlineData("2=3 11=14", SrtpPolicyWeakness.None)]              // RCCm2, ROC + 10-byte MAC
        [InlineData("2=0", SrtpPolicyWeakness.SrtcpUnauthenticated)]    // NULL auth for both
        [InlineData("15=0", SrtpPolicyWeakness.SrtcpUnauthenticated)]   // SRTCP NULL only
        [InlineData("10=0", SrtpPolicyWeakness.SrtpUnauthenticated)]    // SRTP auth switched off by type 10
        [InlineData("14=0", SrtpPolicyWeakness.SrtpUnauthenticated)]    // SRTP NULL only
        [InlineData("11=1", SrtpPolicyWeakness.HmacTagLength)]          // 1-byte tags
        [InlineData("11=20", SrtpPolicyWeakness.HmacTagLength)]
        [InlineData("18=1", SrtpPolicyWeakness.HmacTagLength)]          // SRTP tag only
        [InlineData("19=1", SrtpPolicyWeakness.HmacTagLength)]          // SRTCP tag only
        [InlineData("2=3 11=5", SrtpPolicyWeakness.HmacTagLength)]      // RCCm2, ROC + 1-byte MAC
        [InlineData("2=2 11=14", SrtpPolicyWeakness.RccM1)]
        [InlineData("2=4 11=4", SrtpPolicyWeakness.RccM3WithoutAead)]
        public void Strict_RefusesBelowMinimum_ContextsToo(string spec, SrtpPolicyWeakness expected)
        {
            SrtpPolicy p = Sp(spec);
            Assert.Equal(expected, SrtpMinimumPolicy.Strict.Check(p));
            if (expected == SrtpPolicyWeakness.None)
            {
                Assert.NotNull(new SrtpCryptoContext(p, 1, SrtpDirection.Inbound, null));
                Assert.NotNull(new SrtpSession(p, SrtpDirection.Outbound, null, 2));
            }
            else
            {
                Assert.Throws<ArgumentException>(() => new SrtpCryptoContext(p, 1, SrtpDirection.Inbound, null));
                Assert.Throws<ArgumentException>(() => new SrtpCryptoContext(p, 1, SrtpDirection.Outbound, null, SrtpMinimumPolicy.Strict));
                Assert.Throws<ArgumentException>(() => new SrtpSession(p, SrtpDirection.Inbound, null, 2));
            }
        }

        [Fact]
        public void OptIns_AllowExactlyTheirItem_NeverUnauthenticatedSrtcp()
        {
            var allowNull = new SrtpMinimumPolicy(true, false, false);
            var allowM1 = new SrtpMinimumPolicy(false, true, false);
            var allowM3 = new SrtpMinimumPolicy(false, false, true);
            Assert.True(allowNull.AllowNullSrtpAuthentication && !allowNull.AllowRccM1 && !allowNull.AllowRccM3WithoutAead);
            Assert.True(allowM1.AllowRccM1 && allowM3.AllowRccM3WithoutAead);
            Assert.False(SrtpMinimumPolicy.Strict.AllowNullSrtpAuthentication || SrtpMinimumPolicy.Strict.AllowRccM1 || SrtpMinimumPolicy.Strict.AllowRccM3WithoutAead);

            Assert.Equal(SrtpPolicyWeakness.None, allowNull.Check(Sp("10=0")));
            Assert.Equal(SrtpPolicyWeakness.None, allowNull.Check(Sp("14=0")));
            Assert.Equal(SrtpPolicyWeakness.RccM1, allowNull.Check(Sp("2=2 11=14")));
            Assert.Equal(SrtpPolicyWeakness.RccM3WithoutAead, allowNull.Check(Sp("2=4 11=4")));

            Assert.Equal(SrtpPolicyWeakness.None, allowM1.Check(Sp("2=2 11=14")));
            Assert.Equal(SrtpPolicyWeakness.None, allowM1.Check(Sp("2=2 11=8")));
            Assert.Equal(SrtpPolicyWeakness.HmacTagLength, allowM1.Check(Sp("2=2 11=5")));
            Assert.Equal(SrtpPolicyWeakness.SrtpUnauthenticated, allowM1.Check(Sp("10=0")));

            Assert.Equal(SrtpPolicyWeakness.None, allowM3.Check(Sp("2=4 11=4")));
            Assert.Equal(SrtpPolicyWeakness.RccM1, allowM3.Check(Sp("2=2 11=14")));

            // RFC 3711 §3.4: no opt-in reaches SRTCP authentication, nor the tag lengths.
            Assert.Equal(SrtpPolicyWeakness.SrtcpUnauthenticated, Permissive.Check(Sp("2=0")));
            Assert.Equal(SrtpPolicyWeakness.SrtcpUnauthenticated, Permissive.Check(Sp("15=0")));
            Assert.Equal(SrtpPolicyWeakness.HmacTagLength, Permissive.Check(Sp("11=1")));
            Assert.Equal(SrtpPolicyWeakness.None, Permissive.Check(Sp("10=0")));
            Assert.NotNull(new SrtpCryptoContext(Sp("2=2 11=14"), 1, SrtpDirection.Inbound, null, allowM1));
            Assert.Throws<ArgumentNullException>(() => new SrtpCryptoContext(Sp(""), 1, SrtpDirection.Inbound, null, null!));
        }

        // Issue 8 §2, shown against the old code: with a NULL-auth policy a forged SRTCP packet (E=1, index 0x7FFFFF00,
        // no tag) returned Ok and moved the replay window, so every genuine packet after it was ReplayOld. Such a policy
        // no longer yields a context or a session, whatever is opted in; with SRTCP authenticated the forgery fails.
        [Fact]
        public void ForgedSrtcp_NullAuthPolicyCannotBeRun_AuthenticatedSrtcpSurvives()
        {
            var nullAuth = new SrtpPolicy { AuthenticationAlgorithm = SrtpAuthenticationAlgorithm.Null };
            Assert.True(nullAuth.IsSupported(out _));
            Assert.Equal(SrtpPolicyWeakness.SrtcpUnauthenticated, SrtpMinimumPolicy.Strict.Check(nullAuth));
            Assert.Equal(SrtpPolicyWeakness.SrtcpUnauthenticated, Permissive.Check(nullAuth));
            Assert.Throws<ArgumentException>(() => new SrtpCryptoContext(nullAuth, 7, SrtpDirection.Inbound, null));
            Assert.Throws<ArgumentException>(() => new SrtpCryptoContext(nullAuth, 7, SrtpDirection.Inbound, null, Permissive));
            Assert.Throws<ArgumentException>(() => new SrtpSession(nullAuth, SrtpDirection.Inbound, null, 4, Permissive));

            // Closest runnable policy: NULL SRTP authentication explicitly allowed, SRTCP authenticated (SP type 15 = 1).
            SrtpPolicy p = nullAuth.Clone();
            p.SrtcpAuthAlgorithm = (int)SrtpAuthenticationAlgorithm.HmacSha1;
            var rng = new Random(8);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = NewContext(p, 7, SrtpDirection.Outbound, key, salt, null, null, Permissive);
            var rx = new SrtpSession(p, SrtpDirection.Inbound, null, 4, Permissive);
            rx.AddMasterKey(key, 0, salt, 0, null, 0);
            byte[] buf = new byte[128];
            for (int n = 0; n < 6; n++)
            {
                if (n == 3)
                {
                    int fl = BuildRtcp(buf, 0, 7, 28, rng);
                    buf[fl] = 0xFF; buf[fl + 1] = 0xFF; buf[fl + 2] = 0xFF; buf[fl + 3] = 0x00; // E=1, index 0x7FFFFF00
                    fl += 4;
                    Assert.Equal(SrtpStatus.AuthFailure, rx.UnprotectRtcp(buf, 0, ref fl)); // read as 18 bytes + 10-byte tag
                    fl = BuildRtcp(buf, 0, 7, 28, rng);
                    buf[fl] = 0xFF; buf[fl + 1] = 0xFF; buf[fl + 2] = 0xFF; buf[fl + 3] = 0x00;
                    fl += 4 + 10;
                    Assert.Equal(SrtpStatus.AuthFailure, rx.UnprotectRtcp(buf, 0, ref fl)); // with a made-up tag
                }
                int len = BuildRtcp(buf, 0, 7, 28, rng);
                Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref len, buf.Length));
                Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(buf, 0, ref len));
                Assert.Equal(28, len);
            }
        }

        // Issue 8 §3: the 32-bit suites write type 11 = 4 and type 19 = 10, right for RFC 4771 readers and for readers
        // that know only RFC 3830 (types 0–12).
        [Theory]
        [InlineData(16)]
        [InlineData(32)]
        public void HmacSha1_32_WritesType11As4AndType19As10(int keyLength)
        {
            SrtpPolicy p = keyLength == 16 ? SrtpPolicy.AesCm128HmacSha1_32() : SrtpPolicy.AesCm256HmacSha1_32();
            Assert.Equal(SrtpPolicyWeakness.None, SrtpMinimumPolicy.Strict.Check(p));
            byte[] buf = new byte[128];
            int n = p.WriteParameters(buf, 0);
            var rfc3830 = new SrtpPolicy();
            var rfc4771 = new SrtpPolicy();
            int type11 = -1, type18 = -1, type19 = -1;
            for (int pos = 0; pos < n; pos += 2 + buf[pos + 1])
            {
                int type = buf[pos];
                if (type == 11) type11 = buf[pos + 2];
                if (type == 18) type18 = buf[pos + 2];
                if (type == 19) type19 = buf[pos + 2];
                if (type <= 12) Assert.True(rfc3830.SetParameter(type, buf, pos + 2, buf[pos + 1]));
                Assert.True(rfc4771.SetParameter(type, buf, pos + 2, buf[pos + 1]));
            }
            Assert.Equal(4, type11);
            Assert.Equal(-1, type18);
            Assert.Equal(10, type19);
            Assert.Equal(4, rfc4771.EffectiveSrtpTagLength);
            Assert.Equal(10, rfc4771.EffectiveSrtcpTagLength);
            Assert.Equal(4, rfc3830.EffectiveSrtpTagLength);
            Assert.Equal(keyLength, rfc4771.MasterKeyLength);
        }
    }
}
