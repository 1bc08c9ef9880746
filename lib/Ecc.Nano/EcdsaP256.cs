using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// ECDSA over P-256 (SEC 1 §4.1, FIPS 186-4 §6) on a caller-computed hash (SHA-256 for ecdsa-with-SHA256), signatures as
    /// fixed 64-byte r || s (IEEE P1363). Signing uses RFC 6979 deterministic nonces (optionally hedged, §3.6), is constant
    /// time in the key and nonce, and does not normalise s (both s and n - s verify). Verification rejects r or s outside
    /// [1, n-1]. Neither allocates: scratch is the process-wide P256Workspace, used under its lock.
    /// </summary>
    /// <remarks>
    /// Nonces always use HMAC-SHA-256 (RFC 6979 with H = SHA-256). A hash of another length is accepted (bits2int takes its
    /// leftmost 256 bits), but then the nonces differ from RFC 6979's variant for that hash, which would use that hash in the HMAC.
    /// </remarks>
    public static class EcdsaP256
    {
        /// <summary>Length of a signature r || s in bytes.</summary>
        public const int SignatureLength = 64;

        /// <summary>Signs a hash with an RFC 6979 deterministic nonce and writes r || s.</summary>
        /// <param name="key">The private key.</param>
        /// <param name="hash">Buffer holding the message hash.</param>
        /// <param name="hashOffset">Offset of the hash.</param>
        /// <param name="hashLength">Hash length in bytes (32 for SHA-256; longer hashes are truncated to 256 bits, SEC 1 §4.1.3 step 5).</param>
        /// <param name="signature">Output buffer.</param>
        /// <param name="signatureOffset">Offset of the 64 output bytes.</param>
        public static void Sign(P256PrivateKey key, byte[] hash, int hashOffset, int hashLength, byte[] signature, int signatureOffset)
        {
            SignHedged(key, hash, hashOffset, hashLength, null, 0, 0, signature, signatureOffset);
        }

        /// <summary>
        /// Signs with RFC 6979 nonces hedged by extra data k' (RFC 6979 §3.6), e.g. fresh DRBG output against fault attacks;
        /// with no extra data this is <see cref="Sign"/>.
        /// </summary>
        /// <param name="key">The private key.</param>
        /// <param name="hash">Buffer holding the message hash.</param>
        /// <param name="hashOffset">Offset of the hash.</param>
        /// <param name="hashLength">Hash length in bytes.</param>
        /// <param name="extra">Extra data k', or null.</param>
        /// <param name="extraOffset">Offset of k'.</param>
        /// <param name="extraLength">Length of k'.</param>
        /// <param name="signature">Output buffer.</param>
        /// <param name="signatureOffset">Offset of the 64 output bytes.</param>
        public static void SignHedged(P256PrivateKey key, byte[] hash, int hashOffset, int hashLength,
            byte[]? extra, int extraOffset, int extraLength, byte[] signature, int signatureOffset)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            P256PublicKey.CheckRange(hash, hashOffset, hashLength);
            P256PublicKey.CheckRange(signature, signatureOffset, SignatureLength);
            if (extra != null)
            {
                P256PublicKey.CheckRange(extra, extraOffset, extraLength);
            }

            key.EnsureValue();
            IP256Offload? offload = P256Offload.Engine;
            if (offload != null
                && P256Offload.TrySignHedged(offload, key, hash, hashOffset, hashLength, extra, extraOffset, extraLength, signature, signatureOffset))
            {
                return;
            }

            lock (P256Workspace.Sync)
            {
                P256Workspace w = P256Workspace.Shared;
                uint[] e = w.A, k = w.B, r = w.C, s = w.D, t = w.E, u = w.F;

                // e = bits2int(H) mod n; RFC 6979 feeds the same value as bits2octets(H).
                HashToScalar(hash, hashOffset, hashLength, w.Bytes, e);
                P256Field.ToBytes(e, w.Bytes, 0);
                P256Field.ToBytes(key.D, w.Bytes2, 0);
                Rfc6979Nonce nonce = w.Nonce;
                nonce.Init(w.Bytes2, w.Bytes, extra, extraOffset, extraLength);
                Array.Clear(w.Bytes2, 0, 32);
                while (true)
                {
                    nonce.Next(k);

                    // SEC 1 §4.1.3 steps 1-3: R = kG, r = xR mod n (xR < p < 2n, so one conditional subtraction).
                    w.Engine.ScalarMultBase(w.Point0, k);
                    w.Engine.ToAffine(w.Point0, t, u);
                    P256Field.FromMontgomery(t, t);
                    P256Scalar.ReduceOnce(r, t);
                    if (P256Field.IsZero(r) != 0)
                    {
                        continue;
                    }

                    // Step 6: s = k^-1 (e + r d) mod n. r*d: (r R) * d * R^-1 = r d; k^-1 in Montgomery form times the sum is plain.
                    w.Engine.ScalarToMontgomery(t, r);
                    w.Engine.ScalarMul(t, t, key.D);
                    P256Scalar.Add(t, t, e);
                    w.Engine.InvertScalar(u, k);
                    w.Engine.ScalarToMontgomery(u, u);
                    w.Engine.ScalarMul(s, u, t);
                    if (P256Field.IsZero(s) != 0)
                    {
                        continue;
                    }

                    break;
                }

                P256Field.ToBytes(r, signature, signatureOffset);
                P256Field.ToBytes(s, signature, signatureOffset + 32);
                w.Wipe();
            }
        }

        /// <summary>
        /// Verifies an r || s signature over a hash (SEC 1 §4.1.4). Returns false for r or s outside [1, n-1] or a wrong
        /// signature; never throws for bad signature bytes. Variable time (public data only).
        /// </summary>
        /// <param name="key">The signer's validated public key.</param>
        /// <param name="hash">Buffer holding the message hash.</param>
        /// <param name="hashOffset">Offset of the hash.</param>
        /// <param name="hashLength">Hash length in bytes.</param>
        /// <param name="signature">Buffer holding r || s.</param>
        /// <param name="signatureOffset">Offset of the 64 signature bytes.</param>
        /// <returns>True when the signature is valid.</returns>
        public static bool Verify(P256PublicKey key, byte[] hash, int hashOffset, int hashLength, byte[] signature, int signatureOffset)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            P256PublicKey.CheckRange(hash, hashOffset, hashLength);
            P256PublicKey.CheckRange(signature, signatureOffset, SignatureLength);
            key.EnsureValue();
            IP256Offload? offload = P256Offload.Engine;
            if (offload != null)
            {
                return P256Offload.Verify(offload, key, hash, hashOffset, hashLength, signature, signatureOffset);
            }

            lock (P256Workspace.Sync)
            {
                P256Workspace w = P256Workspace.Shared;
                uint[] e = w.A, r = w.B, s = w.C, u1 = w.D, u2 = w.E, t = w.F;

                // Step 1: r, s in [1, n-1].
                P256Field.FromBytes(r, signature, signatureOffset);
                P256Field.FromBytes(s, signature, signatureOffset + 32);
                if ((P256Scalar.IsValidNonZero(r) & P256Scalar.IsValidNonZero(s)) == 0)
                {
                    return false;
                }

                // Steps 2-4: e; u1 = e s^-1, u2 = r s^-1 (s^-1 in Montgomery form times a plain value gives a plain value).
                HashToScalar(hash, hashOffset, hashLength, w.Bytes, e);
                w.Engine.InvertScalarVartime(t, s);
                w.Engine.ScalarToMontgomery(t, t);
                w.Engine.ScalarMul(u1, e, t);
                w.Engine.ScalarMul(u2, r, t);

                // Step 5: R = u1 G + u2 Q; reject infinity.
                w.Point1.SetAffine(key.X, key.Y);
                w.Engine.DoubleScalarMultVartime(w.Point0, u1, u2, w.Point1);
                if (w.Point0.IsInfinity() != 0)
                {
                    return false;
                }

                // Steps 6-8: xR mod n == r, checked without an inversion as X == r Z^2 (mod p, Jacobian xR = X / Z^2), and,
                // when r + n < p, X == (r + n) Z^2, since xR in [0, p) reduces to r exactly for xR = r or xR = r + n.
                P256Field.Sqr(u1, w.Point0.Z);
                P256Field.ToMontgomery(t, r);
                P256Field.Mul(t, t, u1);
                if (P256Field.Equal(t, w.Point0.X) != 0)
                {
                    return true;
                }

                if (AddN(t, r) && P256Field.LessThan(t, P256Field.P) != 0)
                {
                    P256Field.ToMontgomery(t, t);
                    P256Field.Mul(t, t, u1);
                    return P256Field.Equal(t, w.Point0.X) != 0;
                }

                return false;
            }
        }

        /// <summary>
        /// e = bits2int(H) mod n (SEC 1 §4.1.3 step 5, RFC 6979 §2.3.2): the leftmost 256 bits of the hash, a shorter hash
        /// left-padded, then reduced once (2^256 &lt; 2n).
        /// </summary>
        internal static void HashToScalar(byte[] hash, int offset, int length, byte[] block, uint[] e)
        {
            Array.Clear(block, 0, 32);
            if (length >= 32)
            {
                Array.Copy(hash, offset, block, 0, 32);
            }
            else
            {
                Array.Copy(hash, offset, block, 32 - length, length);
            }

            P256Field.FromBytes(e, block, 0);
            P256Scalar.ReduceOnce(e, e);
        }

        /// <summary>r = a + n as a 256-bit value; false when it overflows 2^256.</summary>
        private static bool AddN(uint[] r, uint[] a)
        {
            ulong c = 0;
            for (int i = 0; i < 8; i++)
            {
                c += (ulong)a[i] + P256Scalar.N[i];
                r[i] = (uint)c;
                c >>= 32;
            }

            return c == 0;
        }
    }
}
