using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NanoMikey.Conformance.Tests
{
    /// <summary>
    /// A clone of this repository alone must build and pass its tests: no build or test file may reach into the
    /// sibling folder of project notes and vectors. The one exception is the device-test stage (tests/OnDevice),
    /// which finds the nanoFramework kit through a single variable.
    /// </summary>
    public class StandaloneRepositoryTests
    {
        // Built from parts so that this file does not name the path it looks for.
        private static readonly string SiblingReference = ".." + "/" + "shared";
        private static readonly string SiblingReferenceBackslash = ".." + "\\" + "shared";

        private static readonly string[] BuildAndTestExtensions = { ".cs", ".csproj", ".props", ".targets", ".sln", ".sh", ".json" };

        /// <summary>Build and test files (sources, projects, MSBuild, scripts) below the repository, bin/obj excluded.</summary>
        internal static IEnumerable<string> BuildAndTestFiles(string root)
        {
            foreach (string path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                string rel = Path.GetRelativePath(root, path).Replace('\\', '/');
                if (rel.StartsWith(".git/", StringComparison.Ordinal)) continue;
                if (rel.Contains("/bin/", StringComparison.Ordinal) || rel.Contains("/obj/", StringComparison.Ordinal)) continue;
                if (rel.StartsWith("tests/OnDevice/", StringComparison.Ordinal)) continue;
                if (rel.StartsWith("tests/vectors/", StringComparison.Ordinal)) continue; // data, not build files
                bool isScript = rel.StartsWith(".ci/", StringComparison.Ordinal);
                if (isScript || BuildAndTestExtensions.Contains(Path.GetExtension(path))) yield return rel;
            }
        }

        internal static List<string> FilesReferringToSibling(string root)
        {
            var hits = new List<string>();
            foreach (string rel in BuildAndTestFiles(root))
            {
                string text = File.ReadAllText(Path.Combine(root, rel));
                if (text.Contains(SiblingReference, StringComparison.Ordinal) || text.Contains(SiblingReferenceBackslash, StringComparison.Ordinal))
                    hits.Add(rel);
            }
            return hits;
        }

        [Fact]
        public void NoBuildOrTestFileRefersToTheSiblingSharedFolder()
        {
            List<string> hits = FilesReferringToSibling(RepoPaths.Root);
            Assert.True(hits.Count == 0,
                "these files refer to " + SiblingReference + " (copy what they need into tests/vectors): " + string.Join(", ", hits));
        }

        [Fact]
        public void TheCheckFindsAReference()
        {
            // The check itself must be able to fail: a scratch tree with one offending project file.
            string dir = Path.Combine(Path.GetTempPath(), "nanomikey-standalone-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, "tests", "X"));
            Directory.CreateDirectory(Path.Combine(dir, "tests", "OnDevice"));
            try
            {
                File.WriteAllText(Path.Combine(dir, "tests", "X", "X.csproj"), "<Project><PropertyGroup><D>$(MSBuildThisFileDirectory)" + SiblingReference + "</D></PropertyGroup></Project>");
                File.WriteAllText(Path.Combine(dir, "tests", "X", "Ok.cs"), "class Ok { }");
                File.WriteAllText(Path.Combine(dir, "tests", "OnDevice", "run.sh"), "KIT=${NF_KIT:-" + SiblingReference + "/tools}");
                List<string> hits = FilesReferringToSibling(dir);
                Assert.Equal(new[] { "tests/X/X.csproj" }, hits);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void EveryVectorFileIsNamedInSourceMd()
        {
            string vectors = Path.Combine(RepoPaths.Root, "tests", "vectors");
            string source = File.ReadAllText(Path.Combine(vectors, "SOURCE.md"));
            foreach (string path in Directory.EnumerateFiles(vectors, "*.json", SearchOption.AllDirectories))
            {
                string name = Path.GetFileName(path);
                Assert.True(source.Contains(name, StringComparison.Ordinal), name + " is not named in tests/vectors/SOURCE.md");
            }
        }
    }
}
