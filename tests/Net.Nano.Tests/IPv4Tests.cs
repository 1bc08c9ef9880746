using System.Net;
using NanoMikey.Net.Sockets;

namespace NanoMikey.Net.Tests
{
    public class IPv4Tests
    {
        [Fact]
        public void Octets_AreBigEndian()
        {
            Assert.Equal(0xC0A8010Au, IPv4.FromOctets(192, 168, 1, 10));
            Assert.Equal(IPv4.Loopback, IPv4.FromOctets(127, 0, 0, 1));
        }

        [Fact]
        public void Swap_GivesTheFirstOctetInTheLowByte_AsIPAddressLongTakesIt()
        {
            // nanoFramework's IPAddress(long) and .NET's agree: the first octet in the low byte.
            uint a = IPv4.FromOctets(192, 168, 1, 10);
            Assert.Equal(0x0A01A8C0u, IPv4.Swap(a));
            Assert.Equal("192.168.1.10", new IPAddress(IPv4.Swap(a)).ToString());
            Assert.Equal(a, IPv4.Swap(IPv4.Swap(a)));
        }

        [Theory]
        [InlineData(192, 168, 1, 10)]
        [InlineData(127, 0, 0, 1)]
        [InlineData(0, 0, 0, 0)]
        [InlineData(255, 255, 255, 255)]
        [InlineData(10, 200, 3, 254)]
        public void ToText_IsDottedDecimal_AsDotNetWritesIt(byte a, byte b, byte c, byte d)
        {
            Assert.Equal(new IPAddress(new[] { a, b, c, d }).ToString(), IPv4.ToText(IPv4.FromOctets(a, b, c, d)));
        }
    }
}
