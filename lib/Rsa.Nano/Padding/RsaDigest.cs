using System;
using NanoMikey.Crypto.Hash;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// The hash objects the padding schemes share, and MGF1 (RFC 8017 §B.2.1) over them. Allocation-free after
    /// construction; not thread-safe (one per signer or encryptor).
    /// </summary>
    internal sealed class RsaDigest
    {
        /// <summary>Largest digest length of an <see cref="RsaHash"/> (SHA-256).</summary>
        internal const int MaxLength = Sha256.HashSize;

        private readonly Sha1 _sha1 = new Sha1();
        private readonly Sha256 _sha256 = new Sha256();
        private readonly byte[] _counter = new byte[4];
        private readonly byte[] _block = new byte[MaxLength];

        /// <summary>Digest length hLen of <paramref name="hash"/> in bytes.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Not an <see cref="RsaHash"/> value.</exception>
        internal static int Length(RsaHash hash)
        {
            if (hash == RsaHash.Sha1) return Sha1.HashSize;
            if (hash == RsaHash.Sha256) return Sha256.HashSize;
            throw new ArgumentOutOfRangeException(nameof(hash));
        }

        /// <summary>The reset hash object for <paramref name="hash"/>.</summary>
        internal MerkleDamgardHash Select(RsaHash hash)
        {
            MerkleDamgardHash h;
            if (hash == RsaHash.Sha1) h = _sha1;
            else if (hash == RsaHash.Sha256) h = _sha256;
            else throw new ArgumentOutOfRangeException(nameof(hash));
            h.Reset();
            return h;
        }

        /// <summary>
        /// XORs MGF1(seed, length) into <paramref name="target"/> (RFC 8017 §B.2.1: T = Hash(seed || C) for the 32-bit
        /// big-endian counter C = 0, 1, ...). Seed and target must not overlap.
        /// </summary>
        internal void Mgf1Xor(RsaHash hash, byte[] seed, int seedOffset, int seedLength, byte[] target, int targetOffset, int length)
        {
            MerkleDamgardHash h = Select(hash);
            int hLen = h.DigestLength;
            byte[] counter = _counter;
            byte[] block = _block;
            uint c = 0;
            while (length > 0)
            {
                counter[0] = (byte)(c >> 24);
                counter[1] = (byte)(c >> 16);
                counter[2] = (byte)(c >> 8);
                counter[3] = (byte)c;
                h.Update(seed, seedOffset, seedLength);
                h.Update(counter, 0, 4);
                h.Final(block, 0);
                int n = length < hLen ? length : hLen;
                for (int i = 0; i < n; i++)
                {
                    target[targetOffset + i] ^= block[i];
                }
                targetOffset += n;
                length -= n;
                c++;
            }
            // The mask hides a seed or a message: leave no copy of it behind.
            Array.Clear(block, 0, MaxLength);
        }

        /// <summary>Wipes the hash states and the MGF1 scratch.</summary>
        internal void Clear()
        {
            _sha1.Clear();
            _sha256.Clear();
            Array.Clear(_block, 0, MaxLength);
            Array.Clear(_counter, 0, 4);
        }
    }
}
