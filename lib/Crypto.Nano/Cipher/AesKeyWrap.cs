using System;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Crypto.Cipher
{
    /// <summary>AES Key Wrap (RFC 3394 §2.2) through an <see cref="IAesEngine"/> holding the key-encryption key.</summary>
    /// <remarks>Unwrap checks the integrity value in constant time and writes no key data unless it verifies. Not thread-safe.</remarks>
    public sealed class AesKeyWrap
    {
        /// <summary>Bytes the wrapped form adds to the key data (the 64-bit integrity register).</summary>
        public const int Overhead = 8;

        // RFC 3394 §2.2.3.1 default initial value.
        private const byte IvByte = 0xA6;

        private readonly IAesEngine _engine;
        private readonly byte[] _r;
        private readonly byte[] _b = new byte[16];
        private readonly byte[] _iv = new byte[8];

        /// <summary>Creates key wrap over an engine that holds (or will hold) the KEK.</summary>
        /// <param name="engine">AES engine; decryption is used by <see cref="Unwrap"/>.</param>
        /// <param name="maxKeyDataLength">Largest key data unwrapped, in bytes (sizes the owned scratch).</param>
        public AesKeyWrap(IAesEngine engine, int maxKeyDataLength)
        {
            if (engine == null) throw new ArgumentNullException(nameof(engine));
            if (maxKeyDataLength < 16 || maxKeyDataLength > 0x7FFFFFF0) throw new ArgumentOutOfRangeException(nameof(maxKeyDataLength));
            _engine = engine;
            _r = new byte[maxKeyDataLength];
            SetInitialValue(null, 0);
        }

        /// <summary>
        /// Sets the initial value A[0] that wrap starts from and unwrap checks (RFC 3394 §2.2.3.2 alternative IV, e.g. the
        /// MIKEY salt_key of RFC 3830 §4.2.3); null restores the default A6A6A6A6A6A6A6A6 (§2.2.3.1).
        /// </summary>
        /// <param name="iv">Buffer holding 8 bytes, or null.</param>
        /// <param name="offset">Offset of the value.</param>
        public void SetInitialValue(byte[]? iv, int offset)
        {
            if (iv != null && (offset < 0 || offset > iv.Length - 8)) throw new ArgumentOutOfRangeException(nameof(offset));
            for (int i = 0; i < 8; i++) _iv[i] = iv != null ? iv[offset + i] : IvByte;
        }

        /// <summary>Wraps <paramref name="length"/> bytes of key data into <paramref name="length"/> + 8 bytes of output.</summary>
        /// <param name="keyData">Key data buffer.</param>
        /// <param name="offset">Offset of the key data.</param>
        /// <param name="length">Key data length: a multiple of 8, at least 16.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset of the wrapped key.</param>
        /// <exception cref="ArgumentException">A length or range is invalid; nothing is written.</exception>
        public void Wrap(byte[] keyData, int offset, int length, byte[] output, int outputOffset)
        {
            if (keyData == null) throw new ArgumentNullException(nameof(keyData));
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (length < 16 || (length & 7) != 0) throw new ArgumentException("Key data must be a multiple of 8 bytes, at least 16.", nameof(length));
            if (offset < 0 || offset > keyData.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
            if (outputOffset < 0 || outputOffset > output.Length - length - Overhead) throw new ArgumentOutOfRangeException(nameof(outputOffset));
            int n = length >> 3;
            byte[] b = _b;
            // R[1..n] live in the output right after A; Array.Copy handles overlap with the input.
            Array.Copy(keyData, offset, output, outputOffset + 8, length);
            Array.Copy(_iv, 0, b, 0, 8);
            ulong t = 0;
            for (int j = 0; j < 6; j++)
            {
                for (int i = 1; i <= n; i++)
                {
                    // RFC 3394 §2.2.1: B = AES(K, A | R[i]); A = MSB(64, B) ^ t; R[i] = LSB(64, B).
                    int ri = outputOffset + (i << 3);
                    Array.Copy(output, ri, b, 8, 8);
                    _engine.EncryptBlocks(b, 0, b, 0, 16);
                    t++;
                    XorCounter(b, t);
                    Array.Copy(b, 8, output, ri, 8);
                }
            }
            Array.Copy(b, 0, output, outputOffset, 8);
            Array.Clear(b, 0, 16);
        }

        /// <summary>Unwraps and checks the integrity value; on failure returns false and writes nothing.</summary>
        /// <param name="wrapped">Wrapped key buffer.</param>
        /// <param name="offset">Offset of the wrapped key.</param>
        /// <param name="length">Wrapped length; a length that is not a multiple of 8, below 24 or above the scratch size is rejected with false.</param>
        /// <param name="output">Destination of the <paramref name="length"/> - 8 key data bytes.</param>
        /// <param name="outputOffset">Offset of the key data.</param>
        /// <returns>True when the integrity check passed and the key data was written.</returns>
        /// <exception cref="ArgumentException">A buffer is null or a range lies outside its buffer.</exception>
        public bool Unwrap(byte[] wrapped, int offset, int length, byte[] output, int outputOffset)
        {
            if (wrapped == null) throw new ArgumentNullException(nameof(wrapped));
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (length < 0 || offset < 0 || offset > wrapped.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
            if (length < 24 || (length & 7) != 0 || length - Overhead > _r.Length) return false;
            int dataLength = length - Overhead;
            if (outputOffset < 0 || outputOffset > output.Length - dataLength) throw new ArgumentOutOfRangeException(nameof(outputOffset));
            int n = dataLength >> 3;
            byte[] b = _b;
            byte[] r = _r;
            Array.Copy(wrapped, offset, b, 0, 8);
            Array.Copy(wrapped, offset + 8, r, 0, dataLength);
            ulong t = (ulong)(6 * n);
            for (int j = 5; j >= 0; j--)
            {
                for (int i = n; i >= 1; i--)
                {
                    // RFC 3394 §2.2.2: B = AES-1(K, (A ^ t) | R[i]); A = MSB(64, B); R[i] = LSB(64, B).
                    int ri = (i - 1) << 3;
                    XorCounter(b, t);
                    t--;
                    Array.Copy(r, ri, b, 8, 8);
                    _engine.DecryptBlocks(b, 0, b, 0, 16);
                    Array.Copy(b, 8, r, ri, 8);
                }
            }
            int diff = 0;
            for (int i = 0; i < 8; i++) diff |= b[i] ^ _iv[i];
            bool ok = ((diff - 1) >> 8 & 1) == 1;
            if (ok) Array.Copy(r, 0, output, outputOffset, dataLength);
            Array.Clear(r, 0, dataLength);
            Array.Clear(b, 0, 16);
            return ok;
        }

        // XORs the 64-bit big-endian step counter t into A (bytes 0..7).
        private static void XorCounter(byte[] b, ulong t)
        {
            for (int i = 7; i >= 0; i--)
            {
                b[i] ^= (byte)t;
                t >>= 8;
            }
        }
    }
}
