using System.IO;
using System.Linq;

namespace NanoMikey.Conformance.Tests
{
    /// <summary>Every portable assembly, as built for nanoFramework, passes every runtime rule.</summary>
    public class NanoFlavourTests
    {
        public static TheoryData<string, string> PortableAssemblies => new()
        {
            { "lib/Crypto.Nano", "NanoMikey.Crypto" },
            { "lib/Ecc.Nano", "NanoMikey.Ecc" },
            { "lib/X509.Nano", "NanoMikey.X509" },
            { "lib/Srtp.Nano", "NanoMikey.Srtp" },
            { "lib/Mikey.Nano", "NanoMikey.Mikey" },
        };

        [Theory]
        [MemberData(nameof(PortableAssemblies))]
        public void NanoFlavourBreaksNoRuntimeRule(string projectDir, string assemblyName)
        {
            string path = RepoPaths.NanoAssembly(projectDir, assemblyName);
            Assert.True(File.Exists(path), "nano flavour not built: " + path);
            var violations = NanoAssemblyChecker.Check(path);
            Assert.True(violations.Count == 0,
                assemblyName + " breaks nanoFramework rules:\n" + string.Join("\n", violations.Select(v => v.ToString())));
        }

        [Fact]
        public void EveryPortableProjectIsChecked()
        {
            // A portable project is one that imports build/Portable.props; each must be listed above.
            var listed = PortableAssemblies.Select(row => ((string)row[0]).Replace('\\', '/')).ToHashSet();
            foreach (string top in new[] { "lib", "firmware" })
            {
                string dir = Path.Combine(RepoPaths.Root, top);
                if (!Directory.Exists(dir)) continue;
                foreach (string proj in Directory.EnumerateFiles(dir, "*.csproj", SearchOption.AllDirectories))
                {
                    if (!File.ReadAllText(proj).Contains("build/Portable.props")) continue;
                    string rel = Path.GetRelativePath(RepoPaths.Root, Path.GetDirectoryName(proj)!).Replace('\\', '/');
                    Assert.True(listed.Contains(rel), rel + " builds a nano flavour but is not checked by NanoFlavourTests");
                }
            }
        }

        [Theory]
        [MemberData(nameof(PortableAssemblies))]
        public void NanoFlavourIsCompiledAgainstNanoMscorlib(string projectDir, string assemblyName)
        {
            string path = RepoPaths.NanoAssembly(projectDir, assemblyName);
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            var mscorlib = md.AssemblyReferences.Select(md.GetAssemblyReference)
                .Single(r => md.GetString(r.Name) == "mscorlib");
            // nanoFramework.CoreLibrary 1.17.11 ships mscorlib 1.17.11.0; .NET Framework's is 4.0.0.0.
            Assert.Equal(new System.Version(1, 17, 11, 0), mscorlib.Version);
        }
    }
}
