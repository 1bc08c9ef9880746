using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Time;

namespace NanoMikey.Fuzz
{
    /// <summary>
    /// The repository's test material the targets need: certificates and keys of tests/vectors (the same fixtures the mode
    /// tests use), a fixed clock and deterministic DRBGs, so every run of a target sees the same established state.
    /// </summary>
    public static class Fixtures
    {
        /// <summary>The exchange time of the fixtures: 2022-08-20 (samples.md §8.2's T), inside every certificate's validity.</summary>
        public const ulong T = 0xe6a9c0d800000000;

        private static string? _root;

        /// <summary>The repository root: FUZZ_REPO_ROOT, else the nearest folder above the binaries that holds nanoMikey.sln.</summary>
        public static string RepoRoot
        {
            get
            {
                if (_root != null) return _root;
                string? dir = Environment.GetEnvironmentVariable("FUZZ_REPO_ROOT");
                if (string.IsNullOrEmpty(dir))
                {
                    dir = AppContext.BaseDirectory;
                    while (dir != null && !File.Exists(Path.Combine(dir, "nanoMikey.sln")))
                    {
                        dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
                    }
                }

                if (dir == null) throw new DirectoryNotFoundException("nanoMikey.sln not found above " + AppContext.BaseDirectory + " (set FUZZ_REPO_ROOT)");
                return _root = dir;
            }
        }

        /// <summary>A file under tests/vectors.</summary>
        public static byte[] Vector(string folder, string name) => File.ReadAllBytes(Path.Combine(RepoRoot, "tests", "vectors", folder, name));

        /// <summary>The ECC fixtures' static scalars: SHA-256("nanoMikey ECC test key: " + name) (tests/Mikey.Ecc.Tests/EccFixtures.cs).</summary>
        public static byte[] EccScalar(string name) => SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey ECC test key: " + name));

        /// <summary>A deterministic DRBG for one party of one target.</summary>
        public static HmacDrbg Drbg(string seed)
        {
            byte[] entropy = SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey fuzz DRBG: " + seed));
            return new HmacDrbg(entropy, new byte[16], null, 1 << 20);
        }

        /// <summary>The RSA fixture primes of tests/vectors/mikey-rsa/pk-keys.txt: name → (p, q, e).</summary>
        public static (byte[] P, byte[] Q, byte[] E) RsaKey(string name)
        {
            string path = Path.Combine(RepoRoot, "tests", "vectors", "mikey-rsa", "pk-keys.txt");
            foreach (string line in File.ReadAllLines(path))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                string[] f = line.Split(' ');
                if (f[0] == name) return (Convert.FromHexString(f[1]), Convert.FromHexString(f[2]), Convert.FromHexString(f[3]));
            }

            throw new KeyNotFoundException(name);
        }
    }

    /// <summary>A clock that stands still at <see cref="Fixtures.T"/>.</summary>
    public sealed class FixedClock : IMikeyClock
    {
        /// <inheritdoc />
        public ulong NtpNow { get; set; } = Fixtures.T;

        /// <inheritdoc />
        public uint OffsetBoundSeconds { get; set; }
    }
}
