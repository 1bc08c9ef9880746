using System.Security.Cryptography;
using NanoMikey.Crypto.Random;
using NanoMikey.Ecc;
using NanoMikey.Mikey.Modes;
using NanoMikey.Mikey.Session;
using static NanoMikey.Mikey.Rsa.Tests.RsaFixtures;

namespace NanoMikey.Mikey.Rsa.Tests.DhHmac
{
    /// <summary>
    /// Deterministic DHHMAC vectors (tests/vectors/mikey-rsa/dhhmac.txt, described in tests/vectors/SOURCE.md): PSK
    /// SHA-256("nanoMikey DHHMAC test PSK"), IDi sip:alice@example.com, IDr sip:bob@example.com (URI), T 0xe6a9c0d800000000,
    /// PRF MIKEY-1, one crypto session (SSRC 0x11111111, ROC 0, AES-CM-128 / HMAC-SHA1-80), MAC HMAC-SHA-1-160; randomness
    /// from HMAC_DRBG-SHA-256 seeded with SHA-256("nanoMikey RSA test DRBG: vector/dhhmac/{group}/i" or ".../r"), nonce 16
    /// zero bytes. Initiator requests: RAND (16), CSB ID (4), the ephemeral key; responder: the ephemeral key. Every message
    /// and key is rebuilt and compared byte for byte; the TGK is checked independently with .NET's ECDH and BigInteger over the RFC's primes.
    /// MIKEY_RSA_WRITE_VECTORS=1 rewrites the file.
    /// </summary>
    public class DhHmacVectorTests
    {
        internal static readonly DhHmacGroup[] Groups = { DhHmacGroup.P256, DhHmacGroup.Oakley1, DhHmacGroup.Oakley2, DhHmacGroup.Oakley5 };

        private static string H(byte[] b, int n) => Hex(b, 0, n);

        internal static List<(string, string)> Build()
        {
            var o = new List<(string, string)>();
            o.Add(("psk", H(DhHmacExchange.Psk, 32)));
            foreach (DhHmacGroup g in Groups)
            {
                string p = "dhhmac-" + g.ToString().ToLowerInvariant() + "-";
                var x = DhHmacExchange.Make(g, seed: "vector/dhhmac/" + g.ToString().ToLowerInvariant());
                Assert.Equal(MikeyExchangeStatus.Ok, x.Run());
                Assert.Equal(MikeyExchangeStatus.Ok, x.I.ReadAnswer(x.Answer, 0, x.AnswerLength));

                // The DRBG requests replayed: RAND, CSB ID, then each side's ephemeral key.
                HmacDrbg di = Drbg("vector/dhhmac/" + g.ToString().ToLowerInvariant() + "/i");
                byte[] rand = new byte[16], csb = new byte[4];
                di.Generate(rand, 0, 16);
                di.Generate(csb, 0, 4);
                o.Add((p + "rand", H(rand, 16)));
                o.Add((p + "csb-id", H(csb, 4)));
                byte[] xi = Ephemeral(g, di), xr = Ephemeral(g, Drbg("vector/dhhmac/" + g.ToString().ToLowerInvariant() + "/r"));
                o.Add((p + "initiator-ephemeral", H(xi, xi.Length)));
                o.Add((p + "responder-ephemeral", H(xr, xr.Length)));
                o.Add((p + "i-message", H(x.Offer, x.OfferLength)));
                o.Add((p + "r-message", H(x.Answer, x.AnswerLength)));

                Assert.Equal(ReferenceTgk(g, xi, x.Answer, x.AnswerLength), H(x.R.Bundle.Tgk, x.R.Bundle.TgkLength));
                VectorKeys.AddKeys(o, p, x.I.Bundle, x.R.Bundle);
            }

            return o;
        }

        // The ephemeral private key a side draws next: the P-256 scalar, or the 32-byte MODP exponent (NanoMikey.BigNum draws it once).
        private static byte[] Ephemeral(DhHmacGroup g, HmacDrbg d)
        {
            if (g != DhHmacGroup.P256)
            {
                byte[] e = new byte[32];
                d.Generate(e, 0, 32);
                return e;
            }

            var k = new P256PrivateKey();
            k.Generate(d);
            byte[] s = new byte[32];
            k.ExportScalar(s, 0);
            return s;
        }

        // TGK from the initiator's private key and DHr (the first value payload of the answer), by .NET.
        private static string ReferenceTgk(DhHmacGroup g, byte[] xi, byte[] answer, int length)
        {
            if (g != DhHmacGroup.P256)
            {
                // R_message: ..., DHr (3 + vl bytes), DHi, KEMAC (25): TGK = DHr^xi mod p, vl bytes.
                int vl = OakleyReference.Length(g);
                return OakleyReference.SharedSecret(g, xi, answer, length - 25 - 2 * (3 + vl) + 2);
            }

            // R_message: ..., DHr (ECCPT, 74 bytes), DHi (74), KEMAC (25): the point starts 2 bytes into DHr.
            int point = length - 25 - 74 - 74 + 2;
            var peer = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = answer[(point + 1)..(point + 33)], Y = answer[(point + 33)..(point + 65)] } };
            using var me = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = xi, Q = PublicOf(xi) });
            using var other = ECDiffieHellman.Create(peer);
            return Convert.ToHexString(me.DeriveRawSecretAgreement(other.PublicKey)).ToLowerInvariant();
        }

        private static ECPoint PublicOf(byte[] d)
        {
            var k = new P256PrivateKey();
            Assert.True(k.TryImport(d, 0));
            byte[] q = new byte[65];
            k.PublicKey.ExportUncompressed(q, 0);
            return new ECPoint { X = q[1..33], Y = q[33..65] };
        }

        [Fact]
        public void VectorsRebuildByteForByte()
        {
            VectorFile.Check("dhhmac.txt", Build());
        }
    }
}
