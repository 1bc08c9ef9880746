using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Ecc;
using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;

namespace NanoMikey.Cli.Bench
{
    /// <summary>P-256 operations of Crypto.Nano timed next to .NET's ECDiffieHellman / ECDsa (OpenSSL on Linux).</summary>
    public sealed class EccBench
    {
        private readonly int _rounds;
        private readonly int _roundMillis;
        private readonly HmacDrbg _drbg = new HmacDrbg(new HostEntropySource(), null);
        private readonly P256PrivateKey _a = new P256PrivateKey();
        private readonly P256PrivateKey _b = new P256PrivateKey();
        private readonly P256PrivateKey _a2 = new P256PrivateKey();
        private readonly P256PrivateKey _b2 = new P256PrivateKey();
        private readonly P256PrivateKey _scratch = new P256PrivateKey();
        private readonly P256PrivateKey _ephA = new P256PrivateKey();
        private readonly P256PrivateKey _ephB = new P256PrivateKey();
        private readonly P256PrivateKey _ca = new P256PrivateKey();
        private readonly byte[] _hashB = new byte[32];
        private readonly byte[] _certHashA = new byte[32];
        private readonly byte[] _certHashB = new byte[32];
        private readonly byte[] _sigB = new byte[64];
        private readonly byte[] _certSigA = new byte[64];
        private readonly byte[] _certSigB = new byte[64];
        private readonly byte[] _secretB = new byte[32];
        private readonly EciesP256 _ecies = new EciesP256(new SoftwareAesFactory().Create(16)!, 64, 32, false);
        private readonly byte[] _hash = new byte[32];
        private readonly byte[] _sig = new byte[64];
        private readonly byte[] _secret = new byte[32];
        private readonly byte[] _message = new byte[32];
        private readonly byte[] _ct;
        private readonly byte[] _pt = new byte[32];

        /// <summary>Creates the benchmark with fresh keys.</summary>
        public EccBench(int rounds, int roundMillis)
        {
            _rounds = rounds;
            _roundMillis = roundMillis;
            _a.Generate(_drbg);
            _b.Generate(_drbg);
            _a2.Generate(_drbg);
            _b2.Generate(_drbg);
            RandomNumberGenerator.Fill(_hash);
            EcdsaP256.Sign(_a, _hash, 0, 32, _sig, 0);
            _ca.Generate(_drbg);
            RandomNumberGenerator.Fill(_hashB);
            RandomNumberGenerator.Fill(_certHashA);
            RandomNumberGenerator.Fill(_certHashB);
            EcdsaP256.Sign(_ca, _certHashA, 0, 32, _certSigA, 0);
            EcdsaP256.Sign(_ca, _certHashB, 0, 32, _certSigB, 0);
            _ct = new byte[_ecies.GetCiphertextLength(_message.Length)];
            _ecies.Encrypt(_drbg, _b.PublicKey, _message, 0, _message.Length, null, 0, 0, null, 0, 0, _ct, 0);
        }

        private void KeyGen() => _scratch.Generate(_drbg);

        private void Ecdh()
        {
            if (!EcdhP256.ComputeSharedSecret(_a, _b.PublicKey, _secret, 0)) throw new InvalidOperationException();
        }

        private void Sign() => EcdsaP256.Sign(_a, _hash, 0, 32, _sig, 0);

        private void Verify()
        {
            if (!EcdsaP256.Verify(_a.PublicKey, _hash, 0, 32, _sig, 0)) throw new InvalidOperationException();
        }

        private void Mqv()
        {
            if (!EcmqvP256.ComputeSharedSecret(_a, _a2, _b.PublicKey, _b2.PublicKey, _secret, 0)) throw new InvalidOperationException();
        }

        /// <summary>
        /// Both sides of a MIKEY ECDH-SIGN exchange (RFC 3830 DH-SIGN on P-256): each side generates an ephemeral key, signs its
        /// message with its long-term key, verifies the peer's certificate (CA signature) and the peer's message signature,
        /// and computes the shared secret.
        /// </summary>
        private void Exchange()
        {
            _ephA.Generate(_drbg);
            _ephB.Generate(_drbg);
            EcdsaP256.Sign(_a, _hash, 0, 32, _sig, 0);
            EcdsaP256.Sign(_b, _hashB, 0, 32, _sigB, 0);
            if (!EcdsaP256.Verify(_ca.PublicKey, _certHashA, 0, 32, _certSigA, 0)
                || !EcdsaP256.Verify(_a.PublicKey, _hash, 0, 32, _sig, 0)
                || !EcdsaP256.Verify(_ca.PublicKey, _certHashB, 0, 32, _certSigB, 0)
                || !EcdsaP256.Verify(_b.PublicKey, _hashB, 0, 32, _sigB, 0)
                || !EcdhP256.ComputeSharedSecret(_ephB, _ephA.PublicKey, _secretB, 0)
                || !EcdhP256.ComputeSharedSecret(_ephA, _ephB.PublicKey, _secret, 0))
            {
                throw new InvalidOperationException();
            }
        }

