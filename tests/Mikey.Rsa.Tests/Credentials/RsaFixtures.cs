using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;
using NanoMikey.Rsa;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>
    /// The committed fixtures of tests/vectors/mikey-rsa: 2048-bit RSA keys (pk-keys.txt: name, p, q, e in hex, made once by
    /// <see cref="RsaFixtureGenerator"/>) and RSA-key certificates issued by the ECC test CA (tests/vectors/mikey-ecc/ca.der,
    /// P-256 key SHA-256("nanoMikey ECC test key: ca")), so a chain validates with X509.Nano's own ECDSA.
    /// </summary>
    internal static class RsaFixtures
    {
        /// <summary>The exchange time of the tests: 2022-08-20, inside every fixture's validity but the expired one's.</summary>
        internal const ulong T = 0xe6a9c0d800000000;

        internal static readonly byte[] Alice = Encoding.ASCII.GetBytes("sip:alice@example.com");
        internal static readonly byte[] Bob = Encoding.ASCII.GetBytes("sip:bob@example.com");

        private static Dictionary<string, (byte[] p, byte[] q, byte[] e)>? _keys;

        internal static Dictionary<string, (byte[] p, byte[] q, byte[] e)> KeyFile()
        {
            if (_keys != null) return _keys;
            var d = new Dictionary<string, (byte[], byte[], byte[])>();
            foreach (string line in File.ReadAllLines(TestData.VectorPath("mikey-rsa", "pk-keys.txt")))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                string[] f = line.Split(' ');
                d[f[0]] = (Convert.FromHexString(f[1]), Convert.FromHexString(f[2]), Convert.FromHexString(f[3]));
            }
            return _keys = d;
        }

        internal static RsaPrivateKey Key(string name)
        {
            var (p, q, e) = KeyFile()[name];
            var k = new RsaPrivateKey(2048);
            Assert.True(k.TryImportPrimes(p, 0, p.Length, q, 0, q.Length, e, 0, e.Length));
            return k;
        }

        /// <summary>The same key as .NET parameters (for certificates and reference checks).</summary>
        internal static RSAParameters DotNetKey(string name)
        {
            var (pb, qb, eb) = KeyFile()[name];
            BigInteger p = U(pb), q = U(qb), e = U(eb), n = p * q, d = ModInverse(e, (p - 1) * (q - 1));
            int k = pb.Length + qb.Length, h = pb.Length;
            return new RSAParameters
            {
                Modulus = B(n, k), Exponent = eb, D = B(d, k), P = pb, Q = qb,
                DP = B(d % (p - 1), h), DQ = B(d % (q - 1), h), InverseQ = B(ModInverse(q, p), h),
            };
        }

        internal static BigInteger U(byte[] b) => new(b, true, true);

        internal static byte[] B(BigInteger v, int length)
        {
            byte[] raw = v.ToByteArray(true, true), r = new byte[length];
            Array.Copy(raw, 0, r, length - raw.Length, raw.Length);
            return r;
        }

        internal static BigInteger ModInverse(BigInteger a, BigInteger m)
        {
            BigInteger g = m, x = 0, x1 = 1, a1 = a % m;
            while (a1 != 0) { BigInteger q = g / a1; (g, a1) = (a1, g - q * a1); (x, x1) = (x1, x - q * x1); }
            return ((x % m) + m) % m;
        }

        internal static byte[] Cert(string name) => File.ReadAllBytes(TestData.VectorPath("mikey-rsa", "pk-" + name + ".der"));

        internal static byte[] CaCert() => File.ReadAllBytes(TestData.VectorPath("mikey-ecc", "ca.der"));

        internal static HmacDrbg Drbg(string seed)
        {
            byte[] entropy = SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey RSA test DRBG: " + seed));
            return new HmacDrbg(entropy, new byte[16], null, 1 << 16);
        }

        /// <summary>Credentials of a party: key "name", certificate chain (fixture names, leaf first), identity.</summary>
        internal static RsaCredentials Credentials(string key, byte[] identity, params string[] chain)
        {
            var c = new RsaCredentials(2048);
            var (p, q, e) = KeyFile()[key];
            Assert.True(c.Key.TryImportPrimes(p, 0, p.Length, q, 0, q.Length, e, 0, e.Length));
            c.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            foreach (string name in chain)
            {
                byte[] der = Cert(name);
                c.AddCertificate(der, 0, der.Length);
            }
            return c;
        }

        /// <summary>Trust in the test CA.</summary>
        internal static RsaPeerTrust TrustCa()
        {
            var t = new RsaPeerTrust(2048);
            byte[] ca = CaCert();
            Assert.Equal(NanoMikey.X509.Asn1.Asn1Status.Ok, t.AddTrustAnchor(ca, 0, ca.Length));
            return t;
        }

        internal static ReplayCache Cache(TestClock clock, int size = 16) => new ReplayCache(size, clock, new FreshnessPolicy());

        internal static string Hex(byte[] b, int offset, int n) => Convert.ToHexString(b, offset, n).ToLowerInvariant();
    }

    /// <summary>A settable clock.</summary>
    internal sealed class TestClock : IMikeyClock
    {
        public ulong NtpNow { get; set; }
        public uint OffsetBoundSeconds { get; set; }
    }
}
