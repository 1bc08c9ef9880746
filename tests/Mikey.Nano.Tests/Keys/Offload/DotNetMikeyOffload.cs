using System.Security.Cryptography;
using NanoMikey.Mikey.Keys;
using NanoMikey.Mikey.Payloads;

namespace NanoMikey.Mikey.Tests.Keys.Offload
{
    /// <summary>
    /// A MIKEY PRF / MAC engine outside our managed code for host tests, written from RFC 3830 §4.1.2 and RFC 6043 §6.1 over
    /// System.Security.Cryptography's HMAC. Counts its calls; <see cref="Declining"/> makes it answer false to everything.
    /// </summary>
    internal sealed class DotNetMikeyOffload : IMikeyOffload
    {
        public int Derivations, Macs;

        public bool Declining;

        public bool Derive(PrfFunction function, byte[] inkey, int inkeyOffset, int inkeyLength,
            byte[] label, int labelOffset, int labelLength, byte[] output, int outputOffset, int outputLength)
        {
            Interlocked.Increment(ref Derivations);
            if (Declining) return false;
            bool sha256 = function == PrfFunction.PrfHmacSha256;
            byte[] l = label.AsSpan(labelOffset, labelLength).ToArray();
            byte[] outkey = new byte[outputLength];
            // inkey in 256-bit pieces s_1..s_n (the last shorter); outkey = P(s_1, label, m) XOR ... XOR P(s_n, label, m).
            for (int s = 0; s < inkeyLength; s += 32)
            {
                byte[] piece = inkey.AsSpan(inkeyOffset + s, Math.Min(32, inkeyLength - s)).ToArray();
                byte[] p = PHash(sha256, piece, l, outputLength);
                for (int i = 0; i < outputLength; i++) outkey[i] ^= p[i];
            }

            outkey.CopyTo(output, outputOffset);
            return true;
        }

        public bool ComputeMac(MacAlgorithm algorithm, byte[] key, int keyOffset, int keyLength, byte[] data, int offset, int length,
            byte[]? extra, int extraOffset, int extraLength, byte[] mac, int macOffset)
        {
            Interlocked.Increment(ref Macs);
            if (Declining) return false;
            byte[] k = key.AsSpan(keyOffset, keyLength).ToArray();
            byte[] input = [.. data.AsSpan(offset, length), .. (extra ?? []).AsSpan(extraOffset, extraLength)];
            byte[] m = algorithm == MacAlgorithm.HmacSha256256 ? HMACSHA256.HashData(k, input) : HMACSHA1.HashData(k, input);
            m.CopyTo(mac, macOffset);
            return true;
        }

        // P(s, label, m) = HMAC(s, A_1 || label) || HMAC(s, A_2 || label) || ..., A_0 = label, A_i = HMAC(s, A_(i-1)).
        private static byte[] PHash(bool sha256, byte[] s, byte[] label, int length)
        {
            var result = new List<byte>();
            byte[] a = label;
            while (result.Count < length)
            {
                a = Hmac(sha256, s, a);
                result.AddRange(Hmac(sha256, s, [.. a, .. label]));
            }

            return result.GetRange(0, length).ToArray();
        }

        private static byte[] Hmac(bool sha256, byte[] key, byte[] data) => sha256 ? HMACSHA256.HashData(key, data) : HMACSHA1.HashData(key, data);
    }
}
