using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Hardware.Host;
using NanoMikey.LibSrtp.Interop;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Cli.Bench
{
    /// <summary>
    /// SRTP packet rates: ours (host AES engine and constant-time software AES) next to libsrtp2 over the same packets.
    /// Each iteration copies the packet into the work buffer first (for both implementations), so the rows compare like with like.
    /// </summary>
    public static class SrtpBench
    {
        private const int Ring = 4096;
        private const uint Ssrc = 0x12345678;

        /// <summary>Runs every row and returns the table.</summary>
        public static BenchTable Run(int rounds, int roundMillis)
        {
            var table = new BenchTable("SRTP packets (" + LibSrtpSession.Version + "; ratio < 1 means faster than libsrtp)");
            foreach (int size in new[] { 172, 1200 })
            {
                foreach (bool gcm in new[] { false, true })
                {
                    foreach (bool software in new[] { false, true })
                    {
                        AddRows(table, size, gcm, software, rounds, roundMillis);
                    }
                }
            }
            return table;
        }

        // Ours and libsrtp alternate twice and keep each one's best, so a burst of load from other processes biases neither.
        private static Measurement Best(Measurement a, Measurement b) => a.NanosPerOp <= b.NanosPerOp ? a : b;

        private static void AddRows(BenchTable table, int size, bool gcm, bool software, int rounds, int ms)
        {
            SrtpPolicy policy = gcm ? SrtpPolicy.AeadAes128Gcm() : SrtpPolicy.AesCm128HmacSha1_80();
            LibSrtpProfile profile = gcm ? LibSrtpProfile.AeadAes128Gcm : LibSrtpProfile.AesCm128HmacSha1_80;
            IAesEngineFactory factory = software ? new SoftwareAesFactory() : new HostAesEngineFactory();
            string name = (gcm ? "AEAD_AES_128_GCM" : "AES_CM_128_HMAC_SHA1_80") + " " + size + " B, " + (software ? "software AES" : "host AES");
            var rng = new Random(size);
            byte[] material = new byte[policy.MasterKeyLength + policy.MasterSaltLength];
            rng.NextBytes(material);
            byte[] plain = new byte[size];
            rng.NextBytes(plain);
            plain[0] = 0x80;
            plain[1] = 0x00;
            plain[8] = 0x12; plain[9] = 0x34; plain[10] = 0x56; plain[11] = 0x78;
            byte[] work = new byte[size + 64];

            // Protect: a fresh SEQ every call (the sender refuses to reuse an index).
            var tx = new SrtpCryptoContext(policy, Ssrc, SrtpDirection.Outbound, factory);
            tx.AddMasterKey(material, 0, material, policy.MasterKeyLength, null, 0);
            int seqOurs = 0;
            TimedLoop protectOurs = n =>
            {
                for (int i = 0; i < n; i++)
                {
                    Array.Copy(plain, work, size);
                    work[2] = (byte)(seqOurs >> 8);
                    work[3] = (byte)seqOurs;
                    seqOurs = (seqOurs + 1) & 0xFFFF;
                    int len = size;
                    if (tx.Protect(work, 0, ref len, work.Length) != SrtpStatus.Ok) throw new InvalidOperationException("protect failed");
                }
            };
            Measurement oursProtect = Measurement.Run(protectOurs, rounds, ms);
            Measurement? libProtect = null;
            if (!software)
            {
                using var lib = new LibSrtpSession(profile, Ssrc, 3, new[] { material }, null);
                int seqLib = 0;
                TimedLoop protectLib = n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        Array.Copy(plain, work, size);
                        work[2] = (byte)(seqLib >> 8);
                        work[3] = (byte)seqLib;
                        seqLib = (seqLib + 1) & 0xFFFF;
                        int len = size;
                        if (lib.Protect(work, 0, ref len) != 0) throw new InvalidOperationException("libsrtp protect failed");
                    }
                };
                libProtect = Measurement.Run(protectLib, rounds, ms);
                oursProtect = Best(oursProtect, Measurement.Run(protectOurs, rounds, ms));
                libProtect = Best(libProtect, Measurement.Run(protectLib, rounds, ms));
            }
            table.Add("protect " + name, oursProtect, libProtect, software ? "(libsrtp row above)" : "libsrtp2");

            // Unprotect: a ring of protected packets; the receivers restart (ours: ROC reset, libsrtp: new session) each lap.
            var ringTx = new SrtpCryptoContext(policy, Ssrc, SrtpDirection.Outbound, new HostAesEngineFactory());
            ringTx.AddMasterKey(material, 0, material, policy.MasterKeyLength, null, 0);
            byte[][] ring = new byte[Ring][];
            int[] ringLen = new int[Ring];
            for (int i = 0; i < Ring; i++)
            {
                ring[i] = new byte[size + 64];
                Array.Copy(plain, ring[i], size);
                ring[i][2] = (byte)(i >> 8);
                ring[i][3] = (byte)i;
                int len = size;
                if (ringTx.Protect(ring[i], 0, ref len, ring[i].Length) != SrtpStatus.Ok) throw new InvalidOperationException("ring protect failed");
                ringLen[i] = len;
            }
            var rx = new SrtpCryptoContext(policy, Ssrc, SrtpDirection.Inbound, factory);
            rx.AddMasterKey(material, 0, material, policy.MasterKeyLength, null, 0);
            int posOurs = 0;
            TimedLoop unprotectOurs = n =>
            {
                for (int i = 0; i < n; i++)
                {
                    if (posOurs == 0) rx.SetRolloverCounter(0);
                    int len = ringLen[posOurs];
                    Array.Copy(ring[posOurs], work, len);
                    posOurs = (posOurs + 1) % Ring;
                    if (rx.Unprotect(work, 0, ref len) != SrtpStatus.Ok) throw new InvalidOperationException("unprotect failed");
                }
            };
            Measurement oursUnprotect = Measurement.Run(unprotectOurs, rounds, ms);
            Measurement? libUnprotect = null;
            if (!software)
            {
                using var lib = new LibSrtpSession(profile, Ssrc, 2, new[] { material }, null);
                int posLib = 0;
                TimedLoop unprotectLib = n =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        if (posLib == 0) lib.Recreate();
                        int len = ringLen[posLib];
                        Array.Copy(ring[posLib], work, len);
                        posLib = (posLib + 1) % Ring;
                        int s = lib.Unprotect(work, 0, ref len);
                        if (s != 0) throw new InvalidOperationException("libsrtp unprotect failed: " + s);
                    }
                };
                libUnprotect = Measurement.Run(unprotectLib, rounds, ms);
                oursUnprotect = Best(oursUnprotect, Measurement.Run(unprotectOurs, rounds, ms));
                libUnprotect = Best(libUnprotect, Measurement.Run(unprotectLib, rounds, ms));
            }
            table.Add("unprotect " + name, oursUnprotect, libUnprotect, software ? "(libsrtp row above)" : "libsrtp2");
        }
    }
}
