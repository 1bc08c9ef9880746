namespace NanoMikey.Srtp.Rtp
{
    /// <summary>Reads the fixed RTP header fields SRTP needs (RFC 3550 §5.1, §5.3.1), straight from the packet bytes.</summary>
    public static class RtpHeader
    {
        /// <summary>Size of the fixed RTP header in bytes.</summary>
        public const int FixedLength = 12;

        /// <summary>
        /// Length of the RTP header including CSRCs and the header extension, or -1 when
        /// <paramref name="length"/> bytes cannot hold it.
        /// </summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <param name="length">Bytes of packet available.</param>
        /// <returns>Header length, or -1.</returns>
        public static int GetHeaderLength(byte[] packet, int offset, int length)
        {
            if (length < FixedLength) return -1;
            int b0 = packet[offset];
            int h = FixedLength + ((b0 & 0x0F) << 2);
            if ((b0 & 0x10) != 0)
            {
                // RFC 3550 §5.3.1: 16-bit profile field, 16-bit length in 32-bit words.
                if (length < h + 4) return -1;
                h += 4 + (((packet[offset + h + 2] << 8) | packet[offset + h + 3]) << 2);
            }
            return h <= length ? h : -1;
        }

        /// <summary>The 16-bit sequence number.</summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <returns>SEQ.</returns>
        public static int GetSequenceNumber(byte[] packet, int offset)
        {
            return (packet[offset + 2] << 8) | packet[offset + 3];
        }

        /// <summary>The SSRC (bytes 8–11).</summary>
        /// <param name="packet">Buffer holding the packet.</param>
        /// <param name="offset">Offset of the packet.</param>
        /// <returns>SSRC.</returns>
        public static uint GetSsrc(byte[] packet, int offset)
        {
            return ReadUInt32(packet, offset + 8);
        }

        /// <summary>Reads a big-endian 32-bit value.</summary>
        /// <param name="buffer">Source buffer.</param>
        /// <param name="offset">Offset of the value.</param>
        /// <returns>The value.</returns>
        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16) | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];
        }

        /// <summary>Writes a big-endian 32-bit value.</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the value.</param>
        /// <param name="value">The value.</param>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }
    }
}
