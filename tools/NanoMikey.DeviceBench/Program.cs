using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Mac;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Codec;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Transport;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;
#if NATIVE_PACK
using NanoMikey.Esp32.Native.Selection;
using NanoMikey.Esp32.NativeCrypto;
#endif

namespace NanoMikey.DeviceBench
{
    /// <summary>
    /// Times the per-packet and per-message operations on whichever runtime runs it (nanoCLR or .NET) and prints one line
    /// per row: <c>BENCH|name|nanoseconds per op|iterations</c>. run.sh runs both flavours and joins the lines.
    /// Built with NATIVE_PACK (Native/NanoMikey.DeviceBench.Native.csproj) it selects the native crypto pack and times the
    /// rows the pack covers through it (issue 15's "native pack" column); the other rows are left out of that run.
    /// </summary>
    public static class Program
    {
#if NANOFRAMEWORK
        // Interpreter: with NF_CPU_CLOCK=1 the clock is the interpreter thread's CPU time.
        private const long TargetTicks = 2000000;   // 200 ms per timed batch
#else
        private const long TargetTicks = 1000000;   // 100 ms per timed batch
#endif
        private const int Repeats = 4;
        private const int RowCount = 18;
        private const int Ring = 64;
        private const uint Ssrc = 0x12345678;

        // RFC 4567 §5.1 Example 1 I_MESSAGE (PSK), as tools/NanoMikey.Cli's codec bench.
        private const string Rfc4567Base64 =
            "AQAFgM0XflABAAAAAAAAAAAAAAsAyONQ6gAAAAAGEEoo2pee4hp2UaDX8ZE22YwKAAAPZG9uYWxkQGR1Y2suY29tAQAAAAAAAQAk0JKpgaVkDaawi9whVBtBt0KZ14ymNuu62+Nv3ozPLygwK/GbAV9iemnGUIZ19fWQUOSrzKTAv9zV";

        private static readonly byte[] Data = new byte[256];
        private static readonly byte[] Out = new byte[256];
        private static readonly byte[] Counter = new byte[16];
        private static readonly byte[] Nonce = new byte[12];
        private static readonly byte[] Tag = new byte[16];
        private static HmacSha1 s_hmac = null!;
        private static Sha1 s_sha1 = null!;
        private static SoftwareAes s_aes = null!;
        private static AesCtr s_ctr = null!;
        private static AesGcm s_gcm = null!;
        private static SrtpCryptoContext s_cmTx = null!, s_cmRx = null!, s_gcmTx = null!, s_gcmRx = null!, s_engTx = null!, s_engRx = null!;
        private static byte[][] s_cmRing = null!, s_gcmRing = null!, s_engRing = null!;
        private static int[] s_cmRingLength = null!, s_gcmRingLength = null!, s_engRingLength = null!;
        private static readonly byte[] Plain = new byte[172];
        private static readonly byte[] Work = new byte[256];
        private static int s_cmSeq, s_gcmSeq, s_cmPos, s_gcmPos;
        private static MikeyReader s_reader = null!;
        private static MikeyWriter s_writer = null!;
        private static byte[] s_message = null!;
        private static readonly byte[] BuildBuffer = new byte[256];
        private static P256PrivateKey s_a = null!, s_b = null!;
        private static readonly byte[] Hash = new byte[32];
        private static readonly byte[] Signature = new byte[64];
        private static readonly byte[] Secret = new byte[32];
        private static long s_sink;
#if NATIVE_PACK
        private static int s_slot, s_engSeq, s_engPos;
        private static readonly byte[] Scalar = new byte[32];
        private static readonly byte[] PeerPoint = new byte[65];
        private static readonly byte[] OwnPoint = new byte[65];
#endif

