using System.Text;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Hardware.Host;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using NanoMikey.Srtp.Policy;
using static NanoMikey.Mikey.Ecc.Tests.EccFixtures;

namespace NanoMikey.Mikey.Ecc.Tests
{
    /// <summary>
    /// The deterministic vectors of docs/ecc-profile.md §6: fixed static keys (the fixtures'), ephemeral scalars, RAND, CSB ID
    /// and envelope key from HMAC_DRBG-SHA-256 with fixed seeds, T fixed, RFC 6979 signatures. Each exchange is rebuilt and
    /// every value compared byte for byte with tests/vectors/mikey-ecc/vectors.txt, whose lines docs/ecc-profile.md §6 must
    /// quote. MIKEY_ECC_WRITE_VECTORS=1 rewrites the file.
    /// </summary>
    public class VectorTests
    {
        private static readonly string FilePath = Path.Combine(TestData.RepoRoot, "tests", "vectors", "mikey-ecc", "vectors.txt");

        private static string H(byte[] b, int n) => Hex(b, 0, n);

        private static void Draw(HmacDrbg d, List<(string, string)> o, string prefix, params (string name, int length)[] draws)
        {
            foreach (var (name, length) in draws)
            {
                byte[] b = new byte[length];
                d.Generate(b, 0, length);
                o.Add((prefix + name, H(b, length)));
            }
        }

        private static void Scalar(HmacDrbg d, List<(string, string)> o, string name)
        {
            var k = new P256PrivateKey();
            k.Generate(d);
            byte[] s = new byte[32];
            k.ExportScalar(s, 0);
            o.Add((name, H(s, 32)));
        }

        private static void Keys(List<(string, string)> o, string prefix, CryptoSessionBundle a, CryptoSessionBundle b)
        {
            o.Add((prefix + "tgk", H(b.Tgk, b.TgkLength)));
            Assert.Equal(H(a.Tgk, a.TgkLength), H(b.Tgk, b.TgkLength));
            SrtpMasterKeyEntry k = b.Get(0).GetMasterKey(0), ki = a.Get(0).GetMasterKey(0);
            Assert.Equal(H(ki.Key, ki.KeyLength), H(k.Key, k.KeyLength));
            Assert.Equal(H(ki.Salt, ki.SaltLength), H(k.Salt, k.SaltLength));
            o.Add((prefix + "srtp-master-key", H(k.Key, k.KeyLength)));
            o.Add((prefix + "srtp-master-salt", H(k.Salt, k.SaltLength)));
        }

        internal static List<(string, string)> Build()
        {
            var o = new List<(string, string)>();
            o.Add(("alice-static-scalar", H(EccFixtures.Scalar("alice"), 32)));
            o.Add(("bob-static-scalar", H(EccFixtures.Scalar("bob"), 32)));

            // ECDH-SIGN. The initiator's DRBG requests, in order: RAND, CSB ID, ephemeral scalar candidates.
            var d = Drbg("vector/ecdh/i");
            Draw(d, o, "ecdh-", ("rand", 16), ("csb-id", 4));
            Scalar(d, o, "ecdh-initiator-ephemeral-scalar");
            Scalar(Drbg("vector/ecdh/r"), o, "ecdh-responder-ephemeral-scalar");
            Exchange(o, "ecdh");

            // ECIES (V requested): RAND, CSB ID, env_key, TGK, then the ECIES ephemeral scalar.
            d = Drbg("vector/ecies/i");
            Draw(d, o, "ecies-", ("rand", 16), ("csb-id", 4), ("env-key", 32), ("tgk-drawn", 32));
            Scalar(d, o, "ecies-ephemeral-scalar");
            Exchange(o, "ecies");

            // ECMQV (V requested): RAND, CSB ID, ephemeral scalar.
            d = Drbg("vector/ecmqv/i");
            Draw(d, o, "ecmqv-", ("rand", 16), ("csb-id", 4));
            Scalar(d, o, "ecmqv-ephemeral-scalar");
            Exchange(o, "ecmqv");
            return o;
        }

        // Alice and Bob with their certificates, T, one AES-CM-128 crypto session (SSRC 0x11111111), DRBG seeds "vector/MODE/i|r".
        private static void Exchange(List<(string, string)> o, string mode)
        {
            var x = Tests.Exchange.Make(mode, seed: "vector/" + mode);
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            o.Add((mode + "-i-message", H(x.Offer, x.OfferLength)));
            o.Add((mode + "-r-message", H(x.Answer, x.AnswerLength)));
            Keys(o, mode + "-", x.I.Bundle, x.R.Bundle);
        }

