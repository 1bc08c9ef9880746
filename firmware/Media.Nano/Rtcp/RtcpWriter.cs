using System;

namespace NanoMikey.Media.Rtcp
{
    /// <summary>
    /// Writes compound RTCP packets (RFC 3550 §6.1): an SR or RR with zero or one report block, followed by an SDES
    /// packet carrying our CNAME (required in every compound packet). The result is plain RTCP, ready for SRTCP
    /// protection. Allocates nothing.
    /// </summary>
    public sealed class RtcpWriter
    {
        /// <summary>RTCP packet type SR (RFC 3550 §12.1).</summary>
        public const byte PacketTypeSenderReport = 200;

        /// <summary>RTCP packet type RR.</summary>
        public const byte PacketTypeReceiverReport = 201;

        /// <summary>RTCP packet type SDES.</summary>
        public const byte PacketTypeSourceDescription = 202;

        /// <summary>RTCP packet type BYE.</summary>
        public const byte PacketTypeBye = 203;

        /// <summary>Size of one report block (RFC 3550 §6.4.1).</summary>
        public const int ReportBlockLength = 24;

        /// <summary>SDES item type CNAME (RFC 3550 §6.5).</summary>
        private const byte SdesCname = 1;

        /// <summary>Length of the compound SR written with the given parts.</summary>
        /// <param name="withReport">Whether a report block is included.</param>
        /// <param name="cnameLength">CNAME length in bytes.</param>
        /// <returns>Bytes.</returns>
        public static int SenderReportLength(bool withReport, int cnameLength)
        {
            return 28 + (withReport ? ReportBlockLength : 0) + SdesLength(cnameLength);
        }

        /// <summary>Length of the compound RR written with the given parts.</summary>
        /// <param name="withReport">Whether a report block is included.</param>
        /// <param name="cnameLength">CNAME length in bytes.</param>
        /// <returns>Bytes.</returns>
        public static int ReceiverReportLength(bool withReport, int cnameLength)
        {
            return 8 + (withReport ? ReportBlockLength : 0) + SdesLength(cnameLength);
        }

        /// <summary>
        /// Writes SR + SDES(CNAME). With <paramref name="report"/> it adds one report block about
        /// <paramref name="reportedSsrc"/> and closes the statistics' reporting interval (fraction lost since the last
        /// report); LSR and DLSR are 0 in this overload (no clock given): use the one with <c>nowMicros</c> for them.
        /// </summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Offset of the compound packet.</param>
        /// <param name="capacity">Bytes available at <paramref name="offset"/>.</param>
        /// <param name="ssrc">Our SSRC.</param>
        /// <param name="ntpTimestamp">Wall-clock time of this report, 64-bit NTP format.</param>
        /// <param name="rtpTimestamp">The same instant in RTP timestamp units.</param>
        /// <param name="packetCount">Sender's packet count.</param>
        /// <param name="octetCount">Sender's payload octet count.</param>
        /// <param name="report">Statistics of the source we receive, or null for no report block.</param>
        /// <param name="reportedSsrc">SSRC of that source.</param>
        /// <param name="cname">Buffer holding our CNAME.</param>
        /// <param name="cnameOffset">Offset of the CNAME.</param>
        /// <param name="cnameLength">CNAME length (1..255).</param>
        /// <returns>Length of the compound packet.</returns>
        /// <exception cref="ArgumentException">It does not fit, or a range or the CNAME length is bad (caller bugs); nothing changes.</exception>
        public int WriteSenderReport(byte[] buffer, int offset, int capacity, uint ssrc, ulong ntpTimestamp, uint rtpTimestamp,
            uint packetCount, uint octetCount, ReceptionStatistics? report, uint reportedSsrc, byte[] cname, int cnameOffset, int cnameLength)
        {
            return Write(buffer, offset, capacity, true, ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, report, reportedSsrc,
                cname, cnameOffset, cnameLength, false, 0);
        }

