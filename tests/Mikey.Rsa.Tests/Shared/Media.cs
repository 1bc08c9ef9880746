using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Session;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>SRTP and SRTCP with the keys of the two sides of an exchange: each protects, the other unprotects, both ways.</summary>
    internal static class Media
    {
        internal static void BothWays(CryptoSessionBundle initiator, CryptoSessionBundle responder)
        {
            Assert.True(initiator.Count > 0);
            Assert.Equal(initiator.Count, responder.Count);
            for (int i = 0; i < initiator.Count; i++)
            {
                CryptoSession a = initiator.Get(i), b = responder.Get(i);
                Assert.Equal(a.Ssrc, b.Ssrc);
                Flow(a, b);
                Flow(b, a);
            }
        }

        private static void Flow(CryptoSession from, CryptoSession to)
        {
            var aes = new HostAesEngineFactory();
            var tx = new SrtpCryptoContext(from.Policy, from.Ssrc, SrtpDirection.Outbound, aes);
            var rx = new SrtpCryptoContext(to.Policy, to.Ssrc, SrtpDirection.Inbound, aes);
            SrtpMasterKeyEntry kt = from.GetMasterKey(0), kr = to.GetMasterKey(0);
            tx.AddMasterKey(kt.Key, 0, kt.Salt, 0, null, 0);
            rx.AddMasterKey(kr.Key, 0, kr.Salt, 0, null, 0);

            // RTP: V=2, PT 0, sequence 7, the sender's SSRC, 160 bytes of counting payload.
            byte[] rtp = new byte[200];
            rtp[0] = 0x80;
            rtp[3] = 7;
            for (int k = 0; k < 4; k++) rtp[8 + k] = (byte)(from.Ssrc >> (24 - 8 * k));
            for (int k = 12; k < 172; k++) rtp[k] = (byte)k;
            int len = 172;
            Assert.Equal(SrtpStatus.Ok, tx.Protect(rtp, 0, ref len, rtp.Length));
            Assert.NotEqual(40, rtp[40]);
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(rtp, 0, ref len));
            Assert.Equal(172, len);
            for (int k = 12; k < 172; k++) Assert.Equal((byte)k, rtp[k]);

            // SRTCP: an empty sender report.
            byte[] rtcp = new byte[100];
            rtcp[0] = 0x80;
            rtcp[1] = 200;
            rtcp[3] = 6;
            Array.Copy(rtp, 8, rtcp, 4, 4);
            int rl = 28;
            Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(rtcp, 0, ref rl, rtcp.Length));
            Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(rtcp, 0, ref rl));
            Assert.Equal(28, rl);
        }
    }
}
