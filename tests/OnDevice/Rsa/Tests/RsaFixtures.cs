using nanoFramework.TestFramework;
using NanoMikey.Crypto.Hash;
using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Rsa;
using NanoMikey.X509.Asn1;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// The RSA fixtures of tests/Mikey.Rsa.Tests/Credentials/RsaFixtures.cs, on the device: keys from
    /// tests/vectors/mikey-rsa/pk-keys.txt (p, q, e), certificates pk-*.der under the ECC test CA (mikey-ecc/ca.der), DRBGs
    /// seeded with SHA-256("nanoMikey RSA test DRBG: " + seed) and a 16-byte zero nonce.
    /// </summary>
    internal static class RsaFixtures
    {
        private static byte[] Sha256Of(string text)
        {
            byte[] b = Bytes.Ascii(text), h = new byte[32];
            Sha256.Hash(b, 0, b.Length, h, 0);
            return h;
        }

        public static HmacDrbg Drbg(string seed) => new HmacDrbg(Sha256Of("nanoMikey RSA test DRBG: " + seed), new byte[16], null, 1 << 16);

        public static byte[] Cert(string name) => VectorRecords.Lookup(Vectors.MikeyRsaCertificates(), "pk-" + name);

        // Key import costs several seconds on the interpreter: each party's credentials are made once and shared by the tests
        // (an exchange only reads them).
        private static RsaCredentials _alice, _bob;

        /// <summary>Alice's credentials (key and certificate "alice", IDi sip:alice@example.com), made once.</summary>
        public static RsaCredentials Alice => _alice ?? (_alice = Credentials("alice", Fixtures.Alice));

        /// <summary>Bob's credentials (key and certificate "bob", IDr sip:bob@example.com), made once.</summary>
        public static RsaCredentials Bob => _bob ?? (_bob = Credentials("bob", Fixtures.Bob));

        /// <summary>Credentials of a party: key and certificate "name" (pk-keys.txt, pk-name.der), URI identity.</summary>
        private static RsaCredentials Credentials(string name, byte[] identity)
        {
            var c = new RsaCredentials(2048);
            var r = new VectorRecords(Vectors.MikeyRsaKeys());
            bool found = false;
            while (r.Next())
            {
                if (!r.Is(0, name)) continue;
                Assert.IsTrue(c.Key.TryImportPrimes(r.Data, r.Offset(1), r.Length(1), r.Data, r.Offset(2), r.Length(2), r.Data, r.Offset(3), r.Length(3)),
                    "key " + name);
                found = true;
            }
            Assert.IsTrue(found, "no key " + name);
            c.SetIdentity(IdType.Uri, identity, 0, identity.Length);
            byte[] der = Cert(name);
            c.AddCertificate(der, 0, der.Length);
            return c;
        }

        /// <summary>Trust in the test CA (the ECC test CA issued the RSA fixtures' certificates).</summary>
        public static RsaPeerTrust TrustCa()
        {
            var t = new RsaPeerTrust(2048);
            byte[] ca = Fixtures.Cert("ca");
            Assert.IsTrue(t.AddTrustAnchor(ca, 0, ca.Length) == Asn1Status.Ok, "trust anchor");
            return t;
        }
    }
}
