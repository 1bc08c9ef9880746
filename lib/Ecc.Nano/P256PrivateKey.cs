using System;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// A P-256 private key: a scalar d in [1, n-1] and its public key d*G. Its operations (ECDH, signing, MQV) use the
    /// process-wide P-256 scratch under its lock (P256Workspace), so they allocate nothing; a key object is not
    /// thread-safe. <see cref="Clear"/> wipes the scalar and the scratch.
    /// </summary>
    public sealed class P256PrivateKey
    {
        /// <summary>Length of the encoded scalar (SEC 1 §2.3.7, 32 bytes big-endian).</summary>
        public const int ScalarLength = 32;

        /// <summary>The scalar d as plain limbs.</summary>
        internal readonly uint[] D = new uint[8];

        private readonly P256PublicKey _publicKey = new P256PublicKey();
        // Candidate staging shared by every key under P256Workspace.Sync and wiped after each use (per key it cost ~0.2 KB
        // of interpreter heap, issue 10 §2).
        private static readonly uint[] s_candidate = new uint[8];
        private static readonly byte[] s_buffer = new byte[32];
        private P256PublicKey? _peer;
        private bool _hasValue;

        /// <summary>Creates an empty key holder; fill it with <see cref="TryImport"/> or <see cref="Generate"/>.</summary>
        public P256PrivateKey()
        {
        }

        /// <summary>True once a scalar has been imported or generated.</summary>
        public bool HasValue
        {
            get { return _hasValue; }
        }

        /// <summary>The public key d*G (valid once <see cref="HasValue"/> is true).</summary>
        public P256PublicKey PublicKey
        {
            get { return _publicKey; }
        }

        /// <summary>A public-key holder used to decode a peer's point without allocating.</summary>
        internal P256PublicKey PeerScratch
        {
            get
            {
                if (_peer == null)
                {
                    _peer = new P256PublicKey();
                }

                return _peer;
            }
        }

        /// <summary>Imports a 32-byte big-endian scalar; returns null when it is not in [1, n-1].</summary>
        /// <param name="scalar">Buffer holding the scalar.</param>
        /// <param name="offset">Offset of the scalar.</param>
        /// <returns>The key, or null.</returns>
        public static P256PrivateKey? FromScalar(byte[] scalar, int offset)
        {
            var key = new P256PrivateKey();
            return key.TryImport(scalar, offset) ? key : null;
        }

        /// <summary>
        /// Imports a 32-byte big-endian scalar and derives the public key. Returns false (keeping the previous key) when the
        /// value is 0 or not below n (SEC 1 §3.2.1 range); no reduction is applied.
        /// </summary>
        /// <param name="scalar">Buffer holding the scalar.</param>
        /// <param name="offset">Offset of the scalar.</param>
        /// <returns>True when the scalar was valid.</returns>
        public bool TryImport(byte[] scalar, int offset)
        {
            P256PublicKey.CheckRange(scalar, offset, ScalarLength);
            lock (P256Workspace.Sync)
            {
                P256Field.FromBytes(s_candidate, scalar, offset);
                bool ok = P256Scalar.IsValidNonZero(s_candidate) != 0;
                if (ok)
                {
                    SetScalar(s_candidate);
                }

                Array.Clear(s_candidate, 0, 8);
                return ok;
            }
        }

        /// <summary>
        /// Generates a fresh key with the project's DRBG: 256-bit candidates until one lies in [1, n-1] (rejection sampling,
        /// FIPS 186-4 B.4.2; a candidate is rejected with probability below 2^-32).
        /// </summary>
        /// <param name="drbg">The DRBG.</param>
        public void Generate(HmacDrbg drbg)
        {
            if (drbg == null)
            {
                throw new ArgumentNullException(nameof(drbg));
            }

            lock (P256Workspace.Sync)
            {
                while (true)
                {
                    drbg.Generate(s_buffer, 0, 32);
                    if (TryImport(s_buffer, 0))
                    {
                        Array.Clear(s_buffer, 0, 32);
                        return;
                    }
                }
            }
        }

        /// <summary>Writes the scalar as 32 bytes big-endian.</summary>
        /// <param name="destination">Output buffer.</param>
        /// <param name="offset">Offset in <paramref name="destination"/>.</param>
        public void ExportScalar(byte[] destination, int offset)
        {
            P256PublicKey.CheckRange(destination, offset, ScalarLength);
            EnsureValue();
            P256Field.ToBytes(D, destination, offset);
        }

        /// <summary>Wipes the scalar, the public key and all scratch; the holder can be filled again.</summary>
        public void Clear()
        {
            _hasValue = false;
            Array.Clear(D, 0, 8);
            P256Workspace.WipeShared();
            _publicKey.Clear();
            if (_peer != null)
            {
                _peer.Clear();
            }
        }

        /// <summary>Throws when no scalar is held (a caller bug).</summary>
        internal void EnsureValue()
        {
            if (!_hasValue)
            {
                throw new InvalidOperationException("The private key holds no scalar.");
            }
        }

        private void SetScalar(uint[] d)
        {
            P256Field.Copy(D, d);
            IP256Offload? offload = P256Offload.Engine;
            if (offload != null && P256Offload.TryDerivePublicKey(offload, D, _publicKey))
            {
                _hasValue = true;
                return;
            }

            lock (P256Workspace.Sync)
            {
                P256Workspace w = P256Workspace.Shared;
                w.Engine.ScalarMultBase(w.Point0, D);
                w.Engine.ToAffine(w.Point0, w.A, w.B);
                _publicKey.SetAffine(w.A, w.B);
                w.Wipe();
            }

            _hasValue = true;
        }
    }
}
