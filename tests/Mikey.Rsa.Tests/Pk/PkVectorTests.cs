using System.Security.Cryptography;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Session;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>
    /// The deterministic PK vectors (tests/vectors/mikey-rsa/pk-vectors.txt): fixed RSA keys and certificates (pk-keys.txt,
    /// pk-alice.der, pk-bob.der), T fixed, HMAC_DRBG-SHA-256 seeds "vector/pk/i", one AES-CM-128 crypto session (SSRC
    /// 0x11111111), V requested. Rebuilt and compared byte for byte; the envelope and SIGNi are cross-checked with .NET's RSA.
    /// MIKEY_RSA_WRITE_VECTORS=1 rewrites the file.
    /// </summary>
    public class PkVectorTests
    {
        internal static List<(string, string)> Build()
        {
            var o = new List<(string, string)>();
            // The initiator's DRBG requests, in order: RAND, CSB ID, env_key, TGK (then the PKCS#1 padding string).
            var d = Drbg("vector/pk/i");
            o.Add(("pk-rand", VectorFile.Draw(d, 16)));
            o.Add(("pk-csb-id", VectorFile.Draw(d, 4)));
            o.Add(("pk-env-key", VectorFile.Draw(d, 32)));
            o.Add(("pk-tgk-drawn", VectorFile.Draw(d, 32)));

            var x = RsaExchange.Make("pk", seed: "vector/pk");
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            o.Add(("pk-i-message", Hex(x.Offer, 0, x.OfferLength)));
            o.Add(("pk-r-message", Hex(x.Answer, 0, x.AnswerLength)));
            Keys(o, "pk-", x.I.Bundle, x.R.Bundle);
            return o;
        }

        internal static void Keys(List<(string, string)> o, string prefix, CryptoSessionBundle a, CryptoSessionBundle b)
        {
            Assert.Equal(Hex(a.Tgk, 0, a.TgkLength), Hex(b.Tgk, 0, b.TgkLength));
            o.Add((prefix + "tgk", Hex(b.Tgk, 0, b.TgkLength)));
            SrtpMasterKeyEntry k = b.Get(0).GetMasterKey(0), ki = a.Get(0).GetMasterKey(0);
            Assert.Equal(Hex(ki.Key, 0, ki.KeyLength), Hex(k.Key, 0, k.KeyLength));
            Assert.Equal(Hex(ki.Salt, 0, ki.SaltLength), Hex(k.Salt, 0, k.SaltLength));
            o.Add((prefix + "srtp-master-key", Hex(k.Key, 0, k.KeyLength)));
            o.Add((prefix + "srtp-master-salt", Hex(k.Salt, 0, k.SaltLength)));
        }

        [Fact]
        public void EveryMessageAndKeyIsRebuiltByteExactly()
        {
            VectorFile.Check("pk-vectors.txt", Build());
        }

        [Fact]
        public void DotNetOpensTheEnvelopeAndVerifiesSigni()
        {
            var v = Build().ToDictionary(p => p.Item1, p => p.Item2);
            byte[] offer = Convert.FromHexString(v["pk-i-message"]);
            var (po, pl) = VectorFile.Find(offer, offer.Length, PayloadType.Pke);
            using RSA bob = RSA.Create(DotNetKey("bob"));
            Assert.Equal(v["pk-env-key"], Convert.ToHexString(bob.Decrypt(offer.AsSpan(po, pl).ToArray(), RSAEncryptionPadding.Pkcs1)).ToLowerInvariant());
            var (so, sl) = VectorFile.Find(offer, offer.Length, PayloadType.Sign);
            using RSA alice = RSA.Create(DotNetKey("alice"));
            Assert.True(alice.VerifyData(offer.AsSpan(0, so).ToArray(), offer.AsSpan(so, sl).ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
    }
}
