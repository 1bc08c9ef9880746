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

        private readonly ulong[] _roundKeys = new ulong[(MaxRounds + 1) * 8];
        private readonly ulong[] _q = new ulong[8];
        private readonly uint[] _words = new uint[(MaxRounds + 1) * 4];
        private readonly uint[] _block = new uint[4];
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
            uint[] w = _words;
            for (int i = 0; i < nk; i++)
            {
                w[i] = ReadLe(key, offset + (i << 2));
            }
            // FIPS 197 §5.2 on little-endian words: RotWord is a right rotation by 8, Rcon sits in the low byte.
            uint tmp = w[nk - 1];
            uint rcon = 1;
            for (int i = nk, j = 0; i < total; i++)
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
                tmp ^= w[i - nk];
                w[i] = tmp;
                if (++j == nk) j = 0;
            }
            ulong[] q = _q;
            ulong[] rk = _roundKeys;
            for (int r = 0; r <= rounds; r++)
            {
                // The same round key in all four block lanes, bitsliced like the state.
                InterleaveIn(w[4 * r], w[4 * r + 1], w[4 * r + 2], w[4 * r + 3], q, 0);
                q[1] = q[0];
                q[2] = q[0];
                q[3] = q[0];
                q[5] = q[4];
                q[6] = q[4];
                q[7] = q[4];
                Ortho(q);
                Array.Copy(q, 0, rk, r << 3, 8);
            }
            // A shorter key than the previous one leaves that key's upper round keys behind: wipe them.
            int used = (rounds + 1) << 3;
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
            Run(input, inputOffset, output, outputOffset, length, false);
        }

        /// <inheritdoc />
        [HotPath]
        public void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            Check(input, inputOffset, output, outputOffset, length);
            Run(input, inputOffset, output, outputOffset, length, true);
        }

        /// <inheritdoc />
        public void ClearKey()
        {
            Array.Clear(_roundKeys, 0, _roundKeys.Length);
            Array.Clear(_q, 0, 8);
            Array.Clear(_block, 0, 4);
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

        // Four blocks per pass; a short last group is padded with zero lanes whose output is discarded.
        private void Run(byte[] input, int inOff, byte[] output, int outOff, int length, bool decrypt)
        {
            if (!decrypt)
            {
                while (length > 0)
                {
                    int n = length >= 64 ? 4 : length >> 4;
                    EncryptFour(input, inOff, output, outOff, n);
                    inOff += n << 4;
                    outOff += n << 4;
                    length -= n << 4;
                }
                return;
            }
            ulong[] q = _q;
            while (length > 0)
            {
                int blocks = length >= 64 ? 4 : length >> 4;
                for (int b = 0; b < 4; b++)
                {
                    if (b < blocks)
                    {
                        int o = inOff + (b << 4);
                        InterleaveIn(ReadLe(input, o), ReadLe(input, o + 4), ReadLe(input, o + 8), ReadLe(input, o + 12), q, b);
                    }
                    else
                    {
                        q[b] = 0;
                        q[b + 4] = 0;
                    }
                }
                Ortho(q);
                DecryptState(q);
                Ortho(q);
                uint[] w = _block;
                for (int b = 0; b < blocks; b++)
                {
                    InterleaveOut(q[b], q[b + 4], w);
                    int o = outOff + (b << 4);
                    WriteLe(w[0], output, o);
                    WriteLe(w[1], output, o + 4);
                    WriteLe(w[2], output, o + 8);
                    WriteLe(w[3], output, o + 12);
                }
                inOff += blocks << 4;
                outOff += blocks << 4;
                length -= blocks << 4;
            }
            Array.Clear(q, 0, 8);
            Array.Clear(_block, 0, 4);
        }

        // FIPS 197 §5.1 on up to four blocks, written for an interpreter: the blocks are read into the eight state words,
        // which stay in locals through both transpositions and all rounds (no array access but the data and the round
        // keys, no call per block, round or gate). Lanes past `blocks` run on zeros and are not written.
        private void EncryptFour(byte[] input, int inOff, byte[] output, int outOff, int blocks)
        {
            ulong[] rk = _roundKeys;
            int rounds = _rounds;
            ulong q0 = 0, q1 = 0, q2 = 0, q3 = 0, q4 = 0, q5 = 0, q6 = 0, q7 = 0;
            ulong t;
            if (blocks > 0)
            {
                int p = inOff + 0;
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
                q0 = a | (c << 8);
                q4 = b | (d << 8);
            }
            if (blocks > 1)
            {
                int p = inOff + 16;
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
                q1 = a | (c << 8);
                q5 = b | (d << 8);
            }
            if (blocks > 2)
            {
                int p = inOff + 32;
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
                q2 = a | (c << 8);
                q6 = b | (d << 8);
            }
            if (blocks > 3)
            {
                int p = inOff + 48;
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
                q3 = a | (c << 8);
                q7 = b | (d << 8);
            }
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
            q0 ^= rk[0];
            q1 ^= rk[1];
            q2 ^= rk[2];
            q3 ^= rk[3];
            q4 ^= rk[4];
            q5 ^= rk[5];
            q6 ^= rk[6];
            q7 ^= rk[7];
            for (int r = 1; r <= rounds; r++)
            {
                // SubBytes: the Boyar–Peralta circuit of SubBytes(ulong[]) (key schedule, decryption) written out again on
                // locals: a shared method taking the planes by reference measured 10 % slower per block on the interpreter.
                ulong x0 = q7, x1 = q6, x2 = q5, x3 = q4, x4 = q3, x5 = q2, x6 = q1, x7 = q0;

                // Top linear layer.
                ulong y14 = x3 ^ x5;
                ulong y13 = x0 ^ x6;
                ulong y9 = x0 ^ x3;
                ulong y8 = x0 ^ x5;
                ulong t0 = x1 ^ x2;
                ulong y1 = t0 ^ x7;
                ulong y4 = y1 ^ x3;
                ulong y12 = y13 ^ y14;
                ulong y2 = y1 ^ x0;
                ulong y5 = y1 ^ x6;
                ulong y3 = y5 ^ y8;
                ulong t1 = x4 ^ y12;
                ulong y15 = t1 ^ x5;
                ulong y20 = t1 ^ x1;
                ulong y6 = y15 ^ x7;
                ulong y10 = y15 ^ t0;
                ulong y11 = y20 ^ y9;
                ulong y7 = x7 ^ y11;
                ulong y17 = y10 ^ y11;
                ulong y19 = y10 ^ y8;
                ulong y16 = t0 ^ y11;
                ulong y21 = y13 ^ y16;
                ulong y18 = x0 ^ y16;

                // Middle non-linear layer (inversion in GF(2^4)^2).
                ulong t2 = y12 & y15;
                ulong t3 = y3 & y6;
                ulong t4 = t3 ^ t2;
                ulong t5 = y4 & x7;
                ulong t6 = t5 ^ t2;
                ulong t7 = y13 & y16;
                ulong t8 = y5 & y1;
                ulong t9 = t8 ^ t7;
                ulong t10 = y2 & y7;
                ulong t11 = t10 ^ t7;
                ulong t12 = y9 & y11;
                ulong t13 = y14 & y17;
                ulong t14 = t13 ^ t12;
                ulong t15 = y8 & y10;
                ulong t16 = t15 ^ t12;
                ulong t17 = t4 ^ t14;
                ulong t18 = t6 ^ t16;
                ulong t19 = t9 ^ t14;
                ulong t20 = t11 ^ t16;
                ulong t21 = t17 ^ y20;
                ulong t22 = t18 ^ y19;
                ulong t23 = t19 ^ y21;
                ulong t24 = t20 ^ y18;
                ulong t25 = t21 ^ t22;
                ulong t26 = t21 & t23;
                ulong t27 = t24 ^ t26;
                ulong t28 = t25 & t27;
                ulong t29 = t28 ^ t22;
                ulong t30 = t23 ^ t24;
                ulong t31 = t22 ^ t26;
                ulong t32 = t31 & t30;
                ulong t33 = t32 ^ t24;
                ulong t34 = t23 ^ t33;
                ulong t35 = t27 ^ t33;
                ulong t36 = t24 & t35;
                ulong t37 = t36 ^ t34;
                ulong t38 = t27 ^ t36;
                ulong t39 = t29 & t38;
                ulong t40 = t25 ^ t39;
                ulong t41 = t40 ^ t37;
                ulong t42 = t29 ^ t33;
                ulong t43 = t29 ^ t40;
                ulong t44 = t33 ^ t37;
                ulong t45 = t42 ^ t41;
                ulong z0 = t44 & y15;
                ulong z1 = t37 & y6;
                ulong z2 = t33 & x7;
                ulong z3 = t43 & y16;
                ulong z4 = t40 & y1;
                ulong z5 = t29 & y7;
                ulong z6 = t42 & y11;
                ulong z7 = t45 & y17;
                ulong z8 = t41 & y10;
                ulong z9 = t44 & y12;
                ulong z10 = t37 & y3;
                ulong z11 = t33 & y4;
                ulong z12 = t43 & y13;
                ulong z13 = t40 & y5;
                ulong z14 = t29 & y2;
                ulong z15 = t42 & y9;
                ulong z16 = t45 & y14;
                ulong z17 = t41 & y8;

                // Bottom linear layer.
                ulong t46 = z15 ^ z16;
                ulong t47 = z10 ^ z11;
                ulong t48 = z5 ^ z13;
                ulong t49 = z9 ^ z10;
                ulong t50 = z2 ^ z12;
                ulong t51 = z2 ^ z5;
                ulong t52 = z7 ^ z8;
                ulong t53 = z0 ^ z3;
                ulong t54 = z6 ^ z7;
                ulong t55 = z16 ^ z17;
                ulong t56 = z12 ^ t48;
                ulong t57 = t50 ^ t53;
                ulong t58 = z4 ^ t46;
                ulong t59 = z3 ^ t54;
                ulong t60 = t46 ^ t57;
                ulong t61 = z14 ^ t57;
                ulong t62 = t52 ^ t58;
                ulong t63 = t49 ^ t58;
                ulong t64 = z4 ^ t59;
                ulong t65 = t61 ^ t62;
                ulong t66 = z1 ^ t63;
                ulong t67 = t64 ^ t65;
                ulong s3 = t53 ^ t66;
                q7 = t59 ^ t63;
                q6 = t64 ^ ~s3;
                q5 = t55 ^ ~t67;
                q4 = s3;
                q3 = t51 ^ t66;
                q2 = t47 ^ t65;
                q1 = t56 ^ ~t62;
                q0 = t48 ^ ~t60;

                // ShiftRows (FIPS 197 §5.1.2).
                q0 = (q0 & 0x000000000000FFFFUL) | ((q0 & 0x00000000FFF00000UL) >> 4) | ((q0 & 0x00000000000F0000UL) << 12)
                    | ((q0 & 0x0000FF0000000000UL) >> 8) | ((q0 & 0x000000FF00000000UL) << 8)
                    | ((q0 & 0xF000000000000000UL) >> 12) | ((q0 & 0x0FFF000000000000UL) << 4);
                q1 = (q1 & 0x000000000000FFFFUL) | ((q1 & 0x00000000FFF00000UL) >> 4) | ((q1 & 0x00000000000F0000UL) << 12)
                    | ((q1 & 0x0000FF0000000000UL) >> 8) | ((q1 & 0x000000FF00000000UL) << 8)
                    | ((q1 & 0xF000000000000000UL) >> 12) | ((q1 & 0x0FFF000000000000UL) << 4);
                q2 = (q2 & 0x000000000000FFFFUL) | ((q2 & 0x00000000FFF00000UL) >> 4) | ((q2 & 0x00000000000F0000UL) << 12)
                    | ((q2 & 0x0000FF0000000000UL) >> 8) | ((q2 & 0x000000FF00000000UL) << 8)
                    | ((q2 & 0xF000000000000000UL) >> 12) | ((q2 & 0x0FFF000000000000UL) << 4);
                q3 = (q3 & 0x000000000000FFFFUL) | ((q3 & 0x00000000FFF00000UL) >> 4) | ((q3 & 0x00000000000F0000UL) << 12)
                    | ((q3 & 0x0000FF0000000000UL) >> 8) | ((q3 & 0x000000FF00000000UL) << 8)
                    | ((q3 & 0xF000000000000000UL) >> 12) | ((q3 & 0x0FFF000000000000UL) << 4);
                q4 = (q4 & 0x000000000000FFFFUL) | ((q4 & 0x00000000FFF00000UL) >> 4) | ((q4 & 0x00000000000F0000UL) << 12)
                    | ((q4 & 0x0000FF0000000000UL) >> 8) | ((q4 & 0x000000FF00000000UL) << 8)
                    | ((q4 & 0xF000000000000000UL) >> 12) | ((q4 & 0x0FFF000000000000UL) << 4);
                q5 = (q5 & 0x000000000000FFFFUL) | ((q5 & 0x00000000FFF00000UL) >> 4) | ((q5 & 0x00000000000F0000UL) << 12)
                    | ((q5 & 0x0000FF0000000000UL) >> 8) | ((q5 & 0x000000FF00000000UL) << 8)
                    | ((q5 & 0xF000000000000000UL) >> 12) | ((q5 & 0x0FFF000000000000UL) << 4);
                q6 = (q6 & 0x000000000000FFFFUL) | ((q6 & 0x00000000FFF00000UL) >> 4) | ((q6 & 0x00000000000F0000UL) << 12)
                    | ((q6 & 0x0000FF0000000000UL) >> 8) | ((q6 & 0x000000FF00000000UL) << 8)
                    | ((q6 & 0xF000000000000000UL) >> 12) | ((q6 & 0x0FFF000000000000UL) << 4);
                q7 = (q7 & 0x000000000000FFFFUL) | ((q7 & 0x00000000FFF00000UL) >> 4) | ((q7 & 0x00000000000F0000UL) << 12)
                    | ((q7 & 0x0000FF0000000000UL) >> 8) | ((q7 & 0x000000FF00000000UL) << 8)
                    | ((q7 & 0xF000000000000000UL) >> 12) | ((q7 & 0x0FFF000000000000UL) << 4);

                // MixColumns (FIPS 197 §5.1.3), skipped in the last round; the round count is public.
                if (r != rounds)
                {
                    // With v = q ^ rot16(q) the outputs read only v and r, so they overwrite q directly.
                    ulong r0 = (q0 >> 16) | (q0 << 48);
                    ulong r1 = (q1 >> 16) | (q1 << 48);
                    ulong r2 = (q2 >> 16) | (q2 << 48);
                    ulong r3 = (q3 >> 16) | (q3 << 48);
                    ulong r4 = (q4 >> 16) | (q4 << 48);
                    ulong r5 = (q5 >> 16) | (q5 << 48);
                    ulong r6 = (q6 >> 16) | (q6 << 48);
                    ulong r7 = (q7 >> 16) | (q7 << 48);
                    ulong v0 = q0 ^ r0;
                    ulong v1 = q1 ^ r1;
                    ulong v2 = q2 ^ r2;
                    ulong v3 = q3 ^ r3;
                    ulong v4 = q4 ^ r4;
                    ulong v5 = q5 ^ r5;
                    ulong v6 = q6 ^ r6;
                    ulong v7 = q7 ^ r7;
                    q0 = v7 ^ r0 ^ (v0 << 32) ^ (v0 >> 32);
                    q1 = v0 ^ v7 ^ r1 ^ (v1 << 32) ^ (v1 >> 32);
                    q2 = v1 ^ r2 ^ (v2 << 32) ^ (v2 >> 32);
                    q3 = v2 ^ v7 ^ r3 ^ (v3 << 32) ^ (v3 >> 32);
                    q4 = v3 ^ v7 ^ r4 ^ (v4 << 32) ^ (v4 >> 32);
                    q5 = v4 ^ r5 ^ (v5 << 32) ^ (v5 >> 32);
                    q6 = v5 ^ r6 ^ (v6 << 32) ^ (v6 >> 32);
                    q7 = v6 ^ r7 ^ (v7 << 32) ^ (v7 >> 32);
                }

                int o = r << 3;
                q0 ^= rk[o + 0];
                q1 ^= rk[o + 1];
                q2 ^= rk[o + 2];
                q3 ^= rk[o + 3];
                q4 ^= rk[o + 4];
                q5 ^= rk[o + 5];
                q6 ^= rk[o + 6];
                q7 ^= rk[o + 7];
            }
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
            if (blocks > 0)
            {
                int p = outOff + 0;
                ulong g0 = (q0) & 0x00FF00FF00FF00FFUL;
                g0 = (g0 | (g0 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w0 = (uint)g0 | (uint)(g0 >> 16);
                output[p] = (byte)w0;
                output[p + 1] = (byte)(w0 >> 8);
                output[p + 2] = (byte)(w0 >> 16);
                output[p + 3] = (byte)(w0 >> 24);
                ulong g1 = (q4) & 0x00FF00FF00FF00FFUL;
                g1 = (g1 | (g1 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w1 = (uint)g1 | (uint)(g1 >> 16);
                output[p + 4] = (byte)w1;
                output[p + 5] = (byte)(w1 >> 8);
                output[p + 6] = (byte)(w1 >> 16);
                output[p + 7] = (byte)(w1 >> 24);
                ulong g2 = (q0 >> 8) & 0x00FF00FF00FF00FFUL;
                g2 = (g2 | (g2 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w2 = (uint)g2 | (uint)(g2 >> 16);
                output[p + 8] = (byte)w2;
                output[p + 9] = (byte)(w2 >> 8);
                output[p + 10] = (byte)(w2 >> 16);
                output[p + 11] = (byte)(w2 >> 24);
                ulong g3 = (q4 >> 8) & 0x00FF00FF00FF00FFUL;
                g3 = (g3 | (g3 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w3 = (uint)g3 | (uint)(g3 >> 16);
                output[p + 12] = (byte)w3;
                output[p + 13] = (byte)(w3 >> 8);
                output[p + 14] = (byte)(w3 >> 16);
                output[p + 15] = (byte)(w3 >> 24);
            }
            if (blocks > 1)
            {
                int p = outOff + 16;
                ulong g0 = (q1) & 0x00FF00FF00FF00FFUL;
                g0 = (g0 | (g0 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w0 = (uint)g0 | (uint)(g0 >> 16);
                output[p] = (byte)w0;
                output[p + 1] = (byte)(w0 >> 8);
                output[p + 2] = (byte)(w0 >> 16);
                output[p + 3] = (byte)(w0 >> 24);
                ulong g1 = (q5) & 0x00FF00FF00FF00FFUL;
                g1 = (g1 | (g1 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w1 = (uint)g1 | (uint)(g1 >> 16);
                output[p + 4] = (byte)w1;
                output[p + 5] = (byte)(w1 >> 8);
                output[p + 6] = (byte)(w1 >> 16);
                output[p + 7] = (byte)(w1 >> 24);
                ulong g2 = (q1 >> 8) & 0x00FF00FF00FF00FFUL;
                g2 = (g2 | (g2 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w2 = (uint)g2 | (uint)(g2 >> 16);
                output[p + 8] = (byte)w2;
                output[p + 9] = (byte)(w2 >> 8);
                output[p + 10] = (byte)(w2 >> 16);
                output[p + 11] = (byte)(w2 >> 24);
                ulong g3 = (q5 >> 8) & 0x00FF00FF00FF00FFUL;
                g3 = (g3 | (g3 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w3 = (uint)g3 | (uint)(g3 >> 16);
                output[p + 12] = (byte)w3;
                output[p + 13] = (byte)(w3 >> 8);
                output[p + 14] = (byte)(w3 >> 16);
                output[p + 15] = (byte)(w3 >> 24);
            }
            if (blocks > 2)
            {
                int p = outOff + 32;
                ulong g0 = (q2) & 0x00FF00FF00FF00FFUL;
                g0 = (g0 | (g0 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w0 = (uint)g0 | (uint)(g0 >> 16);
                output[p] = (byte)w0;
                output[p + 1] = (byte)(w0 >> 8);
                output[p + 2] = (byte)(w0 >> 16);
                output[p + 3] = (byte)(w0 >> 24);
                ulong g1 = (q6) & 0x00FF00FF00FF00FFUL;
                g1 = (g1 | (g1 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w1 = (uint)g1 | (uint)(g1 >> 16);
                output[p + 4] = (byte)w1;
                output[p + 5] = (byte)(w1 >> 8);
                output[p + 6] = (byte)(w1 >> 16);
                output[p + 7] = (byte)(w1 >> 24);
                ulong g2 = (q2 >> 8) & 0x00FF00FF00FF00FFUL;
                g2 = (g2 | (g2 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w2 = (uint)g2 | (uint)(g2 >> 16);
                output[p + 8] = (byte)w2;
                output[p + 9] = (byte)(w2 >> 8);
                output[p + 10] = (byte)(w2 >> 16);
                output[p + 11] = (byte)(w2 >> 24);
                ulong g3 = (q6 >> 8) & 0x00FF00FF00FF00FFUL;
                g3 = (g3 | (g3 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w3 = (uint)g3 | (uint)(g3 >> 16);
                output[p + 12] = (byte)w3;
                output[p + 13] = (byte)(w3 >> 8);
                output[p + 14] = (byte)(w3 >> 16);
                output[p + 15] = (byte)(w3 >> 24);
            }
            if (blocks > 3)
            {
                int p = outOff + 48;
                ulong g0 = (q3) & 0x00FF00FF00FF00FFUL;
                g0 = (g0 | (g0 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w0 = (uint)g0 | (uint)(g0 >> 16);
                output[p] = (byte)w0;
                output[p + 1] = (byte)(w0 >> 8);
                output[p + 2] = (byte)(w0 >> 16);
                output[p + 3] = (byte)(w0 >> 24);
                ulong g1 = (q7) & 0x00FF00FF00FF00FFUL;
                g1 = (g1 | (g1 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w1 = (uint)g1 | (uint)(g1 >> 16);
                output[p + 4] = (byte)w1;
                output[p + 5] = (byte)(w1 >> 8);
                output[p + 6] = (byte)(w1 >> 16);
                output[p + 7] = (byte)(w1 >> 24);
                ulong g2 = (q3 >> 8) & 0x00FF00FF00FF00FFUL;
                g2 = (g2 | (g2 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w2 = (uint)g2 | (uint)(g2 >> 16);
                output[p + 8] = (byte)w2;
                output[p + 9] = (byte)(w2 >> 8);
                output[p + 10] = (byte)(w2 >> 16);
                output[p + 11] = (byte)(w2 >> 24);
                ulong g3 = (q7 >> 8) & 0x00FF00FF00FF00FFUL;
                g3 = (g3 | (g3 >> 8)) & 0x0000FFFF0000FFFFUL;
                uint w3 = (uint)g3 | (uint)(g3 >> 16);
                output[p + 12] = (byte)w3;
                output[p + 13] = (byte)(w3 >> 8);
                output[p + 14] = (byte)(w3 >> 16);
                output[p + 15] = (byte)(w3 >> 24);
            }
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

        // Boyar–Peralta S-box circuit (ePrint 2009/191): 32 AND, 83 XOR/XNOR; x0 is the most significant bit.
        private static void SubBytes(ulong[] q)
        {
            ulong x0 = q[7], x1 = q[6], x2 = q[5], x3 = q[4], x4 = q[3], x5 = q[2], x6 = q[1], x7 = q[0];

            // Top linear layer.
            ulong y14 = x3 ^ x5;
            ulong y13 = x0 ^ x6;
            ulong y9 = x0 ^ x3;
            ulong y8 = x0 ^ x5;
            ulong t0 = x1 ^ x2;
            ulong y1 = t0 ^ x7;
            ulong y4 = y1 ^ x3;
            ulong y12 = y13 ^ y14;
            ulong y2 = y1 ^ x0;
            ulong y5 = y1 ^ x6;
            ulong y3 = y5 ^ y8;
            ulong t1 = x4 ^ y12;
            ulong y15 = t1 ^ x5;
            ulong y20 = t1 ^ x1;
            ulong y6 = y15 ^ x7;
            ulong y10 = y15 ^ t0;
            ulong y11 = y20 ^ y9;
            ulong y7 = x7 ^ y11;
            ulong y17 = y10 ^ y11;
            ulong y19 = y10 ^ y8;
            ulong y16 = t0 ^ y11;
            ulong y21 = y13 ^ y16;
            ulong y18 = x0 ^ y16;

            // Middle non-linear layer (inversion in GF(2^4)^2).
            ulong t2 = y12 & y15;
            ulong t3 = y3 & y6;
            ulong t4 = t3 ^ t2;
            ulong t5 = y4 & x7;
            ulong t6 = t5 ^ t2;
            ulong t7 = y13 & y16;
            ulong t8 = y5 & y1;
            ulong t9 = t8 ^ t7;
            ulong t10 = y2 & y7;
            ulong t11 = t10 ^ t7;
            ulong t12 = y9 & y11;
            ulong t13 = y14 & y17;
            ulong t14 = t13 ^ t12;
            ulong t15 = y8 & y10;
            ulong t16 = t15 ^ t12;
            ulong t17 = t4 ^ t14;
            ulong t18 = t6 ^ t16;
            ulong t19 = t9 ^ t14;
            ulong t20 = t11 ^ t16;
            ulong t21 = t17 ^ y20;
            ulong t22 = t18 ^ y19;
            ulong t23 = t19 ^ y21;
            ulong t24 = t20 ^ y18;
            ulong t25 = t21 ^ t22;
            ulong t26 = t21 & t23;
            ulong t27 = t24 ^ t26;
            ulong t28 = t25 & t27;
            ulong t29 = t28 ^ t22;
            ulong t30 = t23 ^ t24;
            ulong t31 = t22 ^ t26;
            ulong t32 = t31 & t30;
            ulong t33 = t32 ^ t24;
            ulong t34 = t23 ^ t33;
            ulong t35 = t27 ^ t33;
            ulong t36 = t24 & t35;
            ulong t37 = t36 ^ t34;
            ulong t38 = t27 ^ t36;
            ulong t39 = t29 & t38;
            ulong t40 = t25 ^ t39;
            ulong t41 = t40 ^ t37;
            ulong t42 = t29 ^ t33;
            ulong t43 = t29 ^ t40;
            ulong t44 = t33 ^ t37;
            ulong t45 = t42 ^ t41;
            ulong z0 = t44 & y15;
            ulong z1 = t37 & y6;
            ulong z2 = t33 & x7;
            ulong z3 = t43 & y16;
            ulong z4 = t40 & y1;
            ulong z5 = t29 & y7;
            ulong z6 = t42 & y11;
            ulong z7 = t45 & y17;
            ulong z8 = t41 & y10;
            ulong z9 = t44 & y12;
            ulong z10 = t37 & y3;
            ulong z11 = t33 & y4;
            ulong z12 = t43 & y13;
            ulong z13 = t40 & y5;
            ulong z14 = t29 & y2;
            ulong z15 = t42 & y9;
            ulong z16 = t45 & y14;
            ulong z17 = t41 & y8;

            // Bottom linear layer.
            ulong t46 = z15 ^ z16;
            ulong t47 = z10 ^ z11;
            ulong t48 = z5 ^ z13;
            ulong t49 = z9 ^ z10;
            ulong t50 = z2 ^ z12;
            ulong t51 = z2 ^ z5;
            ulong t52 = z7 ^ z8;
            ulong t53 = z0 ^ z3;
            ulong t54 = z6 ^ z7;
            ulong t55 = z16 ^ z17;
            ulong t56 = z12 ^ t48;
            ulong t57 = t50 ^ t53;
            ulong t58 = z4 ^ t46;
            ulong t59 = z3 ^ t54;
            ulong t60 = t46 ^ t57;
            ulong t61 = z14 ^ t57;
            ulong t62 = t52 ^ t58;
            ulong t63 = t49 ^ t58;
            ulong t64 = z4 ^ t59;
            ulong t65 = t61 ^ t62;
            ulong t66 = z1 ^ t63;
            ulong t67 = t64 ^ t65;
            ulong s3 = t53 ^ t66;
            q[7] = t59 ^ t63;
            q[6] = t64 ^ ~s3;
            q[5] = t55 ^ ~t67;
            q[4] = s3;
            q[3] = t51 ^ t66;
            q[2] = t47 ^ t65;
            q[1] = t56 ^ ~t62;
            q[0] = t48 ^ ~t60;
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

        // FIPS 197 §5.1.3: rotating a word by 16 bits moves every byte one row down its column; xtime feeds q7 into q0, q1, q3, q4.
        private static void MixColumns(ulong[] q)
        {
            ulong q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
            ulong r0 = (q0 >> 16) | (q0 << 48);
            ulong r1 = (q1 >> 16) | (q1 << 48);
            ulong r2 = (q2 >> 16) | (q2 << 48);
            ulong r3 = (q3 >> 16) | (q3 << 48);
            ulong r4 = (q4 >> 16) | (q4 << 48);
            ulong r5 = (q5 >> 16) | (q5 << 48);
            ulong r6 = (q6 >> 16) | (q6 << 48);
            ulong r7 = (q7 >> 16) | (q7 << 48);
            q[0] = q7 ^ r7 ^ r0 ^ Rot32(q0 ^ r0);
            q[1] = q0 ^ r0 ^ q7 ^ r7 ^ r1 ^ Rot32(q1 ^ r1);
            q[2] = q1 ^ r1 ^ r2 ^ Rot32(q2 ^ r2);
            q[3] = q2 ^ r2 ^ q7 ^ r7 ^ r3 ^ Rot32(q3 ^ r3);
            q[4] = q3 ^ r3 ^ q7 ^ r7 ^ r4 ^ Rot32(q4 ^ r4);
            q[5] = q4 ^ r4 ^ r5 ^ Rot32(q5 ^ r5);
            q[6] = q5 ^ r5 ^ r6 ^ Rot32(q6 ^ r6);
            q[7] = q6 ^ r6 ^ r7 ^ Rot32(q7 ^ r7);
        }

        private static ulong Rot32(ulong x)
        {
            return (x << 32) | (x >> 32);
        }

        // Transposes the 8x8 bit matrix in each byte position so q[k] becomes bit plane k (swap moves of 1, 2, 4).
        private static void Ortho(ulong[] q)
        {
            Swap(q, 0, 1, 0x5555555555555555UL, 1);
            Swap(q, 2, 3, 0x5555555555555555UL, 1);
            Swap(q, 4, 5, 0x5555555555555555UL, 1);
            Swap(q, 6, 7, 0x5555555555555555UL, 1);
            Swap(q, 0, 2, 0x3333333333333333UL, 2);
            Swap(q, 1, 3, 0x3333333333333333UL, 2);
            Swap(q, 4, 6, 0x3333333333333333UL, 2);
            Swap(q, 5, 7, 0x3333333333333333UL, 2);
            Swap(q, 0, 4, 0x0F0F0F0F0F0F0F0FUL, 4);
            Swap(q, 1, 5, 0x0F0F0F0F0F0F0F0FUL, 4);
            Swap(q, 2, 6, 0x0F0F0F0F0F0F0F0FUL, 4);
            Swap(q, 3, 7, 0x0F0F0F0F0F0F0F0FUL, 4);
        }

        private static void Swap(ulong[] q, int i, int j, ulong low, int shift)
        {
            ulong a = q[i];
            ulong b = q[j];
            q[i] = (a & low) | ((b & low) << shift);
            q[j] = ((a & ~low) >> shift) | (b & ~low);
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

        private static uint Gather(ulong x)
        {
            x &= 0x00FF00FF00FF00FFUL;
            x = (x | (x >> 8)) & 0x0000FFFF0000FFFFUL;
            return (uint)x | (uint)(x >> 16);
        }

        private static void InterleaveOut(ulong q0, ulong q1, uint[] w)
        {
            w[0] = Gather(q0);
            w[1] = Gather(q1);
            w[2] = Gather(q0 >> 8);
            w[3] = Gather(q1 >> 8);
        }

        private static uint ReadLe(byte[] b, int o)
        {
            return b[o] | ((uint)b[o + 1] << 8) | ((uint)b[o + 2] << 16) | ((uint)b[o + 3] << 24);
        }

        private static void WriteLe(uint v, byte[] b, int o)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
            b[o + 2] = (byte)(v >> 16);
            b[o + 3] = (byte)(v >> 24);
        }
    }
}
