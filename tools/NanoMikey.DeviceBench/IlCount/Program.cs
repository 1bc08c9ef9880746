using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Mac;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
using NanoMikey.Srtp.Replay;
using NanoMikey.Srtp.Transforms;
using NfKit.Diagnostics;

namespace NanoMikey.DeviceBench.IlCount
{
    /// <summary>
    /// Prints, per operation, the IL instructions, native calls and array accesses the interpreter executes for one call
    /// (<c>ILC|name|il|natives|arrays</c>), and opcode histograms (<c>HIST|name|opcode|count</c>) of the SRTP rows. Same set-up
    /// as the device bench (../Program.cs): 172-byte RTP packets, AES_CM_128_HMAC_SHA1_80 and AEAD_AES_128_GCM, software AES.
    /// </summary>
    public static class Program
    {
        private const uint Ssrc = 0x12345678;
        private const int Ring = 64;
        private static readonly byte[] Data = new byte[256];
        private static readonly byte[] Out = new byte[256];
        private static readonly byte[] Counter = new byte[16];
        private static readonly byte[] Plain = new byte[172];
        private static readonly byte[] Work = new byte[256];
        private static readonly byte[] Mac = new byte[20];
        private static readonly byte[] Iv = new byte[16];
        private static readonly byte[] Salt = new byte[14];
        private static readonly ulong[] Hist = new ulong[512];
        private static readonly ulong[] Hist2 = new ulong[512];
        private static HmacSha1 s_hmac;
        private static Sha1 s_sha1;
        private static SoftwareAes s_aes;
        private static AesCtr s_ctr;
        private static AesCmCipher s_cm;
        private static ReplayWindow s_window;
        private static SrtpCryptoContext s_cmTx, s_cmRx, s_gcmTx, s_gcmRx;
        private static byte[][] s_cmRing, s_gcmRing;
        private static int[] s_cmRingLength, s_gcmRingLength;
        private static int s_cmSeq, s_gcmSeq, s_cmPos, s_gcmPos, s_seqRx;
        private static ulong s_index;

        /// <summary>Runs every row.</summary>
        public static void Main()
        {
            try
            {
                if (!IlCounter.Enabled()) throw new InvalidOperationException("NF_IL_COUNT is not set");
                Setup();
                Console.WriteLine("ILSTART");
                for (int row = 0; row < 22; row++) Measure(row, false);
                Histogram(7);
                Histogram(8);
                Console.WriteLine("ILEND");
            }
            catch (Exception e)
            {
                Console.WriteLine("ILFAIL|" + e.Message);
            }
        }

        private static string Name(int row)
        {
            switch (row)
            {
                case 0: return "empty (counter overhead)";
                case 1: return "HMAC-SHA-1 172 B (Compute)";
                case 2: return "HMAC-SHA-1 176 B (Compute)";
                case 3: return "SHA-1 block (Update 64)";
                case 4: return "AES-128 block (EncryptBlocks 16)";
                case 5: return "AES-128 4 blocks (EncryptBlocks 64)";
                case 6: return "AES-CTR 176 B (Transform)";
                case 7: return "SRTP CM-80 protect 172 B (bench op)";
                case 8: return "SRTP CM-80 unprotect 172 B (bench op)";
                case 9: return "SRTP GCM protect 172 B (bench op)";
                case 10: return "SRTP GCM unprotect 172 B (bench op)";
                case 11: return "  bench: Array.Copy 172 + SEQ";
                case 12: return "  bench: ring copy 182 + pos";
                case 13: return "  part: HMAC Reset+Update 172+Update 4+Final 10";
                case 14: return "  part: AesCmCipher.Apply 160 B";
                case 15: return "  part: SrtpIv.AesCm";
                case 16: return "  part: ReplayWindow(128) Check+Update";
                case 17: return "  part: ConstantTime.AreEqual 10 + Wipe 10";
                case 18: return "  part: SHA-1 Final (pad block)";
                case 19: return "AES-CTR 160 B (Transform)";
                case 20: return "AES-128 8 blocks (EncryptBlocks 128)";
                default: return "AES-128 12 blocks (EncryptBlocks 192)";
            }
        }

