using NanoMikey.Mikey.Modes;

namespace NanoMikey.Mikey.Tests.Modes
{
    /// <summary>Each branch of the mode choice (RFC 5197 §7).</summary>
    public class MikeyModeSelectorTests
    {
        private const MikeyMode All = MikeyMode.Psk | MikeyMode.Null | MikeyMode.EcdhSign | MikeyMode.Ecies | MikeyMode.Ecmqv;

        [Theory]
        // peer modes, shared key, local cert, peer cert trusted, lowest cost, allow NULL -> expected
        [InlineData(All, true, true, true, true, true, MikeyMode.Psk)]                 // a shared key wins
        [InlineData(All & ~MikeyMode.Psk, true, true, true, false, false, MikeyMode.EcdhSign)] // peer lacks PSK
        [InlineData(All, false, true, true, false, false, MikeyMode.EcdhSign)]          // both certified: forward secrecy
        [InlineData(All, false, true, true, true, false, MikeyMode.Ecmqv)]              // both certified, cheapest
        [InlineData(MikeyMode.Ecmqv | MikeyMode.Ecies, false, true, true, false, false, MikeyMode.Ecmqv)] // peer has no ECDH-SIGN
        [InlineData(MikeyMode.EcdhSign | MikeyMode.Ecies, false, true, true, true, false, MikeyMode.EcdhSign)] // peer has no ECMQV
        [InlineData(All, false, false, true, false, false, MikeyMode.Ecies)]            // only the responder is certified
        [InlineData(All, false, true, false, false, true, MikeyMode.Null)]              // nothing verifiable, NULL allowed
        [InlineData(All, false, true, false, false, false, MikeyMode.None)]             // nothing verifiable, NULL not allowed
        [InlineData(MikeyMode.Psk, false, true, true, false, true, MikeyMode.None)]     // no common mode
        [InlineData(MikeyMode.None, true, true, true, false, true, MikeyMode.None)]
        public void Chooses(MikeyMode peer, bool psk, bool localCert, bool peerCert, bool cheap, bool allowNull, MikeyMode expected)
        {
            Assert.Equal(expected, MikeyModeSelector.Select(peer, psk, localCert, peerCert, cheap, allowNull));
        }
    }
}
