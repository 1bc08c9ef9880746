using NanoMikey.Crypto;
using NanoMikey.Crypto.Hash;
using NanoMikey.Ecc;

namespace NanoMikey.Mikey.Ecc
{
    /// <summary>
    /// SIGN of the ECC profile (docs/ecc-profile.md §1.3): ECDSA P-256 over SHA-256 of the message from its first byte up to
    /// the Signature field (RFC 3830 §5.2), r ‖ s, RFC 6979 nonce. Owns its hash state; no allocation.
    /// </summary>
    internal sealed class MessageSignature
    {
        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _hash = new byte[Sha256.HashSize];

        internal void Sign(P256PrivateKey key, byte[] message, int offset, int coveredLength, byte[] signature, int signatureOffset)
        {
            Digest(message, offset, coveredLength);
            EcdsaP256.Sign(key, _hash, 0, Sha256.HashSize, signature, signatureOffset);
            SecureMemory.Wipe(_hash);
        }

        internal bool Verify(P256PublicKey key, byte[] message, int offset, int coveredLength, int signatureOffset)
        {
            Digest(message, offset, coveredLength);
            return EcdsaP256.Verify(key, _hash, 0, Sha256.HashSize, message, signatureOffset);
        }

        private void Digest(byte[] message, int offset, int length)
        {
            _sha.Reset();
            _sha.Update(message, offset, length);
            _sha.Final(_hash, 0);
        }
    }
}
