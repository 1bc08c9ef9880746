using NanoMikey.Media.Rtcp;

namespace NanoMikey.Media.Tests
{
    public class RtcpTests
    {
        private static readonly byte[] Cname = "xxab"u8.ToArray(); // CNAME "ab" at offset 2

        /// <summary>Seq 0..9 with 2, 5, 7 lost, constant transit (jitter 0): expected 10, received 7, fraction 76.</summary>
        private static ReceptionStatistics Stats()
        {
            var s = new ReceptionStatistics();
            foreach (int seq in new[] { 0, 1, 3, 4, 6, 8, 9 }) s.OnPacket((ushort)seq, (uint)(seq * 160), (uint)(seq * 160 + 77));
            s.OnSenderReport(0xAAAABBBBCCCCDDDDUL, 1_000_000);
            return s;
        }

        [Fact]
        public void SenderReportLayoutByHand()
        {
            byte[] buf = new byte[100];
            int n = new RtcpWriter().WriteSenderReport(buf, 1, 99, 0x01020304, 0xE1B2C3D412345678UL, 0x1000, 5, 800,
                Stats(), 0x0A0B0C0D, Cname, 2, 2, 1_500_000);
            byte[] expected = TestData.Hex(
                // SR: V=2 RC=1, PT=200, length 12 words-1; SSRC; NTP; RTP ts; packets; octets
                "81C8000C" + "01020304" + "E1B2C3D412345678" + "00001000" + "00000005" + "00000320" +
                // report block: SSRC, fraction 3*256/10 = 76, cumulative 3, ext highest 9, jitter 0,
                // LSR = middle 32 bits of the SR's NTP, DLSR = 0.5 s = 0x8000
                "0A0B0C0D" + "4C000003" + "00000009" + "00000000" + "BBBBCCCC" + "00008000" +
                // SDES: V=2 SC=1, PT=202, length 3; SSRC; CNAME(1) len 2 "ab", null + pad to 32 bits
                "81CA0003" + "01020304" + "01026162" + "00000000");
            Assert.Equal(expected.Length, n);
            Assert.Equal(68, RtcpWriter.SenderReportLength(true, 2));
            Assert.Equal(expected, buf[1..(1 + n)]);
        }

        [Fact]
        public void ReceiverReportLayoutByHand()
        {
            byte[] buf = new byte[64];
            var s = Stats();
            int n = new RtcpWriter().WriteReceiverReport(buf, 0, buf.Length, 0x55667788, s, 0x0A0B0C0D, Cname, 2, 2);
            byte[] expected = TestData.Hex(
                "81C90007" + "55667788" +
                // no clock given: LSR and DLSR 0
                "0A0B0C0D" + "4C000003" + "00000009" + "00000000" + "00000000" + "00000000" +
                "81CA0003" + "55667788" + "01026162" + "00000000");
            Assert.Equal(expected, buf[0..n]);
            // The interval closed: nothing new lost, fraction 0 next time.
            n = new RtcpWriter().WriteReceiverReport(buf, 0, buf.Length, 0x55667788, s, 0x0A0B0C0D, Cname, 2, 2);
            Assert.Equal(0, buf[12]);
        }

        [Fact]
        public void ReportsWithoutBlockAndCnamePadding()
        {
            var w = new RtcpWriter();
            byte[] buf = new byte[80];
            byte[] cname = "user@10.0.0.1"u8.ToArray(); // 13 bytes: 2 + 13 + 1 = 16, no extra pad
            int n = w.WriteSenderReport(buf, 0, buf.Length, 9, 1, 2, 3, 4, null, 0, cname, 0, cname.Length);
            Assert.Equal(28 + 8 + 16, n);
            Assert.Equal(TestData.Hex("80C80006"), buf[0..4]);
            Assert.Equal(TestData.Hex("81CA0005"), buf[28..32]);
            Assert.Equal(0, buf[n - 1]);
            n = w.WriteReceiverReport(buf, 0, buf.Length, 9, null, 0, cname, 0, 12); // 2 + 12 + 1 = 15 -> 16
            Assert.Equal(8 + 8 + 16, n);
            Assert.Equal(TestData.Hex("80C90001"), buf[0..4]);
        }

