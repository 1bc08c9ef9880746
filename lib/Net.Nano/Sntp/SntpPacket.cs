using System;
using NanoMikey.Crypto;
using NanoMikey.Mikey.Codec;

namespace NanoMikey.Net.Sntp
{
    /// <summary>
    /// One SNTP message (RFC 4330 §4; NTPv4 header, RFC 5905 §7.3) read from or written to a caller buffer: the 48-byte
    /// header, fields as on the wire. Reused across packets (allocation-free); extension fields and a MAC that may follow
    /// the header are ignored (RFC 4330 §4: the authenticator is optional).
    /// </summary>
    [HotPath]
    public sealed class SntpPacket
    {
        /// <summary>Length of the header every SNTP message has (RFC 4330 §4).</summary>
        public const int Length = 48;

        /// <summary>Leap indicator 3: the server's clock is not synchronised (RFC 4330 §4, "alarm condition").</summary>
        public const int LeapAlarm = 3;

        /// <summary>Mode 3: a client request (RFC 4330 §4).</summary>
        public const int ModeClient = 3;

        /// <summary>Mode 4: a server answer (RFC 4330 §4).</summary>
        public const int ModeServer = 4;

        /// <summary>Leap indicator (2 bits): 0 no warning, 1/2 leap second pending, 3 alarm (unsynchronised).</summary>
        public int LeapIndicator { get; set; }

        /// <summary>Version number (3 bits): 4 for NTPv4/SNTPv4, 3 from older servers.</summary>
        public int Version { get; set; }

        /// <summary>Mode (3 bits): 3 client, 4 server, 5 broadcast.</summary>
        public int Mode { get; set; }

        /// <summary>Stratum: 0 kiss-o'-death (RFC 4330 §8), 1 primary, 2..15 secondary, 16 and above unsynchronised.</summary>
        public int Stratum { get; set; }

        /// <summary>Poll interval exponent (signed 8 bits, log2 seconds).</summary>
        public int Poll { get; set; }

        /// <summary>Precision of the server's clock (signed 8 bits, log2 seconds).</summary>
        public int Precision { get; set; }

        /// <summary>Root delay: round trip to the primary reference, signed 16.16 fixed point seconds.</summary>
        public int RootDelay { get; set; }

        /// <summary>Root dispersion: error relative to the primary reference, unsigned 16.16 fixed point seconds.</summary>
        public uint RootDispersion { get; set; }

        /// <summary>Reference identifier: the reference's address or ASCII code, or the kiss code when stratum is 0.</summary>
        public uint ReferenceId { get; set; }

        /// <summary>Reference timestamp: when the server's clock was last set (64-bit NTP).</summary>
        public ulong ReferenceTimestamp { get; set; }

        /// <summary>Originate timestamp T1: the client's transmit timestamp, echoed by the server.</summary>
        public ulong OriginateTimestamp { get; set; }

        /// <summary>Receive timestamp T2: when the request arrived at the server.</summary>
        public ulong ReceiveTimestamp { get; set; }

        /// <summary>Transmit timestamp: T3 in an answer (when it left the server), T1 in a request.</summary>
        public ulong TransmitTimestamp { get; set; }

        /// <summary>Sets every field to 0.</summary>
        public void Clear()
        {
            LeapIndicator = 0;
            Version = 0;
            Mode = 0;
            Stratum = 0;
            Poll = 0;
            Precision = 0;
            RootDelay = 0;
            RootDispersion = 0;
            ReferenceId = 0;
            ReferenceTimestamp = 0;
            OriginateTimestamp = 0;
            ReceiveTimestamp = 0;
            TransmitTimestamp = 0;
        }

        /// <summary>Reads the header of a received message; leaves the fields unchanged when it is too short.</summary>
        /// <param name="buffer">Buffer holding the message.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="count">Message length (at least <see cref="Length"/>; longer messages carry extensions or a MAC).</param>
        /// <returns>False when the message is shorter than <see cref="Length"/>.</returns>
        public bool Read(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            if (count < Length) return false;
            int b0 = buffer[offset];
            LeapIndicator = b0 >> 6;
            Version = (b0 >> 3) & 7;
            Mode = b0 & 7;
            Stratum = buffer[offset + 1];
            Poll = (sbyte)buffer[offset + 2];
            Precision = (sbyte)buffer[offset + 3];
            RootDelay = (int)NetworkOrder.ReadUInt32(buffer, offset + 4);
            RootDispersion = NetworkOrder.ReadUInt32(buffer, offset + 8);
            ReferenceId = NetworkOrder.ReadUInt32(buffer, offset + 12);
            ReferenceTimestamp = NetworkOrder.ReadUInt64(buffer, offset + 16);
            OriginateTimestamp = NetworkOrder.ReadUInt64(buffer, offset + 24);
            ReceiveTimestamp = NetworkOrder.ReadUInt64(buffer, offset + 32);
            TransmitTimestamp = NetworkOrder.ReadUInt64(buffer, offset + 40);
            return true;
        }

        /// <summary>Writes the 48-byte header (no extensions, no MAC).</summary>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="buffer"/>.</param>
        /// <param name="capacity">Room in <paramref name="buffer"/> (at least <see cref="Length"/>).</param>
        /// <returns><see cref="Length"/>.</returns>
        public int Write(byte[] buffer, int offset, int capacity)
        {
            CheckRange(buffer, offset, capacity);
            if (capacity < Length) throw new ArgumentOutOfRangeException();
            buffer[offset] = (byte)(((LeapIndicator & 3) << 6) | ((Version & 7) << 3) | (Mode & 7));
            buffer[offset + 1] = (byte)Stratum;
            buffer[offset + 2] = (byte)Poll;
            buffer[offset + 3] = (byte)Precision;
            NetworkOrder.WriteUInt32(buffer, offset + 4, (uint)RootDelay);
            NetworkOrder.WriteUInt32(buffer, offset + 8, RootDispersion);
            NetworkOrder.WriteUInt32(buffer, offset + 12, ReferenceId);
            NetworkOrder.WriteUInt64(buffer, offset + 16, ReferenceTimestamp);
            NetworkOrder.WriteUInt64(buffer, offset + 24, OriginateTimestamp);
            NetworkOrder.WriteUInt64(buffer, offset + 32, ReceiveTimestamp);
            NetworkOrder.WriteUInt64(buffer, offset + 40, TransmitTimestamp);
            return Length;
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException();
            if (count < 0 || offset < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException();
        }
    }
}
