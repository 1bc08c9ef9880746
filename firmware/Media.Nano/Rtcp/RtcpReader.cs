namespace NanoMikey.Media.Rtcp
{
    /// <summary>
    /// Walks a compound RTCP packet (RFC 3550 §6.1) and exposes the parts the device uses: the sender info of an SR,
    /// the first report block of the SR/RR, the CNAME of the first SDES chunk and the first BYE. One instance is
    /// reused; <see cref="TryRead"/> changes no property when it returns false. Allocates nothing.
    /// </summary>
    public sealed class RtcpReader
    {
        /// <summary>Packet type of the first packet (200 = SR or 201 = RR).</summary>
        public int PacketType { get; private set; }

        /// <summary>SSRC of the sender of the SR/RR.</summary>
        public uint Ssrc { get; private set; }

        /// <summary>True when the first packet is an SR (the sender info fields are set).</summary>
        public bool HasSenderInfo { get; private set; }

        /// <summary>SR: NTP timestamp.</summary>
        public ulong NtpTimestamp { get; private set; }

        /// <summary>SR: RTP timestamp.</summary>
        public uint RtpTimestamp { get; private set; }

        /// <summary>SR: sender's packet count.</summary>
        public uint SenderPacketCount { get; private set; }

        /// <summary>SR: sender's octet count.</summary>
        public uint SenderOctetCount { get; private set; }

        /// <summary>Number of report blocks in the SR/RR (RC field).</summary>
        public int ReportCount { get; private set; }

        /// <summary>True when the SR/RR has at least one report block (the fields below are the first one's).</summary>
        public bool HasReportBlock { get { return ReportCount > 0; } }

        /// <summary>Report block: SSRC of the source reported on.</summary>
        public uint ReportSsrc { get; private set; }

        /// <summary>Report block: fraction lost (8-bit fixed point).</summary>
        public byte FractionLost { get; private set; }

        /// <summary>Report block: cumulative number of packets lost (24-bit signed).</summary>
        public int CumulativeLost { get; private set; }

        /// <summary>Report block: extended highest sequence number received.</summary>
        public uint ExtendedHighestSequence { get; private set; }

        /// <summary>Report block: interarrival jitter.</summary>
        public uint Jitter { get; private set; }

        /// <summary>Report block: LSR.</summary>
        public uint Lsr { get; private set; }

        /// <summary>Report block: DLSR (1/65536 s).</summary>
        public uint Dlsr { get; private set; }

        /// <summary>True when an SDES chunk with a CNAME item was found.</summary>
        public bool HasCname { get; private set; }

        /// <summary>SSRC of the SDES chunk carrying the CNAME.</summary>
        public uint CnameSsrc { get; private set; }

        /// <summary>Offset of the CNAME text in the packet buffer.</summary>
        public int CnameOffset { get; private set; }

        /// <summary>CNAME length in bytes.</summary>
        public int CnameLength { get; private set; }

        /// <summary>True when a BYE packet with at least one SSRC was found.</summary>
        public bool HasBye { get; private set; }

        /// <summary>First SSRC of the BYE packet.</summary>
        public uint ByeSsrc { get; private set; }

        /// <summary>Number of RTCP packets in the compound packet.</summary>
        public int PacketCount { get; private set; }

        /// <summary>Reads the compound packet at <paramref name="offset"/>.</summary>
        /// <param name="packet">Buffer holding the packet (RTCP, after SRTCP unprotection).</param>
        /// <param name="offset">Offset of the compound packet.</param>
        /// <param name="length">Its length.</param>
        /// <returns>False when malformed (RFC 3550 A.2: version not 2, first packet not SR/RR, padding on a packet other
        /// than the last, lengths not adding up; or an SR/RR/SDES/BYE too short for its counts).</returns>
        public bool TryRead(byte[] packet, int offset, int length)
        {
            if (!NetworkOrder.InRange(packet, offset, length) || length < 8) return false;
            int end = offset + length;
            int p = offset;
            int count = 0;
            int type0 = packet[offset + 1];
            if (type0 != RtcpWriter.PacketTypeSenderReport && type0 != RtcpWriter.PacketTypeReceiverReport) return false;

            bool hasCname = false;
            uint cnameSsrc = 0;
            int cnameOffset = 0;
            int cnameLength = 0;
            bool hasBye = false;
            uint byeSsrc = 0;
            while (p < end)
            {
                if (end - p < 4) return false;
                int b0 = packet[p];
                if ((b0 >> 6) != 2) return false;
                int size = (NetworkOrder.ReadUInt16(packet, p + 2) + 1) * 4;
                if (size > end - p) return false;
                bool padding = (b0 & 0x20) != 0;
                int bodyEnd = p + size;
                if (padding)
                {
                    // A.2: only the last packet may be padded; the count includes itself.
                    if (bodyEnd != end) return false;
                    int pad = packet[end - 1];
                    if (pad == 0 || pad > size - 4) return false;
                    bodyEnd -= pad;
                }
                int type = packet[p + 1];
                int sc = b0 & 0x1F;
                if (type == RtcpWriter.PacketTypeSenderReport || type == RtcpWriter.PacketTypeReceiverReport)
                {
                    int need = (type == RtcpWriter.PacketTypeSenderReport ? 28 : 8) + sc * RtcpWriter.ReportBlockLength;
                    if (bodyEnd - p < need) return false;
                }
                else if (type == RtcpWriter.PacketTypeSourceDescription)
                {
                    if (!hasCname && sc > 0 && bodyEnd - p >= 8 && FindCname(packet, p + 4, bodyEnd, out cnameOffset, out cnameLength))
                    {
                        hasCname = true;
                        cnameSsrc = NetworkOrder.ReadUInt32(packet, p + 4);
                    }
                }
                else if (type == RtcpWriter.PacketTypeBye)
                {
                    if (bodyEnd - p < 4 + 4 * sc) return false;
                    if (!hasBye && sc > 0)
                    {
                        hasBye = true;
                        byeSsrc = NetworkOrder.ReadUInt32(packet, p + 4);
                    }
                }
                count++;
                p += size;
            }

            // All checks passed: publish.
            int first = packet[offset];
            int rc = first & 0x1F;
            bool sender = type0 == RtcpWriter.PacketTypeSenderReport;
            PacketType = type0;
            Ssrc = NetworkOrder.ReadUInt32(packet, offset + 4);
            HasSenderInfo = sender;
            int q = offset + 8;
            if (sender)
            {
                NtpTimestamp = ((ulong)NetworkOrder.ReadUInt32(packet, q) << 32) | NetworkOrder.ReadUInt32(packet, q + 4);
                RtpTimestamp = NetworkOrder.ReadUInt32(packet, q + 8);
                SenderPacketCount = NetworkOrder.ReadUInt32(packet, q + 12);
                SenderOctetCount = NetworkOrder.ReadUInt32(packet, q + 16);
                q += 20;
            }
            else
            {
                NtpTimestamp = 0;
                RtpTimestamp = 0;
                SenderPacketCount = 0;
                SenderOctetCount = 0;
            }
            ReportCount = rc;
            if (rc > 0)
            {
                ReportSsrc = NetworkOrder.ReadUInt32(packet, q);
                FractionLost = packet[q + 4];
                // 24-bit two's complement, sign-extended.
                CumulativeLost = ((packet[q + 5] << 24) | (packet[q + 6] << 16) | (packet[q + 7] << 8)) >> 8;
                ExtendedHighestSequence = NetworkOrder.ReadUInt32(packet, q + 8);
                Jitter = NetworkOrder.ReadUInt32(packet, q + 12);
                Lsr = NetworkOrder.ReadUInt32(packet, q + 16);
                Dlsr = NetworkOrder.ReadUInt32(packet, q + 20);
            }
            else
            {
                ReportSsrc = 0;
                FractionLost = 0;
                CumulativeLost = 0;
                ExtendedHighestSequence = 0;
                Jitter = 0;
                Lsr = 0;
                Dlsr = 0;
            }
            HasCname = hasCname;
            CnameSsrc = cnameSsrc;
            CnameOffset = hasCname ? cnameOffset : 0;
            CnameLength = hasCname ? cnameLength : 0;
            HasBye = hasBye;
            ByeSsrc = byeSsrc;
            PacketCount = count;
            return true;
        }

        /// <summary>Finds the CNAME item in the first SDES chunk starting at <paramref name="p"/> (its SSRC).</summary>
        private static bool FindCname(byte[] packet, int p, int end, out int itemOffset, out int itemLength)
        {
            itemOffset = 0;
            itemLength = 0;
            int q = p + 4;
            // RFC 3550 §6.5: items are type, length, text; a null type octet ends the list.
            while (q + 2 <= end && packet[q] != 0)
            {
                int type = packet[q];
                int len = packet[q + 1];
                if (len > end - q - 2) return false;
                if (type == 1)
                {
                    itemOffset = q + 2;
                    itemLength = len;
                    return true;
                }
                q += 2 + len;
            }
            return false;
        }
    }
}