        [Fact]
        public void WriterRejectsWhatDoesNotFitAndLeavesStatisticsAlone()
        {
            var w = new RtcpWriter();
            var s = Stats();
            byte[] buf = new byte[67];
            Assert.Throws<ArgumentException>(() => w.WriteSenderReport(buf, 0, buf.Length, 1, 0, 0, 0, 0, s, 2, Cname, 2, 2));
            Assert.Throws<ArgumentException>(() => w.WriteSenderReport(buf, 0, buf.Length, 1, 0, 0, 0, 0, null, 2, Cname, 2, 0));
            Assert.Throws<ArgumentException>(() => w.WriteReceiverReport(buf, 0, buf.Length, 1, null, 2, Cname, 3, 2));
            Assert.Throws<ArgumentException>(() => w.WriteReceiverReport(buf, 60, 20, 1, null, 2, Cname, 0, 2));
            Assert.Equal(76, s.CloseInterval()); // not consumed by the failed writes
        }

        [Fact]
        public void ReaderRoundTripsSenderReport()
        {
            byte[] buf = new byte[120];
            var s = new ReceptionStatistics();
            foreach (int seq in new[] { 5, 6, 6, 6 }) s.OnPacket((ushort)seq, 0, 0); // duplicates: lost -2
            var w = new RtcpWriter();
            int n = w.WriteSenderReport(buf, 4, 116, 0xAABBCCDD, 0x0102030405060708UL, 0x11223344, 77, 12320, s, 0x99, Cname, 0, 4);
            n += w.WriteBye(buf, 4 + n, 116 - n, 0xAABBCCDD);
            var r = new RtcpReader();
            Assert.True(r.TryRead(buf, 4, n));
            Assert.Equal(200, r.PacketType);
            Assert.Equal(3, r.PacketCount);
            Assert.True(r.HasSenderInfo);
            Assert.Equal(0xAABBCCDDu, r.Ssrc);
            Assert.Equal(0x0102030405060708UL, r.NtpTimestamp);
            Assert.Equal(0x11223344u, r.RtpTimestamp);
            Assert.Equal(77u, r.SenderPacketCount);
            Assert.Equal(12320u, r.SenderOctetCount);
            Assert.True(r.HasReportBlock);
            Assert.Equal(0x99u, r.ReportSsrc);
            Assert.Equal(0, r.FractionLost);
            Assert.Equal(-2, r.CumulativeLost);
            Assert.Equal(6u, r.ExtendedHighestSequence);
            Assert.True(r.HasCname);
            Assert.Equal(0xAABBCCDDu, r.CnameSsrc);
            Assert.Equal("xxab", System.Text.Encoding.ASCII.GetString(buf, r.CnameOffset, r.CnameLength));
            Assert.True(r.HasBye);
            Assert.Equal(0xAABBCCDDu, r.ByeSsrc);
        }

        [Fact]
        public void ReaderRoundTripsReceiverReportWithDlsr()
        {
            byte[] buf = new byte[64];
            int n = new RtcpWriter().WriteReceiverReport(buf, 0, buf.Length, 3, Stats(), 4, Cname, 2, 2, 3_000_000);
            var r = new RtcpReader();
            Assert.True(r.TryRead(buf, 0, n));
            Assert.False(r.HasSenderInfo);
            Assert.Equal(201, r.PacketType);
            Assert.Equal(76, r.FractionLost);
            Assert.Equal(3, r.CumulativeLost);
            Assert.Equal(9u, r.ExtendedHighestSequence);
            Assert.Equal(0u, r.Jitter);
            Assert.Equal(0xBBBBCCCCu, r.Lsr);
            Assert.Equal(2u * 65536, r.Dlsr);
            Assert.False(r.HasBye);
        }

