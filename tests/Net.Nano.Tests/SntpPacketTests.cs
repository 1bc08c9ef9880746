using NanoMikey.Net.Sntp;

namespace NanoMikey.Net.Tests
{
    /// <summary>The RFC 4330 §4 header layout.</summary>
    public class SntpPacketTests
    {
        // A server answer laid out by hand from RFC 4330 §4's figure: LI 0, VN 4, mode 4 (0x24); stratum 2; poll 6;
        // precision −20 (0xEC); root delay 0.5 s (0x00008000); root dispersion 1.25 s (0x00014000); reference id
        // 127.127.1.1; then reference, originate, receive and transmit timestamps.
        private const string Answer =
            "24" + "02" + "06" + "ec" + "00008000" + "00014000" + "7f7f0101" +
            "e6a9c0d000000000" + "e6a9c0d812345678" + "e6a9c0e280000000" + "e6a9c0e280010000";

        [Fact]
        public void Read_TakesEveryFieldFromItsOffset()
        {
            var p = new SntpPacket();
            byte[] b = TestData.Hex("ff" + Answer + "ff");
            Assert.True(p.Read(b, 1, SntpPacket.Length));
            Assert.Equal(0, p.LeapIndicator);
            Assert.Equal(4, p.Version);
            Assert.Equal(SntpPacket.ModeServer, p.Mode);
            Assert.Equal(2, p.Stratum);
            Assert.Equal(6, p.Poll);
            Assert.Equal(-20, p.Precision);
            Assert.Equal(0x8000, p.RootDelay);
            Assert.Equal(0x14000u, p.RootDispersion);
            Assert.Equal(0x7F7F0101u, p.ReferenceId);
            Assert.Equal(0xe6a9c0d000000000ul, p.ReferenceTimestamp);
            Assert.Equal(0xe6a9c0d812345678ul, p.OriginateTimestamp);
            Assert.Equal(0xe6a9c0e280000000ul, p.ReceiveTimestamp);
            Assert.Equal(0xe6a9c0e280010000ul, p.TransmitTimestamp);
        }

        [Fact]
        public void Write_ReproducesTheLayoutByteForByte()
        {
            var p = new SntpPacket();
            byte[] b = TestData.Hex(Answer);
            Assert.True(p.Read(b, 0, b.Length));
            byte[] o = new byte[50];
            Assert.Equal(48, p.Write(o, 2, 48));
            Assert.Equal(Answer, Convert.ToHexString(o, 2, 48).ToLowerInvariant());
        }

        [Fact]
        public void LeapAlarmAndNegativeFieldsPackIntoTheirBits()
        {
            var p = new SntpPacket { LeapIndicator = 3, Version = 3, Mode = SntpPacket.ModeClient, Poll = -6, RootDelay = -1 };
            byte[] o = new byte[48];
            p.Write(o, 0, 48);
            Assert.Equal(0xDB, o[0]); // 11 011 011
            Assert.Equal(0xFA, o[2]);
            Assert.Equal(0xFF, o[4]);
            var q = new SntpPacket();
            q.Read(o, 0, 48);
            Assert.Equal(3, q.LeapIndicator);
            Assert.Equal(-6, q.Poll);
            Assert.Equal(-1, q.RootDelay);
        }

        [Fact]
        public void ShortMessage_IsRefusedAndChangesNothing_LongerOneReadsItsHeader()
        {
            var p = new SntpPacket { Stratum = 9 };
            byte[] b = TestData.Hex(Answer + "0000000000000000000000000000000000000000"); // + key id and MAC (RFC 4330 §4)
            Assert.False(p.Read(b, 0, 47));
            Assert.Equal(9, p.Stratum);
            Assert.True(p.Read(b, 0, b.Length));
            Assert.Equal(2, p.Stratum);
            Assert.Throws<ArgumentOutOfRangeException>(() => p.Write(new byte[47], 0, 47));
        }

        [Fact]
        public void NtpInterval_ConvertsBothWaysWithSign()
        {
            Assert.Equal(1500000, NtpInterval.ToMicroseconds(0x1_8000_0000));
            Assert.Equal(-1500000, NtpInterval.ToMicroseconds(-0x1_8000_0000));
            Assert.Equal(0x1_8000_0000, NtpInterval.FromMicroseconds(1500000));
            Assert.Equal(-600_000_000L, NtpInterval.ToMicroseconds(NtpInterval.FromMicroseconds(-600_000_000L)));
            // Across the 2036 era wrap: 1 s after 0xFFFFFFFF.8 is 0x00000000.8 of era 1.
            Assert.Equal(1000000, NtpInterval.ToMicroseconds(NtpInterval.Difference(0x0000_0000_8000_0000, 0xFFFF_FFFF_8000_0000)));
        }
    }
}
