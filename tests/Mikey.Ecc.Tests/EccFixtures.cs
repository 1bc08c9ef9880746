using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>
    /// The committed certificates of tests/vectors/mikey-ecc (made by <see cref="CertificateFixtureGenerator"/>) and the fixed
    /// keys behind them: every static scalar is SHA-256("nanoMikey ECC test key: " + name).
    /// </summary>
    internal static class EccFixtures
    {
        /// <summary>The exchange time of the tests: 2022-08-20 (samples.md §8.2's T), inside every fixture's validity but the expired one's.</summary>
        internal const ulong T = 0xe6a9c0d800000000;

        internal static readonly byte[] Alice = Encoding.ASCII.GetBytes("sip:alice@example.com");
        internal static readonly byte[] Bob = Encoding.ASCII.GetBytes("sip:bob@example.com");

        internal static byte[] Scalar(string name) => SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey ECC test key: " + name));

        internal static P256PrivateKey Key(string name)
        {
            var k = new P256PrivateKey();
            Assert.True(k.TryImport(Scalar(name), 0));
            return k;
        }

        internal static byte[] Cert(string name) => File.ReadAllBytes(TestData.VectorPath("mikey-ecc", name + ".der"));

        internal static HmacDrbg Drbg(string seed)
        {
            byte[] entropy = SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey ECC test DRBG: " + seed));
            return new HmacDrbg(entropy, new byte[16], null, 1 << 16);
        }

        /// <summary>Credentials of a party: key "name", certificate chain (leaf first), identity.</summary>
        internal static EccCredentials Credentials(string key, byte[] identity, params string[] chain)
        {
            var c = new EccCredentials();
            Assert.True(c.Key.TryImport(Scalar(key), 0));
            c.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            foreach (string name in chain)
            {
                byte[] der = Cert(name);
                c.AddCertificate(der, 0, der.Length);
            }
            return c;
        }

        /// <summary>Trust in the test CA.</summary>
        internal static EccPeerTrust TrustCa()
        {
            var t = new EccPeerTrust();
            byte[] ca = Cert("ca");
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