        private void EciesEncrypt() => _ecies.Encrypt(_drbg, _b.PublicKey, _message, 0, _message.Length, null, 0, 0, null, 0, 0, _ct, 0);

        private void EciesDecrypt()
        {
            if (!_ecies.TryDecrypt(_b, _ct, 0, _ct.Length, null, 0, 0, null, 0, 0, _pt, 0, out _)) throw new InvalidOperationException();
        }

        /// <summary>Times every operation, ours next to .NET.</summary>
        public BenchTable RunTimings()
        {
            var table = new BenchTable("P-256 (nanoMikey managed 8x32-bit limbs vs .NET ECDiffieHellman/ECDsa = OpenSSL)");
            using var dA = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            using var dB = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            using var dB2 = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            using var dsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            ECDiffieHellmanPublicKey bPub = dB.PublicKey;
            ECDiffieHellmanPublicKey b2Pub = dB2.PublicKey;
            byte[] dotnetSig = dsa.SignHash(_hash);
            using var aes = Aes.Create();
            var counter = new byte[16];
            var ks = new byte[32];

            table.Add("key generation", Run(n => { for (int i = 0; i < n; i++) KeyGen(); }),
                Run(n => { for (int i = 0; i < n; i++) { using var k = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256); k.ExportParameters(false); } }),
                ".NET ECDiffieHellman.Create(nistP256)");
            table.Add("ECDH shared secret", Run(n => { for (int i = 0; i < n; i++) Ecdh(); }),
                Run(n => { for (int i = 0; i < n; i++) dA.DeriveRawSecretAgreement(bPub); }), ".NET DeriveRawSecretAgreement");
            table.Add("ECDSA sign (SHA-256 hash)", Run(n => { for (int i = 0; i < n; i++) Sign(); }),
                Run(n => { for (int i = 0; i < n; i++) dsa.SignHash(_hash); }), ".NET ECDsa.SignHash");
            table.Add("ECDSA verify", Run(n => { for (int i = 0; i < n; i++) Verify(); }),
                Run(n => { for (int i = 0; i < n; i++) dsa.VerifyHash(_hash, dotnetSig); }), ".NET ECDsa.VerifyHash");
            table.Add("ECMQV two-pass", Run(n => { for (int i = 0; i < n; i++) Mqv(); }),
                Run(n => { for (int i = 0; i < n; i++) { dA.DeriveRawSecretAgreement(bPub); dA.DeriveRawSecretAgreement(b2Pub); } }),
                ".NET 2x ECDH (no MQV in .NET)");
            table.Add("ECIES encrypt 32 B", Run(n => { for (int i = 0; i < n; i++) EciesEncrypt(); }),
                Run(n => { for (int i = 0; i < n; i++) DotNetEcies(bPub, aes, counter, ks); }), ".NET ECDH keygen+derive+SHA-256+AES+HMAC");
            table.Add("ECIES decrypt 32 B", Run(n => { for (int i = 0; i < n; i++) EciesDecrypt(); }),
                Run(n => { for (int i = 0; i < n; i++) DotNetEciesDecrypt(dA, bPub, aes, counter, ks); }), ".NET derive+SHA-256+HMAC+AES");
            using var dsaB = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var dsaCa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            byte[] certSigA = dsaCa.SignHash(_certHashA);
            byte[] certSigB = dsaCa.SignHash(_certHashB);
            table.Add("ECDH-SIGN exchange, both sides (2 keygen, 2 ECDH, 2 sign, 4 verify)", Run(n => { for (int i = 0; i < n; i++) Exchange(); }),
                Run(n => { for (int i = 0; i < n; i++) DotNetExchange(dsa, dsaB, dsaCa, certSigA, certSigB); }),
                ".NET ECDiffieHellman + ECDsa, same steps");
            return table;
        }

