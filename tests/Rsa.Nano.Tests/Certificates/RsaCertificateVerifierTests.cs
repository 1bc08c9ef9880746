using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoMikey.Tests;
using NanoMikey.X509;
using NanoMikey.X509.Asn1;
using X509Certificate = NanoMikey.X509.X509Certificate;
using X509ChainStatus = NanoMikey.X509.X509ChainStatus;

namespace NanoMikey.Rsa.Tests.Certificates
{
    /// <summary>
    /// RsaCertificateVerifier behind X509ChainValidator over the OpenSSL-made chains of tests/vectors/x509/rsa (make.sh
    /// there: names, extensions and dates), and against .NET-made certificates.
    /// </summary>
    public class RsaCertificateVerifierTests
    {
        private static readonly ulong Now = Ntp(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        private static ulong Ntp(DateTimeOffset t) => (ulong)((t - new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)).Ticks / TimeSpan.TicksPerSecond);

        private static byte[] Bytes(string name) => File.ReadAllBytes(TestData.VectorPath("x509", "rsa", name));

        private static X509Certificate Parse(byte[] der)
        {
            var c = new X509Certificate();
            Assert.Equal(Asn1Status.Ok, c.Parse(der, 0, der.Length));
            return c;
        }

        private static X509Certificate Load(string name) => Parse(Bytes(name + ".der"));

        private static X509ChainValidator Validator(string anchor, bool withVerifier)
        {
            var v = new X509ChainValidator();
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(Load(anchor)));
            if (withVerifier)
            {
                v.SignatureVerifier = new RsaCertificateVerifier(RsaPublicKey.MaxBits);
            }

            return v;
        }

        public static TheoryData<string, string, string, string[], bool, X509ChainStatus, int> Scenarios => new()
        {
            // scenario, anchor, leaf, intermediates, verifier set, expected, failed depth
            { "RSA chain", "rsa-root", "rsa-leaf", new[] { "rsa-intermediate" }, true, X509ChainStatus.Valid, -1 },
            { "RSA chain, root supplied too", "rsa-root", "rsa-leaf", new[] { "rsa-root", "rsa-intermediate" }, true, X509ChainStatus.Valid, -1 },
            { "no verifier set", "rsa-root", "rsa-leaf", new[] { "rsa-intermediate" }, false, X509ChainStatus.VerifierMissing, 1 },
            { "expired leaf", "rsa-root", "rsa-leaf-expired", new[] { "rsa-intermediate" }, true, X509ChainStatus.Expired, 0 },
            { "anchor with the root's name and another key", "rsa-root-impostor", "rsa-leaf", new[] { "rsa-intermediate" }, true, X509ChainStatus.SignatureInvalid, 1 },
            { "wrong issuer", "pss-root", "rsa-leaf", new[] { "rsa-intermediate" }, true, X509ChainStatus.NameChainingFailed, 1 },
            { "intermediate missing", "rsa-root", "rsa-leaf", new string[0], true, X509ChainStatus.NameChainingFailed, 0 },
            { "sha1WithRSAEncryption leaf", "rsa-root", "rsa-leaf-sha1", new[] { "rsa-intermediate" }, true, X509ChainStatus.UnsupportedAlgorithm, 0 },
            { "PSS chain", "pss-root", "pss-leaf", new string[0], true, X509ChainStatus.Valid, -1 },
            { "PSS, MGF1-SHA-1 under SHA-256", "pss-root", "pss-leaf-mgf1-sha1", new string[0], true, X509ChainStatus.UnsupportedAlgorithm, 0 },
            { "PSS, no verifier set", "pss-root", "pss-leaf", new string[0], false, X509ChainStatus.VerifierMissing, 0 },
            { "P-256 leaf under RSA", "rsa-root", "ec-leaf-under-rsa", new[] { "rsa-intermediate" }, true, X509ChainStatus.Valid, -1 },
            { "RSA leaf under a P-256 root", "ec-root", "rsa-leaf-under-ec", new string[0], true, X509ChainStatus.Valid, -1 },
        };

