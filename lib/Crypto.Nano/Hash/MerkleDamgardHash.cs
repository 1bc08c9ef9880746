using System;

namespace NanoMikey.Crypto.Hash
{
    /// <summary>
    /// The part SHA-1, SHA-256 (FIPS 180-4) and MD5 (RFC 1321) share: 64-byte blocks, a chaining state of 32-bit words,
    /// 0x80-and-length padding; big-endian length and digest, or little-endian for MD5 (RFC 1321 §3.4, §3.5).
    /// Subclasses supply the initial state and the compression.
    /// </summary>
    public abstract class MerkleDamgardHash
    {
        /// <summary>Block size in bytes, the same for SHA-1 and SHA-256.</summary>
        public const int BlockSize = 64;

        /// <summary>The chaining state; the compression function updates it in place.</summary>
        protected readonly uint[] State;

        private readonly byte[] _buffer = new byte[BlockSize];
        private readonly int _digestLength;
        private readonly bool _littleEndian;
        private int _bufferLength;
        private long _byteCount;

        /// <summary>Creates a hash whose digest is <paramref name="digestLength"/> bytes (the whole chaining state).</summary>
        /// <param name="digestLength">Digest length in bytes, a multiple of 4.</param>
        protected MerkleDamgardHash(int digestLength) : this(digestLength, false)
        {
        }

        /// <summary>Creates a hash whose length field and digest words are little-endian when <paramref name="littleEndian"/> (MD5).</summary>
        /// <param name="digestLength">Digest length in bytes, a multiple of 4.</param>
        /// <param name="littleEndian">Write the bit length and the state words least significant byte first (RFC 1321 §3.2, §3.5).</param>
        protected MerkleDamgardHash(int digestLength, bool littleEndian)
        {
            _digestLength = digestLength;
            _littleEndian = littleEndian;
            State = new uint[digestLength / 4];
        }

        /// <summary>Digest length in bytes.</summary>
        public int DigestLength => _digestLength;

        /// <summary>Returns to the initial state.</summary>
        public void Reset()
        {
            LoadInitialState(State);
            _bufferLength = 0;
            _byteCount = 0;
        }

        /// <summary>Hashes <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        /// <param name="data">Input buffer.</param>
        /// <param name="offset">Offset of the input.</param>
        /// <param name="count">Number of bytes.</param>
        /// <exception cref="ArgumentNullException">The buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range lies outside the buffer.</exception>
        [HotPath]
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
                HashCompressionCounter.Add();
                Compress(_buffer, 0);
                _bufferLength = 0;
            }
            while (count >= BlockSize)
            {
                HashCompressionCounter.Add();
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

        /// <summary>
        /// Pads, writes the <see cref="DigestLength"/>-byte digest at <paramref name="offset"/>, wipes the buffered input and
        /// the message schedule (they may hold a secret that was hashed, e.g. an ECDH secret in a KDF), then resets.
        /// </summary>
        /// <param name="output">Destination buffer.</param>
        /// <param name="offset">Offset of the digest.</param>
        /// <exception cref="ArgumentNullException">The buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The digest does not fit.</exception>
        [HotPath]
        public void Final(byte[] output, int offset)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (offset < 0 || offset > output.Length - _digestLength) throw new ArgumentOutOfRangeException(nameof(offset));
            FinishInto(output, offset);
            Clear();
        }

        /// <summary>Wipes the state, the buffered input and the compression scratch, then resets.</summary>
        public void Clear()
        {
            Array.Clear(_buffer, 0, BlockSize);
            ClearScratch();
            Reset();
        }

        // Chaining state export/import for HMAC's precomputed ipad/opad states (RFC 2104 §4 note).
        internal void SaveState(uint[] state)
        {
            Array.Copy(State, 0, state, 0, State.Length);
        }

        internal void LoadState(uint[] state, long byteCount)
        {
            Array.Copy(state, 0, State, 0, State.Length);
            _byteCount = byteCount;
            _bufferLength = 0;
        }

        // FIPS 180-4 §5.1.1: 0x80, zeros, 64-bit big-endian bit length; writes the digest without resetting.
        internal void FinishInto(byte[] output, int offset)
        {
            long bits = _byteCount << 3;
            byte[] b = _buffer;
            int n = _bufferLength;
            b[n++] = 0x80;
            if (n > 56)
            {
                Array.Clear(b, n, BlockSize - n);
                HashCompressionCounter.Add();
                Compress(b, 0);
                n = 0;
            }
            Array.Clear(b, n, 56 - n);
            bool le = _littleEndian;
            Write(le ? (uint)bits : (uint)(bits >> 32), b, 56, le);
            Write(le ? (uint)(bits >> 32) : (uint)bits, b, 60, le);
            HashCompressionCounter.Add();
            Compress(b, 0);
            _bufferLength = 0;
            uint[] h = State;
            for (int i = 0; i < h.Length; i++)
            {
                Write(h[i], output, offset + 4 * i, le);
            }
        }

        /// <summary>Writes the algorithm's initial hash value into <paramref name="state"/>.</summary>
        /// <param name="state">The chaining state to initialise.</param>
        protected abstract void LoadInitialState(uint[] state);

        /// <summary>Compresses one 64-byte block at <paramref name="offset"/> into <see cref="State"/>.</summary>
        /// <param name="block">Buffer holding the block.</param>
        /// <param name="offset">Offset of the block.</param>
        protected abstract void Compress(byte[] block, int offset);

        /// <summary>Wipes the message-schedule scratch of the compression function.</summary>
        protected abstract void ClearScratch();

        private static void Write(uint v, byte[] b, int o, bool littleEndian)
        {
            if (littleEndian)
            {
                b[o] = (byte)v;
                b[o + 1] = (byte)(v >> 8);
                b[o + 2] = (byte)(v >> 16);
                b[o + 3] = (byte)(v >> 24);
                return;
            }

            b[o] = (byte)(v >> 24);
            b[o + 1] = (byte)(v >> 16);
            b[o + 2] = (byte)(v >> 8);
            b[o + 3] = (byte)v;
        }
    }
}
