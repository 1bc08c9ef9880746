using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// Everything one key object needs to run its operations without allocating: a group engine, two points,
    /// scalar and field scratch, a byte block. Created once per key object; not thread-safe.
    /// </summary>
    internal sealed class P256Workspace
    {
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
