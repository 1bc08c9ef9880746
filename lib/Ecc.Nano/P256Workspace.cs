using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// Everything a P-256 operation needs to run without allocating: a group engine, two points, scalar and field scratch,
    /// a byte block. One instance, <see cref="Shared"/>, serves every key of the process (one per key cost 6.6–13 KB of
    /// heap each, issue 10 §2). Threading rule: code touches it only inside <c>lock (P256Workspace.Sync)</c> for a whole
    /// operation (ECDH, ECDSA sign/verify, MQV, point import), so operations on different threads run one after the other
    /// and never see each other's intermediates; each operation wipes its secret intermediates before it leaves the lock.
    /// </summary>
    internal sealed class P256Workspace
    {
        /// <summary>The lock every user of <see cref="Shared"/> holds for the whole operation.</summary>
        internal static readonly object Sync = new object();

        private static P256Workspace? s_shared;

        /// <summary>The process-wide workspace, created on first use (call only while holding <see cref="Sync"/>).</summary>
        internal static P256Workspace Shared
        {
            get
            {
                if (s_shared == null)
                {
                    s_shared = new P256Workspace();
                }

                return s_shared;
            }
        }

        /// <summary>Wipes the shared workspace if it exists (a key being cleared); takes <see cref="Sync"/>.</summary>
        internal static void WipeShared()
        {
            lock (Sync)
            {
                if (s_shared != null)
                {
                    s_shared.Wipe();
                }
            }
        }

        /// <summary>Whether the shared workspace exists (tests: it is made on demand and dropped by P256.ReleaseScratch).</summary>
        internal static bool SharedExists => s_shared != null;

        /// <summary>Wipes and drops the shared workspace; the next user makes a new one (call only while holding <see cref="Sync"/>).</summary>
        internal static void ReleaseShared()
        {
            if (s_shared != null)
            {
                s_shared.Wipe();
                s_shared = null;
            }
        }

        /// <summary>Group arithmetic and its scratch.</summary>
        internal readonly P256Engine Engine = new P256Engine();

        /// <summary>Point scratch.</summary>
        internal readonly P256Point Point0 = new P256Point();

        /// <summary>Point scratch.</summary>
        internal readonly P256Point Point1 = new P256Point();

        /// <summary>Scalar or field scratch.</summary>
        internal readonly uint[] A = new uint[8];

        /// <summary>Scalar or field scratch.</summary>
        internal readonly uint[] B = new uint[8];

        /// <summary>Scalar or field scratch.</summary>
        internal readonly uint[] C = new uint[8];

        /// <summary>Scalar or field scratch.</summary>
        internal readonly uint[] D = new uint[8];

        /// <summary>Scalar or field scratch.</summary>
        internal readonly uint[] E = new uint[8];

        /// <summary>Scalar or field scratch.</summary>
        internal readonly uint[] F = new uint[8];

        /// <summary>32-byte scratch (one coordinate or scalar).</summary>
        internal readonly byte[] Bytes = new byte[32];

        /// <summary>Second 32-byte scratch.</summary>
        internal readonly byte[] Bytes2 = new byte[32];

        private Rfc6979Nonce? _nonce;

        /// <summary>The RFC 6979 nonce generator, created on the first signature.</summary>
        internal Rfc6979Nonce Nonce
        {
            get
            {
                if (_nonce == null)
                {
                    _nonce = new Rfc6979Nonce();
                }

                return _nonce;
            }
        }

        /// <summary>Wipes every scratch value (secret intermediates included).</summary>
        internal void Wipe()
        {
            Engine.Wipe();
            Point0.Wipe();
            Point1.Wipe();
            Array.Clear(A, 0, 8);
            Array.Clear(B, 0, 8);
            Array.Clear(C, 0, 8);
            Array.Clear(D, 0, 8);
            Array.Clear(E, 0, 8);
            Array.Clear(F, 0, 8);
            Array.Clear(Bytes, 0, 32);
            Array.Clear(Bytes2, 0, 32);
            if (_nonce != null)
            {
                _nonce.Wipe();
            }
        }
    }
}
