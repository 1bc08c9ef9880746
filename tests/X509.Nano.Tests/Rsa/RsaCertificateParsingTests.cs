using System;
using System.Security.Cryptography;
using NanoMikey.Tests;
using NanoMikey.X509.Asn1;
using X509Certificate = NanoMikey.X509.X509Certificate;
using static NanoMikey.X509.Tests.Rsa.RsaFixtures;

namespace NanoMikey.X509.Tests.Rsa
{
    /// <summary>RSA keys and RSA signature algorithms in certificates (RFC 3279 §2.3.1, RFC 4055 §3.1, §5).</summary>
    public class RsaCertificateParsingTests
    {
        private static byte[] Slice(byte[] d, int off, int len) => d.AsSpan(off, len).ToArray();

        [Fact]
        public void RsaLeafExposesModulusAndExponentAsSlices()
        {
            X509Certificate leaf = Load("rsa-leaf");
            Assert.Equal(X509PublicKeyAlgorithm.Rsa, leaf.PublicKeyAlgorithm);
            // The P-256 view is unchanged: an RSA key is not P-256.
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, leaf.PublicKeyStatus);
            Assert.Equal(X509SignatureAlgorithm.RsaPkcs1Sha256, leaf.SignatureAlgorithm);
            Assert.Equal(X509HashAlgorithm.Sha256, leaf.SignatureHashAlgorithm);
            Assert.Equal(Asn1Status.Ok, leaf.ReadRsaPublicKey(out int mo, out int ml, out int eo, out int el));

            using RSA rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(Bytes("rsa2048.pkcs8.der"), out _);
            RSAParameters p = rsa.ExportParameters(false);
            Assert.Equal(p.Modulus, Slice(leaf.Data, mo, ml));
            Assert.Equal(p.Exponent, Slice(leaf.Data, eo, el));
        }

