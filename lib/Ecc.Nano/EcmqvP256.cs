using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// The ECMQV primitive on P-256 (SEC 1 §3.4, SP 800-56A §5.7.2.3): the shared secret is the x-coordinate of
    /// h * s * (Q2,V + avf(Q2,V) * Q1,V) with s = d2,U + avf(Q2,U) * d1,U mod n. Two-pass MQV uses both parties' static and
    /// ephemeral keys; one-pass MQV (SEC 1 §6.2, the MIKEY-ECMQV flow) lets the responder's static key serve as its
    /// ephemeral key too. Constant time in the private scalars; allocates nothing (scratch of the own static key).
    /// </summary>
    /// <remarks>
    /// Associate value (SEC 1 §3.4 steps 2 and 4): with f = ceil(log2 n) = 256, avf(Q) = (x mod 2^ceil(f/2)) + 2^ceil(f/2),
    /// that is the low 128 bits of the x-coordinate of Q with bit 128 set, so 2^128 &lt;= avf &lt; 2^129 &lt; n.
    /// Cofactor: P-256 has h = 1, so the multiplication by h is the identity and every validated point lies in the group
    /// of order n; the check "P is not infinity" (step 5) still runs.
    /// </remarks>
    public static class EcmqvP256
    {
        /// <summary>Length of the shared secret in bytes.</summary>
        public const int SecretLength = 32;

        /// <summary>
        /// Computes the MQV shared secret from party U's point of view (either party calls this with its own keys as U).
        /// Returns false, writing nothing, when the shared point is infinity.
        /// </summary>
        /// <param name="ownStatic">Own static key pair (d1,U, Q1,U).</param>
        /// <param name="ownEphemeral">Own ephemeral key pair (d2,U, Q2,U); the static key again for the one-pass responder.</param>
        /// <param name="peerStatic">The peer's validated static public key Q1,V.</param>
        /// <param name="peerEphemeral">The peer's validated ephemeral public key Q2,V; the peer's static key again for the one-pass initiator.</param>
        /// <param name="secret">Output buffer.</param>
        /// <param name="offset">Offset of the 32 output bytes.</param>
        /// <returns>True when a secret was written.</returns>
        public static bool ComputeSharedSecret(P256PrivateKey ownStatic, P256PrivateKey ownEphemeral,
            P256PublicKey peerStatic, P256PublicKey peerEphemeral, byte[] secret, int offset)
        {
            if (ownStatic == null)
            {
                throw new ArgumentNullException(nameof(ownStatic));
            }

            if (ownEphemeral == null)
            {
                throw new ArgumentNullException(nameof(ownEphemeral));
            }

            if (peerStatic == null)
            {
                throw new ArgumentNullException(nameof(peerStatic));
            }

            if (peerEphemeral == null)
            {
                throw new ArgumentNullException(nameof(peerEphemeral));
            }

            P256PublicKey.CheckRange(secret, offset, SecretLength);
            ownStatic.EnsureValue();
            ownEphemeral.EnsureValue();
            peerStatic.EnsureValue();
            peerEphemeral.EnsureValue();

            lock (P256Workspace.Sync)
            {
                P256Workspace w = P256Workspace.Shared;
                uint[] avfU = w.A, s = w.B, avfV = w.C, zero = w.D, x = w.E, y = w.F;

                // Steps 1-2: s = d2,U + avf(Q2,U) * d1,U mod n. avf(Q2,U) is public (from a public key) but s is secret:
                // constant-time scalar arithmetic. (avf R) * d * R^-1 = avf * d.
                AssociateValue(avfU, ownEphemeral.PublicKey.X);
                w.Engine.ScalarToMontgomery(avfU, avfU);
                w.Engine.ScalarMul(s, avfU, ownStatic.D);
                P256Scalar.Add(s, s, ownEphemeral.D);

                // Step 3: avf(Q2,V).
                AssociateValue(avfV, peerEphemeral.X);

                // Step 4: T = Q2,V + avf(Q2,V) * Q1,V. Public points and a public multiplier: variable time is fine here.
                Array.Clear(zero, 0, 8);
                w.Point1.SetAffine(peerStatic.X, peerStatic.Y);
                w.Engine.DoubleScalarMultVartime(w.Point0, zero, avfV, w.Point1);
                w.Point1.SetAffine(peerEphemeral.X, peerEphemeral.Y);
                w.Engine.Add(w.Point0, w.Point0, w.Point1);

                // P = h * s * T with h = 1, in constant time (s is secret).
                w.Engine.ScalarMult(w.Point1, w.Point0, s);

                // Step 5: reject infinity; z = xP.
                uint finite = w.Engine.ToAffine(w.Point1, x, y);
                bool ok = finite != 0;
                if (ok)
                {
                    P256Field.FromMontgomery(x, x);
                    P256Field.ToBytes(x, secret, offset);
                }

                w.Wipe();
                return ok;
            }
        }

        /// <summary>One-pass MQV, initiator side: own static and ephemeral keys, the responder's static key used twice.</summary>
        /// <param name="ownStatic">Initiator's static key pair.</param>
        /// <param name="ownEphemeral">Initiator's ephemeral key pair (its public key is sent, e.g. in ECCPTi).</param>
        /// <param name="peerStatic">Responder's static public key.</param>
        /// <param name="secret">Output buffer.</param>
        /// <param name="offset">Offset of the 32 output bytes.</param>
        /// <returns>True when a secret was written.</returns>
        public static bool ComputeOnePassInitiator(P256PrivateKey ownStatic, P256PrivateKey ownEphemeral, P256PublicKey peerStatic, byte[] secret, int offset)
        {
            return ComputeSharedSecret(ownStatic, ownEphemeral, peerStatic, peerStatic, secret, offset);
        }

        /// <summary>One-pass MQV, responder side: own static key used as static and ephemeral, the initiator's two public keys.</summary>
        /// <param name="ownStatic">Responder's static key pair.</param>
        /// <param name="peerStatic">Initiator's static public key.</param>
        /// <param name="peerEphemeral">Initiator's ephemeral public key.</param>
        /// <param name="secret">Output buffer.</param>
        /// <param name="offset">Offset of the 32 output bytes.</param>
        /// <returns>True when a secret was written.</returns>
        public static bool ComputeOnePassResponder(P256PrivateKey ownStatic, P256PublicKey peerStatic, P256PublicKey peerEphemeral, byte[] secret, int offset)
        {
            return ComputeSharedSecret(ownStatic, ownStatic, peerStatic, peerEphemeral, secret, offset);
        }

        /// <summary>avf = (x mod 2^128) + 2^128 as plain scalar limbs, from x in Montgomery form (SEC 1 §3.4 step 2).</summary>
        private static void AssociateValue(uint[] avf, uint[] xMontgomery)
        {
            P256Field.FromMontgomery(avf, xMontgomery);
            avf[4] = 1;
            avf[5] = 0;
            avf[6] = 0;
            avf[7] = 0;
        }
    }
}
