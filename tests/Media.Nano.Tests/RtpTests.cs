using NanoMikey.Media.Rtp;

namespace NanoMikey.Media.Tests
{
    public class RtpTests
    {
        [Fact]
        public void PacketizerWritesRfc3550HeaderAndAdvances()
        {
            var p = new RtpPacketizer(0, 0x11223344, 0xFFFE, 0xFFFFFFC0, 160);
            byte[] payload = new byte[170];
            for (int i = 0; i < payload.Length; i++) payload[i] = (byte)i;
            byte[] buf = new byte[200];
            int n = p.WriteFrame(buf, 3, 172 + 0, payload, 10, 160, true);
            Assert.Equal(172, n);
            // V=2 P=0 X=0 CC=0 | M=1 PT=0 | seq FFFE | ts FFFFFF00 | SSRC
            Assert.Equal(new byte[] { 0x80, 0x80, 0xFF, 0xFE, 0xFF, 0xFF, 0xFF, 0xC0, 0x11, 0x22, 0x33, 0x44 }, buf[3..15]);
            Assert.Equal(payload[10..170], buf[15..175]);
            Assert.Equal(0xFFFF, p.NextSequence);
            Assert.Equal(0x00000060u, p.NextTimestamp); // wraps modulo 2^32
            Assert.Equal(1u, p.PacketCount);
            Assert.Equal(160u, p.OctetCount);

            p.SkipFrame(); // silence suppression: timestamp only
            Assert.Equal(0xFFFF, p.NextSequence);
            Assert.Equal(0x00000100u, p.NextTimestamp);

            n = p.WriteFrame(buf, 0, buf.Length, payload, 0, 20, false);
            Assert.Equal(32, n);
            Assert.Equal(new byte[] { 0x80, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x01, 0x00 }, buf[0..8]);
            Assert.Equal(0, p.NextSequence); // sequence wraps at 65535
            Assert.Equal(2u, p.PacketCount);
            Assert.Equal(180u, p.OctetCount);

            var h = new RtpHeader();
            Assert.True(h.TryRead(buf, 0, n));
            Assert.Equal(0xFFFF, h.SequenceNumber);
            Assert.Equal(0x100u, h.Timestamp);
            Assert.Equal(0x11223344u, h.Ssrc);
            Assert.Equal(12, h.PayloadOffset);
            Assert.Equal(20, h.PayloadLength);
        }

        [Fact]
        public void PacketizerRejectsWhatDoesNotFitWithoutAdvancing()
        {
            var p = new RtpPacketizer(8, 1, 100, 1000, 160);
            byte[] payload = new byte[160];
            byte[] buf = new byte[171];
            Assert.Throws<ArgumentException>(() => p.WriteFrame(buf, 0, buf.Length, payload, 0, 160, false));
            Assert.Throws<ArgumentException>(() => p.WriteFrame(buf, 1, 200, payload, 0, 100, false));
            Assert.Throws<ArgumentException>(() => p.WriteFrame(buf, 0, 171, payload, 100, 61, false));
            Assert.Equal(100, p.NextSequence);
            Assert.Equal(1000u, p.NextTimestamp);
            Assert.Equal(0u, p.PacketCount);
            Assert.Throws<ArgumentException>(() => new RtpPacketizer(128, 1, 0, 0, 160));
            Assert.Throws<ArgumentException>(() => new RtpPacketizer(0, 1, 0, 0, 0));
        }

        [Fact]
        public void ChangeSsrcRestartsSenderCounts()
        {
            var p = new RtpPacketizer(0, 1, 5, 0, 160);
            byte[] buf = new byte[64];
            p.WriteFrame(buf, 0, buf.Length, new byte[10], 0, 10, false);
            p.ChangeSsrc(0xCAFEBABE);
            Assert.Equal(0xCAFEBABEu, p.Ssrc);
            Assert.Equal(0u, p.PacketCount); // RFC 3550 §6.4.1
            Assert.Equal(0u, p.OctetCount);
            Assert.Equal(6, p.NextSequence);
            p.WriteFrame(buf, 0, buf.Length, new byte[10], 0, 10, false);
            Assert.Equal(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE }, buf[8..12]);
        }

        [Fact]
        public void HeaderReadsCsrcExtensionAndPadding()
        {
            // V=2 P=1 X=1 CC=2, M=1 PT=96, seq 0x1234, ts 0x01020304, SSRC 0xA1A2A3A4, 2 CSRCs,
            // extension profile 0xBEDE length 1 word, payload 5 bytes, padding 3 (last octet 3).
            byte[] pkt =
            {
                0xB2, 0xE0, 0x12, 0x34, 0x01, 0x02, 0x03, 0x04, 0xA1, 0xA2, 0xA3, 0xA4,
                0, 0, 0, 1, 0, 0, 0, 2,
                0xBE, 0xDE, 0x00, 0x01, 9, 9, 9, 9,
                1, 2, 3, 4, 5,
                0, 0, 3,
            };
            byte[] buf = new byte[pkt.Length + 7];
            Array.Copy(pkt, 0, buf, 7, pkt.Length);
            var h = new RtpHeader();
            Assert.True(h.TryRead(buf, 7, pkt.Length));
            Assert.Equal(2, h.Version);
            Assert.True(h.Padding);
            Assert.True(h.Extension);
            Assert.Equal(2, h.CsrcCount);
            Assert.True(h.Marker);
            Assert.Equal(96, h.PayloadType);
            Assert.Equal(0x1234, h.SequenceNumber);
            Assert.Equal(0x01020304u, h.Timestamp);
            Assert.Equal(0xA1A2A3A4u, h.Ssrc);
            Assert.Equal(7 + 12, h.CsrcOffset);
            Assert.Equal(0xBEDE, h.ExtensionProfile);
            Assert.Equal(7 + 24, h.ExtensionOffset);
            Assert.Equal(4, h.ExtensionLength);
            Assert.Equal(7 + 28, h.PayloadOffset);
            Assert.Equal(5, h.PayloadLength);
            Assert.Equal(3, h.PaddingLength);
        }

