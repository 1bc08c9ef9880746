using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Srtp.Transforms
{
    /// <summary>
    /// AES counter mode as SRTP uses it (RFC 3711 §4.1.1, RFC 6188): keystream block j = AES(IV + j), XORed into the data.
    /// All counter blocks of a packet are built into an owned buffer and encrypted in one engine call; the keystream is
    /// wiped as soon as it has been XORed in, so none outlives the packet.
    /// </summary>
    public sealed class AesCmCipher
    {
        private byte[] _blocks;

        /// <summary>Creates the cipher with scratch for <paramref name="maxLength"/> bytes (grown once if a bigger packet comes).</summary>
        /// <param name="maxLength">Largest data length expected.</param>
        public AesCmCipher(int maxLength)
        {
            if (maxLength < 16) maxLength = 16;
            _blocks = new byte[(maxLength + 15) & ~15];
        }

        /// <summary>XORs the keystream for <paramref name="iv"/> into <paramref name="length"/> bytes of <paramref name="data"/>.</summary>
        /// <param name="engine">Engine keyed with the session encryption key.</param>
        /// <param name="iv">16-byte initial counter block; the low 16 bits count blocks (RFC 3711 §4.1.1).</param>
        /// <param name="ivOffset">Offset of the IV.</param>
        /// <param name="data">Data to encrypt or decrypt in place.</param>
        /// <param name="offset">Offset of the data.</param>
        /// <param name="length">Length of the data, at most 2^20 bytes.</param>
        [HotPath]
        public void Apply(IAesEngine engine, byte[] iv, int ivOffset, byte[] data, int offset, int length)
        {
            if (length <= 0) return;
            int blocks = (length + 15) >> 4;
            int total = blocks << 4;
            if (_blocks.Length < total)
            {
                Array.Clear(_blocks, 0, _blocks.Length);
                _blocks = new byte[total];
            }
            byte[] b = _blocks;
            Array.Copy(iv, ivOffset, b, 0, 16);
            // Replicate the IV by doubling copies, then add the block number to the low 16 bits (IV + j mod 2^128).
            int filled = 16;
            while (filled < total)
            {
                int n = filled <= total - filled ? filled : total - filled;
                Array.Copy(b, 0, b, filled, n);
                filled += n;
            }
            int lo = (b[14] << 8) | b[15];
            for (int j = 1; j < blocks; j++)
            {
                int p = j << 4;
                int c = lo + j;
                b[p + 14] = (byte)(c >> 8);
                b[p + 15] = (byte)c;
                if (c > 0xFFFF) Carry(b, p + 13);
            }
            engine.EncryptBlocks(b, 0, b, 0, total);
            KeystreamXor.Apply(data, offset, b, 0, data, offset, length);
            // Keystream XOR data = the other side of the packet: leaving it would hand out plaintext and keystream.
            Array.Clear(b, 0, total);
        }

        /// <summary>Wipes the scratch (already wiped after every <see cref="Apply"/>; kept for callers that clear everything).</summary>
        public void Clear()
        {
            Array.Clear(_blocks, 0, _blocks.Length);
        }

        private static void Carry(byte[] b, int p)
        {
            // Rare: the IV's low 16 bits were non-zero; propagate the carry through the upper 112 bits.
            int start = p - 13;
            for (int i = p; i >= start; i--)
            {
                b[i]++;
                if (b[i] != 0) break;
            }
        }
    }
}
