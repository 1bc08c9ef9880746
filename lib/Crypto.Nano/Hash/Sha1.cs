
namespace NanoMikey.Crypto.Hash
{
    /// <summary>SHA-1 (FIPS 180-4 §6.1), incremental, allocation-free after construction.</summary>
    /// <remarks>Kept for HMAC-SHA-1 (SRTP, MIKEY PRF); not for new signatures.</remarks>
    [HotPath]
    public sealed class Sha1 : MerkleDamgardHash
    {
        /// <summary>Digest size in bytes.</summary>
        public const int HashSize = 20;

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
            // The message schedule lives in locals of Compress: nothing outlives the call.
        }

        // FIPS 180-4 §6.1.2, written for an interpreter: all 80 rounds unrolled with the a..e roles renamed instead of moved,
        // and the message schedule kept as a rolling window of 16 locals (W[t] overwrites W[t-16] in w(t mod 16)), so the
        // rounds touch no array and make no call; the interpreter pays per IL instruction, and an array access costs ~4.
        /// <inheritdoc />
        protected override void Compress(byte[] p, int o)
        {
            uint w0 = ((uint)p[o] << 24) | ((uint)p[o + 1] << 16) | ((uint)p[o + 2] << 8) | p[o + 3];
            uint w1 = ((uint)p[o + 4] << 24) | ((uint)p[o + 5] << 16) | ((uint)p[o + 6] << 8) | p[o + 7];
            uint w2 = ((uint)p[o + 8] << 24) | ((uint)p[o + 9] << 16) | ((uint)p[o + 10] << 8) | p[o + 11];
            uint w3 = ((uint)p[o + 12] << 24) | ((uint)p[o + 13] << 16) | ((uint)p[o + 14] << 8) | p[o + 15];
            uint w4 = ((uint)p[o + 16] << 24) | ((uint)p[o + 17] << 16) | ((uint)p[o + 18] << 8) | p[o + 19];
            uint w5 = ((uint)p[o + 20] << 24) | ((uint)p[o + 21] << 16) | ((uint)p[o + 22] << 8) | p[o + 23];
            uint w6 = ((uint)p[o + 24] << 24) | ((uint)p[o + 25] << 16) | ((uint)p[o + 26] << 8) | p[o + 27];
            uint w7 = ((uint)p[o + 28] << 24) | ((uint)p[o + 29] << 16) | ((uint)p[o + 30] << 8) | p[o + 31];
            uint w8 = ((uint)p[o + 32] << 24) | ((uint)p[o + 33] << 16) | ((uint)p[o + 34] << 8) | p[o + 35];
            uint w9 = ((uint)p[o + 36] << 24) | ((uint)p[o + 37] << 16) | ((uint)p[o + 38] << 8) | p[o + 39];
            uint w10 = ((uint)p[o + 40] << 24) | ((uint)p[o + 41] << 16) | ((uint)p[o + 42] << 8) | p[o + 43];
            uint w11 = ((uint)p[o + 44] << 24) | ((uint)p[o + 45] << 16) | ((uint)p[o + 46] << 8) | p[o + 47];
            uint w12 = ((uint)p[o + 48] << 24) | ((uint)p[o + 49] << 16) | ((uint)p[o + 50] << 8) | p[o + 51];
            uint w13 = ((uint)p[o + 52] << 24) | ((uint)p[o + 53] << 16) | ((uint)p[o + 54] << 8) | p[o + 55];
            uint w14 = ((uint)p[o + 56] << 24) | ((uint)p[o + 57] << 16) | ((uint)p[o + 58] << 8) | p[o + 59];
            uint w15 = ((uint)p[o + 60] << 24) | ((uint)p[o + 61] << 16) | ((uint)p[o + 62] << 8) | p[o + 63];
            uint[] hs = State;
            uint a = hs[0], b = hs[1], c = hs[2], d = hs[3], e = hs[4];

            // Rounds 0-19: Ch, K = 0x5A827999.
            e += ((a << 5) | (a >> 27)) + (d ^ (b & (c ^ d))) + 0x5A827999 + w0; b = (b << 30) | (b >> 2);
            d += ((e << 5) | (e >> 27)) + (c ^ (a & (b ^ c))) + 0x5A827999 + w1; a = (a << 30) | (a >> 2);
            c += ((d << 5) | (d >> 27)) + (b ^ (e & (a ^ b))) + 0x5A827999 + w2; e = (e << 30) | (e >> 2);
            b += ((c << 5) | (c >> 27)) + (a ^ (d & (e ^ a))) + 0x5A827999 + w3; d = (d << 30) | (d >> 2);
            a += ((b << 5) | (b >> 27)) + (e ^ (c & (d ^ e))) + 0x5A827999 + w4; c = (c << 30) | (c >> 2);
            e += ((a << 5) | (a >> 27)) + (d ^ (b & (c ^ d))) + 0x5A827999 + w5; b = (b << 30) | (b >> 2);
            d += ((e << 5) | (e >> 27)) + (c ^ (a & (b ^ c))) + 0x5A827999 + w6; a = (a << 30) | (a >> 2);
            c += ((d << 5) | (d >> 27)) + (b ^ (e & (a ^ b))) + 0x5A827999 + w7; e = (e << 30) | (e >> 2);
            b += ((c << 5) | (c >> 27)) + (a ^ (d & (e ^ a))) + 0x5A827999 + w8; d = (d << 30) | (d >> 2);
            a += ((b << 5) | (b >> 27)) + (e ^ (c & (d ^ e))) + 0x5A827999 + w9; c = (c << 30) | (c >> 2);
            e += ((a << 5) | (a >> 27)) + (d ^ (b & (c ^ d))) + 0x5A827999 + w10; b = (b << 30) | (b >> 2);
            d += ((e << 5) | (e >> 27)) + (c ^ (a & (b ^ c))) + 0x5A827999 + w11; a = (a << 30) | (a >> 2);
            c += ((d << 5) | (d >> 27)) + (b ^ (e & (a ^ b))) + 0x5A827999 + w12; e = (e << 30) | (e >> 2);
            b += ((c << 5) | (c >> 27)) + (a ^ (d & (e ^ a))) + 0x5A827999 + w13; d = (d << 30) | (d >> 2);
            a += ((b << 5) | (b >> 27)) + (e ^ (c & (d ^ e))) + 0x5A827999 + w14; c = (c << 30) | (c >> 2);
            e += ((a << 5) | (a >> 27)) + (d ^ (b & (c ^ d))) + 0x5A827999 + w15; b = (b << 30) | (b >> 2);
            w0 ^= w13 ^ w8 ^ w2; w0 = (w0 << 1) | (w0 >> 31);
            d += ((e << 5) | (e >> 27)) + (c ^ (a & (b ^ c))) + 0x5A827999 + w0; a = (a << 30) | (a >> 2);
            w1 ^= w14 ^ w9 ^ w3; w1 = (w1 << 1) | (w1 >> 31);
            c += ((d << 5) | (d >> 27)) + (b ^ (e & (a ^ b))) + 0x5A827999 + w1; e = (e << 30) | (e >> 2);
            w2 ^= w15 ^ w10 ^ w4; w2 = (w2 << 1) | (w2 >> 31);
            b += ((c << 5) | (c >> 27)) + (a ^ (d & (e ^ a))) + 0x5A827999 + w2; d = (d << 30) | (d >> 2);
            w3 ^= w0 ^ w11 ^ w5; w3 = (w3 << 1) | (w3 >> 31);
            a += ((b << 5) | (b >> 27)) + (e ^ (c & (d ^ e))) + 0x5A827999 + w3; c = (c << 30) | (c >> 2);

            // Rounds 20-39: Parity, K = 0x6ED9EBA1.
            w4 ^= w1 ^ w12 ^ w6; w4 = (w4 << 1) | (w4 >> 31);
            e += ((a << 5) | (a >> 27)) + (b ^ c ^ d) + 0x6ED9EBA1 + w4; b = (b << 30) | (b >> 2);
            w5 ^= w2 ^ w13 ^ w7; w5 = (w5 << 1) | (w5 >> 31);
            d += ((e << 5) | (e >> 27)) + (a ^ b ^ c) + 0x6ED9EBA1 + w5; a = (a << 30) | (a >> 2);
            w6 ^= w3 ^ w14 ^ w8; w6 = (w6 << 1) | (w6 >> 31);
            c += ((d << 5) | (d >> 27)) + (e ^ a ^ b) + 0x6ED9EBA1 + w6; e = (e << 30) | (e >> 2);
            w7 ^= w4 ^ w15 ^ w9; w7 = (w7 << 1) | (w7 >> 31);
            b += ((c << 5) | (c >> 27)) + (d ^ e ^ a) + 0x6ED9EBA1 + w7; d = (d << 30) | (d >> 2);
            w8 ^= w5 ^ w0 ^ w10; w8 = (w8 << 1) | (w8 >> 31);
            a += ((b << 5) | (b >> 27)) + (c ^ d ^ e) + 0x6ED9EBA1 + w8; c = (c << 30) | (c >> 2);
            w9 ^= w6 ^ w1 ^ w11; w9 = (w9 << 1) | (w9 >> 31);
            e += ((a << 5) | (a >> 27)) + (b ^ c ^ d) + 0x6ED9EBA1 + w9; b = (b << 30) | (b >> 2);
            w10 ^= w7 ^ w2 ^ w12; w10 = (w10 << 1) | (w10 >> 31);
            d += ((e << 5) | (e >> 27)) + (a ^ b ^ c) + 0x6ED9EBA1 + w10; a = (a << 30) | (a >> 2);
            w11 ^= w8 ^ w3 ^ w13; w11 = (w11 << 1) | (w11 >> 31);
            c += ((d << 5) | (d >> 27)) + (e ^ a ^ b) + 0x6ED9EBA1 + w11; e = (e << 30) | (e >> 2);
            w12 ^= w9 ^ w4 ^ w14; w12 = (w12 << 1) | (w12 >> 31);
            b += ((c << 5) | (c >> 27)) + (d ^ e ^ a) + 0x6ED9EBA1 + w12; d = (d << 30) | (d >> 2);
            w13 ^= w10 ^ w5 ^ w15; w13 = (w13 << 1) | (w13 >> 31);
            a += ((b << 5) | (b >> 27)) + (c ^ d ^ e) + 0x6ED9EBA1 + w13; c = (c << 30) | (c >> 2);
            w14 ^= w11 ^ w6 ^ w0; w14 = (w14 << 1) | (w14 >> 31);
            e += ((a << 5) | (a >> 27)) + (b ^ c ^ d) + 0x6ED9EBA1 + w14; b = (b << 30) | (b >> 2);
            w15 ^= w12 ^ w7 ^ w1; w15 = (w15 << 1) | (w15 >> 31);
            d += ((e << 5) | (e >> 27)) + (a ^ b ^ c) + 0x6ED9EBA1 + w15; a = (a << 30) | (a >> 2);
            w0 ^= w13 ^ w8 ^ w2; w0 = (w0 << 1) | (w0 >> 31);
            c += ((d << 5) | (d >> 27)) + (e ^ a ^ b) + 0x6ED9EBA1 + w0; e = (e << 30) | (e >> 2);
            w1 ^= w14 ^ w9 ^ w3; w1 = (w1 << 1) | (w1 >> 31);
            b += ((c << 5) | (c >> 27)) + (d ^ e ^ a) + 0x6ED9EBA1 + w1; d = (d << 30) | (d >> 2);
            w2 ^= w15 ^ w10 ^ w4; w2 = (w2 << 1) | (w2 >> 31);
            a += ((b << 5) | (b >> 27)) + (c ^ d ^ e) + 0x6ED9EBA1 + w2; c = (c << 30) | (c >> 2);
            w3 ^= w0 ^ w11 ^ w5; w3 = (w3 << 1) | (w3 >> 31);
            e += ((a << 5) | (a >> 27)) + (b ^ c ^ d) + 0x6ED9EBA1 + w3; b = (b << 30) | (b >> 2);
            w4 ^= w1 ^ w12 ^ w6; w4 = (w4 << 1) | (w4 >> 31);
            d += ((e << 5) | (e >> 27)) + (a ^ b ^ c) + 0x6ED9EBA1 + w4; a = (a << 30) | (a >> 2);
            w5 ^= w2 ^ w13 ^ w7; w5 = (w5 << 1) | (w5 >> 31);
            c += ((d << 5) | (d >> 27)) + (e ^ a ^ b) + 0x6ED9EBA1 + w5; e = (e << 30) | (e >> 2);
            w6 ^= w3 ^ w14 ^ w8; w6 = (w6 << 1) | (w6 >> 31);
            b += ((c << 5) | (c >> 27)) + (d ^ e ^ a) + 0x6ED9EBA1 + w6; d = (d << 30) | (d >> 2);
            w7 ^= w4 ^ w15 ^ w9; w7 = (w7 << 1) | (w7 >> 31);
            a += ((b << 5) | (b >> 27)) + (c ^ d ^ e) + 0x6ED9EBA1 + w7; c = (c << 30) | (c >> 2);

            // Rounds 40-59: Maj, K = 0x8F1BBCDC.
            w8 ^= w5 ^ w0 ^ w10; w8 = (w8 << 1) | (w8 >> 31);
            e += ((a << 5) | (a >> 27)) + ((b & c) | (d & (b | c))) + 0x8F1BBCDC + w8; b = (b << 30) | (b >> 2);
            w9 ^= w6 ^ w1 ^ w11; w9 = (w9 << 1) | (w9 >> 31);
            d += ((e << 5) | (e >> 27)) + ((a & b) | (c & (a | b))) + 0x8F1BBCDC + w9; a = (a << 30) | (a >> 2);
            w10 ^= w7 ^ w2 ^ w12; w10 = (w10 << 1) | (w10 >> 31);
            c += ((d << 5) | (d >> 27)) + ((e & a) | (b & (e | a))) + 0x8F1BBCDC + w10; e = (e << 30) | (e >> 2);
            w11 ^= w8 ^ w3 ^ w13; w11 = (w11 << 1) | (w11 >> 31);
            b += ((c << 5) | (c >> 27)) + ((d & e) | (a & (d | e))) + 0x8F1BBCDC + w11; d = (d << 30) | (d >> 2);
            w12 ^= w9 ^ w4 ^ w14; w12 = (w12 << 1) | (w12 >> 31);
            a += ((b << 5) | (b >> 27)) + ((c & d) | (e & (c | d))) + 0x8F1BBCDC + w12; c = (c << 30) | (c >> 2);
            w13 ^= w10 ^ w5 ^ w15; w13 = (w13 << 1) | (w13 >> 31);
            e += ((a << 5) | (a >> 27)) + ((b & c) | (d & (b | c))) + 0x8F1BBCDC + w13; b = (b << 30) | (b >> 2);
            w14 ^= w11 ^ w6 ^ w0; w14 = (w14 << 1) | (w14 >> 31);
            d += ((e << 5) | (e >> 27)) + ((a & b) | (c & (a | b))) + 0x8F1BBCDC + w14; a = (a << 30) | (a >> 2);
            w15 ^= w12 ^ w7 ^ w1; w15 = (w15 << 1) | (w15 >> 31);
            c += ((d << 5) | (d >> 27)) + ((e & a) | (b & (e | a))) + 0x8F1BBCDC + w15; e = (e << 30) | (e >> 2);
            w0 ^= w13 ^ w8 ^ w2; w0 = (w0 << 1) | (w0 >> 31);
            b += ((c << 5) | (c >> 27)) + ((d & e) | (a & (d | e))) + 0x8F1BBCDC + w0; d = (d << 30) | (d >> 2);
            w1 ^= w14 ^ w9 ^ w3; w1 = (w1 << 1) | (w1 >> 31);
            a += ((b << 5) | (b >> 27)) + ((c & d) | (e & (c | d))) + 0x8F1BBCDC + w1; c = (c << 30) | (c >> 2);
            w2 ^= w15 ^ w10 ^ w4; w2 = (w2 << 1) | (w2 >> 31);
            e += ((a << 5) | (a >> 27)) + ((b & c) | (d & (b | c))) + 0x8F1BBCDC + w2; b = (b << 30) | (b >> 2);
            w3 ^= w0 ^ w11 ^ w5; w3 = (w3 << 1) | (w3 >> 31);
            d += ((e << 5) | (e >> 27)) + ((a & b) | (c & (a | b))) + 0x8F1BBCDC + w3; a = (a << 30) | (a >> 2);
            w4 ^= w1 ^ w12 ^ w6; w4 = (w4 << 1) | (w4 >> 31);
            c += ((d << 5) | (d >> 27)) + ((e & a) | (b & (e | a))) + 0x8F1BBCDC + w4; e = (e << 30) | (e >> 2);
            w5 ^= w2 ^ w13 ^ w7; w5 = (w5 << 1) | (w5 >> 31);
            b += ((c << 5) | (c >> 27)) + ((d & e) | (a & (d | e))) + 0x8F1BBCDC + w5; d = (d << 30) | (d >> 2);
            w6 ^= w3 ^ w14 ^ w8; w6 = (w6 << 1) | (w6 >> 31);
            a += ((b << 5) | (b >> 27)) + ((c & d) | (e & (c | d))) + 0x8F1BBCDC + w6; c = (c << 30) | (c >> 2);
            w7 ^= w4 ^ w15 ^ w9; w7 = (w7 << 1) | (w7 >> 31);
            e += ((a << 5) | (a >> 27)) + ((b & c) | (d & (b | c))) + 0x8F1BBCDC + w7; b = (b << 30) | (b >> 2);
            w8 ^= w5 ^ w0 ^ w10; w8 = (w8 << 1) | (w8 >> 31);
            d += ((e << 5) | (e >> 27)) + ((a & b) | (c & (a | b))) + 0x8F1BBCDC + w8; a = (a << 30) | (a >> 2);
            w9 ^= w6 ^ w1 ^ w11; w9 = (w9 << 1) | (w9 >> 31);
            c += ((d << 5) | (d >> 27)) + ((e & a) | (b & (e | a))) + 0x8F1BBCDC + w9; e = (e << 30) | (e >> 2);
            w10 ^= w7 ^ w2 ^ w12; w10 = (w10 << 1) | (w10 >> 31);
            b += ((c << 5) | (c >> 27)) + ((d & e) | (a & (d | e))) + 0x8F1BBCDC + w10; d = (d << 30) | (d >> 2);
            w11 ^= w8 ^ w3 ^ w13; w11 = (w11 << 1) | (w11 >> 31);
            a += ((b << 5) | (b >> 27)) + ((c & d) | (e & (c | d))) + 0x8F1BBCDC + w11; c = (c << 30) | (c >> 2);

            // Rounds 60-79: Parity, K = 0xCA62C1D6.
            w12 ^= w9 ^ w4 ^ w14; w12 = (w12 << 1) | (w12 >> 31);
            e += ((a << 5) | (a >> 27)) + (b ^ c ^ d) + 0xCA62C1D6 + w12; b = (b << 30) | (b >> 2);
            w13 ^= w10 ^ w5 ^ w15; w13 = (w13 << 1) | (w13 >> 31);
            d += ((e << 5) | (e >> 27)) + (a ^ b ^ c) + 0xCA62C1D6 + w13; a = (a << 30) | (a >> 2);
            w14 ^= w11 ^ w6 ^ w0; w14 = (w14 << 1) | (w14 >> 31);
            c += ((d << 5) | (d >> 27)) + (e ^ a ^ b) + 0xCA62C1D6 + w14; e = (e << 30) | (e >> 2);
            w15 ^= w12 ^ w7 ^ w1; w15 = (w15 << 1) | (w15 >> 31);
            b += ((c << 5) | (c >> 27)) + (d ^ e ^ a) + 0xCA62C1D6 + w15; d = (d << 30) | (d >> 2);
            w0 ^= w13 ^ w8 ^ w2; w0 = (w0 << 1) | (w0 >> 31);
            a += ((b << 5) | (b >> 27)) + (c ^ d ^ e) + 0xCA62C1D6 + w0; c = (c << 30) | (c >> 2);
            w1 ^= w14 ^ w9 ^ w3; w1 = (w1 << 1) | (w1 >> 31);
            e += ((a << 5) | (a >> 27)) + (b ^ c ^ d) + 0xCA62C1D6 + w1; b = (b << 30) | (b >> 2);
            w2 ^= w15 ^ w10 ^ w4; w2 = (w2 << 1) | (w2 >> 31);
            d += ((e << 5) | (e >> 27)) + (a ^ b ^ c) + 0xCA62C1D6 + w2; a = (a << 30) | (a >> 2);
            w3 ^= w0 ^ w11 ^ w5; w3 = (w3 << 1) | (w3 >> 31);
            c += ((d << 5) | (d >> 27)) + (e ^ a ^ b) + 0xCA62C1D6 + w3; e = (e << 30) | (e >> 2);
            w4 ^= w1 ^ w12 ^ w6; w4 = (w4 << 1) | (w4 >> 31);
            b += ((c << 5) | (c >> 27)) + (d ^ e ^ a) + 0xCA62C1D6 + w4; d = (d << 30) | (d >> 2);
            w5 ^= w2 ^ w13 ^ w7; w5 = (w5 << 1) | (w5 >> 31);
            a += ((b << 5) | (b >> 27)) + (c ^ d ^ e) + 0xCA62C1D6 + w5; c = (c << 30) | (c >> 2);
            w6 ^= w3 ^ w14 ^ w8; w6 = (w6 << 1) | (w6 >> 31);
            e += ((a << 5) | (a >> 27)) + (b ^ c ^ d) + 0xCA62C1D6 + w6; b = (b << 30) | (b >> 2);
            w7 ^= w4 ^ w15 ^ w9; w7 = (w7 << 1) | (w7 >> 31);
            d += ((e << 5) | (e >> 27)) + (a ^ b ^ c) + 0xCA62C1D6 + w7; a = (a << 30) | (a >> 2);
            w8 ^= w5 ^ w0 ^ w10; w8 = (w8 << 1) | (w8 >> 31);
            c += ((d << 5) | (d >> 27)) + (e ^ a ^ b) + 0xCA62C1D6 + w8; e = (e << 30) | (e >> 2);
            w9 ^= w6 ^ w1 ^ w11; w9 = (w9 << 1) | (w9 >> 31);
            b += ((c << 5) | (c >> 27)) + (d ^ e ^ a) + 0xCA62C1D6 + w9; d = (d << 30) | (d >> 2);
            w10 ^= w7 ^ w2 ^ w12; w10 = (w10 << 1) | (w10 >> 31);
            a += ((b << 5) | (b >> 27)) + (c ^ d ^ e) + 0xCA62C1D6 + w10; c = (c << 30) | (c >> 2);
            w11 ^= w8 ^ w3 ^ w13; w11 = (w11 << 1) | (w11 >> 31);
            e += ((a << 5) | (a >> 27)) + (b ^ c ^ d) + 0xCA62C1D6 + w11; b = (b << 30) | (b >> 2);
            w12 ^= w9 ^ w4 ^ w14; w12 = (w12 << 1) | (w12 >> 31);
            d += ((e << 5) | (e >> 27)) + (a ^ b ^ c) + 0xCA62C1D6 + w12; a = (a << 30) | (a >> 2);
            w13 ^= w10 ^ w5 ^ w15; w13 = (w13 << 1) | (w13 >> 31);
            c += ((d << 5) | (d >> 27)) + (e ^ a ^ b) + 0xCA62C1D6 + w13; e = (e << 30) | (e >> 2);
            w14 ^= w11 ^ w6 ^ w0; w14 = (w14 << 1) | (w14 >> 31);
            b += ((c << 5) | (c >> 27)) + (d ^ e ^ a) + 0xCA62C1D6 + w14; d = (d << 30) | (d >> 2);
            w15 ^= w12 ^ w7 ^ w1; w15 = (w15 << 1) | (w15 >> 31);
            a += ((b << 5) | (b >> 27)) + (c ^ d ^ e) + 0xCA62C1D6 + w15; c = (c << 30) | (c >> 2);

            hs[0] += a;
            hs[1] += b;
            hs[2] += c;
            hs[3] += d;
            hs[4] += e;
        }
    }
}
