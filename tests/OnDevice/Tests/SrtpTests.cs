using nanoFramework.TestFramework;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// SRTP and SRTCP on the interpreter for every transform: round trip, every single-byte tamper rejected with the packet and
    /// the receiver's state unchanged (the next genuine packet still passes), replays refused (RFC 3711 §3.3.2).
    /// </summary>
    [TestClass]
    public class SrtpTests
    {
        private const uint Ssrc = 0x11223344;

        private static SrtpPolicy Make(int which)
        {
            switch (which)
            {
                case 0: return SrtpPolicy.AesCm128HmacSha1_80();
                case 1: return SrtpPolicy.AesCm128HmacSha1_32();
                case 2: return SrtpPolicy.NullHmacSha1_80();
                case 3: return SrtpPolicy.AeadAes128Gcm();
                default: return SrtpPolicy.AesCm256HmacSha1_80();
            }
        }

        private static SrtpCryptoContext Context(SrtpPolicy p, SrtpDirection d)
        {
            var c = new SrtpCryptoContext(p, Ssrc, d, new SoftwareAesFactory());
            byte[] key = new byte[p.MasterKeyLength], salt = new byte[p.MasterSaltLength];
            for (int i = 0; i < key.Length; i++) key[i] = (byte)(0x40 + i);
            for (int i = 0; i < salt.Length; i++) salt[i] = (byte)(0x90 + i);
            c.AddMasterKey(key, 0, salt, 0, null, 0);
            return c;
        }

        private static void TamperAndReplay(int which)
        {
            SrtpPolicy p = Make(which);
            SrtpCryptoContext tx = Context(p, SrtpDirection.Outbound), rx = Context(p, SrtpDirection.Inbound);
            var buf = new byte[256];
            var good = new byte[256];
            var work = new byte[256];
            int seq = 100;

            Packets.Fill(buf, Ssrc, seq, 60);
            int len = 60;
            Assert.IsTrue(tx.Protect(buf, 0, ref len, buf.Length) == SrtpStatus.Ok, "protect");
            System.Array.Copy(buf, good, len);
            ulong highest = rx.HighestIndex;
            for (int i = 0; i < len; i++)
            {
                System.Array.Copy(good, work, len);
                work[i] ^= 0x01;
                int l = len;
                Assert.IsTrue(rx.Unprotect(work, 0, ref l) != SrtpStatus.Ok, "byte " + i.ToString() + " tampered and accepted");
                Assert.AreEqual(len, l, "length changed on failure");
                work[i] ^= 0x01;
                Assert.IsTrue(Bytes.Equal(good, 0, work, 0, len), "rejected packet modified");
                Assert.AreEqual(highest, rx.HighestIndex, "replay state moved on failure");
            }

            // The genuine packet still passes, then its replay is refused.
            int gl = len;
            Assert.IsTrue(rx.Unprotect(buf, 0, ref gl) == SrtpStatus.Ok, "genuine packet after tampering");
            Assert.AreEqual(60, gl);
            Bytes.AssertEqual(Packets.Rtp(Ssrc, seq, 60, 60), buf, 0, 60, "plaintext");
            System.Array.Copy(good, buf, len);
            gl = len;
            Assert.IsTrue(rx.Unprotect(buf, 0, ref gl) == SrtpStatus.ReplayDuplicate, "replayed packet");

            // A packet older than the replay window is refused as old.
            var old = new byte[256];
            Packets.Fill(old, Ssrc, seq - 1, 60);
            int ol = 60;
            Assert.IsTrue(tx.Protect(old, 0, ref ol, old.Length) == SrtpStatus.Ok, "protect old");
            for (int s = seq + 1; s < seq + 1 + p.ReplayWindowSize + 1; s++)
            {
                Packets.Fill(buf, Ssrc, s, 40);
                int l = 40;
                Assert.IsTrue(tx.Protect(buf, 0, ref l, buf.Length) == SrtpStatus.Ok, "protect " + s.ToString());
                Assert.IsTrue(rx.Unprotect(buf, 0, ref l) == SrtpStatus.Ok, "unprotect " + s.ToString());
            }
            Assert.IsTrue(rx.Unprotect(old, 0, ref ol) == SrtpStatus.ReplayOld, "packet behind the window");

            // SRTCP: round trip, tamper, replay.
            byte[] rtcp = Packets.Rtcp(Ssrc, 28, 100);
            int rl = 28;
            Assert.IsTrue(tx.ProtectRtcp(rtcp, 0, ref rl, rtcp.Length) == SrtpStatus.Ok, "protect RTCP");
            var rgood = new byte[100];
            System.Array.Copy(rtcp, rgood, rl);
            for (int i = 0; i < rl; i++)
            {
                System.Array.Copy(rgood, work, rl);
                work[i] ^= 0x80;
                int l = rl;
                Assert.IsTrue(rx.UnprotectRtcp(work, 0, ref l) != SrtpStatus.Ok, "RTCP byte " + i.ToString() + " tampered and accepted");
            }
            int rl2 = rl;
            Assert.IsTrue(rx.UnprotectRtcp(rtcp, 0, ref rl2) == SrtpStatus.Ok, "genuine RTCP");
            Assert.AreEqual(28, rl2);
            System.Array.Copy(rgood, rtcp, rl);
            rl2 = rl;
            Assert.IsTrue(rx.UnprotectRtcp(rtcp, 0, ref rl2) == SrtpStatus.ReplayDuplicate, "replayed RTCP");
        }

        [TestMethod]
        public void AesCm128HmacSha1_80_TamperAndReplay() => TamperAndReplay(0);

        [TestMethod]
        public void AesCm128HmacSha1_32_TamperAndReplay() => TamperAndReplay(1);

        [TestMethod]
        public void NullHmacSha1_80_TamperAndReplay() => TamperAndReplay(2);

        [TestMethod]
        public void AeadAes128Gcm_TamperAndReplay() => TamperAndReplay(3);

        [TestMethod]
        public void AesCm256HmacSha1_80_TamperAndReplay() => TamperAndReplay(4);
    }
}