        private static void Run(int row)
        {
            switch (row)
            {
                case 0: break;
                case 1: s_hmac.Compute(Data, 0, 172, Out, 0, 10); break;
                case 2: s_hmac.Compute(Data, 0, 176, Out, 0, 10); break;
                case 3: s_sha1.Update(Data, 0, 64); break;
                case 4: s_aes.EncryptBlocks(Data, 0, Out, 0, 16); break;
                case 5: s_aes.EncryptBlocks(Data, 0, Out, 0, 64); break;
                case 6: s_ctr.Transform(s_aes, Counter, 0, Data, 0, Out, 0, 176); break;
                case 7: ProtectOnce(s_cmTx, ref s_cmSeq); break;
                case 8: UnprotectOnce(s_cmRx, s_cmRing, s_cmRingLength, ref s_cmPos); break;
                case 9: ProtectOnce(s_gcmTx, ref s_gcmSeq); break;
                case 10: UnprotectOnce(s_gcmRx, s_gcmRing, s_gcmRingLength, ref s_gcmPos); break;
                case 11:
                    Array.Copy(Plain, Work, Plain.Length);
                    Work[2] = (byte)(s_seqRx >> 8);
                    Work[3] = (byte)s_seqRx;
                    s_seqRx = (s_seqRx + 1) & 0xFFFF;
                    break;
                case 12:
                    {
                        int len = s_cmRingLength[s_cmPos];
                        Array.Copy(s_cmRing[s_cmPos], Work, len);
                        s_cmPos = (s_cmPos + 1) % Ring;
                        break;
                    }
                case 13:
                    s_hmac.Reset();
                    s_hmac.Update(Data, 0, 172);
                    s_hmac.Update(Data, 172, 4);
                    s_hmac.Final(Mac, 0, 10);
                    break;
                case 14: s_cm.Apply(s_aes, Iv, 0, Data, 12, 160); break;
                case 15: SrtpIv.AesCm(Salt, Ssrc, 0, 1234, Iv, 0); break;
                case 16:
                    s_index++;
                    if (s_window.Check(s_index) == SrtpStatus.Ok) s_window.Update(s_index);
                    break;
                case 17:
                    ConstantTime.AreEqual(Mac, 0, Data, 0, 10);
                    SecureMemory.Wipe(Mac, 0, 10);
                    break;
                case 18: s_sha1.Final(Out, 0); break;
                case 19: s_ctr.Transform(s_aes, Counter, 0, Data, 0, Out, 0, 160); break;
                case 20: s_aes.EncryptBlocks(Data, 0, Out, 0, 128); break;
                default: s_aes.EncryptBlocks(Data, 0, Out, 0, 192); break;
            }
        }

        private static void Measure(int row, bool histogram)
        {
            Run(row);
            Run(row);
            IlCounter.Reset();
            Run(row);
            ulong il = IlCounter.IlCount();
            ulong nat = IlCounter.NativeCalls();
            ulong arr = IlCounter.ArrayAccesses();
            if (histogram) IlCounter.Histogram(Hist);
            Console.WriteLine("ILC|" + Name(row) + "|" + il.ToString() + "|" + nat.ToString() + "|" + arr.ToString());
        }

        // Opcodes of one protect/unprotect, most frequent first (the counter's own read calls are a handful of ldc/call).
        private static void Histogram(int row)
        {
            Measure(row, true);
            for (int i = 0; i < Hist.Length; i++) Hist2[i] = Hist[i];
            for (int k = 0; k < 24; k++)
            {
                int best = -1;
                for (int i = 0; i < Hist2.Length; i++)
                {
                    if (Hist2[i] != 0 && (best < 0 || Hist2[i] > Hist2[best])) best = i;
                }
                if (best < 0) break;
                Console.WriteLine("HIST|" + Name(row) + "|" + IlCounter.OpcodeName(best) + "|" + Hist2[best].ToString());
                Hist2[best] = 0;
            }
        }

