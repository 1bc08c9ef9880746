using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Session;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>SRTP and SRTCP with the keys of two bundles: what one side protects, the other unprotects (both directions).</summary>
    internal static class Media
    {
        /// <summary>Both bundles hold the same sessions; each session carries media both ways.</summary>
        internal static void BothWays(CryptoSessionBundle a, CryptoSessionBundle b)
        {
            Assert.True(a.Count > 0);
            Assert.Equal(a.Count, b.Count);
            for (int i = 0; i < a.Count; i++)
            {
                CryptoSession x = a.Get(i), y = b.Get(i);
                Assert.Equal(x.Ssrc, y.Ssrc);
                Assert.Equal(x.Policy.SessionEncryptionKeyLength, y.Policy.SessionEncryptionKeyLength);
                RoundTrip(x, y);
                RoundTrip(y, x);
            }
        }

        private static void RoundTrip(CryptoSession sender, CryptoSession receiver)
        {
            var tx = new SrtpCryptoContext(sender.Policy, sender.Ssrc, SrtpDirection.Outbound, new HostAesEngineFactory());
            var rx = new SrtpCryptoContext(receiver.Policy, receiver.Ssrc, SrtpDirection.Inbound, new HostAesEngineFactory());
            SrtpMasterKeyEntry ks = sender.GetMasterKey(0), kr = receiver.GetMasterKey(0);
            tx.AddMasterKey(ks.Key, 0, ks.Salt, 0, null, 0);
            rx.AddMasterKey(kr.Key, 0, kr.Salt, 0, null, 0);
            byte[] pkt = new byte[200];
            pkt[0] = 0x80;
            pkt[3] = 1;
            for (int i = 0; i < 4; i++) pkt[11 - i] = (byte)(sender.Ssrc >> (8 * i));
            for (int i = 12; i < 172; i++) pkt[i] = (byte)i;
            int len = 172;
            Assert.Equal(SrtpStatus.Ok, tx.Protect(pkt, 0, ref len, pkt.Length));
            Assert.NotEqual(0x20, pkt[0x20]);
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(pkt, 0, ref len));
            Assert.Equal(172, len);
            Assert.Equal(0x20, pkt[0x20]);

            byte[] rtcp = new byte[100];
            rtcp[0] = 0x80; rtcp[1] = 200; rtcp[3] = 6;
            rtcp[4] = pkt[8]; rtcp[5] = pkt[9]; rtcp[6] = pkt[10]; rtcp[7] = pkt[11];
            int rl = 28;
            Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(rtcp, 0, ref rl, rtcp.Length));
            Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(rtcp, 0, ref rl));
            Assert.Equal(28, rl);
        }
    }
}