        /// <summary>As the overload without <paramref name="nowMicros"/>, and fills LSR/DLSR from the last SR recorded in <paramref name="report"/>.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Offset of the compound packet.</param>
        /// <param name="capacity">Bytes available at <paramref name="offset"/>.</param>
        /// <param name="ssrc">Our SSRC.</param>
        /// <param name="ntpTimestamp">Wall-clock time of this report, 64-bit NTP format.</param>
        /// <param name="rtpTimestamp">The same instant in RTP timestamp units.</param>
        /// <param name="packetCount">Sender's packet count.</param>
        /// <param name="octetCount">Sender's payload octet count.</param>
        /// <param name="report">Statistics of the source we receive, or null for no report block.</param>
        /// <param name="reportedSsrc">SSRC of that source.</param>
        /// <param name="cname">Buffer holding our CNAME.</param>
        /// <param name="cnameOffset">Offset of the CNAME.</param>
        /// <param name="cnameLength">CNAME length (1..255).</param>
        /// <param name="nowMicros">Now, on the clock given to <see cref="ReceptionStatistics.OnSenderReport"/>.</param>
        /// <returns>Length of the compound packet.</returns>
        /// <exception cref="ArgumentException">It does not fit, or a range or the CNAME length is bad (caller bugs); nothing changes.</exception>
        public int WriteSenderReport(byte[] buffer, int offset, int capacity, uint ssrc, ulong ntpTimestamp, uint rtpTimestamp,
            uint packetCount, uint octetCount, ReceptionStatistics? report, uint reportedSsrc, byte[] cname, int cnameOffset, int cnameLength,
            long nowMicros)
        {
            return Write(buffer, offset, capacity, true, ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, report, reportedSsrc,
                cname, cnameOffset, cnameLength, true, nowMicros);
        }

        /// <summary>Writes RR + SDES(CNAME); see <see cref="WriteSenderReport(byte[], int, int, uint, ulong, uint, uint, uint, ReceptionStatistics, uint, byte[], int, int)"/>.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Offset of the compound packet.</param>
        /// <param name="capacity">Bytes available at <paramref name="offset"/>.</param>
        /// <param name="ssrc">Our SSRC.</param>
        /// <param name="report">Statistics of the source we receive, or null for no report block.</param>
        /// <param name="reportedSsrc">SSRC of that source.</param>
        /// <param name="cname">Buffer holding our CNAME.</param>
        /// <param name="cnameOffset">Offset of the CNAME.</param>
        /// <param name="cnameLength">CNAME length (1..255).</param>
        /// <returns>Length of the compound packet.</returns>
        /// <exception cref="ArgumentException">It does not fit, or a range or the CNAME length is bad (caller bugs); nothing changes.</exception>
        public int WriteReceiverReport(byte[] buffer, int offset, int capacity, uint ssrc, ReceptionStatistics? report, uint reportedSsrc,
            byte[] cname, int cnameOffset, int cnameLength)
        {
            return Write(buffer, offset, capacity, false, ssrc, 0, 0, 0, 0, report, reportedSsrc, cname, cnameOffset, cnameLength, false, 0);
        }

        /// <summary>As the overload without <paramref name="nowMicros"/>, and fills LSR/DLSR from the last SR recorded in <paramref name="report"/>.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Offset of the compound packet.</param>
        /// <param name="capacity">Bytes available at <paramref name="offset"/>.</param>
        /// <param name="ssrc">Our SSRC.</param>
        /// <param name="report">Statistics of the source we receive, or null for no report block.</param>
        /// <param name="reportedSsrc">SSRC of that source.</param>
        /// <param name="cname">Buffer holding our CNAME.</param>
        /// <param name="cnameOffset">Offset of the CNAME.</param>
        /// <param name="cnameLength">CNAME length (1..255).</param>
        /// <param name="nowMicros">Now, on the clock given to <see cref="ReceptionStatistics.OnSenderReport"/>.</param>
        /// <returns>Length of the compound packet.</returns>
        /// <exception cref="ArgumentException">It does not fit, or a range or the CNAME length is bad (caller bugs); nothing changes.</exception>
        public int WriteReceiverReport(byte[] buffer, int offset, int capacity, uint ssrc, ReceptionStatistics? report, uint reportedSsrc,
            byte[] cname, int cnameOffset, int cnameLength, long nowMicros)
        {
            return Write(buffer, offset, capacity, false, ssrc, 0, 0, 0, 0, report, reportedSsrc, cname, cnameOffset, cnameLength, true, nowMicros);
        }

        /// <summary>Writes a BYE for <paramref name="ssrc"/> (RFC 3550 §6.6), without reason; put it after an SR/RR + SDES.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Offset of the BYE packet.</param>
        /// <param name="capacity">Bytes available at <paramref name="offset"/>.</param>
        /// <param name="ssrc">The SSRC leaving (e.g. ours before an SSRC change).</param>
        /// <returns>8, the packet length.</returns>
        /// <exception cref="ArgumentException">It does not fit (a caller bug).</exception>
        public int WriteBye(byte[] buffer, int offset, int capacity, uint ssrc)
        {
            if (!NetworkOrder.InRange(buffer, offset, capacity) || capacity < 8) throw new ArgumentException("does not fit");
            buffer[offset] = 0x81; // V=2, P=0, SC=1
            buffer[offset + 1] = PacketTypeBye;
            NetworkOrder.WriteUInt16(buffer, offset + 2, 1);
            NetworkOrder.WriteUInt32(buffer, offset + 4, ssrc);
            return 8;
        }

