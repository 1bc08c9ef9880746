using System;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Crypto.Cipher
{
    /// <summary>
    /// Constant-time software AES-128/192/256 (FIPS 197) implementing <see cref="IAesEngine"/>: a 64-bit bitsliced
    /// design that runs four blocks at once, with no table lookup or branch indexed by key or data.
    /// </summary>
    /// <remarks>
    /// Model: BearSSL's <c>aes_ct64</c> (Pornin, MIT licence) — the S-box is the Boyar–Peralta circuit
    /// ("A new combinational logic minimization technique with applications to cryptology", ePrint 2009/191).
    /// Bit layout: after <see cref="Ortho"/>, word q[k] holds bit k of every state byte of four blocks; within a
    /// word, each nibble holds one byte position across the four blocks.
    /// </remarks>
    public sealed class SoftwareAes : IAesEngine
    {
        private const int MaxRounds = 14;

        // Sized to the key on SetKey (88 words for AES-128, not 120; issue 10 §2 heap), grown when a longer key comes.
        private ulong[] _roundKeys = new ulong[0];
        private readonly ulong[] _q = new ulong[8];
        // The key schedule's last Nk words (FIPS 197 §5.2 needs only w[i - Nk] and w[i - 1]); a round key is taken out
        // as soon as its four words exist, so the whole expanded key (60 words) is never held.
        private readonly uint[] _words = new uint[8];
        private int _rounds;

        /// <inheritdoc />
        public bool SupportsKeyLength(int keyLength)
        {
            return keyLength == 16 || keyLength == 24 || keyLength == 32;
        }

        /// <inheritdoc />
        public void SetKey(byte[] key, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (!SupportsKeyLength(length)) throw new ArgumentException("AES key must be 16, 24 or 32 bytes.", nameof(length));
            if (offset < 0 || offset > key.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
            int nk = length >> 2;
            int rounds = nk + 6;
            int total = (rounds + 1) << 2;
            int used = (rounds + 1) << 3;
            if (_roundKeys.Length < used)
            {
                Array.Clear(_roundKeys, 0, _roundKeys.Length);
                _roundKeys = new ulong[used];
            }

            uint[] w = _words;
            ulong[] q = _q;
            ulong[] rk = _roundKeys;
            // FIPS 197 §5.2 on little-endian words: RotWord is a right rotation by 8, Rcon sits in the low byte. Word i lives
            // in w[i & 7] (Nk <= 8); the indexes depend on i and Nk only, never on the key.
            uint tmp = 0;
            uint rcon = 1;
            for (int i = 0, j = 0; i < total; i++)
            {
                if (i < nk)
                {
                    tmp = ReadLe(key, offset + (i << 2));
                }
                else
                {
                    if (j == 0)
                    {
                        tmp = SubWord((tmp << 24) | (tmp >> 8)) ^ rcon;
                        rcon = (rcon << 1) ^ (0x11B & (uint)(-(int)(rcon >> 7)));
                    }
                    else if (nk > 6 && j == 4)
                    {
                        tmp = SubWord(tmp);
                    }

                    tmp ^= w[(i - nk) & 7];
                    if (++j == nk) j = 0;
                }

                w[i & 7] = tmp;
                if ((i & 3) == 3)
                {
                    // Round key i / 4, the same in all four block lanes, bitsliced like the state.
                    InterleaveIn(w[(i - 3) & 7], w[(i - 2) & 7], w[(i - 1) & 7], tmp, q, 0);
                    q[1] = q[0];
                    q[2] = q[0];
                    q[3] = q[0];
                    q[5] = q[4];
                    q[6] = q[4];
                    q[7] = q[4];
                    Ortho(q);
                    Array.Copy(q, 0, rk, (i >> 2) << 3, 8);
                }
            }

            // A shorter key than the previous one leaves that key's upper round keys behind: wipe them.
            Array.Clear(rk, used, rk.Length - used);
            Array.Clear(w, 0, w.Length);
            Array.Clear(q, 0, 8);
            _rounds = rounds;
        }

        /// <inheritdoc />
        [HotPath]
        public void EncryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            Check(input, inputOffset, output, outputOffset, length);
            // The whole pass and the rounds (FIPS 197 §5.1) in this one frame: the interpreter allocates a frame on the heap
            // for every call, and the KEMAC decryption of a PSK exchange reaches here at the deepest point of the exchange
            // (issue 10 §2 heap; InterpreterFrameDepthTests). Only leaf steps are calls (lanes, Ortho, SubBytes, the fused round
            // tail), one deep at most. CtrXor repeats the round sequence for the same reason.
            ulong[] q = _q;
            ulong[] rk = _roundKeys;
            int rounds = _rounds;
            while (length > 0)
            {
                int blocks = LoadLanes(input, inputOffset, q, length);
                Ortho(q);
                AddRoundKey(q, rk, 0);
                for (int r = 1; r < rounds; r++)
                {
                    SubBytes(q);
                    ShiftRowsMixColumnsAddRoundKey(q, rk, r << 3);
                }
                // The last round has no MixColumns; the round count is public.
                SubBytes(q);
                ShiftRows(q);
                AddRoundKey(q, rk, rounds << 3);
                Ortho(q);
                StoreLanes(q, blocks, output, outputOffset);
                blocks <<= 4;
                inputOffset += blocks;
                outputOffset += blocks;
                length -= blocks;
            }
            Array.Clear(q, 0, 8);
        }

        /// <summary>
        /// Counter mode (SP 800-38A §6.5) in one call: output = input XOR E(K, T_j), T_0 the 16-byte big-endian counter block
        /// and T_j = T_0 + j mod 2^128 (SP 800-38A Appendix B.1; SRTP AES-CM, RFC 3711 §4.1.1), or with
        /// <paramref name="increment32"/> only the low 32 bits counting (GCM inc32, SP 800-38D §6.2). The counter blocks go
        /// straight from words into the bitsliced lanes and the keystream is XORed into the data as the lanes are stored, so
        /// no counter or keystream block is ever written to an array (the interpreter pays per IL instruction and per array
        /// access: issue 10 §4). The caller's counter block is read, never modified. Like <see cref="EncryptBlocks"/> it runs the
        /// rounds in its own frame and calls only leaf steps (issue 10 §2: every interpreter frame is on the heap).
        /// </summary>
        /// <param name="counterBlock">Buffer holding the 16-byte initial counter block.</param>
        /// <param name="counterOffset">Offset of the counter block.</param>
        /// <param name="increment32">True for inc32, false for the 128-bit increment.</param>
        /// <param name="input">Source buffer.</param>
        /// <param name="inputOffset">Offset in <paramref name="input"/>.</param>
        /// <param name="output">Destination buffer (may be the same range as the input).</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="length">Number of bytes (any length).</param>
        /// <exception cref="ArgumentException">A buffer is null or a range is invalid; nothing is written.</exception>
        /// <exception cref="InvalidOperationException">No key is loaded.</exception>
        [HotPath]
        public void CtrXor(byte[] counterBlock, int counterOffset, bool increment32, byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            if (counterBlock == null || input == null || output == null) throw new ArgumentNullException();
            if (_rounds == 0) throw new InvalidOperationException();
            if (length < 0 || counterOffset < 0 || counterOffset > counterBlock.Length - 16
                || inputOffset < 0 || inputOffset > input.Length - length || outputOffset < 0 || outputOffset > output.Length - length)
            {
                throw new ArgumentOutOfRangeException();
            }

            ulong[] q = _q;
            ulong[] rk = _roundKeys;
            int rounds = _rounds;
            uint c0 = ReadBe(counterBlock, counterOffset);
            uint c1 = ReadBe(counterBlock, counterOffset + 4);
            uint c2 = ReadBe(counterBlock, counterOffset + 8);
            uint c3 = ReadBe(counterBlock, counterOffset + 12);
            uint full = increment32 ? 0u : 1u;
            while (length > 0)
            {
                int blocks = length >= 64 ? 4 : (length + 15) >> 4;
                for (int lane = 0; lane < 4; lane++)
                {
                    if (lane >= blocks)
                    {
                        q[lane] = 0;
                        q[lane + 4] = 0;
                        continue;
                    }

                    // LoadLanes of the counter block's bytes, from its words: byte-swapped, spread as in InterleaveIn.
                    ulong a = Spread((c0 >> 24) | ((c0 >> 8) & 0xFF00) | ((c0 & 0xFF00) << 8) | (c0 << 24));
                    ulong b = Spread((c1 >> 24) | ((c1 >> 8) & 0xFF00) | ((c1 & 0xFF00) << 8) | (c1 << 24));
                    ulong c = Spread((c2 >> 24) | ((c2 >> 8) & 0xFF00) | ((c2 & 0xFF00) << 8) | (c2 << 24));
                    ulong d = Spread((c3 >> 24) | ((c3 >> 8) & 0xFF00) | ((c3 & 0xFF00) << 8) | (c3 << 24));
                    q[lane] = a | (c << 8);
                    q[lane + 4] = b | (d << 8);
                    // The increment without data-dependent branches ((x | -x) >> 31 is 1 exactly when x != 0), as AesCtr.
                    c3++;
                    uint carry = (((c3 | (uint)(-(int)c3)) >> 31) ^ 1) & full;
                    c2 += carry;
                    carry &= ((c2 | (uint)(-(int)c2)) >> 31) ^ 1;
                    c1 += carry;
                    carry &= ((c1 | (uint)(-(int)c1)) >> 31) ^ 1;
                    c0 += carry;
                }

                Ortho(q);
                AddRoundKey(q, rk, 0);
                for (int r = 1; r < rounds; r++)
                {
                    SubBytes(q);
                    ShiftRowsMixColumnsAddRoundKey(q, rk, r << 3);
                }
                // The last round has no MixColumns; the round count is public.
                SubBytes(q);
                ShiftRows(q);
                AddRoundKey(q, rk, rounds << 3);
                Ortho(q);
                int n = length >= 64 ? 64 : length;
                XorLanes(q, input, inputOffset, output, outputOffset, n);
                inputOffset += n;
                outputOffset += n;
                length -= n;
            }
            Array.Clear(q, 0, 8);
        }

        /// <inheritdoc />
        [HotPath]
        public void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            Check(input, inputOffset, output, outputOffset, length);
            ulong[] q = _q;
            while (length > 0)
            {
                int blocks = LoadLanes(input, inputOffset, q, length);
                Ortho(q);
                DecryptState(q);
                Ortho(q);
                StoreLanes(q, blocks, output, outputOffset);
                blocks <<= 4;
                inputOffset += blocks;
                outputOffset += blocks;
                length -= blocks;
            }
            Array.Clear(q, 0, 8);
        }

        /// <inheritdoc />
        public void ClearKey()
        {
            Array.Clear(_roundKeys, 0, _roundKeys.Length);
            Array.Clear(_q, 0, 8);
            _rounds = 0;
        }

        private void Check(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (_rounds == 0) throw new InvalidOperationException("No AES key loaded.");
            if (length < 0 || (length & 15) != 0) throw new ArgumentException("Length must be a multiple of 16.", nameof(length));
            if (inputOffset < 0 || inputOffset > input.Length - length) throw new ArgumentOutOfRangeException(nameof(inputOffset));
            if (outputOffset < 0 || outputOffset > output.Length - length) throw new ArgumentOutOfRangeException(nameof(outputOffset));
        }

        // FIPS 197 §5.1.2–5.1.4 of rounds 1..Nr-1 in one small frame, on locals: the encryption hot path, so it does
        // not go through ShiftRows, MixColumns and AddRoundKey (three calls and 48 more array accesses per round).
        private static void ShiftRowsMixColumnsAddRoundKey(ulong[] q, ulong[] rk, int o)
        {
            ulong x = q[0];
            x = (x & 0x000000000000FFFFUL) | ((x & 0x00000000FFF00000UL) >> 4) | ((x & 0x00000000000F0000UL) << 12)
                | ((x & 0x0000FF0000000000UL) >> 8) | ((x & 0x000000FF00000000UL) << 8)
                | ((x & 0xF000000000000000UL) >> 12) | ((x & 0x0FFF000000000000UL) << 4);
            ulong r0 = (x >> 16) | (x << 48);
            ulong v0 = x ^ r0;
            x = q[1];
            x = (x & 0x000000000000FFFFUL) | ((x & 0x00000000FFF00000UL) >> 4) | ((x & 0x00000000000F0000UL) << 12)
                | ((x & 0x0000FF0000000000UL) >> 8) | ((x & 0x000000FF00000000UL) << 8)
                | ((x & 0xF000000000000000UL) >> 12) | ((x & 0x0FFF000000000000UL) << 4);
            ulong r1 = (x >> 16) | (x << 48);
            ulong v1 = x ^ r1;
            x = q[2];
            x = (x & 0x000000000000FFFFUL) | ((x & 0x00000000FFF00000UL) >> 4) | ((x & 0x00000000000F0000UL) << 12)
                | ((x & 0x0000FF0000000000UL) >> 8) | ((x & 0x000000FF00000000UL) << 8)
                | ((x & 0xF000000000000000UL) >> 12) | ((x & 0x0FFF000000000000UL) << 4);
            ulong r2 = (x >> 16) | (x << 48);
            ulong v2 = x ^ r2;
            x = q[3];
            x = (x & 0x000000000000FFFFUL) | ((x & 0x00000000FFF00000UL) >> 4) | ((x & 0x00000000000F0000UL) << 12)
                | ((x & 0x0000FF0000000000UL) >> 8) | ((x & 0x000000FF00000000UL) << 8)
                | ((x & 0xF000000000000000UL) >> 12) | ((x & 0x0FFF000000000000UL) << 4);
            ulong r3 = (x >> 16) | (x << 48);
            ulong v3 = x ^ r3;
            x = q[4];
            x = (x & 0x000000000000FFFFUL) | ((x & 0x00000000FFF00000UL) >> 4) | ((x & 0x00000000000F0000UL) << 12)
                | ((x & 0x0000FF0000000000UL) >> 8) | ((x & 0x000000FF00000000UL) << 8)
                | ((x & 0xF000000000000000UL) >> 12) | ((x & 0x0FFF000000000000UL) << 4);
            ulong r4 = (x >> 16) | (x << 48);
            ulong v4 = x ^ r4;
            x = q[5];
            x = (x & 0x000000000000FFFFUL) | ((x & 0x00000000FFF00000UL) >> 4) | ((x & 0x00000000000F0000UL) << 12)
                | ((x & 0x0000FF0000000000UL) >> 8) | ((x & 0x000000FF00000000UL) << 8)
                | ((x & 0xF000000000000000UL) >> 12) | ((x & 0x0FFF000000000000UL) << 4);
            ulong r5 = (x >> 16) | (x << 48);
            ulong v5 = x ^ r5;
            x = q[6];
            x = (x & 0x000000000000FFFFUL) | ((x & 0x00000000FFF00000UL) >> 4) | ((x & 0x00000000000F0000UL) << 12)
                | ((x & 0x0000FF0000000000UL) >> 8) | ((x & 0x000000FF00000000UL) << 8)
                | ((x & 0xF000000000000000UL) >> 12) | ((x & 0x0FFF000000000000UL) << 4);
            ulong r6 = (x >> 16) | (x << 48);
            ulong v6 = x ^ r6;
            x = q[7];
            x = (x & 0x000000000000FFFFUL) | ((x & 0x00000000FFF00000UL) >> 4) | ((x & 0x00000000000F0000UL) << 12)
                | ((x & 0x0000FF0000000000UL) >> 8) | ((x & 0x000000FF00000000UL) << 8)
                | ((x & 0xF000000000000000UL) >> 12) | ((x & 0x0FFF000000000000UL) << 4);
            ulong r7 = (x >> 16) | (x << 48);
            ulong v7 = x ^ r7;
            q[0] = v7 ^ r0 ^ (v0 << 32) ^ (v0 >> 32) ^ rk[o];
            q[1] = v0 ^ v7 ^ r1 ^ (v1 << 32) ^ (v1 >> 32) ^ rk[o + 1];
            q[2] = v1 ^ r2 ^ (v2 << 32) ^ (v2 >> 32) ^ rk[o + 2];
            q[3] = v2 ^ v7 ^ r3 ^ (v3 << 32) ^ (v3 >> 32) ^ rk[o + 3];
            q[4] = v3 ^ v7 ^ r4 ^ (v4 << 32) ^ (v4 >> 32) ^ rk[o + 4];
            q[5] = v4 ^ r5 ^ (v5 << 32) ^ (v5 >> 32) ^ rk[o + 5];
            q[6] = v5 ^ r6 ^ (v6 << 32) ^ (v6 >> 32) ^ rk[o + 6];
            q[7] = v6 ^ r7 ^ (v7 << 32) ^ (v7 >> 32) ^ rk[o + 7];
        }

        // FIPS 197 §5.3.
        private void DecryptState(ulong[] q)
        {
            ulong[] rk = _roundKeys;
            int rounds = _rounds;
            AddRoundKey(q, rk, rounds << 3);
            for (int r = rounds - 1; r > 0; r--)
            {
                InvShiftRows(q);
                InvSubBytes(q);
                AddRoundKey(q, rk, r << 3);
                // FIPS 197 §5.3.3: the MixColumns polynomial c(x) has c(x)^4 = 1 mod x^4 + 1, so its inverse is c(x)^3.
                // Decryption (Key Wrap unwrap only) trades speed for code size on the 64 KB IL budget.
                MixColumns(q);
                MixColumns(q);
                MixColumns(q);
            }
            InvShiftRows(q);
            InvSubBytes(q);
            AddRoundKey(q, rk, 0);
        }

        private static void AddRoundKey(ulong[] q, ulong[] rk, int o)
        {
            q[0] ^= rk[o];
            q[1] ^= rk[o + 1];
            q[2] ^= rk[o + 2];
            q[3] ^= rk[o + 3];
            q[4] ^= rk[o + 4];
            q[5] ^= rk[o + 5];
            q[6] ^= rk[o + 6];
            q[7] ^= rk[o + 7];
        }

        // The S-box of one 32-bit word (key schedule), through the same bitsliced circuit.
        private uint SubWord(uint x)
        {
            ulong[] q = _q;
            Array.Clear(q, 0, 8);
            q[0] = x;
            Ortho(q);
            SubBytes(q);
            Ortho(q);
            return (uint)q[0];
        }

        // Boyar–Peralta S-box circuit (ePrint 2009/191): 32 AND, 83 XOR/XNOR; x0 is the most significant bit. Each line is
        // one gate of the paper, named in its comment, in the paper's order; the values live in 29 reused locals a0..a28
        // (a local is taken over once the value in it is dead), because the interpreter allocates every local of a
        // frame on the heap: one local per gate made this frame ~100 slots.
        private static void SubBytes(ulong[] q)
        {
            ulong a0 = q[4];        // x3 = q[4]
            ulong a1 = q[2];        // x5 = q[2]
            ulong a2 = a0 ^ a1;     // y14 = x3 ^ x5
            ulong a3 = q[7];        // x0 = q[7]
            ulong a4 = q[1];        // x6 = q[1]
            ulong a5 = a3 ^ a4;     // y13 = x0 ^ x6
            ulong a6 = a3 ^ a0;     // y9 = x0 ^ x3
            ulong a7 = a3 ^ a1;     // y8 = x0 ^ x5
            ulong a8 = q[6];        // x1 = q[6]
            ulong a9 = q[5];        // x2 = q[5]
            a9 = a8 ^ a9;           // t0 = x1 ^ x2
            ulong a10 = q[0];       // x7 = q[0]
            ulong a11 = a9 ^ a10;   // y1 = t0 ^ x7
            a0 = a11 ^ a0;          // y4 = y1 ^ x3
            ulong a12 = a5 ^ a2;    // y12 = y13 ^ y14
            ulong a13 = a11 ^ a3;   // y2 = y1 ^ x0
            a4 = a11 ^ a4;          // y5 = y1 ^ x6
            ulong a14 = a4 ^ a7;    // y3 = y5 ^ y8
            ulong a15 = q[3];       // x4 = q[3]
            a15 = a15 ^ a12;        // t1 = x4 ^ y12
            a1 = a15 ^ a1;          // y15 = t1 ^ x5
            a8 = a15 ^ a8;          // y20 = t1 ^ x1
            a15 = a1 ^ a10;         // y6 = y15 ^ x7
            ulong a16 = a1 ^ a9;    // y10 = y15 ^ t0
            ulong a17 = a8 ^ a6;    // y11 = y20 ^ y9
            ulong a18 = a10 ^ a17;  // y7 = x7 ^ y11
            ulong a19 = a16 ^ a17;  // y17 = y10 ^ y11
            ulong a20 = a16 ^ a7;   // y19 = y10 ^ y8
            a9 = a9 ^ a17;          // y16 = t0 ^ y11
            ulong a21 = a5 ^ a9;    // y21 = y13 ^ y16
            a3 = a3 ^ a9;           // y18 = x0 ^ y16
            ulong a22 = a12 & a1;   // t2 = y12 & y15
            ulong a23 = a14 & a15;  // t3 = y3 & y6
            a23 = a23 ^ a22;        // t4 = t3 ^ t2
            ulong a24 = a0 & a10;   // t5 = y4 & x7
            a22 = a24 ^ a22;        // t6 = t5 ^ t2
            a24 = a5 & a9;          // t7 = y13 & y16
            ulong a25 = a4 & a11;   // t8 = y5 & y1
            a25 = a25 ^ a24;        // t9 = t8 ^ t7
            ulong a26 = a13 & a18;  // t10 = y2 & y7
            a24 = a26 ^ a24;        // t11 = t10 ^ t7
            a26 = a6 & a17;         // t12 = y9 & y11
            ulong a27 = a2 & a19;   // t13 = y14 & y17
            a27 = a27 ^ a26;        // t14 = t13 ^ t12
            ulong a28 = a7 & a16;   // t15 = y8 & y10
            a26 = a28 ^ a26;        // t16 = t15 ^ t12
            a23 = a23 ^ a27;        // t17 = t4 ^ t14
            a22 = a22 ^ a26;        // t18 = t6 ^ t16
            a25 = a25 ^ a27;        // t19 = t9 ^ t14
            a24 = a24 ^ a26;        // t20 = t11 ^ t16
            a8 = a23 ^ a8;          // t21 = t17 ^ y20
            a20 = a22 ^ a20;        // t22 = t18 ^ y19
            a21 = a25 ^ a21;        // t23 = t19 ^ y21
            a3 = a24 ^ a3;          // t24 = t20 ^ y18
            a22 = a8 ^ a20;         // t25 = t21 ^ t22
            a8 = a8 & a21;          // t26 = t21 & t23
            a23 = a3 ^ a8;          // t27 = t24 ^ t26
            a24 = a22 & a23;        // t28 = t25 & t27
            a24 = a24 ^ a20;        // t29 = t28 ^ t22
            a25 = a21 ^ a3;         // t30 = t23 ^ t24
            a8 = a20 ^ a8;          // t31 = t22 ^ t26
            a8 = a8 & a25;          // t32 = t31 & t30
            a8 = a8 ^ a3;           // t33 = t32 ^ t24
            a20 = a21 ^ a8;         // t34 = t23 ^ t33
            a21 = a23 ^ a8;         // t35 = t27 ^ t33
            a3 = a3 & a21;          // t36 = t24 & t35
            a20 = a3 ^ a20;         // t37 = t36 ^ t34
            a3 = a23 ^ a3;          // t38 = t27 ^ t36
            a3 = a24 & a3;          // t39 = t29 & t38
            a3 = a22 ^ a3;          // t40 = t25 ^ t39
            a21 = a3 ^ a20;         // t41 = t40 ^ t37
            a22 = a24 ^ a8;         // t42 = t29 ^ t33
            a23 = a24 ^ a3;         // t43 = t29 ^ t40
            a25 = a8 ^ a20;         // t44 = t33 ^ t37
            a26 = a22 ^ a21;        // t45 = t42 ^ t41
            a1 = a25 & a1;          // z0 = t44 & y15
            a15 = a20 & a15;        // z1 = t37 & y6
            a10 = a8 & a10;         // z2 = t33 & x7
            a9 = a23 & a9;          // z3 = t43 & y16
            a11 = a3 & a11;         // z4 = t40 & y1
            a18 = a24 & a18;        // z5 = t29 & y7
            a17 = a22 & a17;        // z6 = t42 & y11
            a19 = a26 & a19;        // z7 = t45 & y17
            a16 = a21 & a16;        // z8 = t41 & y10
            a12 = a25 & a12;        // z9 = t44 & y12
            a14 = a20 & a14;        // z10 = t37 & y3
            a0 = a8 & a0;           // z11 = t33 & y4
            a5 = a23 & a5;          // z12 = t43 & y13
            a3 = a3 & a4;           // z13 = t40 & y5
            a4 = a24 & a13;         // z14 = t29 & y2
            a6 = a22 & a6;          // z15 = t42 & y9
            a2 = a26 & a2;          // z16 = t45 & y14
            a7 = a21 & a7;          // z17 = t41 & y8
            a6 = a6 ^ a2;           // t46 = z15 ^ z16
            a0 = a14 ^ a0;          // t47 = z10 ^ z11
            a3 = a18 ^ a3;          // t48 = z5 ^ z13
            a8 = a12 ^ a14;         // t49 = z9 ^ z10
            a12 = a10 ^ a5;         // t50 = z2 ^ z12
            a10 = a10 ^ a18;        // t51 = z2 ^ z5
            a13 = a19 ^ a16;        // t52 = z7 ^ z8
            a1 = a1 ^ a9;           // t53 = z0 ^ z3
            a14 = a17 ^ a19;        // t54 = z6 ^ z7
            a2 = a2 ^ a7;           // t55 = z16 ^ z17
            a5 = a5 ^ a3;           // t56 = z12 ^ t48
            a7 = a12 ^ a1;          // t57 = t50 ^ t53
            a12 = a11 ^ a6;         // t58 = z4 ^ t46
            a9 = a9 ^ a14;          // t59 = z3 ^ t54
            a6 = a6 ^ a7;           // t60 = t46 ^ t57
            a4 = a4 ^ a7;           // t61 = z14 ^ t57
            a7 = a13 ^ a12;         // t62 = t52 ^ t58
            a8 = a8 ^ a12;          // t63 = t49 ^ t58
            a11 = a11 ^ a9;         // t64 = z4 ^ t59
            a4 = a4 ^ a7;           // t65 = t61 ^ t62
            a12 = a15 ^ a8;         // t66 = z1 ^ t63
            a13 = a11 ^ a4;         // t67 = t64 ^ t65
            a1 = a1 ^ a12;          // s3 = t53 ^ t66
            q[7] = a9 ^ a8;         // q7 = t59 ^ t63
            q[6] = a11 ^ ~a1;       // q6 = t64 ^ ~s3
            q[5] = a2 ^ ~a13;       // q5 = t55 ^ ~t67
            q[4] = a1;              // q4 = s3
            q[3] = a10 ^ a12;       // q3 = t51 ^ t66
            q[2] = a0 ^ a4;         // q2 = t47 ^ t65
            q[1] = a5 ^ ~a7;        // q1 = t56 ^ ~t62
            q[0] = a3 ^ ~a6;        // q0 = t48 ^ ~t60
        }

        // Inverse S-box = A^-1 o S o A^-1 around the forward circuit, where A is the affine map of FIPS 197 §5.1.1.
        private static void InvSubBytes(ulong[] q)
        {
            InvAffine(q);
            SubBytes(q);
            InvAffine(q);
        }

        // Applies x -> A^-1(x ^ 0x63) on the bit planes, i.e. the inverse of the S-box's output affine transform.
        private static void InvAffine(ulong[] q)
        {
            ulong q0 = ~q[0], q1 = ~q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = ~q[5], q6 = ~q[6], q7 = q[7];
            q[7] = q1 ^ q4 ^ q6;
            q[6] = q0 ^ q3 ^ q5;
            q[5] = q7 ^ q2 ^ q4;
            q[4] = q6 ^ q1 ^ q3;
            q[3] = q5 ^ q0 ^ q2;
            q[2] = q4 ^ q7 ^ q1;
            q[1] = q3 ^ q6 ^ q0;
            q[0] = q2 ^ q5 ^ q7;
        }

        // FIPS 197 §5.3.1: ShiftRows has order 4, so its inverse is three applications.
        private static void InvShiftRows(ulong[] q)
        {
            ShiftRows(q);
            ShiftRows(q);
            ShiftRows(q);
        }

        // FIPS 197 §5.1.2 on the nibble layout: each 16-bit group is one row across the four columns.
        private static void ShiftRows(ulong[] q)
        {
            for (int i = 0; i < 8; i++)
            {
                ulong x = q[i];
                q[i] = (x & 0x000000000000FFFFUL)
                    | ((x & 0x00000000FFF00000UL) >> 4)
                    | ((x & 0x00000000000F0000UL) << 12)
                    | ((x & 0x0000FF0000000000UL) >> 8)
                    | ((x & 0x000000FF00000000UL) << 8)
                    | ((x & 0xF000000000000000UL) >> 12)
                    | ((x & 0x0FFF000000000000UL) << 4);
            }
        }

        // FIPS 197 §5.1.3: rotating a word by 16 bits moves every byte one row down its column; xtime feeds q7 into q0, q1,
        // q3, q4. With v = q ^ rot16(q) every output reads only v and rot16(q).
        private static void MixColumns(ulong[] q)
        {
            ulong x = q[0];
            ulong r0 = (x >> 16) | (x << 48);
            ulong v0 = x ^ r0;
            x = q[1];
            ulong r1 = (x >> 16) | (x << 48);
            ulong v1 = x ^ r1;
            x = q[2];
            ulong r2 = (x >> 16) | (x << 48);
            ulong v2 = x ^ r2;
            x = q[3];
            ulong r3 = (x >> 16) | (x << 48);
            ulong v3 = x ^ r3;
            x = q[4];
            ulong r4 = (x >> 16) | (x << 48);
            ulong v4 = x ^ r4;
            x = q[5];
            ulong r5 = (x >> 16) | (x << 48);
            ulong v5 = x ^ r5;
            x = q[6];
            ulong r6 = (x >> 16) | (x << 48);
            ulong v6 = x ^ r6;
            x = q[7];
            ulong r7 = (x >> 16) | (x << 48);
            ulong v7 = x ^ r7;
            q[0] = v7 ^ r0 ^ (v0 << 32) ^ (v0 >> 32);
            q[1] = v0 ^ v7 ^ r1 ^ (v1 << 32) ^ (v1 >> 32);
            q[2] = v1 ^ r2 ^ (v2 << 32) ^ (v2 >> 32);
            q[3] = v2 ^ v7 ^ r3 ^ (v3 << 32) ^ (v3 >> 32);
            q[4] = v3 ^ v7 ^ r4 ^ (v4 << 32) ^ (v4 >> 32);
            q[5] = v4 ^ r5 ^ (v5 << 32) ^ (v5 >> 32);
            q[6] = v5 ^ r6 ^ (v6 << 32) ^ (v6 >> 32);
            q[7] = v6 ^ r7 ^ (v7 << 32) ^ (v7 >> 32);
        }

        // Transposes the 8x8 bit matrix in each byte position so q[k] becomes bit plane k (swap moves of 1, 2, 4).
        private static void Ortho(ulong[] q)
        {
            ulong q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
            ulong t;
            t = q0; q0 = (t & 0x5555555555555555UL) | ((q1 & 0x5555555555555555UL) << 1); q1 = ((t & 0xAAAAAAAAAAAAAAAAUL) >> 1) | (q1 & 0xAAAAAAAAAAAAAAAAUL);
            t = q2; q2 = (t & 0x5555555555555555UL) | ((q3 & 0x5555555555555555UL) << 1); q3 = ((t & 0xAAAAAAAAAAAAAAAAUL) >> 1) | (q3 & 0xAAAAAAAAAAAAAAAAUL);
            t = q4; q4 = (t & 0x5555555555555555UL) | ((q5 & 0x5555555555555555UL) << 1); q5 = ((t & 0xAAAAAAAAAAAAAAAAUL) >> 1) | (q5 & 0xAAAAAAAAAAAAAAAAUL);
            t = q6; q6 = (t & 0x5555555555555555UL) | ((q7 & 0x5555555555555555UL) << 1); q7 = ((t & 0xAAAAAAAAAAAAAAAAUL) >> 1) | (q7 & 0xAAAAAAAAAAAAAAAAUL);
            t = q0; q0 = (t & 0x3333333333333333UL) | ((q2 & 0x3333333333333333UL) << 2); q2 = ((t & 0xCCCCCCCCCCCCCCCCUL) >> 2) | (q2 & 0xCCCCCCCCCCCCCCCCUL);
            t = q1; q1 = (t & 0x3333333333333333UL) | ((q3 & 0x3333333333333333UL) << 2); q3 = ((t & 0xCCCCCCCCCCCCCCCCUL) >> 2) | (q3 & 0xCCCCCCCCCCCCCCCCUL);
            t = q4; q4 = (t & 0x3333333333333333UL) | ((q6 & 0x3333333333333333UL) << 2); q6 = ((t & 0xCCCCCCCCCCCCCCCCUL) >> 2) | (q6 & 0xCCCCCCCCCCCCCCCCUL);
            t = q5; q5 = (t & 0x3333333333333333UL) | ((q7 & 0x3333333333333333UL) << 2); q7 = ((t & 0xCCCCCCCCCCCCCCCCUL) >> 2) | (q7 & 0xCCCCCCCCCCCCCCCCUL);
            t = q0; q0 = (t & 0x0F0F0F0F0F0F0F0FUL) | ((q4 & 0x0F0F0F0F0F0F0F0FUL) << 4); q4 = ((t & 0xF0F0F0F0F0F0F0F0UL) >> 4) | (q4 & 0xF0F0F0F0F0F0F0F0UL);
            t = q1; q1 = (t & 0x0F0F0F0F0F0F0F0FUL) | ((q5 & 0x0F0F0F0F0F0F0F0FUL) << 4); q5 = ((t & 0xF0F0F0F0F0F0F0F0UL) >> 4) | (q5 & 0xF0F0F0F0F0F0F0F0UL);
            t = q2; q2 = (t & 0x0F0F0F0F0F0F0F0FUL) | ((q6 & 0x0F0F0F0F0F0F0F0FUL) << 4); q6 = ((t & 0xF0F0F0F0F0F0F0F0UL) >> 4) | (q6 & 0xF0F0F0F0F0F0F0F0UL);
            t = q3; q3 = (t & 0x0F0F0F0F0F0F0F0FUL) | ((q7 & 0x0F0F0F0F0F0F0F0FUL) << 4); q7 = ((t & 0xF0F0F0F0F0F0F0F0UL) >> 4) | (q7 & 0xF0F0F0F0F0F0F0F0UL);
            q[0] = q0;
            q[1] = q1;
            q[2] = q2;
            q[3] = q3;
            q[4] = q4;
            q[5] = q5;
            q[6] = q6;
            q[7] = q7;
        }

        // Spreads one block's four little-endian words into two 64-bit words (even/odd 16-bit columns), lane b.
        private static void InterleaveIn(uint w0, uint w1, uint w2, uint w3, ulong[] q, int b)
        {
            ulong x0 = Spread(w0);
            ulong x1 = Spread(w1);
            ulong x2 = Spread(w2);
            ulong x3 = Spread(w3);
            q[b] = x0 | (x2 << 8);
            q[b + 4] = x1 | (x3 << 8);
        }

        private static ulong Spread(uint w)
        {
            ulong x = w;
            x = (x | (x << 16)) & 0x0000FFFF0000FFFFUL;
            return (x | (x << 8)) & 0x00FF00FF00FF00FFUL;
        }

        // Reads the next min(4, length / 16) blocks into lanes 0..3 of the state and returns how many it read; the lanes past
        // them are zero (their output is discarded). A lane is two 64-bit words holding its block's even and odd 16-bit
        // columns, one byte per nibble position after the spreads (see InterleaveIn); Ortho then makes the bit planes.
        private static int LoadLanes(byte[] input, int p, ulong[] q, int length)
        {
            int blocks = length >= 64 ? 4 : length >> 4;
            for (int lane = 0; lane < 4; lane++, p += 16)
            {
                if (lane >= blocks)
                {
                    q[lane] = 0;
                    q[lane + 4] = 0;
                    continue;
                }

                ulong a = (uint)(input[p] | (input[p + 1] << 8) | (input[p + 2] << 16) | (input[p + 3] << 24));
                a = (a | (a << 16)) & 0x0000FFFF0000FFFFUL;
                a = (a | (a << 8)) & 0x00FF00FF00FF00FFUL;
                ulong b = (uint)(input[p + 4] | (input[p + 5] << 8) | (input[p + 6] << 16) | (input[p + 7] << 24));
                b = (b | (b << 16)) & 0x0000FFFF0000FFFFUL;
                b = (b | (b << 8)) & 0x00FF00FF00FF00FFUL;
                ulong c = (uint)(input[p + 8] | (input[p + 9] << 8) | (input[p + 10] << 16) | (input[p + 11] << 24));
                c = (c | (c << 16)) & 0x0000FFFF0000FFFFUL;
                c = (c | (c << 8)) & 0x00FF00FF00FF00FFUL;
                ulong d = (uint)(input[p + 12] | (input[p + 13] << 8) | (input[p + 14] << 16) | (input[p + 15] << 24));
                d = (d | (d << 16)) & 0x0000FFFF0000FFFFUL;
                d = (d | (d << 8)) & 0x00FF00FF00FF00FFUL;
                q[lane] = a | (c << 8);
                q[lane + 4] = b | (d << 8);
            }

            return blocks;
        }

        // Inverse of LoadLanes (after Ortho): writes lanes 0..blocks-1 of the state as consecutive blocks.
        private static void StoreLanes(ulong[] q, int blocks, byte[] output, int p)
        {
            for (int lane = 0; lane < blocks; lane++, p += 16)
            {
                ulong e = q[lane];
                ulong f = q[lane + 4];
                ulong g = e & 0x00FF00FF00FF00FFUL;
                g = (g | (g >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w = (uint)g | (uint)(g >> 16);
                output[p] = (byte)w;
                output[p + 1] = (byte)(w >> 8);
                output[p + 2] = (byte)(w >> 16);
                output[p + 3] = (byte)(w >> 24);
                g = f & 0x00FF00FF00FF00FFUL;
                g = (g | (g >> 8)) & 0x0000FFFF0000FFFFUL;
                w = (uint)g | (uint)(g >> 16);
                output[p + 4] = (byte)w;
                output[p + 5] = (byte)(w >> 8);
                output[p + 6] = (byte)(w >> 16);
                output[p + 7] = (byte)(w >> 24);
                g = (e >> 8) & 0x00FF00FF00FF00FFUL;
                g = (g | (g >> 8)) & 0x0000FFFF0000FFFFUL;
                w = (uint)g | (uint)(g >> 16);
                output[p + 8] = (byte)w;
                output[p + 9] = (byte)(w >> 8);
                output[p + 10] = (byte)(w >> 16);
                output[p + 11] = (byte)(w >> 24);
                g = (f >> 8) & 0x00FF00FF00FF00FFUL;
                g = (g | (g >> 8)) & 0x0000FFFF0000FFFFUL;
                w = (uint)g | (uint)(g >> 16);
                output[p + 12] = (byte)w;
                output[p + 13] = (byte)(w >> 8);
                output[p + 14] = (byte)(w >> 16);
                output[p + 15] = (byte)(w >> 24);
            }
        }

        // StoreLanes fused with the XOR of counter mode: output = input XOR the keystream in lanes 0..3 for n bytes (1..64).
        // Full blocks are written out (one ldelem, one stelem per byte); the last partial block goes byte by byte, its length
        // is public.
        private static void XorLanes(ulong[] q, byte[] input, int i, byte[] output, int p, int n)
        {
            for (int lane = 0; n > 0; lane++, i += 16, p += 16, n -= 16)
            {
                ulong e = q[lane];
                ulong f = q[lane + 4];
                ulong g = e & 0x00FF00FF00FF00FFUL;
                g = (g | (g >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w0 = (uint)g | (uint)(g >> 16);
                g = f & 0x00FF00FF00FF00FFUL;
                g = (g | (g >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w1 = (uint)g | (uint)(g >> 16);
                g = (e >> 8) & 0x00FF00FF00FF00FFUL;
                g = (g | (g >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w2 = (uint)g | (uint)(g >> 16);
                g = (f >> 8) & 0x00FF00FF00FF00FFUL;
                g = (g | (g >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w3 = (uint)g | (uint)(g >> 16);
                if (n < 16)
                {
                    for (int k = 0; k < n; k++)
                    {
                        uint w = k < 4 ? w0 : k < 8 ? w1 : k < 12 ? w2 : w3;
                        output[p + k] = (byte)(input[i + k] ^ (w >> ((k & 3) << 3)));
                    }
                    return;
                }

                output[p] = (byte)(input[i] ^ w0);
                output[p + 1] = (byte)(input[i + 1] ^ (w0 >> 8));
                output[p + 2] = (byte)(input[i + 2] ^ (w0 >> 16));
                output[p + 3] = (byte)(input[i + 3] ^ (w0 >> 24));
                output[p + 4] = (byte)(input[i + 4] ^ w1);
                output[p + 5] = (byte)(input[i + 5] ^ (w1 >> 8));
                output[p + 6] = (byte)(input[i + 6] ^ (w1 >> 16));
                output[p + 7] = (byte)(input[i + 7] ^ (w1 >> 24));
                output[p + 8] = (byte)(input[i + 8] ^ w2);
                output[p + 9] = (byte)(input[i + 9] ^ (w2 >> 8));
                output[p + 10] = (byte)(input[i + 10] ^ (w2 >> 16));
                output[p + 11] = (byte)(input[i + 11] ^ (w2 >> 24));
                output[p + 12] = (byte)(input[i + 12] ^ w3);
                output[p + 13] = (byte)(input[i + 13] ^ (w3 >> 8));
                output[p + 14] = (byte)(input[i + 14] ^ (w3 >> 16));
                output[p + 15] = (byte)(input[i + 15] ^ (w3 >> 24));
            }
        }

        private static uint ReadBe(byte[] b, int o)
        {
            return ((uint)b[o] << 24) | ((uint)b[o + 1] << 16) | ((uint)b[o + 2] << 8) | b[o + 3];
        }

        private static uint ReadLe(byte[] b, int o)
        {
            return b[o] | ((uint)b[o + 1] << 8) | ((uint)b[o + 2] << 16) | ((uint)b[o + 3] << 24);
        }
    }
}
