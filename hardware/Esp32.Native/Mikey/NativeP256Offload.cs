using NanoMikey.Ecc;
using NanoMikey.Esp32.NativeCrypto;

namespace NanoMikey.Esp32.Native.Mikey
{
    /// <summary>
    /// P-256 of the native crypto pack (mbedTLS) behind <see cref="IP256Offload"/>: select it with
    /// <c>P256Offload.Engine = new NativeP256Offload()</c> once <see cref="Selection.NativeCryptoSelection.Select"/> reported the
    /// pack. Every operation is one native call on the caller's arrays; the private scalar never leaves the caller's array
    /// (<see cref="P256Offload"/> owns and wipes it). Point validation has no extern of its own: it is an ECDH with the
    /// scalar 1, which validates the point first (SEC 1 §3.2.2.1) exactly as every agreement does.
    /// </summary>
    public sealed class NativeP256Offload : IP256Offload
    {
        // P256Ecdh status (NativeCryptoPack): 0 ok.
        private const int Ok = 0;

        // The scalar 1 for point validation (public), and where its result (the point's public x) goes, wiped after.
        private readonly byte[] _one = new byte[32];
        private readonly byte[] _x = new byte[32];

        /// <summary>Creates the adapter (no native resource is held).</summary>
        public NativeP256Offload()
        {
            _one[31] = 1;
        }

        /// <inheritdoc />
        public bool DerivePublicKey(byte[] scalar, int scalarOffset, byte[] point, int pointOffset)
        {
            return NativeCryptoPack.P256PublicKey(scalar, scalarOffset, point, pointOffset) == Ok;
        }

        /// <inheritdoc />
        public bool ValidatePoint(byte[] point, int offset, int length)
        {
            bool ok = NativeCryptoPack.P256Ecdh(_one, 0, point, offset, length, _x, 0) == Ok;
            System.Array.Clear(_x, 0, 32);
            return ok;
        }

        /// <inheritdoc />
        public bool ComputeSharedSecret(byte[] scalar, int scalarOffset, byte[] peer, int peerOffset, int peerLength, byte[] secret, int secretOffset)
        {
            return NativeCryptoPack.P256Ecdh(scalar, scalarOffset, peer, peerOffset, peerLength, secret, secretOffset) == Ok;
        }

        /// <inheritdoc />
        public bool SignHedged(byte[] scalar, int scalarOffset, byte[] hash, int hashOffset, int hashLength,
            byte[] extra, int extraOffset, int extraLength, byte[] signature, int signatureOffset)
        {
            return NativeCryptoPack.P256Sign(scalar, scalarOffset, hash, hashOffset, hashLength, extra, extraOffset, extraLength, signature, signatureOffset) == Ok;
        }

        /// <inheritdoc />
        public bool Verify(byte[] point, int pointOffset, int pointLength, byte[] hash, int hashOffset, int hashLength, byte[] signature, int signatureOffset)
        {
            return NativeCryptoPack.P256Verify(point, pointOffset, pointLength, hash, hashOffset, hashLength, signature, signatureOffset, EcdsaP256.SignatureLength) == 1;
        }
    }
}
