namespace NanoMikey.Crypto.Hash
{
    /// <summary>MD5 (RFC 1321), incremental, allocation-free after construction.</summary>
    /// <remarks>
    /// Broken for collisions (RFC 6151): it is here only for HTTP/SIP digest authentication (RFC 2617, RFC 7616 §3.4 with
    /// algorithm=MD5, RFC 8760), which older SIP registrars still require. Never use it for signatures, MACs or key derivation.
    /// </remarks>
    [HotPath]
    public sealed class Md5 : MerkleDamgardHash
    {
        /// <summary>Digest size in bytes.</summary>
        public const int HashSize = 16;

        /// <summary>Creates a hash in its initial state.</summary>
        public Md5() : base(HashSize, true)
        {
            Reset();
        }

        /// <summary>One-shot MD5 of a range into <paramref name="output"/> (allocates a hash object).</summary>
        /// <param name="data">Input buffer.</param>
        /// <param name="offset">Offset of the input.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset of the digest.</param>
        public static void Hash(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            var h = new Md5();
            h.Update(data, offset, count);
            h.Final(output, outputOffset);
        }

        /// <inheritdoc />
        protected override void LoadInitialState(uint[] state)
        {
            // RFC 1321 §3.3 (words A, B, C, D as little-endian values).
            state[0] = 0x67452301;
            state[1] = 0xEFCDAB89;
            state[2] = 0x98BADCFE;
            state[3] = 0x10325476;
        }

        /// <inheritdoc />
        protected override void ClearScratch()
        {
            // The block words live in locals of Compress: nothing outlives the call.
        }

