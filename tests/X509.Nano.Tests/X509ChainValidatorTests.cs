using System;
using System.Security.Cryptography.X509Certificates;
using NanoMikey.Ecc;
using NanoMikey.X509.Asn1;
using X509Certificate = NanoMikey.X509.X509Certificate;
using static NanoMikey.X509.Tests.ChainFixtures;

namespace NanoMikey.X509.Tests
{
    /// <summary>
    /// Path validation (RFC 5280 §6.1 subset) over the OpenSSL-made chains in tests/vectors/x509/chains
    /// (made by tests/vectors/x509/make-chains.sh, whose names, extensions and dates these tests rely on).
    /// </summary>
    public class X509ChainValidatorTests
    {
        // Dates written into the fixtures by make-chains.sh.
        private static readonly ulong Now = Ntp(2026, 1, 1, 0, 0, 0);
        private static readonly ulong LeafNotBefore = Ntp(2025, 6, 1, 12, 34, 56);
        private static readonly ulong LeafNotAfter = Ntp(2027, 6, 1, 12, 34, 56);
        private static readonly ulong ExpiredIntermediateNotAfter = Ntp(2025, 12, 31, 23, 59, 59);
        private static readonly ulong Leaf2050NotBefore = Ntp(2036, 3, 1, 0, 0, 0);
        private static readonly ulong Leaf2050NotAfter = Ntp(2050, 1, 1, 0, 0, 0);

        private static DateTime ToDateTime(ulong ntpSeconds) =>
            new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(ntpSeconds);

        private static X509ChainValidator Anchored(string anchor, int maxDepth = X509ChainValidator.DefaultMaxDepth)
        {
            var v = new X509ChainValidator(maxDepth);
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(Load(anchor)));
            return v;
        }

        private static X509ChainStatus Run(X509ChainValidator v, string leaf, string[] intermediates, ulong time)
        {
            X509Certificate[] parsed = LoadAll(intermediates);
            return v.Validate(Load(leaf), parsed, parsed.Length, time);
        }

