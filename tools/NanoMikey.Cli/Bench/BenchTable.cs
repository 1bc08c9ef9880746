using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NanoMikey.Cli.Bench
{
    /// <summary>A benchmark table: each row is ours next to a reference measured in the same run, with the ratio.</summary>
    public sealed class BenchTable
    {
        private readonly string _title;
        private readonly List<string[]> _rows = new();
        private static readonly string[] Header = { "operation", "nanoMikey", "reference", "ref impl", "ratio (ours/ref time)", "ours B/op" };

        /// <summary>Creates an empty table.</summary>
        public BenchTable(string title) { _title = title; }

        /// <summary>Adds a row. <paramref name="bytesPerOp"/> is payload bytes per op for a MB/s column, or 0 for ops/s.</summary>
        public void Add(string operation, Measurement ours, Measurement? reference, string referenceName, int bytesPerOp = 0)
        {
            _rows.Add(new[]
            {
                operation,
                Format(ours, bytesPerOp),
                reference is null ? "-" : Format(reference, bytesPerOp),
                referenceName,
                reference is null ? "-" : (ours.NanosPerOp / reference.NanosPerOp).ToString("0.00", CultureInfo.InvariantCulture),
                ours.BytesPerOp.ToString("0.#", CultureInfo.InvariantCulture),
            });
        }

        /// <summary>Adds a free-form row (cells already formatted).</summary>
        public void AddRaw(params string[] cells) => _rows.Add(cells);

        /// <summary>Formats one measurement as time per op, plus MB/s or ops/s.</summary>
        public static string Format(Measurement m, int bytesPerOp)
        {
            string t = m.NanosPerOp >= 1e6 ? (m.NanosPerOp / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms"
                : m.NanosPerOp >= 1e3 ? (m.NanosPerOp / 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " µs"
                : m.NanosPerOp.ToString("0", CultureInfo.InvariantCulture) + " ns";
            string rate = bytesPerOp > 0
                ? (bytesPerOp * m.OpsPerSecond / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB/s"
                : m.OpsPerSecond.ToString("#,0", CultureInfo.InvariantCulture) + " op/s";
            return t + " (" + rate + ")";
        }

        /// <summary>Renders the table as Markdown.</summary>
        public override string ToString()
        {
            var sb = new StringBuilder();
            sb.Append("## ").AppendLine(_title).AppendLine();
            int cols = Header.Length;
            foreach (var r in _rows) cols = Math.Max(cols, r.Length);
            Line(sb, Header, cols);
            sb.Append('|');
            for (int i = 0; i < cols; i++) sb.Append("---|");
            sb.AppendLine();
            foreach (var r in _rows) Line(sb, r, cols);
            return sb.ToString();
        }

        private static void Line(StringBuilder sb, string[] cells, int cols)
        {
            sb.Append('|');
            for (int i = 0; i < cols; i++) sb.Append(' ').Append(i < cells.Length ? cells[i] : "").Append(" |");
            sb.AppendLine();
        }
    }
}