        private static int SdesLength(int cnameLength)
        {
            // Header 4, SSRC 4, item type + length 2, CNAME, at least one null octet, padded to 32 bits (§6.5).
            return 8 + ((2 + cnameLength + 1 + 3) & ~3);
        }

        private static int Write(byte[] buffer, int offset, int capacity, bool sender, uint ssrc, ulong ntp, uint rtpTimestamp,
            uint packetCount, uint octetCount, ReceptionStatistics? report, uint reportedSsrc, byte[] cname, int cnameOffset, int cnameLength,
            bool haveNow, long nowMicros)
        {
            bool withReport = report != null;
            if (cnameLength < 1 || cnameLength > 255 || !NetworkOrder.InRange(cname, cnameOffset, cnameLength)
                || !NetworkOrder.InRange(buffer, offset, capacity))
            {
                throw new ArgumentException("cname/buffer range");
            }
            int total = sender ? SenderReportLength(withReport, cnameLength) : ReceiverReportLength(withReport, cnameLength);
            if (total > capacity) throw new ArgumentException("does not fit");

            // RFC 3550 §6.4.1/§6.4.2: V=2, P=0, RC | PT | length in 32-bit words minus one | SSRC of sender.
            int reportLength = (sender ? 28 : 8) + (withReport ? ReportBlockLength : 0);
            buffer[offset] = (byte)(withReport ? 0x81 : 0x80);
            buffer[offset + 1] = sender ? PacketTypeSenderReport : PacketTypeReceiverReport;
            NetworkOrder.WriteUInt16(buffer, offset + 2, reportLength / 4 - 1);
            NetworkOrder.WriteUInt32(buffer, offset + 4, ssrc);
            int p = offset + 8;
            if (sender)
            {
                NetworkOrder.WriteUInt32(buffer, p, (uint)(ntp >> 32));
                NetworkOrder.WriteUInt32(buffer, p + 4, (uint)ntp);
                NetworkOrder.WriteUInt32(buffer, p + 8, rtpTimestamp);
                NetworkOrder.WriteUInt32(buffer, p + 12, packetCount);
                NetworkOrder.WriteUInt32(buffer, p + 16, octetCount);
                p += 20;
            }
            if (report != null)
            {
                byte fraction = report.CloseInterval();
                int lost = report.CumulativeLost;
                NetworkOrder.WriteUInt32(buffer, p, reportedSsrc);
                buffer[p + 4] = fraction;
                buffer[p + 5] = (byte)(lost >> 16); // 24-bit two's complement
                buffer[p + 6] = (byte)(lost >> 8);
                buffer[p + 7] = (byte)lost;
                NetworkOrder.WriteUInt32(buffer, p + 8, report.ExtendedHighestSequence);
                NetworkOrder.WriteUInt32(buffer, p + 12, report.Jitter);
                // §6.4.1: LSR/DLSR are 0 when no SR has been received (or, here, no clock was given).
                bool lsr = haveNow && report.HasSenderReport;
                NetworkOrder.WriteUInt32(buffer, p + 16, lsr ? report.LastSenderReport : 0);
                NetworkOrder.WriteUInt32(buffer, p + 20, lsr ? report.DelaySinceLastSenderReport(nowMicros) : 0);
                p += ReportBlockLength;
            }

            // RFC 3550 §6.5: SDES, one chunk: SSRC, CNAME item, null octets to the next 32-bit boundary.
            int sdesLength = SdesLength(cnameLength);
            buffer[p] = 0x81; // V=2, P=0, SC=1
            buffer[p + 1] = PacketTypeSourceDescription;
            NetworkOrder.WriteUInt16(buffer, p + 2, sdesLength / 4 - 1);
            NetworkOrder.WriteUInt32(buffer, p + 4, ssrc);
            buffer[p + 8] = SdesCname;
            buffer[p + 9] = (byte)cnameLength;
            Array.Copy(cname, cnameOffset, buffer, p + 10, cnameLength);
            for (int i = p + 10 + cnameLength; i < p + sdesLength; i++) buffer[i] = 0;
            return total;
        }
    }
}
