using System.Security.Cryptography;
using System.Text;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests
{
    /// <summary>
    /// The deterministic RSA-R vectors (tests/vectors/mikey-rsa/rsar-vectors.txt): fixed RSA keys and certificates, T fixed,
    /// DRBG seeds "vector/rsar/i" and "vector/rsar/r", one AES-CM-128 crypto session (SSRC 0x11111111), unicast. Rebuilt and
    /// compared byte for byte; the envelope and SIGNr (over the R_MESSAGE ‖ IDi ‖ IDr ‖ T) are cross-checked with .NET's RSA.
    /// MIKEY_RSA_WRITE_VECTORS=1 rewrites the file.
    /// </summary>
    public class RsaRVectorTests
    {
        internal static List<(string, string)> Build()
        {
            var o = new List<(string, string)>();
            // Initiator: RAND, CSB ID. Responder: TGK, env_key (then the PKCS#1 padding string).
            var d = Drbg("vector/rsar/i");
            o.Add(("rsar-rand", VectorFile.Draw(d, 16)));
            o.Add(("rsar-csb-id", VectorFile.Draw(d, 4)));
            d = Drbg("vector/rsar/r");
            o.Add(("rsar-tgk-drawn", VectorFile.Draw(d, 32)));
            o.Add(("rsar-env-key", VectorFile.Draw(d, 32)));

            var x = RsaExchange.Make("rsar", seed: "vector/rsar");
            Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
            Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));
            o.Add(("rsar-i-message", Hex(x.Offer, 0, x.OfferLength)));
            o.Add(("rsar-r-message", Hex(x.Answer, 0, x.AnswerLength)));
            PkVectorTests.Keys(o, "rsar-", x.I.Bundle, x.R.Bundle);
            return o;
        }

        [Fact]
        public void EveryMessageAndKeyIsRebuiltByteExactly()
        {
            VectorFile.Check("rsar-vectors.txt", Build());
        }

        [Fact]
        public void DotNetOpensTheEnvelopeAndVerifiesBothSignatures()
        {
            var v = Build().ToDictionary(p => p.Item1, p => p.Item2);
            byte[] offer = Convert.FromHexString(v["rsar-i-message"]), answer = Convert.FromHexString(v["rsar-r-message"]);
            using RSA alice = RSA.Create(DotNetKey("alice")), bob = RSA.Create(DotNetKey("bob"));
            var (so, sl) = VectorFile.Find(offer, offer.Length, PayloadType.Sign);
            Assert.True(alice.VerifyData(offer.AsSpan(0, so).ToArray(), offer.AsSpan(so, sl).ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            var (po, pl) = VectorFile.Find(answer, answer.Length, PayloadType.Pke);
            Assert.Equal(v["rsar-env-key"], Convert.ToHexString(alice.Decrypt(answer.AsSpan(po, pl).ToArray(), RSAEncryptionPadding.Pkcs1)).ToLowerInvariant());
            // SIGNr: RFC 4738 §3.6 appends IDi ‖ IDr ‖ T (the I_MESSAGE's 8-byte NTP value) to the R_MESSAGE before its Signature field.
            (so, sl) = VectorFile.Find(answer, answer.Length, PayloadType.Sign);
            byte[] t = BitConverter.GetBytes(T);
            Array.Reverse(t);
            byte[] signed = answer.AsSpan(0, so).ToArray().Concat(Alice).Concat(Bob).Concat(t).ToArray();
            Assert.True(bob.VerifyData(signed, answer.AsSpan(so, sl).ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
    }
}
