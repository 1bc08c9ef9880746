using System;
using System.IO;

namespace NanoMikey.Tests
{
    /// <summary>Locates the repository's test vectors (<c>tests/vectors</c>) and decodes hex.</summary>
    public static class TestData
    {
        private static string? _repoRoot;

        /// <summary>The repository root: the nearest folder above the test binaries that holds <c>nanoMikey.sln</c>.</summary>
        public static string RepoRoot
        {
            get
            {
                if (_repoRoot == null)
                {
                    string? dir = AppContext.BaseDirectory;
                    while (dir != null && !File.Exists(Path.Combine(dir, "nanoMikey.sln")))
                    {
                        dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
                    }
                    if (dir == null) throw new DirectoryNotFoundException("nanoMikey.sln not found above " + AppContext.BaseDirectory);
                    _repoRoot = dir;
                }
                return _repoRoot;
            }
        }

        /// <summary>Path of a vector file under <c>tests/vectors</c>, e.g. VectorPath("wycheproof", "aes_gcm_test.json").</summary>
        public static string VectorPath(params string[] parts)
        {
            string[] all = new string[parts.Length + 2];
            all[0] = RepoRoot;
            all[1] = Path.Combine("tests", "vectors");
            Array.Copy(parts, 0, all, 2, parts.Length);
            string path = Path.Combine(all);
            if (!File.Exists(path)) throw new FileNotFoundException("test vector missing from the repository (see tests/vectors/SOURCE.md): " + path, path);
            return path;
        }

        /// <summary>Decodes a hex string (whitespace ignored, case-insensitive).</summary>
        public static byte[] Hex(string hex)
        {
            string s = hex.Replace(" ", "").Replace("\n", "").Replace("\r", "").Replace("\t", "");
            return Convert.FromHexString(s);
        }
    }
}
