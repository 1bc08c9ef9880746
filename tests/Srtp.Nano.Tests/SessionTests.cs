using System;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    public class SessionTests
    {
        [Fact]
        public void Streams_LearnedOnlyFromAuthenticPackets()
        {
            var rng = new Random(11);
            var p = SrtpPolicy.AesCm128HmacSha1_80();
            p.MkiLength = 1;
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = new SrtpSession(p, SrtpDirection.Outbound, Host, 5);
            var rx = new SrtpSession(p, SrtpDirection.Inbound, Host, 4);
            tx.AddMasterKey(key, 0, salt, 0, new byte[] { 7 }, 0);
            rx.AddMasterKey(key, 0, salt, 0, new byte[] { 7 }, 0);
            byte[] buf = new byte[256];
            for (int i = 0; i < 30; i++)
            {
                uint ssrc = 100 + (uint)(i % 3);
                int len = BuildRtp(buf, 0, i, ssrc, 40, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                if (i % 5 == 0)
                {
                    byte[] forged = (byte[])buf.Clone();
                    forged[11] ^= 0x55; // unknown SSRC
                    int fl = len;
                    Assert.Equal(SrtpStatus.AuthFailure, rx.Unprotect(forged, 0, ref fl));
                }
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref len));
                int rl = BuildRtcp(buf, 0, ssrc, 32, rng);
                Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref rl, buf.Length));
                Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(buf, 0, ref rl));
            }
            Assert.Equal(3, rx.StreamCount);
            Assert.Equal(3, tx.StreamCount);
            Assert.NotNull(rx.GetStream(101));
            Assert.Null(rx.GetStream(101 ^ 0x55));
            int l4 = BuildRtp(buf, 0, 1, 999, 40, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref l4, buf.Length));
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref l4));
            int l5 = BuildRtp(buf, 0, 1, 1000, 40, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref l5, buf.Length));
            Assert.Equal(SrtpStatus.NoContext, rx.Unprotect(buf, 0, ref l5));
            Assert.Equal(4, rx.StreamCount);
        }

        [Fact]
        public void AddStream_SignalledRocAndSrtcpIndexApplyFromTheFirstPacket()
        {
            // A stream joined mid-way: MIKEY's CS ID map says ROC 5 (RFC 3830 §6.1.1). Declared first, the receiver
            // unprotects the first packet; adopted lazily, it would assume ROC 0 and fail.
            var rng = new Random(12);
            var p = SrtpPolicy.AesCm128HmacSha1_80();
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = new SrtpSession(p, SrtpDirection.Outbound, Host, 2);
            tx.AddMasterKey(key, 0, salt, 0, null, 0);
            tx.AddStream(0xABCD, 5, 1000);
            var declared = new SrtpSession(p, SrtpDirection.Inbound, Host, 2);
            declared.AddMasterKey(key, 0, salt, 0, null, 0);
            declared.AddStream(0xABCD, 5, 0);
            var lazy = new SrtpSession(p, SrtpDirection.Inbound, Host, 2);
            lazy.AddMasterKey(key, 0, salt, 0, null, 0);

            byte[] buf = new byte[256];
            int len = BuildRtp(buf, 0, 0x0010, 0xABCD, 40, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
            Assert.Equal(5u, tx.GetStream(0xABCD)!.RolloverCounter);
            byte[] copy = (byte[])buf.Clone();
            int copyLen = len;
            Assert.Equal(SrtpStatus.Ok, declared.Unprotect(buf, 0, ref len));
            Assert.Equal(SrtpStatus.AuthFailure, lazy.Unprotect(copy, 0, ref copyLen));
            Assert.Equal(0, lazy.StreamCount);

            // SRTCP continues from the signalled index.
            int rl = BuildRtcp(buf, 0, 0xABCD, 32, rng);
            Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref rl, buf.Length));
            Assert.Equal(1000u, (uint)(((buf[rl - 14] & 0x7F) << 24) | (buf[rl - 13] << 16) | (buf[rl - 12] << 8) | buf[rl - 11]));
            Assert.Equal(SrtpStatus.Ok, declared.UnprotectRtcp(buf, 0, ref rl));

            Assert.Throws<InvalidOperationException>(() => declared.AddStream(0xABCD, 0, 0));
            declared.AddStream(1, 0, 0);
            Assert.Throws<InvalidOperationException>(() => declared.AddStream(2, 0, 0));
        }
    }
}
