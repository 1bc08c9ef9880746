using System;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Sip.Transaction
{
    /// <summary>
    /// Fresh identifiers from an entropy source: branches with the RFC 3261 magic cookie <c>z9hG4bK</c> (§8.1.1.7, unique
    /// across space and time), tags (§19.3: at least 32 random bits) and Call-IDs (§8.1.1.4). Each call allocates its string
    /// (signalling set-up, not a per-packet path).
    /// </summary>
    public sealed class SipTokenGenerator
    {
        private static readonly string Cookie = "z9hG4bK";
        private static readonly char[] Hex = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f' };

        private readonly IEntropySource _entropy;
        private readonly byte[] _random = new byte[16];

        /// <summary>Creates a generator.</summary>
        /// <param name="entropy">The device's random source (a DRBG or the hardware RNG).</param>
        public SipTokenGenerator(IEntropySource entropy)
        {
            if (entropy == null) throw new ArgumentNullException();
            _entropy = entropy;
        }

        /// <summary>A new branch: <c>z9hG4bK</c> and 96 random bits in hex.</summary>
        /// <returns>The branch.</returns>
        public string NewBranch()
        {
            return Make(Cookie, 12, null);
        }

        /// <summary>A new tag: 64 random bits in hex (§19.3).</summary>
        /// <returns>The tag.</returns>
        public string NewTag()
        {
            return Make(null, 8, null);
        }

        /// <summary>A new Call-ID: 128 random bits in hex, then <c>@host</c> when a host is given (§8.1.1.4).</summary>
        /// <param name="host">The device's host or address, or null.</param>
        /// <returns>The Call-ID.</returns>
        public string NewCallId(string? host)
        {
            return Make(null, 16, host);
        }

        private string Make(string? prefix, int bytes, string? host)
        {
            _entropy.GetEntropy(_random, 0, bytes);
            int p = prefix == null ? 0 : prefix.Length;
            int n = p + 2 * bytes + (host == null ? 0 : 1 + host.Length);
            char[] c = new char[n];
            for (int i = 0; i < p; i++) c[i] = prefix![i];
            for (int i = 0; i < bytes; i++)
            {
                c[p + 2 * i] = Hex[_random[i] >> 4];
                c[p + 2 * i + 1] = Hex[_random[i] & 0xF];
            }

            if (host != null)
            {
                int h = p + 2 * bytes;
                c[h] = '@';
                for (int i = 0; i < host.Length; i++) c[h + 1 + i] = host[i];
            }

            Array.Clear(_random, 0, _random.Length);
            return new string(c);
        }
    }
}