        [Theory]
        [MemberData(nameof(Scenarios))]
        public void Chains(string scenario, string anchor, string leaf, string[] intermediates, bool withVerifier, X509ChainStatus expected, int failedDepth)
        {
            _ = scenario;
            X509ChainValidator v = Validator(anchor, withVerifier);
            var parsed = new X509Certificate[intermediates.Length];
            for (int i = 0; i < parsed.Length; i++)
            {
                parsed[i] = Load(intermediates[i]);
            }

            Assert.Equal(expected, v.Validate(Load(leaf), parsed, parsed.Length, Now));
            Assert.Equal(failedDepth, v.FailedDepth);
        }

        [Theory]
        [InlineData("rsa-leaf", 0, new[] { "rsa-intermediate" }, "rsa-root")]
        [InlineData("rsa-intermediate", 0, new string[0], "rsa-root")]
        [InlineData("pss-leaf", 0, new string[0], "pss-root")]
        [InlineData("ec-leaf-under-rsa", 0, new[] { "rsa-intermediate" }, "rsa-root")]
        public void OneFlippedByteBreaksTheSignature(string name, int unused, string[] intermediates, string anchor)
        {
            _ = unused;
            X509ChainValidator v = Validator(anchor, true);
            v.RequiredLeafKeyUsage = X509KeyUsage.None; // the intermediate as a leaf has no digitalSignature
            var parsed = Array.ConvertAll(intermediates, Load);
            byte[] der = Bytes(name + ".der");
            X509Certificate good = Parse(der);
            Assert.Equal(X509ChainStatus.Valid, v.Validate(good, parsed, parsed.Length, Now));

            // In the signature value and in the signed bytes (a serial number octet).
            var flipped = (byte[])der.Clone();
            flipped[good.SignatureOffset + good.SignatureLength / 2] ^= 0x01;
            Assert.Equal(X509ChainStatus.SignatureInvalid, v.Validate(Parse(flipped), parsed, parsed.Length, Now));
            Assert.Equal(0, v.FailedDepth);
            flipped = (byte[])der.Clone();
            flipped[good.SerialNumberOffset + good.SerialNumberLength - 1] ^= 0x01;
            Assert.Equal(X509ChainStatus.SignatureInvalid, v.Validate(Parse(flipped), parsed, parsed.Length, Now));
        }

