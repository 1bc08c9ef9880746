using System;
using NanoMikey.Ecc;
using NanoMikey.X509.Asn1;
using X509Certificate = NanoMikey.X509.X509Certificate;
using static NanoMikey.X509.Tests.ChainFixtures;

namespace NanoMikey.X509.Tests
{
    /// <summary>
    /// Every cheap rule of every certificate is checked before the first signature, so a chain that breaks one costs no
    /// P-256 arithmetic (an ECDSA verification is thousands of field multiplications, seconds on the device).
    /// </summary>
    [Collection("P256 operation counter")]
    public class X509ChainValidatorCostTests
    {
        private static int Multiplications(X509ChainValidator v, string leaf, string[] intermediates, ulong time, X509ChainStatus expected)
        {
            X509Certificate[] parsed = LoadAll(intermediates);
            X509Certificate target = Load(leaf);
            P256OperationCounter.Reset();
            Assert.Equal(expected, v.Validate(target, parsed, parsed.Length, time));
            return P256OperationCounter.Multiplications;
        }

        [Fact]
        public void BrokenRulesCostNoSignatureVerification()
        {
            var v = new X509ChainValidator();
            Assert.Equal(Asn1Status.Ok, v.AddTrustAnchor(Load("root")));
            ulong now = Ntp(2026, 1, 1);

            // The valid chain verifies two signatures.
            Assert.True(Multiplications(v, "leaf", new[] { "intermediate" }, now, X509ChainStatus.Valid) > 2000);

            // A broken leaf rule is found before the intermediate's signature is checked.
            Assert.Equal(0, Multiplications(v, "leaf", new[] { "intermediate" }, Ntp(2030, 1, 1), X509ChainStatus.Expired));
            Assert.Equal(0, Multiplications(v, "leaf-sha384", new[] { "intermediate" }, now, X509ChainStatus.UnsupportedAlgorithm));
            Assert.Equal(0, Multiplications(v, "leaf-critical-unknown", new[] { "intermediate" }, now, X509ChainStatus.UnhandledCriticalExtension));
            Assert.Equal(0, Multiplications(v, "leaf-under-p384", new[] { "p384-intermediate" }, now, X509ChainStatus.UnsupportedAlgorithm));
        }
    }
}
