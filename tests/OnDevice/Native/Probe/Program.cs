using System;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Esp32.Native.Selection;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// Start-up selection and per-packet allocation with the native crypto pack (see Native.Probe.csproj). Lines:
    /// "SELECT|outcome|reason|image pack", "PROBE BEGIN name" / "PROBE END name", "PROBE OK" or "PROBE FAILED ...".
    /// </summary>
    public static class Program
    {
        private const int Packets = 10000; // per direction and transform (issue 10 §2, issue 15)
        private const int WarmUp = 200;

        // d = 1..32 and d = 32..1 (any valid scalars): Alice's secret with Bob's key equals Bob's with Alice's.
        private static bool EcdhAgrees()
        {
            byte[] a = new byte[32], b = new byte[32], sa = new byte[32], sb = new byte[32];
            for (int i = 0; i < 32; i++)
            {
                a[i] = (byte)(i + 1);
                b[i] = (byte)(32 - i);
            }
            NanoMikey.Ecc.P256PrivateKey ka = NanoMikey.Ecc.P256PrivateKey.FromScalar(a, 0), kb = NanoMikey.Ecc.P256PrivateKey.FromScalar(b, 0);
            if (ka == null || kb == null) return false;
            if (!NanoMikey.Ecc.EcdhP256.ComputeSharedSecret(ka, kb.PublicKey, sa, 0)) return false;
            if (!NanoMikey.Ecc.EcdhP256.ComputeSharedSecret(kb, ka.PublicKey, sb, 0)) return false;
            for (int i = 0; i < 32; i++)
            {
                if (sa[i] != sb[i]) return false;
            }
            return true;
        }

        public static void Main()
        {
            try
            {
                NativeCryptoSelection s = NativeCryptoSelection.Select(new SoftwareAesFactory());
                Console.WriteLine("SELECT|" + Name(s.Outcome) + "|" + (s.Reason ?? "") + "|" + (s.ImagePack ?? ""));
                // The MIKEY side follows the same choice: the pack's P-256/PRF engines, or none (managed). One ECDH both ways
                // through whatever was installed shows it carries the keys.
                bool mikeyNative = s.InstallMikeyEngines();
                Console.WriteLine("MIKEY|" + (mikeyNative ? "native" : "managed") + "|" + (EcdhAgrees() ? "ecdh-ok" : "ecdh-failed"));
                // Whatever was selected carries SRTP: a few packets through it (the managed fallback included).
                SrtpBothWays(null, SrtpPolicy.AesCm128HmacSha1_80(), false, s.Aes, 20, 0);
                if (s.IsNative)
                {
                    SrtpBothWays("native-aes-cm-128-hmac-sha1-80", SrtpPolicy.AesCm128HmacSha1_80(), false, s.Aes, Packets, WarmUp);
                    SrtpBothWays("native-aes-cm-128-hmac-sha1-32", SrtpPolicy.AesCm128HmacSha1_32(), false, s.Aes, Packets, WarmUp);
                    SrtpBothWays("native-null-hmac-sha1-80", SrtpPolicy.NullHmacSha1_80(), false, s.Aes, Packets, WarmUp);
                    SrtpBothWays("native-aead-aes-128-gcm", SrtpPolicy.AeadAes128Gcm(), false, s.Aes, Packets, WarmUp);
                    SrtpBothWays("native-aead-aes-256-gcm", SrtpPolicy.AeadAes256Gcm(), false, s.Aes, Packets, WarmUp);
                    SrtpBothWays("native-srtcp-aes-cm-128-hmac-sha1-80", SrtpPolicy.AesCm128HmacSha1_80(), true, s.Aes, Packets, WarmUp);
                    SrtpBothWays("native-srtcp-aead-aes-128-gcm", SrtpPolicy.AeadAes128Gcm(), true, s.Aes, Packets, WarmUp);
                }
                Console.WriteLine("PROBE OK");
            }
            catch (Exception e)
            {
                Console.WriteLine("PROBE FAILED " + e.GetType().FullName + ": " + e.Message);
            }
        }

        private static string Name(NativeCryptoOutcome o)
        {
            switch (o)
            {
                case NativeCryptoOutcome.Native: return "native";
                case NativeCryptoOutcome.NoPack: return "nopack";
                case NativeCryptoOutcome.Mismatch: return "mismatch";
                default: return "selftest";
            }
        }

        // Two peers, an outbound and an inbound context each; `packets` each way after `warmUp` each way; a 172-byte RTP packet
        // (20 ms of G.711), a 28-byte SRTCP sender report. A null name: no markers.
        private static void SrtpBothWays(string name, SrtpPolicy p, bool rtcp, IAesEngineFactory f, int packets, int warmUp)
        {
            const uint A = 0x0A0A0A0A, B = 0x0B0B0B0B;
            SrtpCryptoContext aOut = NanoMikey.OnDevice.Packets.Context(p, A, SrtpDirection.Outbound, 1, f), bIn = NanoMikey.OnDevice.Packets.Context(p, A, SrtpDirection.Inbound, 1, f);
            SrtpCryptoContext bOut = NanoMikey.OnDevice.Packets.Context(p, B, SrtpDirection.Outbound, 2, f), aIn = NanoMikey.OnDevice.Packets.Context(p, B, SrtpDirection.Inbound, 2, f);
            byte[] ab = new byte[256], ba = new byte[256];
            int seq = 1;
            for (int i = 0; i < warmUp; i++, seq++)
            {
                NanoMikey.OnDevice.Packets.Send(aOut, bIn, ab, A, seq, rtcp);
                NanoMikey.OnDevice.Packets.Send(bOut, aIn, ba, B, seq, rtcp);
            }
            if (name != null) Console.WriteLine("PROBE BEGIN " + name);
            for (int i = 0; i < packets; i++, seq++)
            {
                NanoMikey.OnDevice.Packets.Send(aOut, bIn, ab, A, seq, rtcp);
                NanoMikey.OnDevice.Packets.Send(bOut, aIn, ba, B, seq, rtcp);
            }
            if (name != null) Console.WriteLine("PROBE END " + name);
            aOut.Clear();
            bIn.Clear();
            bOut.Clear();
            aIn.Clear();
        }
    }
}
