using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NanoMikey.Conformance.Tests
{
    /// <summary>Paths baked in at build time: the repository root, the build configuration, nano's mscorlib.</summary>
    internal static class RepoPaths
    {
        private static string Meta(string key) =>
            typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        public static string Root => Meta("RepoRoot");

        public static string Configuration => Meta("Configuration");

        public static string NanoMscorlib => Meta("NanoMscorlib");

        /// <summary>The nano-flavour output of a portable project, e.g. ("lib/Crypto.Nano", "NanoMikey.Crypto").</summary>
        public static string NanoAssembly(string projectDir, string assemblyName) =>
            Path.Combine(Root, projectDir, "bin", Configuration, "nano", assemblyName + ".dll");
    }
}
