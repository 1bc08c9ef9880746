using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Rsa;

namespace NanoMikey.Mikey.Rsa
{
    /// <summary>
    /// SIGN of the RSA modes (RFC 3830 §5.2, §6.5; RFC 4738 §3.6): RSASSA-PKCS1-v1_5 (S type 0) or RSASSA-PSS (S type 1,
    /// salt as long as the hash, MGF1 with the same hash) over the hash of the signed bytes — the message from its first byte
    /// up to the Signature field, then (RSA-R's SIGNr) the appended identities and timestamp. RFC 3830 names no hash; the
    /// modes default to SHA-256 (SHA-1, MIKEY's default hash of §4.2.1 and minisip's choice, is selectable). Owns its hash
    /// state and scratch; no allocation.
    /// </summary>
    internal sealed class RsaMessageSignature
    {
        private readonly RsaSignature _rsa;
        private readonly Sha256 _sha256 = new Sha256();
        private readonly Sha1 _sha1 = new Sha1();
        private readonly byte[] _digest = new byte[Sha256.HashSize];
        private readonly byte[] _salt = new byte[Sha256.HashSize];

        internal RsaMessageSignature(int maxBits)
        {
            _rsa = new RsaSignature(maxBits);
        }

        /// <summary>True for the S types this class implements (RFC 3830 §6.5: 0 PKCS#1 v1.5, 1 PSS).</summary>
        internal static bool Supports(SignatureType type)
        {
            return type == SignatureType.RsaPkcs1 || type == SignatureType.RsaPss;
        }

        /// <summary>Starts the hash of the signed bytes.</summary>
        internal void Begin(RsaHash hash)
        {
            if (hash == RsaHash.Sha1) _sha1.Reset();
            else _sha256.Reset();
        }

        /// <summary>Adds signed bytes.</summary>
        internal void Update(RsaHash hash, byte[] data, int offset, int length)
        {
            if (hash == RsaHash.Sha1) _sha1.Update(data, offset, length);
            else _sha256.Update(data, offset, length);
        }

        /// <summary>
        /// Signs what <see cref="Update"/> was given into <paramref name="signature"/> (k bytes); the PSS salt comes from
        /// <paramref name="random"/>. False when the key cannot sign (fault check failed).
        /// </summary>
        internal bool Sign(RsaPrivateKey key, SignatureType type, RsaHash hash, HmacDrbg random, byte[] signature, int signatureOffset)
        {
            Final(hash);
            bool ok;
            if (type == SignatureType.RsaPss)
            {
                int h = HashLength(hash);
                random.Generate(_salt, 0, h);
                ok = _rsa.SignPss(key, hash, _digest, 0, _salt, 0, h, signature, signatureOffset);
            }
            else
            {
                ok = _rsa.SignPkcs1(key, hash, _digest, 0, signature, signatureOffset);
            }

            SecureMemory.Wipe(_digest);
            return ok;
        }

        /// <summary>Verifies a signature of <paramref name="length"/> bytes over what <see cref="Update"/> was given.</summary>
        internal bool Verify(RsaPublicKey key, SignatureType type, RsaHash hash, byte[] signature, int signatureOffset, int length)
        {
            Final(hash);
            if (length != key.ModulusLength) return false;
            if (type == SignatureType.RsaPss) return _rsa.VerifyPss(key, hash, _digest, 0, HashLength(hash), signature, signatureOffset, length);
            return type == SignatureType.RsaPkcs1 && _rsa.VerifyPkcs1(key, hash, _digest, 0, signature, signatureOffset, length);
        }

        internal static int HashLength(RsaHash hash)
        {
            return hash == RsaHash.Sha1 ? Sha1.HashSize : Sha256.HashSize;
        }

        private void Final(RsaHash hash)
        {
            if (hash == RsaHash.Sha1) _sha1.Final(_digest, 0);
            else _sha256.Final(_digest, 0);
        }
    }
}