        /// <summary>Sets everything up, checks each operation once, then times every row.</summary>
        public static void Main()
        {
            try
            {
                Setup();
                Console.WriteLine("BENCHSTART|" + (IsNano() ? "nano" : "net"));
                // Calibrate every row, then repeat the timed batches row after row (round robin) and keep each row's best:
                // load from other processes comes in bursts, and repeats timed back to back let one burst hit every repeat of
                // one row (issue 10 §4: CM-80 unprotect read 477 µs against 362 for protect at equal IL counts, 63.1k and 62.9k).
                int[] batch = new int[RowCount];
                long[] best = new long[RowCount];
                for (int row = 0; row < RowCount; row++)
                {
                    if (Covered(row)) best[row] = Calibrate(row, out batch[row]);
                }
                for (int r = 1; r < Repeats; r++)
                {
                    for (int row = 0; row < RowCount; row++)
                    {
                        if (!Covered(row)) continue;
                        long u = Time(row, batch[row]);
                        if (u < best[row]) best[row] = u;
                    }
                }
                for (int row = 0; row < RowCount; row++)
                {
                    if (!Covered(row)) continue;
                    long nanos = best[row] * 100 / batch[row];
                    Console.WriteLine("BENCH|" + Name(row) + "|" + nanos.ToString() + "|" + batch[row].ToString());
                }
                Console.WriteLine("BENCHEND|" + s_sink.ToString());
            }
            catch (Exception e)
            {
                // nanoCLR ends silently on an unhandled exception: say what failed.
                Console.WriteLine("BENCHFAIL|" + e.Message);
            }
        }

        private static bool IsNano()
        {
#if NANOFRAMEWORK
            return true;
#else
            return false;
#endif
        }

        // The rows this build times: all of them, or with NATIVE_PACK those the pack implements (SHA-1 blocks and MIKEY
        // parsing and building have no native counterpart).
        private static bool Covered(int row)
        {
#if NATIVE_PACK
            return row != 2 && row != 11 && row != 12;
#else
            return row < 16;   // rows 16 and 17 need an AES engine outside managed code
#endif
        }

        internal static string Name(int row)
        {
            switch (row)
            {
                case 0: return "HMAC-SHA-1 172 B";
                case 1: return "HMAC-SHA-1 176 B";
                case 2: return "SHA-1 block (64 B)";
                case 3: return "AES-128 block (software)";
                case 4: return "AES-CTR 176 B (software)";
                case 5: return "GCM seal 176 B (software)";
                case 6: return "GMAC 176 B AAD (GHASH + 1 AES)";
                case 7: return "SRTP CM-80 protect 172 B";
                case 8: return "SRTP CM-80 unprotect 172 B";
                case 9: return "SRTP GCM protect 172 B";
                case 10: return "SRTP GCM unprotect 172 B";
                case 11: return "MIKEY parse PSK I_MESSAGE";
                case 12: return "MIKEY build PSK I_MESSAGE";
                case 13: return "P-256 ECDH";
                case 14: return "P-256 ECDSA sign";
                case 15: return "P-256 ECDSA verify";
                case 16: return "SRTP CM-80 protect, AES engine";
                default: return "SRTP CM-80 unprotect, AES engine";
            }
        }

#if NATIVE_PACK
        // The same rows through the pack: the keyed HMAC of a slot, ECB/CTR/GCM on a slot's cached key schedule, SRTP through
        // contexts on the pack's factory (set up in Setup), P-256 on raw keys.
        internal static void Run(int row, int n)
        {
            int h = s_slot;
            for (int i = 0; i < n; i++)
            {
                switch (row)
                {
                    case 0: NativeCryptoPack.HmacSha1Keyed(h, Data, 0, 172, Out, 0, 10); break;
                    case 1: NativeCryptoPack.HmacSha1Keyed(h, Data, 0, 176, Out, 0, 10); break;
                    case 3: NativeCryptoPack.AesEncryptBlocks(h, Data, 0, Out, 0, 16); break;
                    case 4: NativeCryptoPack.AesCtrXor(h, Counter, 0, Out, 0, 176); break;
                    case 5: NativeCryptoPack.GcmSeal(h, Nonce, 0, 12, Data, 0, 12, Out, 0, 176, Tag, 0, 16); break;
                    case 6: NativeCryptoPack.GcmSeal(h, Nonce, 0, 12, Data, 0, 176, Out, 0, 0, Tag, 0, 16); break;
                    case 7: ProtectOnce(s_cmTx, ref s_cmSeq); break;
                    case 8: UnprotectOnce(s_cmRx, s_cmRing, s_cmRingLength, ref s_cmPos); break;
                    case 9: ProtectOnce(s_gcmTx, ref s_gcmSeq); break;
                    case 10: UnprotectOnce(s_gcmRx, s_gcmRing, s_gcmRingLength, ref s_gcmPos); break;
                    case 13: if (NativeCryptoPack.P256Ecdh(Scalar, 0, PeerPoint, 0, 65, Secret, 0) != 0) throw new InvalidOperationException("ECDH"); break;
                    case 14: if (NativeCryptoPack.P256Sign(Scalar, 0, Hash, 0, 32, null!, 0, 0, Signature, 0) != 0) throw new InvalidOperationException("sign"); break;
                    case 15: if (NativeCryptoPack.P256Verify(OwnPoint, 0, 65, Hash, 0, 32, Signature, 0, 64) != 1) throw new InvalidOperationException("verify"); break;
                    case 16: ProtectOnce(s_engTx, ref s_engSeq); break;
                    case 17: UnprotectOnce(s_engRx, s_engRing, s_engRingLength, ref s_engPos); break;
                }
            }
            s_sink += Out[0];
        }