        [Fact]
        public void EveryMessageAndKeyIsRebuiltByteExactly()
        {
            var built = Build();
            if (Environment.GetEnvironmentVariable("MIKEY_ECC_WRITE_VECTORS") == "1")
            {
                var sb = new StringBuilder();
                foreach (var (name, hex) in built) sb.Append(name).Append(": ").Append(hex).Append('\n');
                File.WriteAllText(FilePath, sb.ToString());
            }

            string[] lines = File.ReadAllLines(TestData.VectorPath("mikey-ecc", "vectors.txt"));
            Assert.Equal(built.Count, lines.Length);
            for (int i = 0; i < lines.Length; i++) Assert.Equal(built[i].Item1 + ": " + built[i].Item2, lines[i]);
        }

        [Fact]
        public void TheProfileDocumentQuotesEveryVector()
        {
            string doc = File.ReadAllText(Path.Combine(TestData.RepoRoot, "docs", "ecc-profile.md"));
            foreach (string line in File.ReadAllLines(TestData.VectorPath("mikey-ecc", "vectors.txt")))
            {
                Assert.True(doc.Contains(line, StringComparison.Ordinal), "docs/ecc-profile.md §6 lacks: " + line.Split(':')[0]);
            }
        }

        [Fact]
        public void TheResponderTakesTheCommittedOffersAsTheyAre()
        {
            // Independent of the initiators: each committed I_MESSAGE, fed to a fresh responder, yields the committed answer and keys.
            var v = new Dictionary<string, string>();
            foreach (string line in File.ReadAllLines(TestData.VectorPath("mikey-ecc", "vectors.txt")))
            {
                int c = line.IndexOf(": ", StringComparison.Ordinal);
                v[line[..c]] = line[(c + 2)..];
            }

            var clock = new TestClock { NtpNow = T };
            byte[] answer = new byte[4096];
            byte[] m = TestData.Hex(v["ecies-i-message"]);
            var cr = new EciesResponder(new HostAesEngineFactory(), clock, Cache(clock), Credentials("bob", Bob, "bob"), TrustCa());
            Assert.Equal(MikeyExchangeStatus.Ok, cr.Respond(m, 0, m.Length, answer, 0, answer.Length));
            Assert.Equal(v["ecies-r-message"], Hex(answer, 0, cr.AnswerLength));
            Assert.Equal(v["ecies-srtp-master-key"], Hex(cr.Bundle.Get(0).GetMasterKey(0).Key, 0, 16));

            m = TestData.Hex(v["ecmqv-i-message"]);
            var mr = new EcmqvResponder(new HostAesEngineFactory(), clock, Cache(clock), Credentials("bob", Bob, "bob"), TrustCa());
            Assert.Equal(MikeyExchangeStatus.Ok, mr.Respond(m, 0, m.Length, answer, 0, answer.Length));
            Assert.Equal(v["ecmqv-r-message"], Hex(answer, 0, mr.AnswerLength));
            Assert.Equal(v["ecmqv-tgk"], Hex(mr.Bundle.Tgk, 0, mr.Bundle.TgkLength));

            m = TestData.Hex(v["ecdh-i-message"]);
            var er = new EcdhSignResponder(Drbg("vector/ecdh/r"), clock, Cache(clock), Credentials("bob", Bob, "bob"), TrustCa());
            Assert.Equal(MikeyExchangeStatus.Ok, er.Respond(m, 0, m.Length, answer, 0, answer.Length));
            Assert.Equal(v["ecdh-r-message"], Hex(answer, 0, er.AnswerLength));
            Assert.Equal(v["ecdh-srtp-master-salt"], Hex(er.Bundle.Get(0).GetMasterKey(0).Salt, 0, 14));
        }

        private static Dictionary<string, string> Vectors()
        {
            var v = new Dictionary<string, string>();
            foreach (string line in File.ReadAllLines(TestData.VectorPath("mikey-ecc", "vectors.txt")))
            {
                int c = line.IndexOf(": ", StringComparison.Ordinal);
                v[line[..c]] = line[(c + 2)..];
            }
            return v;
        }

        private static System.Security.Cryptography.ECParameters Ec(byte[] scalar)
        {
            var k = new P256PrivateKey();
            Assert.True(k.TryImport(scalar, 0));
            byte[] pub = new byte[65];
            k.PublicKey.ExportUncompressed(pub, 0);
            return new System.Security.Cryptography.ECParameters
            {
                Curve = System.Security.Cryptography.ECCurve.NamedCurves.nistP256,
                D = scalar,
                Q = new System.Security.Cryptography.ECPoint { X = pub[1..33], Y = pub[33..65] },
            };
        }