        /// <summary>One rule broken per row (issue 8 §4), each next to the same chain without the break where one exists.</summary>
        public static TheoryData<string, string, string, string[], ulong, X509ChainStatus, int, int> Scenarios => new()
        {
            // scenario, anchor, leaf, intermediates, time, expected status, failed depth, failed intermediate index
            { "valid chain", "root", "leaf", new[] { "intermediate" }, Now, X509ChainStatus.Valid, -1, -1 },
            { "end entity used as a CA", "root", "leaf-under-ee", new[] { "leaf", "intermediate" }, Now, X509ChainStatus.NotACa, 1, 0 },
            { "expired intermediate", "root", "leaf-under-expired", new[] { "expired-intermediate" }, Now, X509ChainStatus.Expired, 1, 0 },
            { "intermediate at its last second", "root", "leaf-under-expired", new[] { "expired-intermediate" }, ExpiredIntermediateNotAfter, X509ChainStatus.Valid, -1, -1 },
            { "intermediate one second before notBefore", "root", "leaf-under-expired", new[] { "expired-intermediate" }, Ntp(2024, 12, 31, 23, 59, 59), X509ChainStatus.NotYetValid, 1, 0 },
            { "pathLen 0 exceeded", "root", "leaf-under-sub", new[] { "sub-intermediate", "pathlen0-intermediate" }, Now, X509ChainStatus.PathLengthExceeded, 1, 0 },
            { "pathLen 0 kept", "root", "leaf-under-pathlen0", new[] { "pathlen0-intermediate" }, Now, X509ChainStatus.Valid, -1, -1 },
            { "anchor pathLen 0 exceeded", "root-pathlen0", "leaf-under-pathlen0-root", new[] { "intermediate-under-pathlen0-root" }, Now, X509ChainStatus.PathLengthExceeded, 1, 0 },
            { "unknown critical extension", "root", "leaf-critical-unknown", new[] { "intermediate" }, Now, X509ChainStatus.UnhandledCriticalExtension, 0, -1 },
            { "unknown non-critical extension", "root", "leaf-noncritical-unknown", new[] { "intermediate" }, Now, X509ChainStatus.Valid, -1, -1 },
            { "critical subjectAltName not handled", "root", "leaf-critical-san", new[] { "intermediate" }, Now, X509ChainStatus.UnhandledCriticalExtension, 0, -1 },
            { "leaf one second before notBefore", "root", "leaf", new[] { "intermediate" }, LeafNotBefore - 1, X509ChainStatus.NotYetValid, 0, -1 },
            { "leaf at notBefore", "root", "leaf", new[] { "intermediate" }, LeafNotBefore, X509ChainStatus.Valid, -1, -1 },
            { "leaf at notAfter", "root", "leaf", new[] { "intermediate" }, LeafNotAfter, X509ChainStatus.Valid, -1, -1 },
            { "leaf one second after notAfter", "root", "leaf", new[] { "intermediate" }, LeafNotAfter + 1, X509ChainStatus.Expired, 0, -1 },
            { "2036 leaf one second before notBefore", "root", "leaf-2050", new[] { "intermediate" }, Leaf2050NotBefore - 1, X509ChainStatus.NotYetValid, 0, -1 },
            { "2036 leaf at notBefore", "root", "leaf-2050", new[] { "intermediate" }, Leaf2050NotBefore, X509ChainStatus.Valid, -1, -1 },
            { "2050 leaf at notAfter", "root", "leaf-2050", new[] { "intermediate" }, Leaf2050NotAfter, X509ChainStatus.Valid, -1, -1 },
            { "2050 leaf one second after notAfter", "root", "leaf-2050", new[] { "intermediate" }, Leaf2050NotAfter + 1, X509ChainStatus.Expired, 0, -1 },
            { "intermediate without keyCertSign", "root", "leaf-under-no-certsign", new[] { "no-certsign-intermediate" }, Now, X509ChainStatus.KeyUsageMissing, 1, 0 },
            { "leaf without digitalSignature", "root", "leaf-no-digital-signature", new[] { "intermediate" }, Now, X509ChainStatus.KeyUsageMissing, 0, -1 },
            { "basicConstraints with cA FALSE encoded", "root", "leaf-under-bad-constraints", new[] { "bad-constraints-intermediate" }, Now, X509ChainStatus.Malformed, 1, 0 },
            { "P-384 issuer key", "root", "leaf-under-p384", new[] { "p384-intermediate" }, Now, X509ChainStatus.UnsupportedAlgorithm, 1, 0 },
            { "ecdsa-with-SHA384 signature", "root", "leaf-sha384", new[] { "intermediate" }, Now, X509ChainStatus.UnsupportedAlgorithm, 0, -1 },
            { "wrong anchor, root not supplied", "other-root", "leaf", new[] { "intermediate" }, Now, X509ChainStatus.NameChainingFailed, 1, 0 },
            { "wrong anchor, root supplied", "other-root", "leaf", new[] { "intermediate", "root" }, Now, X509ChainStatus.UntrustedRoot, 2, 1 },
            { "anchor with the root's name and another key", "root-impostor", "leaf", new[] { "intermediate" }, Now, X509ChainStatus.SignatureInvalid, 1, 0 },
            { "intermediate missing", "root", "leaf", new string[0], Now, X509ChainStatus.NameChainingFailed, 0, -1 },
            { "four certificates, in any order, among others", "root", "leaf-deep", new[] { "deep-3", "other-root", "root", "intermediate", "deep-2" }, Now, X509ChainStatus.Valid, -1, -1 },
        };

        [Theory]
        [MemberData(nameof(Scenarios))]
        public void EachRuleBrokenOnce(string scenario, string anchor, string leaf, string[] intermediates, ulong time,
            X509ChainStatus expected, int failedDepth, int failedIntermediate)
        {
            X509ChainValidator v = Anchored(anchor);
            Assert.True(expected == Run(v, leaf, intermediates, time), scenario + ": " + v.Status + " at depth " + v.FailedDepth);
            Assert.Equal(expected, v.Status);
            Assert.Equal(failedDepth, v.FailedDepth);
            Assert.Equal(failedIntermediate, v.FailedIntermediateIndex);
            Assert.Equal(expected == X509ChainStatus.Valid ? 0 : -1, v.AnchorIndex);
        }

        [Fact]
        public void FixtureDatesAreTheOnesTheTestsUse()
        {
            X509Certificate leaf = Load("leaf");
            Assert.Equal(LeafNotBefore, leaf.NotBefore);
            Assert.Equal(LeafNotAfter, leaf.NotAfter);
            Assert.Equal(ExpiredIntermediateNotAfter, Load("expired-intermediate").NotAfter);
            X509Certificate late = Load("leaf-2050");
            Assert.Equal(Leaf2050NotBefore, late.NotBefore);
            Assert.Equal(Leaf2050NotAfter, late.NotAfter);
            Assert.True(late.NotBefore > uint.MaxValue); // past the NTP era-0 wrap
        }