        // The pack must be there: a bench that silently measured managed code would print a wrong column.
        private static IAesEngineFactory SrtpEngines()
        {
            NativeCryptoSelection s = NativeCryptoSelection.Select(new SoftwareAesFactory());
            if (!s.IsNative) throw new InvalidOperationException(s.Reason!);
            s_slot = NativeCryptoPack.Open();
            byte[] key = new byte[32];
            for (int i = 0; i < key.Length; i++) key[i] = (byte)(0xA0 + i);
            NativeCryptoPack.SetAesKey(s_slot, key, 16, 16);
            NativeCryptoPack.SetHmacSha1Key(s_slot, key, 0, 20);
            for (int i = 0; i < 32; i++) Scalar[i] = (byte)(0x31 + i);
            byte[] peer = new byte[32];
            for (int i = 0; i < 32; i++) peer[i] = (byte)(0x52 + 3 * i);
            if (NativeCryptoPack.P256PublicKey(peer, 0, PeerPoint, 0) != 0 || NativeCryptoPack.P256PublicKey(Scalar, 0, OwnPoint, 0) != 0)
            {
                throw new InvalidOperationException("P-256 keys");
            }
            return s.Aes;
        }

        // The pack's AES behind IAesEngine alone (not ISrtpPacketEngineFactory): one engine call per packet for the keystream,
        // HMAC-SHA-1 and the rest managed, the configuration of an ESP32 whose hardware AES sits behind IAesEngine (issue 10 §4).
        private sealed class AesOnlyFactory : IAesEngineFactory
        {
            private readonly IAesEngineFactory _inner;

            internal AesOnlyFactory(IAesEngineFactory inner)
            {
                _inner = inner;
            }

            public IAesEngine? Create(int keyLength)
            {
                return _inner.Create(keyLength);
            }
        }
#else
        internal static void Run(int row, int n)
        {
            for (int i = 0; i < n; i++)
            {
                switch (row)
                {
                    case 0: s_hmac.Compute(Data, 0, 172, Out, 0, 10); break;
                    case 1: s_hmac.Compute(Data, 0, 176, Out, 0, 10); break;
                    case 2: s_sha1.Update(Data, 0, 64); break;
                    case 3: s_aes.EncryptBlocks(Data, 0, Out, 0, 16); break;
                    case 4: s_ctr.Transform(s_aes, Counter, 0, Data, 0, Out, 0, 176); break;
                    case 5: s_gcm.Seal(Nonce, 0, 12, Data, 0, 12, Data, 12, 176, Out, 0, Tag, 0, 16); break;
                    case 6: s_gcm.Seal(Nonce, 0, 12, Data, 0, 176, Data, 0, 0, Out, 0, Tag, 0, 16); break;
                    case 7: ProtectOnce(s_cmTx, ref s_cmSeq); break;
                    case 8: UnprotectOnce(s_cmRx, s_cmRing, s_cmRingLength, ref s_cmPos); break;
                    case 9: ProtectOnce(s_gcmTx, ref s_gcmSeq); break;
                    case 10: UnprotectOnce(s_gcmRx, s_gcmRing, s_gcmRingLength, ref s_gcmPos); break;
                    case 11: s_sink += Parse(); break;
                    case 12: s_sink += Build(); break;
                    case 13: if (!EcdhP256.ComputeSharedSecret(s_a, s_b.PublicKey, Secret, 0)) throw new InvalidOperationException("ECDH"); break;
                    case 14: EcdsaP256.Sign(s_a, Hash, 0, 32, Signature, 0); break;
                    default: if (!EcdsaP256.Verify(s_a.PublicKey, Hash, 0, 32, Signature, 0)) throw new InvalidOperationException("verify"); break;
                }
            }
        }