        private static void Setup()
        {
            for (int i = 0; i < Data.Length; i++) Data[i] = (byte)(i * 7 + 3);
            byte[] key = new byte[32];
            for (int i = 0; i < key.Length; i++) key[i] = (byte)(0xA0 + i);
            s_hmac = new HmacSha1(key, 0, 20);
            s_sha1 = new Sha1();
            s_aes = new SoftwareAes();
            s_aes.SetKey(key, 0, 16);
            s_ctr = new AesCtr(176);
            s_cm = new AesCmCipher(1500);
            s_window = new ReplayWindow(128);
            for (int i = 0; i < 16; i++) Counter[i] = (byte)(0xF0 + i);
            for (int i = 0; i < Plain.Length; i++) Plain[i] = (byte)(i * 13 + 1);
            Plain[0] = 0x80;
            Plain[1] = 0x00;
            Plain[8] = 0x12; Plain[9] = 0x34; Plain[10] = 0x56; Plain[11] = 0x78;
            SetupSrtp(SrtpPolicy.AesCm128HmacSha1_80(), key, false);
            SetupSrtp(SrtpPolicy.AeadAes128Gcm(), key, true);
        }

        private static void SetupSrtp(SrtpPolicy policy, byte[] key, bool gcm)
        {
            SoftwareAesFactory factory = new SoftwareAesFactory();
            byte[] material = new byte[policy.MasterKeyLength + policy.MasterSaltLength];
            for (int i = 0; i < material.Length; i++) material[i] = (byte)(key[i] ^ 0x5A);
            SrtpCryptoContext tx = new SrtpCryptoContext(policy, Ssrc, SrtpDirection.Outbound, factory);
            tx.AddMasterKey(material, 0, material, policy.MasterKeyLength, null, 0);
            SrtpCryptoContext ringTx = new SrtpCryptoContext(policy, Ssrc, SrtpDirection.Outbound, factory);
            ringTx.AddMasterKey(material, 0, material, policy.MasterKeyLength, null, 0);
            SrtpCryptoContext rx = new SrtpCryptoContext(policy, Ssrc, SrtpDirection.Inbound, factory);
            rx.AddMasterKey(material, 0, material, policy.MasterKeyLength, null, 0);
            byte[][] ring = new byte[Ring][];
            int[] lengths = new int[Ring];
            for (int i = 0; i < Ring; i++)
            {
                ring[i] = new byte[256];
                Array.Copy(Plain, ring[i], Plain.Length);
                ring[i][2] = (byte)(i >> 8);
                ring[i][3] = (byte)i;
                int len = Plain.Length;
                if (ringTx.Protect(ring[i], 0, ref len, 256) != SrtpStatus.Ok) throw new InvalidOperationException("ring protect");
                lengths[i] = len;
            }
            int p = 0;
            if (gcm)
            {
                s_gcmTx = tx; s_gcmRx = rx; s_gcmRing = ring; s_gcmRingLength = lengths;
                UnprotectOnce(rx, ring, lengths, ref p);
            }
            else
            {
                s_cmTx = tx; s_cmRx = rx; s_cmRing = ring; s_cmRingLength = lengths;
                UnprotectOnce(rx, ring, lengths, ref p);
            }
        }

        // As ../Program.cs.
        private static void ProtectOnce(SrtpCryptoContext tx, ref int seq)
        {
            Array.Copy(Plain, Work, Plain.Length);
            Work[2] = (byte)(seq >> 8);
            Work[3] = (byte)seq;
            seq = (seq + 1) & 0xFFFF;
            int len = Plain.Length;
            if (tx.Protect(Work, 0, ref len, Work.Length) != SrtpStatus.Ok) throw new InvalidOperationException("protect");
        }

        private static void UnprotectOnce(SrtpCryptoContext rx, byte[][] ring, int[] lengths, ref int pos)
        {
            if (pos == 0) rx.SetRolloverCounter(0);
            int len = lengths[pos];
            Array.Copy(ring[pos], Work, len);
            pos = (pos + 1) % Ring;
            if (rx.Unprotect(Work, 0, ref len) != SrtpStatus.Ok) throw new InvalidOperationException("unprotect");
        }
    }
}