        /// <summary>.NET's X509Chain (OpenSSL underneath on Linux) agrees on every scenario it can judge.</summary>
        [Theory]
        [MemberData(nameof(Scenarios))]
        public void DotNetChainAgrees(string scenario, string anchor, string leaf, string[] intermediates, ulong time,
            X509ChainStatus expected, int failedDepth, int failedIntermediate)
        {
            _ = failedDepth;
            _ = failedIntermediate;
            if (expected == X509ChainStatus.KeyUsageMissing && leaf.StartsWith("leaf-no-digital", StringComparison.Ordinal))
            {
                return; // X509Chain sets no leaf usage by default; requiring digitalSignature is MIKEY's policy.
            }

            if (expected == X509ChainStatus.UnsupportedAlgorithm)
            {
                return; // X509Chain verifies P-384 and SHA-384; this validator only P-256 with SHA-256 for now.
            }

            if (scenario.StartsWith("critical subjectAltName", StringComparison.Ordinal))
            {
                return; // X509Chain processes subjectAltName; this validator leaves it to the caller.
            }

            if (scenario.EndsWith("at notAfter", StringComparison.Ordinal) || scenario.EndsWith("at its last second", StringComparison.Ordinal))
            {
                // RFC 5280 §4.1.2.5 makes notAfter inclusive; OpenSSL 3.0 (X509_cmp_time, under X509Chain on Linux, and
                // `openssl verify -attime`) already rejects the certificate at that second.
                return;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = ToDateTime(time);
            chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificate(Der(anchor)));
            foreach (string name in intermediates)
            {
                chain.ChainPolicy.ExtraStore.Add(X509CertificateLoader.LoadCertificate(Der(name)));
            }

            using X509Certificate2 target = X509CertificateLoader.LoadCertificate(Der(leaf));
            Assert.True(chain.Build(target) == (expected == X509ChainStatus.Valid), scenario);
        }

        [Fact]
        public void ValidPathIsReported()
        {
            X509ChainValidator v = Anchored("root");
            Assert.Equal(X509ChainStatus.Valid, Run(v, "leaf-deep", new[] { "deep-3", "other-root", "root", "intermediate", "deep-2" }, Now));
            Assert.Equal(4, v.PathLength);
            Assert.Equal(-1, v.GetIntermediateIndex(0));
            Assert.Equal(0, v.GetIntermediateIndex(1));
            Assert.Equal(4, v.GetIntermediateIndex(2));
            Assert.Equal(3, v.GetIntermediateIndex(3));
            Assert.Throws<ArgumentOutOfRangeException>(() => v.GetIntermediateIndex(4));
            Assert.Throws<ArgumentOutOfRangeException>(() => v.GetIntermediateIndex(-1));
        }

        [Fact]
        public void DepthLimitCountsLeafAndIntermediates()
        {
            string[] chain = { "intermediate", "deep-2", "deep-3" };
            Assert.Equal(X509ChainStatus.Valid, Run(Anchored("root", 4), "leaf-deep", chain, Now));

            X509ChainValidator v = Anchored("root", 3);
            Assert.Equal(X509ChainStatus.TooDeep, Run(v, "leaf-deep", chain, Now));
            Assert.Equal(3, v.FailedDepth);
            Assert.Equal(0, v.FailedIntermediateIndex); // "intermediate" would be the fourth certificate

            X509ChainValidator one = Anchored("root", 1);
            Assert.Equal(X509ChainStatus.TooDeep, Run(one, "leaf", new[] { "intermediate" }, Now));
            one.RequiredLeafKeyUsage = X509KeyUsage.KeyCertSign;
            Assert.Equal(X509ChainStatus.Valid, Run(one, "intermediate", new string[0], Now));
        }

        [Fact]
        public void NameAndKeyAnchorIsEnough()
        {
            X509Certificate root = Load("root");
            var key = new P256PublicKey();
            Assert.Equal(Asn1Status.Ok, root.ReadPublicKey(key));
            var v = new X509ChainValidator();
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(root.Data, root.SubjectOffset, root.SubjectLength, key));
            key.Clear(); // the validator keeps its own copy
            Assert.Equal(1, v.TrustAnchorCount);
            Assert.Equal(X509ChainStatus.Valid, Run(v, "leaf", new[] { "intermediate" }, Now));

