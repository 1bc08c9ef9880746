using System;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Crypto.Cipher
{
    /// <summary>
    /// AES counter mode (SP 800-38A §6.5) through an <see cref="IAesEngine"/>: all counter blocks of a request are built
    /// into an owned buffer and encrypted with one engine call, then XORed into the caller's buffer.
    /// </summary>
    /// <remarks>
    /// The caller's counter block is read, never modified. Requests longer than <see cref="MaxLength"/> are split into
    /// <see cref="MaxLength"/>-sized engine calls. Not thread-safe.
    /// </remarks>
    public sealed class AesCtr
    {
        private readonly byte[] _keystream;
        private readonly int _capacity;
        private readonly bool _increment32;

        /// <summary>Creates a counter mode with full 128-bit big-endian counter increment (SP 800-38A Appendix B.1).</summary>
        /// <param name="maxLength">Largest request served by a single engine call, in bytes (at least 1).</param>
        public AesCtr(int maxLength) : this(maxLength, false)
        {
        }

        /// <summary>Creates a counter mode; with <paramref name="increment32"/> only the low 32 bits count (GCM inc32, SP 800-38D §6.2).</summary>
        /// <param name="maxLength">Largest request served by a single engine call, in bytes (at least 1).</param>
        /// <param name="increment32">True for inc32 (wraps within the last four bytes), false for a 128-bit counter.</param>
        public AesCtr(int maxLength, bool increment32)
        {
            if (maxLength < 1 || maxLength > 0x7FFFFFF0) throw new ArgumentOutOfRangeException(nameof(maxLength));
            _capacity = (maxLength + 15) & ~15;
            _keystream = new byte[_capacity];
            _increment32 = increment32;
        }

        /// <summary>Largest request (bytes) served by one engine call.</summary>
        public int MaxLength
        {
            get { return _capacity; }
        }

        /// <summary>Writes <paramref name="length"/> bytes of keystream starting at the given counter block.</summary>
        /// <param name="engine">Engine with the key loaded.</param>
        /// <param name="counterBlock">Buffer holding the 16-byte initial counter block.</param>
        /// <param name="counterOffset">Offset of the counter block.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="length">Keystream bytes to write.</param>
        /// <exception cref="ArgumentException">A buffer is null or a range is invalid; nothing is written.</exception>
        [HotPath]
        public void GenerateKeystream(IAesEngine engine, byte[] counterBlock, int counterOffset, byte[] output, int outputOffset, int length)
        {
            Check(engine, counterBlock, counterOffset, output, outputOffset, output, outputOffset, length);
            Run(engine, counterBlock, counterOffset, null, 0, output, outputOffset, length);
        }

        /// <summary>Encrypts or decrypts <paramref name="length"/> bytes of <paramref name="data"/> in place.</summary>
        /// <param name="engine">Engine with the key loaded.</param>
        /// <param name="counterBlock">Buffer holding the 16-byte initial counter block.</param>
        /// <param name="counterOffset">Offset of the counter block.</param>
        /// <param name="data">Buffer transformed in place.</param>
        /// <param name="dataOffset">Offset in <paramref name="data"/>.</param>
        /// <param name="length">Number of bytes.</param>
        /// <exception cref="ArgumentException">A buffer is null or a range is invalid; nothing is written.</exception>
        [HotPath]
        public void XorKeystream(IAesEngine engine, byte[] counterBlock, int counterOffset, byte[] data, int dataOffset, int length)
        {
            Check(engine, counterBlock, counterOffset, data, dataOffset, data, dataOffset, length);
            Run(engine, counterBlock, counterOffset, data, dataOffset, data, dataOffset, length);
        }

        /// <summary>Writes input XOR keystream to output (input and output may be the same range).</summary>
        /// <param name="engine">Engine with the key loaded.</param>
        /// <param name="counterBlock">Buffer holding the 16-byte initial counter block.</param>
        /// <param name="counterOffset">Offset of the counter block.</param>
        /// <param name="input">Source buffer.</param>
        /// <param name="inputOffset">Offset in <paramref name="input"/>.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="length">Number of bytes.</param>
        /// <exception cref="ArgumentException">A buffer is null or a range is invalid; nothing is written.</exception>
        [HotPath]
        public void Transform(IAesEngine engine, byte[] counterBlock, int counterOffset, byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            Check(engine, counterBlock, counterOffset, input, inputOffset, output, outputOffset, length);
            Run(engine, counterBlock, counterOffset, input, inputOffset, output, outputOffset, length);
        }

        private static void Check(IAesEngine engine, byte[] counterBlock, int counterOffset, byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            if (engine == null) throw new ArgumentNullException(nameof(engine));
            if (counterBlock == null) throw new ArgumentNullException(nameof(counterBlock));
            if (input == null) throw new ArgumentNullException(nameof(input));
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (counterOffset < 0 || counterOffset > counterBlock.Length - 16) throw new ArgumentOutOfRangeException(nameof(counterOffset));
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            if (inputOffset < 0 || inputOffset > input.Length - length) throw new ArgumentOutOfRangeException(nameof(inputOffset));
            if (outputOffset < 0 || outputOffset > output.Length - length) throw new ArgumentOutOfRangeException(nameof(outputOffset));
        }

        private void Run(IAesEngine engine, byte[] counterBlock, int counterOffset, byte[]? input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            // Software AES: counter blocks and keystream never touch an array (SoftwareAes.CtrXor; issue 10 §4).
            SoftwareAes? software = input != null ? engine as SoftwareAes : null;
            if (software != null)
            {
                software.CtrXor(counterBlock, counterOffset, _increment32, input!, inputOffset, output, outputOffset, length);
                return;
            }
            byte[] ks = _keystream;
            bool full = !_increment32;
            uint c0 = ReadBe(counterBlock, counterOffset);
            uint c1 = ReadBe(counterBlock, counterOffset + 4);
            uint c2 = ReadBe(counterBlock, counterOffset + 8);
            uint c3 = ReadBe(counterBlock, counterOffset + 12);
            while (length > 0)
            {
                int n = length < _capacity ? length : _capacity;
                int padded = (n + 15) & ~15;
                for (int o = 0; o < padded; o += 16)
                {
                    // Written out rather than four calls: a call costs the interpreter as much as ~16 instructions.
                    ks[o] = (byte)(c0 >> 24);
                    ks[o + 1] = (byte)(c0 >> 16);
                    ks[o + 2] = (byte)(c0 >> 8);
                    ks[o + 3] = (byte)c0;
                    ks[o + 4] = (byte)(c1 >> 24);
                    ks[o + 5] = (byte)(c1 >> 16);
                    ks[o + 6] = (byte)(c1 >> 8);
                    ks[o + 7] = (byte)c1;
                    ks[o + 8] = (byte)(c2 >> 24);
                    ks[o + 9] = (byte)(c2 >> 16);
                    ks[o + 10] = (byte)(c2 >> 8);
                    ks[o + 11] = (byte)c2;
                    ks[o + 12] = (byte)(c3 >> 24);
                    ks[o + 13] = (byte)(c3 >> 16);
                    ks[o + 14] = (byte)(c3 >> 8);
                    ks[o + 15] = (byte)c3;
                    c3++;
                    if (full)
                    {
                        // SP 800-38A B.1 128-bit increment; carries computed without data-dependent branches
                        // ((x | -x) >> 31 is 1 exactly when x != 0).
                        uint carry = ((c3 | (uint)(-(int)c3)) >> 31) ^ 1;
                        c2 += carry;
                        carry &= ((c2 | (uint)(-(int)c2)) >> 31) ^ 1;
                        c1 += carry;
                        carry &= ((c1 | (uint)(-(int)c1)) >> 31) ^ 1;
                        c0 += carry;
                    }
                }
                engine.EncryptBlocks(ks, 0, ks, 0, padded);
                if (input == null)
                {
                    Array.Copy(ks, 0, output, outputOffset, n);
                }
                else
                {
                    KeystreamXor.Apply(input, inputOffset, ks, 0, output, outputOffset, n);
                    inputOffset += n;
                }
                outputOffset += n;
                length -= n;
            }
            Array.Clear(ks, 0, ks.Length);
        }

        private static uint ReadBe(byte[] b, int o)
        {
            return ((uint)b[o] << 24) | ((uint)b[o + 1] << 16) | ((uint)b[o + 2] << 8) | b[o + 3];
        }
    }
}
