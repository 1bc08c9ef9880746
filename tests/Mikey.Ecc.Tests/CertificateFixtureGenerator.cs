using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NanoMikey.Ecc;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>
    /// Makes the certificates of tests/vectors/mikey-ecc with .NET's CertificateRequest, from the fixed keys of
    /// <see cref="EccFixtures"/>. Run once with MIKEY_ECC_WRITE_FIXTURES=1 to (re)write the committed files; otherwise the
    /// test checks that each committed certificate still has what the generator would put in it (names, SAN, validity, key;
    /// the ECDSA signatures differ run to run).
    /// </summary>
    public class CertificateFixtureGenerator
    {
        private static readonly DateTimeOffset From = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset To = new(2049, 12, 31, 0, 0, 0, TimeSpan.Zero);

        private static ECDsa EcKey(string name)
        {
            var k = EccFixtures.Key(name);
            byte[] pub = new byte[65];
            k.PublicKey.ExportUncompressed(pub, 0);
            return ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = EccFixtures.Scalar(name),
                Q = new ECPoint { X = pub[1..33], Y = pub[33..65] },
            });
        }

        private static CertificateRequest Request(string subject, ECDsa key, string? uri, bool ca)
        {
            var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, false, 0, true));
            req.CertificateExtensions.Add(new X509KeyUsageExtension(
                ca ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
            if (uri != null)
            {
                var san = new SubjectAlternativeNameBuilder();
                san.AddUri(new Uri(uri));
                req.CertificateExtensions.Add(san.Build());
            }
            return req;
        }

        private static int _serial;

        private static X509Certificate2 Issue(X509Certificate2 issuer, ECDsa issuerKey, string subject, string key, string? uri, bool ca,
            DateTimeOffset from, DateTimeOffset to)
        {
            var req = Request(subject, EcKey(key), uri, ca);
            var gen = X509SignatureGenerator.CreateForECDsa(issuerKey);
            byte[] serial = { 0x01, (byte)(++_serial) };
            return req.Create(issuer.SubjectName, gen, from, to, serial);
        }

        /// <summary>Every fixture: file name → DER.</summary>
        internal static Dictionary<string, byte[]> Make()
        {
            _serial = 0;
            var result = new Dictionary<string, byte[]>();
            ECDsa caKey = EcKey("ca");
            X509Certificate2 ca = Request("CN=nanoMikey Test CA", caKey, null, true).CreateSelfSigned(From, To);
            result["ca"] = ca.RawData;
            ECDsa interKey = EcKey("intermediate");
            X509Certificate2 inter = Issue(ca, caKey, "CN=nanoMikey Test Intermediate", "intermediate", null, true, From, To);
            result["intermediate"] = inter.RawData;
            result["alice"] = Issue(ca, caKey, "CN=Alice", "alice", "sip:alice@example.com", false, From, To).RawData;
            result["bob"] = Issue(ca, caKey, "CN=Bob", "bob", "sip:bob@example.com", false, From, To).RawData;
            result["alice-expired"] = Issue(ca, caKey, "CN=Alice", "alice", "sip:alice@example.com", false,
                new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero)).RawData;
            result["carol-cn"] = Issue(ca, caKey, "CN=sip:carol@example.com", "carol", null, false, From, To).RawData;
            result["dave"] = Issue(inter, interKey, "CN=Dave", "dave", "sip:dave@example.com", false, From, To).RawData;
            ECDsa rogueKey = EcKey("rogue-ca");
            X509Certificate2 rogue = Request("CN=nanoMikey Test CA", rogueKey, null, true).CreateSelfSigned(From, To);
            result["rogue-ca"] = rogue.RawData;
            result["alice-rogue"] = Issue(rogue, rogueKey, "CN=Alice", "alice", "sip:alice@example.com", false, From, To).RawData;
            return result;
        }

        [Fact]
        public void CommittedCertificatesMatchTheGenerator()
        {
            var fresh = Make();
            if (Environment.GetEnvironmentVariable("MIKEY_ECC_WRITE_FIXTURES") == "1")
            {
                string dir = Path.Combine(TestData.RepoRoot, "tests", "vectors", "mikey-ecc");
                Directory.CreateDirectory(dir);
                foreach (var kv in fresh) File.WriteAllBytes(Path.Combine(dir, kv.Key + ".der"), kv.Value);
            }

            foreach (var kv in fresh)
            {
                var made = X509CertificateLoader.LoadCertificate(kv.Value);
                var committed = X509CertificateLoader.LoadCertificate(EccFixtures.Cert(kv.Key));
                Assert.Equal(made.Subject, committed.Subject);
                Assert.Equal(made.Issuer, committed.Issuer);
                Assert.Equal(made.NotBefore, committed.NotBefore);
                Assert.Equal(made.NotAfter, committed.NotAfter);
                Assert.Equal(made.GetPublicKey(), committed.GetPublicKey());
                Assert.Equal(Ext(made, "2.5.29.17"), Ext(committed, "2.5.29.17"));
            }
        }

        private static string Ext(X509Certificate2 c, string oid)
        {
            foreach (var e in c.Extensions)
            {
                if (e.Oid?.Value == oid) return Convert.ToHexString(e.RawData);
            }
            return "";
        }
    }
}
