using System;
using System.Buffers.Binary;
using System.IO;

namespace NanoMikey.Emulator.Capture
{
    /// <summary>
    /// Writes UDP datagrams to a classic pcap file (microsecond timestamps, LINKTYPE_ETHERNET) that tshark and Wireshark
    /// open and dissect: each record is an Ethernet II frame with fixed, locally administered MACs derived from the IPv4
    /// addresses (02:00:a:b:c:d), a synthesised IPv4 header (RFC 791: no options, DF, TTL 64, identification counting up
    /// from 1, header checksum) and a UDP header (RFC 768, checksum over the pseudo-header). Timestamps are
    /// <see cref="Epoch"/> plus the virtual time, so the same run gives a byte-identical file.
    /// </summary>
    /// <remarks>Ethernet rather than raw IPv4 (LINKTYPE_IPV4, 228): every pcap reader knows LINKTYPE_ETHERNET. Writing reuses one frame buffer.</remarks>
    public sealed class PcapWriter : IDisposable
    {
        /// <summary>The default epoch: 2026-06-01T00:00:00Z.</summary>
        public static readonly DateTime DefaultEpoch = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

        private const int HeaderBytes = 14 + 20 + 8;
        private readonly Stream _stream;
        private readonly bool _ownsStream;
        private readonly long _epochMicros;
        private readonly byte[] _frame = new byte[16 + HeaderBytes + 65535];
        private ushort _identification;

        /// <summary>Starts a capture on <paramref name="stream"/> (writes the pcap file header).</summary>
        /// <param name="stream">Destination.</param>
        /// <param name="epoch">Wall time of virtual time 0 (UTC); <see cref="DefaultEpoch"/> when null.</param>
        /// <param name="ownsStream">Whether <see cref="Dispose"/> closes the stream.</param>
        public PcapWriter(Stream stream, DateTime? epoch = null, bool ownsStream = false)
        {
            ArgumentNullException.ThrowIfNull(stream);
            _stream = stream;
            _ownsStream = ownsStream;
            Epoch = (epoch ?? DefaultEpoch).ToUniversalTime();
            _epochMicros = (Epoch - DateTime.UnixEpoch).Ticks / 10;
            Span<byte> h = stackalloc byte[24];
            BinaryPrimitives.WriteUInt32LittleEndian(h, 0xA1B2C3D4); // microsecond pcap, written little-endian
            BinaryPrimitives.WriteUInt16LittleEndian(h.Slice(4), 2);
            BinaryPrimitives.WriteUInt16LittleEndian(h.Slice(6), 4);
            BinaryPrimitives.WriteInt32LittleEndian(h.Slice(8), 0); // thiszone
            BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(12), 0); // sigfigs
            BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(16), 65535 + HeaderBytes); // snaplen
            BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(20), 1); // LINKTYPE_ETHERNET
            _stream.Write(h);
        }

        /// <summary>Creates (or replaces) the file at <paramref name="path"/> and starts a capture in it.</summary>
        /// <param name="path">File path.</param>
        /// <param name="epoch">Wall time of virtual time 0; <see cref="DefaultEpoch"/> when null.</param>
        /// <returns>The writer (dispose it to close the file).</returns>
        public static PcapWriter Create(string path, DateTime? epoch = null)
        {
            return new PcapWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), epoch, ownsStream: true);
        }

        /// <summary>Wall time of virtual time 0.</summary>
        public DateTime Epoch { get; }

        /// <summary>Records written.</summary>
        public long Count { get; private set; }

        /// <summary>Records one UDP datagram.</summary>
        /// <param name="virtualMicros">Virtual time of the record (non-negative).</param>
        /// <param name="sourceAddress">Source IPv4 address (big-endian number).</param>
        /// <param name="sourcePort">Source port.</param>
        /// <param name="destinationAddress">Destination IPv4 address.</param>
        /// <param name="destinationPort">Destination port.</param>
        /// <param name="payload">UDP payload (at most 65507 bytes).</param>
        public void Write(long virtualMicros, uint sourceAddress, int sourcePort, uint destinationAddress, int destinationPort, ReadOnlySpan<byte> payload)
        {
            if (virtualMicros < 0) throw new ArgumentOutOfRangeException(nameof(virtualMicros));
            if (payload.Length > 65507) throw new ArgumentOutOfRangeException(nameof(payload));
            Span<byte> f = _frame;
            long t = _epochMicros + virtualMicros;
            int frameLength = HeaderBytes + payload.Length;
            BinaryPrimitives.WriteUInt32LittleEndian(f, (uint)(t / 1000000));
            BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(4), (uint)(t % 1000000));
            BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(8), (uint)frameLength);
            BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(12), (uint)frameLength);

            // Ethernet II: destination MAC, source MAC, EtherType IPv4.
            Span<byte> e = f.Slice(16);
            Mac(e, destinationAddress);
            Mac(e.Slice(6), sourceAddress);
            BinaryPrimitives.WriteUInt16BigEndian(e.Slice(12), 0x0800);

            // IPv4 (RFC 791 §3.1).
            Span<byte> ip = e.Slice(14, 20);
            ip[0] = 0x45;
            ip[1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(2), (ushort)(20 + 8 + payload.Length));
            BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(4), ++_identification);
            BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(6), 0x4000); // DF, offset 0
            ip[8] = 64;
            ip[9] = 17; // UDP
            ip[10] = 0;
            ip[11] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(ip.Slice(12), sourceAddress);
            BinaryPrimitives.WriteUInt32BigEndian(ip.Slice(16), destinationAddress);
            BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(10), Complement(Sum(ip, 0)));

            // UDP (RFC 768): checksum over pseudo-header (src, dst, 0, 17, UDP length), header and payload; 0 goes out as 0xFFFF.
            Span<byte> udp = e.Slice(34, 8 + payload.Length);
            int udpLength = 8 + payload.Length;
            BinaryPrimitives.WriteUInt16BigEndian(udp, (ushort)sourcePort);
            BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(2), (ushort)destinationPort);
            BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(4), (ushort)udpLength);
            udp[6] = 0;
            udp[7] = 0;
            payload.CopyTo(udp.Slice(8));
            uint sum = (sourceAddress >> 16) + (sourceAddress & 0xFFFF) + (destinationAddress >> 16) + (destinationAddress & 0xFFFF) + 17 + (uint)udpLength;
            ushort checksum = Complement(Sum(udp, sum));
            BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(6), checksum == 0 ? (ushort)0xFFFF : checksum);

            _stream.Write(f.Slice(0, 16 + frameLength));
            Count++;
        }

        /// <summary>Flushes buffered records to the stream.</summary>
        public void Flush() => _stream.Flush();

        /// <summary>Flushes and, when the writer owns it, closes the stream.</summary>
        public void Dispose()
        {
            _stream.Flush();
            if (_ownsStream) _stream.Dispose();
        }

        private static void Mac(Span<byte> mac, uint address)
        {
            mac[0] = 0x02; // locally administered, unicast
            mac[1] = 0x00;
            BinaryPrimitives.WriteUInt32BigEndian(mac.Slice(2), address);
        }

        // RFC 1071 one's-complement sum of 16-bit big-endian words (odd length padded with a zero byte).
        private static uint Sum(ReadOnlySpan<byte> data, uint sum)
        {
            int i = 0;
            for (; i + 1 < data.Length; i += 2) sum += (uint)((data[i] << 8) | data[i + 1]);
            if (i < data.Length) sum += (uint)(data[i] << 8);
            return sum;
        }

        private static ushort Complement(uint sum)
        {
            while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
            return (ushort)~sum;
        }
    }
}
