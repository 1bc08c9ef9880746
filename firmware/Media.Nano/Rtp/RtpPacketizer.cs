using System;

namespace NanoMikey.Media.Rtp
{
    /// <summary>
    /// Builds the RTP packets of one outgoing stream (RFC 3550 §5.1): fixed 12-byte header (V=2, no padding, no
    /// extension, no CSRC) followed by one frame of payload. Keeps the sender state an RTCP sender report needs
    /// (RFC 3550 §6.4.1 packet and octet counts). Allocates nothing after construction.
    /// </summary>
    public sealed class RtpPacketizer
    {
        /// <summary>Size of the header this packetizer writes.</summary>
        public const int HeaderLength = 12;

        private readonly byte _payloadType;
        private readonly uint _samplesPerFrame;
        private uint _ssrc;
        private ushort _sequence;
        private uint _timestamp;
        private uint _packetCount;
        private uint _octetCount;

        /// <summary>Creates the packetizer of one stream.</summary>
        /// <param name="payloadType">RTP payload type, 0..127 (0 = PCMU, 8 = PCMA; RFC 3551 §6).</param>
        /// <param name="ssrc">Random SSRC (RFC 3550 §8.1).</param>
        /// <param name="initialSequence">Random first sequence number (RFC 3550 §5.1).</param>
        /// <param name="initialTimestamp">Random first timestamp (RFC 3550 §5.1).</param>
        /// <param name="samplesPerFrame">Timestamp increment per frame (160 for 20 ms at 8 kHz).</param>
        /// <exception cref="ArgumentException">Payload type above 127 or a non-positive frame size.</exception>
        public RtpPacketizer(byte payloadType, uint ssrc, ushort initialSequence, uint initialTimestamp, int samplesPerFrame)
        {
            if (payloadType > 127 || samplesPerFrame <= 0) throw new ArgumentException("payloadType/samplesPerFrame");
            _payloadType = payloadType;
            _ssrc = ssrc;
            _sequence = initialSequence;
            _timestamp = initialTimestamp;
            _samplesPerFrame = (uint)samplesPerFrame;
        }

        /// <summary>The stream's payload type.</summary>
        public byte PayloadType { get { return _payloadType; } }

        /// <summary>The SSRC written into every packet; changed only by <see cref="ChangeSsrc"/>.</summary>
        public uint Ssrc { get { return _ssrc; } }

        /// <summary>Sequence number of the next packet.</summary>
        public ushort NextSequence { get { return _sequence; } }

        /// <summary>Timestamp of the next packet (or skipped frame).</summary>
        public uint NextTimestamp { get { return _timestamp; } }

        /// <summary>Timestamp of the frame written or skipped last (the RTP time of "now" for a sender report).</summary>
        public uint LastTimestamp { get { return _timestamp - _samplesPerFrame; } }

        /// <summary>Packets written since construction or the last SSRC change (RFC 3550 §6.4.1 sender's packet count).</summary>
        public uint PacketCount { get { return _packetCount; } }

        /// <summary>Payload octets written since construction or the last SSRC change (RFC 3550 §6.4.1 sender's octet count).</summary>
        public uint OctetCount { get { return _octetCount; } }

        /// <summary>Timestamp increment per frame.</summary>
        public int SamplesPerFrame { get { return (int)_samplesPerFrame; } }

        /// <summary>
        /// Writes one packet: header plus <paramref name="payloadLength"/> payload bytes, then advances the sequence
        /// number by one and the timestamp by one frame.
        /// </summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset of the packet in <paramref name="buffer"/>.</param>
        /// <param name="capacity">Bytes available at <paramref name="offset"/>.</param>
        /// <param name="payload">Payload source (the encoded frame).</param>
        /// <param name="payloadOffset">Offset of the payload.</param>
        /// <param name="payloadLength">Payload length in bytes.</param>
        /// <param name="marker">Marker bit (RFC 3551 §4.1: first packet of a talkspurt).</param>
        /// <returns>Packet length: 12 + <paramref name="payloadLength"/>.</returns>
        /// <exception cref="ArgumentException">The packet does not fit or a range lies outside its array (caller bugs); nothing is written or advanced.</exception>
        public int WriteFrame(byte[] buffer, int offset, int capacity, byte[] payload, int payloadOffset, int payloadLength, bool marker)
        {
            if (!NetworkOrder.InRange(buffer, offset, capacity) || !NetworkOrder.InRange(payload, payloadOffset, payloadLength)
                || payloadLength > capacity - HeaderLength)
            {
                throw new ArgumentException("packet does not fit");
            }
            // RFC 3550 §5.1: V=2, P=0, X=0, CC=0 | M, PT | sequence | timestamp | SSRC.
            buffer[offset] = 0x80;
            buffer[offset + 1] = (byte)(marker ? 0x80 | _payloadType : _payloadType);
            NetworkOrder.WriteUInt16(buffer, offset + 2, _sequence);
            NetworkOrder.WriteUInt32(buffer, offset + 4, _timestamp);
            NetworkOrder.WriteUInt32(buffer, offset + 8, _ssrc);
            Array.Copy(payload, payloadOffset, buffer, offset + HeaderLength, payloadLength);
            _sequence = (ushort)(_sequence + 1);
            _timestamp += _samplesPerFrame;
            _packetCount++;
            _octetCount += (uint)payloadLength;
            return HeaderLength + payloadLength;
        }

        /// <summary>
        /// Skips one frame without sending it (silence suppression, RFC 3551 §4.1): the timestamp advances by one
        /// frame, the sequence number does not (RFC 3550 §5.1: it counts packets, not frames).
        /// </summary>
        public void SkipFrame()
        {
            _timestamp += _samplesPerFrame;
        }

        /// <summary>
        /// Takes a new SSRC after a collision (RFC 3550 §8.2; see <see cref="SsrcCollision"/>). Sequence and timestamp
        /// continue; the packet and octet counts restart at zero, as RFC 3550 §6.4.1 requires on an SSRC change.
        /// Send an RTCP BYE for the old SSRC before the next packet.
        /// </summary>
        /// <param name="ssrc">The new SSRC.</param>
        public void ChangeSsrc(uint ssrc)
        {
            _ssrc = ssrc;
            _packetCount = 0;
            _octetCount = 0;
        }
    }
}
