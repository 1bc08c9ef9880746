namespace NanoMikey.Ecc
{
    /// <summary>
    /// Process-wide P-256 memory settings for small devices (issue 10 §2: the heap of an intercom on the interpreter).
    /// The P-256 scratch (engine, points, the RFC 6979 nonce generator) and the generator's precomputed tables live on
    /// the heap from the first operation on; a device that does no ECC between key exchanges releases them with
    /// <see cref="ReleaseScratch"/>, and a device short of heap turns the fixed-base comb off.
    /// </summary>
    public static class P256
    {
        private static bool s_fixedBaseComb = true;

        /// <summary>
        /// Whether P-256 uses the generator's precomputed tables, made on first use: the fixed-base comb for key generation
        /// and signing (124 multiples of G, 8 KB of heap) and G's odd multiples for verification (2 KB). Off: k·G by the
        /// variable-base ladder over G (signing about 2.7× slower on the interpreter) and verification with 1G..15G built
        /// per call. On by default. Turning it off drops the tables; both ways give the same results, and k·G stays
        /// constant time.
        /// </summary>
        public static bool FixedBaseComb
        {
            get
            {
                return s_fixedBaseComb;
            }

            set
            {
                lock (P256Workspace.Sync)
                {
                    s_fixedBaseComb = value;
                    if (!value)
                    {
                        P256BaseTable.Release();
                    }
                }
            }
        }

        /// <summary>
        /// Wipes and drops the P-256 scratch and the heap copies of the generator's tables (about 7 KB with the tables off,
        /// 17 KB with them). Keys stay valid: the next operation makes the scratch again (allocating once). Call it after a
        /// key exchange when no ECC follows until the next one (an intercom does none until it re-keys).
        /// </summary>
        public static void ReleaseScratch()
        {
            lock (P256Workspace.Sync)
            {
                P256Workspace.ReleaseShared();
                P256BaseTable.Release();
            }
        }
    }
}
