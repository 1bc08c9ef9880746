using System;
using System.IO;

namespace NanoMikey.Tests
{
    /// <summary>Locates the shared read-only test data (../shared next to the repo) and decodes hex.</summary>
    public static class TestData
    {
        private static string? _sharedDir;

        /// <summary>Path under the shared directory (the repo's sibling <c>shared</c>), e.g. SharedPath("testvectors", "wycheproof", "x.json").</summary>
        public static string SharedPath(params string[] parts)
        {
            if (_sharedDir == null)
            {
                string? dir = AppContext.BaseDirectory;
                while (dir != null && !File.Exists(Path.Combine(dir, "nanoMikey.sln")))
                {
                    dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
                }
                if (dir == null) throw new DirectoryNotFoundException("nanoMikey.sln not found above " + AppContext.BaseDirectory);
                _sharedDir = Path.GetFullPath(Path.Combine(dir, "..", "shared"));
            }
            string[] all = new string[parts.Length + 1];
            all[0] = _sharedDir;
            Array.Copy(parts, 0, all, 1, parts.Length);
            return Path.Combine(all);
        }

        /// <summary>Decodes a hex string (whitespace ignored, case-insensitive).</summary>
        public static byte[] Hex(string hex)
        {
            string s = hex.Replace(" ", "").Replace("\n", "").Replace("\r", "").Replace("\t", "");
            return Convert.FromHexString(s);
        }
    }
}
