using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NanoMikey.Conformance.Tests
{
    /// <summary>Compiles a fixture source against nanoFramework's mscorlib, as the nano flavour is compiled.</summary>
    internal static class FixtureCompiler
    {
        public static byte[] Compile(string source, string assemblyName = "NanoMikey.Fixture", params byte[][] references)
        {
            var refs = new[] { MetadataReference.CreateFromFile(RepoPaths.NanoMscorlib) }
                .Concat(references.Select(r => (MetadataReference)MetadataReference.CreateFromImage(r)));
            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                refs,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release));
            using var ms = new MemoryStream();
            var emit = compilation.Emit(ms);
            if (!emit.Success)
                throw new InvalidOperationException("fixture does not compile:\n" + string.Join("\n", emit.Diagnostics));
            return ms.ToArray();
        }
    }
}
