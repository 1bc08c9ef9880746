using System;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Key slots grow with AddMasterKey (a context starts with room for one key, issue 10 §2 heap) up to
    /// <see cref="SrtpCryptoContext.MaxMasterKeys"/>, and every key stays selectable by its MKI (RFC 3711 §3.2.1).
    /// </summary>
    public class KeySlotTests
    {
        private const uint Ssrc = 0x0A0B0C0D;

        [Fact]
        public void EveryOfSixteenKeysIsSelectedByItsMkiAndASeventeenthIsRefused()
        {
            SrtpPolicy p = SrtpPolicy.AesCm128HmacSha1_80();
            p.MkiLength = 1;
            var tx = new SrtpCryptoContext(p, Ssrc, SrtpDirection.Outbound, TestKit.Host, SrtpMinimumPolicy.Strict);
            var rx = new SrtpCryptoContext(p, Ssrc, SrtpDirection.Inbound, TestKit.Host, SrtpMinimumPolicy.Strict);
            var rng = new Random(7);
            for (int i = 0; i < SrtpCryptoContext.MaxMasterKeys; i++)
            {
                byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14), mki = { (byte)(0x40 + i) };
                Assert.Equal(i, tx.AddMasterKey(key, 0, salt, 0, mki, 0));
                Assert.Equal(i, rx.AddMasterKey(key, 0, salt, 0, mki, 0));
            }

            Assert.Equal(SrtpCryptoContext.MaxMasterKeys, rx.MasterKeyCount);
            Assert.Throws<InvalidOperationException>(() => rx.AddMasterKey(new byte[16], 0, new byte[14], 0, new byte[] { 0x7F }, 0));

            // Sent under each key in turn (the MKI names it); the receiver finds each one, first and last slots included.
            for (int i = 0; i < SrtpCryptoContext.MaxMasterKeys; i++)
            {
                tx.ActiveMasterKey = i;
                byte[] b = new byte[256];
                int n = TestKit.BuildRtp(b, 0, 100 + i, Ssrc, 40, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(b, 0, ref n, b.Length));
                Assert.Equal(0x40 + i, b[n - 11]); // MKI precedes the 10-byte tag
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(b, 0, ref n));
                Assert.Equal(1UL, rx.GetSrtpPacketCount(i));
            }
        }
    }
}