        [Fact]
        public void VerifierRefusesWhatItCannotCheck()
        {
            var verifier = new RsaCertificateVerifier(2048);
            X509Certificate leaf = Load("rsa-leaf");
            X509Certificate intermediate = Load("rsa-intermediate");
            X509Certificate root = Load("rsa-root");
            Assert.Equal(Asn1Status.Ok, leaf.VerifySignedBy(intermediate, verifier));
            // A 3072-bit issuer is beyond a 2048-bit verifier.
            Assert.Equal(Asn1Status.InvalidPublicKey, intermediate.VerifySignedBy(root, verifier));
            Assert.Equal(Asn1Status.Ok, intermediate.VerifySignedBy(root, new RsaCertificateVerifier(3072)));
            // A P-256 issuer key.
            X509Certificate ecRoot = Load("ec-root");
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, verifier.VerifyCertificateSignature(leaf, ecRoot.Data, ecRoot.PublicKeyInfoOffset, ecRoot.PublicKeyInfoLength));
            // An ECDSA signature is not the RSA verifier's.
            X509Certificate rsaUnderEc = Load("rsa-leaf-under-ec");
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, verifier.VerifyCertificateSignature(rsaUnderEc, intermediate.Data, intermediate.PublicKeyInfoOffset, intermediate.PublicKeyInfoLength));
            // SHA-1 is refused by policy.
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, Load("rsa-leaf-sha1").VerifySignedBy(intermediate, verifier));
            // MGF1 hash differing from the hash.
            X509Certificate pssRoot = Load("pss-root");
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, Load("pss-leaf-mgf1-sha1").VerifySignedBy(pssRoot, verifier));
            Assert.Equal(Asn1Status.Ok, Load("pss-leaf").VerifySignedBy(pssRoot, verifier));
        }

        [Fact]
        public void PssOnlyIssuerKeyMakesNoPkcs1Signature()
        {
            // The intermediate's key presented as id-RSASSA-PSS (RFC 4055 §3.1): the leaf's PKCS #1 v1.5 signature is refused.
            X509Certificate intermediate = Load("rsa-intermediate");
            Assert.Equal(Asn1Status.Ok, intermediate.ReadRsaPublicKey(out int mo, out int ml, out int eo, out int el));
            var rsaPub = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
            using (rsaPub.PushSequence())
            {
                rsaPub.WriteIntegerUnsigned(intermediate.Data.AsSpan(mo, ml));
                rsaPub.WriteIntegerUnsigned(intermediate.Data.AsSpan(eo, el));
            }

            var w = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier("1.2.840.113549.1.1.10");
                }

                w.WriteBitString(rsaPub.Encode());
            }

            byte[] pssKey = w.Encode();
            var verifier = new RsaCertificateVerifier(2048);
            X509Certificate leaf = Load("rsa-leaf");
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, verifier.VerifyCertificateSignature(leaf, pssKey, 0, pssKey.Length));
            Assert.Equal(Asn1Status.Ok, verifier.VerifyCertificateSignature(leaf, intermediate.Data, intermediate.PublicKeyInfoOffset, intermediate.PublicKeyInfoLength));
        }

        [Theory]
        [InlineData(2048, "SHA256", false, Asn1Status.Ok)]
        [InlineData(2048, "SHA256", true, Asn1Status.Ok)]
        [InlineData(3072, "SHA256", true, Asn1Status.Ok)]
        [InlineData(2048, "SHA384", false, Asn1Status.UnsupportedAlgorithm)]
        public void DotNetSelfSignedCertificates(int bits, string hash, bool pss, Asn1Status expected)
        {
            using RSA rsa = RSA.Create(bits);
            var req = new CertificateRequest("CN=dotnet", rsa, new HashAlgorithmName(hash), pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
            using X509Certificate2 c = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            X509Certificate ours = Parse(c.RawData);
            var verifier = new RsaCertificateVerifier(RsaPublicKey.MaxBits);
            Assert.Equal(expected, ours.VerifySignedBy(ours, verifier));
            if (expected == Asn1Status.Ok)
            {
                byte[] der = (byte[])c.RawData.Clone();
                der[ours.SignatureOffset] ^= 0x80;
                Assert.Equal(Asn1Status.SignatureInvalid, Parse(der).VerifySignedBy(Parse(der), verifier));
            }
        }

        [Fact]
        public void CertificateKeyIsTheFixtureKey()
        {
            var fromCertificate = new RsaPublicKey(2048);
            Assert.Equal(Asn1Status.Ok, RsaCertificateKey.Read(Load("rsa-leaf"), fromCertificate));
            var fromFile = new RsaPrivateKey(2048);
            byte[] pkcs8 = Bytes("rsa2048.pkcs8.der");
            Assert.Equal(Asn1Status.Ok, RsaKeyReader.ReadPkcs8(pkcs8, 0, pkcs8.Length, fromFile));
            Assert.True(fromCertificate.SameAs(fromFile.PublicKey));

            var key = new RsaPublicKey(2048);
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, RsaCertificateKey.Read(Load("ec-leaf-under-rsa"), key));
            Assert.Equal(Asn1Status.InvalidPublicKey, RsaCertificateKey.Read(Load("rsa-root"), key)); // 3072 bits > 2048
            Assert.False(key.HasValue);
        }

        [Fact]
        public void ValidationAllocatesNothingOnceWarm()
        {
            X509ChainValidator v = Validator("rsa-root", true);
            var intermediates = new[] { Load("rsa-intermediate") };
            X509Certificate leaf = Load("rsa-leaf");
            X509Certificate pssLeaf = Load("pss-leaf");
            X509ChainValidator pss = Validator("pss-root", true);
            Assert.Equal(X509ChainStatus.Valid, v.Validate(leaf, intermediates, 1, Now));
            Assert.Equal(X509ChainStatus.Valid, pss.Validate(pssLeaf, null, 0, Now));
            long before = GC.GetAllocatedBytesForCurrentThread();
            X509ChainStatus a = v.Validate(leaf, intermediates, 1, Now);
            X509ChainStatus b = pss.Validate(pssLeaf, null, 0, Now);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(X509ChainStatus.Valid, a);
            Assert.Equal(X509ChainStatus.Valid, b);
            Assert.Equal(0, allocated);
        }
    }
}
