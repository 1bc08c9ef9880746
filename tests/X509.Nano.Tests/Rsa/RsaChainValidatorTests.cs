using System;
using NanoMikey.X509.Asn1;
using X509Certificate = NanoMikey.X509.X509Certificate;
using static NanoMikey.X509.Tests.Rsa.RsaFixtures;

namespace NanoMikey.X509.Tests.Rsa
{
    /// <summary>
    /// Path validation through the RSA verifier hook, over tests/vectors/x509/rsa (make.sh there), with a .NET-backed
    /// verifier: what X509.Nano decides itself (algorithm policy, key types, the missing verifier) whatever the RSA code.
    /// </summary>
    public class RsaChainValidatorTests
    {
        public static TheoryData<string, string, string, string[], bool, X509ChainStatus, int> Scenarios => new()
        {
            // scenario, anchor, leaf, intermediates, verifier set, expected, failed depth
            { "RSA chain", "rsa-root", "rsa-leaf", new[] { "rsa-intermediate" }, true, X509ChainStatus.Valid, -1 },
            { "RSA chain, no verifier", "rsa-root", "rsa-leaf", new[] { "rsa-intermediate" }, false, X509ChainStatus.VerifierMissing, 1 },
            { "expired RSA leaf", "rsa-root", "rsa-leaf-expired", new[] { "rsa-intermediate" }, true, X509ChainStatus.Expired, 0 },
            { "anchor with the root's name and another key", "rsa-root-impostor", "rsa-leaf", new[] { "rsa-intermediate" }, true, X509ChainStatus.SignatureInvalid, 1 },
            { "wrong issuer", "pss-root", "rsa-leaf", new[] { "rsa-intermediate" }, true, X509ChainStatus.NameChainingFailed, 1 },
            { "PSS chain", "pss-root", "pss-leaf", new string[0], true, X509ChainStatus.Valid, -1 },
            { "PSS with MGF1-SHA-1 under SHA-256", "pss-root", "pss-leaf-mgf1-sha1", new string[0], true, X509ChainStatus.UnsupportedAlgorithm, 0 },
            { "PSS chain, no verifier", "pss-root", "pss-leaf", new string[0], false, X509ChainStatus.VerifierMissing, 0 },
            { "P-256 leaf under RSA", "rsa-root", "ec-leaf-under-rsa", new[] { "rsa-intermediate" }, true, X509ChainStatus.Valid, -1 },
            { "RSA leaf under a P-256 root", "ec-root", "rsa-leaf-under-ec", new string[0], true, X509ChainStatus.Valid, -1 },
            { "RSA leaf under a P-256 root, no verifier needed", "ec-root", "rsa-leaf-under-ec", new string[0], false, X509ChainStatus.Valid, -1 },
        };

        [Theory]
        [MemberData(nameof(Scenarios))]
        public void EachCase(string scenario, string anchor, string leaf, string[] intermediates, bool withVerifier,
            X509ChainStatus expected, int failedDepth)
        {
            _ = scenario;
            var v = new X509ChainValidator();
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(Load(anchor)));
            if (withVerifier)
            {
                v.SignatureVerifier = new DotNetRsaVerifier();
            }

            var parsed = new X509Certificate[intermediates.Length];
            for (int i = 0; i < parsed.Length; i++)
            {
                parsed[i] = Load(intermediates[i]);
            }

            Assert.Equal(expected, v.Validate(Load(leaf), parsed, parsed.Length, Now));
            Assert.Equal(failedDepth, v.FailedDepth);
        }

        [Fact]
        public void OneFlippedSignatureByteFails()
        {
            byte[] der = Bytes("rsa-leaf.der");
            var v = new X509ChainValidator { SignatureVerifier = new DotNetRsaVerifier() };
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(Load("rsa-root")));
            var intermediates = new[] { Load("rsa-intermediate") };
            var leaf = ChainFixtures.Parse(der);
            Assert.Equal(X509ChainStatus.Valid, v.Validate(leaf, intermediates, 1, Now));
            der[leaf.SignatureOffset + 100] ^= 0x01;
            Assert.Equal(X509ChainStatus.SignatureInvalid, v.Validate(ChainFixtures.Parse(der), intermediates, 1, Now));
            Assert.Equal(0, v.FailedDepth);
        }

        [Fact]
        public void RsaAnchorByNameAndKeyInfo()
        {
            X509Certificate root = Load("rsa-root");
            byte[] spki = Bytes("rsa3072.spki.der");
            var v = new X509ChainValidator { SignatureVerifier = new DotNetRsaVerifier() };
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(root.Data, root.SubjectOffset, root.SubjectLength, spki, 0, spki.Length));
            var intermediates = new[] { Load("rsa-intermediate") };
            Assert.Equal(X509ChainStatus.Valid, v.Validate(Load("rsa-leaf"), intermediates, 1, Now));

            // A key of no supported type is refused, and nothing is added.
            byte[] bad = (byte[])spki.Clone();
            bad[16] ^= 0x01; // the last octet of the rsaEncryption OID
            Assert.Equal(Asn1Status.UnsupportedAlgorithm, v.AddTrustAnchor(root.Data, root.SubjectOffset, root.SubjectLength, bad, 0, bad.Length));
            Assert.Equal(1, v.TrustAnchorCount);
        }

        [Fact]
        public void ValidationAllocatesNothingAfterTheFirstCallExceptInTheVerifier()
        {
            // The .NET verifier allocates; X509.Nano's own part must not. A counting verifier that always accepts.
            var v = new X509ChainValidator { SignatureVerifier = new AcceptingVerifier() };
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(Load("rsa-root")));
            var intermediates = new[] { Load("rsa-intermediate") };
            X509Certificate leaf = Load("rsa-leaf");
            Assert.Equal(X509ChainStatus.Valid, v.Validate(leaf, intermediates, 1, Now));
            long before = GC.GetAllocatedBytesForCurrentThread();
            X509ChainStatus s = v.Validate(leaf, intermediates, 1, Now);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(X509ChainStatus.Valid, s);
            Assert.Equal(0, allocated);
        }

        private sealed class AcceptingVerifier : IX509SignatureVerifier
        {
            public Asn1Status VerifyCertificateSignature(X509Certificate certificate, byte[] issuerKeyInfo, int offset, int length) => Asn1Status.Ok;
        }
    }
}
