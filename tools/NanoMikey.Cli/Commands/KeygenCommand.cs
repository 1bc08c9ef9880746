using System;
using System.CommandLine;
using System.IO;
using System.Security.Cryptography;
using NanoMikey.Rsa;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Cli.Commands
{
    /// <summary>
    /// The `keygen rsa` verb: an RSA key for a device's PK, RSA-R or DH-SIGN credentials. Keys are made on the host only
    /// (the device library imports keys, it never generates them): .NET's RSA draws the primes, then the key goes through the
    /// device's own code (RsaPrivateKey.TryImportPrimes derives and checks d, dP, dQ, qInv; a sign/verify and an
    /// encrypt/decrypt round trip run) before RsaKeyWriter writes it, so a file this command writes is one the device accepts.
    /// </summary>
    public static class KeygenCommand
    {
        /// <summary>Creates the command.</summary>
        public static Command Create()
        {
            var keygen = new Command("keygen", "Key generation for device provisioning (host only)");
            var rsa = new Command("rsa", "An RSA key pair, checked with the device's own RSA code, written as DER (private key PKCS#8 or PKCS#1, public key SPKI)");
            var bits = new Option<int>("--bits") { Description = "Modulus size: 1024 to 4096, a multiple of 8 (2048 or more recommended)", DefaultValueFactory = _ => 2048 };
            var output = new Option<string>("--out") { Description = "Private key file (DER)", Required = true };
            var pub = new Option<string?>("--public") { Description = "Public key file (DER SubjectPublicKeyInfo)" };
            var format = new Option<string>("--format") { Description = "Private key format: pkcs8 or pkcs1", DefaultValueFactory = _ => "pkcs8" };
            foreach (Option o in new Option[] { bits, output, pub, format }) rsa.Options.Add(o);
            rsa.SetAction(parse =>
            {
                int n = parse.GetValue(bits);
                string fmt = parse.GetValue(format) ?? "pkcs8";
                if (n < RsaPublicKey.MinBits || n > RsaPublicKey.MaxBits || n % 8 != 0 || (fmt != "pkcs8" && fmt != "pkcs1"))
                {
                    Console.Error.WriteLine("nanomikey keygen rsa: --bits must be 1024..4096 and a multiple of 8, --format pkcs8 or pkcs1");
                    return ExitCode.UnusableInput;
                }

                using RSA dotnet = RSA.Create(n);
                RSAParameters p = dotnet.ExportParameters(true);
                var key = new RsaPrivateKey(n);
                try
                {
                    if (!key.TryImportPrimes(p.P!, 0, p.P!.Length, p.Q!, 0, p.Q!.Length, p.Exponent!, 0, p.Exponent!.Length) || !SelfTest(key))
                    {
                        Console.Error.WriteLine("nanomikey keygen rsa: the device code refused the generated key");
                        return ExitCode.InternalError;
                    }

                    var der = new byte[16 + 9 * (n / 8)];
                    Asn1Status s = fmt == "pkcs8" ? RsaKeyWriter.WritePkcs8(key, der, 0, der.Length, out int written)
                        : RsaKeyWriter.WriteRsaPrivateKey(key, der, 0, der.Length, out written);
                    if (s != Asn1Status.Ok) throw new InvalidOperationException("private key encoding: " + s);
                    File.WriteAllBytes(parse.GetValue(output)!, der.AsSpan(0, written).ToArray());
                    CryptographicOperations.ZeroMemory(der);
                    string? pubPath = parse.GetValue(pub);
                    if (pubPath != null)
                    {
                        var spki = new byte[64 + n / 8];
                        s = RsaKeyWriter.WriteSubjectPublicKeyInfo(key.PublicKey, spki, 0, spki.Length, out written);
                        if (s != Asn1Status.Ok) throw new InvalidOperationException("public key encoding: " + s);
                        File.WriteAllBytes(pubPath, spki.AsSpan(0, written).ToArray());
                    }

                    Console.WriteLine("RSA-" + key.PublicKey.BitLength + " key written to " + parse.GetValue(output) + " (" + fmt.ToUpperInvariant() + ")"
                        + (pubPath != null ? ", public key to " + pubPath : "") + "; checked with the device code (CRT with the e check, PKCS#1 v1.5 sign/verify, OAEP round trip)");
                    return ExitCode.Valid;
                }
                finally
                {
                    key.Clear();
                    CryptographicOperations.ZeroMemory(p.D);
                    CryptographicOperations.ZeroMemory(p.P);
                    CryptographicOperations.ZeroMemory(p.Q);
                    CryptographicOperations.ZeroMemory(p.DP);
                    CryptographicOperations.ZeroMemory(p.DQ);
                    CryptographicOperations.ZeroMemory(p.InverseQ);
                }
            });
            keygen.Subcommands.Add(rsa);
            return keygen;
        }

        // The key must sign and decrypt through the device's padding code before it is written.
        private static bool SelfTest(RsaPrivateKey key)
        {
            int bits = key.PublicKey.BitLength, k = key.ModulusLength;
            var digest = SHA256.HashData(new byte[] { 1, 2, 3 });
            var sig = new byte[k];
            var signer = new RsaSignature(bits);
            if (!signer.SignPkcs1(key, RsaHash.Sha256, digest, 0, sig, 0) || !signer.VerifyPkcs1(key.PublicKey, RsaHash.Sha256, digest, 0, sig, 0, k)) return false;
            var drbg = new NanoMikey.Crypto.Random.HmacDrbg(new NanoMikey.Hardware.Host.HostEntropySource(), null);
            var enc = new RsaEncryption(bits);
            var message = new byte[16];
            var ct = new byte[k];
            var back = new byte[k];
            RandomNumberGenerator.Fill(message);
            if (!enc.EncryptOaep(key.PublicKey, RsaHash.Sha256, message, 0, message.Length, drbg, ct, 0)) return false;
            int m = enc.DecryptOaep(key, RsaHash.Sha256, ct, 0, k, back, 0, back.Length);
            return m == message.Length && back.AsSpan(0, m).SequenceEqual(message);
        }
    }
}
