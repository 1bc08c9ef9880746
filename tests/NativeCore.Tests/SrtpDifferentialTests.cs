using NanoMikey.Crypto.Cipher;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Kdf;
using NanoMikey.Srtp.Policy;
using NanoMikey.Srtp.Transforms;
using static NanoMikey.NativeCore.Tests.NmCore;

namespace NanoMikey.NativeCore.Tests
{
    /// <summary>
    /// Random packets through our managed SrtpCryptoContext (lib/Srtp.Nano, net10.0) and through the C core's one-call
    /// packet transforms with the same session keys: byte-identical SRTP/SRTCP, and the core's unprotect restores them.
    /// </summary>
    public class SrtpDifferentialTests
    {
        private const int Cases = 200;

        public static TheoryData<string> CmPolicies => new TheoryData<string>
        {
            nameof(SrtpPolicy.AesCm128HmacSha1_80), nameof(SrtpPolicy.AesCm128HmacSha1_32), nameof(SrtpPolicy.AesCm192HmacSha1_80),
            nameof(SrtpPolicy.AesCm256HmacSha1_80), nameof(SrtpPolicy.NullHmacSha1_80),
        };

        internal static SrtpPolicy Policy(string name) => (SrtpPolicy)typeof(SrtpPolicy).GetMethod(name)!.Invoke(null, null)!;

        /// <summary>Session key, auth key and salt for SRTP (labels 0, 1, 2) or SRTCP (3, 4, 5) with our managed KDF.</summary>
        internal static (byte[] Enc, byte[] Auth, byte[] Salt) SessionKeys(SrtpPolicy p, byte[] master, byte[] salt, bool rtcp)
        {
            var engine = new SoftwareAes();
            engine.SetKey(master, 0, master.Length);
            var kdf = new SrtpKeyDerivation(engine, salt, 0, salt.Length);
            int b = rtcp ? 3 : 0;
            byte[] enc = new byte[master.Length], auth = new byte[20], s = new byte[p.SessionSaltKeyLength];
            kdf.Derive(b, 0, enc, 0, enc.Length);
            kdf.Derive(b + 1, 0, auth, 0, auth.Length);
            kdf.Derive(b + 2, 0, s, 0, s.Length);
            return (enc, auth, s);
        }

        /// <summary>A random RTP packet: CSRCs and a header extension sometimes, payload 0..300 bytes.</summary>
        internal static byte[] RandomRtp(Random rng, uint ssrc, int seq, out int headerLength)
        {
            int cc = rng.Next(0, 4);
            bool x = rng.Next(2) == 0;
            int extWords = x ? rng.Next(0, 4) : 0;
            headerLength = 12 + 4 * cc + (x ? 4 + 4 * extWords : 0);
            byte[] p = new byte[headerLength + rng.Next(0, 301)];
            rng.NextBytes(p);
            p[0] = (byte)(0x80 | (x ? 0x10 : 0) | cc);
            p[2] = (byte)(seq >> 8);
            p[3] = (byte)seq;
            for (int k = 0; k < 4; k++) p[8 + k] = (byte)(ssrc >> (24 - 8 * k));
            if (x)
            {
                int e = 12 + 4 * cc;
                p[e + 2] = 0;
                p[e + 3] = (byte)extWords;
            }
            return p;
        }

