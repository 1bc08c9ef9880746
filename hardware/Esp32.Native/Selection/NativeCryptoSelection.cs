using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Esp32.Native.Probe;
using NanoMikey.Esp32.Native.Srtp;
using NanoMikey.Esp32.NativeCrypto;
using NanoMikey.Srtp;
using NanoMikey.Srtp.Context;
using NanoMikey.Srtp.Policy;

namespace NanoMikey.Esp32.Native.Selection
{
    /// <summary>
    /// The start-up choice between the native crypto pack and managed crypto. nanoCLR refuses to start an application whose
    /// interop assembly has the same name as the image's but another native checksum, so the pack's assembly name carries its
    /// ABI generation and this class compares, through the frozen probe assembly, what the image carries with what this
    /// application was built against, then runs a known-answer self-test through the pack. The outcome is the native
    /// factories, or the managed ones plus one plain-words <see cref="Reason"/>. Portable code never sees the pack: the
    /// application passes <see cref="Aes"/> on (e.g. into <c>DevicePlatform</c>).
    /// </summary>
    public sealed class NativeCryptoSelection
    {
        private NativeCryptoSelection(NativeCryptoOutcome outcome, IAesEngineFactory aes, string? reason, string? imagePack)
        {
            Outcome = outcome;
            Aes = aes;
            Reason = reason;
            ImagePack = imagePack;
        }

        /// <summary>What was found.</summary>
        public NativeCryptoOutcome Outcome { get; private set; }

        /// <summary>True when <see cref="Aes"/> is the native pack's factory.</summary>
        public bool IsNative { get { return Outcome == NativeCryptoOutcome.Native; } }

        /// <summary>
        /// The AES engines to use: the pack's <see cref="NativeAesEngineFactory"/> (which also makes whole-packet SRTP engines),
        /// or the managed factory given to <see cref="Select"/>.
        /// </summary>
        public IAesEngineFactory Aes { get; private set; }

        /// <summary>Why managed crypto was chosen, in plain words for the device log; null when native.</summary>
        public string? Reason { get; private set; }

        /// <summary>The pack the image carries, as its probe describes it (assembly, checksum, mbedTLS, engines); null on a stock image.</summary>
        public string? ImagePack { get; private set; }

        /// <summary>
        /// Hands the MIKEY side to the pack as well when it was selected: sets <see cref="NanoMikey.Ecc.P256Offload.Engine"/>
        /// (P-256 keys, ECDH, ECDSA) and <see cref="NanoMikey.Mikey.Keys.MikeyOffload.Engine"/> (MIKEY PRF, KEMAC MAC) to the
        /// pack's engines. With managed crypto chosen it sets both to null, so the managed code runs. Call once at start-up,
        /// before any key is imported; returns <see cref="IsNative"/>.
        /// </summary>
        /// <returns>True when the pack's engines were installed.</returns>
        public bool InstallMikeyEngines()
        {
            if (IsNative)
            {
                NanoMikey.Ecc.P256Offload.Engine = new NanoMikey.Esp32.Native.Mikey.NativeP256Offload();
                NanoMikey.Mikey.Keys.MikeyOffload.Engine = new NanoMikey.Esp32.Native.Mikey.NativeMikeyOffload();
                return true;
            }
            NanoMikey.Ecc.P256Offload.Engine = null;
            NanoMikey.Mikey.Keys.MikeyOffload.Engine = null;
            return false;
        }

        /// <summary>The interop assembly (name with ABI generation) this application was built against.</summary>
        public static string RequiredAssembly { get { return NativeCryptoPackIdentity.Assembly; } }

        /// <summary>The native checksum of the interop assembly this application was built against.</summary>
        public static uint RequiredChecksum { get { return NativeCryptoPackIdentity.Checksum; } }

