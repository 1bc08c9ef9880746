using System;
using NanoMikey.Esp32.Native.Probe;
using NanoMikey.Esp32.NativeCrypto;

namespace NanoMikey.Esp32.Native.Smoke
{
    /// <summary>Known answers through every extern of the pack on the interpreter, then per-call times.</summary>
    public static class Program
    {
        private static int _failed;

        /// <summary>Entry point: prints PASS/FAIL lines, "SMOKE n failed" and the timing lines.</summary>
        public static void Main()
        {
            try
            {
                Run();
            }
            catch (Exception e)
            {
                Fail("unexpected " + e.GetType().FullName + ": " + e.Message);
            }

            Console.WriteLine("SMOKE " + _failed + " failed");
        }

        private static void Run()
        {
            // Probe: the pack this image carries.
            byte[] text = new byte[300];
            int n = NativeProbe.Describe(text, 10);
            char[] chars = new char[n > 0 ? n : 0];
            for (int k = 0; k < chars.Length; k++) chars[k] = (char)text[10 + k];
            string d = new string(chars);
            Check("Probe.Describe", d.IndexOf("format=1\nassembly=NanoMikey.Esp32.NativeCrypto1\ngeneration=1\nchecksum=0x") == 0);
            Console.WriteLine(d);
            Check("Probe.Describe too small", NativeProbe.Describe(text, 290) == -n);

            int h = NativeCryptoPack.Open();
            Check("Open", h >= 0);

            // FIPS 197 C.1 (AES-128).
            NativeCryptoPack.SetAesKey(h, Hex("ff000102030405060708090a0b0c0d0e0f"), 1, 16);
            byte[] block = Hex("00112233445566778899aabbccddeeff");
            byte[] outBlock = new byte[17];
            NativeCryptoPack.AesEncryptBlocks(h, block, 0, outBlock, 1, 16);
            Check("AesEncryptBlocks FIPS 197 C.1", Eq(outBlock, 1, "69c4e0d86a7b0430d8cdb78070b4c55a"));
            NativeCryptoPack.AesDecryptBlocks(h, outBlock, 1, outBlock, 1, 16);
            Check("AesDecryptBlocks FIPS 197 C.1", Eq(outBlock, 1, "00112233445566778899aabbccddeeff"));

            // SP 800-38A F.5.1 CTR-AES128.Encrypt.
            NativeCryptoPack.SetAesKey(h, Hex("2b7e151628aed2a6abf7158809cf4f3c"), 0, 16);
            byte[] ctr = Hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
            byte[] data = Hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
            NativeCryptoPack.AesCtrXor(h, ctr, 0, data, 0, 64);
            Check("AesCtrXor SP 800-38A F.5.1", Eq(data, 0, "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee"));

            // RFC 3711 B.3 session keys from the master key by AesCtrXor over zeros, then libsrtp's reference packet.
            NativeCryptoPack.SetAesKey(h, Hex("e1f97a0d3e018be0d64fa32c06de4139"), 0, 16);
            byte[] salt = Hex("0ec675ad498afeebb6960b3aabe6");
            byte[] encKey = Derive(h, salt, 0x00, 16);
            byte[] authKey = Derive(h, salt, 0x01, 20);
            byte[] saltKey = Derive(h, salt, 0x02, 14);
            Check("RFC 3711 B.3 cipher key", Eq(encKey, 0, "c61e7a93744f39ee10734afe3ff7a087"));
            Check("RFC 3711 B.3 auth key", Eq(authKey, 0, "cebe321f6ff7716b6fd4ab49af256a156d38baa4"));
            Check("RFC 3711 B.3 salt", Eq(saltKey, 0, "30cbbc08863d8c85d49db34a9ae1"));

            int s = NativeCryptoPack.Open();
            NativeCryptoPack.SetAesKey(s, encKey, 0, 16);
            NativeCryptoPack.SetHmacSha1Key(s, authKey, 0, 20);
            byte[] iv = SrtpIv(saltKey, 0xcafebabe, 0x1234);
            byte[] packet = new byte[38];
            Array.Copy(Hex("800f1234decafbadcafebabeabababababababababababababababab"), packet, 28);
            NativeCryptoPack.SrtpProtect(s, iv, 0, packet, 12, 16, 0, 28, true, 0, 28, 10);
            Check("SrtpProtect libsrtp AES-CM-128/HMAC-SHA1-80 packet", Eq(packet, 0, "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb"));
            packet[20] ^= 1;
            Check("SrtpUnprotect rejects a flipped payload bit", NativeCryptoPack.SrtpUnprotect(s, iv, 0, packet, 12, 16, 0, 28, true, 0, 28, 10) == 0
                && Eq(packet, 0, "800f1234decafbadcafebabe4e55dc4ce79978d88da4d215949d2402b78d6acc99ea179b8dbb"));
            packet[20] ^= 1;
            Check("SrtpUnprotect", NativeCryptoPack.SrtpUnprotect(s, iv, 0, packet, 12, 16, 0, 28, true, 0, 28, 10) == 1
                && Eq(packet, 0, "800f1234decafbadcafebabeabababababababababababababababab"));

            // HMAC-SHA-1 with the slot's key: RFC 2202 case 2.
            int m = NativeCryptoPack.Open();
            NativeCryptoPack.SetHmacSha1Key(m, Ascii("Jefe"), 0, 4);
            byte[] jefe = Ascii("what do ya want for nothing?");
            byte[] mac = new byte[40];
            NativeCryptoPack.HmacSha1Keyed(m, jefe, 0, jefe.Length, mac, 2, 20);
            Check("HmacSha1Keyed RFC 2202 case 2", Eq(mac, 2, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
            NativeCryptoPack.HmacSha1(Ascii("Jefe"), 0, 4, jefe, 0, jefe.Length, mac, 3);
            Check("HmacSha1 RFC 2202 case 2", Eq(mac, 3, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
            NativeCryptoPack.HmacSha256(Ascii("Jefe"), 0, 4, jefe, 0, jefe.Length, mac, 1);
            Check("HmacSha256 RFC 4231 case 2", Eq(mac, 1, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
            NativeCryptoPack.Sha256(Ascii("abc"), 0, 3, mac, 0);
            Check("Sha256 FIPS 180-2 abc", Eq(mac, 0, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

            // AES-GCM: GCM spec (McGrew/Viega) test case 4, with AAD.
            int g = NativeCryptoPack.Open();
            NativeCryptoPack.SetAesKey(g, Hex("feffe9928665731c6d6a8f9467308308"), 0, 16);
            byte[] gIv = Hex("cafebabefacedbaddecaf888");
            byte[] aad = Hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
            byte[] gBuf = Hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
            byte[] tag = new byte[16];
            NativeCryptoPack.GcmSeal(g, gIv, 0, 12, aad, 0, aad.Length, gBuf, 0, gBuf.Length, tag, 0, 16);
            Check("GcmSeal GCM test case 4", Eq(gBuf, 0, "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091")
                && Eq(tag, 0, "5bc94fbc3221a5db94fae95ae7121a47"));
            tag[15] ^= 0x80;
            Check("GcmOpen rejects a flipped tag bit", NativeCryptoPack.GcmOpen(g, gIv, 0, 12, aad, 0, aad.Length, gBuf, 0, gBuf.Length, tag, 0, 16) == 0
                && Eq(gBuf, 0, "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"));
            tag[15] ^= 0x80;
            Check("GcmOpen GCM test case 4", NativeCryptoPack.GcmOpen(g, gIv, 0, 12, aad, 0, aad.Length, gBuf, 0, gBuf.Length, tag, 0, 16) == 1
                && Eq(gBuf, 0, "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"));

            // MIKEY PRF: tests/vectors/mikey/samples.md §8.1 TC1 (TGK 00..0f, TEK constant, cs_id 1, CSB ID 12345678, RAND a0..af).
            byte[] prfOut = new byte[16];
            NativeCryptoPack.MikeyPrf(Hex("000102030405060708090a0b0c0d0e0f"), 0, 16, Hex("2ad01c640112345678a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"), 0, 25, prfOut, 0, 16);
            Check("MikeyPrf samples.md 8.1 TC1 TEK", Eq(prfOut, 0, "9ba4f67e6a85e7e7e9aa57681ca1f27d"));

            // RFC 5903 §8.1 ECDH P-256.
            byte[] i = Hex("c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433");
            byte[] r = Hex("c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53");
            byte[] gi = new byte[65], gr = new byte[65], z = new byte[32];
            Check("P256PublicKey RFC 5903 8.1 g^i", NativeCryptoPack.P256PublicKey(i, 0, gi, 0) == 0
                && Eq(gi, 0, "04dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c37725811805271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3"));
            Check("P256PublicKey RFC 5903 8.1 g^r", NativeCryptoPack.P256PublicKey(r, 0, gr, 0) == 0
                && Eq(gr, 0, "04d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf6356fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab"));
            Check("P256Ecdh RFC 5903 8.1", NativeCryptoPack.P256Ecdh(i, 0, gr, 0, 65, z, 0) == 0
                && Eq(z, 0, "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de"));
            gr[64] ^= 1;
            Check("P256Ecdh rejects an off-curve point", NativeCryptoPack.P256Ecdh(i, 0, gr, 0, 65, z, 0) == 2);
            gr[64] ^= 1;

            // RFC 6979 A.2.5 P-256 / SHA-256, message "sample".
            byte[] x = Hex("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
            byte[] u = new byte[65], hash = new byte[32], sig = new byte[64];
            NativeCryptoPack.P256PublicKey(x, 0, u, 0);
            NativeCryptoPack.Sha256(Ascii("sample"), 0, 6, hash, 0);
            Check("P256Sign RFC 6979 A.2.5 sample", NativeCryptoPack.P256Sign(x, 0, hash, 0, 32, null, 0, 0, sig, 0) == 0
                && Eq(sig, 0, "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"));
            Check("P256Verify RFC 6979 A.2.5 sample", NativeCryptoPack.P256Verify(u, 0, 65, hash, 0, 32, sig, 0, 64) == 1);
            sig[63] ^= 1;
            Check("P256Verify rejects a flipped bit", NativeCryptoPack.P256Verify(u, 0, 65, hash, 0, 32, sig, 0, 64) == 0);

            // Exception mapping (caller bugs).
            Check("null array -> NullReferenceException", Throws(0, h));
            Check("range -> IndexOutOfRangeException", Throws(1, h));
            Check("key length -> ArgumentException", Throws(2, h));
            Check("no key -> InvalidOperationException", Throws(3, h));
            NativeCryptoPack.Close(h);
            Check("closed handle -> ArgumentException", Throws(4, h));

            Loops(s, iv, m, i, gr);
            NativeCryptoPack.Close(s);
            NativeCryptoPack.Close(m);
            NativeCryptoPack.Close(g);
        }

        private static void Loops(int s, byte[] iv, int m, byte[] priv, byte[] peer)
        {
            byte[] pkt = new byte[182];
            for (int k = 0; k < 172; k++) pkt[k] = (byte)k;
            pkt[0] = 0x80;
            byte[] mac = new byte[20];
            byte[] z = new byte[32];

            // 10 000 SRTP packets protect + unprotect: run.sh counts NFGC lines between the markers (expects none).
            Console.WriteLine("loop start");
            int bad = 0;
            for (int k = 0; k < 10000; k++)
            {
                NativeCryptoPack.SrtpProtect(s, iv, 0, pkt, 12, 160, 0, 172, true, k, 172, 10);
                bad += 1 - NativeCryptoPack.SrtpUnprotect(s, iv, 0, pkt, 12, 160, 0, 172, true, k, 172, 10);
            }

            Console.WriteLine("loop end");
            Check("10 000 SRTP protect/unprotect round trips", bad == 0 && pkt[100] == 100);

            const int N = 2000;
            long t0 = DateTime.UtcNow.Ticks;
            for (int k = 0; k < N; k++) NativeCryptoPack.HmacSha1Keyed(m, pkt, 0, 172, mac, 0, 20);
            long t1 = DateTime.UtcNow.Ticks;
            for (int k = 0; k < N; k++) NativeCryptoPack.HmacSha1(pkt, 0, 20, pkt, 0, 172, mac, 0);
            long t2 = DateTime.UtcNow.Ticks;
            for (int k = 0; k < N; k++) NativeCryptoPack.SrtpProtect(s, iv, 0, pkt, 12, 160, 0, 172, true, 0, 172, 10);
            long t3 = DateTime.UtcNow.Ticks;
            for (int k = 0; k < N; k++)
            {
                NativeCryptoPack.SrtpProtect(s, iv, 0, pkt, 12, 160, 0, 172, true, 0, 172, 10);
                NativeCryptoPack.SrtpUnprotect(s, iv, 0, pkt, 12, 160, 0, 172, true, 0, 172, 10);
            }

            long t4 = DateTime.UtcNow.Ticks;
            const int E = 50;
            for (int k = 0; k < E; k++) NativeCryptoPack.P256Ecdh(priv, 0, peer, 0, 65, z, 0);
            long t5 = DateTime.UtcNow.Ticks;
            Console.WriteLine("TIME HmacSha1Keyed 172 B: " + Micros(t1 - t0, N) + " us/call");
            Console.WriteLine("TIME HmacSha1 172 B (key 20 B): " + Micros(t2 - t1, N) + " us/call");
            Console.WriteLine("TIME SrtpProtect CM-80 172 B: " + Micros(t3 - t2, N) + " us/call");
            Console.WriteLine("TIME SrtpProtect + SrtpUnprotect CM-80 172 B: " + Micros(t4 - t3, N) + " us/call");
            Console.WriteLine("TIME P256Ecdh: " + Micros(t5 - t4, E) + " us/call");
        }

        private static string Micros(long ticks, int n)
        {
            long tenthsOfMicro = ticks / n; // 1 tick = 100 ns
            return (tenthsOfMicro / 10).ToString() + "." + (tenthsOfMicro % 10).ToString();
        }

        private static bool Throws(int kind, int h)
        {
            byte[] b = new byte[16];
            try
            {
                switch (kind)
                {
                    case 0: NativeCryptoPack.AesCtrXor(h, null, 0, b, 0, 16); break;
                    case 1: NativeCryptoPack.AesCtrXor(h, b, 1, b, 0, 16); break;
                    case 2: NativeCryptoPack.SetAesKey(h, b, 0, 15); break;
                    case 3:
                        int fresh = NativeCryptoPack.Open();
                        try { NativeCryptoPack.AesCtrXor(fresh, b, 0, b, 0, 16); }
                        finally { NativeCryptoPack.Close(fresh); }
                        break;
                    default: NativeCryptoPack.SetAesKey(h, b, 0, 16); break;
                }
            }
            catch (NullReferenceException) { return kind == 0; }
            catch (IndexOutOfRangeException) { return kind == 1; }
            catch (InvalidOperationException) { return kind == 3; }
            catch (ArgumentException) { return kind == 2 || kind == 4; }
            return false;
        }

        // RFC 3711 §4.3.1 with kdr 0: x = label at byte 7 XOR master salt, IV = x || 0x0000, keystream over zeros.
        private static byte[] Derive(int h, byte[] salt, byte label, int length)
        {
            byte[] iv = new byte[16];
            Array.Copy(salt, iv, 14);
            iv[7] ^= label;
            byte[] output = new byte[length];
            NativeCryptoPack.AesCtrXor(h, iv, 0, output, 0, length);
            return output;
        }

        // RFC 3711 §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), ROC 0.
        private static byte[] SrtpIv(byte[] saltKey, uint ssrc, int seq)
        {
            byte[] iv = new byte[16];
            Array.Copy(saltKey, iv, 14);
            iv[4] ^= (byte)(ssrc >> 24);
            iv[5] ^= (byte)(ssrc >> 16);
            iv[6] ^= (byte)(ssrc >> 8);
            iv[7] ^= (byte)ssrc;
            iv[12] ^= (byte)(seq >> 8);
            iv[13] ^= (byte)seq;
            return iv;
        }

        private static void Check(string what, bool ok)
        {
            Console.WriteLine((ok ? "PASS " : "FAIL ") + what);
            if (!ok) _failed++;
        }

        private static void Fail(string what)
        {
            Console.WriteLine("FAIL " + what);
            _failed++;
        }

        private static bool Eq(byte[] actual, int offset, string hex)
        {
            byte[] expected = Hex(hex);
            if (offset + expected.Length > actual.Length) return false;
            for (int k = 0; k < expected.Length; k++)
            {
                if (actual[offset + k] != expected[k]) return false;
            }

            return true;
        }

        private static byte[] Ascii(string s)
        {
            byte[] b = new byte[s.Length];
            for (int k = 0; k < s.Length; k++) b[k] = (byte)s[k];
            return b;
        }

        private static byte[] Hex(string hex)
        {
            byte[] b = new byte[hex.Length / 2];
            for (int k = 0; k < b.Length; k++) b[k] = (byte)((Nibble(hex[2 * k]) << 4) | Nibble(hex[2 * k + 1]));
            return b;
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return c - 'A' + 10;
        }
    }
}
