using NanoMikey.Fuzz;
using NanoMikey.Fuzz.Targets;

namespace NanoMikey.Fuzz.Tests
{
    /// <summary>
    /// Every committed fuzz input (tests/Fuzz/corpus/TARGET and tests/Fuzz/regressions/TARGET) through its target's contract
    /// check in-process, without AFL: `dotnet test` covers the corpora and every finding. Responders probe with the genuine
    /// offer after every input (a rejected input must leave the responder able to accept it).
    /// </summary>
    public class CorpusReplayTests
    {
        public static TheoryData<string> Targets()
        {
            var d = new TheoryData<string>();
            foreach (string t in FuzzTargets.Names) d.Add(t);
            return d;
        }

        private static string Dir(string kind, string target) => Path.Combine(TestData.RepoRoot, "tests", "Fuzz", kind, target);

        [Theory]
        [MemberData(nameof(Targets))]
        public void EveryCorpusAndRegressionInputKeepsTheContract(string name)
        {
            FuzzTarget target = FuzzTargets.Create(name);
            if (target is ResponderTarget r) r.ProbeAlways = true;
            Assert.True(Directory.Exists(Dir("corpus", name)), "no corpus for " + name);
            var failures = new List<string>();
            int count = 0;
            foreach (string kind in new[] { "corpus", "regressions" })
            {
                if (!Directory.Exists(Dir(kind, name))) continue;
                foreach (string f in Directory.GetFiles(Dir(kind, name)).OrderBy(x => x, StringComparer.Ordinal))
                {
                    count++;
                    try
                    {
                        target.Run(File.ReadAllBytes(f));
                    }
                    catch (Exception e)
                    {
                        failures.Add(kind + "/" + Path.GetFileName(f) + ": " + e.GetType().Name + ": " + e.Message);
                    }
                }
            }

            Assert.True(count > 0, "empty corpus for " + name);
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [Fact]
        public void EveryTargetHasACorpusAndEveryCorpusATarget()
        {
            string root = Path.Combine(TestData.RepoRoot, "tests", "Fuzz", "corpus");
            var dirs = Directory.GetDirectories(root).Select(Path.GetFileName).OrderBy(x => x, StringComparer.Ordinal).ToArray();
            Assert.Equal(FuzzTargets.Names.OrderBy(x => x, StringComparer.Ordinal).ToArray(), dirs);
        }

        [Theory]
        [MemberData(nameof(Targets))]
        public void GeneratedSeedsAreTheCommittedOnes(string name)
        {
            // SRTP packets and genuine offers are made by the targets (deterministic DRBGs, fixed keys): the committed seeds
            // must be what the code makes today, or the corpus no longer reaches the accepting paths.
            int k = 0;
            foreach (byte[] seed in Program.GeneratedSeeds(FuzzTargets.Create(name)))
            {
                string path = Path.Combine(Dir("corpus", name), "generated-" + k++);
                Assert.True(File.Exists(path), path + " missing: run `dotnet NanoMikey.Fuzz.dll --seeds " + name + " tests/Fuzz/corpus/" + name + "`");
                Assert.Equal(Convert.ToHexString(seed), Convert.ToHexString(File.ReadAllBytes(path)));
            }
        }
    }
}