        [Fact]
        public void HeaderRejectsMalformedAndKeepsLastGoodValues()
        {
            var h = new RtpHeader();
            byte[] good = { 0x80, 0x00, 0, 7, 0, 0, 0, 1, 0, 0, 0, 2, 0xAA };
            Assert.True(h.TryRead(good, 0, good.Length));
            byte[][] bad =
            {
                new byte[] { 0x80, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0 },                     // shorter than 12
                new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2 },                  // version 1
                new byte[] { 0xC0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2 },                  // version 3
                new byte[] { 0x81, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0 },         // CSRC past the end
                new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0 },         // extension header past the end
                new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0 }, // extension data past the end
                new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 5, 0 },            // padding count 0
                new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 5, 3 },            // padding larger than the body
            };
            foreach (byte[] b in bad)
            {
                Assert.False(h.TryRead(b, 0, b.Length));
                Assert.Equal(7, h.SequenceNumber);
                Assert.Equal(1, h.PayloadLength);
            }
            Assert.False(h.TryRead(good, 5, good.Length));
            Assert.False(h.TryRead(good, -1, 12));
            Assert.False(h.TryRead(null!, 0, 12));
            // Padding may cover the whole payload.
            byte[] allPad = { 0xA0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 2, 0, 2 };
            Assert.True(h.TryRead(allPad, 0, allPad.Length));
            Assert.Equal(0, h.PayloadLength);
        }

        [Fact]
        public void HeaderNeverThrowsOnRandomInput()
        {
            var rng = new Random(7);
            var h = new RtpHeader();
            byte[] b = new byte[40];
            for (int i = 0; i < 20000; i++)
            {
                rng.NextBytes(b);
                b[0] = (byte)(0x80 | (b[0] & 0x3F));
                int len = rng.Next(0, 41);
                if (h.TryRead(b, 0, len))
                {
                    Assert.InRange(h.PayloadOffset, 12, len);
                    Assert.InRange(h.PayloadOffset + h.PayloadLength, 12, len);
                }
            }
        }

        [Fact]
        public void SsrcCollisionDetectsCollisionLoopAndExpiry()
        {
            const uint local = 0xC0A80102; // 192.168.1.2
            var c = new SsrcCollision(local, 5004, 5005, 2, 5000);
            Assert.Equal(SsrcCheck.Foreign, c.Check(42, 43, 0x0A000001, 5004, 0));
            Assert.Equal(SsrcCheck.OwnLoopback, c.Check(42, 42, local, 5004, 0));
            Assert.Equal(SsrcCheck.OwnLoopback, c.Check(42, 42, local, 5005, 0));
            Assert.Equal(SsrcCheck.Collision, c.Check(42, 42, local, 6000, 0)); // same host, other port
            Assert.Equal(SsrcCheck.Collision, c.Check(42, 42, 0x0A000001, 5004, 10));
            Assert.Equal(0, c.Loops);
            Assert.Equal(2, c.Collisions);
            // Same address again while listed: loop, not a new collision; its time refreshes.
            Assert.Equal(SsrcCheck.Loop, c.Check(42, 42, 0x0A000001, 5004, 4000));
            Assert.Equal(1, c.Loops);
            // The first entry (time 0) expired at 5000; the refreshed one (4000) lives until 9000.
            Assert.Equal(SsrcCheck.Collision, c.Check(42, 42, local, 6000, 5000));
            Assert.Equal(SsrcCheck.Loop, c.Check(42, 42, 0x0A000001, 5004, 8999));
            // A full table replaces the oldest entry.
            Assert.Equal(SsrcCheck.Collision, c.Check(42, 42, 0x0A000009, 1, 9000));
            Assert.Equal(SsrcCheck.Loop, c.Check(42, 42, 0x0A000009, 1, 9001));
            c.Clear();
            Assert.Equal(SsrcCheck.Collision, c.Check(42, 42, 0x0A000009, 1, 9002));
        }

        [Fact]
        public void TryChooseSsrcSkipsSsrcsInUse()
        {
            byte[] r = { 0, 0, 0, 42, 0, 0, 0, 7, 0xDE, 0xAD, 0xBE, 0xEF };
            Assert.True(SsrcCollision.TryChooseSsrc(r, 0, r.Length, 42, 7, out uint ssrc));
            Assert.Equal(0xDEADBEEFu, ssrc);
            Assert.True(SsrcCollision.TryChooseSsrc(r, 4, 8, 42, 42, out ssrc));
            Assert.Equal(7u, ssrc);
            Assert.False(SsrcCollision.TryChooseSsrc(r, 0, 8, 42, 7, out ssrc));
            Assert.False(SsrcCollision.TryChooseSsrc(r, 0, 3, 1, 1, out _));
            Assert.False(SsrcCollision.TryChooseSsrc(r, 10, 8, 1, 1, out _));
        }
    }
}
