using System;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Crypto.Cipher
{
    /// <summary>
    /// AES-GCM (NIST SP 800-38D) through an <see cref="IAesEngine"/>, into caller buffers, with a constant-time GHASH
    /// (carry-less multiplication by masked integer products, no secret-indexed tables).
    /// </summary>
    /// <remarks>
    /// The tag block E(J0) and the data keystream come from one engine call per request (up to the length given at
    /// construction). <see cref="Open"/> checks the tag before it writes any plaintext. Not thread-safe.
    /// Short tags enforce one row of SP 800-38D Appendix C per key: 4-byte tags (Table 1, last row) allow at most 2^6
    /// bytes of AAD plus ciphertext per message and 2^11 calls of <see cref="Open"/>; 8-byte tags (Table 2, first row)
    /// at most 2^15 bytes and 2^32 calls. Past the call limit <see cref="Open"/> returns false until <see cref="SetKey"/>.
    /// </remarks>
    public sealed class AesGcm
    {
        /// <summary>The recommended nonce size in bytes (SP 800-38D §8.2); other non-zero lengths go through GHASH.</summary>
        public const int NonceSize = 12;

        /// <summary>The full tag size in bytes.</summary>
        public const int TagSize = 16;

        private readonly IAesEngine _engine;
        private readonly byte[] _keystream;
        private readonly int _capacity;
        private readonly byte[] _counter = new byte[16];
        private readonly byte[] _tagMask = new byte[16];
        private readonly byte[] _block = new byte[16];
        private ulong _h0, _h1, _h2, _h0r, _h1r, _h2r;
        private ulong _y0, _y1;
        private long _shortTagOpens;
        private bool _keyed;

        // SP 800-38D Appendix C: the row enforced for each short tag length (combined AAD + ciphertext bytes, Open calls).
        private const int Tag32MaxLength = 1 << 6;
        private const long Tag32MaxOpens = 1L << 11;
        private const int Tag64MaxLength = 1 << 15;
        private const long Tag64MaxOpens = 1L << 32;

        /// <summary>Creates GCM over an engine that already holds the key.</summary>
        /// <param name="engine">AES engine with its key loaded.</param>
        /// <param name="maxPlaintextLength">Largest message served by a single engine call (longer ones take several).</param>
        /// <exception cref="ArgumentNullException">The engine is null.</exception>
        /// <exception cref="InvalidOperationException">The engine has no key.</exception>
        public AesGcm(IAesEngine engine, int maxPlaintextLength)
        {
            if (engine == null) throw new ArgumentNullException(nameof(engine));
            if (maxPlaintextLength < 0 || maxPlaintextLength > 0x7FFFFFD0) throw new ArgumentOutOfRangeException(nameof(maxPlaintextLength));
            _engine = engine;
            _capacity = ((maxPlaintextLength + 15) & ~15) + 16;
            _keystream = new byte[_capacity];
            DeriveHashKey();
        }

        /// <summary>Wipes the GHASH key H and the engine's key; <see cref="SetKey"/> is needed before the next use.</summary>
        public void ClearKey()
        {
            _engine.ClearKey();
            _h0 = 0;
            _h1 = 0;
            _h2 = 0;
            _h0r = 0;
            _h1r = 0;
            _h2r = 0;
            Wipe();
            _keyed = false;
        }

        /// <summary>Loads a new key into the engine and derives the GHASH key H = E(0^128).</summary>
        /// <param name="key">Key buffer.</param>
        /// <param name="offset">Offset of the key.</param>
        /// <param name="length">Key length (16, 24 or 32, as the engine supports).</param>
        public void SetKey(byte[] key, int offset, int length)
        {
            _engine.SetKey(key, offset, length);
            DeriveHashKey();
        }

        /// <summary>
        /// Encrypts and authenticates: writes the ciphertext (same length as the plaintext) and a tag. With a 4- or 8-byte
        /// tag the AAD and plaintext together must fit the Appendix C row (2^6 or 2^15 bytes).
        /// </summary>
        /// <param name="nonce">Nonce buffer.</param>
        /// <param name="nonceOffset">Offset of the nonce.</param>
        /// <param name="nonceLength">Nonce length (12 recommended; at least 1).</param>
        /// <param name="aad">Additional authenticated data, or null when <paramref name="aadLength"/> is 0.</param>
        /// <param name="aadOffset">Offset of the AAD.</param>
        /// <param name="aadLength">AAD length.</param>
        /// <param name="plaintext">Plaintext buffer.</param>
        /// <param name="plaintextOffset">Offset of the plaintext.</param>
        /// <param name="plaintextLength">Plaintext length.</param>
        /// <param name="ciphertext">Ciphertext buffer (may be the plaintext range itself).</param>
        /// <param name="ciphertextOffset">Offset of the ciphertext.</param>
        /// <param name="tag">Tag buffer.</param>
        /// <param name="tagOffset">Offset of the tag.</param>
        /// <param name="tagLength">Tag length: 16, 15, 14, 13, 12, 8 or 4 (SP 800-38D §5.2.1.2).</param>
        /// <exception cref="ArgumentException">A buffer or length is invalid; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The key has been cleared.</exception>
        [HotPath]
        public void Seal(byte[] nonce, int nonceOffset, int nonceLength, byte[]? aad, int aadOffset, int aadLength,
            byte[] plaintext, int plaintextOffset, int plaintextLength, byte[] ciphertext, int ciphertextOffset,
            byte[] tag, int tagOffset, int tagLength)
        {
            CheckCommon(nonce, nonceOffset, nonceLength, aad, aadOffset, aadLength, tag, tagOffset, tagLength);
            if (!InRange(plaintext, plaintextOffset, plaintextLength)) throw RangeError(plaintext, nameof(plaintext));
            if (!InRange(ciphertext, ciphertextOffset, plaintextLength)) throw RangeError(ciphertext, nameof(ciphertext));
            if (!FitsShortTagRow(tagLength, aadLength, plaintextLength))
            {
                throw new ArgumentException("Too long for a short GCM tag (SP 800-38D Appendix C).", nameof(plaintextLength));
            }

            ComputeJ0(nonce, nonceOffset, nonceLength);
            int done = 0;
            bool first = true;
            do
            {
                int n = FillKeystream(first, plaintextLength - done);
                KeystreamXor.Apply(plaintext, plaintextOffset + done, _keystream, first ? 16 : 0, ciphertext, ciphertextOffset + done, n);
                done += n;
                first = false;
            }
            while (done < plaintextLength);
            ComputeS(aad, aadOffset, aadLength, ciphertext, ciphertextOffset, plaintextLength);
            for (int i = 0; i < tagLength; i++)
            {
                tag[tagOffset + i] = (byte)(_block[i] ^ _tagMask[i]);
            }
            Wipe();
        }

        /// <summary>
        /// Verifies the tag in constant time, then decrypts; on failure nothing is written and false is returned. With a 4- or
        /// 8-byte tag, a message longer than the Appendix C row, or a call past the row's limit for this key, also fails.
        /// </summary>
        /// <param name="nonce">Nonce buffer.</param>
        /// <param name="nonceOffset">Offset of the nonce.</param>
        /// <param name="nonceLength">Nonce length (at least 1).</param>
        /// <param name="aad">Additional authenticated data, or null when <paramref name="aadLength"/> is 0.</param>
        /// <param name="aadOffset">Offset of the AAD.</param>
        /// <param name="aadLength">AAD length.</param>
        /// <param name="ciphertext">Ciphertext buffer.</param>
        /// <param name="ciphertextOffset">Offset of the ciphertext.</param>
        /// <param name="ciphertextLength">Ciphertext length.</param>
        /// <param name="tag">Buffer holding the received tag.</param>
        /// <param name="tagOffset">Offset of the tag.</param>
        /// <param name="tagLength">Tag length: 16, 15, 14, 13, 12, 8 or 4.</param>
        /// <param name="plaintext">Plaintext buffer (may be the ciphertext range itself).</param>
        /// <param name="plaintextOffset">Offset of the plaintext.</param>
        /// <returns>True when the tag verified and the plaintext was written.</returns>
        /// <exception cref="ArgumentException">A buffer or length is invalid; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">The key has been cleared.</exception>
        [HotPath]
        public bool Open(byte[] nonce, int nonceOffset, int nonceLength, byte[]? aad, int aadOffset, int aadLength,
            byte[] ciphertext, int ciphertextOffset, int ciphertextLength, byte[] tag, int tagOffset, int tagLength,
            byte[] plaintext, int plaintextOffset)
        {
            CheckCommon(nonce, nonceOffset, nonceLength, aad, aadOffset, aadLength, tag, tagOffset, tagLength);
            if (!InRange(ciphertext, ciphertextOffset, ciphertextLength)) throw RangeError(ciphertext, nameof(ciphertext));
            if (!InRange(plaintext, plaintextOffset, ciphertextLength)) throw RangeError(plaintext, nameof(plaintext));
            if (tagLength < 12)
            {
                // SP 800-38D Appendix C: the packet must fit the row and the key must change before the row's last call.
                if (!FitsShortTagRow(tagLength, aadLength, ciphertextLength)) return false;
                if (_shortTagOpens >= (tagLength == 4 ? Tag32MaxOpens : Tag64MaxOpens)) return false;
                _shortTagOpens++;
            }

            ComputeJ0(nonce, nonceOffset, nonceLength);
            int n = FillKeystream(true, ciphertextLength);
            ComputeS(aad, aadOffset, aadLength, ciphertext, ciphertextOffset, ciphertextLength);
            for (int i = 0; i < 16; i++)
            {
                _block[i] ^= _tagMask[i];
            }
            if (!ConstantTime.AreEqual(_block, 0, tag, tagOffset, tagLength))
            {
                Wipe();
                return false;
            }
            int done = 0;
            int ks = 16;
            while (true)
            {
                KeystreamXor.Apply(ciphertext, ciphertextOffset + done, _keystream, ks, plaintext, plaintextOffset + done, n);
                done += n;
                if (done >= ciphertextLength) break;
                n = FillKeystream(false, ciphertextLength - done);
                ks = 0;
            }
            Wipe();
            return true;
        }

        private static bool FitsShortTagRow(int tagLength, int aadLength, int dataLength)
        {
            long combined = (long)aadLength + dataLength;
            if (tagLength == 4) return combined <= Tag32MaxLength;
            if (tagLength == 8) return combined <= Tag64MaxLength;
            return true;
        }

        private void CheckCommon(byte[] nonce, int nonceOffset, int nonceLength, byte[]? aad, int aadOffset, int aadLength,
            byte[] tag, int tagOffset, int tagLength)
        {
            if (!_keyed) throw new InvalidOperationException("GCM key cleared.");
            if (nonceLength < 1) throw new ArgumentException("GCM nonce must not be empty.", nameof(nonceLength));
            if (!InRange(nonce, nonceOffset, nonceLength)) throw RangeError(nonce, nameof(nonce));
            if ((aad != null || aadLength != 0) && !InRange(aad, aadOffset, aadLength)) throw RangeError(aad, nameof(aad));
            if (tagLength != 16 && tagLength != 15 && tagLength != 14 && tagLength != 13 && tagLength != 12 && tagLength != 8 && tagLength != 4)
            {
                throw new ArgumentException("GCM tag length must be 4, 8 or 12..16 bytes.", nameof(tagLength));
            }
            if (!InRange(tag, tagOffset, tagLength)) throw RangeError(tag, nameof(tag));
        }

        private static bool InRange(byte[]? buffer, int offset, int length)
        {
            return buffer != null && length >= 0 && offset >= 0 && offset <= buffer.Length - length;
        }

        // The parameter name is loaded only on the throw path: nanoCLR does not intern strings, so every executed ldstr
        // allocates (a `nameof` passed to a checking helper cost an allocation per call on the device).
        private static Exception RangeError(byte[]? buffer, string name)
        {
            if (buffer == null) return new ArgumentNullException(name);
            return new ArgumentOutOfRangeException(name);
        }

        // SP 800-38D §6.3: H = CIPH_K(0^128), kept as two 64-bit halves plus their bit reversals for the multiplier.
        private void DeriveHashKey()
        {
            byte[] b = _block;
            Array.Clear(b, 0, 16);
            _keyed = false;
            _engine.EncryptBlocks(b, 0, b, 0, 16);
            _h1 = ReadBe64(b, 0);
            _h0 = ReadBe64(b, 8);
            _h0r = Rev64(_h0);
            _h1r = Rev64(_h1);
            _h2 = _h0 ^ _h1;
            _h2r = _h0r ^ _h1r;
            Array.Clear(b, 0, 16);
            _shortTagOpens = 0;
            _keyed = true;
        }

        // SP 800-38D §7.1 step 2: J0 = IV || 0^31 || 1 for 96-bit IVs, else GHASH(IV || 0^s || [len(IV)]64).
        private void ComputeJ0(byte[] nonce, int offset, int length)
        {
            byte[] c = _counter;
            if (length == 12)
            {
                Array.Copy(nonce, offset, c, 0, 12);
                c[12] = 0;
                c[13] = 0;
                c[14] = 0;
                c[15] = 1;
                return;
            }
            _y0 = 0;
            _y1 = 0;
            GhashPadded(nonce, offset, length);
            Array.Clear(_block, 0, 8);
            WriteBe64((ulong)length << 3, _block, 8);
            Ghash(_block, 0, 16);
            WriteBe64(_y1, c, 0);
            WriteBe64(_y0, c, 8);
        }

        // Builds counter blocks from _counter (J0 first when asked), encrypts them in one engine call; returns data bytes covered.
        private int FillKeystream(bool withJ0, int remaining)
        {
            int room = withJ0 ? _capacity - 16 : _capacity;
            int n = remaining < room ? remaining : room;
            int total = ((n + 15) & ~15) + (withJ0 ? 16 : 0);
            byte[] ks = _keystream;
            byte[] c = _counter;
            uint c3 = ((uint)c[12] << 24) | ((uint)c[13] << 16) | ((uint)c[14] << 8) | c[15];
            for (int o = 0; o < total; o += 16)
            {
                Array.Copy(c, 0, ks, o, 12);
                WriteBe32(c3, ks, o + 12);
                // inc32 (SP 800-38D §6.2): only the low 32 bits count, wrapping.
                c3++;
            }
            WriteBe32(c3, c, 12);
            _engine.EncryptBlocks(ks, 0, ks, 0, total);
            if (withJ0)
            {
                Array.Copy(ks, 0, _tagMask, 0, 16);
            }
            return n;
        }

        // SP 800-38D §7.1 steps 5-6: S = GHASH(A || 0^v || C || 0^u || [len(A)]64 || [len(C)]64), left in _block.
        private void ComputeS(byte[]? aad, int aadOffset, int aadLength, byte[] ct, int ctOffset, int ctLength)
        {
            _y0 = 0;
            _y1 = 0;
            if (aadLength > 0) GhashPadded(aad!, aadOffset, aadLength);
            GhashPadded(ct, ctOffset, ctLength);
            WriteBe64((ulong)aadLength << 3, _block, 0);
            WriteBe64((ulong)ctLength << 3, _block, 8);
            Ghash(_block, 0, 16);
            WriteBe64(_y1, _block, 0);
            WriteBe64(_y0, _block, 8);
        }

        private void GhashPadded(byte[] data, int offset, int length)
        {
            int full = length & ~15;
            Ghash(data, offset, full);
            int rest = length - full;
            if (rest > 0)
            {
                Array.Clear(_block, 0, 16);
                Array.Copy(data, offset + full, _block, 0, rest);
                Ghash(_block, 0, 16);
            }
        }

        // Y = (Y xor X_i) * H per block (SP 800-38D §6.4): Karatsuba over 64-bit halves, six carry-less products, then reduction
        // modulo x^128 + x^7 + x^2 + x + 1 in GCM's reflected bit order (model: BearSSL ghash_ctmul64).
        private void Ghash(byte[] data, int offset, int length)
        {
            ulong y0 = _y0, y1 = _y1;
            ulong h0 = _h0, h1 = _h1, h2 = _h2, h0r = _h0r, h1r = _h1r, h2r = _h2r;
            // H's masked nibble lanes are fixed per key: split once, outside the block loop.
            ulong h0m0 = h0 & 0x1111111111111111UL, h0m1 = h0 & 0x2222222222222222UL, h0m2 = h0 & 0x4444444444444444UL, h0m3 = h0 & 0x8888888888888888UL;
            ulong h1m0 = h1 & 0x1111111111111111UL, h1m1 = h1 & 0x2222222222222222UL, h1m2 = h1 & 0x4444444444444444UL, h1m3 = h1 & 0x8888888888888888UL;
            ulong h2m0 = h2 & 0x1111111111111111UL, h2m1 = h2 & 0x2222222222222222UL, h2m2 = h2 & 0x4444444444444444UL, h2m3 = h2 & 0x8888888888888888UL;
            ulong h0rm0 = h0r & 0x1111111111111111UL, h0rm1 = h0r & 0x2222222222222222UL, h0rm2 = h0r & 0x4444444444444444UL, h0rm3 = h0r & 0x8888888888888888UL;
            ulong h1rm0 = h1r & 0x1111111111111111UL, h1rm1 = h1r & 0x2222222222222222UL, h1rm2 = h1r & 0x4444444444444444UL, h1rm3 = h1r & 0x8888888888888888UL;
            ulong h2rm0 = h2r & 0x1111111111111111UL, h2rm1 = h2r & 0x2222222222222222UL, h2rm2 = h2r & 0x4444444444444444UL, h2rm3 = h2r & 0x8888888888888888UL;
            ulong x0, x1, x2, x3;
            for (int end = offset + length; offset < end; offset += 16)
            {
                int o = offset;
                y1 ^= ((ulong)(((uint)data[o] << 24) | ((uint)data[o + 1] << 16) | ((uint)data[o + 2] << 8) | data[o + 3]) << 32)
                    | (((uint)data[o + 4] << 24) | ((uint)data[o + 5] << 16) | ((uint)data[o + 6] << 8) | data[o + 7]);
                y0 ^= ((ulong)(((uint)data[o + 8] << 24) | ((uint)data[o + 9] << 16) | ((uint)data[o + 10] << 8) | data[o + 11]) << 32)
                    | (((uint)data[o + 12] << 24) | ((uint)data[o + 13] << 16) | ((uint)data[o + 14] << 8) | data[o + 15]);
                ulong y0r = ((y0 & 0x5555555555555555UL) << 1) | ((y0 >> 1) & 0x5555555555555555UL);
                y0r = ((y0r & 0x3333333333333333UL) << 2) | ((y0r >> 2) & 0x3333333333333333UL);
                y0r = ((y0r & 0x0F0F0F0F0F0F0F0FUL) << 4) | ((y0r >> 4) & 0x0F0F0F0F0F0F0F0FUL);
                y0r = ((y0r & 0x00FF00FF00FF00FFUL) << 8) | ((y0r >> 8) & 0x00FF00FF00FF00FFUL);
                y0r = ((y0r & 0x0000FFFF0000FFFFUL) << 16) | ((y0r >> 16) & 0x0000FFFF0000FFFFUL);
                y0r = (y0r << 32) | (y0r >> 32);
                ulong y1r = ((y1 & 0x5555555555555555UL) << 1) | ((y1 >> 1) & 0x5555555555555555UL);
                y1r = ((y1r & 0x3333333333333333UL) << 2) | ((y1r >> 2) & 0x3333333333333333UL);
                y1r = ((y1r & 0x0F0F0F0F0F0F0F0FUL) << 4) | ((y1r >> 4) & 0x0F0F0F0F0F0F0F0FUL);
                y1r = ((y1r & 0x00FF00FF00FF00FFUL) << 8) | ((y1r >> 8) & 0x00FF00FF00FF00FFUL);
                y1r = ((y1r & 0x0000FFFF0000FFFFUL) << 16) | ((y1r >> 16) & 0x0000FFFF0000FFFFUL);
                y1r = (y1r << 32) | (y1r >> 32);
                ulong y2 = y0 ^ y1;
                ulong y2r = y0r ^ y1r;
                // Six carry-less products (integer products of operands with 3-bit holes every 4 bits, carries land in the holes
                // and are masked away; no branch or lookup depends on the operands), written out: a call costs ~16 instructions.
                x0 = y0 & 0x1111111111111111UL; x1 = y0 & 0x2222222222222222UL; x2 = y0 & 0x4444444444444444UL; x3 = y0 & 0x8888888888888888UL;
                ulong z0 = (((x0 * h0m0) ^ (x1 * h0m3) ^ (x2 * h0m2) ^ (x3 * h0m1)) & 0x1111111111111111UL)
                    | (((x0 * h0m1) ^ (x1 * h0m0) ^ (x2 * h0m3) ^ (x3 * h0m2)) & 0x2222222222222222UL)
                    | (((x0 * h0m2) ^ (x1 * h0m1) ^ (x2 * h0m0) ^ (x3 * h0m3)) & 0x4444444444444444UL)
                    | (((x0 * h0m3) ^ (x1 * h0m2) ^ (x2 * h0m1) ^ (x3 * h0m0)) & 0x8888888888888888UL);
                x0 = y1 & 0x1111111111111111UL; x1 = y1 & 0x2222222222222222UL; x2 = y1 & 0x4444444444444444UL; x3 = y1 & 0x8888888888888888UL;
                ulong z1 = (((x0 * h1m0) ^ (x1 * h1m3) ^ (x2 * h1m2) ^ (x3 * h1m1)) & 0x1111111111111111UL)
                    | (((x0 * h1m1) ^ (x1 * h1m0) ^ (x2 * h1m3) ^ (x3 * h1m2)) & 0x2222222222222222UL)
                    | (((x0 * h1m2) ^ (x1 * h1m1) ^ (x2 * h1m0) ^ (x3 * h1m3)) & 0x4444444444444444UL)
                    | (((x0 * h1m3) ^ (x1 * h1m2) ^ (x2 * h1m1) ^ (x3 * h1m0)) & 0x8888888888888888UL);
                x0 = y2 & 0x1111111111111111UL; x1 = y2 & 0x2222222222222222UL; x2 = y2 & 0x4444444444444444UL; x3 = y2 & 0x8888888888888888UL;
                ulong z2 = (((x0 * h2m0) ^ (x1 * h2m3) ^ (x2 * h2m2) ^ (x3 * h2m1)) & 0x1111111111111111UL)
                    | (((x0 * h2m1) ^ (x1 * h2m0) ^ (x2 * h2m3) ^ (x3 * h2m2)) & 0x2222222222222222UL)
                    | (((x0 * h2m2) ^ (x1 * h2m1) ^ (x2 * h2m0) ^ (x3 * h2m3)) & 0x4444444444444444UL)
                    | (((x0 * h2m3) ^ (x1 * h2m2) ^ (x2 * h2m1) ^ (x3 * h2m0)) & 0x8888888888888888UL);
                x0 = y0r & 0x1111111111111111UL; x1 = y0r & 0x2222222222222222UL; x2 = y0r & 0x4444444444444444UL; x3 = y0r & 0x8888888888888888UL;
                ulong z0h = (((x0 * h0rm0) ^ (x1 * h0rm3) ^ (x2 * h0rm2) ^ (x3 * h0rm1)) & 0x1111111111111111UL)
                    | (((x0 * h0rm1) ^ (x1 * h0rm0) ^ (x2 * h0rm3) ^ (x3 * h0rm2)) & 0x2222222222222222UL)
                    | (((x0 * h0rm2) ^ (x1 * h0rm1) ^ (x2 * h0rm0) ^ (x3 * h0rm3)) & 0x4444444444444444UL)
                    | (((x0 * h0rm3) ^ (x1 * h0rm2) ^ (x2 * h0rm1) ^ (x3 * h0rm0)) & 0x8888888888888888UL);
                x0 = y1r & 0x1111111111111111UL; x1 = y1r & 0x2222222222222222UL; x2 = y1r & 0x4444444444444444UL; x3 = y1r & 0x8888888888888888UL;
                ulong z1h = (((x0 * h1rm0) ^ (x1 * h1rm3) ^ (x2 * h1rm2) ^ (x3 * h1rm1)) & 0x1111111111111111UL)
                    | (((x0 * h1rm1) ^ (x1 * h1rm0) ^ (x2 * h1rm3) ^ (x3 * h1rm2)) & 0x2222222222222222UL)
                    | (((x0 * h1rm2) ^ (x1 * h1rm1) ^ (x2 * h1rm0) ^ (x3 * h1rm3)) & 0x4444444444444444UL)
                    | (((x0 * h1rm3) ^ (x1 * h1rm2) ^ (x2 * h1rm1) ^ (x3 * h1rm0)) & 0x8888888888888888UL);
                x0 = y2r & 0x1111111111111111UL; x1 = y2r & 0x2222222222222222UL; x2 = y2r & 0x4444444444444444UL; x3 = y2r & 0x8888888888888888UL;
                ulong z2h = (((x0 * h2rm0) ^ (x1 * h2rm3) ^ (x2 * h2rm2) ^ (x3 * h2rm1)) & 0x1111111111111111UL)
                    | (((x0 * h2rm1) ^ (x1 * h2rm0) ^ (x2 * h2rm3) ^ (x3 * h2rm2)) & 0x2222222222222222UL)
                    | (((x0 * h2rm2) ^ (x1 * h2rm1) ^ (x2 * h2rm0) ^ (x3 * h2rm3)) & 0x4444444444444444UL)
                    | (((x0 * h2rm3) ^ (x1 * h2rm2) ^ (x2 * h2rm1) ^ (x3 * h2rm0)) & 0x8888888888888888UL);
                z2 ^= z0 ^ z1;
                z2h ^= z0h ^ z1h;
                z0h = ((z0h & 0x5555555555555555UL) << 1) | ((z0h >> 1) & 0x5555555555555555UL);
                z0h = ((z0h & 0x3333333333333333UL) << 2) | ((z0h >> 2) & 0x3333333333333333UL);
                z0h = ((z0h & 0x0F0F0F0F0F0F0F0FUL) << 4) | ((z0h >> 4) & 0x0F0F0F0F0F0F0F0FUL);
                z0h = ((z0h & 0x00FF00FF00FF00FFUL) << 8) | ((z0h >> 8) & 0x00FF00FF00FF00FFUL);
                z0h = ((z0h & 0x0000FFFF0000FFFFUL) << 16) | ((z0h >> 16) & 0x0000FFFF0000FFFFUL);
                z0h = (z0h << 32) | (z0h >> 32);
                z1h = ((z1h & 0x5555555555555555UL) << 1) | ((z1h >> 1) & 0x5555555555555555UL);
                z1h = ((z1h & 0x3333333333333333UL) << 2) | ((z1h >> 2) & 0x3333333333333333UL);
                z1h = ((z1h & 0x0F0F0F0F0F0F0F0FUL) << 4) | ((z1h >> 4) & 0x0F0F0F0F0F0F0F0FUL);
                z1h = ((z1h & 0x00FF00FF00FF00FFUL) << 8) | ((z1h >> 8) & 0x00FF00FF00FF00FFUL);
                z1h = ((z1h & 0x0000FFFF0000FFFFUL) << 16) | ((z1h >> 16) & 0x0000FFFF0000FFFFUL);
                z1h = (z1h << 32) | (z1h >> 32);
                z2h = ((z2h & 0x5555555555555555UL) << 1) | ((z2h >> 1) & 0x5555555555555555UL);
                z2h = ((z2h & 0x3333333333333333UL) << 2) | ((z2h >> 2) & 0x3333333333333333UL);
                z2h = ((z2h & 0x0F0F0F0F0F0F0F0FUL) << 4) | ((z2h >> 4) & 0x0F0F0F0F0F0F0F0FUL);
                z2h = ((z2h & 0x00FF00FF00FF00FFUL) << 8) | ((z2h >> 8) & 0x00FF00FF00FF00FFUL);
                z2h = ((z2h & 0x0000FFFF0000FFFFUL) << 16) | ((z2h >> 16) & 0x0000FFFF0000FFFFUL);
                z2h = (z2h << 32) | (z2h >> 32);
                z0h >>= 1;
                z1h >>= 1;
                z2h >>= 1;
                ulong v0 = z0;
                ulong v1 = z0h ^ z2;
                ulong v2 = z1 ^ z2h;
                ulong v3 = z1h;
                v3 = (v3 << 1) | (v2 >> 63);
                v2 = (v2 << 1) | (v1 >> 63);
                v1 = (v1 << 1) | (v0 >> 63);
                v0 <<= 1;
                v2 ^= v0 ^ (v0 >> 1) ^ (v0 >> 2) ^ (v0 >> 7);
                v1 ^= (v0 << 63) ^ (v0 << 62) ^ (v0 << 57);
                v3 ^= v1 ^ (v1 >> 1) ^ (v1 >> 2) ^ (v1 >> 7);
                v2 ^= (v1 << 63) ^ (v1 << 62) ^ (v1 << 57);
                y0 = v2;
                y1 = v3;
            }
            _y0 = y0;
            _y1 = y1;
        }

        private static ulong Rev64(ulong x)
        {
            x = ((x & 0x5555555555555555UL) << 1) | ((x >> 1) & 0x5555555555555555UL);
            x = ((x & 0x3333333333333333UL) << 2) | ((x >> 2) & 0x3333333333333333UL);
            x = ((x & 0x0F0F0F0F0F0F0F0FUL) << 4) | ((x >> 4) & 0x0F0F0F0F0F0F0F0FUL);
            x = ((x & 0x00FF00FF00FF00FFUL) << 8) | ((x >> 8) & 0x00FF00FF00FF00FFUL);
            x = ((x & 0x0000FFFF0000FFFFUL) << 16) | ((x >> 16) & 0x0000FFFF0000FFFFUL);
            return (x << 32) | (x >> 32);
        }

        private static ulong ReadBe64(byte[] b, int o)
        {
            uint hi = ((uint)b[o] << 24) | ((uint)b[o + 1] << 16) | ((uint)b[o + 2] << 8) | b[o + 3];
            uint lo = ((uint)b[o + 4] << 24) | ((uint)b[o + 5] << 16) | ((uint)b[o + 6] << 8) | b[o + 7];
            return ((ulong)hi << 32) | lo;
        }

        private static void WriteBe32(uint v, byte[] b, int o)
        {
            b[o] = (byte)(v >> 24);
            b[o + 1] = (byte)(v >> 16);
            b[o + 2] = (byte)(v >> 8);
            b[o + 3] = (byte)v;
        }

        private static void WriteBe64(ulong v, byte[] b, int o)
        {
            for (int i = 7; i >= 0; i--)
            {
                b[o + i] = (byte)v;
                v >>= 8;
            }
        }

        private void Wipe()
        {
            Array.Clear(_keystream, 0, _keystream.Length);
            Array.Clear(_tagMask, 0, 16);
            Array.Clear(_block, 0, 16);
            Array.Clear(_counter, 0, 16);
            _y0 = 0;
            _y1 = 0;
        }
    }
}
