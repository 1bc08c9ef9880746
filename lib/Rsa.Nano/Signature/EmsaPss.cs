using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hash;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// EMSA-PSS encoding and verification (RFC 8017 §9.1) with MGF1 over the same hash and trailer 0xBC.
    /// Works in place on the caller's EM buffer; allocation-free after construction.
    /// </summary>
    internal sealed class EmsaPss
    {
        // §9.1.1 step 5: M' starts with eight zero octets.
        private static readonly byte[] Padding1 = new byte[8];

        private readonly RsaDigest _digest;
        private readonly byte[] _h = new byte[RsaDigest.MaxLength];

        /// <summary>Creates an encoder over the shared hash objects.</summary>
        internal EmsaPss(RsaDigest digest)
        {
            _digest = digest;
        }

        /// <summary>emLen = ceil(emBits / 8) (§9.1.1).</summary>
        internal static int EncodedLength(int emBits)
        {
            return (emBits + 7) >> 3;
        }

        /// <summary>
        /// EMSA-PSS-ENCODE (§9.1.1) of a message digest with the given salt into EM (emLen bytes at
        /// <paramref name="emOffset"/>). False ("encoding error") when emLen &lt; hLen + sLen + 2.
        /// </summary>
        internal bool Encode(RsaHash hash, byte[] mHash, int mHashOffset, byte[] salt, int saltOffset, int saltLength,
            int emBits, byte[] em, int emOffset)
        {
            int hLen = RsaDigest.Length(hash);
            int emLen = EncodedLength(emBits);
            if (emLen < hLen + saltLength + 2) return false;
            int dbLen = emLen - hLen - 1;
            // Steps 5-6: H = Hash(0x00 x 8 || mHash || salt), written straight into its place in EM.
            MerkleDamgardHash h = _digest.Select(hash);
            h.Update(Padding1, 0, 8);
            h.Update(mHash, mHashOffset, hLen);
            if (saltLength > 0) h.Update(salt, saltOffset, saltLength);
            h.Final(em, emOffset + dbLen);
            // Steps 7-8: DB = PS (zeros) || 0x01 || salt.
            int psLen = dbLen - saltLength - 1;
            Array.Clear(em, emOffset, psLen);
            em[emOffset + psLen] = 0x01;
            if (saltLength > 0) Array.Copy(salt, saltOffset, em, emOffset + psLen + 1, saltLength);
            // Steps 9-10: maskedDB = DB xor MGF(H, dbLen).
            _digest.Mgf1Xor(hash, em, emOffset + dbLen, hLen, em, emOffset, dbLen);
            // Step 11: clear the leftmost 8emLen - emBits bits.
            em[emOffset] &= (byte)(0xFF >> (8 * emLen - emBits));
            // Step 12: trailer.
            em[emOffset + emLen - 1] = 0xBC;
            return true;
        }

        /// <summary>
        /// EMSA-PSS-VERIFY (§9.1.2) of EM (emLen bytes at <paramref name="emOffset"/>, unmasked in place) against a
        /// message digest and an expected salt length. True for "consistent".
        /// </summary>
        internal bool Verify(RsaHash hash, byte[] mHash, int mHashOffset, int saltLength, byte[] em, int emOffset, int emBits)
        {
            int hLen = RsaDigest.Length(hash);
            int emLen = EncodedLength(emBits);
            // Step 3.
            if (emLen < hLen + saltLength + 2) return false;
            // Step 4: trailer.
            if (em[emOffset + emLen - 1] != 0xBC) return false;
            int dbLen = emLen - hLen - 1;
            int hOffset = emOffset + dbLen;
            // Step 6: the bits above emBits must be zero.
            int topMask = 0xFF >> (8 * emLen - emBits);
            if ((em[emOffset] & ~topMask) != 0) return false;
            // Steps 7-9: DB = maskedDB xor MGF(H), top bits cleared.
            _digest.Mgf1Xor(hash, em, hOffset, hLen, em, emOffset, dbLen);
            em[emOffset] &= (byte)topMask;
            // Step 10: PS zeros, then 0x01. The data is public (a signature), so early exits leak nothing secret.
            int psLen = dbLen - saltLength - 1;
            for (int i = 0; i < psLen; i++)
            {
                if (em[emOffset + i] != 0) return false;
            }
            if (em[emOffset + psLen] != 0x01) return false;
            // Steps 11-13: H' = Hash(0x00 x 8 || mHash || salt).
            MerkleDamgardHash h = _digest.Select(hash);
            h.Update(Padding1, 0, 8);
            h.Update(mHash, mHashOffset, hLen);
            if (saltLength > 0) h.Update(em, emOffset + psLen + 1, saltLength);
            h.Final(_h, 0);
            // Step 14.
            bool ok = ConstantTime.AreEqual(_h, 0, em, hOffset, hLen);
            Array.Clear(_h, 0, RsaDigest.MaxLength);
            return ok;
        }

        /// <summary>Wipes the scratch.</summary>
        internal void Clear()
        {
            Array.Clear(_h, 0, RsaDigest.MaxLength);
        }
    }
}
