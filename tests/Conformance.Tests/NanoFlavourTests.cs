using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Abstractions;

namespace NanoMikey.Conformance.Tests
{
    /// <summary>Every portable assembly, as built for nanoFramework, passes every runtime rule.</summary>
    public class NanoFlavourTests
    {
        private readonly ITestOutputHelper _output;

        public NanoFlavourTests(ITestOutputHelper output) => _output = output;

        public static TheoryData<string, string> PortableAssemblies => new()
        {
            { "lib/Crypto.Nano", "NanoMikey.Crypto" },
            { "lib/Ecc.Nano", "NanoMikey.Ecc" },
            { "lib/X509.Nano", "NanoMikey.X509" },
            { "lib/Srtp.Nano", "NanoMikey.Srtp" },
            { "lib/Mikey.Nano", "NanoMikey.Mikey" },
            { "lib/Mikey.Rendering", "NanoMikey.Mikey.Rendering" },
            { "lib/Mikey.Ecc.Nano", "NanoMikey.Mikey.Ecc" },
            { "lib/BigNum.Nano", "NanoMikey.BigNum" },
            { "lib/Rsa.Nano", "NanoMikey.Rsa" },
            { "lib/Mikey.Rsa.Nano", "NanoMikey.Mikey.Rsa" },
            { "lib/Net.Nano", "NanoMikey.Net" },
            { "firmware/Media.Nano", "NanoMikey.Media" },
            { "firmware/Rtsp.Nano", "NanoMikey.Rtsp" },
            { "firmware/Sip.Nano", "NanoMikey.Sip" },
            { "firmware/Firmware.Nano", "NanoMikey.Firmware" },
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
        public void HotPathsExecuteNoLdstrAcrossOurAssemblies()
        {
            // Per-packet and per-message code, followed through calls into every assembly of ours (see HotPathChecker).
            var paths = PortableAssemblies.Select(row => RepoPaths.NanoAssembly((string)row[0], (string)row[1])).ToList();
            var violations = HotPathChecker.CheckFiles(paths);
            Assert.True(violations.Count == 0, "ldstr on a hot path:\n" + string.Join("\n", violations.Select(v => v.ToString())));
        }

        [Fact]
        public void HotPathRootsAreMarked()
        {
            // The marks the rule starts from: removing one would silently take that code out of the check.
            var paths = PortableAssemblies.Select(row => RepoPaths.NanoAssembly((string)row[0], (string)row[1])).ToList();
            var roots = HotPathChecker.Roots(paths.Select(File.ReadAllBytes).ToList()).ToHashSet();
            string[] expected =
            {
                "NanoMikey.Crypto.Cipher.AesGcm.Seal", "NanoMikey.Crypto.Cipher.AesGcm.Open",
                "NanoMikey.Crypto.Cipher.AesCtr.Transform", "NanoMikey.Crypto.Cipher.SoftwareAes.EncryptBlocks",
                "NanoMikey.Crypto.Mac.Hmac.Compute", "NanoMikey.Crypto.Mac.Hmac.Update", "NanoMikey.Crypto.Mac.Hmac.Final",
                "NanoMikey.Crypto.Mac.Hmac.Verify", "NanoMikey.Crypto.Hash.MerkleDamgardHash.Update",
                "NanoMikey.Crypto.Hash.Sha1.Compress", "NanoMikey.Crypto.Hash.Sha256.Compress",
                "NanoMikey.Srtp.Transforms.AesCmCipher.Apply",
                "NanoMikey.Srtp.Context.SrtpCryptoContext.Protect", "NanoMikey.Srtp.Context.SrtpCryptoContext.Unprotect",
                "NanoMikey.Srtp.Context.SrtpCryptoContext.ProtectRtcp", "NanoMikey.Srtp.Context.SrtpCryptoContext.UnprotectRtcp",
                "NanoMikey.Srtp.Context.SrtpSession.Protect", "NanoMikey.Srtp.Context.SrtpSession.Unprotect",
                "NanoMikey.Mikey.Codec.MikeyReader.Reset", "NanoMikey.Mikey.Codec.MikeyReader.Read",
                "NanoMikey.Mikey.Codec.MikeyWriter.Reset", "NanoMikey.Mikey.Codec.MikeyWriter.Finish",
            };
            var missing = expected.Where(e => !roots.Contains(e)).ToList();
            Assert.True(missing.Count == 0, "not marked [HotPath]: " + string.Join(", ", missing));
        }

        [Fact]
        public void EveryNanoAssemblyStaysWithinTheIlBudget()
        {
            // MetadataProcessor stops at 64 KB of IL per assembly; failing at 56 KB leaves room to split calmly.
            var table = new StringBuilder();
            table.AppendLine($"nano flavour, {RepoPaths.Configuration}; IL budget {NanoAssemblyChecker.IlBudget} bytes, wall {NanoAssemblyChecker.MaxBytes}");
            table.AppendLine($"{"assembly",-28} {"IL bytes",9} {"% of 64 KB",10} {"string bytes",12}");
            var over = new List<string>();
            foreach (var row in PortableAssemblies)
            {
                string projectDir = (string)row[0], assemblyName = (string)row[1];
                string path = RepoPaths.NanoAssembly(projectDir, assemblyName);
                Assert.True(File.Exists(path), "nano flavour not built: " + path);
                NanoAssemblySize size = NanoAssemblyChecker.Measure(path);
                double percent = 100.0 * size.IlBytes / NanoAssemblyChecker.MaxBytes;
                table.AppendLine($"{assemblyName,-28} {size.IlBytes,9} {percent,9:F1}% {size.StringBytes,12}");
                if (size.IlBytes > NanoAssemblyChecker.IlBudget)
                    over.Add(assemblyName + ": " + size.IlBytes + " bytes of IL");
            }
            _output.WriteLine(table.ToString());
            Assert.True(over.Count == 0,
                "over the IL budget of " + NanoAssemblyChecker.IlBudget + " bytes (split the assembly before it reaches "
                + NanoAssemblyChecker.MaxBytes + "):\n" + string.Join("\n", over) + "\n" + table);
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
