using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Issue 8 §2: with KDR != 0 an unauthenticated packet may make the receiver derive session keys (RFC 3711 §4.3.1)
    /// only for the current key period and the one either side of it; anything else is dropped before derivation.
    /// </summary>
    public class KeyPeriodTests
    {
        private const uint Kdr = 16;

        [Fact]
        public void Srtp_FarPeriodIsDroppedBeforeDerivation()
        {
            var (tx, rx, count, rng) = KdrPair(16);
            var pk = new byte[80][];
            byte[] buf = new byte[128];
            for (int seq = 0; seq < 80; seq++)
            {
                int len = BuildRtp(buf, 0, seq, 4, 20, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                pk[seq] = buf.AsSpan(0, len).ToArray();
            }
            for (int seq = 0; seq < 40; seq++)
            {
                if (seq != 30) Assert.Equal(SrtpStatus.Ok, Unprotect(rx, pk[seq])); // periods 0, 1, 2; 30 comes late
            }

            // Forgeries two and more periods ahead (index 39 is period 2): dropped with no AES call at all.
            int before = count.Calls;
            foreach (int seq in new[] { 64, 79, 30000 })
            {
                byte[] f = (byte[])pk[seq % 80].Clone();
                f[2] = (byte)(seq >> 8);
                f[3] = (byte)seq;
                f[f.Length - 1] ^= 1;
                Assert.Equal(SrtpStatus.OutsideKeyPeriod, Unprotect(rx, f));
            }
            Assert.Equal(before, count.Calls);
            Assert.Equal(39UL, rx.HighestIndex);

            // One period ahead is still derived (and then fails its tag); the genuine packet there follows.
            byte[] next = (byte[])pk[48].Clone();
            next[next.Length - 1] ^= 1;
            Assert.Equal(SrtpStatus.AuthFailure, Unprotect(rx, next));
            Assert.True(count.Calls > before);
            Assert.Equal(SrtpStatus.Ok, Unprotect(rx, pk[48]));
            // Late packets one period back still verify; two periods back are dropped unverified.
            Assert.Equal(SrtpStatus.Ok, Unprotect(rx, pk[47]));
            Assert.Equal(SrtpStatus.OutsideKeyPeriod, Unprotect(rx, pk[30]));
            for (int seq = 49; seq < 80; seq++) Assert.Equal(SrtpStatus.Ok, Unprotect(rx, pk[seq]));
        }

        // Without RCC the estimate stays within 2^15 of the ROC the receiver knows; a ROC carried by RFC 4771 can name any
        // period, so before the first packet it is bounded by the signalled ROC (a late joiner with KDR needs the ROC).
        [Fact]
        public void RccRoc_BeforeTheFirstPacket_IsBoundedByTheSignalledRoc()
        {
            var p = SrtpPolicy.AesCm128HmacSha1_80();
            p.AuthenticationAlgorithm = SrtpAuthenticationAlgorithm.RccM2;
            p.AuthenticationTagLength = 14;
            p.KeyDerivationRate = 1u << 16;
            var rng = new Random(17);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = NewContext(p, 4, SrtpDirection.Outbound, key, salt);
            tx.SetRolloverCounter(1000);
            byte[] buf = new byte[128];
            int len = BuildRtp(buf, 0, 8, 4, 20, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
            byte[] genuine = buf.AsSpan(0, len).ToArray();

            var count = new RecordingAesFactory();
            var rx = NewContext(p, 4, SrtpDirection.Inbound, key, salt, null, count);
            int before = count.Calls;
            Assert.Equal(SrtpStatus.OutsideKeyPeriod, Unprotect(rx, genuine)); // carried ROC 1000, receiver expects 0
            Assert.Equal(before, count.Calls);
            rx.SetRolloverCounter(1000);
            Assert.Equal(SrtpStatus.Ok, Unprotect(rx, genuine));
            Assert.True(count.Calls > before);
        }

        [Fact]
        public void Srtcp_FarPeriodIsDroppedBeforeDerivation()
        {
            var (tx, rx, count, rng) = KdrPair(18);
            byte[] buf = new byte[128];

            // Before any SRTCP packet the sender's index starts at 0 (RFC 3711 §3.4): a forged E=1, index 0x7FFFFF00 costs nothing.
            int before = count.Calls;
            int fl = BuildRtcp(buf, 0, 4, 28, rng);
            buf[fl] = 0xFF; buf[fl + 1] = 0xFF; buf[fl + 2] = 0xFF; buf[fl + 3] = 0x00;
            fl += 4 + 10;
            Assert.Equal(SrtpStatus.OutsideKeyPeriod, rx.UnprotectRtcp(buf, 0, ref fl));
            Assert.Equal(before, count.Calls);

            for (int i = 0; i < 40; i++)
            {
                int len = BuildRtcp(buf, 0, 4, 28, rng);
                Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref len, buf.Length));
                Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(buf, 0, ref len));
            }
            fl = BuildRtcp(buf, 0, 4, 28, rng);
            buf[fl] = 0x80; buf[fl + 1] = 0; buf[fl + 2] = 0; buf[fl + 3] = 72; // index 72: period 4, two ahead of 39
            fl += 4 + 10;
            before = count.Calls;
            Assert.Equal(SrtpStatus.OutsideKeyPeriod, rx.UnprotectRtcp(buf, 0, ref fl));
            Assert.Equal(before, count.Calls);
        }

        // AES_CM_128_HMAC_SHA1_80 with KDR 16, SSRC 4: a sender and a receiver whose AES calls are counted.
        private static (SrtpCryptoContext Tx, SrtpCryptoContext Rx, RecordingAesFactory Count, Random Rng) KdrPair(int seed)
        {
            var p = SrtpPolicy.AesCm128HmacSha1_80();
            p.KeyDerivationRate = Kdr;
            var rng = new Random(seed);
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var count = new RecordingAesFactory();
            return (NewContext(p, 4, SrtpDirection.Outbound, key, salt), NewContext(p, 4, SrtpDirection.Inbound, key, salt, null, count), count, rng);
        }

        private static SrtpStatus Unprotect(SrtpCryptoContext rx, byte[] packet)
        {
            byte[] w = (byte[])packet.Clone();
            int l = w.Length;
            return rx.Unprotect(w, 0, ref l);
        }
    }
}
