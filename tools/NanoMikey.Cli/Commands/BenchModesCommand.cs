using System;
using System.CommandLine;
using NanoMikey.Cli.Bench;

namespace NanoMikey.Cli.Commands
{
    /// <summary>The `modes` verb: complete MIKEY exchanges per second per mode, their work, and a labelled device projection.</summary>
    public static class BenchModesCommand
    {
        // PROJECTION inputs, not measurements of ours: the nanoFramework interpreter on this machine ran HMAC-SHA-1 over
        // 172 bytes (6 compressions) in ~110 µs and SRTP AES-CM over 172 bytes (11 software AES blocks, plus the HMAC) in
        // ~390 µs (issue 10's figures); an ESP32 at 240 MHz is slower again.
        private const double InterpreterMicrosPerCompression = 110.0 / 6;
        private const double InterpreterMicrosPerAesBlock = (390.0 - 110.0) / 11;

        // PROJECTION input: a P-256 field multiplication takes ~125 ns on the host; issue 10 measured our arithmetic 80–140x
        // slower on this machine's nanoFramework interpreter, so ~14 µs (110x) per field multiplication or squaring there.
        private const double InterpreterMicrosPerFieldOp = 14.0;

        // PROJECTION input, measured once on this machine's nanoFramework interpreter (issue 14): an RSA-2048 private operation
        // (~5.5 M limb multiplications: two 1024-bit CRT exponentiations of 32-limb Montgomery products) took 1.06–1.29 s and an
        // OAKLEY 5 shared secret (~1.55 M, 48 limbs) 0.32 s, so ~0.21 µs per 32×32-bit limb multiplication with its share of loop
        // and reduction work.
        private const double InterpreterMicrosPerLimbProduct = 0.21;

        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var cmd = new Command("modes", "MIKEY exchanges (offer + answer + verification, both sides) per mode, with hash compressions, AES blocks and bytes on the wire");
            var timing = new BenchTimingOptions(cmd, 10, 300);
            cmd.SetAction(parseResult =>
            {
                if (!timing.TryRead(parseResult, out int n, out int ms)) return 2;
                var soft = new ModesBench(true);
                var host = new ModesBench(false);
                // An exchange runs code from five assemblies: give the JIT time to reach its optimised tier first.
                Warm(soft.ExchangeLoop);
                Warm(host.ExchangeLoop);
                var table = new BenchTable("MIKEY exchanges, both sides, one AES_CM_128_HMAC_SHA1_80 crypto session, V requested");
                table.Add("PSK exchange, software AES (device code path)", Measurement.Run(soft.ExchangeLoop, n, ms), null, "no MIKEY in .NET; target < 50 µs");
                table.Add("PSK exchange, host AES engine", Measurement.Run(host.ExchangeLoop, n, ms), null, "no MIKEY in .NET; target < 50 µs");
                Console.WriteLine(table.ToString());

                long[] c = soft.CountOneExchange();
                Console.WriteLine("| PSK work per exchange | initiator | responder |");
                Console.WriteLine("|---|---|---|");
                Console.WriteLine("| hash compressions (SHA-1/SHA-256) | " + c[0] + " | " + c[2] + " |");
                Console.WriteLine("| AES blocks | " + c[1] + " | " + c[3] + " |");
                Console.WriteLine("| P-256 field multiplications | 0 | 0 |");
                Console.WriteLine("| bytes sent | " + soft.OfferBytes + " | " + soft.AnswerBytes + " |");
                Console.WriteLine("| PROJECTION: interpreter on this machine (" + InterpreterMicrosPerCompression.ToString("0.#") + " µs/compression, "
                    + InterpreterMicrosPerAesBlock.ToString("0.#") + " µs/AES block; not measured) | "
                    + Project(c[0], c[1]) + " | " + Project(c[2], c[3]) + " |");
                var ecdh = new EcdhSignModeBench();
                Warm(ecdh.ExchangeLoop);
                var ecdhTable = new BenchTable("MIKEY ECDH-SIGN on P-256, both sides, certificate chains validated (docs/ecc-profile.md)");
                ecdhTable.Add("ECDH-SIGN exchange", Measurement.Run(ecdh.ExchangeLoop, n, ms), Measurement.Run(ecdh.DotNetLoop, n, ms),
                    ".NET ECDiffieHellman + ECDsa: 2 keygen, 2 sign, 4 verify, 2 ECDH; target ratio <= 4");
                Console.WriteLine(ecdhTable.ToString());
                long[] e = ecdh.CountOneExchange();
                Console.WriteLine("| ECDH-SIGN work per exchange | initiator | responder |");
                Console.WriteLine("|---|---|---|");
                Console.WriteLine("| P-256 field multiplications / squarings | " + e[0] + " / " + e[1] + " | " + e[3] + " / " + e[4] + " |");
                Console.WriteLine("| hash compressions | " + e[2] + " | " + e[5] + " |");
                Console.WriteLine("| bytes sent | " + ecdh.OfferBytes + " | " + ecdh.AnswerBytes + " |");
                Console.WriteLine("| PROJECTION: interpreter on this machine (" + InterpreterMicrosPerFieldOp.ToString("0.#")
                    + " µs per field mul/sqr, " + InterpreterMicrosPerCompression.ToString("0.#") + " µs/compression; not measured) | "
                    + ProjectEcc(e[0] + e[1], e[2]) + " | " + ProjectEcc(e[3] + e[4], e[5]) + " |");
                long sink = soft.Sink + host.Sink + ecdh.Sink;
                var rsaTable = new BenchTable("MIKEY RSA and MODP modes, both sides, RSA-2048 keys, RSA certificate chains validated where the mode signs, software AES (device code path)");
                var rsaBenches = new RsaModesBench[RsaModesBench.Modes.Length];
                for (int i = 0; i < rsaBenches.Length; i++)
                {
                    var b = rsaBenches[i] = new RsaModesBench(RsaModesBench.Modes[i]);
                    Warm(b.ExchangeLoop);
                    rsaTable.Add(RsaModesBench.Modes[i] + " exchange", Measurement.Run(b.ExchangeLoop, n, ms), Measurement.Run(b.DotNetLoop, n, ms), b.DotNetWork);
                }

                Console.WriteLine(rsaTable.ToString());
                Console.WriteLine("| RSA/MODP work per exchange, initiator / responder | Montgomery products | 32-bit limb multiplications | P-256 field mul+sqr | hash compressions | bytes sent | PROJECTION: interpreter on this machine ("
                    + InterpreterMicrosPerLimbProduct.ToString("0.00") + " µs per limb multiplication, " + InterpreterMicrosPerFieldOp.ToString("0.#")
                    + " µs per field op, " + InterpreterMicrosPerCompression.ToString("0.#") + " µs/compression; not measured) |");
                Console.WriteLine("|---|---|---|---|---|---|---|");
                foreach (RsaModesBench b in rsaBenches)
                {
                    long[] w = b.CountOneExchange();
                    Console.WriteLine("| " + b.Mode + " | " + w[0] + " / " + w[4] + " | " + w[1] + " / " + w[5] + " | " + w[2] + " / " + w[6] + " | "
                        + w[3] + " / " + w[7] + " | " + b.OfferBytes + " / " + b.AnswerBytes + " | "
                        + ProjectModp(w[1], w[2], w[3]) + " / " + ProjectModp(w[5], w[6], w[7]) + " |");
                    sink += b.Sink;
                }

                Console.WriteLine("(sink " + sink + ")");
                return 0;
            });
            return cmd;
        }

        private static string ProjectModp(long limbProducts, long fieldOps, long compressions)
        {
            double us = limbProducts * InterpreterMicrosPerLimbProduct + fieldOps * InterpreterMicrosPerFieldOp + compressions * InterpreterMicrosPerCompression;
            return (us / 1e6).ToString("0.0") + " s";
        }

        private static string ProjectEcc(long fieldOps, long compressions)
        {
            double us = fieldOps * InterpreterMicrosPerFieldOp + compressions * InterpreterMicrosPerCompression;
            return (us / 1e6).ToString("0.0") + " s";
        }

        private static void Warm(TimedLoop loop)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            while (sw.ElapsedMilliseconds < 1500) loop(50);
        }

        private static string Project(long compressions, long blocks)
        {
            double us = compressions * InterpreterMicrosPerCompression + blocks * InterpreterMicrosPerAesBlock;
            return (us / 1000).ToString("0.0") + " ms";
        }
    }
}
