using System;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Srtp.Tests.TestKit;

namespace NanoMikey.Srtp.Tests
{
    /// <summary>Every single-bit flip in header, payload, MKI and tag is rejected and leaves the receiver's state as it was.</summary>
    public class TamperTests
    {
        public static TheoryData<string> Policies => new TheoryData<string> { "cm80", "cm32", "gcm128", "gcm256", "null80" };

        private static SrtpPolicy Make(string name)
        {
            SrtpPolicy p = name switch
            {
                "cm80" => SrtpPolicy.AesCm128HmacSha1_80(),
                "cm32" => SrtpPolicy.AesCm128HmacSha1_32(),
                "gcm128" => SrtpPolicy.AeadAes128Gcm(),
                "gcm256" => SrtpPolicy.AeadAes256Gcm(),
                _ => SrtpPolicy.NullHmacSha1_80(),
            };
            p.MkiLength = 4;
            return p;
        }

        [Theory]
        [MemberData(nameof(Policies))]
        public void Srtp_EveryBitFlipRejected_StateUnchanged(string name)
        {
            var rng = new Random(name.Length * 101);
            var policy = Make(name);
            byte[] key = TestKit.Random(rng, policy.MasterKeyLength), salt = TestKit.Random(rng, policy.MasterSaltLength);
            byte[] mki = { 9, 8, 7, 6 };
            var tx = NewContext(policy, 0x11223344, SrtpDirection.Outbound, key, salt, mki);
            var rx = NewContext(policy, 0x11223344, SrtpDirection.Inbound, key, salt, mki);
            tx.SetRolloverCounter(0x1234);
            rx.SetRolloverCounter(0x1234);
            byte[] buf = new byte[256];
            // Establish state with a first packet near a wrap, then tamper with the next one (which crosses the wrap).
            int l0 = BuildRtp(buf, 0, 65535, 0x11223344, 20, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref l0, buf.Length));
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref l0));
            int len = BuildRtp(buf, 0, 2, 0x11223344, 24, rng, csrcs: 1, extWords: 1);
            int plainLen = len;
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
            byte[] good = buf.AsSpan(0, len).ToArray();
            uint roc = rx.RolloverCounter;
            ulong highest = rx.HighestIndex;
            byte[] work = new byte[256];
            for (int bit = 0; bit < len * 8; bit++)
            {
                Array.Copy(good, work, len);
                work[bit >> 3] ^= (byte)(1 << (bit & 7));
                byte[] tampered = work.AsSpan(0, len).ToArray();
                int l = len;
                SrtpStatus s = rx.Unprotect(work, 0, ref l);
                Assert.True(s != SrtpStatus.Ok, "bit " + bit + " accepted");
                Assert.True(tampered.AsSpan().SequenceEqual(work.AsSpan(0, len)), "rejected packet was modified");
                Assert.Equal(len, l);
                Assert.Equal(roc, rx.RolloverCounter);
                Assert.Equal(highest, rx.HighestIndex);
            }
            // Truncations are rejected too.
            for (int cut = 0; cut < len; cut++)
            {
                Array.Copy(good, work, len);
                int l = cut;
                Assert.NotEqual(SrtpStatus.Ok, rx.Unprotect(work, 0, ref l));
            }
            Array.Copy(good, work, len);
            int gl = len;
            Assert.Equal(SrtpStatus.Ok, rx.Unprotect(work, 0, ref gl));
            Assert.Equal(plainLen, gl);
            Assert.Equal(roc + 1, rx.RolloverCounter);
            Array.Copy(good, work, len);
            gl = len;
            Assert.Equal(SrtpStatus.ReplayDuplicate, rx.Unprotect(work, 0, ref gl));
        }

        [Theory]
        [MemberData(nameof(Policies))]
        public void Srtcp_EveryBitFlipRejected_StateUnchanged(string name)
        {
            var rng = new Random(name.Length * 7);
            var policy = Make(name);
            byte[] key = TestKit.Random(rng, policy.MasterKeyLength), salt = TestKit.Random(rng, policy.MasterSaltLength);
            byte[] mki = { 1, 2, 3, 4 };
            var tx = NewContext(policy, 77, SrtpDirection.Outbound, key, salt, mki);
            var rx = NewContext(policy, 77, SrtpDirection.Inbound, key, salt, mki);
            byte[] buf = new byte[256];
            int len = BuildRtcp(buf, 0, 77, 40, rng);
            Assert.Equal(SrtpStatus.Ok, tx.ProtectRtcp(buf, 0, ref len, buf.Length));
            byte[] good = buf.AsSpan(0, len).ToArray();
            byte[] work = new byte[256];
            for (int bit = 0; bit < len * 8; bit++)
            {
                Array.Copy(good, work, len);
                work[bit >> 3] ^= (byte)(1 << (bit & 7));
                int l = len;
                Assert.True(rx.UnprotectRtcp(work, 0, ref l) != SrtpStatus.Ok, "bit " + bit + " accepted");
            }
            Array.Copy(good, work, len);
            int gl = len;
            Assert.Equal(SrtpStatus.Ok, rx.UnprotectRtcp(work, 0, ref gl));
            Assert.Equal(40, gl);
            Array.Copy(good, work, len);
            gl = len;
            Assert.Equal(SrtpStatus.ReplayDuplicate, rx.UnprotectRtcp(work, 0, ref gl));
        }

        [Fact]
        public void UnknownMki_IsBadMki()
        {
            var rng = new Random(4);
            var policy = Make("cm80");
            byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
            var tx = NewContext(policy, 5, SrtpDirection.Outbound, key, salt, new byte[] { 1, 1, 1, 1 });
            var rx = NewContext(policy, 5, SrtpDirection.Inbound, key, salt, new byte[] { 2, 2, 2, 2 });
            byte[] buf = new byte[128];
            int len = BuildRtp(buf, 0, 1, 5, 10, rng);
            Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
            Assert.Equal(SrtpStatus.BadMki, rx.Unprotect(buf, 0, ref len));
        }

        [Fact]
        public void SeveralMasterKeys_SelectedByMki()
        {
            var rng = new Random(44);
            var policy = Make("cm80");
            var tx = new SrtpCryptoContext(policy, 5, SrtpDirection.Outbound, Host);
            var rx = new SrtpCryptoContext(policy, 5, SrtpDirection.Inbound, Host);
            for (int k = 0; k < 5; k++)
            {
                byte[] key = TestKit.Random(rng, 16), salt = TestKit.Random(rng, 14);
                byte[] mki = { 0, 0, 0, (byte)k };
                tx.AddMasterKey(key, 0, salt, 0, mki, 0);
                rx.AddMasterKey(key, 0, salt, 0, mki, 0);
            }
            byte[] buf = new byte[128];
            for (int i = 0; i < 100; i++)
            {
                tx.ActiveMasterKey = rng.Next(5);
                int len = BuildRtp(buf, 0, i, 5, 10, rng);
                Assert.Equal(SrtpStatus.Ok, tx.Protect(buf, 0, ref len, buf.Length));
                Assert.Equal(tx.ActiveMasterKey, buf[len - 11]);
                Assert.Equal(SrtpStatus.Ok, rx.Unprotect(buf, 0, ref len));
            }
            ulong total = 0;
            for (int k = 0; k < 5; k++) total += rx.GetSrtpPacketCount(k);
            Assert.Equal(100UL, total);
        }
    }
}
