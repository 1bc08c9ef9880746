using System;
using NanoMikey.Crypto.Hash;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// The ANSI X9.63 key derivation function with SHA-256 (SEC 1 §3.6.1): K = Hash(Z || Counter || SharedInfo) for
    /// Counter = 1, 2, ... as 32-bit big-endian, concatenated and cut to the requested length. Allocates nothing; not thread-safe.
    /// </summary>
    public sealed class X963Kdf
    {
        private readonly Sha256 _hash = new Sha256();
        private readonly byte[] _counter = new byte[4];
        private readonly byte[] _block = new byte[Sha256.HashSize];

        /// <summary>Creates a KDF instance with its own hash state.</summary>
        public X963Kdf()
        {
        }

        /// <summary>Derives <paramref name="length"/> bytes of keying data from the shared secret Z and optional SharedInfo.</summary>
        /// <param name="z">Buffer holding the shared secret Z.</param>
        /// <param name="zOffset">Offset of Z.</param>
        /// <param name="zLength">Length of Z.</param>
        /// <param name="sharedInfo">SharedInfo, or null for none.</param>
        /// <param name="sharedInfoOffset">Offset of SharedInfo.</param>
        /// <param name="sharedInfoLength">Length of SharedInfo.</param>
        /// <param name="output">Output buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="length">Bytes of keying data to write.</param>
        public void Derive(byte[] z, int zOffset, int zLength, byte[]? sharedInfo, int sharedInfoOffset, int sharedInfoLength,
            byte[] output, int outputOffset, int length)
        {
            Derive(z, zOffset, zLength, null, 0, 0, sharedInfo, sharedInfoOffset, sharedInfoLength, output, outputOffset, length);
        }

        /// <summary>
        /// Derives keying data with SharedInfo = <paramref name="prefix"/> || <paramref name="sharedInfo"/>, hashed in place
        /// (no concatenated copy), i.e. K = Hash(Z || Counter || prefix || SharedInfo) per block.
        /// </summary>
        /// <param name="z">Buffer holding the shared secret Z.</param>
        /// <param name="zOffset">Offset of Z.</param>
        /// <param name="zLength">Length of Z.</param>
        /// <param name="prefix">First part of SharedInfo, or null for none.</param>
        /// <param name="prefixOffset">Offset of the first part.</param>
        /// <param name="prefixLength">Length of the first part.</param>
        /// <param name="sharedInfo">Second part of SharedInfo, or null for none.</param>
        /// <param name="sharedInfoOffset">Offset of the second part.</param>
        /// <param name="sharedInfoLength">Length of the second part.</param>
        /// <param name="output">Output buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="length">Bytes of keying data to write.</param>
        public void Derive(byte[] z, int zOffset, int zLength, byte[]? prefix, int prefixOffset, int prefixLength,
            byte[]? sharedInfo, int sharedInfoOffset, int sharedInfoLength, byte[] output, int outputOffset, int length)
        {
            P256PublicKey.CheckRange(z, zOffset, zLength);
            P256PublicKey.CheckRange(output, outputOffset, length);
            if (prefix != null)
            {
                P256PublicKey.CheckRange(prefix, prefixOffset, prefixLength);
            }

            if (sharedInfo != null)
            {
                P256PublicKey.CheckRange(sharedInfo, sharedInfoOffset, sharedInfoLength);
            }

            uint counter = 1;
            int done = 0;
            while (done < length)
            {
                _counter[0] = (byte)(counter >> 24);
                _counter[1] = (byte)(counter >> 16);
                _counter[2] = (byte)(counter >> 8);
                _counter[3] = (byte)counter;
                _hash.Reset();
                _hash.Update(z, zOffset, zLength);
                _hash.Update(_counter, 0, 4);
                if (prefix != null && prefixLength > 0)
                {
                    _hash.Update(prefix, prefixOffset, prefixLength);
                }

                if (sharedInfo != null && sharedInfoLength > 0)
                {
                    _hash.Update(sharedInfo, sharedInfoOffset, sharedInfoLength);
                }

                // Final also wipes the hash's block buffer and message schedule, which held Z.
                _hash.Final(_block, 0);
                int n = length - done < Sha256.HashSize ? length - done : Sha256.HashSize;
                Array.Copy(_block, 0, output, outputOffset + done, n);
                done += n;
                counter++;
            }

            Array.Clear(_block, 0, _block.Length);
        }
    }
}
