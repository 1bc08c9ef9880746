using NanoMikey.Crypto.Random;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Payloads;
using NanoMikey.Mikey.Rsa.Tests.DhHmac;
using NanoMikey.Mikey.Session;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests.DhSign
{
    /// <summary>
    /// Deterministic DH-SIGN vectors (tests/vectors/mikey-rsa/dhsign.txt, described in tests/vectors/SOURCE.md): Alice and
    /// Bob with the committed 2048-bit RSA fixtures (tests/vectors/mikey-rsa/pk-keys.txt, certificates pk-alice.der and
    /// pk-bob.der under the ECC test CA), IDi sip:alice@example.com, IDr sip:bob@example.com, T 0xe6a9c0d800000000, PRF
    /// MIKEY-1, one crypto session (SSRC 0x11111111, ROC 0, AES-CM-128 / HMAC-SHA1-80), signatures over SHA-256; randomness
    /// from HMAC_DRBG-SHA-256 seeded with SHA-256("nanoMikey RSA test DRBG: vector/dhsign/{group}-{scheme}/i" or ".../r"),
    /// nonce 16 zero bytes. Initiator requests: RAND (16), CSB ID (4), the 32-byte exponent, then (PSS) the 32-byte salt;
    /// responder: the exponent, then (PSS) the salt. The TGK is checked with BigInteger over the RFC's primes.
    /// </summary>
    public class DhSignVectorTests
    {
        private static readonly (DhGroup Group, SignatureType Type)[] Cases = { (DhGroup.Oakley5, SignatureType.RsaPkcs1), (DhGroup.Oakley2, SignatureType.RsaPss) };

        private static string H(byte[] b, int n) => Hex(b, 0, n);

        internal static List<(string, string)> Build()
        {
            var o = new List<(string, string)>();
            foreach (var (group, type) in Cases)
            {
                string name = group.ToString().ToLowerInvariant() + "-" + (type == SignatureType.RsaPss ? "pss" : "pkcs1");
                string p = "dhsign-" + name + "-";
                var x = DhSignExchange.Make(group, type, seed: "vector/dhsign/" + name);
                Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
                Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));

                HmacDrbg di = Drbg("vector/dhsign/" + name + "/i"), dr = Drbg("vector/dhsign/" + name + "/r");
                byte[] rand = Draw(di, 16), csb = Draw(di, 4), xi = Draw(di, 32), xr = Draw(dr, 32);
                o.Add((p + "rand", H(rand, 16)));
                o.Add((p + "csb-id", H(csb, 4)));
                o.Add((p + "initiator-exponent", H(xi, 32)));
                o.Add((p + "responder-exponent", H(xr, 32)));
                o.Add((p + "i-message", H(x.Offer, x.OfferLength)));
                o.Add((p + "r-message", H(x.Answer, x.AnswerLength)));

                CryptoSessionBundle b = x.R.Bundle;
                // R_MESSAGE: ..., DHr (3 + vl), DHi (3 + vl), SIGN (2 + 256): TGK = DHr^xi mod p.
                var g = (DhHmacGroup)(int)group;
                int vl = OakleyReference.Length(g);
                Assert.Equal(OakleyReference.SharedSecret(g, xi, x.Answer, x.AnswerLength - 258 - 2 * (3 + vl) + 2), H(b.Tgk, b.TgkLength));
                VectorKeys.AddKeys(o, p, x.I.Bundle, b);
            }

            return o;
        }

        private static byte[] Draw(HmacDrbg d, int n)
        {
            byte[] b = new byte[n];
            d.Generate(b, 0, n);
            return b;
        }

        [Fact]
        public void VectorsRebuildByteForByte()
        {
            VectorFile.Check("dhsign.txt", Build());
        }
    }
}