        [Fact]
        public void EcKeyIsNotRsa()
        {
            X509Certificate ec = Load("ec-leaf-under-rsa");
            Assert.Equal(X509PublicKeyAlgorithm.EcP256, ec.PublicKeyAlgorithm);
            Assert.Equal(X509SignatureAlgorithm.RsaPkcs1Sha256, ec.SignatureAlgorithm);
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, ec.ReadRsaPublicKey(out _, out int ml, out _, out _));
            Assert.Equal(0, ml);
        }

        [Fact]
        public void PssParametersAreRead()
        {
            X509Certificate pss = Load("pss-leaf");
            Assert.Equal(X509SignatureAlgorithm.RsaPss, pss.SignatureAlgorithm);
            Assert.Equal(X509HashAlgorithm.Sha256, pss.SignatureHashAlgorithm);
            Assert.Equal(X509HashAlgorithm.Sha256, pss.PssMaskHashAlgorithm);
            Assert.Equal(32, pss.PssSaltLength);

            X509Certificate mismatch = Load("pss-leaf-mgf1-sha1");
            Assert.Equal(X509HashAlgorithm.Sha256, mismatch.SignatureHashAlgorithm);
            Assert.Equal(X509HashAlgorithm.Sha1, mismatch.PssMaskHashAlgorithm);
        }

        // AlgorithmIdentifier { id-RSASSA-PSS, params } in hex; params written out per case.
        private const string PssOid = "06092a864886f70d01010a";
        private const string Sha256Id = "300d06096086480165030402010500"; // with NULL parameters
        private const string Sha256IdAbsent = "300b0609608648016503040201";
        private const string Mgf1Sha256 = "301a06092a864886f70d010108300d06096086480165030402010500";

        private static string Seq(string hex) => "30" + (hex.Length / 2).ToString("x2") + hex;
        private static string Ctx(int n, string hex) => (0xA0 + n).ToString("x2") + (hex.Length / 2).ToString("x2") + hex;

        public static TheoryData<string, string, Asn1Status, X509HashAlgorithm, X509HashAlgorithm, int> PssParameters => new()
        {
            // case, params hex, expected parse status, hash, MGF1 hash, salt
            { "SHA-256, MGF1-SHA-256, salt 32", Seq(Ctx(0, Sha256Id) + Ctx(1, Mgf1Sha256) + Ctx(2, "020120")), Asn1Status.Ok, X509HashAlgorithm.Sha256, X509HashAlgorithm.Sha256, 32 },
            { "hash parameters absent", Seq(Ctx(0, Sha256IdAbsent) + Ctx(1, Mgf1Sha256) + Ctx(2, "020120")), Asn1Status.Ok, X509HashAlgorithm.Sha256, X509HashAlgorithm.Sha256, 32 },
            { "all defaults (SHA-1, MGF1-SHA-1, 20)", "3000", Asn1Status.Ok, X509HashAlgorithm.Sha1, X509HashAlgorithm.Sha1, 20 },
            { "SHA-384", Seq(Ctx(0, "300d06096086480165030402020500")), Asn1Status.Ok, X509HashAlgorithm.Sha384, X509HashAlgorithm.Sha1, 20 },
            { "unknown mask function", Seq(Ctx(0, Sha256Id) + Ctx(1, "300b06092a864886f70d010109")), Asn1Status.Ok, X509HashAlgorithm.Sha256, X509HashAlgorithm.Unknown, 20 },
            { "parameters absent", "", Asn1Status.InvalidParameters, X509HashAlgorithm.Unknown, X509HashAlgorithm.Unknown, 0 },
            { "default SHA-1 encoded", Seq(Ctx(0, "300906052b0e03021a0500")), Asn1Status.NotCanonical, X509HashAlgorithm.Unknown, X509HashAlgorithm.Unknown, 0 },
            { "default salt 20 encoded", Seq(Ctx(0, Sha256Id) + Ctx(2, "020114")), Asn1Status.NotCanonical, X509HashAlgorithm.Unknown, X509HashAlgorithm.Unknown, 0 },
            { "default trailer 1 encoded", Seq(Ctx(0, Sha256Id) + Ctx(3, "020101")), Asn1Status.NotCanonical, X509HashAlgorithm.Unknown, X509HashAlgorithm.Unknown, 0 },
            { "trailer 2", Seq(Ctx(0, Sha256Id) + Ctx(3, "020102")), Asn1Status.InvalidParameters, X509HashAlgorithm.Unknown, X509HashAlgorithm.Unknown, 0 },
            { "hash parameters not NULL", Seq(Ctx(0, "300e0609608648016503040201020100")), Asn1Status.InvalidParameters, X509HashAlgorithm.Unknown, X509HashAlgorithm.Unknown, 0 },
            { "negative salt", Seq(Ctx(0, Sha256Id) + Ctx(2, "0201ff")), Asn1Status.NegativeInteger, X509HashAlgorithm.Unknown, X509HashAlgorithm.Unknown, 0 },
            { "fields out of order", Seq(Ctx(2, "020120") + Ctx(0, Sha256Id)), Asn1Status.TrailingData, X509HashAlgorithm.Unknown, X509HashAlgorithm.Unknown, 0 },
        };

        [Theory]
        [MemberData(nameof(PssParameters))]
        public void PssParameterEncodings(string scenario, string parameters, Asn1Status expected, X509HashAlgorithm hash, X509HashAlgorithm maskHash, int salt)
        {
            _ = scenario;
            byte[] der = CertificateWithAlgorithm(TestData.Hex(Seq(PssOid + parameters)));
            var c = new X509Certificate();
            Assert.Equal(expected, c.Parse(der, 0, der.Length));
            if (expected == Asn1Status.Ok)
            {
                Assert.Equal(X509SignatureAlgorithm.RsaPss, c.SignatureAlgorithm);
                Assert.Equal(hash, c.SignatureHashAlgorithm);
                Assert.Equal(maskHash, c.PssMaskHashAlgorithm);
                Assert.Equal(salt, c.PssSaltLength);
                Assert.Equal(X509PublicKeyAlgorithm.Rsa, c.PublicKeyAlgorithm);
            }
        }

        [Fact]
        public void Pkcs1AlgorithmNeedsNullParameters()
        {
            byte[] ok = CertificateWithAlgorithm(TestData.Hex("300d06092a864886f70d01010b0500"));
            byte[] absent = CertificateWithAlgorithm(TestData.Hex("300b06092a864886f70d01010b"));
            var c = new X509Certificate();
            Assert.Equal(Asn1Status.Ok, c.Parse(ok, 0, ok.Length));
            Assert.Equal(X509HashAlgorithm.Sha256, c.SignatureHashAlgorithm);
            Assert.Equal(Asn1Status.InvalidParameters, c.Parse(absent, 0, absent.Length));
        }

        [Fact]
        public void VerifySignedByHandsRsaToTheVerifier()
        {
            X509Certificate root = Load("rsa-root");
            X509Certificate intermediate = Load("rsa-intermediate");
            Assert.Equal(Asn1Status.VerifierMissing, intermediate.VerifySignedBy(root));
            var verifier = new DotNetRsaVerifier();
            Assert.Equal(Asn1Status.Ok, intermediate.VerifySignedBy(root, verifier));
            Assert.Equal(Asn1Status.Ok, root.VerifySignedBy(root, verifier));
            Assert.Equal(Asn1Status.SignatureInvalid, intermediate.VerifySignedBy(Load("rsa-root-impostor"), verifier));
            Assert.Equal(Asn1Status.IssuerMismatch, intermediate.VerifySignedBy(intermediate, verifier));
            // An EC issuer of an RSA signature: its key is not RSA.
            X509Certificate ecRoot = Load("ec-root");
            X509Certificate rsaUnderEc = Load("rsa-leaf-under-ec");
            Assert.Equal(Asn1Status.Ok, rsaUnderEc.VerifySignedBy(ecRoot));
            Assert.Equal(Asn1Status.Ok, Load("ec-leaf-under-rsa").VerifySignedBy(intermediate, verifier));
            Assert.Equal(4, verifier.Calls);
        }
    }
}
