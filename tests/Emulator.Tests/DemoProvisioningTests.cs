using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NanoMikey.Firmware.Config;

namespace NanoMikey.Emulator.Tests
{
    /// <summary>
    /// The demo's device configurations (tools/NanoMikey.Emulator/Provisioning/*.conf): a demo CA and one certificate per
    /// device, every key SHA-256("nanoMikey demo key: " + name) — public demo material, never for a real device. Run with
    /// NANOMIKEY_WRITE_DEMO_KEYS=1 to rewrite the files; otherwise the test checks each committed file reads as a complete
    /// configuration whose certificate carries its identity, was issued by the demo CA and matches its private key.
    /// </summary>
    public class DemoProvisioningTests
    {
        private static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset To = new(2045, 1, 1, 0, 0, 0, TimeSpan.Zero);

        internal static readonly (string Name, string Role, string Address, string Peer, string Identity, string PeerIdentity)[] Devices =
        {
            ("door", "intercom", "10.0.0.10", "10.0.0.20", "sip:door@nanomikey.example", "sip:indoor@nanomikey.example"),
            ("indoor", "intercom", "10.0.0.20", "10.0.0.10", "sip:indoor@nanomikey.example", "sip:door@nanomikey.example"),
            ("sensor", "sensor", "10.0.0.30", "10.0.0.40", "sip:sensor@nanomikey.example", "sip:collector@nanomikey.example"),
            ("collector", "collector", "10.0.0.40", "0.0.0.0", "sip:collector@nanomikey.example", "sip:sensor@nanomikey.example"),
        };

        private static byte[] Scalar(string name) => SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey demo key: " + name));

        private static ECDsa Key(string name)
        {
            var p = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var tmp = new NanoMikey.Ecc.P256PrivateKey();
            Assert.True(tmp.TryImport(Scalar(name), 0));
            byte[] pub = new byte[65];
            tmp.PublicKey.ExportUncompressed(pub, 0);
            p.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = Scalar(name), Q = new ECPoint { X = pub[1..33], Y = pub[33..65] } });
            return p;
        }

        private static string Path(string name) => System.IO.Path.Combine(TestData.RepoRoot, "tools", "NanoMikey.Emulator", "Provisioning", name + ".conf");

        private static Dictionary<string, string> Make()
        {
            var files = new Dictionary<string, string>();
            ECDsa caKey = Key("ca");
            var caReq = new CertificateRequest("CN=nanoMikey Demo CA", caKey, HashAlgorithmName.SHA256);
            caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            X509Certificate2 ca = caReq.CreateSelfSigned(From, To);
            string caHex = Convert.ToHexString(ca.RawData).ToLowerInvariant();
            byte serial = 1;
            // PSK of the sensor and its collector only: the stations key with their certificates (ECDH-SIGN by default).
            string psk = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes("nanoMikey demo PSK: sensor/collector"))[..16]).ToLowerInvariant();
            var certs = new Dictionary<string, byte[]>();
            foreach (var d in Devices)
            {
                var req = new CertificateRequest("CN=" + d.Name, Key(d.Name), HashAlgorithmName.SHA256);
                req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
                req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
                var san = new SubjectAlternativeNameBuilder();
                san.AddUri(new Uri(d.Identity));
                req.CertificateExtensions.Add(san.Build());
                certs[d.Name] = req.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), From, To, new byte[] { 0x01, serial++ }).RawData;
            }

            string[] peerOf = { "indoor", "door", "collector", "sensor" };
            for (int i = 0; i < Devices.Length; i++)
            {
                var d = Devices[i];
                byte[] cert = certs[d.Name];
                var sb = new StringBuilder();
                sb.Append("# nanoMikey demo device '").Append(d.Name).Append("': PUBLIC demo key material (tests/Emulator.Tests/DemoProvisioningTests.cs made it).\n");
                sb.Append("# Never provision a real device with these keys.\n");
                sb.Append("role = ").Append(d.Role).Append('\n');
                sb.Append("name = ").Append(d.Name).Append('\n');
                sb.Append("address = ").Append(d.Address).Append('\n');
                if (d.Peer != "0.0.0.0") sb.Append("peer = ").Append(d.Peer).Append('\n');
                sb.Append("sntp = 10.0.0.1:123\n");
                sb.Append("identity = ").Append(d.Identity).Append('\n');
                sb.Append("peer-identity = ").Append(d.PeerIdentity).Append('\n');
                if (d.Role != "intercom") sb.Append("psk = ").Append(psk).Append('\n');
                if (d.Role == "sensor") sb.Append("stream-seconds = 10\n");
                sb.Append("private-key = ").Append(Convert.ToHexString(Scalar(d.Name)).ToLowerInvariant()).Append('\n');
                sb.Append("certificate = ").Append(Convert.ToHexString(cert).ToLowerInvariant()).Append('\n');
                sb.Append("peer-certificate = ").Append(Convert.ToHexString(certs[peerOf[i]]).ToLowerInvariant()).Append('\n');
                sb.Append("trust-anchor = ").Append(caHex).Append('\n');
                files[d.Name] = sb.ToString();
            }

            return files;
        }

        [Fact]
        public void CommittedDemoConfigurationsAreCompleteAndChainToTheDemoCa()
        {
            if (Environment.GetEnvironmentVariable("NANOMIKEY_WRITE_DEMO_KEYS") == "1")
            {
                foreach (var kv in Make()) File.WriteAllText(Path(kv.Key), kv.Value);
            }

            foreach (var d in Devices)
            {
                var config = new DeviceConfig();
                var reader = new DeviceConfigReader();
                Assert.Equal(ConfigStatus.Ok, reader.Read(File.ReadAllText(Path(d.Name)), config));
                Assert.Equal(d.Identity, Encoding.ASCII.GetString(config.Identity!));
                var cert = X509CertificateLoader.LoadCertificate(config.GetCertificate(0));
                var ca = X509CertificateLoader.LoadCertificate(config.GetTrustAnchor(0));
                Assert.Equal(ca.Subject, cert.Issuer);
                Assert.Contains(d.Identity, cert.Extensions["2.5.29.17"]!.Format(false));
                var peer = X509CertificateLoader.LoadCertificate(config.PeerCertificate!);
                Assert.Contains(d.PeerIdentity, peer.Extensions["2.5.29.17"]!.Format(false));
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                chain.ChainPolicy.VerificationTime = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
                Assert.True(chain.Build(cert));
                Assert.Equal(Convert.ToHexString(Key(d.Name).ExportSubjectPublicKeyInfo()), Convert.ToHexString(cert.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo()));
            }
        }
    }
}
