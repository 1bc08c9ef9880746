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
            var rounds = new Option<int>("--rounds") { Description = "timed rounds per row (best kept)", DefaultValueFactory = _ => 5 };
            var cmd = new Command("codec", "MIKEY codec: parse and build of the RFC 4567 §5.1 I_MESSAGE, with bytes allocated per message");
            cmd.Options.Add(rounds);
            cmd.SetAction(parseResult =>
            {
                int n = parseResult.GetValue(rounds);
                var bench = new CodecBench();
                var table = new BenchTable("MIKEY codec, RFC 4567 §5.1 PSK I_MESSAGE (" + bench.MessageLength + " bytes)");
                int len = bench.MessageLength;

                // No .NET MIKEY implementation exists: parse and build rows have no reference. The base64 rows compare the
                // transport step against .NET's Convert (which allocates), with our parse/build in both columns.
                table.Add("parse (reader, every field)", Measurement.Run(bench.ParseLoop, n), null, "none in .NET", len);
                table.Add("build (writer, caller buffer)", Measurement.Run(bench.BuildLoop, n), null, "none in .NET", len);
                Measurement convertParse = Measurement.Run(bench.ConvertAndParseLoop, n);
                Measurement buildConvert = Measurement.Run(bench.BuildAndConvertLoop, n);
                table.Add("base64 decode + parse", Measurement.Run(bench.DecodeAndParseLoop, n), convertParse,
                    "Convert.FromBase64String + our parse", len);
                table.Add("build + base64 encode", Measurement.Run(bench.BuildAndEncodeLoop, n), buildConvert,
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
