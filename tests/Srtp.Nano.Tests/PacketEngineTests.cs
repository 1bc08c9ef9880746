using System;
using System.Reflection;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Issue 15: a factory that also makes <see cref="Transforms.ISrtpPacketEngine"/>s gets each packet's whole transform in one
    /// engine call (CM + HMAC, or GCM), and the result is byte for byte that of the managed path, statuses included; a factory
    /// that makes none (or runs out) leaves the managed path as it was.
    /// </summary>
    public class PacketEngineTests
    {
        private const uint Ssrc = 0x0BADCAFE;

        public static TheoryData<string> Cases => new TheoryData<string>
        {
            "cm128-80", "cm128-32", "cm192-80", "cm256-80", "cm256-32", "null-80", "gcm128", "gcm256",
            "cm128-80-mki-kdr", "gcm128-mki-kdr", "cm128-80-auth-only", "cm128-80-rtcp-clear", "gcm128-rtcp-clear", "rccm2", "rccm1",
        };

        internal static SrtpPolicy Policy(string name)
        {
            SrtpPolicy p = name.Substring(0, name.IndexOf('-') < 0 ? name.Length : name.IndexOf('-')) switch
            {
                "cm192" => SrtpPolicy.AesCm192HmacSha1_80(),
                "cm256" => name.StartsWith("cm256-32") ? SrtpPolicy.AesCm256HmacSha1_32() : SrtpPolicy.AesCm256HmacSha1_80(),
                "null" => SrtpPolicy.NullHmacSha1_80(),
                "gcm128" => SrtpPolicy.AeadAes128Gcm(),
                "gcm256" => SrtpPolicy.AeadAes256Gcm(),
                _ => name.StartsWith("cm128-32") ? SrtpPolicy.AesCm128HmacSha1_32() : SrtpPolicy.AesCm128HmacSha1_80(),
            };
            if (name.EndsWith("-mki-kdr"))
            {
                p.MkiLength = 2;
                p.KeyDerivationRate = 1u << 20;
            }
            if (name.EndsWith("-auth-only")) p.SrtpEncryption = false;
            if (name.EndsWith("-rtcp-clear")) p.SrtcpEncryption = false;
            if (name.StartsWith("rcc"))
            {
                p.AuthenticationAlgorithm = name == "rccm1" ? SrtpAuthenticationAlgorithm.RccM1 : SrtpAuthenticationAlgorithm.RccM2;
                p.AuthenticationTagLength = 14;
                p.RocTransmissionRate = 3;
            }
            return p;
        }

        private static (SrtpCryptoContext Tx, SrtpCryptoContext Rx) Pair(SrtpPolicy p, byte[] key, byte[] salt, Crypto.Hal.IAesEngineFactory f)
        {
            byte[]? mki = p.MkiLength > 0 ? new byte[] { 0xA5, 0x5A } : null;
            return (NewContext(p, Ssrc, SrtpDirection.Outbound, key, salt, mki, f, Permissive),
                    NewContext(p, Ssrc, SrtpDirection.Inbound, key, salt, mki, f, Permissive));
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void SameBytesAsTheManagedPath_OneEngineCallPerPacket(string name)
        {
            SrtpPolicy p = Policy(name);
            var rng = new Random(name.GetHashCode());
            byte[] key = TestKit.Random(rng, p.MasterKeyLength), salt = TestKit.Random(rng, p.MasterSaltLength);
            var engines = new ReferencePacketEngineFactory();
            var managed = Pair(p, key, salt, Host);
            var native = Pair(p, key, salt, engines);
            // No AES-CM scratch where every session's keys sit in an engine.
            Assert.Null(typeof(SrtpCryptoContext).GetField("_cm", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(native.Tx));
            int[] payloads = { 160, 0, 1, 15, 16, 17, 333, 1000 };
            byte[] a = new byte[1400], b = new byte[1400];
            for (int i = 0; i < 48; i++)
            {
                bool rtcp = i % 3 == 2;
                int len = rtcp ? BuildRtcp(a, 0, Ssrc, 8 + 4 * (i % 7), rng) : BuildRtp(a, 0, 100 + i, Ssrc, payloads[i % payloads.Length], rng);
                Array.Copy(a, b, len);
                byte[] plain = a.AsSpan(0, len).ToArray();
                int la = len, lb = len;
                int calls = engines.PacketCalls, blocks = engines.BlockCalls;
                SrtpStatus sa = rtcp ? managed.Tx.ProtectRtcp(a, 0, ref la, a.Length) : managed.Tx.Protect(a, 0, ref la, a.Length);
                SrtpStatus sb = rtcp ? native.Tx.ProtectRtcp(b, 0, ref lb, b.Length) : native.Tx.Protect(b, 0, ref lb, b.Length);
                Assert.Equal(SrtpStatus.Ok, sa);
                Assert.Equal(sa, sb);
                Assert.Equal(la, lb);
                Assert.Equal(a.AsSpan(0, la).ToArray(), b.AsSpan(0, lb).ToArray());
                sa = rtcp ? managed.Rx.UnprotectRtcp(a, 0, ref la) : managed.Rx.Unprotect(a, 0, ref la);
                sb = rtcp ? native.Rx.UnprotectRtcp(b, 0, ref lb) : native.Rx.Unprotect(b, 0, ref lb);
                Assert.Equal(SrtpStatus.Ok, sa);
                Assert.Equal(sa, sb);
                Assert.Equal(plain, b.AsSpan(0, lb).ToArray());
                Assert.Equal(2, engines.PacketCalls - calls);
                // The first SRTCP packet derives the SRTCP keys (KDR 0, RFC 3711 §4.3.2): KDF blocks once, then never again.
                if (i > 2) Assert.Equal(blocks, engines.BlockCalls);
            }
        }

        [Theory]
        [InlineData("cm128-80")]
        [InlineData("cm128-32")]
        [InlineData("null-80")]
        [InlineData("gcm128")]
        [InlineData("gcm256")]
        [InlineData("cm128-80-mki-kdr")]
        public void TamperAndReplay_SameStatusAsManaged_StateUnchanged(string name)
        {
            SrtpPolicy p = Policy(name);
            var rng = new Random(7);
            byte[] key = TestKit.Random(rng, p.MasterKeyLength), salt = TestKit.Random(rng, p.MasterSaltLength);
            var managed = Pair(p, key, salt, Host);
            var native = Pair(p, key, salt, new ReferencePacketEngineFactory());
            foreach (bool rtcp in new[] { false, true })
            {
                byte[] pkt = new byte[400];
                int len = rtcp ? BuildRtcp(pkt, 0, Ssrc, 44, rng) : BuildRtp(pkt, 0, 5, Ssrc, 160, rng);
                Assert.Equal(SrtpStatus.Ok, rtcp ? managed.Tx.ProtectRtcp(pkt, 0, ref len, pkt.Length) : managed.Tx.Protect(pkt, 0, ref len, pkt.Length));
                for (int i = 0; i < len; i++)
                {
                    for (int bit = 0; bit < 8; bit += 7)
                    {
                        byte[] a = pkt.AsSpan(0, len).ToArray(), b = pkt.AsSpan(0, len).ToArray();
                        a[i] ^= (byte)(1 << bit);
                        b[i] ^= (byte)(1 << bit);
                        byte[] sent = b.ToArray();
                        int la = len, lb = len;
                        ulong before = native.Rx.HighestIndex;
                        SrtpStatus sa = rtcp ? managed.Rx.UnprotectRtcp(a, 0, ref la) : managed.Rx.Unprotect(a, 0, ref la);
                        SrtpStatus sb = rtcp ? native.Rx.UnprotectRtcp(b, 0, ref lb) : native.Rx.Unprotect(b, 0, ref lb);
                        Assert.NotEqual(SrtpStatus.Ok, sb);
                        Assert.Equal(sa, sb);
                        Assert.Equal(sent, b);
                        Assert.Equal(len, lb);
                        Assert.Equal(before, native.Rx.HighestIndex);
                    }
                }
                byte[] g1 = pkt.AsSpan(0, len).ToArray(), g2 = pkt.AsSpan(0, len).ToArray();
                int l1 = len, l2 = len;
                Assert.Equal(SrtpStatus.Ok, rtcp ? native.Rx.UnprotectRtcp(g1, 0, ref l1) : native.Rx.Unprotect(g1, 0, ref l1));
                Assert.Equal(SrtpStatus.Ok, rtcp ? managed.Rx.UnprotectRtcp(g2, 0, ref l2) : managed.Rx.Unprotect(g2, 0, ref l2));
                Assert.Equal(g2.AsSpan(0, l2).ToArray(), g1.AsSpan(0, l1).ToArray());
                g1 = pkt.AsSpan(0, len).ToArray();
                l1 = len;
                Assert.Equal(SrtpStatus.ReplayDuplicate, rtcp ? native.Rx.UnprotectRtcp(g1, 0, ref l1) : native.Rx.Unprotect(g1, 0, ref l1));
            }
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        public void WhenTheFactoryRunsOutOfEngines_TheManagedPathTakesOver(int limit)
        {
            // limit 0: no engine at all; 1: the SRTP keys get one, the SRTCP keys (made on first RTCP use) fall back.
            SrtpPolicy p = SrtpPolicy.AesCm128HmacSha1_80();
            var rng = new Random(3);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var managed = Pair(p, key, salt, Host);
            var txEngines = new ReferencePacketEngineFactory { Limit = limit };
            var tx = NewContext(p, Ssrc, SrtpDirection.Outbound, key, salt, null, txEngines);
            byte[] a = new byte[300], b = new byte[300];
            int seq = 10;
            foreach (bool rtcp in new[] { false, true, false, true })
            {
                int len = rtcp ? BuildRtcp(a, 0, Ssrc, 28, rng) : BuildRtp(a, 0, seq++, Ssrc, 160, rng);
                Array.Copy(a, b, len);
                int la = len, lb = len, calls = txEngines.PacketCalls;
                Assert.Equal(SrtpStatus.Ok, rtcp ? managed.Tx.ProtectRtcp(a, 0, ref la, 300) : managed.Tx.Protect(a, 0, ref la, 300));
                Assert.Equal(SrtpStatus.Ok, rtcp ? tx.ProtectRtcp(b, 0, ref lb, 300) : tx.Protect(b, 0, ref lb, 300));
                Assert.Equal(a.AsSpan(0, la).ToArray(), b.AsSpan(0, lb).ToArray());
                Assert.Equal(calls + (limit == 1 && !rtcp ? 1 : 0), txEngines.PacketCalls);
            }
            Assert.Equal(limit, txEngines.Created);
        }
    }
}
