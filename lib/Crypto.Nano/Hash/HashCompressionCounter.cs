namespace NanoMikey.Crypto.Hash
{
    /// <summary>
    /// Diagnostics only: counts SHA-1/SHA-256 block compressions, so benchmarks can report the work of an exchange and project
    /// device time from it. One static increment per 64-byte block; not synchronised across threads.
    /// </summary>
    public static class HashCompressionCounter
    {
        private static long s_count;

        /// <summary>Compressions since the last <see cref="Reset"/>.</summary>
        public static long Count
        {
            get { return s_count; }
        }

        /// <summary>Sets the count to zero.</summary>
        public static void Reset()
        {
            s_count = 0;
        }

        internal static void Add()
        {
            s_count++;
        }
    }
}
