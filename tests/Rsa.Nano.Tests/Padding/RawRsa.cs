using System.Numerics;
using System.Security.Cryptography;

namespace NanoMikey.Rsa.Tests
{
    /// <summary>
    /// Textbook RSA (RFC 8017 §5.1.1, §5.2.1 without CRT) on .NET's BigInteger: the reference primitive for testing the
    /// padding encoders independently of the BigNum core.
    /// </summary>
    internal sealed class RawRsa
    {
        public RawRsa(RSAParameters p)
        {
            N = FromBytes(p.Modulus!);
            E = FromBytes(p.Exponent!);
            D = p.D == null ? BigInteger.Zero : FromBytes(p.D);
            K = p.Modulus!.Length;
            Bits = (int)N.GetBitLength();
            DBytes = p.D == null ? new byte[0] : ToBytes(D, K);
        }

        public BigInteger N { get; }
        public BigInteger E { get; }
        public BigInteger D { get; }
        public int K { get; }
        public int Bits { get; }
        /// <summary>I2OSP(d, k).</summary>
        public byte[] DBytes { get; }

        public static BigInteger FromBytes(byte[] b) => new BigInteger(b, isUnsigned: true, isBigEndian: true);

        public static byte[] ToBytes(BigInteger v, int length)
        {
            byte[] raw = v.ToByteArray(isUnsigned: true, isBigEndian: true);
            if (raw.Length > length) throw new ArgumentException("value too large");
            var r = new byte[length];
            Array.Copy(raw, 0, r, length - raw.Length, raw.Length);
            return r;
        }

        /// <summary>RSAEP / RSAVP1: m^e mod n, k bytes.</summary>
        public byte[] Public(byte[] m) => ToBytes(BigInteger.ModPow(FromBytes(m), E, N), K);

        /// <summary>RSADP / RSASP1: c^d mod n, k bytes.</summary>
        public byte[] Private(byte[] c) => ToBytes(BigInteger.ModPow(FromBytes(c), D, N), K);

        public static RSA Create(int bits, int seed)
        {
            // Key generation is slow for 4096 bits; one key per size and seed is cached for the whole test run.
            lock (Cache)
            {
                string name = bits + "/" + seed;
                if (!Cache.TryGetValue(name, out var p))
                {
                    if (bits % 8 != 0)
                    {
                        p = Generate(bits, seed);
                    }
                    else
                    {
                        using var rsa = RSA.Create(bits);
                        p = rsa.ExportParameters(true);
                    }
                    Cache[name] = p;
                }
                var r = RSA.Create();
                r.ImportParameters(p);
                return r;
            }
        }

        /// <summary>
        /// A key of any bit length (odd ones too, which .NET's generator refuses): two seeded random primes with their
        /// top two bits set, so n has exactly <paramref name="bits"/> bits; e = 65537; CRT parameters for .NET's import.
        /// </summary>
        public static RSAParameters Generate(int bits, int seed)
        {
            lock (Cache)
            {
                string name = "gen " + bits + "/" + seed;
                if (Cache.TryGetValue(name, out var cached)) return cached;
                var rng = new Random(seed);
                BigInteger e = 65537;
                while (true)
                {
                    int pBits = (bits + 1) / 2;
                    BigInteger p = Prime(pBits, rng, e);
                    BigInteger q = Prime(bits - pBits, rng, e);
                    if (p == q) continue;
                    if (p < q) (p, q) = (q, p);
                    BigInteger n = p * q;
                    if (n.GetBitLength() != bits) continue;
                    BigInteger phi = (p - 1) * (q - 1);
                    BigInteger d = Inverse(e, phi);
                    int k = (bits + 7) / 8;
                    int half = (k + 1) / 2;
                    var r = new RSAParameters
                    {
                        Modulus = ToBytes(n, k),
                        Exponent = ToBytes(e, 3),
                        D = ToBytes(d, k),
                        P = ToBytes(p, half),
                        Q = ToBytes(q, half),
                        DP = ToBytes(d % (p - 1), half),
                        DQ = ToBytes(d % (q - 1), half),
                        InverseQ = ToBytes(Inverse(q, p), half),
                    };
                    Cache[name] = r;
                    return r;
                }
            }
        }

        private static BigInteger Prime(int bits, Random rng, BigInteger e)
        {
            var buf = new byte[(bits + 7) / 8];
            while (true)
            {
                rng.NextBytes(buf);
                BigInteger c = FromBytes(buf) & ((BigInteger.One << bits) - 1);
                c |= (BigInteger.One << (bits - 1)) | (BigInteger.One << (bits - 2)) | 1;
                if ((c - 1) % e == 0) continue;
                if (IsProbablePrime(c, rng)) return c;
            }
        }

        private static bool IsProbablePrime(BigInteger n, Random rng)
        {
            foreach (int sp in new[] { 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 })
            {
                if (n % sp == 0) return n == sp;
            }
            BigInteger d = n - 1;
            int s = 0;
            while (d.IsEven) { d >>= 1; s++; }
            var buf = new byte[n.GetByteCount(true)];
            for (int round = 0; round < 32; round++)
            {
                rng.NextBytes(buf);
                BigInteger a = FromBytes(buf) % (n - 3) + 2;
                BigInteger x = BigInteger.ModPow(a, d, n);
                if (x == 1 || x == n - 1) continue;
                bool composite = true;
                for (int i = 1; i < s && composite; i++)
                {
                    x = BigInteger.ModPow(x, 2, n);
                    if (x == n - 1) composite = false;
                }
                if (composite) return false;
            }
            return true;
        }

        public static BigInteger Inverse(BigInteger a, BigInteger m)
        {
            BigInteger g = m, x = 0, x1 = 1, b = a % m;
            while (b != 0)
            {
                BigInteger q = g / b;
                (g, b) = (b, g - q * b);
                (x, x1) = (x1, x - q * x1);
            }
            if (g != 1) throw new ArgumentException("not invertible");
            return (x % m + m) % m;
        }

        private static readonly Dictionary<string, RSAParameters> Cache = new Dictionary<string, RSAParameters>();
    }
}