            // The root's name with another key signs nothing of this chain.
            X509Certificate other = Load("other-root");
            var otherKey = new P256PublicKey();
            Assert.Equal(Asn1Status.Ok, other.ReadPublicKey(otherKey));
            var wrong = new X509ChainValidator();
            Assert.Equal(Asn1Status.Ok, wrong.AddTrustAnchor(root.Data, root.SubjectOffset, root.SubjectLength, otherKey));
            Assert.Equal(X509ChainStatus.SignatureInvalid, Run(wrong, "leaf", new[] { "intermediate" }, Now));
        }

        [Fact]
        public void AnchorsSharingANameAreEachTried()
        {
            var v = new X509ChainValidator();
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(Load("other-root")));
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(Load("root-impostor")));
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(Load("root")));
            Assert.Equal(3, v.TrustAnchorCount);
            Assert.Equal(X509ChainStatus.Valid, Run(v, "leaf", new[] { "intermediate" }, Now));
            Assert.Equal(2, v.AnchorIndex);
        }

        [Fact]
        public void BadAnchorsAreRefused()
        {
            var v = new X509ChainValidator();
            byte[] notAName = { 0x31, 0x00 };
            var key = new P256PublicKey();
            Assert.Equal(Asn1Status.Ok, Load("root").ReadPublicKey(key));
            Assert.NotEqual(Asn1Status.Ok, v.AddTrustAnchor(notAName, 0, notAName.Length, key));
            Assert.Throws<ArgumentException>(() => v.AddTrustAnchor(Load("root").Data, 0, 10, new P256PublicKey()));
            Assert.Throws<ArgumentException>(() => v.AddTrustAnchor(new X509Certificate()));
            Assert.Equal(0, v.TrustAnchorCount);

            // No anchor at all: nothing is trusted.
            Assert.Equal(X509ChainStatus.NameChainingFailed, Run(v, "leaf", new[] { "intermediate" }, Now));
            Assert.Equal(X509ChainStatus.UntrustedRoot, Run(v, "leaf", new[] { "intermediate", "root" }, Now));
        }

        [Fact]
        public void PinnedSelfSignedCertificateValidatesItself()
        {
            // The root as its own leaf: path length 1, issued by the anchor of its own name.
            X509ChainValidator v = Anchored("root");
            Assert.Equal(X509ChainStatus.KeyUsageMissing, Run(v, "root", new string[0], Now)); // keyCertSign, cRLSign only
            v.RequiredLeafKeyUsage = X509KeyUsage.KeyCertSign;
            Assert.Equal(X509KeyUsage.KeyCertSign, v.RequiredLeafKeyUsage);
            Assert.Equal(X509ChainStatus.Valid, Run(v, "root", new string[0], Now));
            Assert.Equal(1, v.PathLength);
        }

        [Fact]
        public void RequiredLeafUsageIsTheCallers()
        {
            X509ChainValidator v = Anchored("root");
            Assert.Equal(X509KeyUsage.DigitalSignature, v.RequiredLeafKeyUsage);
            v.RequiredLeafKeyUsage = X509KeyUsage.KeyAgreement;
            Assert.Equal(X509ChainStatus.Valid, Run(v, "leaf-no-digital-signature", new[] { "intermediate" }, Now));
            Assert.Equal(X509ChainStatus.KeyUsageMissing, Run(v, "leaf", new[] { "intermediate" }, Now));
            v.RequiredLeafKeyUsage = X509KeyUsage.None;
            Assert.Equal(X509ChainStatus.Valid, Run(v, "leaf", new[] { "intermediate" }, Now));
        }

        [Fact]
        public void CallerHandledCriticalExtensionIsAccepted()
        {
            X509ChainValidator v = Anchored("root");
            v.AddHandledExtension(X509ExtensionType.SubjectAltName);
            v.AddHandledExtension(X509ExtensionType.SubjectAltName);
            Assert.Equal(X509ChainStatus.Valid, Run(v, "leaf-critical-san", new[] { "intermediate" }, Now));
            Assert.Equal(X509ChainStatus.UnhandledCriticalExtension, Run(v, "leaf-critical-unknown", new[] { "intermediate" }, Now));
        }

        [Fact]
        public void TamperedSignaturesAreRejected()
        {
            X509ChainValidator v = Anchored("root");
            X509Certificate intermediate = Load("intermediate");

            // One bit of the leaf's serial number: its TBS no longer matches its signature.
            byte[] leafDer = Der("leaf");
            X509Certificate leaf = Parse(leafDer);
            leafDer[leaf.SerialNumberOffset + 3] ^= 0x01;
            Assert.Equal(X509ChainStatus.SignatureInvalid, v.Validate(Parse(leafDer), new[] { intermediate }, 1, Now));
            Assert.Equal(0, v.FailedDepth);

            // One bit of the intermediate's serial number.
            byte[] intDer = Der("intermediate");
            X509Certificate parsed = Parse(intDer);
            intDer[parsed.SerialNumberOffset + 3] ^= 0x01;
            Assert.Equal(X509ChainStatus.SignatureInvalid, v.Validate(Load("leaf"), new[] { Parse(intDer) }, 1, Now));
            Assert.Equal(1, v.FailedDepth);
            Assert.Equal(0, v.FailedIntermediateIndex);
        }

        [Fact]
        public void UnparsedCertificatesAreMalformedOrIgnored()
        {
            X509ChainValidator v = Anchored("root");
            Assert.Equal(X509ChainStatus.Malformed, v.Validate(new X509Certificate(), null, 0, Now));
            Assert.Equal(0, v.FailedDepth);

            // An intermediate that did not parse, or a null entry, cannot complete the path.
            byte[] junk = { 0x30, 0x00 };
            var bad = new X509Certificate();
            Assert.NotEqual(Asn1Status.Ok, bad.Parse(junk, 0, junk.Length));
            Assert.Equal(X509ChainStatus.NameChainingFailed, v.Validate(Load("leaf"), new[] { bad, null }, 2, Now));
            Assert.Equal(X509ChainStatus.Valid, v.Validate(Load("leaf"), new[] { bad, null, Load("intermediate") }, 3, Now));
            Assert.Equal(2, v.GetIntermediateIndex(1));
        }

        [Fact]
        public void OnlyTheGivenCountOfIntermediatesIsUsed()
        {
            X509ChainValidator v = Anchored("root");
            X509Certificate[] pool = { Load("other-root"), Load("intermediate") };
            Assert.Equal(X509ChainStatus.NameChainingFailed, v.Validate(Load("leaf"), pool, 1, Now));
            Assert.Equal(X509ChainStatus.Valid, v.Validate(Load("leaf"), pool, 2, Now));
        }

        [Fact]
        public void CallerBugsThrow()
        {
            X509ChainValidator v = Anchored("root");
            Assert.Throws<ArgumentNullException>(() => v.Validate(null!, null, 0, Now));
            Assert.Throws<ArgumentOutOfRangeException>(() => v.Validate(Load("leaf"), null, 1, Now));
            Assert.Throws<ArgumentOutOfRangeException>(() => v.Validate(Load("leaf"), new X509Certificate[1], 2, Now));
            Assert.Throws<ArgumentOutOfRangeException>(() => v.Validate(Load("leaf"), new X509Certificate[1], -1, Now));
            Assert.Throws<ArgumentOutOfRangeException>(() => new X509ChainValidator(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new X509ChainValidator(17));
            Assert.Throws<ArgumentNullException>(() => v.AddTrustAnchor(null!));
            Assert.Equal(X509ChainValidator.DefaultMaxDepth, new X509ChainValidator().MaxDepth);
        }

        [Fact]
        public void ValidationAllocatesNothingAfterWarmUp()
        {
            X509ChainValidator v = Anchored("root");
            X509Certificate leaf = Load("leaf-deep");
            X509Certificate[] chain = LoadAll(new[] { "deep-3", "intermediate", "deep-2" });
            X509Certificate expired = Load("leaf-under-expired");
            X509Certificate[] expiredChain = LoadAll(new[] { "expired-intermediate" });
            Assert.Equal(X509ChainStatus.Valid, v.Validate(leaf, chain, chain.Length, Now));
            Assert.Equal(X509ChainStatus.Expired, v.Validate(expired, expiredChain, 1, Now));

            long before = GC.GetAllocatedBytesForCurrentThread();
            X509ChainStatus a = v.Validate(leaf, chain, chain.Length, Now);
            X509ChainStatus b = v.Validate(expired, expiredChain, 1, Now);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(X509ChainStatus.Valid, a);
            Assert.Equal(X509ChainStatus.Expired, b);
            Assert.Equal(before, after);
        }

        [Fact]
        public void SelfIssuedIsNameEquality()
        {
            Assert.True(Load("root").IsSelfIssued);
            Assert.False(Load("intermediate").IsSelfIssued);
            Assert.False(new X509Certificate().IsSelfIssued);
        }
    }
}