        /// <summary>
        /// Probes the image, compares the pack it carries with <see cref="RequiredAssembly"/>/<see cref="RequiredChecksum"/>,
        /// runs the self-test (one AES block, one HMAC-SHA-1, one SRTP packet against the managed path) and returns the choice.
        /// Never throws for a missing or wrong pack; call once at start-up.
        /// </summary>
        /// <param name="managed">The managed AES factory to fall back to (software AES, or the platform's).</param>
        /// <returns>The selection.</returns>
        public static NativeCryptoSelection Select(IAesEngineFactory managed)
        {
            if (managed == null) throw new ArgumentNullException("managed");
            byte[] text = new byte[256];
            int n;
            try
            {
                n = NativeProbe.Describe(text, 0);
            }
            catch (NotSupportedException)
            {
                return new NativeCryptoSelection(NativeCryptoOutcome.NoPack, managed,
                    "native crypto pack: this image carries none (stock nanoFramework firmware): using managed crypto; build the image "
                    + "with hardware/Esp32.Native/native to get it (docs/device.md, Native crypto pack)", null);
            }
            if (n < 0) n = 0; // a longer description than format 1's: read nothing, report it unreadable
            string assembly = Field(text, n, "assembly");
            string checksumText = Field(text, n, "checksum");
            uint checksum = ParseHex(checksumText);
            string image = assembly + " (checksum " + Hex8(checksum) + ", mbedTLS " + Field(text, n, "mbedtls") + ", hardware engines "
                + Field(text, n, "engines") + ")";
            if (assembly != NativeCryptoPackIdentity.Assembly || checksum != NativeCryptoPackIdentity.Checksum)
            {
                return new NativeCryptoSelection(NativeCryptoOutcome.Mismatch, managed,
                    "native crypto pack: this image carries " + (assembly.Length == 0 ? "an unreadable pack" : assembly) + " (checksum "
                    + Hex8(checksum) + "), this application needs " + NativeCryptoPackIdentity.Assembly + " (" + Hex8(NativeCryptoPackIdentity.Checksum)
                    + "): using managed crypto; rebuild the image from hardware/Esp32.Native/native of this release", image);
            }
            string? failed;
            try
            {
                failed = SelfTest(managed);
            }
            catch (Exception e)
            {
                failed = e.GetType().Name;
            }
            if (failed != null)
            {
                return new NativeCryptoSelection(NativeCryptoOutcome.SelfTestFailed, managed,
                    "native crypto pack: " + NativeCryptoPackIdentity.Assembly + " in this image failed its self-test (" + failed
                    + "): using managed crypto", image);
            }
            return new NativeCryptoSelection(NativeCryptoOutcome.Native, new NativeAesEngineFactory(), null, image);
        }

        // Known answers through the pack: FIPS-197 C.1 (AES-128), RFC 2202 §3 case 2 (HMAC-SHA-1), and one SRTP
        // AES_CM_128_HMAC_SHA1_80 packet both ways, byte-compared with the managed path. Null when all pass, else what failed.
        private static string? SelfTest(IAesEngineFactory managed)
        {
            byte[] key = new byte[16];
            byte[] block = new byte[16];
            for (int i = 0; i < 16; i++)
            {
                key[i] = (byte)i;
                block[i] = (byte)(i * 0x11);
            }
            NativePacketEngine? e = NativePacketEngine.TryCreate();
            if (e == null) return "no free context slot";
            e.SetKey(key, 0, 16);
            e.EncryptBlocks(block, 0, block, 0, 16);
            e.ClearKey();
            if (!Same(block, 0, new byte[] { 0x69, 0xC4, 0xE0, 0xD8, 0x6A, 0x7B, 0x04, 0x30, 0xD8, 0xCD, 0xB7, 0x80, 0x70, 0xB4, 0xC5, 0x5A }, 16)) return "AES block";

            byte[] jefe = new byte[] { 0x4A, 0x65, 0x66, 0x65 };
            byte[] what = new byte[28];
            string s = "what do ya want for nothing?";
            for (int i = 0; i < what.Length; i++) what[i] = (byte)s[i];
            byte[] mac = new byte[20];
            NativeCryptoPack.HmacSha1(jefe, 0, 4, what, 0, what.Length, mac, 0);
            if (!Same(mac, 0, new byte[] { 0xEF, 0xFC, 0xDF, 0x6A, 0xE5, 0xEB, 0x2F, 0xA2, 0xD2, 0x74, 0x16, 0xD5, 0xF1, 0x84, 0xDF, 0x9C, 0x25, 0x9A, 0x7C, 0x79 }, 20)) return "HMAC-SHA-1";

            if (!SrtpAgrees(managed)) return "SRTP packet";
            return null;
        }

