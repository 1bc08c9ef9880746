using nanoFramework.TestFramework;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Mikey.Session;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;

namespace NanoMikey.OnDevice
{
    /// <summary>SRTP and SRTCP with the keys of two bundles (tests/Mikey.Ecc.Tests/Media.cs on the device).</summary>
    internal static class Media
    {
        /// <summary>Both bundles hold the same sessions and keys; each session carries media both ways.</summary>
        public static void BothWays(CryptoSessionBundle a, CryptoSessionBundle b)
        {
            Assert.IsTrue(a.Count > 0, "no crypto session");
            Assert.AreEqual(a.Count, b.Count);
            for (int i = 0; i < a.Count; i++)
            {
                CryptoSession x = a.Get(i), y = b.Get(i);
                Assert.AreEqual(x.Ssrc, y.Ssrc);
                SrtpMasterKeyEntry kx = x.GetMasterKey(0), ky = y.GetMasterKey(0);
                Assert.IsTrue(kx.KeyLength == ky.KeyLength && Bytes.Equal(kx.Key, 0, ky.Key, 0, kx.KeyLength), "master keys differ");
                RoundTrip(x, y);
                RoundTrip(y, x);
            }
        }

        private static void RoundTrip(CryptoSession sender, CryptoSession receiver)
        {
            var tx = new SrtpCryptoContext(sender.Policy, sender.Ssrc, SrtpDirection.Outbound, new SoftwareAesFactory());
            var rx = new SrtpCryptoContext(receiver.Policy, receiver.Ssrc, SrtpDirection.Inbound, new SoftwareAesFactory());
            SrtpMasterKeyEntry ks = sender.GetMasterKey(0), kr = receiver.GetMasterKey(0);
            tx.AddMasterKey(ks.Key, 0, ks.Salt, 0, null, 0);
            rx.AddMasterKey(kr.Key, 0, kr.Salt, 0, null, 0);
            byte[] pkt = Packets.Rtp(sender.Ssrc, 1, 172, 200);
            int len = 172;
            Assert.IsTrue(tx.Protect(pkt, 0, ref len, pkt.Length) == SrtpStatus.Ok, "protect");
            Assert.AreNotEqual((byte)0x20, pkt[0x20], "payload not encrypted");
            Assert.IsTrue(rx.Unprotect(pkt, 0, ref len) == SrtpStatus.Ok, "unprotect");
            Assert.AreEqual(172, len);
            Assert.AreEqual((byte)0x20, pkt[0x20]);

            byte[] rtcp = Packets.Rtcp(sender.Ssrc, 28, 100);
            int rl = 28;
            Assert.IsTrue(tx.ProtectRtcp(rtcp, 0, ref rl, rtcp.Length) == SrtpStatus.Ok, "protect RTCP");
            Assert.IsTrue(rx.UnprotectRtcp(rtcp, 0, ref rl) == SrtpStatus.Ok, "unprotect RTCP");
            Assert.AreEqual(28, rl);
        }
    }
}
