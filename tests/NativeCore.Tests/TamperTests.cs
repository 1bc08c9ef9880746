using static NanoMikey.NativeCore.Tests.NmCore;

namespace NanoMikey.NativeCore.Tests
{
    /// <summary>
    /// A flipped bit anywhere in an authenticated SRTP/SRTCP or GCM packet (header, payload, tag; or a wrong ROC, IV or AAD)
    /// gives 0 and leaves the buffer exactly as it was (verify before decrypt, RFC 3711 §3.3 step 5, SP 800-38D §7.3).
    /// </summary>
    public class TamperTests
    {
        [Theory]
        [InlineData(10)]
        [InlineData(4)]
        public void EveryFlippedBitOfAnSrtpPacketIsRejectedAndNothingChanges(int tagLen)
        {
            var rng = new Random(31 + tagLen);
            byte[] encKey = new byte[16], authKey = new byte[20], salt = new byte[14];
            rng.NextBytes(encKey);
            rng.NextBytes(authKey);
            rng.NextBytes(salt);
            byte[] rtp = SrtpDifferentialTests.RandomRtp(rng, 0x11223344, 0xBEEF, out int h);
            byte[] pkt = new byte[rtp.Length + tagLen];
            Array.Copy(rtp, pkt, rtp.Length);
            byte[] iv = KnownAnswerTests.SrtpIv(salt, 0x11223344, 7, 0xBEEF);
            using var slot = new Slot(encKey, authKey);
            Assert.Equal(0, SrtpProtect(slot.Handle, iv, 0, pkt, h, rtp.Length - h, 0, rtp.Length, true, 7, rtp.Length, tagLen));
            byte[] good = (byte[])pkt.Clone();

            for (int bit = 0; bit < pkt.Length * 8; bit++)
            {
                pkt[bit >> 3] ^= (byte)(1 << (bit & 7));
                byte[] tampered = (byte[])pkt.Clone();
                Assert.Equal(0, SrtpUnprotect(slot.Handle, iv, 0, pkt, h, rtp.Length - h, 0, rtp.Length, true, 7, rtp.Length, tagLen));
                Assert.Equal(tampered, pkt);
                pkt[bit >> 3] ^= (byte)(1 << (bit & 7));
            }

            // the right packet with a wrong ROC (RFC 3711 §3.3.1: the ROC is authenticated, not sent)
            foreach (uint roc in new uint[] { 6, 8, 7 ^ 0x80000000u })
            {
                Assert.Equal(0, SrtpUnprotect(slot.Handle, iv, 0, pkt, h, rtp.Length - h, 0, rtp.Length, true, roc, rtp.Length, tagLen));
                Assert.Equal(good, pkt);
            }

            Assert.Equal(1, SrtpUnprotect(slot.Handle, iv, 0, pkt, h, rtp.Length - h, 0, rtp.Length, true, 7, rtp.Length, tagLen));
            Assert.Equal(rtp, pkt.AsSpan(0, rtp.Length).ToArray());
        }

        [Fact]
        public void EveryFlippedBitOfAGcmPacketIsRejectedAndNothingChanges()
        {
            var rng = new Random(32);
            byte[] key = new byte[16], iv = new byte[12];
            rng.NextBytes(key);
            rng.NextBytes(iv);
            byte[] pkt = new byte[12 + 100 + 16];
            rng.NextBytes(pkt);
            using var slot = new Slot(key);
            Assert.Equal(0, GcmSeal(slot.Handle, iv, 0, 12, pkt, 0, 12, pkt, 12, 100, pkt, 112, 16));
            byte[] good = (byte[])pkt.Clone();
            for (int bit = 0; bit < pkt.Length * 8; bit++)
            {
                pkt[bit >> 3] ^= (byte)(1 << (bit & 7));
                byte[] tampered = (byte[])pkt.Clone();
                Assert.Equal(0, GcmOpen(slot.Handle, iv, 0, 12, pkt, 0, 12, pkt, 12, 100, pkt, 112, 16));
                Assert.Equal(tampered, pkt);
                pkt[bit >> 3] ^= (byte)(1 << (bit & 7));
            }

            for (int bit = 0; bit < 96; bit++)
            {
                iv[bit >> 3] ^= (byte)(1 << (bit & 7));
                Assert.Equal(0, GcmOpen(slot.Handle, iv, 0, 12, pkt, 0, 12, pkt, 12, 100, pkt, 112, 16));
                Assert.Equal(good, pkt);
                iv[bit >> 3] ^= (byte)(1 << (bit & 7));
            }

            Assert.Equal(1, GcmOpen(slot.Handle, iv, 0, 12, pkt, 0, 12, pkt, 12, 100, pkt, 112, 16));
        }

        [Fact]
        public void SrtcpWithAFlippedEFlagOrIndexIsRejected()
        {
            byte[] encKey = new byte[16], authKey = new byte[20];
            new Random(33).NextBytes(authKey);
            byte[] pkt = new byte[8 + 20 + 4 + 10];
            pkt[0] = 0x81;
            pkt[1] = 200;
            pkt[31] = 5; // E = 0 here: index 5, NULL-encrypted SRTCP (encLen 0)
            using var slot = new Slot(encKey, authKey);
            byte[] iv = new byte[16];
            Assert.Equal(0, SrtpProtect(slot.Handle, iv, 0, pkt, 8, 0, 0, 32, false, 0, 32, 10));
            foreach (int bit in new[] { 28 * 8 + 7, 31 * 8 })
            {
                pkt[bit >> 3] ^= (byte)(0x80 >> (bit & 7));
                Assert.Equal(0, SrtpUnprotect(slot.Handle, iv, 0, pkt, 8, 0, 0, 32, false, 0, 32, 10));
                pkt[bit >> 3] ^= (byte)(0x80 >> (bit & 7));
            }

            Assert.Equal(1, SrtpUnprotect(slot.Handle, iv, 0, pkt, 8, 0, 0, 32, false, 0, 32, 10));
        }
    }
}
