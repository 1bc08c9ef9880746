using System;
using NanoMikey.LibSrtp.Interop;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Interop with Debian's libsrtp2 (libsrtp2.so.1) through P/Invoke, both directions. These tests fail, not skip,
    /// when the library is missing (DllNotFoundException).
    /// </summary>
    public class LibSrtpInteropTests
    {
        private const int Packets = 1000;

        public static TheoryData<string> Profiles => new TheoryData<string>
        {
            nameof(LibSrtpProfile.AesCm128HmacSha1_80),
            nameof(LibSrtpProfile.AesCm128HmacSha1_32),
            nameof(LibSrtpProfile.AesCm256HmacSha1_80),
            nameof(LibSrtpProfile.NullHmacSha1_80),
            nameof(LibSrtpProfile.AeadAes128Gcm),
            nameof(LibSrtpProfile.AeadAes256Gcm),
            nameof(LibSrtpProfile.AeadAes128Gcm8),
            nameof(LibSrtpProfile.AeadAes128Gcm8OnlyAuth),
        };

        internal static SrtpPolicy PolicyFor(LibSrtpProfile p)
        {
            switch (p)
            {
                case LibSrtpProfile.AesCm128HmacSha1_80: return SrtpPolicy.AesCm128HmacSha1_80();
                case LibSrtpProfile.AesCm128HmacSha1_32: return SrtpPolicy.AesCm128HmacSha1_32();
                case LibSrtpProfile.AesCm256HmacSha1_80: return SrtpPolicy.AesCm256HmacSha1_80();
                case LibSrtpProfile.NullHmacSha1_80: return SrtpPolicy.NullHmacSha1_80();
                case LibSrtpProfile.AeadAes128Gcm: return SrtpPolicy.AeadAes128Gcm();
                case LibSrtpProfile.AeadAes256Gcm: return SrtpPolicy.AeadAes256Gcm();
                case LibSrtpProfile.AeadAes128Gcm8:
                    var g = SrtpPolicy.AeadAes128Gcm();
                    g.AeadAuthenticationTagLength = 8;
                    return g;
                case LibSrtpProfile.AeadAes128Gcm8OnlyAuth:
                    var ga = SrtpPolicy.AeadAes128Gcm();
                    ga.AeadAuthenticationTagLength = 8;
                    ga.SrtcpEncryption = false; // libsrtp's only_auth encrypts SRTP anyway; SRTCP goes with E = 0

                    return ga;
                default: throw new ArgumentOutOfRangeException(nameof(p));
            }
        }

        [Fact]
        public void LibSrtpLoads()
        {
            Assert.StartsWith("libsrtp2 2.", LibSrtpSession.Version);
        }

        [Theory]
        [MemberData(nameof(Profiles))]
        public void OursProtect_LibSrtpUnprotects(string profileName) => RunSrtp(Enum.Parse<LibSrtpProfile>(profileName), true, false, 0xFFFFFFF0u, 65000, 1);

        [Theory]
        [MemberData(nameof(Profiles))]
        public void LibSrtpProtects_OursUnprotect(string profileName) => RunSrtp(Enum.Parse<LibSrtpProfile>(profileName), false, false, 0xFFFFFFF0u, 65000, 2);

        [Theory]
        [MemberData(nameof(Profiles))]
        public void WithMki_BothDirections(string profileName)
        {
            var p = Enum.Parse<LibSrtpProfile>(profileName);
            RunSrtp(p, true, true, 0x7FFFFFFEu, 65500, 3);
            RunSrtp(p, false, true, 0x7FFFFFFEu, 65500, 4);
        }

        [Theory]
        [MemberData(nameof(Profiles))]
        public void Srtcp_BothDirections(string profileName)
        {
            var p = Enum.Parse<LibSrtpProfile>(profileName);
            RunSrtcp(p, true, false, 5);
            RunSrtcp(p, false, false, 6);
            RunSrtcp(p, true, true, 7);
            RunSrtcp(p, false, true, 8);
        }

        // NULL SRTP authentication only with the explicit opt-in; SRTCP authentication is mandatory (RFC 3711 §3.4), so our
        // side keeps HMAC-SHA1-80 for SRTCP (SP type 15) and only SRTP packets are exchanged with libsrtp's null/null profile.
        [Fact]
        public void NullNull_BothDirections()
        {
            var policy = new SrtpPolicy
            {
                EncryptionAlgorithm = SrtpEncryptionAlgorithm.Null,
                AuthenticationAlgorithm = SrtpAuthenticationAlgorithm.Null,
                SrtcpAuthAlgorithm = (int)SrtpAuthenticationAlgorithm.HmacSha1,
            };
            Assert.Equal(SrtpPolicyWeakness.SrtpUnauthenticated, SrtpMinimumPolicy.Strict.Check(policy));
            var allowNull = new SrtpMinimumPolicy(true, false, false);
            RunSrtp(LibSrtpProfile.NullNull, true, false, 5, 65000, 9, policy, allowNull);
            RunSrtp(LibSrtpProfile.NullNull, false, false, 5, 65000, 10, policy, allowNull);
        }

        private static void RunSrtp(LibSrtpProfile profile, bool oursSends, bool mki, uint roc, int firstSeq, int seed, SrtpPolicy? policy = null, SrtpMinimumPolicy? minimum = null)
        {
            policy ??= PolicyFor(profile);
            var rng = new Random(seed * 7919 + (int)profile);
            uint ssrc = (uint)rng.Next() | 1u;
            int kl = policy.MasterKeyLength, sl = policy.MasterSaltLength;
            int nKeys = mki ? 3 : 1;
            byte[][] material = new byte[nKeys][];
            byte[][]? mkis = mki ? new byte[nKeys][] : null;
            if (mki) policy.MkiLength = 4;
            var ours = new SrtpCryptoContext(policy, ssrc, oursSends ? SrtpDirection.Outbound : SrtpDirection.Inbound, Host, minimum ?? SrtpMinimumPolicy.Strict);
            for (int i = 0; i < nKeys; i++)
            {
                material[i] = TestKit.Random(rng, kl + sl);
                if (mkis != null) mkis[i] = new byte[] { 0xA0, (byte)i, 0x5A, (byte)(i * 3) };
                ours.AddMasterKey(material[i], 0, material[i], kl, mkis?[i], 0);
            }
            ours.SetRolloverCounter(roc);
            using var lib = new LibSrtpSession(profile, ssrc, 1, material, mkis, 0, roc);

            byte[] buf = new byte[1600];
            byte[] orig = new byte[1600];
            int seq = firstSeq;
            uint expectRoc = roc;
            for (int n = 0; n < Packets; n++)
            {
                int payload = rng.Next(0, 1200);
                int csrc = rng.Next(4) == 0 ? rng.Next(1, 4) : 0;
                int ext = rng.Next(4) == 0 ? rng.Next(0, 4) : -1;
                int len = BuildRtp(buf, 0, seq, ssrc, payload, rng, csrc, ext);
                Array.Copy(buf, orig, len);
                int plain = len;
                int keyIndex = mki ? rng.Next(nKeys) : 0;
                if (oursSends)
                {
                    ours.ActiveMasterKey = keyIndex;
                    Assert.Equal(SrtpStatus.Ok, ours.Protect(buf, 0, ref len, buf.Length));
                    Assert.Equal(0, lib.Unprotect(buf, 0, ref len));
                }
                else
                {
                    Assert.Equal(0, lib.Protect(buf, 0, ref len, (uint)keyIndex));
                    Assert.Equal(SrtpStatus.Ok, ours.Unprotect(buf, 0, ref len));
                }
                Assert.Equal(plain, len);
                Assert.True(orig.AsSpan(0, plain).SequenceEqual(buf.AsSpan(0, len)), "packet " + n);
                int step = rng.Next(1, 4);
                if (seq + step > 0xFFFF) expectRoc++;
                seq = (seq + step) & 0xFFFF;
            }
            Assert.Equal(expectRoc, ours.RolloverCounter);
            Assert.Equal(expectRoc, lib.GetRoc(ssrc));
        }

        private static void RunSrtcp(LibSrtpProfile profile, bool oursSends, bool mki, int seed)
        {
            var policy = PolicyFor(profile);
            var rng = new Random(seed * 31 + (int)profile);
            uint ssrc = (uint)rng.Next() | 1u;
            int kl = policy.MasterKeyLength, sl = policy.MasterSaltLength;
            int nKeys = mki ? 2 : 1;
            byte[][] material = new byte[nKeys][];
            byte[][]? mkis = mki ? new byte[nKeys][] : null;
            if (mki) policy.MkiLength = 4;
            var ours = new SrtpCryptoContext(policy, ssrc, oursSends ? SrtpDirection.Outbound : SrtpDirection.Inbound, Host);
            for (int i = 0; i < nKeys; i++)
            {
                material[i] = TestKit.Random(rng, kl + sl);
                if (mkis != null) mkis[i] = new byte[] { 1, 2, 3, (byte)(0x40 + i) };
                ours.AddMasterKey(material[i], 0, material[i], kl, mkis?[i], 0);
            }
            using var lib = new LibSrtpSession(profile, ssrc, 1, material, mkis);
            byte[] buf = new byte[1600];
            byte[] orig = new byte[1600];
            for (int n = 0; n < Packets; n++)
            {
                int len = BuildRtcp(buf, 0, ssrc, 8 + 4 * rng.Next(0, 300), rng);
                Array.Copy(buf, orig, len);
                int plain = len;
                int keyIndex = mki ? rng.Next(nKeys) : 0;
                if (oursSends)
                {
                    ours.ActiveMasterKey = keyIndex;
                    Assert.Equal(SrtpStatus.Ok, ours.ProtectRtcp(buf, 0, ref len, buf.Length));
                    if (mki && policy.EffectiveSrtpTagLength != policy.EffectiveSrtcpTagLength)
                    {
                        // libsrtp 2.5 looks for the SRTCP MKI using the SRTP tag length (libsrtp #733), so it cannot
                        // read its own SRTCP+MKI packets under _32 either; we keep the RFC 3711 layout its protect side writes.
                        Assert.Equal(25, lib.UnprotectRtcp(buf, 0, ref len));
                        return;
                    }
                    Assert.Equal(0, lib.UnprotectRtcp(buf, 0, ref len));
                }
                else
                {
                    Assert.Equal(0, lib.ProtectRtcp(buf, 0, ref len, (uint)keyIndex));
                    Assert.Equal(SrtpStatus.Ok, ours.UnprotectRtcp(buf, 0, ref len));
                }
                Assert.Equal(plain, len);
                Assert.True(orig.AsSpan(0, plain).SequenceEqual(buf.AsSpan(0, len)), "packet " + n);
            }
        }
    }
}