        [Fact]
        public void ReaderRejectsMalformedAndKeepsState()
        {
            byte[] good = new byte[64];
            int n = new RtcpWriter().WriteReceiverReport(good, 0, good.Length, 3, Stats(), 4, Cname, 2, 2);
            var r = new RtcpReader();
            Assert.True(r.TryRead(good, 0, n));

            byte[] Mutate(Action<byte[]> change)
            {
                byte[] b = good[0..n];
                change(b);
                return b;
            }
            byte[][] bad =
            {
                Mutate(b => b[0] = 0x41),                       // version 1
                Mutate(b => b[32] = 0xC1),                      // version 3 in the SDES
                Mutate(b => b[1] = 202),                        // first packet not SR/RR
                Mutate(b => b[3] = 8),                          // RR length past the end
                Mutate(b => b[3] = 6),                          // lengths do not add up (SDES misaligned)
                Mutate(b => b[0] = 0x82),                       // RC 2 but room for one block
                Mutate(b => { b[0] = 0xA1; b[n - 1] = 4; }),   // padding on the first packet (count valid for the last)
                Mutate(b => { b[32] = 0xA1; b[n - 1] = 0; }),   // padding count 0 on the last
                Mutate(b => { b[32] = 0xA1; b[n - 1] = 13; }),  // padding larger than the packet
                good[0..(n - 1)],                               // truncated
                good[0..7],                                     // shorter than a header
            };
            foreach (byte[] b in bad)
            {
                Assert.False(r.TryRead(b, 0, b.Length));
                Assert.Equal(3u, r.Ssrc);
                Assert.Equal(76, r.FractionLost);
            }
            Assert.False(r.TryRead(good, 60, n));
            Assert.False(r.TryRead(null!, 0, n));
            // Valid padding on the last packet is accepted.
            Assert.True(r.TryRead(Mutate(b => { b[32] = 0xA1; b[n - 1] = 4; }), 0, n));
        }

        [Fact]
        public void ReaderAllowsPaddingOnlyOnTheLastPacket()
        {
            // RR (RC 0) with 4 bytes of profile-specific extension (RFC 3550 §6.4.2), then a BYE whose SSRC ends in 4.
            byte[] ok = TestData.Hex("80C90002" + "00000003" + "00000000" + "81CB0001" + "00000004");
            var r = new RtcpReader();
            Assert.True(r.TryRead(ok, 0, ok.Length));
            Assert.True(r.HasBye);
            Assert.Equal(4u, r.ByeSsrc);
            // P on the first packet: a valid count in the compound's last octet does not make it legal (A.2).
            byte[] bad = TestData.Hex("A0C90002" + "00000003" + "00000000" + "81CB0001" + "00000004");
            Assert.False(r.TryRead(bad, 0, bad.Length));
            // P on the last packet, count 4 in its last octet: accepted, and then the BYE holds no SSRC.
            byte[] padded = TestData.Hex("80C90002" + "00000003" + "00000000" + "A1CB0001" + "00000004");
            Assert.False(r.TryRead(padded, 0, padded.Length)); // SC 1 needs 4 bytes that the padding took
            byte[] padded0 = TestData.Hex("80C90002" + "00000003" + "00000000" + "A0CB0001" + "00000004");
            Assert.True(r.TryRead(padded0, 0, padded0.Length));
            Assert.False(r.HasBye);
        }

        [Fact]
        public void ReaderNeverThrowsOnRandomInput()
        {
            var rng = new Random(5);
            var r = new RtcpReader();
            byte[] b = new byte[80];
            for (int i = 0; i < 20000; i++)
            {
                rng.NextBytes(b);
                b[0] = (byte)(0x80 | (b[0] & 0x3F));
                b[1] = (byte)(200 + (b[1] & 1));
                b[2] = 0;
                b[3] = (byte)(b[3] & 0x1F);
                if (r.TryRead(b, 0, rng.Next(0, 81)) && r.HasCname)
                {
                    Assert.InRange(r.CnameOffset + r.CnameLength, 0, 80);
                }
            }
        }
    }
}
