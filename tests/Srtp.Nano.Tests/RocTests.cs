using System;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>The ROC: never moved back on a sending stream (issue 8 §2), and RFC 3711 Appendix A's estimate at 2^15.</summary>
    public class RocTests
    {
        private static readonly byte[] Key = TestKit.Random(new Random(3711), 16);
        private static readonly byte[] Salt = TestKit.Random(new Random(3712), 14);

        // Resetting the ROC of a sending stream to a value already used would protect the same (ROC, SEQ) twice under one
        // key: a two-time pad for AES-CM, H for GCM. Only a higher ROC is accepted once packets went out.
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Outbound_RocOnlyIncreases(bool gcm)
        {
            SrtpPolicy p = gcm ? SrtpPolicy.AeadAes128Gcm() : SrtpPolicy.AesCm128HmacSha1_80();
            byte[] salt = Salt.AsSpan(0, p.MasterSaltLength).ToArray();
            var tx = NewContext(p, 5, SrtpDirection.Outbound, Key, salt);
            tx.SetRolloverCounter(7);
            tx.SetRolloverCounter(6); // nothing protected yet: any value
            var rng = new Random(1);
            byte[] buf = new byte[128];
            Protect(tx, buf, 100, rng, out _);
            Protect(tx, buf, 101, rng, out _);

            Assert.Throws<InvalidOperationException>(() => tx.SetRolloverCounter(6));
            Assert.Throws<InvalidOperationException>(() => tx.SetRolloverCounter(2));
            // Refused calls change nothing: the stream goes on at ROC 6 and SEQ 100 is still a duplicate.
            Assert.Equal(6u, tx.RolloverCounter);
            int l = BuildRtp(buf, 0, 100, 5, 20, rng);
            Assert.Equal(SrtpStatus.ReplayDuplicate, tx.Protect(buf, 0, ref l, buf.Length));
            Protect(tx, buf, 102, rng, out _);

            tx.SetRolloverCounter(9);
            // Raised once, the old value stays refused even before the next packet (the replay window was reset).
            Assert.Throws<InvalidOperationException>(() => tx.SetRolloverCounter(6));
            Assert.Throws<InvalidOperationException>(() => tx.SetRolloverCounter(5));
            byte[] again = Protect(tx, buf, 100, rng, out _);
            Assert.Equal(9u, tx.RolloverCounter);
            Assert.Equal((9UL << 16) | 100, tx.HighestIndex);
            Assert.Throws<InvalidOperationException>(() => tx.SetRolloverCounter(9));
            tx.SetRolloverCounter(10);

            // A receiver follows whatever signalling says, lower values included.
            var rx = NewContext(p, 5, SrtpDirection.Inbound, Key, salt);
            rx.SetRolloverCounter(9);
            l = again.Length;
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(again, 0, ref l));
            rx.SetRolloverCounter(3);
            Assert.Equal(3u, rx.RolloverCounter);
        }

        [Fact]
        public void Outbound_SrtcpIndexOnlyIncreases()
        {
            var tx = NewContext(SrtpPolicy.AesCm128HmacSha1_80(), 5, SrtpDirection.Outbound, Key, Salt);
            tx.SetSrtcpIndex(40);
            tx.SetSrtcpIndex(20); // nothing protected yet
            var rng = new Random(2);
            byte[] buf = new byte[128];
            for (int i = 0; i < 2; i++)
            {
                int len = BuildRtcp(buf, 0, 5, 28, rng);
                Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref len, buf.Length));
            }
            Assert.Equal(22u, tx.SrtcpIndex);
            Assert.Throws<InvalidOperationException>(() => tx.SetSrtcpIndex(21));
            Assert.Throws<InvalidOperationException>(() => tx.SetSrtcpIndex(0));
            Assert.Equal(22u, tx.SrtcpIndex);
            tx.SetSrtcpIndex(22);
            tx.SetSrtcpIndex(100);
            Assert.Equal(100u, tx.SrtcpIndex);
        }

        // RFC 3711 Appendix A: if s_l < 2^15, v = ROC - 1 when SEQ - s_l > 2^15, else ROC; if s_l >= 2^15, v = ROC + 1
        // when s_l - 2^15 > SEQ, else ROC. A distance of exactly 2^15 keeps the ROC on both branches.
        [Fact]
        public void RocEstimate_AtExactly2To15()
        {
            // s_l = 100 < 2^15.
            Assert.Equal(SrtpStatus.Ok, Receive(5, 100, 5, 100 + 32767));
            Assert.Equal(SrtpStatus.Ok, Receive(5, 100, 5, 100 + 32768));          // SEQ - s_l = 2^15: v = ROC
            Assert.Equal(SrtpStatus.AuthFailure, Receive(5, 100, 4, 100 + 32768));
            // SEQ - s_l = 2^15 + 1: v = ROC - 1, 2^15 - 1 behind s_l, outside the replay window whatever the sender used.
            Assert.Equal(SrtpStatus.ReplayOld, Receive(5, 100, 5, 100 + 32769));
            Assert.Equal(SrtpStatus.ReplayOld, Receive(5, 100, 4, 100 + 32769));

            // s_l = 40000 >= 2^15.
            Assert.Equal(SrtpStatus.Ok, Receive(5, 40000, 6, 40000 - 32769));      // s_l - 2^15 > SEQ: v = ROC + 1
            Assert.Equal(SrtpStatus.AuthFailure, Receive(5, 40000, 5, 40000 - 32769));
            // s_l - SEQ = 2^15: v = ROC, so the packet is 2^15 behind s_l whatever the sender used.
            Assert.Equal(SrtpStatus.ReplayOld, Receive(5, 40000, 6, 40000 - 32768));
            Assert.Equal(SrtpStatus.ReplayOld, Receive(5, 40000, 5, 40000 - 32768));
            Assert.Equal(SrtpStatus.ReplayOld, Receive(5, 40000, 5, 40000 - 32767));
        }

        // A receiver whose highest index is (roc, sl), handed a packet protected at (senderRoc, seq).
        private static SrtpStatus Receive(uint roc, int sl, uint senderRoc, int seq)
        {
            SrtpPolicy p = SrtpPolicy.AesCm128HmacSha1_80();
            var rng = new Random(seq);
            byte[] buf = new byte[128];
            var rx = NewContext(p, 9, SrtpDirection.Inbound, Key, Salt);
            rx.SetRolloverCounter(roc);
            byte[] anchor = Protect(Sender(roc), buf, sl, rng, out int al);
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(anchor, 0, ref al));
            Assert.Equal(((ulong)roc << 16) | (uint)sl, rx.HighestIndex);
            // Test only: a second sending context per (ROC, SEQ) is exactly what a real sender must never do.
            byte[] pk = Protect(Sender(senderRoc), buf, seq, rng, out int l);
            SrtpStatus s = rx.Unprotect(pk, 0, ref l);
            Assert.Equal(s == SrtpStatus.Ok ? ((ulong)senderRoc << 16) | (uint)seq : ((ulong)roc << 16) | (uint)sl, rx.HighestIndex);
            return s;
        }

        private static SrtpCryptoContext Sender(uint roc)
        {
            var tx = NewContext(SrtpPolicy.AesCm128HmacSha1_80(), 9, SrtpDirection.Outbound, Key, Salt);
            tx.SetRolloverCounter(roc);
            return tx;
        }

        private static byte[] Protect(SrtpCryptoContext tx, byte[] buf, int seq, Random rng, out int length)
        {
            length = BuildRtp(buf, 0, seq, tx.Ssrc, 20, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref length, buf.Length));
            return buf.AsSpan(0, length).ToArray();
        }
    }
}
