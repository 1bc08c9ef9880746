using System;
using NanoMikey.Crypto;

namespace NanoMikey.Crypto.Hash
{
    /// <summary>SHA-1 (FIPS 180-4 §6.1), incremental, allocation-free after construction.</summary>
    /// <remarks>Kept for HMAC-SHA-1 (SRTP, MIKEY PRF); not for new signatures.</remarks>
    [HotPath]
    public sealed class Sha1 : MerkleDamgardHash
    {
        /// <summary>Digest size in bytes.</summary>
        public const int HashSize = 20;

        private readonly uint[] _w = new uint[80];

        /// <summary>Creates a hash in its initial state.</summary>
        public Sha1() : base(HashSize)
        {
            Reset();
        }

        /// <summary>One-shot SHA-1 of a range into <paramref name="output"/> (allocates a hash object).</summary>
        /// <param name="data">Input buffer.</param>
        /// <param name="offset">Offset of the input.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset of the digest.</param>
        public static void Hash(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            var h = new Sha1();
            h.Update(data, offset, count);
            h.Final(output, outputOffset);
        }

        /// <inheritdoc />
        protected override void LoadInitialState(uint[] state)
        {
            // FIPS 180-4 §5.3.1.
            state[0] = 0x67452301;
            state[1] = 0xEFCDAB89;
            state[2] = 0x98BADCFE;
            state[3] = 0x10325476;
            state[4] = 0xC3D2E1F0;
        }

        /// <inheritdoc />
        protected override void ClearScratch()
        {
            Array.Clear(_w, 0, 80);
        }

        // FIPS 180-4 §6.1.2, rounds unrolled five at a time so the a..e roles rotate without moves.
        /// <inheritdoc />
        protected override void Compress(byte[] p, int o)
        {
            uint[] w = _w;
            for (int t = 0; t < 16; t++, o += 4)
            {
                w[t] = ((uint)p[o] << 24) | ((uint)p[o + 1] << 16) | ((uint)p[o + 2] << 8) | p[o + 3];
            }
            for (int t = 16; t < 80; t++)
            {
                uint x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
                w[t] = (x << 1) | (x >> 31);
            }
            uint[] hs = State;
            uint a = hs[0], b = hs[1], c = hs[2], d = hs[3], e = hs[4];
            int i = 0;
            for (; i < 20; i += 5)
            {
                e += ((a << 5) | (a >> 27)) + (d ^ (b & (c ^ d))) + 0x5A827999 + w[i]; b = (b << 30) | (b >> 2);
                d += ((e << 5) | (e >> 27)) + (c ^ (a & (b ^ c))) + 0x5A827999 + w[i + 1]; a = (a << 30) | (a >> 2);
                c += ((d << 5) | (d >> 27)) + (b ^ (e & (a ^ b))) + 0x5A827999 + w[i + 2]; e = (e << 30) | (e >> 2);
                b += ((c << 5) | (c >> 27)) + (a ^ (d & (e ^ a))) + 0x5A827999 + w[i + 3]; d = (d << 30) | (d >> 2);
                a += ((b << 5) | (b >> 27)) + (e ^ (c & (d ^ e))) + 0x5A827999 + w[i + 4]; c = (c << 30) | (c >> 2);
            }
            for (; i < 40; i += 5)
            {
                e += ((a << 5) | (a >> 27)) + (b ^ c ^ d) + 0x6ED9EBA1 + w[i]; b = (b << 30) | (b >> 2);
                d += ((e << 5) | (e >> 27)) + (a ^ b ^ c) + 0x6ED9EBA1 + w[i + 1]; a = (a << 30) | (a >> 2);
                c += ((d << 5) | (d >> 27)) + (e ^ a ^ b) + 0x6ED9EBA1 + w[i + 2]; e = (e << 30) | (e >> 2);
                b += ((c << 5) | (c >> 27)) + (d ^ e ^ a) + 0x6ED9EBA1 + w[i + 3]; d = (d << 30) | (d >> 2);
                a += ((b << 5) | (b >> 27)) + (c ^ d ^ e) + 0x6ED9EBA1 + w[i + 4]; c = (c << 30) | (c >> 2);
            }
            for (; i < 60; i += 5)
            {
                e += ((a << 5) | (a >> 27)) + ((b & c) | (d & (b | c))) + 0x8F1BBCDC + w[i]; b = (b << 30) | (b >> 2);
                d += ((e << 5) | (e >> 27)) + ((a & b) | (c & (a | b))) + 0x8F1BBCDC + w[i + 1]; a = (a << 30) | (a >> 2);
                c += ((d << 5) | (d >> 27)) + ((e & a) | (b & (e | a))) + 0x8F1BBCDC + w[i + 2]; e = (e << 30) | (e >> 2);
                b += ((c << 5) | (c >> 27)) + ((d & e) | (a & (d | e))) + 0x8F1BBCDC + w[i + 3]; d = (d << 30) | (d >> 2);
                a += ((b << 5) | (b >> 27)) + ((c & d) | (e & (c | d))) + 0x8F1BBCDC + w[i + 4]; c = (c << 30) | (c >> 2);
            }
            for (; i < 80; i += 5)
            {
                e += ((a << 5) | (a >> 27)) + (b ^ c ^ d) + 0xCA62C1D6 + w[i]; b = (b << 30) | (b >> 2);
                d += ((e << 5) | (e >> 27)) + (a ^ b ^ c) + 0xCA62C1D6 + w[i + 1]; a = (a << 30) | (a >> 2);
                c += ((d << 5) | (d >> 27)) + (e ^ a ^ b) + 0xCA62C1D6 + w[i + 2]; e = (e << 30) | (e >> 2);
                b += ((c << 5) | (c >> 27)) + (d ^ e ^ a) + 0xCA62C1D6 + w[i + 3]; d = (d << 30) | (d >> 2);
                a += ((b << 5) | (b >> 27)) + (c ^ d ^ e) + 0xCA62C1D6 + w[i + 4]; c = (c << 30) | (c >> 2);
            }
            hs[0] += a;
            hs[1] += b;
            hs[2] += c;
            hs[3] += d;
            hs[4] += e;
        }
    }
}
