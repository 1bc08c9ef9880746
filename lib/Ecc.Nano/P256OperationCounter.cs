namespace NanoMikey.Ecc
{
    /// <summary>
    /// Diagnostics only: counts P-256 field multiplications, squarings and constant-time selects, and folds their order
    /// into a running trace, so tests can show that secret-dependent operations run the same sequence for every input
    /// and benchmarks can project device time. Each count is one static increment; not synchronised across threads.
    /// </summary>
    public static class P256OperationCounter
    {
        private static int s_multiplications;
        private static int s_squarings;
        private static int s_selects;
        private static uint s_trace;

        /// <summary>Field multiplications (mod p) since the last <see cref="Reset"/>.</summary>
        public static int Multiplications
        {
            get { return s_multiplications; }
        }

        /// <summary>Field squarings (mod p) since the last <see cref="Reset"/>.</summary>
        public static int Squarings
        {
            get { return s_squarings; }
        }

        /// <summary>Constant-time conditional copies of field elements since the last <see cref="Reset"/>.</summary>
        public static int Selects
        {
            get { return s_selects; }
        }

        /// <summary>A rolling hash of the order of multiplications, squarings and selects since the last <see cref="Reset"/>.</summary>
        public static uint Trace
        {
            get { return s_trace; }
        }

        /// <summary>Sets every count and the trace to zero.</summary>
        public static void Reset()
        {
            s_multiplications = 0;
            s_squarings = 0;
            s_selects = 0;
            s_trace = 0;
        }

        internal static void CountMul()
        {
            s_multiplications++;
            s_trace = (s_trace * 0x01000193) ^ 1;
        }

        internal static void CountSqr()
        {
            s_squarings++;
            s_trace = (s_trace * 0x01000193) ^ 2;
        }

        internal static void CountSelect()
        {
            s_selects++;
            s_trace = (s_trace * 0x01000193) ^ 3;
        }
    }
}
