using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Mac;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Replay;
using NanoMikey.Srtp.Transforms;
using NfKit.Diagnostics;

namespace NanoMikey.DeviceBench.IlCount
{
    /// <summary>
    /// Prints, per operation, the IL instructions, native calls and array accesses the interpreter executes for one call
    /// (<c>ILC|name|il|natives|arrays</c>), and opcode histograms (<c>HIST|name|opcode|count</c>) of the SRTP rows. The bench
    /// rows are the device bench's own operations (../Program.cs, compiled in: its Setup and Run), then parts of them.
    /// </summary>
    public static class Program
    {
        private const uint Ssrc = 0x12345678;
        private const int BenchRows = 13;   // ../Program.cs rows 0..12 (the P-256 rows are not per packet)
        private static readonly byte[] Data = new byte[256];
        private static readonly byte[] Out = new byte[256];
        private static readonly byte[] Packet = new byte[256];
        private static readonly byte[] Mac = new byte[20];
        private static readonly byte[] Iv = new byte[16];
        private static readonly byte[] Salt = new byte[14];
        private static readonly ulong[] Hist = new ulong[512];
        private static HmacSha1 s_hmac;
        private static Sha1 s_sha1;
        private static SoftwareAes s_aes;
        private static AesCtr s_ctr;
        private static AesCmCipher s_cm;
        private static ReplayWindow s_window;
        private static ulong s_index;

        /// <summary>Runs every row.</summary>
        public static void Main()
        {
            try
            {
                if (!IlCounter.Enabled()) throw new InvalidOperationException("NF_IL_COUNT is not set");
                Setup();
                NanoMikey.DeviceBench.Program.Setup();
                Console.WriteLine("ILSTART");
                for (int row = 0; row < BenchRows + PartRows; row++) Measure(row, false);
                Histogram(7);
                Histogram(8);
                Console.WriteLine("ILEND");
            }
            catch (Exception e)
            {
                Console.WriteLine("ILFAIL|" + e.Message);
            }
        }

        private const int PartRows = 10;

        private static string Name(int row)
        {
            if (row < BenchRows) return NanoMikey.DeviceBench.Program.Name(row) + " (bench op)";
            switch (row - BenchRows)
            {
                case 0: return "  bench glue: Array.Copy 182 + 3 IL";
                case 1: return "  part: HMAC Reset+Update 172+Update 4+Final 10";
                case 2: return "  AesCmCipher.Apply 160 B (KEMAC; SRTP uses CtrXor)";
                case 3: return "  part: SrtpIv.AesCm";
                case 4: return "  part: ReplayWindow(128) Check+Update";
                case 5: return "  part: ConstantTime.AreEqual 10 + Wipe 10";
                case 6: return "  part: SHA-1 Final (pad block)";
                case 7: return "AES-128 4 blocks (one ct64 pass, 64 B)";
                case 8: return "AES-128 8 blocks (EncryptBlocks 128)";
                default: return "  part: AES-CTR 160 B (Transform: CtrXor)";
            }
        }

        private static void Run(int row)
        {
            if (row < BenchRows)
            {
                NanoMikey.DeviceBench.Program.Run(row, 1);
                return;
            }
            switch (row - BenchRows)
            {
                case 0: Array.Copy(Data, Packet, 182); Packet[3] = 1; break;
                case 1:
                    s_hmac.Reset();
                    s_hmac.Update(Data, 0, 172);
                    s_hmac.Update(Data, 172, 4);
                    s_hmac.Final(Mac, 0, 10);
                    break;
                case 2: s_cm.Apply(s_aes, Iv, 0, Data, 12, 160); break;
                case 3: SrtpIv.AesCm(Salt, Ssrc, 0, 1234, Iv, 0); break;
                case 4:
                    s_index++;
                    if (s_window.Check(s_index) == SrtpStatus.Ok) s_window.Update(s_index);
                    break;
                case 5:
                    ConstantTime.AreEqual(Mac, 0, Data, 0, 10);
                    SecureMemory.Wipe(Mac, 0, 10);
                    break;
                case 6: s_sha1.Final(Out, 0); break;
                case 7: s_aes.EncryptBlocks(Data, 0, Out, 0, 64); break;
                case 8: s_aes.EncryptBlocks(Data, 0, Out, 0, 128); break;
                default: s_ctr.Transform(s_aes, Iv, 0, Data, 0, Out, 0, 160); break;
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

        // Opcodes of one call, most frequent first (the counter's own read calls are a handful of ldc/call).
        private static void Histogram(int row)
        {
            Measure(row, true);
            for (int k = 0; k < 24; k++)
            {
                int best = -1;
                for (int i = 0; i < Hist.Length; i++)
                {
                    if (Hist[i] != 0 && (best < 0 || Hist[i] > Hist[best])) best = i;
                }
                if (best < 0) break;
                Console.WriteLine("HIST|" + Name(row) + "|" + IlCounter.OpcodeName(best) + "|" + Hist[best].ToString());
                Hist[best] = 0;
            }
        }

        private static void Setup()
        {
            // Keys and data of the parts: any bytes (the counts do not depend on them); the bench rows use the bench's.
            for (int i = 0; i < Data.Length; i++) Data[i] = (byte)(i * 5 + 1);
            s_hmac = new HmacSha1(Data, 64, 20);
            s_sha1 = new Sha1();
            s_aes = new SoftwareAes();
            s_aes.SetKey(Data, 96, 16);
            s_ctr = new AesCtr(176);
            s_cm = new AesCmCipher(1500);
            s_window = new ReplayWindow(128);
        }
    }
}