        private static byte[] Point(byte[] scalar)
        {
            var p = Ec(scalar);
            return [0x04, .. p.Q.X!, .. p.Q.Y!];
        }

        private static byte[] Ecdh(byte[] scalar, byte[] peerPoint)
        {
            using var me = System.Security.Cryptography.ECDiffieHellman.Create(Ec(scalar));
            using var peer = System.Security.Cryptography.ECDiffieHellman.Create(new System.Security.Cryptography.ECParameters
            {
                Curve = System.Security.Cryptography.ECCurve.NamedCurves.nistP256,
                Q = new System.Security.Cryptography.ECPoint { X = peerPoint[1..33], Y = peerPoint[33..65] },
            });
            return me.DeriveRawSecretAgreement(peer.PublicKey);
        }

        private static void SignatureVerifies(byte[] message, string signer)
        {
            using var key = System.Security.Cryptography.ECDsa.Create(Ec(EccFixtures.Scalar(signer)));
            Assert.True(key.VerifyData(message.AsSpan(0, message.Length - 64), message.AsSpan(message.Length - 64),
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
            Assert.Equal(14 << 4, message[message.Length - 66] & 0xF0); // S type 14
            Assert.Equal(64, message[message.Length - 65]);
        }

        [Fact]
        public void VectorsAgreeWithDotNetCryptography()
        {
            // Independent of lib/Ecc.Nano: .NET's ECDH, ECDSA, SHA-256, HMAC and AES on the committed values.
            var v = Vectors();
            byte[] ei = TestData.Hex(v["ecdh-i-message"]), er = TestData.Hex(v["ecdh-r-message"]);
            byte[] pi = Point(TestData.Hex(v["ecdh-initiator-ephemeral-scalar"])), pr = Point(TestData.Hex(v["ecdh-responder-ephemeral-scalar"]));
            Assert.Contains(Convert.ToHexString(pi).ToLowerInvariant() + "000000", v["ecdh-i-message"]); // ECCPTi, padded to 68
            Assert.Contains(Convert.ToHexString(pr).ToLowerInvariant() + "000000", v["ecdh-r-message"]);
            Assert.Equal(v["ecdh-tgk"], Convert.ToHexString(Ecdh(TestData.Hex(v["ecdh-initiator-ephemeral-scalar"]), pr)).ToLowerInvariant());
            SignatureVerifies(ei, "alice");
            SignatureVerifies(er, "bob");
            SignatureVerifies(TestData.Hex(v["ecies-i-message"]), "alice");
            byte[] mi = TestData.Hex(v["ecmqv-i-message"]);
            SignatureVerifies(mi, "alice");
            Assert.Contains(Convert.ToHexString(Point(TestData.Hex(v["ecmqv-ephemeral-scalar"]))).ToLowerInvariant(), v["ecmqv-i-message"]);

            // ECIES: PKE Data = R ‖ C ‖ D just before SIGN; K = X9.63-KDF-SHA-256(Z, 48, R); D = HMAC-SHA-256(MK, C); C = AES-128-CTR(EK, 0).
            byte[] ci = TestData.Hex(v["ecies-i-message"]);
            byte[] pke = ci.AsSpan(ci.Length - 66 - 129, 129).ToArray();
            Assert.Equal(Point(TestData.Hex(v["ecies-ephemeral-scalar"])), pke[..65]);
            byte[] z = Ecdh(EccFixtures.Scalar("bob"), pke[..65]);
            byte[] k1 = System.Security.Cryptography.SHA256.HashData([.. z, 0, 0, 0, 1, .. pke[..65]]);
            byte[] k2 = System.Security.Cryptography.SHA256.HashData([.. z, 0, 0, 0, 2, .. pke[..65]]);
            byte[] ek = k1[..16], mk = [.. k1[16..], .. k2[..16]];
            Assert.Equal(pke[97..], System.Security.Cryptography.HMACSHA256.HashData(mk, pke[65..97]));
            using var aes = System.Security.Cryptography.Aes.Create();
            aes.Key = ek;
            byte[] stream = aes.EncryptEcb([.. new byte[15], 0, .. new byte[15], 1], System.Security.Cryptography.PaddingMode.None);
            byte[] env = new byte[32];
            for (int i = 0; i < 32; i++) env[i] = (byte)(pke[65 + i] ^ stream[i]);
            Assert.Equal(v["ecies-env-key"], Convert.ToHexString(env).ToLowerInvariant());
        }
    }
}
