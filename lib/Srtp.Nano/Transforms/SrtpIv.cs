using System;
using NanoMikey.Crypto;

namespace NanoMikey.Srtp.Transforms
{
    /// <summary>The per-packet IVs of SRTP and SRTCP, written into a caller buffer.</summary>
    [HotPath]
    public static class SrtpIv
    {
        /// <summary>
        /// AES-CM IV (RFC 3711 §4.1.1): (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), 16 bytes, with i = ROC || SEQ
        /// for SRTP or the 31-bit SRTCP index (high = index &gt;&gt; 16, low16 = index &amp; 0xFFFF).
        /// </summary>
        /// <param name="salt">14-byte session salt.</param>
        /// <param name="ssrc">SSRC.</param>
        /// <param name="high">Upper 32 bits of the 48-bit index (the ROC for SRTP).</param>
        /// <param name="low16">Lower 16 bits of the index (SEQ for SRTP).</param>
        /// <param name="iv">Destination of 16 bytes.</param>
        /// <param name="offset">Offset in <paramref name="iv"/>.</param>
        public static void AesCm(byte[] salt, uint ssrc, uint high, uint low16, byte[] iv, int offset)
        {
            Array.Copy(salt, 0, iv, offset, 14);
            iv[offset + 14] = 0;
            iv[offset + 15] = 0;
            Xor32(iv, offset + 4, ssrc);
            Xor32(iv, offset + 8, high);
            iv[offset + 12] ^= (byte)(low16 >> 8);
            iv[offset + 13] ^= (byte)low16;
        }

        /// <summary>AEAD IV for SRTP (RFC 7714 §8.1): (0x0000 || SSRC || ROC || SEQ) XOR salt, 12 bytes.</summary>
        /// <param name="salt">12-byte session salt.</param>
        /// <param name="ssrc">SSRC.</param>
        /// <param name="roc">Rollover counter.</param>
        /// <param name="seq">Sequence number.</param>
        /// <param name="iv">Destination of 12 bytes.</param>
        /// <param name="offset">Offset in <paramref name="iv"/>.</param>
        public static void GcmSrtp(byte[] salt, uint ssrc, uint roc, uint seq, byte[] iv, int offset)
        {
            Array.Copy(salt, 0, iv, offset, 12);
            Xor32(iv, offset + 2, ssrc);
            Xor32(iv, offset + 6, roc);
            iv[offset + 10] ^= (byte)(seq >> 8);
            iv[offset + 11] ^= (byte)seq;
        }

        /// <summary>AEAD IV for SRTCP (RFC 7714 §9.1): (0x0000 || SSRC || 0x0000 || 0 || SRTCP index) XOR salt, 12 bytes.</summary>
        /// <param name="salt">12-byte session salt.</param>
        /// <param name="ssrc">SSRC.</param>
        /// <param name="index">31-bit SRTCP index.</param>
        /// <param name="iv">Destination of 12 bytes.</param>
        /// <param name="offset">Offset in <paramref name="iv"/>.</param>
        public static void GcmSrtcp(byte[] salt, uint ssrc, uint index, byte[] iv, int offset)
        {
            Array.Copy(salt, 0, iv, offset, 12);
            Xor32(iv, offset + 2, ssrc);
            Xor32(iv, offset + 8, index & 0x7FFFFFFF);
        }

        private static void Xor32(byte[] b, int p, uint v)
        {
            b[p] ^= (byte)(v >> 24);
            b[p + 1] ^= (byte)(v >> 16);
            b[p + 2] ^= (byte)(v >> 8);
            b[p + 3] ^= (byte)v;
        }
    }
}
