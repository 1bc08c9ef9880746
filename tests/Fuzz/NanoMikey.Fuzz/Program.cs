using SharpFuzz;

namespace NanoMikey.Fuzz
{
    /// <summary>
    /// <c>NanoMikey.Fuzz TARGET</c>: run under afl-fuzz (SharpFuzz persistent mode, input on stdin/shared memory).
    /// <c>NanoMikey.Fuzz TARGET FILE|DIR...</c>: replay inputs through the contract check, print one line per failure, exit 1 if any.
    /// <c>NanoMikey.Fuzz --list</c>: the target names. <c>NanoMikey.Fuzz --seeds TARGET DIR</c>: write the generated seeds
    /// (SRTP packets, genuine offers) of a target into DIR.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            if (args.Length == 1 && args[0] == "--list")
            {
                foreach (string n in FuzzTargets.Names) Console.WriteLine(n);
                return 0;
            }

            if (args.Length == 3 && args[0] == "--seeds")
            {
                Directory.CreateDirectory(args[2]);
                int k = 0;
                foreach (byte[] seed in GeneratedSeeds(FuzzTargets.Create(args[1])))
                {
                    File.WriteAllBytes(Path.Combine(args[2], "generated-" + k++), seed);
                }

                return 0;
            }

            if (args.Length < 1)
            {
                Console.Error.WriteLine("usage: NanoMikey.Fuzz TARGET [FILE|DIR...] | --list | --seeds TARGET DIR");
                return 2;
            }

            if (args.Length == 1)
            {
                // Instrumented code may run only inside Fuzzer.Run (its coverage map is set up there): the target, whose
                // constructor runs parsers and initiators, is created on the first input.
                FuzzTarget? lazy = null;
                string name = args[0];
                if (Array.IndexOf(FuzzTargets.Names, name) < 0) throw new ArgumentException("unknown target " + name);
                Fuzzer.Run(stream =>
                {
                    using var m = new MemoryStream();
                    stream.CopyTo(m);
                    lazy ??= FuzzTargets.Create(name);
                    lazy.Run(m.ToArray());
                });
                return 0;
            }

            FuzzTarget target = FuzzTargets.Create(args[0]);

            int failed = 0, total = 0;
            for (int a = 1; a < args.Length; a++)
            {
                IEnumerable<string> files = Directory.Exists(args[a]) ? Directory.GetFiles(args[a]).OrderBy(f => f, StringComparer.Ordinal) : new[] { args[a] };
                foreach (string f in files)
                {
                    total++;
                    try
                    {
                        target.Run(File.ReadAllBytes(f));
                    }
                    catch (Exception e)
                    {
                        failed++;
                        Console.WriteLine(f + ": " + e.GetType().Name + ": " + e.Message);
                        Console.WriteLine(e.StackTrace);
                    }
                }
            }

            Console.WriteLine(args[0] + ": " + total + " inputs replayed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }

        /// <summary>The seeds a target makes itself (SRTP/SRTCP packets, a responder's genuine offer).</summary>
        public static IEnumerable<byte[]> GeneratedSeeds(FuzzTarget target)
        {
            if (target is Targets.SrtpTarget s) return s.Seeds;
            if (target is Targets.ResponderTarget r) return new[] { r.Genuine };
            return Array.Empty<byte[]>();
        }
    }
}
