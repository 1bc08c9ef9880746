using System;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>Master key selection by &lt;From, To&gt; (RFC 3711 §8.1.1) on the SRTP and SRTCP index.</summary>
    public class KeyIntervalTests
    {
        private const uint Ssrc = 0x01020304;
        private static readonly byte[] KeyA = TestKit.Random(new Random(1), 16), SaltA = TestKit.Random(new Random(2), 14);
        private static readonly byte[] KeyB = TestKit.Random(new Random(3), 16), SaltB = TestKit.Random(new Random(4), 14);

        private static SrtpCryptoContext Pair(SrtpDirection dir, byte[]? mkiA = null, byte[]? mkiB = null)
        {
            SrtpPolicy p = SrtpPolicy.AesCm128HmacSha1_80();
            p.MkiLength = mkiA == null ? 0 : mkiA.Length;
            var c = new SrtpCryptoContext(p, Ssrc, dir, TestKit.Host, SrtpMinimumPolicy.Strict);
            c.AddMasterKey(KeyA, 0, SaltA, 0, mkiA, 0);
            c.AddMasterKey(KeyB, 0, SaltB, 0, mkiB, 0);
            c.SetSrtpKeyInterval(0, 0, 99);
            c.SetSrtpKeyInterval(1, 100, 199);
            c.SetSrtcpKeyInterval(0, 0, 9);
            c.SetSrtcpKeyInterval(1, 10, 19);
            return c;
        }

        private static SrtpCryptoContext Single(SrtpDirection dir, byte[] key, byte[] salt)
        {
            return TestKit.NewContext(SrtpPolicy.AesCm128HmacSha1_80(), Ssrc, dir, key, salt);
        }

        private static (byte[], int) Protected(SrtpCryptoContext tx, int seq)
        {
            byte[] b = new byte[256];
            int n = TestKit.BuildRtp(b, 0, seq, Ssrc, 40, new Random(seq));
            Assert.Equal(SrtpStatus.Ok, tx.Protect(b, 0, ref n, b.Length));
            return (b, n);
        }

        [Fact]
        public void WithoutMkiTheIndexChoosesTheKeyAndNoKeyMeansRefusal()
        {
            var tx = Pair(SrtpDirection.Outbound);
            var rx = Pair(SrtpDirection.Inbound);
            var onlyA = Single(SrtpDirection.Inbound, KeyA, SaltA);
            var onlyB = Single(SrtpDirection.Inbound, KeyB, SaltB);
            tx.ActiveMasterKey = 0;
            for (int seq = 98; seq <= 101; seq++)
            {
                (byte[] b, int n) = Protected(tx, seq);
                byte[] copy = (byte[])b.Clone();
                int cn = n;
                // Sent under A below 100 and B from 100, whatever key is active.
                Assert.Equal(SrtpStatus.Ok, (seq < 100 ? onlyA : onlyB).Unprotect(copy, 0, ref cn));
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(b, 0, ref n));
            }

            Assert.Equal(0, tx.ActiveMasterKey); // selection changes no state

            // Index 200: no key covers it. The sender refuses; a receiver refuses a packet sent with a key lacking the interval.
            byte[] pkt = new byte[256];
            int len = TestKit.BuildRtp(pkt, 0, 200, Ssrc, 40, new Random(9));
            byte[] before = (byte[])pkt.Clone();
            Assert.Equal(SrtpStatus.OutsideKeyInterval, tx.Protect(pkt, 0, ref len, pkt.Length));
            Assert.Equal(before, pkt);
            var rogue = Single(SrtpDirection.Outbound, KeyB, SaltB);
            rogue.SetRolloverCounter(0);
            (byte[] late, int lateLength) = Protected(rogue, 200);
            ulong highest = rx.HighestIndex;
            Assert.Equal(SrtpStatus.OutsideKeyInterval, rx.Unprotect(late, 0, ref lateLength));
            Assert.Equal(highest, rx.HighestIndex);
        }

        [Fact]
        public void WithMkiTheNamedKeyMustCoverTheIndex()
        {
            byte[] a = [0xA0], b = [0xB0];
            var tx = Pair(SrtpDirection.Outbound, a, b);
            var rx = Pair(SrtpDirection.Inbound, a, b);
            (byte[] p1, int n1) = Protected(tx, 50);
            Assert.Equal(0xA0, p1[n1 - 11]); // MKI of the key the index chose
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(p1, 0, ref n1));
            (byte[] p2, int n2) = Protected(tx, 150);
            Assert.Equal(0xB0, p2[n2 - 11]);
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(p2, 0, ref n2));

            // Key A (MKI A0) used at index 160, outside its interval: refused before any MAC work.
            SrtpPolicy p = SrtpPolicy.AesCm128HmacSha1_80();
            p.MkiLength = 1;
            var wrong = new SrtpCryptoContext(p, Ssrc, SrtpDirection.Outbound, TestKit.Host, SrtpMinimumPolicy.Strict);
            wrong.AddMasterKey(KeyA, 0, SaltA, 0, a, 0);
            (byte[] p3, int n3) = Protected(wrong, 160);
            Assert.Equal(SrtpStatus.OutsideKeyInterval, rx.Unprotect(p3, 0, ref n3));
        }

        [Fact]
        public void SrtcpIndexSelectsTooAndAllocatesNothing()
        {
            var tx = Pair(SrtpDirection.Outbound);
            var rx = Pair(SrtpDirection.Inbound);
            byte[] buf = new byte[128];
            tx.SetSrtcpIndex(8);
            for (int i = 8; i < 20; i++)
            {
                int n = TestKit.BuildRtcp(buf, 0, Ssrc, 28, new Random(i));
                Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref n, buf.Length));
                Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(buf, 0, ref n));
            }

            int m = TestKit.BuildRtcp(buf, 0, Ssrc, 28, new Random(20));
            Assert.Equal(SrtpStatus.OutsideKeyInterval, tx.ProtectRtcp(buf, 0, ref m, buf.Length));
            Assert.Equal(20u, tx.SrtcpIndex);

            // Hot path: selection by interval allocates nothing.
            var tx2 = Pair(SrtpDirection.Outbound);
            var rx2 = Pair(SrtpDirection.Inbound);
            byte[] pkt = new byte[256];
            int len = TestKit.BuildRtp(pkt, 0, 120, Ssrc, 40, new Random(1));
            Assert.Equal(SrtpStatus.Ok, tx2.Protect(pkt, 0, ref len, pkt.Length));
            Assert.Equal(SrtpStatus.Ok, rx2.Unprotect(pkt, 0, ref len));
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int seq = 121; seq < 140; seq++)
            {
                pkt[2] = (byte)(seq >> 8);
                pkt[3] = (byte)seq;
                len = 52;
                tx2.Protect(pkt, 0, ref len, pkt.Length);
                rx2.Unprotect(pkt, 0, ref len);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void BadIntervalsAreCallerBugs()
        {
            var c = Single(SrtpDirection.Inbound, KeyA, SaltA);
            Assert.Throws<ArgumentOutOfRangeException>(() => c.SetSrtpKeyInterval(0, 5, 4));
            Assert.Throws<ArgumentOutOfRangeException>(() => c.SetSrtpKeyInterval(0, 0, 1UL << 48));
            Assert.Throws<ArgumentOutOfRangeException>(() => c.SetSrtcpKeyInterval(0, 0, 0x80000000u));
            Assert.Throws<ArgumentOutOfRangeException>(() => c.SetSrtpKeyInterval(1, 0, 1));
        }
    }
}
