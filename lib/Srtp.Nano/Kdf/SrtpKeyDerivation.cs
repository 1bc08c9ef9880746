using System;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Srtp.Kdf
{
    /// <summary>
    /// The SRTP key derivation function (RFC 3711 §4.3.1/§4.3.3, RFC 6188 §3): AES in counter mode keyed
    /// with the master key, IV = (label || r) XOR master salt, times 2^16. All blocks of one derived key
    /// come from one engine call.
    /// </summary>
    public sealed class SrtpKeyDerivation
    {
        /// <summary>Label of the SRTP encryption key.</summary>
        public const int LabelSrtpEncryption = 0;

        /// <summary>Label of the SRTP authentication key.</summary>
        public const int LabelSrtpAuthentication = 1;

        /// <summary>Label of the SRTP salting key.</summary>
        public const int LabelSrtpSalt = 2;

        /// <summary>Label of the SRTCP encryption key.</summary>
        public const int LabelSrtcpEncryption = 3;

        /// <summary>Label of the SRTCP authentication key.</summary>
        public const int LabelSrtcpAuthentication = 4;

        /// <summary>Label of the SRTCP salting key.</summary>
        public const int LabelSrtcpSalt = 5;

        private const int SaltLength = 14;

        private readonly IAesEngine _engine;
        private readonly byte[] _salt = new byte[SaltLength];
        private byte[] _blocks = new byte[128];

        /// <summary>Creates the KDF over an engine already keyed with the master key.</summary>
        /// <param name="masterKeyEngine">Engine holding the master key (16, 24 or 32 bytes).</param>
        /// <param name="masterSalt">Buffer holding the master salt.</param>
        /// <param name="offset">Offset of the salt.</param>
        /// <param name="length">Salt length: 14, or 12 for AEAD (right-padded with zeros as libsrtp does, RFC 7714 §11).</param>
        public SrtpKeyDerivation(IAesEngine masterKeyEngine, byte[] masterSalt, int offset, int length)
        {
            if (masterKeyEngine == null) throw new ArgumentNullException(nameof(masterKeyEngine));
            if (masterSalt == null) throw new ArgumentNullException(nameof(masterSalt));
            if (length < 0 || length > SaltLength) throw new ArgumentOutOfRangeException(nameof(length));
            if (offset < 0 || offset > masterSalt.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
            _engine = masterKeyEngine;
            Array.Copy(masterSalt, offset, _salt, 0, length);
        }

        /// <summary>Derives <paramref name="length"/> bytes of the key with <paramref name="label"/> for r = index DIV KDR.</summary>
        /// <param name="label">Key label, 0–5 (RFC 3711 §4.3.2).</param>
        /// <param name="r">index DIV key_derivation_rate (0 when the rate is 0); 48 bits.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="output"/>.</param>
        /// <param name="length">Bytes to derive.</param>
        public void Derive(int label, ulong r, byte[] output, int offset, int length)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (length < 0 || offset < 0 || offset > output.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
            if (label < 0 || label > 255) throw new ArgumentOutOfRangeException(nameof(label));
            int blocks = (length + 15) >> 4;
            if (blocks == 0) return;
            if (_blocks.Length < blocks * 16) _blocks = new byte[blocks * 16];
            byte[] b = _blocks;
            // RFC 3711 §4.3.1: key_id = label || r (56 bits), x = key_id XOR master_salt (right-aligned).
            Array.Copy(_salt, 0, b, 0, SaltLength);
            b[7] ^= (byte)label;
            for (int i = 0; i < 6; i++) b[13 - i] ^= (byte)(r >> (8 * i));
            b[14] = 0;
            b[15] = 0;
            for (int j = 1; j < blocks; j++)
            {
                int p = j << 4;
                Array.Copy(b, 0, b, p, 14);
                b[p + 14] = (byte)(j >> 8);
                b[p + 15] = (byte)j;
            }
            _engine.EncryptBlocks(b, 0, b, 0, blocks << 4);
            Array.Copy(b, 0, output, offset, length);
            Array.Clear(b, 0, blocks << 4);
        }

        /// <summary>Wipes the master salt and scratch (the engine is the caller's to clear).</summary>
        public void Clear()
        {
            Array.Clear(_salt, 0, SaltLength);
            Array.Clear(_blocks, 0, _blocks.Length);
        }
    }
}
