using System;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>
    /// Issue 10 §2 (heap): with KDR 0 a context derives its SRTCP session keys (an AES engine and an HMAC) on the first RTCP
    /// packet, not when the master key is added: a sensor that only sends RTP never holds them. The keys are the same either way; AllocationTests
    /// checks that RTCP allocates nothing after warm-up.
    /// </summary>
    public class SrtcpKeysOnFirstUseTests
    {
        [Fact]
        public void SrtcpKeysAreDerivedOnFirstRtcpUseOnly()
        {
            SrtpPolicy p = SrtpPolicy.AesCm128HmacSha1_80();
            var rng = new Random(7);
            byte[] key = Random(rng, p.MasterKeyLength), salt = Random(rng, p.MasterSaltLength);
            var txEngines = new RecordingAesFactory();
            var rxEngines = new RecordingAesFactory();
            var tx = NewContext(p, 0x01020304, SrtpDirection.Outbound, key, salt, null, txEngines);
            var rx = NewContext(p, 0x01020304, SrtpDirection.Inbound, key, salt, null, rxEngines);
            // The KDF's master key and the SRTP session key: no SRTCP engine yet.
            Assert.Equal(2, txEngines.KeyLoads);
            byte[] buf = new byte[256];
            for (int seq = 0; seq < 3; seq++)
            {
                int len = BuildRtp(buf, 0, seq, 0x01020304, 160, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref len));
            }

            Assert.Equal(2, txEngines.KeyLoads);
            Assert.Equal(2, rxEngines.KeyLoads);
            for (int i = 0; i < 3; i++)
            {
                int len = BuildRtcp(buf, 0, 0x01020304, 28, rng);
                byte[] sent = buf.AsSpan(0, len).ToArray();
                Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref len, buf.Length));
                Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(buf, 0, ref len));
                Assert.Equal(sent, buf.AsSpan(0, len).ToArray());
                // First RTCP packet: the KDF again (master key) and the SRTCP session key, once per side.
                Assert.Equal(4, txEngines.KeyLoads);
                Assert.Equal(4, rxEngines.KeyLoads);
            }
        }
    }
}
