using System.Reflection;
using NanoMikey.Ecc;
using static NanoMikey.Mikey.Ecc.Tests.EccFixtures;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>
    /// Issue 10 §2: a trust configuration that validates certificates (the intercom) holds no pinned-key holder (~0.3 KB of
    /// interpreter heap); <see cref="EccPeerTrust.PinPublicKey"/> makes it, and clearing the pins forgets the key.
    /// </summary>
    public class PeerTrustHeapTests
    {
        private static object? PinnedKey(EccPeerTrust t) =>
            typeof(EccPeerTrust).GetField("_pinnedKey", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(t);

        [Fact]
        public void PinnedKeyHolderIsMadeOnlyByPinning()
        {
            var t = new EccPeerTrust();
            Assert.Null(PinnedKey(t));
            byte[] alice = new byte[65];
            Key("alice").PublicKey.ExportUncompressed(alice, 0);
            t.PinPublicKey(Key("alice").PublicKey);
            var held = Assert.IsType<P256PublicKey>(PinnedKey(t));
            byte[] copy = new byte[65];
            held.ExportUncompressed(copy, 0);
            Assert.Equal(alice, copy);
            t.ClearPins();
            Assert.False(held.HasValue);
        }
    }
}