        private static IAesEngineFactory SrtpEngines()
        {
            return new SoftwareAesFactory();
        }
#endif

        // Grows the batch until it lasts TargetTicks; returns that batch's ticks and its size.
        private static long Calibrate(int row, out int batch)
        {
            int n = 1;
            long t;
            while (true)
            {
                t = Time(row, n);
                if (t >= TargetTicks || n >= (1 << 24)) break;
                long scaled = t <= 0 ? (long)n * 16 : (long)n * TargetTicks / t + 1;
                if (scaled > (long)n * 16) scaled = (long)n * 16;
                if (scaled <= n) scaled = n + 1;
                n = (int)scaled;
            }
            batch = n;
            return t;
        }

        private static long Time(int row, int n)
        {
            long t0 = DateTime.UtcNow.Ticks;
            Run(row, n);
            return DateTime.UtcNow.Ticks - t0;
        }

        internal static void Setup()
        {
            for (int i = 0; i < Data.Length; i++) Data[i] = (byte)(i * 7 + 3);
            byte[] key = new byte[32];
            for (int i = 0; i < key.Length; i++) key[i] = (byte)(0xA0 + i);
            s_hmac = new HmacSha1(key, 0, 20);
            s_sha1 = new Sha1();
            s_aes = new SoftwareAes();
            s_aes.SetKey(key, 0, 16);
            s_ctr = new AesCtr(176);
            for (int i = 0; i < 16; i++) Counter[i] = (byte)(0xF0 + i);
            SoftwareAes gcmEngine = new SoftwareAes();
            gcmEngine.SetKey(key, 16, 16);
            s_gcm = new AesGcm(gcmEngine, 176);
            for (int i = 0; i < 12; i++) Nonce[i] = (byte)i;

            for (int i = 0; i < Plain.Length; i++) Plain[i] = (byte)(i * 13 + 1);
            Plain[0] = 0x80;
            Plain[1] = 0x00;
            Plain[8] = 0x12; Plain[9] = 0x34; Plain[10] = 0x56; Plain[11] = 0x78;
            IAesEngineFactory engines = SrtpEngines();
            SetupSrtp(SrtpPolicy.AesCm128HmacSha1_80(), key, 0, engines);
            SetupSrtp(SrtpPolicy.AeadAes128Gcm(), key, 1, engines);
#if NATIVE_PACK
            SetupSrtp(SrtpPolicy.AesCm128HmacSha1_80(), key, 2, new AesOnlyFactory(engines));
#endif

            s_message = new byte[Base64.GetDecodedLength(Rfc4567Base64, 0, Rfc4567Base64.Length)];
            Base64.Decode(Rfc4567Base64, 0, Rfc4567Base64.Length, s_message, 0);
            s_reader = new MikeyReader();
            s_writer = new MikeyWriter();
            if (Parse() <= 0) throw new InvalidOperationException("MIKEY parse self-check");
            int built = Build();
            if (built != s_message.Length) throw new InvalidOperationException("MIKEY build self-check");
            for (int i = 0; i < built; i++)
            {
                if (BuildBuffer[i] != s_message[i]) throw new InvalidOperationException("MIKEY build self-check");
            }

            byte[] scalar = new byte[32];
            for (int i = 0; i < 32; i++) scalar[i] = (byte)(0x31 + i);
            s_a = P256PrivateKey.FromScalar(scalar, 0)!;
            for (int i = 0; i < 32; i++) scalar[i] = (byte)(0x52 + 3 * i);
            s_b = P256PrivateKey.FromScalar(scalar, 0)!;
            if (s_a == null || s_b == null) throw new InvalidOperationException("P-256 keys");
            for (int i = 0; i < 32; i++) Hash[i] = (byte)(0x99 ^ i);
            EcdsaP256.Sign(s_a, Hash, 0, 32, Signature, 0);
#if NATIVE_PACK
            // The pack's RFC 6979 signature over the same key and hash is the managed one (issue 15).
            byte[] native = new byte[64];
            if (NativeCryptoPack.P256Sign(Scalar, 0, Hash, 0, 32, null!, 0, 0, native, 0) != 0) throw new InvalidOperationException("native sign");
            for (int i = 0; i < 64; i++)
            {
                if (native[i] != Signature[i]) throw new InvalidOperationException("native and managed ECDSA signatures differ");
            }
#endif
        }

