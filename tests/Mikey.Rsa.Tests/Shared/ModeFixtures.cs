using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Time;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>What the RSA/MODP mode tests share: the exchange time, the identities, seeded DRBGs, a replay cache, hex.</summary>
    internal static class ModeFixtures
    {
        /// <summary>The exchange time: 2022-08-19T07:57:12Z (NTP-UTC), as the ECC vectors.</summary>
        internal const ulong T = 0xe6a9c0d800000000;

        internal static readonly byte[] Alice = Encoding.ASCII.GetBytes("sip:alice@example.com");
        internal static readonly byte[] Bob = Encoding.ASCII.GetBytes("sip:bob@example.com");

        /// <summary>HMAC_DRBG (SHA-256) with entropy SHA-256("nanoMikey RSA test DRBG: " + seed), nonce 16 zero bytes.</summary>
        internal static HmacDrbg Drbg(string seed)
        {
            byte[] entropy = SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey RSA test DRBG: " + seed));
            return new HmacDrbg(entropy, new byte[16], null, 1 << 16);
        }

        internal static ReplayCache Cache(ModeClock clock, int size = 16) => new ReplayCache(size, clock, new FreshnessPolicy());

        internal static string Hex(byte[] b, int offset, int n) => Convert.ToHexString(b, offset, n).ToLowerInvariant();
    }

    /// <summary>A settable clock.</summary>
    internal sealed class ModeClock : IMikeyClock
    {
        public ulong NtpNow { get; set; } = ModeFixtures.T;
        public uint OffsetBoundSeconds { get; set; }
    }
}
