using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>
    /// Makes the fixtures of tests/vectors/mikey-rsa: with MIKEY_RSA_WRITE_FIXTURES=1 it writes new random 2048-bit keys
    /// (pk-keys.txt) when none exist and (re)issues the certificates from them with .NET's CertificateRequest under the ECC
    /// test CA. Otherwise the test checks that each committed certificate holds what the generator would put in it (names,
    /// SAN, validity, the committed key; the CA's ECDSA signatures differ run to run).
    /// </summary>
    public class RsaFixtureGenerator
    {
        private static readonly DateTimeOffset From = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset To = new(2049, 12, 31, 0, 0, 0, TimeSpan.Zero);
        private static readonly string[] KeyNames = { "alice", "bob", "carol" };

        private static ECDsa CaKey()
        {
            byte[] d = SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey ECC test key: ca"));
            var k = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
            return k;
        }

        private static byte[] Issue(X509Certificate2 ca, ECDsa caKey, string subject, string key, string? uri, DateTimeOffset from, DateTimeOffset to, byte serial)
        {
            var req = new CertificateRequest(subject, RSA.Create(RsaFixtures.DotNetKey(key)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            if (uri != null)
            {
                var san = new SubjectAlternativeNameBuilder();
                san.AddUri(new Uri(uri));
                req.CertificateExtensions.Add(san.Build());
            }
            return req.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), from, to, new byte[] { 0x02, serial }).RawData;
        }

        /// <summary>Every certificate fixture: name → DER.</summary>
        internal static Dictionary<string, byte[]> Make()
        {
            var ca = X509CertificateLoader.LoadCertificate(RsaFixtures.CaCert());
            ECDsa caKey = CaKey();
            return new Dictionary<string, byte[]>
            {
                ["alice"] = Issue(ca, caKey, "CN=Alice", "alice", "sip:alice@example.com", From, To, 1),
                ["bob"] = Issue(ca, caKey, "CN=Bob", "bob", "sip:bob@example.com", From, To, 2),
                ["carol"] = Issue(ca, caKey, "CN=Carol", "carol", "sip:carol@example.com", From, To, 3),
                ["alice-expired"] = Issue(ca, caKey, "CN=Alice", "alice", "sip:alice@example.com",
                    new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero), 4),
            };
        }

        [Fact]
        public void CommittedCertificatesMatchTheGenerator()
        {
            string dir = Path.Combine(TestData.RepoRoot, "tests", "vectors", "mikey-rsa");
            if (Environment.GetEnvironmentVariable("MIKEY_RSA_WRITE_FIXTURES") == "1")
            {
                Directory.CreateDirectory(dir);
                string keys = Path.Combine(dir, "pk-keys.txt");
                if (!File.Exists(keys))
                {
                    var sb = new StringBuilder("# name p q e (hex): random 2048-bit RSA keys made once by RsaFixtureGenerator (MIKEY_RSA_WRITE_FIXTURES=1)\n");
                    foreach (string name in KeyNames)
                    {
                        RSAParameters p = RSA.Create(2048).ExportParameters(true);
                        sb.Append(name).Append(' ').Append(Convert.ToHexString(p.P!)).Append(' ').Append(Convert.ToHexString(p.Q!))
                          .Append(' ').Append(Convert.ToHexString(p.Exponent!)).Append('\n');
                    }
                    File.WriteAllText(keys, sb.ToString());
                }
                foreach (var kv in Make()) File.WriteAllBytes(Path.Combine(dir, "pk-" + kv.Key + ".der"), kv.Value);
            }

            foreach (var kv in Make())
            {
                var made = X509CertificateLoader.LoadCertificate(kv.Value);
                var committed = X509CertificateLoader.LoadCertificate(RsaFixtures.Cert(kv.Key));
                Assert.Equal(made.Subject, committed.Subject);
                Assert.Equal(made.Issuer, committed.Issuer);
                Assert.Equal(made.NotBefore, committed.NotBefore);
                Assert.Equal(made.NotAfter, committed.NotAfter);
                Assert.Equal(made.GetPublicKey(), committed.GetPublicKey());
            }
        }
    }
}
