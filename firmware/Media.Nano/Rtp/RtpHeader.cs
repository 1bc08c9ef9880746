namespace NanoMikey.Media.Rtp
{
    /// <summary>
    /// A received RTP packet's header (RFC 3550 §5.1, §5.3.1), read in place from the packet bytes. One instance is
    /// reused for every packet; <see cref="TryRead"/> changes no property when it returns false.
    /// </summary>
    public sealed class RtpHeader
    {
        /// <summary>Size of the fixed header.</summary>
        public const int FixedLength = 12;

        /// <summary>Version field (always 2 after a successful read).</summary>
        public int Version { get; private set; }

        /// <summary>Padding bit: the payload was followed by padding, already removed from <see cref="PayloadLength"/>.</summary>
        public bool Padding { get; private set; }

        /// <summary>Extension bit: a header extension (RFC 3550 §5.3.1) follows the CSRC list.</summary>
        public bool Extension { get; private set; }

        /// <summary>Number of CSRC identifiers (0..15).</summary>
        public int CsrcCount { get; private set; }

        /// <summary>Marker bit.</summary>
        public bool Marker { get; private set; }

        /// <summary>Payload type (0..127).</summary>
        public byte PayloadType { get; private set; }

        /// <summary>Sequence number.</summary>
        public ushort SequenceNumber { get; private set; }

        /// <summary>RTP timestamp.</summary>
        public uint Timestamp { get; private set; }

        /// <summary>Synchronisation source.</summary>
        public uint Ssrc { get; private set; }

        /// <summary>Offset of the first CSRC in the packet buffer (each is 4 bytes, big-endian).</summary>
        public int CsrcOffset { get; private set; }

        /// <summary>The header extension's 16-bit profile field ("defined by profile"), 0 without extension.</summary>
        public int ExtensionProfile { get; private set; }

        /// <summary>Offset of the header extension's data (after its 4-byte header) in the packet buffer.</summary>
        public int ExtensionOffset { get; private set; }

        /// <summary>Length in bytes of the header extension's data (0 without extension).</summary>
        public int ExtensionLength { get; private set; }

        /// <summary>Offset of the payload in the packet buffer.</summary>
        public int PayloadOffset { get; private set; }

        /// <summary>Payload length: after CSRCs and header extension, without padding.</summary>
        public int PayloadLength { get; private set; }

        /// <summary>Bytes of padding removed (0 when <see cref="Padding"/> is false).</summary>
        public int PaddingLength { get; private set; }

        /// <summary>Reads the header of the packet at <paramref name="offset"/>.</summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <param name="length">Length of the packet.</param>
        /// <returns>False when the packet is malformed (too short, version not 2, CSRC list or extension past the end,
        /// padding count 0 or larger than what follows the header) or the range lies outside the buffer.</returns>
        public bool TryRead(byte[] packet, int offset, int length)
        {
            if (!NetworkOrder.InRange(packet, offset, length) || length < FixedLength) return false;
            int b0 = packet[offset];
            if ((b0 >> 6) != 2) return false;
            int csrcCount = b0 & 0x0F;
            int headerLength = FixedLength + 4 * csrcCount;
            if (headerLength > length) return false;
            int extProfile = 0;
            int extOffset = 0;
            int extLength = 0;
            bool extension = (b0 & 0x10) != 0;
            if (extension)
            {
                // RFC 3550 §5.3.1: 16-bit profile-defined field, 16-bit length in 32-bit words (header excluded).
                if (length - headerLength < 4) return false;
                extProfile = NetworkOrder.ReadUInt16(packet, offset + headerLength);
                extLength = NetworkOrder.ReadUInt16(packet, offset + headerLength + 2) * 4;
                extOffset = offset + headerLength + 4;
                if (extLength > length - headerLength - 4) return false;
                headerLength += 4 + extLength;
            }
            int paddingLength = 0;
            bool padding = (b0 & 0x20) != 0;
            if (padding)
            {
                // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
                paddingLength = packet[offset + length - 1];
                if (paddingLength == 0 || paddingLength > length - headerLength) return false;
            }
            int b1 = packet[offset + 1];
            Version = 2;
            Padding = padding;
            Extension = extension;
            CsrcCount = csrcCount;
            Marker = (b1 & 0x80) != 0;
            PayloadType = (byte)(b1 & 0x7F);
            SequenceNumber = (ushort)NetworkOrder.ReadUInt16(packet, offset + 2);
            Timestamp = NetworkOrder.ReadUInt32(packet, offset + 4);
            Ssrc = NetworkOrder.ReadUInt32(packet, offset + 8);
            CsrcOffset = offset + FixedLength;
            ExtensionProfile = extProfile;
            ExtensionOffset = extOffset;
            ExtensionLength = extLength;
            PayloadOffset = offset + headerLength;
            PayloadLength = length - headerLength - paddingLength;
            PaddingLength = paddingLength;
            return true;
        }
    }
}