        // One random RTP packet protected by the managed outbound context (random master key, salt, SSRC, ROC, sequence).
        private static (byte[] Master, byte[] Salt, uint Ssrc, uint Roc, int Seq, byte[] Rtp, int HeaderLength, byte[] Managed, int Length)
            ManagedPacket(Random rng, SrtpPolicy policy)
        {
            byte[] master = new byte[policy.SessionEncryptionKeyLength], salt = new byte[policy.SessionSaltKeyLength];
            rng.NextBytes(master);
            rng.NextBytes(salt);
            uint ssrc = (uint)rng.NextInt64(0, 1L << 32), roc = (uint)rng.NextInt64(0, 1L << 32);
            int seq = rng.Next(0, 65536);
            byte[] rtp = RandomRtp(rng, ssrc, seq, out int h);
            var ctx = new SrtpCryptoContext(policy, ssrc, SrtpDirection.Outbound, new SoftwareAesFactory());
            ctx.AddMasterKey(master, 0, salt, 0, null, 0);
            ctx.SetRolloverCounter(roc);
            byte[] managed = new byte[rtp.Length + 32];
            Array.Copy(rtp, managed, rtp.Length);
            int len = rtp.Length;
            Assert.Equal(Srtp.SrtpStatus.Ok, ctx.Protect(managed, 0, ref len, managed.Length));
            return (master, salt, ssrc, roc, seq, rtp, h, managed, len);
        }

        [Theory]
        [MemberData(nameof(CmPolicies))]
        public void SrtpAesCmPacketsMatchTheManagedContext(string policyName)
        {
            var rng = new Random(1000 + policyName.Length * 31 + policyName[^1]);
            SrtpPolicy policy = Policy(policyName);
            int tagLen = policy.EffectiveSrtpTagLength;
            for (int c = 0; c < Cases; c++)
            {
                var (master, salt, ssrc, roc, seq, rtp, h, managed, len) = ManagedPacket(rng, policy);
                Assert.Equal(rtp.Length + tagLen, len);

                var keys = SessionKeys(policy, master, salt, false);
                byte[] iv = KnownAnswerTests.SrtpIv(keys.Salt, ssrc, roc, seq);
                byte[] native = new byte[len];
                Array.Copy(rtp, native, rtp.Length);
                int encLen = policy.SrtpEncryption && policy.EncryptionAlgorithm != SrtpEncryptionAlgorithm.Null ? rtp.Length - h : 0;
                using (var slot = new Slot(keys.Enc, keys.Auth))
                {
                    Assert.Equal(0, SrtpProtect(slot.Handle, iv, 0, native, h, encLen, 0, rtp.Length, true, roc, rtp.Length, tagLen));
                    Assert.Equal(HexText.Of(managed, 0, len), HexText.Of(native));
                    Assert.Equal(1, SrtpUnprotect(slot.Handle, iv, 0, native, h, encLen, 0, rtp.Length, true, roc, rtp.Length, tagLen));
                    Assert.Equal(HexText.Of(rtp), HexText.Of(native, 0, rtp.Length));
                }
            }
        }

        [Fact]
        public void SrtcpPacketsMatchTheManagedContext()
        {
            var rng = new Random(2024);
            SrtpPolicy policy = SrtpPolicy.AesCm128HmacSha1_80();
            for (int c = 0; c < Cases; c++)
            {
                byte[] master = new byte[16], salt = new byte[14];
                rng.NextBytes(master);
                rng.NextBytes(salt);
                uint ssrc = (uint)rng.NextInt64(0, 1L << 32), index = (uint)rng.Next(0, int.MaxValue);
                byte[] rtcp = new byte[8 + 4 * rng.Next(0, 40)];
                rng.NextBytes(rtcp);
                rtcp[0] = 0x81;
                rtcp[1] = 200;
                rtcp[2] = (byte)((rtcp.Length / 4 - 1) >> 8);
                rtcp[3] = (byte)(rtcp.Length / 4 - 1);
                for (int k = 0; k < 4; k++) rtcp[4 + k] = (byte)(ssrc >> (24 - 8 * k));

                var ctx = new SrtpCryptoContext(policy, ssrc, SrtpDirection.Outbound, new SoftwareAesFactory());
                ctx.AddMasterKey(master, 0, salt, 0, null, 0);
                ctx.SetSrtcpIndex(index);
                byte[] managed = new byte[rtcp.Length + 32];
                Array.Copy(rtcp, managed, rtcp.Length);
                int len = rtcp.Length;
                Assert.Equal(Srtp.SrtpStatus.Ok, ctx.ProtectRtcp(managed, 0, ref len, managed.Length));
                Assert.Equal(rtcp.Length + 4 + 10, len);

                // RFC 3711 §3.4: encrypt from byte 8, append E || SRTCP index, tag over everything before it (no ROC).
                var keys = SessionKeys(policy, master, salt, true);
                byte[] iv = KnownAnswerTests.SrtpIv(keys.Salt, ssrc, index >> 16, (int)(index & 0xFFFF));
                byte[] native = new byte[len];
                Array.Copy(rtcp, native, rtcp.Length);
                uint eIndex = 0x80000000u | index;
                for (int k = 0; k < 4; k++) native[rtcp.Length + k] = (byte)(eIndex >> (24 - 8 * k));
                using var slot = new Slot(keys.Enc, keys.Auth);
                Assert.Equal(0, SrtpProtect(slot.Handle, iv, 0, native, 8, rtcp.Length - 8, 0, rtcp.Length + 4, false, 0, rtcp.Length + 4, 10));
                Assert.Equal(HexText.Of(managed, 0, len), HexText.Of(native));
                Assert.Equal(1, SrtpUnprotect(slot.Handle, iv, 0, native, 8, rtcp.Length - 8, 0, rtcp.Length + 4, false, 0, rtcp.Length + 4, 10));
                Assert.Equal(HexText.Of(rtcp), HexText.Of(native, 0, rtcp.Length));
            }
        }

