using nanoFramework.TestFramework;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Ecc;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Time;
using NanoMikey.X509.Asn1;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// The ECC fixtures of tests/Mikey.Ecc.Tests/EccFixtures.cs, on the device: certificates from tests/vectors/mikey-ecc, static
    /// scalars SHA-256("nanoMikey ECC test key: " + name), DRBGs seeded with SHA-256("nanoMikey ECC test DRBG: " + seed).
    /// </summary>
    internal static class Fixtures
    {
        /// <summary>The exchange time of the ECC vectors (2022-08-20), inside every fixture certificate's validity.</summary>
        public const ulong T = 0xe6a9c0d800000000;

        public static readonly byte[] Alice = Bytes.Ascii("sip:alice@example.com");
        public static readonly byte[] Bob = Bytes.Ascii("sip:bob@example.com");

        private static byte[] Sha256Of(string text)
        {
            byte[] b = Bytes.Ascii(text), h = new byte[32];
            Sha256.Hash(b, 0, b.Length, h, 0);
            return h;
        }

        public static byte[] Scalar(string name) => Sha256Of("nanoMikey ECC test key: " + name);

        public static HmacDrbg Drbg(string seed) => new HmacDrbg(Sha256Of("nanoMikey ECC test DRBG: " + seed), new byte[16], null, 1 << 16);

        public static byte[] Cert(string name) => VectorRecords.Lookup(Vectors.MikeyEccCertificates(), name);

        public static EccCredentials Credentials(string key, byte[] identity, string certificate)
        {
            var c = new EccCredentials();
            Assert.IsTrue(c.Key.TryImport(Scalar(key), 0), "key " + key);
            c.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            byte[] der = Cert(certificate);
            c.AddCertificate(der, 0, der.Length);
            return c;
        }

        public static EccPeerTrust TrustCa()
        {
            var t = new EccPeerTrust();
            byte[] ca = Cert("ca");
            Assert.IsTrue(t.AddTrustAnchor(ca, 0, ca.Length) == Asn1Status.Ok, "trust anchor");
            return t;
        }

        public static ReplayCache Cache(IMikeyClock clock) => new ReplayCache(16, clock, new FreshnessPolicy());
    }

    /// <summary>A settable clock.</summary>
    internal sealed class TestClock : IMikeyClock
    {
        public TestClock(ulong now)
        {
            NtpNow = now;
        }

        public ulong NtpNow { get; set; }

        public uint OffsetBoundSeconds { get; set; }
    }
}