        // kind: 0 AES-CM rows, 1 GCM rows, 2 the AES-CM rows with the AES engine alone.
        private static void SetupSrtp(SrtpPolicy policy, byte[] key, int kind, IAesEngineFactory factory)
        {
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
            if (kind == 1) { s_gcmTx = tx; s_gcmRx = rx; s_gcmRing = ring; s_gcmRingLength = lengths; }
            else if (kind == 2) { s_engTx = tx; s_engRx = rx; s_engRing = ring; s_engRingLength = lengths; }
            else { s_cmTx = tx; s_cmRx = rx; s_cmRing = ring; s_cmRingLength = lengths; }
            int p = 0;
            UnprotectOnce(rx, ring, lengths, ref p);
        }

        // A fresh SEQ each call (a sender refuses to reuse an index); the copy is one native call.
        private static void ProtectOnce(SrtpCryptoContext tx, ref int seq)
        {
            Array.Copy(Plain, Work, Plain.Length);
            Work[2] = (byte)(seq >> 8);
            Work[3] = (byte)seq;
            seq = (seq + 1) & 0xFFFF;
            int len = Plain.Length;
            if (tx.Protect(Work, 0, ref len, Work.Length) != SrtpStatus.Ok) throw new InvalidOperationException("protect");
        }

        // A ring of protected packets; the receiver's replay window restarts with each lap.
        private static void UnprotectOnce(SrtpCryptoContext rx, byte[][] ring, int[] lengths, ref int pos)
        {
            if (pos == 0) rx.SetRolloverCounter(0);
            int len = lengths[pos];
            Array.Copy(ring[pos], Work, len);
            pos = (pos + 1) % Ring;
            if (rx.Unprotect(Work, 0, ref len) != SrtpStatus.Ok) throw new InvalidOperationException("unprotect");
        }

        private static long Parse()
        {
            MikeyReader r = s_reader;
            if (r.Reset(s_message, 0, s_message.Length) != MikeyStatus.Ok) return -1;
            CommonHeader h = r.Header;
            long sum = (int)h.DataType + h.CsbId + h.CsCount + h.GetSsrc(0) + h.GetRoc(0);
            while (r.Read() == MikeyStatus.Ok)
            {
                switch (r.PayloadType)
                {
                    case PayloadType.Timestamp: sum += (long)(r.Timestamp.Value >> 8); break;
                    case PayloadType.Rand: sum += r.Rand.RandOffset + r.Rand.RandLength; break;
                    case PayloadType.Id: sum += (int)r.Id.IdType + r.Id.DataOffset + r.Id.DataLength; break;
                    case PayloadType.SecurityPolicy: sum += r.SecurityPolicy.PolicyNo + r.SecurityPolicy.ParametersLength; break;
                    case PayloadType.Kemac: sum += r.Kemac.EncrDataLength + r.Kemac.MacOffset; break;
                }
            }
            return r.Status == MikeyStatus.End ? sum + r.CoveredLength : -1;
        }

        // The same I_MESSAGE from its fields (RAND at 31, IDi at 51, KEMAC encr data at 75, MAC at 112).
        private static int Build()
        {
            MikeyWriter w = s_writer;
            byte[] m = s_message;
            w.Reset(BuildBuffer, 0, BuildBuffer.Length);
            w.WriteHeader(DataType.PreShared, true, PrfFunction.Mikey1, 0xCD177E50, CsIdMapType.SrtpId);
            w.AddSrtpIdEntry(0, 0, 0);
            w.WriteTimestamp(TimestampType.NtpUtc, 0xC8E350EA00000000UL);
            w.WriteRand(m, 31, 16);
            w.WriteId(IdType.Nai, m, 51, 15);
            w.BeginSecurityPolicy(0, ProtocolType.Srtp);
            w.EndSecurityPolicy();
            w.WriteKemac(EncryptionAlgorithm.AesCm128, m, 75, 36, MacAlgorithm.HmacSha1160);
            Array.Copy(m, 112, BuildBuffer, w.IntegrityFieldOffset, 20);
            return w.Finish() == MikeyStatus.Ok ? w.Length : -1;
        }
    }
}