        [Theory]
        [InlineData(nameof(SrtpPolicy.AeadAes128Gcm))]
        [InlineData(nameof(SrtpPolicy.AeadAes256Gcm))]
        public void SrtpGcmPacketsMatchTheManagedContext(string policyName)
        {
            var rng = new Random(3000 + policyName.Length);
            SrtpPolicy policy = Policy(policyName);
            for (int c = 0; c < Cases; c++)
            {
                var (master, salt, ssrc, roc, seq, rtp, h, managed, len) = ManagedPacket(rng, policy);
                Assert.Equal(rtp.Length + 16, len);

                // RFC 7714 §8: AAD = header, payload encrypted, 16-byte tag after it; IV per §8.1.
                var keys = SessionKeys(policy, master, salt, false);
                byte[] iv = new byte[12];
                SrtpIv.GcmSrtp(keys.Salt, ssrc, roc, (uint)seq, iv, 0);
                byte[] native = new byte[len];
                Array.Copy(rtp, native, rtp.Length);
                using var slot = new Slot(keys.Enc);
                Assert.Equal(0, GcmSeal(slot.Handle, iv, 0, 12, native, 0, h, native, h, rtp.Length - h, native, rtp.Length, 16));
                Assert.Equal(HexText.Of(managed, 0, len), HexText.Of(native));
                Assert.Equal(1, GcmOpen(slot.Handle, iv, 0, 12, native, 0, h, native, h, rtp.Length - h, native, rtp.Length, 16));
                Assert.Equal(HexText.Of(rtp), HexText.Of(native, 0, rtp.Length));
            }
        }

        // RFC 3711 B.3 generalised: session keys through the core's AesCtrXor equal the managed KDF's (r = 0).
        [Fact]
        public void KeyDerivationThroughAesCtrXorMatchesTheManagedKdf()
        {
            var rng = new Random(77);
            for (int c = 0; c < Cases; c++)
            {
                int keyLength = new[] { 16, 24, 32 }[rng.Next(3)];
                byte[] master = new byte[keyLength], salt = new byte[14];
                rng.NextBytes(master);
                rng.NextBytes(salt);
                var engine = new SoftwareAes();
                engine.SetKey(master, 0, master.Length);
                var kdf = new SrtpKeyDerivation(engine, salt, 0, 14);
                int label = rng.Next(0, 6), length = rng.Next(1, 100);
                byte[] expected = new byte[length];
                kdf.Derive(label, 0, expected, 0, length);
                using var slot = new Slot(master);
                Assert.Equal(HexText.Of(expected), HexText.Of(KnownAnswerTests.Derive(slot.Handle, salt, (byte)label, length)));
            }
        }
    }
}