        // RFC 1321 §3.4, unrolled like Sha1: the a..d roles renamed per step instead of moved, the 16 words in locals
        // (x[k] little-endian, §2), T[i] = floor(2^32 * |sin(i)|) as constants.
        /// <inheritdoc />
        protected override void Compress(byte[] p, int o)
        {
            uint x0 = p[o + 0] | ((uint)p[o + 1] << 8) | ((uint)p[o + 2] << 16) | ((uint)p[o + 3] << 24);
            uint x1 = p[o + 4] | ((uint)p[o + 5] << 8) | ((uint)p[o + 6] << 16) | ((uint)p[o + 7] << 24);
            uint x2 = p[o + 8] | ((uint)p[o + 9] << 8) | ((uint)p[o + 10] << 16) | ((uint)p[o + 11] << 24);
            uint x3 = p[o + 12] | ((uint)p[o + 13] << 8) | ((uint)p[o + 14] << 16) | ((uint)p[o + 15] << 24);
            uint x4 = p[o + 16] | ((uint)p[o + 17] << 8) | ((uint)p[o + 18] << 16) | ((uint)p[o + 19] << 24);
            uint x5 = p[o + 20] | ((uint)p[o + 21] << 8) | ((uint)p[o + 22] << 16) | ((uint)p[o + 23] << 24);
            uint x6 = p[o + 24] | ((uint)p[o + 25] << 8) | ((uint)p[o + 26] << 16) | ((uint)p[o + 27] << 24);
            uint x7 = p[o + 28] | ((uint)p[o + 29] << 8) | ((uint)p[o + 30] << 16) | ((uint)p[o + 31] << 24);
            uint x8 = p[o + 32] | ((uint)p[o + 33] << 8) | ((uint)p[o + 34] << 16) | ((uint)p[o + 35] << 24);
            uint x9 = p[o + 36] | ((uint)p[o + 37] << 8) | ((uint)p[o + 38] << 16) | ((uint)p[o + 39] << 24);
            uint x10 = p[o + 40] | ((uint)p[o + 41] << 8) | ((uint)p[o + 42] << 16) | ((uint)p[o + 43] << 24);
            uint x11 = p[o + 44] | ((uint)p[o + 45] << 8) | ((uint)p[o + 46] << 16) | ((uint)p[o + 47] << 24);
            uint x12 = p[o + 48] | ((uint)p[o + 49] << 8) | ((uint)p[o + 50] << 16) | ((uint)p[o + 51] << 24);
            uint x13 = p[o + 52] | ((uint)p[o + 53] << 8) | ((uint)p[o + 54] << 16) | ((uint)p[o + 55] << 24);
            uint x14 = p[o + 56] | ((uint)p[o + 57] << 8) | ((uint)p[o + 58] << 16) | ((uint)p[o + 59] << 24);
            uint x15 = p[o + 60] | ((uint)p[o + 61] << 8) | ((uint)p[o + 62] << 16) | ((uint)p[o + 63] << 24);
            uint[] hs = State;
            uint a = hs[0], b = hs[1], c = hs[2], d = hs[3];

            // Round 1 (RFC 1321 §3.4).
            a += (d ^ (b & (c ^ d))) + 0xD76AA478 + x0; a = ((a << 7) | (a >> 25)) + b;
            d += (c ^ (a & (b ^ c))) + 0xE8C7B756 + x1; d = ((d << 12) | (d >> 20)) + a;
            c += (b ^ (d & (a ^ b))) + 0x242070DB + x2; c = ((c << 17) | (c >> 15)) + d;
            b += (a ^ (c & (d ^ a))) + 0xC1BDCEEE + x3; b = ((b << 22) | (b >> 10)) + c;
            a += (d ^ (b & (c ^ d))) + 0xF57C0FAF + x4; a = ((a << 7) | (a >> 25)) + b;
            d += (c ^ (a & (b ^ c))) + 0x4787C62A + x5; d = ((d << 12) | (d >> 20)) + a;
            c += (b ^ (d & (a ^ b))) + 0xA8304613 + x6; c = ((c << 17) | (c >> 15)) + d;
            b += (a ^ (c & (d ^ a))) + 0xFD469501 + x7; b = ((b << 22) | (b >> 10)) + c;
            a += (d ^ (b & (c ^ d))) + 0x698098D8 + x8; a = ((a << 7) | (a >> 25)) + b;
            d += (c ^ (a & (b ^ c))) + 0x8B44F7AF + x9; d = ((d << 12) | (d >> 20)) + a;
            c += (b ^ (d & (a ^ b))) + 0xFFFF5BB1 + x10; c = ((c << 17) | (c >> 15)) + d;
            b += (a ^ (c & (d ^ a))) + 0x895CD7BE + x11; b = ((b << 22) | (b >> 10)) + c;
            a += (d ^ (b & (c ^ d))) + 0x6B901122 + x12; a = ((a << 7) | (a >> 25)) + b;
            d += (c ^ (a & (b ^ c))) + 0xFD987193 + x13; d = ((d << 12) | (d >> 20)) + a;
            c += (b ^ (d & (a ^ b))) + 0xA679438E + x14; c = ((c << 17) | (c >> 15)) + d;
            b += (a ^ (c & (d ^ a))) + 0x49B40821 + x15; b = ((b << 22) | (b >> 10)) + c;
            // Round 2 (RFC 1321 §3.4).
            a += (c ^ (d & (b ^ c))) + 0xF61E2562 + x1; a = ((a << 5) | (a >> 27)) + b;
            d += (b ^ (c & (a ^ b))) + 0xC040B340 + x6; d = ((d << 9) | (d >> 23)) + a;
            c += (a ^ (b & (d ^ a))) + 0x265E5A51 + x11; c = ((c << 14) | (c >> 18)) + d;
            b += (d ^ (a & (c ^ d))) + 0xE9B6C7AA + x0; b = ((b << 20) | (b >> 12)) + c;
            a += (c ^ (d & (b ^ c))) + 0xD62F105D + x5; a = ((a << 5) | (a >> 27)) + b;
            d += (b ^ (c & (a ^ b))) + 0x02441453 + x10; d = ((d << 9) | (d >> 23)) + a;
            c += (a ^ (b & (d ^ a))) + 0xD8A1E681 + x15; c = ((c << 14) | (c >> 18)) + d;
            b += (d ^ (a & (c ^ d))) + 0xE7D3FBC8 + x4; b = ((b << 20) | (b >> 12)) + c;
            a += (c ^ (d & (b ^ c))) + 0x21E1CDE6 + x9; a = ((a << 5) | (a >> 27)) + b;
            d += (b ^ (c & (a ^ b))) + 0xC33707D6 + x14; d = ((d << 9) | (d >> 23)) + a;
            c += (a ^ (b & (d ^ a))) + 0xF4D50D87 + x3; c = ((c << 14) | (c >> 18)) + d;
            b += (d ^ (a & (c ^ d))) + 0x455A14ED + x8; b = ((b << 20) | (b >> 12)) + c;
            a += (c ^ (d & (b ^ c))) + 0xA9E3E905 + x13; a = ((a << 5) | (a >> 27)) + b;
            d += (b ^ (c & (a ^ b))) + 0xFCEFA3F8 + x2; d = ((d << 9) | (d >> 23)) + a;
            c += (a ^ (b & (d ^ a))) + 0x676F02D9 + x7; c = ((c << 14) | (c >> 18)) + d;
            b += (d ^ (a & (c ^ d))) + 0x8D2A4C8A + x12; b = ((b << 20) | (b >> 12)) + c;
            // Round 3 (RFC 1321 §3.4).
            a += (b ^ c ^ d) + 0xFFFA3942 + x5; a = ((a << 4) | (a >> 28)) + b;
            d += (a ^ b ^ c) + 0x8771F681 + x8; d = ((d << 11) | (d >> 21)) + a;
            c += (d ^ a ^ b) + 0x6D9D6122 + x11; c = ((c << 16) | (c >> 16)) + d;
            b += (c ^ d ^ a) + 0xFDE5380C + x14; b = ((b << 23) | (b >> 9)) + c;
            a += (b ^ c ^ d) + 0xA4BEEA44 + x1; a = ((a << 4) | (a >> 28)) + b;
            d += (a ^ b ^ c) + 0x4BDECFA9 + x4; d = ((d << 11) | (d >> 21)) + a;
            c += (d ^ a ^ b) + 0xF6BB4B60 + x7; c = ((c << 16) | (c >> 16)) + d;
            b += (c ^ d ^ a) + 0xBEBFBC70 + x10; b = ((b << 23) | (b >> 9)) + c;
            a += (b ^ c ^ d) + 0x289B7EC6 + x13; a = ((a << 4) | (a >> 28)) + b;
            d += (a ^ b ^ c) + 0xEAA127FA + x0; d = ((d << 11) | (d >> 21)) + a;
            c += (d ^ a ^ b) + 0xD4EF3085 + x3; c = ((c << 16) | (c >> 16)) + d;
            b += (c ^ d ^ a) + 0x04881D05 + x6; b = ((b << 23) | (b >> 9)) + c;
            a += (b ^ c ^ d) + 0xD9D4D039 + x9; a = ((a << 4) | (a >> 28)) + b;
            d += (a ^ b ^ c) + 0xE6DB99E5 + x12; d = ((d << 11) | (d >> 21)) + a;
            c += (d ^ a ^ b) + 0x1FA27CF8 + x15; c = ((c << 16) | (c >> 16)) + d;
            b += (c ^ d ^ a) + 0xC4AC5665 + x2; b = ((b << 23) | (b >> 9)) + c;
            // Round 4 (RFC 1321 §3.4).
            a += (c ^ (b | ~d)) + 0xF4292244 + x0; a = ((a << 6) | (a >> 26)) + b;
            d += (b ^ (a | ~c)) + 0x432AFF97 + x7; d = ((d << 10) | (d >> 22)) + a;
            c += (a ^ (d | ~b)) + 0xAB9423A7 + x14; c = ((c << 15) | (c >> 17)) + d;
            b += (d ^ (c | ~a)) + 0xFC93A039 + x5; b = ((b << 21) | (b >> 11)) + c;
            a += (c ^ (b | ~d)) + 0x655B59C3 + x12; a = ((a << 6) | (a >> 26)) + b;
            d += (b ^ (a | ~c)) + 0x8F0CCC92 + x3; d = ((d << 10) | (d >> 22)) + a;
            c += (a ^ (d | ~b)) + 0xFFEFF47D + x10; c = ((c << 15) | (c >> 17)) + d;
            b += (d ^ (c | ~a)) + 0x85845DD1 + x1; b = ((b << 21) | (b >> 11)) + c;
            a += (c ^ (b | ~d)) + 0x6FA87E4F + x8; a = ((a << 6) | (a >> 26)) + b;
            d += (b ^ (a | ~c)) + 0xFE2CE6E0 + x15; d = ((d << 10) | (d >> 22)) + a;
            c += (a ^ (d | ~b)) + 0xA3014314 + x6; c = ((c << 15) | (c >> 17)) + d;
            b += (d ^ (c | ~a)) + 0x4E0811A1 + x13; b = ((b << 21) | (b >> 11)) + c;
            a += (c ^ (b | ~d)) + 0xF7537E82 + x4; a = ((a << 6) | (a >> 26)) + b;
            d += (b ^ (a | ~c)) + 0xBD3AF235 + x11; d = ((d << 10) | (d >> 22)) + a;
            c += (a ^ (d | ~b)) + 0x2AD7D2BB + x2; c = ((c << 15) | (c >> 17)) + d;
            b += (d ^ (c | ~a)) + 0xEB86D391 + x9; b = ((b << 21) | (b >> 11)) + c;

            hs[0] += a;
            hs[1] += b;
            hs[2] += c;
            hs[3] += d;
        }
    }
}
