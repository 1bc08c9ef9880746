using System;
using System.Diagnostics;

namespace NanoMikey.Cli.Bench
{
    /// <summary>An operation a benchmark times: called with how many times to run.</summary>
    public delegate void TimedLoop(int iterations);

    /// <summary>One timed operation: nanoseconds per call and bytes allocated per call on this thread.</summary>
    public sealed class Measurement
    {
        /// <summary>Nanoseconds per call (the best of the rounds).</summary>
        public double NanosPerOp { get; init; }

        /// <summary>Managed bytes allocated per call, measured over one whole round.</summary>
        public double BytesPerOp { get; init; }

        /// <summary>Calls per second.</summary>
        public double OpsPerSecond => 1e9 / NanosPerOp;

        /// <summary>
        /// Warms up, calibrates the iteration count to about <paramref name="roundMillis"/> per round,
        /// then keeps the best of <paramref name="rounds"/> rounds (least disturbed by the other core's load).
        /// </summary>
        public static Measurement Run(TimedLoop loop, int rounds = 5, int roundMillis = 200)
        {
            loop(1);
            int n = 1;
            var sw = Stopwatch.StartNew();
            while (true)
            {
                sw.Restart();
                loop(n);
                sw.Stop();
                if (sw.Elapsed.TotalMilliseconds >= roundMillis / 4.0 || n >= 1 << 28) break;
                n *= 2;
            }
            double perMs = n / Math.Max(sw.Elapsed.TotalMilliseconds, 1e-3);
            int iterations = (int)Math.Clamp(perMs * roundMillis, 1, 1 << 28);
            double best = double.MaxValue;
            double bytes = 0;
            for (int r = 0; r < rounds; r++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                sw.Restart();
                loop(iterations);
                sw.Stop();
                long after = GC.GetAllocatedBytesForCurrentThread();
                best = Math.Min(best, sw.Elapsed.TotalNanoseconds / iterations);
                bytes = (double)(after - before) / iterations;
            }
            return new Measurement { NanosPerOp = best, BytesPerOp = bytes };
        }
    }
}
