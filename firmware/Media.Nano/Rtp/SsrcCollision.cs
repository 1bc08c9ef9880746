using System;

namespace NanoMikey.Media.Rtp
{
    /// <summary>
    /// SSRC collision and loop detection for our own SSRC (RFC 3550 §8.2), reduced to what a device with one outgoing
    /// stream needs, over IPv4 transport addresses.
    /// <para>
    /// Rule: a received packet carrying our SSRC from a transport address (IPv4 address, port) that is not one of
    /// ours is a collision — unless that address is in the table of conflicting addresses, in which case it is a loop
    /// (RFC 3550 §8.2 "conflicting data or control source transport address list"). On a collision the address is
    /// recorded with the time; an entry expires after <c>conflictLifetimeMillis</c> (RFC 3550 §8.2 suggests ten RTCP
    /// report intervals). The table has fixed size; when full, the oldest entry is replaced.
    /// </para>
    /// <para>
    /// The new SSRC comes from caller-supplied random bytes (the device's entropy source): <see cref="TryChooseSsrc"/>
    /// takes 4-byte groups and returns the first that differs from the SSRCs to avoid (RFC 3550 §8.1: the new SSRC
    /// must not be one in use). This class never draws randomness itself, so it needs no RNG and stays deterministic
    /// under test.
    /// </para>
    /// </summary>
    public sealed class SsrcCollision
    {
        private readonly uint _localAddress;
        private readonly int _localRtpPort;
        private readonly int _localRtcpPort;
        private readonly long _lifetime;
        private readonly uint[] _conflictAddress;
        private readonly int[] _conflictPort;
        private readonly long[] _conflictTime;
        private readonly bool[] _conflictUsed;

        /// <summary>Creates the detector for our transport addresses.</summary>
        /// <param name="localAddress">Our IPv4 address, big-endian as a number (192.168.1.2 = 0xC0A80102).</param>
        /// <param name="localRtpPort">Our RTP source port.</param>
        /// <param name="localRtcpPort">Our RTCP source port.</param>
        /// <param name="tableSize">Number of conflicting addresses remembered (at least 1).</param>
        /// <param name="conflictLifetimeMillis">How long a conflicting address stays listed (at least 1 ms).</param>
        /// <exception cref="ArgumentException">A size or lifetime below 1.</exception>
        public SsrcCollision(uint localAddress, int localRtpPort, int localRtcpPort, int tableSize, long conflictLifetimeMillis)
        {
            if (tableSize < 1 || conflictLifetimeMillis < 1) throw new ArgumentException("tableSize/lifetime");
            _localAddress = localAddress;
            _localRtpPort = localRtpPort;
            _localRtcpPort = localRtcpPort;
            _lifetime = conflictLifetimeMillis;
            _conflictAddress = new uint[tableSize];
            _conflictPort = new int[tableSize];
            _conflictTime = new long[tableSize];
            _conflictUsed = new bool[tableSize];
        }

        /// <summary>Collisions detected (each one asked for a new SSRC).</summary>
        public int Collisions { get; private set; }

        /// <summary>Packets of our own traffic seen looped back from a conflicting address.</summary>
        public int Loops { get; private set; }

        /// <summary>Classifies one received packet.</summary>
        /// <param name="ownSsrc">Our current SSRC.</param>
        /// <param name="packetSsrc">The packet's SSRC (RTP header, or the sender SSRC of an RTCP packet).</param>
        /// <param name="sourceAddress">The packet's IPv4 source address, big-endian as a number.</param>
        /// <param name="sourcePort">The packet's UDP source port.</param>
        /// <param name="nowMillis">A monotonic time in milliseconds.</param>
        /// <returns>What to do with the packet (see <see cref="SsrcCheck"/>).</returns>
        public SsrcCheck Check(uint ownSsrc, uint packetSsrc, uint sourceAddress, int sourcePort, long nowMillis)
        {
            if (packetSsrc != ownSsrc) return SsrcCheck.Foreign;
            if (sourceAddress == _localAddress && (sourcePort == _localRtpPort || sourcePort == _localRtcpPort))
            {
                return SsrcCheck.OwnLoopback;
            }
            int free = -1;
            int oldest = 0;
            for (int i = 0; i < _conflictUsed.Length; i++)
            {
                if (_conflictUsed[i] && nowMillis - _conflictTime[i] >= _lifetime) _conflictUsed[i] = false;
                if (!_conflictUsed[i])
                {
                    if (free < 0) free = i;
                    continue;
                }
                if (_conflictAddress[i] == sourceAddress && _conflictPort[i] == sourcePort)
                {
                    // RFC 3550 §8.2: mark the current time in the conflicting address entry and drop.
                    _conflictTime[i] = nowMillis;
                    Loops++;
                    return SsrcCheck.Loop;
                }
                if (_conflictTime[i] < _conflictTime[oldest] || !_conflictUsed[oldest]) oldest = i;
            }
            int slot = free >= 0 ? free : oldest;
            _conflictUsed[slot] = true;
            _conflictAddress[slot] = sourceAddress;
            _conflictPort[slot] = sourcePort;
            _conflictTime[slot] = nowMillis;
            Collisions++;
            return SsrcCheck.Collision;
        }

        /// <summary>Forgets every conflicting address (e.g. at the start of a new call).</summary>
        public void Clear()
        {
            for (int i = 0; i < _conflictUsed.Length; i++) _conflictUsed[i] = false;
        }

        /// <summary>
        /// Chooses a new SSRC from random bytes: the first 4-byte group (big-endian) of
        /// <paramref name="random"/>[offset, offset + length) that is neither <paramref name="avoid"/> nor
        /// <paramref name="avoidOther"/>.
        /// </summary>
        /// <param name="random">Random bytes from the caller's entropy source (4 per candidate; 8 make failure ~2^-63).</param>
        /// <param name="offset">Offset of the random bytes.</param>
        /// <param name="length">Number of random bytes.</param>
        /// <param name="avoid">The SSRC to leave (ours, now colliding).</param>
        /// <param name="avoidOther">Another SSRC in use in the session (the peer's), or the same value as <paramref name="avoid"/>.</param>
        /// <param name="ssrc">The chosen SSRC; 0 when none was found.</param>
        /// <returns>False when no candidate fits or the range is bad: draw more bytes and call again.</returns>
        public static bool TryChooseSsrc(byte[] random, int offset, int length, uint avoid, uint avoidOther, out uint ssrc)
        {
            ssrc = 0;
            if (!NetworkOrder.InRange(random, offset, length)) return false;
            for (int i = 0; i + 4 <= length; i += 4)
            {
                uint candidate = NetworkOrder.ReadUInt32(random, offset + i);
                if (candidate != avoid && candidate != avoidOther)
                {
                    ssrc = candidate;
                    return true;
                }
            }
            return false;
        }
    }
}