        private static bool SrtpAgrees(IAesEngineFactory managed)
        {
            SrtpPolicy p = SrtpPolicy.AesCm128HmacSha1_80();
            byte[] master = new byte[30];
            for (int i = 0; i < master.Length; i++) master[i] = (byte)(0xC0 + 7 * i);
            const uint Ssrc = 0x5E1F7E57;
            var native = new NativeAesEngineFactory();
            SrtpCryptoContext mtx = new SrtpCryptoContext(p, Ssrc, SrtpDirection.Outbound, managed);
            SrtpCryptoContext ntx = new SrtpCryptoContext(p, Ssrc, SrtpDirection.Outbound, native);
            SrtpCryptoContext nrx = new SrtpCryptoContext(p, Ssrc, SrtpDirection.Inbound, native);
            mtx.AddMasterKey(master, 0, master, 16, null, 0);
            ntx.AddMasterKey(master, 0, master, 16, null, 0);
            nrx.AddMasterKey(master, 0, master, 16, null, 0);
            byte[] a = new byte[64], b = new byte[64];
            a[0] = 0x80; a[1] = 0x60; a[2] = 0x12; a[3] = 0x34;
            a[8] = 0x5E; a[9] = 0x1F; a[10] = 0x7E; a[11] = 0x57;
            byte[] payload = PlainTail();
            Array.Copy(payload, 0, a, 12, payload.Length);
            Array.Copy(a, b, 44);
            int la = 44, lb = 44;
            bool ok = mtx.Protect(a, 0, ref la, a.Length) == SrtpStatus.Ok && ntx.Protect(b, 0, ref lb, b.Length) == SrtpStatus.Ok
                && la == lb && Same(a, 0, b, la);
            ok = ok && nrx.Unprotect(b, 0, ref lb) == SrtpStatus.Ok && lb == 44 && Same(b, 12, PlainTail(), 32);
            mtx.Clear();
            ntx.Clear();
            nrx.Clear();
            return ok;
        }

        private static byte[] PlainTail()
        {
            byte[] p = new byte[32];
            for (int i = 0; i < p.Length; i++) p[i] = (byte)(i * 29 + 5);
            return p;
        }

        private static bool Same(byte[] a, int offset, byte[] b, int length)
        {
            int d = 0;
            for (int i = 0; i < length; i++) d |= a[offset + i] ^ b[i];
            return d == 0;
        }

        // The value of "key=value" in the probe's text (lines ending in '\n'); "" when absent.
        private static string Field(byte[] text, int length, string key)
        {
            int i = 0;
            while (i < length)
            {
                int end = i;
                while (end < length && text[end] != (byte)'\n') end++;
                int k = 0;
                while (k < key.Length && i + k < end && text[i + k] == (byte)key[k]) k++;
                if (k == key.Length && i + k < end && text[i + k] == (byte)'=')
                {
                    int start = i + k + 1;
                    char[] c = new char[end - start];
                    for (int j = 0; j < c.Length; j++) c[j] = (char)text[start + j];
                    return new string(c);
                }
                i = end + 1;
            }
            return "";
        }

        private static uint ParseHex(string s)
        {
            uint v = 0;
            int i = s.Length > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') ? 2 : 0;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (d < 0) return 0;
                v = (v << 4) | (uint)d;
            }
            return v;
        }

        private static string Hex8(uint v)
        {
            char[] c = new char[10];
            c[0] = '0';
            c[1] = 'x';
            for (int i = 0; i < 8; i++)
            {
                int d = (int)((v >> (28 - 4 * i)) & 0xF);
                c[2 + i] = (char)(d < 10 ? '0' + d : 'A' + d - 10);
            }
            return new string(c);
        }
    }
}
