using System;
using System.Collections.Generic;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>ROC estimation, replay window, loss/reordering/duplication across sequence wraps.</summary>
    public class StreamTests
    {
        // 200 000 genuine packets (seeded) with 25 % loss, local reordering up to 40 places and 3 % duplicates (some far behind):
        // every genuine packet authenticates, every duplicate is rejected, the ROC tracks four wraps.
        [Fact]
        public void LossReorderDuplication_200k_FourWraps()
        {
            var rng = new Random(200_000);
            var policy = SrtpPolicy.AesCm128HmacSha1_80();
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            uint ssrc = 0xA1B2C3D4;
            var tx = NewContext(policy, ssrc, SrtpDirection.Outbound, key, salt);
            var rx = NewContext(policy, ssrc, SrtpDirection.Inbound, key, salt);
            const int N = 200_000;
            var packets = new byte[N][];
            var index = new ulong[N];
            byte[] buf = new byte[64];
            ulong idx = 60_000;
            for (int i = 0; i < N; i++)
            {
                int len = BuildRtp(buf, 0, (int)(idx & 0xFFFF), ssrc, 8, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                packets[i] = buf.AsSpan(0, len).ToArray();
                index[i] = idx;
                idx += rng.Next(4) == 0 ? 2UL : 1UL;
            }
            Assert.True(idx >> 16 >= 4, "four wraps");
            var order = new List<int>(N + N / 16);
            for (int i = 0; i < N; i++) order.Add(i);
            for (int i = 0; i + 40 < N; i++)
            {
                if (rng.Next(20) == 0)
                {
                    int j = i + rng.Next(1, 41);
                    (order[i], order[j]) = (order[j], order[i]);
                }
            }
            for (int i = N - 1; i > 300; i--)
            {
                if (rng.Next(33) == 0) order.Insert(i, order[i - rng.Next(1, 300)]);
            }
            var accepted = new HashSet<int>();
            int duplicates = 0, late = 0;
            ulong highest = 0;
            byte[] work = new byte[64];
            foreach (int p in order)
            {
                int len = packets[p].Length;
                Array.Copy(packets[p], work, len);
                SrtpStatus s = rx.Unprotect(work, 0, ref len);
                if (accepted.Contains(p))
                {
                    duplicates++;
                    Assert.True(s == SrtpStatus.ReplayDuplicate || s == SrtpStatus.ReplayOld, "duplicate accepted: " + s);
                }
                else if (accepted.Count > 0 && index[p] < highest && highest - index[p] >= 128)
                {
                    // Genuine but delayed beyond the window by chained swaps: must be refused as old.
                    late++;
                    Assert.Equal(SrtpStatus.ReplayOld, s);
                }
                else
                {
                    Assert.True(s == SrtpStatus.Ok, "genuine packet " + p + " index " + index[p] + " rejected: " + s);
                    accepted.Add(p);
                    if (index[p] > highest) highest = index[p];
                }
            }
            Assert.Equal(N, accepted.Count + late);
            Assert.True(late < N / 1000, "late " + late);
            Assert.True(duplicates > 5000);
            Assert.Equal((uint)(index[N - 1] >> 16), rx.RolloverCounter);
            Assert.Equal(index[N - 1], rx.HighestIndex);
        }

        // RFC 3711 Appendix A: late packets from before a wrap and early ones after it, in both orders.
        [Theory]
        [InlineData(65530, 10)]
        [InlineData(32760, 10)]
        [InlineData(0, 10)]
        public void ReorderingAroundWrap(int startSeq, int count)
        {
            var rng = new Random(startSeq);
            var policy = SrtpPolicy.NullHmacSha1_80();
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = NewContext(policy, 7, SrtpDirection.Outbound, key, salt);
            var rx = NewContext(policy, 7, SrtpDirection.Inbound, key, salt);
            tx.SetRolloverCounter(3);
            rx.SetRolloverCounter(3);
            var pk = new List<byte[]>();
            byte[] buf = new byte[64];
            for (int i = 0; i < count; i++)
            {
                int len = BuildRtp(buf, 0, (startSeq + i) & 0xFFFF, 7, 4, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                pk.Add(buf.AsSpan(0, len).ToArray());
            }
            // Deliver the second half first, then the first half (crossing the wrap backwards).
            int[] order = new int[count];
            for (int i = 0; i < count / 2; i++) order[i] = count / 2 + i;
            for (int i = 0; i < count / 2; i++) order[count / 2 + i] = i;
            foreach (int i in order)
            {
                byte[] w = (byte[])pk[i].Clone();
                int len = w.Length;
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(w, 0, ref len));
            }
            ulong last = (3UL << 16) + (ulong)startSeq + (ulong)count - 1;
            Assert.Equal(last, rx.HighestIndex);
            Assert.Equal(tx.RolloverCounter, rx.RolloverCounter);
        }

        [Theory]
        [InlineData(64)]
        [InlineData(128)]
        [InlineData(1000)]
        [InlineData(1024)]
        public void ReplayWindowSizes(int size)
        {
            var w = new Replay.ReplayWindow(size);
            Assert.Equal(SrtpStatus.Ok, w.Check(5000));
            w.Update(5000);
            Assert.Equal(SrtpStatus.ReplayDuplicate, w.Check(5000));
            Assert.Equal(SrtpStatus.Ok, w.Check(5000 - (ulong)size + 1));
            Assert.Equal(SrtpStatus.ReplayOld, w.Check(5000 - (ulong)size));
            w.Update(5000 - (ulong)size + 1);
            Assert.Equal(SrtpStatus.ReplayDuplicate, w.Check(5000 - (ulong)size + 1));
            w.Update(5000 + 37);
            Assert.Equal(SrtpStatus.ReplayDuplicate, w.Check(5000));
            Assert.Equal(SrtpStatus.Ok, w.Check(5001));
            Assert.Equal(SrtpStatus.ReplayOld, w.Check(5000 - (ulong)size + 1));
            // Bit-exact against a set model over random updates.
            var rng = new Random(size);
            var model = new HashSet<ulong>();
            ulong top = 5037;
            model.Add(5000); model.Add(5037);
            var w2 = new Replay.ReplayWindow(size);
            w2.Update(5000); w2.Update(5037);
            for (int i = 0; i < 20000; i++)
            {
                ulong x = (ulong)((long)top + rng.Next(-size - 20, 60));
                SrtpStatus expect = x > top ? SrtpStatus.Ok : top - x >= (ulong)size ? SrtpStatus.ReplayOld : model.Contains(x) ? SrtpStatus.ReplayDuplicate : SrtpStatus.Ok;
                Assert.Equal(expect, w2.Check(x));
                if (expect == SrtpStatus.Ok)
                {
                    w2.Update(x);
                    model.Add(x);
                    if (x > top) top = x;
                }
            }
        }

        [Fact]
        public void ConfigurableWindow_InContext()
        {
            var rng = new Random(5);
            var policy = SrtpPolicy.AesCm128HmacSha1_80();
            policy.ReplayWindowSize = 1024;
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = NewContext(policy, 9, SrtpDirection.Outbound, key, salt);
            var rx = NewContext(policy, 9, SrtpDirection.Inbound, key, salt);
            var pk = new List<byte[]>();
            byte[] buf = new byte[64];
            for (int i = 0; i < 1100; i++)
            {
                int len = BuildRtp(buf, 0, i, 9, 4, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                pk.Add(buf.AsSpan(0, len).ToArray());
            }
            int l = pk[1099].Length;
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect((byte[])pk[1099].Clone(), 0, ref l));
            l = pk[76].Length;
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect((byte[])pk[76].Clone(), 0, ref l)); // 1023 behind
            l = pk[75].Length;
            Assert.Equal(SrtpStatus.ReplayOld, rx.Unprotect((byte[])pk[75].Clone(), 0, ref l)); // 1024 behind
            l = pk[76].Length;
            Assert.Equal(SrtpStatus.ReplayDuplicate, rx.Unprotect((byte[])pk[76].Clone(), 0, ref l));
        }

        // KDR 2^4: keys change every 16 packets; below the first boundary the packets equal those of KDR 0 (r = 0 both);
        // receiver follows through reordering across boundaries (late packets use the previous period's keys).
        [Theory]
        [InlineData(1u)]
        [InlineData(16u)]
        [InlineData(1u << 24)]
        public void KeyDerivationRate_RederivesAtBoundaries(uint rate)
        {
            var rng = new Random(16);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var kdr = SrtpPolicy.AesCm128HmacSha1_80();
            kdr.KeyDerivationRate = rate;
            var tx = NewContext(kdr, 3, SrtpDirection.Outbound, key, salt);
            var tx0 = NewContext(SrtpPolicy.AesCm128HmacSha1_80(), 3, SrtpDirection.Outbound, key, salt);
            var rx = NewContext(kdr, 3, SrtpDirection.Inbound, key, salt, null, new SoftwareAesFactory());
            var pk = new List<byte[]>();
            byte[] a = new byte[64], b = new byte[64];
            for (int i = 0; i < 400; i++)
            {
                int la = BuildRtp(a, 0, (65400 + i) & 0xFFFF, 3, 20, new Random(i));
                int lb = BuildRtp(b, 0, (65400 + i) & 0xFFFF, 3, 20, new Random(i));
                Assert.Equal(SrtpStatus.Ok, tx.Protect(a, 0, ref la, a.Length));
                Assert.Equal(SrtpStatus.Ok, tx0.Protect(b, 0, ref lb, b.Length));
                ulong index = 65400UL + (ulong)i;
                bool same = a.AsSpan(0, la).SequenceEqual(b.AsSpan(0, lb));
                Assert.Equal(index < rate, same);
                pk.Add(a.AsSpan(0, la).ToArray());
            }
            // KDR 1: a packet two key periods from the current one is dropped before derivation, so only in-order there.
            int chunk = rate == 1 ? 1 : 8;
            for (int i = 0; i < 400; i += chunk)
            {
                for (int j = Math.Min(i + chunk - 1, 399); j >= i; j--)
                {
                    byte[] w = (byte[])pk[j].Clone();
                    int len = w.Length;
                    Assert.Equal(SrtpStatus.Ok, rx.Unprotect(w, 0, ref len));
                }
            }
            // Forged packet 2^14 indices away: a far KDR period is dropped before derivation, the same period fails the tag;
            // either way the context is unchanged.
            byte[] f = (byte[])pk[399].Clone();
            f[2] ^= 0x40;
            int fl = f.Length;
            Assert.Equal(rate < (1u << 13) ? SrtpStatus.OutsideKeyPeriod : SrtpStatus.AuthFailure, rx.Unprotect(f, 0, ref fl));
            Assert.Equal(65400UL + 399, rx.HighestIndex);
        }

        [Fact]
        public void KeyLifetime_SignalsRekeyThenExpires()
        {
            var rng = new Random(48);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var p = SrtpPolicy.AesCm128HmacSha1_80();
            p.SrtpKeyLifetime = 64;
            p.SrtcpKeyLifetime = 32;
            var tx = NewContext(p, 1, SrtpDirection.Outbound, key, salt);
            byte[] buf = new byte[128];
            int rekeyAt = -1;
            for (int i = 0; i < 64; i++)
            {
                int len = BuildRtp(buf, 0, i, 1, 10, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                if (rekeyAt < 0 && tx.RekeyNeeded) rekeyAt = i;
            }
            Assert.InRange(rekeyAt, 1, 62);
            int l = BuildRtp(buf, 0, 64, 1, 10, rng);
            Assert.Equal(SrtpStatus.KeyExpired, tx.Protect(buf, 0, ref l, buf.Length));
            // A new master key restores service.
            byte[] key2 = TestKit.Random(rng, 16);
            tx.ActiveMasterKey = tx.AddMasterKey(key2, 0, salt, 0, null, 0);
            Assert.False(tx.RekeyNeeded);
            l = BuildRtp(buf, 0, 64, 1, 10, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref l, buf.Length));
            for (int i = 0; i < 32; i++)
            {
                l = BuildRtcp(buf, 0, 1, 28, rng);
                Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref l, buf.Length));
            }
            l = BuildRtcp(buf, 0, 1, 28, rng);
            Assert.Equal(SrtpStatus.KeyExpired, tx.ProtectRtcp(buf, 0, ref l, buf.Length));
        }

        [Fact]
        public void IndexSpaceExhaustion_IsKeyExpired()
        {
            var rng = new Random(1);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = NewContext(SrtpPolicy.AesCm128HmacSha1_80(), 1, SrtpDirection.Outbound, key, salt);
            tx.SetRolloverCounter(0xFFFFFFFF);
            byte[] buf = new byte[128];
            int l = BuildRtp(buf, 0, 65535, 1, 10, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref l, buf.Length));
            Assert.True(tx.RekeyNeeded);
            l = BuildRtp(buf, 0, 0, 1, 10, rng);
            Assert.Equal(SrtpStatus.KeyExpired, tx.Protect(buf, 0, ref l, buf.Length));
        }

        [Fact]
        public void SenderRefusesIndexReuse()
        {
            var rng = new Random(2);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = NewContext(SrtpPolicy.AesCm128HmacSha1_80(), 1, SrtpDirection.Outbound, key, salt);
            byte[] buf = new byte[128];
            int l = BuildRtp(buf, 0, 10, 1, 10, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref l, buf.Length));
            l = BuildRtp(buf, 0, 10, 1, 10, rng);
            Assert.Equal(SrtpStatus.ReplayDuplicate, tx.Protect(buf, 0, ref l, buf.Length));
            l = BuildRtp(buf, 0, 11, 1, 10, rng);
            Assert.Equal(SrtpStatus.NoRoomForTag, tx.Protect(buf, 0, ref l, l + 9));
            l = BuildRtp(buf, 0, 12, 2, 10, rng);
            Assert.Equal(SrtpStatus.SsrcMismatch, tx.Protect(buf, 0, ref l, buf.Length));
        }
    }
}