        private void DotNetExchange(ECDsa dsaA, ECDsa dsaB, ECDsa dsaCa, byte[] certSigA, byte[] certSigB)
        {
            using var ephA = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            ephA.ExportParameters(false);
            using var ephB = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            ephB.ExportParameters(false);
            byte[] sigA = dsaA.SignHash(_hash);
            byte[] sigB = dsaB.SignHash(_hashB);
            using ECDiffieHellmanPublicKey pubA = ephA.PublicKey;
            using ECDiffieHellmanPublicKey pubB = ephB.PublicKey;
            if (!dsaCa.VerifyHash(_certHashA, certSigA) || !dsaA.VerifyHash(_hash, sigA)
                || !dsaCa.VerifyHash(_certHashB, certSigB) || !dsaB.VerifyHash(_hashB, sigB))
            {
                throw new InvalidOperationException();
            }

            ephB.DeriveRawSecretAgreement(pubA);
            ephA.DeriveRawSecretAgreement(pubB);
        }

        private Measurement Run(TimedLoop loop) => Measurement.Run(loop, _rounds, _roundMillis);

        private void DotNetEcies(ECDiffieHellmanPublicKey recipient, Aes aes, byte[] counter, byte[] ks)
        {
            using var eph = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            eph.ExportParameters(false);
            DotNetEciesDecrypt(eph, recipient, aes, counter, ks);
        }

        private void DotNetEciesDecrypt(ECDiffieHellman own, ECDiffieHellmanPublicKey peer, Aes aes, byte[] counter, byte[] ks)
        {
            byte[] z = own.DeriveRawSecretAgreement(peer);
            var block = new byte[36];
            Array.Copy(z, block, 32);
            block[35] = 1;
            byte[] k1 = SHA256.HashData(block);
            block[35] = 2;
            byte[] k2 = SHA256.HashData(block);
            aes.Key = k1.AsSpan(0, 16).ToArray();
            aes.EncryptEcb(new byte[32], ks, PaddingMode.None);
            var mk = new byte[32];
            Array.Copy(k1, 16, mk, 0, 16);
            Array.Copy(k2, 0, mk, 16, 16);
            HMACSHA256.HashData(mk, _message);
        }

        /// <summary>Field multiplications and squarings per operation, and the device projection they give.</summary>
        public string OperationCounts(double costPerMulMicros, double slowdownMin, double slowdownMax)
        {
            var sb = new StringBuilder();
            var ci = CultureInfo.InvariantCulture;
            sb.AppendLine("## P-256 field operations per call and device projection (a PROJECTION, not a measurement)").AppendLine();
            sb.AppendLine("Projection = (multiplications + squarings) x " + costPerMulMicros.ToString("0.###", ci) + " us x interpreter slowdown "
                + slowdownMin.ToString("0.#", ci) + ".." + slowdownMax.ToString("0.#", ci)
                + "; additions, selects, scalar (mod n) arithmetic, hashing and AES are not included.").AppendLine();
            sb.AppendLine("| operation | field mul | field sqr | selects | mul+sqr | projected device time |");
            sb.AppendLine("|---|---|---|---|---|---|");
            Count(sb, "key generation", KeyGen, costPerMulMicros, slowdownMin, slowdownMax);
            Count(sb, "ECDH shared secret", Ecdh, costPerMulMicros, slowdownMin, slowdownMax);
            Count(sb, "ECDSA sign", Sign, costPerMulMicros, slowdownMin, slowdownMax);
            Count(sb, "ECDSA verify", Verify, costPerMulMicros, slowdownMin, slowdownMax);
            Count(sb, "ECMQV two-pass", Mqv, costPerMulMicros, slowdownMin, slowdownMax);
            Count(sb, "ECIES encrypt", EciesEncrypt, costPerMulMicros, slowdownMin, slowdownMax);
            Count(sb, "ECIES decrypt", EciesDecrypt, costPerMulMicros, slowdownMin, slowdownMax);
            Count(sb, "ECDH-SIGN exchange, both sides", Exchange, costPerMulMicros, slowdownMin, slowdownMax);
            return sb.ToString();
        }

        private static void Count(StringBuilder sb, string name, Action op, double cost, double lo, double hi)
        {
            op();
            P256OperationCounter.Reset();
            op();
            int m = P256OperationCounter.Multiplications;
            int s = P256OperationCounter.Squarings;
            double micros = (m + s) * cost;
            var ci = CultureInfo.InvariantCulture;
            sb.Append("| ").Append(name).Append(" | ").Append(m).Append(" | ").Append(s).Append(" | ").Append(P256OperationCounter.Selects)
                .Append(" | ").Append(m + s).Append(" | ")
                .Append((micros * lo / 1e6).ToString("0.0", ci)).Append(" .. ").Append((micros * hi / 1e6).ToString("0.0", ci)).AppendLine(" s |");
        }
    }
}
