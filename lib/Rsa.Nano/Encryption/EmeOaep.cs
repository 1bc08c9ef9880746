using System;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// EME-OAEP encoding and decoding (RFC 8017 §7.1.1 step 2, §7.1.2 step 3) with MGF1 over the label hash.
    /// EM = 0x00 || maskedSeed || maskedDB, DB = lHash || PS (zeros) || 0x01 || M. Works in place on EM.
    /// </summary>
    internal sealed class EmeOaep
    {
        private readonly RsaDigest _digest;
        private readonly byte[] _lHash = new byte[RsaDigest.MaxLength];

        /// <summary>Creates a coder over the shared hash objects.</summary>
        internal EmeOaep(RsaDigest digest)
        {
            _digest = digest;
        }

        /// <summary>Largest message for a k-byte modulus: k - 2hLen - 2 (§7.1.1 step 1b); negative when k is too small.</summary>
        internal static int MaxMessageLength(RsaHash hash, int k)
        {
            return k - 2 * RsaDigest.Length(hash) - 2;
        }

        /// <summary>
        /// Writes EM (k bytes at <paramref name="emOffset"/>) for the message, label (null: empty) and a fresh random
        /// seed. False when the message is too long (§7.1.1 step 1b) or the generator cannot serve the request.
        /// </summary>
        internal bool Encode(RsaHash hash, byte[]? label, int labelOffset, int labelLength, byte[] message, int offset,
            int length, HmacDrbg random, byte[] em, int emOffset, int k)
        {
            int hLen = RsaDigest.Length(hash);
            if (length > MaxMessageLength(hash, k)) return false;
            if (!random.CanGenerate(1)) return false;
            int seedOffset = emOffset + 1;
            int dbOffset = seedOffset + hLen;
            int dbLen = k - hLen - 1;
            em[emOffset] = 0x00;
            // Step 2a-c: DB = lHash || PS || 0x01 || M.
            HashLabel(hash, label, labelOffset, labelLength, em, dbOffset);
            int oneOffset = emOffset + k - length - 1;
            Array.Clear(em, dbOffset + hLen, oneOffset - dbOffset - hLen);
            em[oneOffset] = 0x01;
            if (length > 0) Array.Copy(message, offset, em, oneOffset + 1, length);
            // Step 2d-h: seed, maskedDB = DB xor MGF(seed), maskedSeed = seed xor MGF(maskedDB).
            random.Generate(em, seedOffset, hLen);
            _digest.Mgf1Xor(hash, em, seedOffset, hLen, em, dbOffset, dbLen);
            _digest.Mgf1Xor(hash, em, dbOffset, dbLen, em, seedOffset, hLen);
            return true;
        }

        /// <summary>
        /// Decodes EM (k bytes, unmasked in place) and copies M out. Returns the message length, or -1 for
        /// "decryption error": Y != 0, lHash' != lHash, no 0x01 separator, or a message longer than
        /// <paramref name="messageCapacity"/>. The checks run in constant time and fold into one flag before the only
        /// branch (§7.1.2 Note: the causes must be indistinguishable, Manger's attack).
        /// </summary>
        internal int Decode(RsaHash hash, byte[]? label, int labelOffset, int labelLength, byte[] em, int emOffset, int k,
            byte[] message, int messageOffset, int messageCapacity)
        {
            int hLen = RsaDigest.Length(hash);
            int seedOffset = emOffset + 1;
            int dbOffset = seedOffset + hLen;
            int dbLen = k - hLen - 1;
            HashLabel(hash, label, labelOffset, labelLength, _lHash, 0);
            // Step 3b-f: seed = maskedSeed xor MGF(maskedDB), DB = maskedDB xor MGF(seed).
            _digest.Mgf1Xor(hash, em, dbOffset, dbLen, em, seedOffset, hLen);
            _digest.Mgf1Xor(hash, em, seedOffset, hLen, em, dbOffset, dbLen);
            // Step 3g: Y == 0 and lHash' == lHash.
            int good = ConstantTimeMask.IsZero(em[emOffset]);
            int diff = 0;
            for (int i = 0; i < hLen; i++)
            {
                diff |= em[dbOffset + i] ^ _lHash[i];
            }
            good &= ConstantTimeMask.IsZero(diff);
            // The first non-zero byte after lHash must be 0x01; scan all of DB whatever is found.
            int looking = -1;
            int oneIndex = 0;
            for (int i = hLen; i < dbLen; i++)
            {
                int b = em[dbOffset + i];
                int isOne = ConstantTimeMask.Equal(b, 1);
                int isZero = ConstantTimeMask.IsZero(b);
                oneIndex = ConstantTimeMask.Select(looking & isOne, i, oneIndex);
                good &= ~(looking & ~isZero & ~isOne);
                looking &= isZero;
            }
            good &= ~looking;
            int mLen = dbLen - oneIndex - 1;
            good &= ~ConstantTimeMask.LessThan(messageCapacity, mLen);
            Array.Clear(_lHash, 0, RsaDigest.MaxLength);
            if (good == 0) return -1;
            // Valid: mLen is the public result now.
            if (mLen > 0) Array.Copy(em, dbOffset + oneIndex + 1, message, messageOffset, mLen);
            return mLen;
        }

        private void HashLabel(RsaHash hash, byte[]? label, int labelOffset, int labelLength, byte[] output, int outputOffset)
        {
            MerkleDamgardHash h = _digest.Select(hash);
            if (label != null && labelLength > 0) h.Update(label, labelOffset, labelLength);
            h.Final(output, outputOffset);
        }

        /// <summary>Wipes the scratch.</summary>
        internal void Clear()
        {
            Array.Clear(_lHash, 0, RsaDigest.MaxLength);
        }
    }
}
