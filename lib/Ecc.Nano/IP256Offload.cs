namespace NanoMikey.Ecc
{
    /// <summary>
    /// P-256 primitives run outside the interpreter (e.g. the ESP32 native crypto pack over mbedTLS, issue 15), selected at
    /// start-up with <see cref="P256Offload.Engine"/>. Keys travel as bytes in caller arrays: scalars 32 bytes big-endian,
    /// points SEC 1 uncompressed 0x04 || X || Y (65 bytes), signatures r || s (64 bytes). An implementation writes into the
    /// caller's arrays, allocates nothing, keeps no copy of a scalar, and runs in constant time in the scalar.
    /// </summary>
    public interface IP256Offload
    {
        /// <summary>
        /// Writes d*G as 65 bytes (SEC 1 §3.2.1); false for a scalar outside [1, n-1] or an engine failure (the callers pass
        /// only scalars in range, and then run the managed code).
        /// </summary>
        /// <param name="scalar">Buffer holding d.</param>
        /// <param name="scalarOffset">Offset of the 32 scalar bytes.</param>
        /// <param name="point">Output buffer.</param>
        /// <param name="pointOffset">Offset of the 65 output bytes.</param>
        /// <returns>True when the point was written.</returns>
        bool DerivePublicKey(byte[] scalar, int scalarOffset, byte[] point, int pointOffset);

        /// <summary>
        /// Validates an uncompressed point (SEC 1 §3.2.2.1: coordinates below p, on the curve; h = 1 so that is all).
        /// </summary>
        /// <param name="point">Buffer holding 0x04 || X || Y.</param>
        /// <param name="offset">Offset of the point.</param>
        /// <param name="length">Length of the point (only 65 can be valid).</param>
        /// <returns>True when the point is a valid public key.</returns>
        bool ValidatePoint(byte[] point, int offset, int length);

        /// <summary>
        /// Writes x(d*Q) (SEC 1 §3.3.1) after validating Q as <see cref="ValidatePoint"/> does; false, with nothing written,
        /// for an invalid Q or an infinite result.
        /// </summary>
        /// <param name="scalar">Buffer holding d.</param>
        /// <param name="scalarOffset">Offset of the 32 scalar bytes.</param>
        /// <param name="peer">Buffer holding the peer's point Q (uncompressed).</param>
        /// <param name="peerOffset">Offset of Q.</param>
        /// <param name="peerLength">Length of Q.</param>
        /// <param name="secret">Output buffer.</param>
        /// <param name="secretOffset">Offset of the 32 output bytes.</param>
        /// <returns>True when a secret was written.</returns>
        bool ComputeSharedSecret(byte[] scalar, int scalarOffset, byte[] peer, int peerOffset, int peerLength, byte[] secret, int secretOffset);

        /// <summary>
        /// ECDSA signature (SEC 1 §4.1.3) with the RFC 6979 nonce (HMAC-SHA-256) hedged by k' (§3.6), byte for byte what
        /// <see cref="EcdsaP256.SignHedged"/> writes; an empty k' is plain RFC 6979. False, with nothing written, when the
        /// engine failed: the caller then signs with the managed code.
        /// </summary>
        /// <param name="scalar">Buffer holding d.</param>
        /// <param name="scalarOffset">Offset of the 32 scalar bytes.</param>
        /// <param name="hash">Buffer holding the message hash.</param>
        /// <param name="hashOffset">Offset of the hash.</param>
        /// <param name="hashLength">Hash length in bytes.</param>
        /// <param name="extra">Extra data k' (never null; <paramref name="extraLength"/> 0 for none).</param>
        /// <param name="extraOffset">Offset of k'.</param>
        /// <param name="extraLength">Length of k'.</param>
        /// <param name="signature">Output buffer.</param>
        /// <param name="signatureOffset">Offset of the 64 output bytes.</param>
        /// <returns>True when the signature was written.</returns>
        bool SignHedged(byte[] scalar, int scalarOffset, byte[] hash, int hashOffset, int hashLength,
            byte[] extra, int extraOffset, int extraLength, byte[] signature, int signatureOffset);

        /// <summary>Verifies r || s over a hash (SEC 1 §4.1.4); false for r or s outside [1, n-1] or a wrong signature.</summary>
        /// <param name="point">Buffer holding the signer's validated point (uncompressed).</param>
        /// <param name="pointOffset">Offset of the point.</param>
        /// <param name="pointLength">Length of the point (65).</param>
        /// <param name="hash">Buffer holding the message hash.</param>
        /// <param name="hashOffset">Offset of the hash.</param>
        /// <param name="hashLength">Hash length in bytes.</param>
        /// <param name="signature">Buffer holding r || s.</param>
        /// <param name="signatureOffset">Offset of the 64 signature bytes.</param>
        /// <returns>True when the signature is valid.</returns>
        bool Verify(byte[] point, int pointOffset, int pointLength, byte[] hash, int hashOffset, int hashLength,
            byte[] signature, int signatureOffset);
    }
}
