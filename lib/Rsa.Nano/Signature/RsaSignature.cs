using System;
using NanoMikey.Crypto;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// RSA signatures with appendix (RFC 8017 §8): RSASSA-PKCS1-v1_5 (§8.2, EMSA-PKCS1-v1_5 §9.2 with the SHA-1 and
    /// SHA-256 DigestInfo) and RSASSA-PSS (§8.1, EMSA-PSS §9.1, MGF1 with the same hash, trailer 0xBC). The caller
    /// hashes the message and passes the digest. PKCS#1 v1.5 verification re-encodes the expected EM and compares it
    /// in constant time, never parsing the received one (no Bleichenbacher-2006 forgeries); only the DER DigestInfo
    /// with NULL parameters is accepted. Allocation-free after construction (scratch sized by maxBits); not thread-safe.
    /// Bad signatures give false; null buffers, bad ranges, an empty key or one larger than maxBits throw.
    /// </summary>
    public sealed class RsaSignature
    {
        private readonly int _maxBytes;
        private readonly RsaDigest _digest;
        private readonly EmsaPss _pss;
        private readonly byte[] _em;
        private readonly byte[] _expected;

        /// <summary>Creates a signer/verifier for moduli of up to <paramref name="maxBits"/> bits.</summary>
        /// <param name="maxBits">Largest modulus size, <see cref="RsaPublicKey.MinBits"/> to <see cref="RsaPublicKey.MaxBits"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException">maxBits is out of range.</exception>
        public RsaSignature(int maxBits)
        {
            RsaArgument.CheckMaxBits(maxBits);
            _maxBytes = (maxBits + 7) >> 3;
            _digest = new RsaDigest();
            _pss = new EmsaPss(_digest);
            _em = new byte[_maxBytes];
            _expected = new byte[_maxBytes];
        }

        /// <summary>RSASSA-PKCS1-V1_5-SIGN (§8.2.1): signs a digest; the signature is k bytes.</summary>
        /// <param name="key">The private key.</param>
        /// <param name="hash">Hash the digest was made with.</param>
        /// <param name="digest">Buffer holding the digest (hLen bytes).</param>
        /// <param name="digestOffset">Offset of the digest.</param>
        /// <param name="signature">Destination of the k-byte signature.</param>
        /// <param name="signatureOffset">Offset of the signature.</param>
        /// <returns>False when the modulus is too short for the DigestInfo or the private operation failed its check
        /// (nothing usable is written then).</returns>
        public bool SignPkcs1(RsaPrivateKey key, RsaHash hash, byte[] digest, int digestOffset, byte[] signature, int signatureOffset)
        {
            int k = RsaArgument.CheckKey(key, _maxBytes);
            RsaArgument.CheckRange(digest, digestOffset, RsaDigest.Length(hash));
            RsaArgument.CheckRange(signature, signatureOffset, k);
            // §8.2.1 steps 1-2: EM, then s = RSASP1(K, m).
            bool ok = EmsaPkcs1.Encode(hash, digest, digestOffset, _em, 0, k) && key.ApplyPrivate(_em, 0, signature, signatureOffset);
            Array.Clear(_em, 0, k);
            return ok;
        }

        /// <summary>RSASSA-PKCS1-V1_5-VERIFY (§8.2.2): true only for a valid signature of exactly k bytes.</summary>
        /// <param name="key">The public key.</param>
        /// <param name="hash">Hash the digest was made with.</param>
        /// <param name="digest">Buffer holding the digest (hLen bytes).</param>
        /// <param name="digestOffset">Offset of the digest.</param>
        /// <param name="signature">Buffer holding the signature.</param>
        /// <param name="signatureOffset">Offset of the signature.</param>
        /// <param name="signatureLength">Signature length; anything but k is invalid.</param>
        /// <returns>Whether the signature is valid.</returns>
        public bool VerifyPkcs1(RsaPublicKey key, RsaHash hash, byte[] digest, int digestOffset, byte[] signature, int signatureOffset,
            int signatureLength)
        {
            int k = RsaArgument.CheckKey(key, _maxBytes);
            RsaArgument.CheckRange(digest, digestOffset, RsaDigest.Length(hash));
            RsaArgument.CheckRange(signature, signatureOffset, signatureLength);
            // Step 1: length check; step 2: RSAVP1 (false for s >= n).
            if (signatureLength != k) return false;
            bool ok = key.ApplyPublic(signature, signatureOffset, _em, 0)
                && EmsaPkcs1.Encode(hash, digest, digestOffset, _expected, 0, k)
                && ConstantTime.AreEqual(_em, 0, _expected, 0, k);
            Array.Clear(_em, 0, k);
            Array.Clear(_expected, 0, k);
            return ok;
        }

        /// <summary>RSASSA-PSS-SIGN (§8.1.1) with the given salt (its length is the sLen the verifier expects).</summary>
        /// <param name="key">The private key.</param>
        /// <param name="hash">Hash of the digest, of M' and of MGF1.</param>
        /// <param name="digest">Buffer holding mHash (hLen bytes).</param>
        /// <param name="digestOffset">Offset of the digest.</param>
        /// <param name="salt">Salt buffer (fresh random bytes, usually hLen of them); may be null when saltLength is 0.</param>
        /// <param name="saltOffset">Offset of the salt.</param>
        /// <param name="saltLength">Salt length sLen.</param>
        /// <param name="signature">Destination of the k-byte signature.</param>
        /// <param name="signatureOffset">Offset of the signature.</param>
        /// <returns>False when emLen &lt; hLen + sLen + 2 or the private operation failed its check.</returns>
        public bool SignPss(RsaPrivateKey key, RsaHash hash, byte[] digest, int digestOffset, byte[]? salt, int saltOffset, int saltLength,
            byte[] signature, int signatureOffset)
        {
            int k = RsaArgument.CheckKey(key, _maxBytes);
            RsaArgument.CheckRange(digest, digestOffset, RsaDigest.Length(hash));
            if (saltLength != 0 || salt != null) RsaArgument.CheckRange(salt!, saltOffset, saltLength);
            RsaArgument.CheckRange(signature, signatureOffset, k);
            // §8.1.1 step 1: emBits = modBits - 1; EM is emLen bytes, one short of k when modBits - 1 is a multiple of 8.
            int emBits = key.PublicKey.BitLength - 1;
            int pad = k - EmsaPss.EncodedLength(emBits);
            _em[0] = 0;
            bool ok = _pss.Encode(hash, digest, digestOffset, salt!, saltOffset, saltLength, emBits, _em, pad)
                && key.ApplyPrivate(_em, 0, signature, signatureOffset);
            Array.Clear(_em, 0, k);
            return ok;
        }

        /// <summary>RSASSA-PSS-VERIFY (§8.1.2) for a known salt length.</summary>
        /// <param name="key">The public key.</param>
        /// <param name="hash">Hash of the digest, of M' and of MGF1.</param>
        /// <param name="digest">Buffer holding mHash (hLen bytes).</param>
        /// <param name="digestOffset">Offset of the digest.</param>
        /// <param name="saltLength">Expected salt length sLen.</param>
        /// <param name="signature">Buffer holding the signature.</param>
        /// <param name="signatureOffset">Offset of the signature.</param>
        /// <param name="signatureLength">Signature length; anything but k is invalid.</param>
        /// <returns>Whether the signature is valid.</returns>
        public bool VerifyPss(RsaPublicKey key, RsaHash hash, byte[] digest, int digestOffset, int saltLength, byte[] signature,
            int signatureOffset, int signatureLength)
        {
            int k = RsaArgument.CheckKey(key, _maxBytes);
            RsaArgument.CheckRange(digest, digestOffset, RsaDigest.Length(hash));
            RsaArgument.CheckRange(signature, signatureOffset, signatureLength);
            if (saltLength < 0) throw new ArgumentOutOfRangeException(nameof(saltLength));
            if (signatureLength != k) return false;
            int emBits = key.BitLength - 1;
            int pad = k - EmsaPss.EncodedLength(emBits);
            // Step 2c: I2OSP(m, emLen) fails when m needs all k bytes but emLen = k - 1.
            bool ok = key.ApplyPublic(signature, signatureOffset, _em, 0)
                && (pad == 0 || _em[0] == 0)
                && _pss.Verify(hash, digest, digestOffset, saltLength, _em, pad, emBits);
            Array.Clear(_em, 0, k);
            return ok;
        }

        /// <summary>Wipes the scratch and hash states.</summary>
        public void Clear()
        {
            Array.Clear(_em, 0, _maxBytes);
            Array.Clear(_expected, 0, _maxBytes);
            _pss.Clear();
            _digest.Clear();
        }
    }
}
