using System;

namespace NanoMikey.Emulator.Network
{
    /// <summary>Ready-made <see cref="DatagramFilter"/>s: by port, RTP-looking, the Nth match.</summary>
    public static class DatagramFilters
    {
        /// <summary>Every datagram.</summary>
        public static DatagramFilter All => static (e, p) => true;

        /// <summary>Datagrams to destination port <paramref name="port"/> (e.g. 2269, MIKEY: RFC 3830 §A).</summary>
        /// <param name="port">Destination port.</param>
        /// <returns>The filter.</returns>
        public static DatagramFilter ToPort(int port) => (e, p) => e.DestinationPort == port;

        /// <summary>Datagrams from source port <paramref name="port"/>.</summary>
        /// <param name="port">Source port.</param>
        /// <returns>The filter.</returns>
        public static DatagramFilter FromPort(int port) => (e, p) => e.SourcePort == port;

        /// <summary>
        /// RTP (or SRTP) packets to <paramref name="port"/>: version 2 and a payload type outside 64..95, the range RFC 5761 §4
        /// leaves to RTCP (SR/RR/SDES/BYE/APP are 200..204), at least the 12-byte fixed header (RFC 3550 §5.1).
        /// </summary>
        /// <param name="port">Destination port.</param>
        /// <returns>The filter.</returns>
        public static DatagramFilter Rtp(int port) => (e, p) =>
            e.DestinationPort == port && p.Length >= 12 && (p[0] >> 6) == 2 && ((p[1] & 0x7F) < 64 || (p[1] & 0x7F) > 95);

        /// <summary>Only the <paramref name="n"/>th datagram (1-based) that <paramref name="inner"/> matches; the filter keeps count.</summary>
        /// <param name="inner">The filter counted.</param>
        /// <param name="n">Which match (1 = the first).</param>
        /// <returns>The filter.</returns>
        public static DatagramFilter Nth(DatagramFilter inner, int n)
        {
            ArgumentNullException.ThrowIfNull(inner);
            if (n < 1) throw new ArgumentOutOfRangeException(nameof(n));
            int seen = 0;
            return (e, p) => inner(e, p) && ++seen == n;
        }
    }
}
