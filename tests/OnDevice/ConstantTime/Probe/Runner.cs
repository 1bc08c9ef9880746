using System;
using NfKit.Diagnostics;

namespace NanoMikey.OnDevice.ConstantTimeProbe
{
    /// <summary>
    /// Measures an operation over all its secret inputs with the NF_IL_COUNT counters (kit README "IL instruction
    /// count") and compares the six of them with input 0's. Each input is run once unmeasured first (warm-up: static
    /// constructors, lazily created scratch), prepared again, then measured between <see cref="IlCounter.Reset"/> and the
    /// counter reads, which go into locals before anything else (pitfalls list of the kit README).
    /// </summary>
    internal static class Runner
    {
        private const int HistogramSize = 512;
        private const int MaxHistogramLines = 12;
        private static readonly ulong[] s_refHistogram = new ulong[HistogramSize];
        private static readonly ulong[] s_histogram = new ulong[HistogramSize];

        public static int Passed;
        public static int Failed;

        /// <summary>Measures an operation that must run identically for every secret input.</summary>
        public static void ExpectConstant(Operation op)
        {
            string detail;
            int differing = SafeMeasure(op, out detail);
            Report(differing == 0, op.Name, detail);
        }

        /// <summary>
        /// Self-check: a deliberately secret-dependent operation that the comparison must flag; passes only when the
        /// counters named in <paramref name="mustDiffer"/> differ (and, when <paramref name="mustNotDiffer"/> is given,
        /// those stay equal: e.g. a secret table index keeps the IL count and shows only in IndexHash).
        /// </summary>
        public static void ExpectLeak(Operation op, string mustDiffer, string mustNotDiffer)
        {
            string detail;
            int differing = SafeMeasure(op, out detail);
            bool ok = differing > 0 && Contains(detail, mustDiffer) && (mustNotDiffer == null || !Contains(detail, mustNotDiffer));
            Report(ok, "self-check, must be flagged: " + op.Name, (ok ? "flagged as expected; " : "NOT flagged as expected (" + mustDiffer + "); ") + detail);
        }

        private static bool Contains(string text, string word)
        {
            return text.IndexOf(word + " ") >= 0;
        }

        /// <summary>Reports an operation whose set-up threw (counts as a failure).</summary>
        public static void ReportThrow(int index, Exception e)
        {
            Report(false, "operation #" + index, "set-up threw " + e.GetType().FullName + ": " + e.Message);
        }

        private static void Report(bool ok, string name, string detail)
        {
            if (ok) Passed++;
            else Failed++;
            Console.WriteLine((ok ? "PASS " : "FAIL ") + name);
            Console.WriteLine("     " + detail);
        }

        private static int SafeMeasure(Operation op, out string detail)
        {
            try
            {
                return Measure(op, out detail);
            }
            catch (Exception e)
            {
                detail = "threw " + e.GetType().FullName + ": " + e.Message;
                return -1;
            }
        }

        /// <summary>Returns how many inputs differ from input 0; <paramref name="detail"/> says which counters, for the first one.</summary>
        private static int Measure(Operation op, out string detail)
        {
            long start = DateTime.UtcNow.Ticks;
            ulong rIl = 0, rPath = 0, rNat = 0, rArr = 0, rIdx = 0, rNh = 0;
            int differing = 0, first = -1;
            string firstDiff = null;
            string histogramDiff = null;
            for (int i = 0; i < op.Count; i++)
            {
                op.Prepare(i);
                op.Run();
                op.Prepare(i);
                IlCounter.Reset();
                op.Run();
                ulong il = IlCounter.IlCount();
                ulong path = IlCounter.PathHash();
                ulong nat = IlCounter.NativeCalls();
                ulong arr = IlCounter.ArrayAccesses();
                ulong idx = IlCounter.IndexHash();
                ulong nh = IlCounter.NativeHash();
                // Taken at once: the code after it differs between input 0 and the others.
                IlCounter.Histogram(s_histogram);
                if (i == 0)
                {
                    Array.Copy(s_histogram, s_refHistogram, HistogramSize);
                    rIl = il;
                    rPath = path;
                    rNat = nat;
                    rArr = arr;
                    rIdx = idx;
                    rNh = nh;
                    continue;
                }
                if (il == rIl && path == rPath && nat == rNat && arr == rArr && idx == rIdx && nh == rNh) continue;
                differing++;
                if (first >= 0) continue;
                first = i;
                firstDiff = Diff("IlCount", rIl, il, false) + Diff("PathHash", rPath, path, true) + Diff("NativeCalls", rNat, nat, false)
                    + Diff("ArrayAccesses", rArr, arr, false) + Diff("IndexHash", rIdx, idx, true) + Diff("NativeHash", rNh, nh, true);
                histogramDiff = HistogramDiff();
            }
            long ms = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            string counts = op.Count + " inputs, il=" + rIl + " natives=" + rNat + " array accesses=" + rArr + ", " + ms + " ms";
            if (differing == 0)
            {
                detail = counts + "; all six counters identical";
                return 0;
            }
            detail = counts + "; " + differing + " of " + (op.Count - 1) + " inputs differ from input 0 (" + op.Label(0) + "); first: input " + first
                + " (" + op.Label(first) + "): " + firstDiff + (histogramDiff.Length > 0 ? "| opcodes (input 0 / input " + first + "):" + histogramDiff : "");
            return differing;
        }

        private static string Diff(string name, ulong reference, ulong value, bool hash)
        {
            if (reference == value) return "";
            if (hash) return name + " differs; ";
            return name + " " + reference + " != " + value + "; ";
        }

        private static string HistogramDiff()
        {
            string s = "";
            int lines = 0;
            for (int op = 0; op < HistogramSize; op++)
            {
                if (s_refHistogram[op] == s_histogram[op]) continue;
                if (lines == MaxHistogramLines)
                {
                    s += " ...";
                    break;
                }
                string name = IlCounter.OpcodeName(op);
                s += " " + (name == null ? ("#" + op) : name) + " " + s_refHistogram[op] + "/" + s_histogram[op];
                lines++;
            }
            return s;
        }
    }
}
