using System;
using System.CommandLine;
using NanoMikey.Cli.Bench;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `codec` verb: MIKEY parse/build throughput and allocation on the RFC 4567 §5.1 message.</summary>
    public static class BenchCodecCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var cmd = new Command("codec", "MIKEY codec: parse and build of the RFC 4567 §5.1 I_MESSAGE, with bytes allocated per message");
            var timing = new BenchTimingOptions(cmd, 5, 200);
            cmd.SetAction(parseResult =>
            {
                if (!timing.TryRead(parseResult, out int n, out int ms)) return 2;
                var bench = new CodecBench();
                var table = new BenchTable("MIKEY codec, RFC 4567 §5.1 PSK I_MESSAGE (" + bench.MessageLength + " bytes)");
                int len = bench.MessageLength;

                // No .NET MIKEY implementation exists: parse and build rows have no reference. The base64 rows compare the
                // transport step against .NET's Convert (which allocates), with our parse/build in both columns.
                table.Add("parse (reader, every field)", Measurement.Run(bench.ParseLoop, n, ms), null, "none in .NET", len);
                table.Add("build (writer, caller buffer)", Measurement.Run(bench.BuildLoop, n, ms), null, "none in .NET", len);
                Measurement convertParse = Measurement.Run(bench.ConvertAndParseLoop, n, ms);
                Measurement buildConvert = Measurement.Run(bench.BuildAndConvertLoop, n, ms);
                table.Add("base64 decode + parse", Measurement.Run(bench.DecodeAndParseLoop, n, ms), convertParse,
                    "Convert.FromBase64String + our parse", len);
                table.Add("build + base64 encode", Measurement.Run(bench.BuildAndEncodeLoop, n, ms), buildConvert,
                    "our build + Convert.ToBase64String", len);
                Console.WriteLine(table.ToString());
                Console.WriteLine("reference B/op: Convert.FromBase64String + parse " + convertParse.BytesPerOp.ToString("0.#")
                    + ", build + Convert.ToBase64String " + buildConvert.BytesPerOp.ToString("0.#"));
                Console.WriteLine("(sink " + bench.Sink + ")");
                return 0;
            });
            return cmd;
        }
    }
}
