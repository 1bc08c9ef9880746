using System;
using nanoFramework.TestFramework;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Esp32.Native.Selection;
using NanoMikey.Esp32.Native.Srtp;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// SRTP and SRTCP through the native crypto pack on the interpreter (issue 15): the start-up selection finds the pack, the
    /// pack reproduces RFC 3711 B.2 and RFC 7714 §16, and every transform gives byte for byte the managed path's packets, with
    /// the managed path's statuses for tampered and replayed packets and the receiver's state unchanged.
    /// </summary>
    [TestClass]
    public class NativeSrtpTests
    {
        private const uint Ssrc = 0x5501A0B2;
        private static readonly SrtpMinimumPolicy Permissive = new SrtpMinimumPolicy(true, true, true);

        private static SrtpPolicy Make(int which)
        {
            SrtpPolicy p;
            switch (which)
            {
                case 0: return SrtpPolicy.AesCm128HmacSha1_80();
                case 1: return SrtpPolicy.AesCm128HmacSha1_32();
                case 2: return SrtpPolicy.NullHmacSha1_80();
                case 3: return SrtpPolicy.AeadAes128Gcm();
                case 4: return SrtpPolicy.AeadAes256Gcm();
                case 5: return SrtpPolicy.AesCm256HmacSha1_80();
                case 6: return SrtpPolicy.AesCm192HmacSha1_80();
                case 7:
                    p = SrtpPolicy.AesCm128HmacSha1_80(); // SRTP authenticated but not encrypted, SRTCP encrypted
                    p.SrtpEncryption = false;
                    return p;
                case 8:
                    p = SrtpPolicy.AesCm128HmacSha1_80(); // MKI and a key derivation rate (RFC 3711 §4.3.1)
                    p.MkiLength = 2;
                    p.KeyDerivationRate = 1u << 16;
                    return p;
                default:
                    p = SrtpPolicy.AeadAes128Gcm(); // SRTCP unencrypted (RFC 7714 §9.3)
                    p.SrtcpEncryption = false;
                    return p;
            }
        }

        private static SrtpCryptoContext Context(SrtpPolicy p, SrtpDirection d, IAesEngineFactory f)
        {
            var c = new SrtpCryptoContext(p, Ssrc, d, f, Permissive);
            byte[] key = new byte[p.MasterKeyLength], salt = new byte[p.MasterSaltLength];
            for (int i = 0; i < key.Length; i++) key[i] = (byte)(0x31 + 3 * i);
            for (int i = 0; i < salt.Length; i++) salt[i] = (byte)(0xA7 ^ i);
            c.AddMasterKey(key, 0, salt, 0, p.MkiLength > 0 ? new byte[] { 0x12, 0x34 } : null, 0);
            return c;
        }

        internal static byte[] Hex(string s)
        {
            var b = new byte[s.Length / 2];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)(Nibble(s[2 * i]) << 4 | Nibble(s[2 * i + 1]));
            return b;
        }

        private static int Nibble(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        [TestMethod]
        public void Selection_FindsThePackOfThisBuild()
        {
            NativeCryptoSelection s = NativeCryptoSelection.Select(new SoftwareAesFactory());
            Assert.IsTrue(s.Outcome == NativeCryptoOutcome.Native, "outcome: " + s.Reason);
            Assert.IsTrue(s.IsNative);
            Assert.IsNull(s.Reason);
            Assert.IsTrue(s.Aes is NativeAesEngineFactory, "native factory");
            Assert.IsTrue(s.ImagePack.IndexOf(NativeCryptoSelection.RequiredAssembly) == 0, "image pack: " + s.ImagePack);
            Console.WriteLine("native pack: " + s.ImagePack);
        }

        // RFC 3711 Appendix B.2: AES-CM keystream blocks 0-2 (session key 2B7E..., IV F0F1...FD0000) through one packet call.
        [TestMethod]
        public void Rfc3711_B2_KeystreamThroughThePack()
        {
            var f = new NativeAesEngineFactory();
            var e = f.CreatePacketEngine(16, 0, false);
            byte[] key = Hex("2B7E151628AED2A6ABF7158809CF4F3C"), iv = Hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
            e.SetKey(key, 0, 16);
            byte[] ks = new byte[52];
            e.Protect(iv, 0, ks, 2, 48, 0, 0, false, 0, 0, 0);
            Bytes.AssertEqual(Hex("E03EAD0935C95E80E166B16DD92B4EB4D23513162B02D0F72A43A2FE4A5F97AB41E95B3BB0A2E8DD477901E4FCA894C0"), ks, 2, 48, "B.2 keystream");
            Assert.IsTrue(ks[0] == 0 && ks[1] == 0 && ks[50] == 0 && ks[51] == 0, "neighbours untouched");
            e.ClearKey();
        }

        // RFC 7714 §16.1.1 (AEAD_AES_128_GCM) and §16.2.1 (AEAD_AES_256_GCM): AAD = the 12-byte RTP header.
        [TestMethod]
        public void Rfc7714_16_GcmThroughThePack()
        {
            Rfc7714("000102030405060708090a0b0c0d0e0f",
                "8040f17b8041f8d35501a0b2f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833899d7f27beb16a9152cf765ee4390cce");
            Rfc7714("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                "8040f17b8041f8d35501a0b232b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3b50b2a0276ffae0f1ba63799b87b7aa3db36dfffd6b0f9bb7878d7a76c13");
        }

        private static void Rfc7714(string key, string expected)
        {
            byte[] k = Hex(key), plain = Hex("8040f17b8041f8d35501a0b247616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573");
            byte[] iv = Hex("51753c6580c2726f20718414"); // RFC 7714 §16.1: salt XOR (SSRC, ROC 0, SEQ 0xf17b)
            byte[] pkt = new byte[96];
            Array.Copy(plain, pkt, plain.Length);
            var e = new NativeAesEngineFactory().CreatePacketEngine(k.Length, 0, true);
            e.SetKey(k, 0, k.Length);
            e.Seal(iv, 0, 12, pkt, 0, 12, pkt, 12, plain.Length - 12, pkt, plain.Length, 16);
            Bytes.AssertEqual(Hex(expected), pkt, 0, plain.Length + 16, "RFC 7714 §16 AES-" + (k.Length * 8).ToString());
            pkt[plain.Length + 15] ^= 1;
            Assert.IsFalse(e.Open(iv, 0, 12, pkt, 0, 12, pkt, 12, plain.Length - 12, pkt, plain.Length, 16), "tampered tag accepted");
            Bytes.AssertEqual(Hex(expected), pkt, 0, plain.Length - 1, "ciphertext changed by a failed open");
            pkt[plain.Length + 15] ^= 1;
            Assert.IsTrue(e.Open(iv, 0, 12, pkt, 0, 12, pkt, 12, plain.Length - 12, pkt, plain.Length, 16), "open");
            Bytes.AssertEqual(plain, pkt, 0, plain.Length, "RFC 7714 §16 plaintext");
            e.ClearKey();
        }

        // Managed and native contexts with the same keys: RTP of several sizes and SRTCP, byte for byte; the native receiver
        // turns them back. 14 packets a transform.
        private static void SameAsManaged(int which)
        {
            SrtpPolicy p = Make(which);
            IAesEngineFactory managed = new SoftwareAesFactory(), native = new NativeAesEngineFactory();
            SrtpCryptoContext mtx = Context(p, SrtpDirection.Outbound, managed), ntx = Context(p, SrtpDirection.Outbound, native);
            SrtpCryptoContext nrx = Context(p, SrtpDirection.Inbound, native);
            int[] sizes = { 172, 12, 13, 28, 29, 44, 300, 1012 };
            byte[] a = new byte[1100], b = new byte[1100];
            for (int i = 0; i < 14; i++)
            {
                bool rtcp = i % 4 == 3;
                int len = rtcp ? 8 + 4 * i : sizes[i % sizes.Length];
                if (rtcp) { Packets.FillRtcp(a, Ssrc, len); Packets.FillRtcp(b, Ssrc, len); }
                else { Packets.Fill(a, Ssrc, 0xFFF0 + i, len); Packets.Fill(b, Ssrc, 0xFFF0 + i, len); }
                int la = len, lb = len;
                SrtpStatus sa = rtcp ? mtx.ProtectRtcp(a, 0, ref la, a.Length) : mtx.Protect(a, 0, ref la, a.Length);
                SrtpStatus sb = rtcp ? ntx.ProtectRtcp(b, 0, ref lb, b.Length) : ntx.Protect(b, 0, ref lb, b.Length);
                string what = "transform " + which.ToString() + " packet " + i.ToString();
                Assert.IsTrue(sa == SrtpStatus.Ok && sb == SrtpStatus.Ok, what + ": protect");
                Assert.AreEqual(la, lb, what + ": length");
                Bytes.AssertEqual(Copy(a, la), b, 0, lb, what + ": native packet");
                sb = rtcp ? nrx.UnprotectRtcp(b, 0, ref lb) : nrx.Unprotect(b, 0, ref lb);
                Assert.IsTrue(sb == SrtpStatus.Ok, what + ": unprotect " + ((int)sb).ToString());
                Assert.AreEqual(len, lb, what + ": plain length");
                if (rtcp) Packets.FillRtcp(a, Ssrc, len); else Packets.Fill(a, Ssrc, 0xFFF0 + i, len);
                Bytes.AssertEqual(Copy(a, len), b, 0, lb, what + ": plaintext");
            }
            mtx.Clear();
            ntx.Clear();
            nrx.Clear();
        }

        private static byte[] Copy(byte[] b, int length)
        {
            var c = new byte[length];
            Array.Copy(b, c, length);
            return c;
        }

        [TestMethod] public void SameAsManaged_AesCm128HmacSha1_80() => SameAsManaged(0);
        [TestMethod] public void SameAsManaged_AesCm128HmacSha1_32() => SameAsManaged(1);
        [TestMethod] public void SameAsManaged_NullHmacSha1_80() => SameAsManaged(2);
        [TestMethod] public void SameAsManaged_AeadAes128Gcm() => SameAsManaged(3);
        [TestMethod] public void SameAsManaged_AeadAes256Gcm() => SameAsManaged(4);
        [TestMethod] public void SameAsManaged_AesCm256HmacSha1_80() => SameAsManaged(5);
        [TestMethod] public void SameAsManaged_AesCm192HmacSha1_80() => SameAsManaged(6);
        [TestMethod] public void SameAsManaged_SrtpUnencrypted() => SameAsManaged(7);
        [TestMethod] public void SameAsManaged_MkiAndKeyDerivationRate() => SameAsManaged(8);
        [TestMethod] public void SameAsManaged_GcmSrtcpUnencrypted() => SameAsManaged(9);

        // Every byte of a protected packet flipped: the native receiver answers what the managed one answers, leaves the packet
        // and its replay state as they were; the genuine packet then passes and its replay is refused (RFC 3711 §3.3.2).
        private static void TamperAndReplay(int which)
        {
            SrtpPolicy p = Make(which);
            IAesEngineFactory managed = new SoftwareAesFactory(), native = new NativeAesEngineFactory();
            SrtpCryptoContext tx = Context(p, SrtpDirection.Outbound, native);
            SrtpCryptoContext mrx = Context(p, SrtpDirection.Inbound, managed), nrx = Context(p, SrtpDirection.Inbound, native);
            for (int round = 0; round < 2; round++)
            {
                bool rtcp = round == 1;
                byte[] pkt = new byte[128];
                int len = 60;
                if (rtcp) Packets.FillRtcp(pkt, Ssrc, 28); else Packets.Fill(pkt, Ssrc, 7, len);
                if (rtcp) len = 28;
                Assert.IsTrue((rtcp ? tx.ProtectRtcp(pkt, 0, ref len, pkt.Length) : tx.Protect(pkt, 0, ref len, pkt.Length)) == SrtpStatus.Ok, "protect");
                byte[] a = new byte[len], b = new byte[len];
                ulong highest = nrx.HighestIndex;
                for (int i = 0; i < len; i++)
                {
                    Array.Copy(pkt, a, len);
                    Array.Copy(pkt, b, len);
                    a[i] ^= 0x01;
                    b[i] ^= 0x01;
                    int la = len, lb = len;
                    SrtpStatus sa = rtcp ? mrx.UnprotectRtcp(a, 0, ref la) : mrx.Unprotect(a, 0, ref la);
                    SrtpStatus sb = rtcp ? nrx.UnprotectRtcp(b, 0, ref lb) : nrx.Unprotect(b, 0, ref lb);
                    string what = (rtcp ? "SRTCP" : "SRTP") + " byte " + i.ToString();
                    Assert.IsTrue(sb != SrtpStatus.Ok, what + " tampered and accepted");
                    Assert.IsTrue(sa == sb, what + ": managed " + ((int)sa).ToString() + ", native " + ((int)sb).ToString());
                    Assert.AreEqual(len, lb, what + ": length changed");
                    b[i] ^= 0x01;
                    Assert.IsTrue(Bytes.Equal(pkt, 0, b, 0, len), what + ": rejected packet modified");
                    Assert.AreEqual(highest, nrx.HighestIndex, what + ": replay state moved");
                }
                Array.Copy(pkt, b, len);
                int gl = len;
                Assert.IsTrue((rtcp ? nrx.UnprotectRtcp(b, 0, ref gl) : nrx.Unprotect(b, 0, ref gl)) == SrtpStatus.Ok, "genuine packet");
                Array.Copy(pkt, b, len);
                gl = len;
                Assert.IsTrue((rtcp ? nrx.UnprotectRtcp(b, 0, ref gl) : nrx.Unprotect(b, 0, ref gl)) == SrtpStatus.ReplayDuplicate, "replay");
                Array.Copy(pkt, a, len);
                gl = len;
                Assert.IsTrue((rtcp ? mrx.UnprotectRtcp(a, 0, ref gl) : mrx.Unprotect(a, 0, ref gl)) == SrtpStatus.Ok, "genuine packet, managed");
            }
            tx.Clear();
            mrx.Clear();
            nrx.Clear();
        }

        [TestMethod] public void TamperAndReplay_AesCm128HmacSha1_80() => TamperAndReplay(0);
        [TestMethod] public void TamperAndReplay_AesCm128HmacSha1_32() => TamperAndReplay(1);
        [TestMethod] public void TamperAndReplay_NullHmacSha1_80() => TamperAndReplay(2);
        [TestMethod] public void TamperAndReplay_AeadAes128Gcm() => TamperAndReplay(3);
        [TestMethod] public void TamperAndReplay_AeadAes256Gcm() => TamperAndReplay(4);

        // More contexts than the pack has slots (32): the ones without a slot run the managed transforms, with the same bytes;
        // clearing the contexts frees every slot again.
        [TestMethod]
        public void MoreContextsThanSlots_TheRestStayManaged()
        {
            SrtpPolicy p = Make(0);
            var native = new NativeAesEngineFactory();
            SrtpCryptoContext reference = Context(p, SrtpDirection.Outbound, new SoftwareAesFactory());
            byte[] expected = new byte[256];
            Packets.Fill(expected, Ssrc, 1, 172);
            int el = 172;
            Assert.IsTrue(reference.Protect(expected, 0, ref el, expected.Length) == SrtpStatus.Ok);
            var many = new SrtpCryptoContext[40];
            byte[] b = new byte[256];
            for (int i = 0; i < many.Length; i++)
            {
                many[i] = Context(p, SrtpDirection.Outbound, native);
                Packets.Fill(b, Ssrc, 1, 172);
                int l = 172;
                Assert.IsTrue(many[i].Protect(b, 0, ref l, b.Length) == SrtpStatus.Ok, "protect " + i.ToString());
                Assert.IsTrue(l == el && Bytes.Equal(expected, 0, b, 0, l), "context " + i.ToString() + " differs");
            }
            Assert.IsNull(native.CreatePacketEngine(16, 20, false), "a slot was left: the test needs more contexts");
            for (int i = 0; i < many.Length; i++) many[i].Clear();
            reference.Clear();
            var e = native.CreatePacketEngine(16, 20, false);
            Assert.IsNotNull(e, "slots not freed by Clear");
            e.ClearKey();
        }
    }
}
