using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// Elliptic-curve Diffie-Hellman on P-256 (SEC 1 §3.3.1): the shared secret is the x-coordinate of d * Q.
    /// Runs in constant time in the private scalar and allocates nothing (the private key object owns the scratch).
    /// </summary>
    public static class EcdhP256
    {
        /// <summary>Length of the shared secret in bytes.</summary>
        public const int SecretLength = 32;

        /// <summary>
        /// Computes x(d * Q) into <paramref name="secret"/>. Returns false, writing nothing, when the result is infinity
        /// (SEC 1 §3.3.1 step 2) or all zeros: the point with x = 0 is on P-256, and refusing it is this project's policy
        /// (Wycheproof calls that case valid; the chance of hitting it honestly is 2^-256).
        /// </summary>
        /// <param name="privateKey">Own private key d.</param>
        /// <param name="peer">The peer's validated public key Q.</param>
        /// <param name="secret">Output buffer.</param>
        /// <param name="offset">Offset in <paramref name="secret"/> of the 32 output bytes.</param>
        /// <returns>True when a secret was written.</returns>
        public static bool ComputeSharedSecret(P256PrivateKey privateKey, P256PublicKey peer, byte[] secret, int offset)
        {
            if (privateKey == null)
            {
                throw new ArgumentNullException(nameof(privateKey));
            }

            if (peer == null)
            {
                throw new ArgumentNullException(nameof(peer));
            }

            P256PublicKey.CheckRange(secret, offset, SecretLength);
            privateKey.EnsureValue();
            peer.EnsureValue();
            IP256Offload? offload = P256Offload.Engine;
            if (offload != null)
            {
                return P256Offload.ComputeSharedSecret(offload, privateKey, peer, secret, offset);
            }

            lock (P256Workspace.Sync)
            {
                P256Workspace w = P256Workspace.Shared;
                w.Point0.SetAffine(peer.X, peer.Y);
                w.Engine.ScalarMult(w.Point1, w.Point0, privateKey.D);
                uint finite = w.Engine.ToAffine(w.Point1, w.A, w.B);
                P256Field.FromMontgomery(w.C, w.A);
                uint nonZero = ~P256Field.IsZero(w.C);
                bool ok = (finite & nonZero) != 0;
                if (ok)
                {
                    P256Field.ToBytes(w.C, secret, offset);
                }

                w.Point1.Wipe();
                Array.Clear(w.A, 0, 8);
                Array.Clear(w.B, 0, 8);
                Array.Clear(w.C, 0, 8);
                w.Engine.Wipe();
                return ok;
            }
        }

        /// <summary>
        /// Decodes and validates the peer's SEC 1 point (SEC 1 §3.2.2.1), then computes the shared secret. Returns false,
        /// writing nothing, for an invalid point or an invalid result.
        /// </summary>
        /// <param name="privateKey">Own private key d.</param>
        /// <param name="peerPoint">Buffer holding the peer's encoded point.</param>
        /// <param name="peerOffset">Offset of the point.</param>
        /// <param name="peerLength">Length of the point (65 or 33).</param>
        /// <param name="secret">Output buffer.</param>
        /// <param name="offset">Offset in <paramref name="secret"/> of the 32 output bytes.</param>
        /// <returns>True when a secret was written.</returns>
        public static bool ComputeSharedSecret(P256PrivateKey privateKey, byte[] peerPoint, int peerOffset, int peerLength, byte[] secret, int offset)
        {
            if (privateKey == null)
            {
                throw new ArgumentNullException(nameof(privateKey));
            }

            P256PublicKey.CheckRange(peerPoint, peerOffset, peerLength);
            P256PublicKey.CheckRange(secret, offset, SecretLength);
            IP256Offload? offload = P256Offload.Engine;
            if (offload != null && peerLength == P256PublicKey.UncompressedLength && peerPoint[peerOffset] == 0x04)
            {
                // The engine validates the point itself (SEC 1 §3.2.2.1): no import, no second check.
                privateKey.EnsureValue();
                return P256Offload.ComputeSharedSecret(offload, privateKey, peerPoint, peerOffset, peerLength, secret, offset);
            }

            P256PublicKey peer = privateKey.PeerScratch;
            if (!peer.TryImport(peerPoint, peerOffset, peerLength))
            {
                return false;
            }

            bool ok = ComputeSharedSecret(privateKey, peer, secret, offset);
            peer.Clear();
            return ok;
        }
    }
}
