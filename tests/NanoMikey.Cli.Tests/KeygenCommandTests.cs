using System.Security.Cryptography;

namespace NanoMikey.Cli.Tests
{
    /// <summary>Issue 14: RSA keys are generated on the host only; `keygen rsa` writes keys the device code accepts and .NET reads.</summary>
    public class KeygenCommandTests
    {
        [Theory]
        [InlineData("pkcs8", 2048)]
        [InlineData("pkcs1", 1024)]
        public void WritesAKeyDotNetReads_AndTheMatchingPublicKey(string format, int bits)
        {
            string dir = Directory.CreateTempSubdirectory("nanomikey-keygen-").FullName;
            try
            {
                string key = Path.Combine(dir, "key.der"), pub = Path.Combine(dir, "pub.der");
                var run = CliRun.Start("keygen", "rsa", "--bits", bits.ToString(), "--format", format, "--out", key, "--public", pub);
                Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
                using RSA rsa = RSA.Create();
                if (format == "pkcs8") rsa.ImportPkcs8PrivateKey(File.ReadAllBytes(key), out _);
                else rsa.ImportRSAPrivateKey(File.ReadAllBytes(key), out _);
                Assert.Equal(bits, rsa.KeySize);
                // The written bytes are the canonical DER .NET writes for the same key.
                Assert.Equal(format == "pkcs8" ? rsa.ExportPkcs8PrivateKey() : rsa.ExportRSAPrivateKey(), File.ReadAllBytes(key));
                Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), File.ReadAllBytes(pub));
                byte[] sig = rsa.SignData(new byte[] { 7 }, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using RSA verifier = RSA.Create();
                verifier.ImportSubjectPublicKeyInfo(File.ReadAllBytes(pub), out _);
                Assert.True(verifier.VerifyData(new byte[] { 7 }, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Theory]
        [InlineData("--bits", "512")]
        [InlineData("--bits", "2047")]
        [InlineData("--format", "pem")]
        public void BadOptions_AreUnusableInput(string option, string value)
        {
            string key = Path.Combine(Path.GetTempPath(), "nanomikey-keygen-" + Guid.NewGuid().ToString("N"));
            var run = CliRun.Start("keygen", "rsa", option, value, "--out", key);
            Assert.Equal(2, run.ExitCode);
            Assert.False(File.Exists(key));
        }
    }
}
