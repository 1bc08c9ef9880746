using nanoFramework.TestFramework;
using NanoMikey.X509;
using NanoMikey.X509.Asn1;

namespace NanoMikey.OnDevice
{
    /// <summary>
    /// RFC 5280 §6.1 path validation on the interpreter with the chains of tests/vectors/x509/chains (the rows of
    /// tests/X509.Nano.Tests/X509ChainValidatorTests.cs that need no clock edge) and the ECC profile's certificates.
    /// </summary>
    [TestClass]
    public class X509Tests
    {
        private const ulong Now = 3976214400; // 2026-01-01T00:00:00Z in NTP seconds

        private static X509Certificate Load(string name)
        {
            byte[] der = VectorRecords.Lookup(Vectors.X509Chains(), name);
            var c = new X509Certificate();
            Assert.IsTrue(c.Parse(der, 0, der.Length) == Asn1Status.Ok, name + " parses");
            return c;
        }

        private static X509ChainStatus Run(string anchor, string leaf, string[] intermediates, ulong time)
        {
            var v = new X509ChainValidator();
            Assert.IsTrue(v.AddTrustAnchor(Load(anchor)) == Asn1Status.Ok, "anchor " + anchor);
            var parsed = new X509Certificate[intermediates.Length];
            for (int i = 0; i < parsed.Length; i++) parsed[i] = Load(intermediates[i]);
            return v.Validate(Load(leaf), parsed, parsed.Length, time);
        }

        private static void Expect(X509ChainStatus expected, X509ChainStatus actual, string scenario)
        {
            Assert.IsTrue(expected == actual, scenario + ": expected " + ((int)expected).ToString() + " got " + ((int)actual).ToString());
        }

        [TestMethod]
        public void ChainValidation()
        {
            Expect(X509ChainStatus.Valid, Run("root", "leaf", new[] { "intermediate" }, Now), "valid chain");
            Expect(X509ChainStatus.NotACa, Run("root", "leaf-under-ee", new[] { "leaf", "intermediate" }, Now), "end entity used as a CA");
            Expect(X509ChainStatus.Expired, Run("root", "leaf-under-expired", new[] { "expired-intermediate" }, Now), "expired intermediate");
            Expect(X509ChainStatus.PathLengthExceeded, Run("root", "leaf-under-sub", new[] { "sub-intermediate", "pathlen0-intermediate" }, Now), "pathLen 0 exceeded");
            Expect(X509ChainStatus.UnhandledCriticalExtension, Run("root", "leaf-critical-unknown", new[] { "intermediate" }, Now), "unknown critical extension");
            Expect(X509ChainStatus.KeyUsageMissing, Run("root", "leaf-under-no-certsign", new[] { "no-certsign-intermediate" }, Now), "intermediate without keyCertSign");
            Expect(X509ChainStatus.NameChainingFailed, Run("other-root", "leaf", new[] { "intermediate" }, Now), "wrong anchor");
            Expect(X509ChainStatus.SignatureInvalid, Run("root-impostor", "leaf", new[] { "intermediate" }, Now), "anchor with the root's name and another key");
            Expect(X509ChainStatus.Valid, Run("root", "leaf-deep", new[] { "deep-3", "other-root", "root", "intermediate", "deep-2" }, Now), "four certificates among others");
        }
    }
}
