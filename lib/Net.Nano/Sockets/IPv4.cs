namespace NanoMikey.Net.Sockets
{
    /// <summary>IPv4 addresses as used by <see cref="IDatagramSocket"/>: the four octets as a big-endian <see cref="uint"/>.</summary>
    public static class IPv4
    {
        /// <summary>0.0.0.0: bind to every interface.</summary>
        public const uint Any = 0;

        /// <summary>127.0.0.1.</summary>
        public const uint Loopback = 0x7F000001;

        /// <summary>The address a.b.c.d.</summary>
        /// <param name="a">First octet.</param>
        /// <param name="b">Second octet.</param>
        /// <param name="c">Third octet.</param>
        /// <param name="d">Fourth octet.</param>
        /// <returns>The address as a big-endian number.</returns>
        public static uint FromOctets(byte a, byte b, byte c, byte d)
        {
            return ((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d;
        }

        /// <summary>The address in dotted-decimal text, <c>a.b.c.d</c> (allocates: for signalling, not per packet).</summary>
        /// <param name="address">Big-endian address.</param>
        /// <returns>The text.</returns>
        public static string ToText(uint address)
        {
            return ((address >> 24) & 0xFF).ToString() + "." + ((address >> 16) & 0xFF).ToString() + "." + ((address >> 8) & 0xFF).ToString() + "."
                + (address & 0xFF).ToString();
        }

        /// <summary>
        /// The address as a little-endian number (first octet in the low byte): the form nanoFramework's
        /// <c>IPAddress(long)</c> takes and its IPv4 <c>GetHashCode()</c> returns.
        /// </summary>
        /// <param name="address">Big-endian address.</param>
        /// <returns>The byte-swapped value.</returns>
        public static uint Swap(uint address)
        {
            return (address >> 24) | ((address >> 8) & 0xFF00) | ((address << 8) & 0xFF0000) | (address << 24);
        }
    }
}
