using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// Start-up selection of a P-256 engine outside the interpreter (issue 15). While <see cref="Engine"/> is null (the
    /// default) every P-256 operation runs the managed code unchanged. Once set, key derivation, point validation, ECDH and
    /// ECDSA sign/verify of <see cref="P256PrivateKey"/>, <see cref="P256PublicKey"/>, <see cref="EcdhP256"/> and
    /// <see cref="EcdsaP256"/> go to it, and the managed P-256 workspace and base table are never built (issue 10 §2);
    /// compressed points and ECMQV stay managed. Keys keep their managed representation, so the engine may be changed
    /// between operations; set it once at start-up, before the first key is loaded.
    /// </summary>
    public static class P256Offload
    {
        private static readonly object s_sync = new object();
        private static IP256Offload? s_engine;

        // Byte forms of the operands, under s_sync; the scalar and the secret are wiped before the lock is left.
        private static byte[]? s_scalar;
        private static byte[]? s_point;
        private static byte[]? s_secret;

        /// <summary>The engine P-256 operations go to, or null for the managed code.</summary>
        public static IP256Offload? Engine
        {
            get { return s_engine; }
            set { s_engine = value; }
        }

        /// <summary>
        /// publicKey = d*G through the engine (a scalar the managed range check accepted); false when the engine failed
        /// (the caller then runs the managed code).
        /// </summary>
        internal static bool TryDerivePublicKey(IP256Offload engine, uint[] d, P256PublicKey publicKey)
        {
            lock (s_sync)
            {
                Scratch();
                P256Field.ToBytes(d, s_scalar!, 0);
                bool ok = engine.DerivePublicKey(s_scalar!, 0, s_point!, 0);
                Array.Clear(s_scalar!, 0, 32);
                if (ok)
                {
                    publicKey.LoadValidated(s_point!, 0);
                }

                return ok;
            }
        }

        /// <summary>Validates 0x04 || x || y (the coordinates as given) through the engine.</summary>
        internal static bool ValidatePoint(IP256Offload engine, byte[] x, int xOffset, byte[] y, int yOffset)
        {
            lock (s_sync)
            {
                Scratch();
                byte[] p = s_point!;
                p[0] = 0x04;
                Array.Copy(x, xOffset, p, 1, 32);
                Array.Copy(y, yOffset, p, 33, 32);
                return engine.ValidatePoint(p, 0, P256PublicKey.UncompressedLength);
            }
        }

        /// <summary>x(d*Q) through the engine for a held peer key; false (nothing written) when infinite or zero.</summary>
        internal static bool ComputeSharedSecret(IP256Offload engine, P256PrivateKey key, P256PublicKey peer, byte[] secret, int offset)
        {
            lock (s_sync)
            {
                Scratch();
                return SharedSecret(engine, key, Encoding(peer), 0, P256PublicKey.UncompressedLength, secret, offset);
            }
        }

        /// <summary>x(d*Q) through the engine for an encoded uncompressed peer point, which the engine validates.</summary>
        internal static bool ComputeSharedSecret(IP256Offload engine, P256PrivateKey key, byte[] peer, int peerOffset, int peerLength, byte[] secret, int offset)
        {
            lock (s_sync)
            {
                Scratch();
                return SharedSecret(engine, key, peer, peerOffset, peerLength, secret, offset);
            }
        }

        /// <summary>RFC 6979 (hedged) signature through the engine; false when the engine failed (then the managed code signs).</summary>
        internal static bool TrySignHedged(IP256Offload engine, P256PrivateKey key, byte[] hash, int hashOffset, int hashLength,
            byte[]? extra, int extraOffset, int extraLength, byte[] signature, int signatureOffset)
        {
            lock (s_sync)
            {
                Scratch();
                P256Field.ToBytes(key.D, s_scalar!, 0);
                if (extra == null)
                {
                    // No k': any array with length 0 (the interface takes no null).
                    extra = s_secret!;
                    extraOffset = 0;
                    extraLength = 0;
                }

                bool ok = engine.SignHedged(s_scalar!, 0, hash, hashOffset, hashLength, extra, extraOffset, extraLength, signature, signatureOffset);
                Array.Clear(s_scalar!, 0, 32);
                return ok;
            }
        }

        /// <summary>Signature verification through the engine.</summary>
        internal static bool Verify(IP256Offload engine, P256PublicKey key, byte[] hash, int hashOffset, int hashLength, byte[] signature, int signatureOffset)
        {
            lock (s_sync)
            {
                Scratch();
                return engine.Verify(Encoding(key), 0, P256PublicKey.UncompressedLength, hash, hashOffset, hashLength, signature, signatureOffset);
            }
        }

        // Under s_sync. The all-zero x is refused as on the managed path (EcdhP256), compared without a secret branch.
        private static bool SharedSecret(IP256Offload engine, P256PrivateKey key, byte[] peer, int peerOffset, int peerLength, byte[] secret, int offset)
        {
            byte[] s = s_secret!;
            P256Field.ToBytes(key.D, s_scalar!, 0);
            bool ok = engine.ComputeSharedSecret(s_scalar!, 0, peer, peerOffset, peerLength, s, 0);
            Array.Clear(s_scalar!, 0, 32);
            if (!ok)
            {
                Array.Clear(s, 0, 32);
                return false;
            }

            int any = 0;
            for (int i = 0; i < 32; i++)
            {
                any |= s[i];
            }

            ok = any != 0;
            if (ok)
            {
                Array.Copy(s, 0, secret, offset, 32);
            }

            Array.Clear(s, 0, 32);
            return ok;
        }

        // Under s_sync: the key's engine encoding, or (a key imported while no engine was selected) its export in s_point.
        private static byte[] Encoding(P256PublicKey key)
        {
            byte[]? e = key.Encoded;
            if (e != null)
            {
                return e;
            }

            key.ExportUncompressed(s_point!, 0);
            return s_point!;
        }

        private static void Scratch()
        {
            if (s_scalar == null)
            {
                s_scalar = new byte[32];
                s_point = new byte[P256PublicKey.UncompressedLength];
                s_secret = new byte[32];
            }
        }
    }
}
