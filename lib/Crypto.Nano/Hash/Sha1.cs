using System;

namespace NanoMikey.Crypto.Hash
{
    /// <summary>SHA-1 (FIPS 180-4 §6.1), incremental, allocation-free after construction.</summary>
    /// <remarks>Kept for HMAC-SHA-1 (SRTP, MIKEY PRF); not for new signatures.</remarks>
    public sealed class Sha1
    {
        /// <summary>Digest size in bytes.</summary>
        public const int HashSize = 20;

        /// <summary>Block size in bytes.</summary>
        public const int BlockSize = 64;

        private readonly byte[] _buffer = new byte[BlockSize];
        private readonly uint[] _w = new uint[80];
        private uint _h0, _h1, _h2, _h3, _h4;
        private int _bufferLength;
        private long _byteCount;

        /// <summary>Creates a hash in its initial state.</summary>
        public Sha1()
        {
            Reset();
        }

        /// <summary>Returns to the initial state (FIPS 180-4 §5.3.1).</summary>
        public void Reset()
        {
            _h0 = 0x67452301;
            _h1 = 0xEFCDAB89;
            _h2 = 0x98BADCFE;
            _h3 = 0x10325476;
            _h4 = 0xC3D2E1F0;
            _bufferLength = 0;
            _byteCount = 0;
        }

        /// <summary>Hashes <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        /// <param name="data">Input buffer.</param>
        /// <param name="offset">Offset of the input.</param>
        /// <param name="count">Number of bytes.</param>
        /// <exception cref="ArgumentNullException">The buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the buffer.</exception>
        public void Update(byte[] data, int offset, int count)
        {
            if (data == null) throw new ArgumentNullException(nameof(data));
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            if (offset < 0 || offset > data.Length - count) throw new ArgumentOutOfRangeException(nameof(offset));
            _byteCount += count;
            if (_bufferLength > 0)
            {
                int take = BlockSize - _bufferLength;
                if (take > count) take = count;
                Array.Copy(data, offset, _buffer, _bufferLength, take);
                _bufferLength += take;
                offset += take;
                count -= take;
                if (_bufferLength < BlockSize) return;
                Compress(_buffer, 0);
                _bufferLength = 0;
            }
            while (count >= BlockSize)
            {
                Compress(data, offset);
                offset += BlockSize;
                count -= BlockSize;
            }
            if (count > 0)
            {
                Array.Copy(data, offset, _buffer, 0, count);
                _bufferLength = count;
            }
        }

        /// <summary>Pads, writes the <see cref="HashSize"/>-byte digest at <paramref name="offset"/>, then resets.</summary>
        /// <param name="output">Destination buffer.</param>
        /// <param name="offset">Offset of the digest.</param>
        /// <exception cref="ArgumentNullException">The buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The digest does not fit.</exception>
        public void Final(byte[] output, int offset)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (offset < 0 || offset > output.Length - HashSize) throw new ArgumentOutOfRangeException(nameof(offset));
            FinishBlocks();
            WriteBe(_h0, output, offset);
            WriteBe(_h1, output, offset + 4);
            WriteBe(_h2, output, offset + 8);
            WriteBe(_h3, output, offset + 12);
            WriteBe(_h4, output, offset + 16);
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
            h.Clear();
        }

        /// <summary>Wipes the state and buffered input, then resets.</summary>
        public void Clear()
        {
            Array.Clear(_buffer, 0, BlockSize);
            Array.Clear(_w, 0, 80);
            Reset();
        }

        // Chaining state export/import for HMAC's precomputed ipad/opad states (RFC 2104 §4 note).
        internal void SaveState(uint[] state)
        {
            state[0] = _h0;
            state[1] = _h1;
            state[2] = _h2;
            state[3] = _h3;
            state[4] = _h4;
        }

        internal void LoadState(uint[] state, long byteCount)
        {
            _h0 = state[0];
            _h1 = state[1];
            _h2 = state[2];
            _h3 = state[3];
            _h4 = state[4];
            _byteCount = byteCount;
            _bufferLength = 0;
        }

        // Writes the digest words without resetting (HMAC copies what it needs).
        internal void FinishInto(byte[] output, int offset)
        {
            FinishBlocks();
            WriteBe(_h0, output, offset);
            WriteBe(_h1, output, offset + 4);
            WriteBe(_h2, output, offset + 8);
            WriteBe(_h3, output, offset + 12);
            WriteBe(_h4, output, offset + 16);
        }

        // FIPS 180-4 §5.1.1: 0x80, zeros, 64-bit big-endian bit length.
        private void FinishBlocks()
        {
            long bits = _byteCount << 3;
            byte[] b = _buffer;
            int n = _bufferLength;
            b[n++] = 0x80;
            if (n > 56)
            {
                Array.Clear(b, n, BlockSize - n);
                Compress(b, 0);
                n = 0;
            }
            Array.Clear(b, n, 56 - n);
            WriteBe((uint)(bits >> 32), b, 56);
            WriteBe((uint)bits, b, 60);
            Compress(b, 0);
            _bufferLength = 0;
        }

        private static void WriteBe(uint v, byte[] b, int o)
        {
            b[o] = (byte)(v >> 24);
            b[o + 1] = (byte)(v >> 16);
            b[o + 2] = (byte)(v >> 8);
            b[o + 3] = (byte)v;
        }

        // FIPS 180-4 §6.1.2, rounds unrolled five at a time so the a..e roles rotate without moves.
        private void Compress(byte[] p, int o)
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
            uint a = _h0, b = _h1, c = _h2, d = _h3, e = _h4;
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
            _h0 += a;
            _h1 += b;
            _h2 += c;
            _h3 += d;
            _h4 += e;
        }
    }
}
