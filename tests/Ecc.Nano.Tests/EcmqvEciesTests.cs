using System.Numerics;
using System.Security.Cryptography;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Ecc;
using NanoMikey.Crypto.Random;
using NanoMikey.Hardware.Host;
using Ref = NanoMikey.Ecc.Tests.P256ReferenceCurve;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>
    /// ECMQV (SEC 1 §3.4) and ECIES (SEC 1 §5.1) against an independent reference written here with BigInteger from the SEC 1
    /// formulas, and .NET's SHA-256, HMAC-SHA-256 and AES for the symmetric parts.
    /// </summary>
    public class EcmqvEciesTests
    {
        internal static BigInteger RandomScalar(System.Random rng)
        {
            var b = new byte[32];
            while (true)
            {
                rng.NextBytes(b);
                BigInteger v = Ref.FromBytes(b, 0, 32);
                if (v > 0 && v < Ref.N) return v;
            }
        }

        internal static P256PrivateKey Key(BigInteger d) => P256PrivateKey.FromScalar(Ref.Bytes32(d), 0)!;

        /// <summary>SEC 1 §3.4 step 2: avf(Q) = (xQ mod 2^128) + 2^128 for f = 256.</summary>
        private static BigInteger Avf(BigInteger[] q) => (q[0] % (BigInteger.One << 128)) + (BigInteger.One << 128);

        /// <summary>SEC 1 §3.4 with h = 1: z = x(s (Q2V + avf(Q2V) Q1V)), s = d2U + avf(Q2U) d1U mod n.</summary>
        private static byte[] ReferenceMqv(BigInteger d1U, BigInteger d2U, BigInteger[] q1V, BigInteger[] q2V)
        {
            BigInteger[] q2U = Ref.Mul(d2U, Ref.G)!;
            BigInteger s = Ref.Mod(d2U + Avf(q2U) * d1U, Ref.N);
            BigInteger[] p = Ref.Mul(s, Ref.Add(q2V, Ref.Mul(Avf(q2V), q1V)))!;
            return Ref.Bytes32(p[0]);
        }

        [Fact]
        public void MqvTwoPassAndOnePassMatchReference()
        {
            var rng = new System.Random(21);
            var zU = new byte[32];
            var zV = new byte[32];
            for (int i = 0; i < 8; i++)
            {
                BigInteger d1U = RandomScalar(rng), d2U = RandomScalar(rng), d1V = RandomScalar(rng), d2V = RandomScalar(rng);
                P256PrivateKey u1 = Key(d1U), u2 = Key(d2U), v1 = Key(d1V), v2 = Key(d2V);

                // two-pass
                Assert.True(EcmqvP256.ComputeSharedSecret(u1, u2, v1.PublicKey, v2.PublicKey, zU, 0));
                Assert.True(EcmqvP256.ComputeSharedSecret(v1, v2, u1.PublicKey, u2.PublicKey, zV, 0));
                byte[] expected = ReferenceMqv(d1U, d2U, Ref.Mul(d1V, Ref.G)!, Ref.Mul(d2V, Ref.G)!);
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(zU));
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(zV));

                // one-pass: the responder's static key serves as its ephemeral key
                Assert.True(EcmqvP256.ComputeOnePassInitiator(u1, u2, v1.PublicKey, zU, 0));
                Assert.True(EcmqvP256.ComputeOnePassResponder(v1, u1.PublicKey, u2.PublicKey, zV, 0));
                expected = ReferenceMqv(d1U, d2U, Ref.Mul(d1V, Ref.G)!, Ref.Mul(d1V, Ref.G)!);
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(zU));
                Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(zV));
            }
        }

        /// <summary>ANSI X9.63 KDF (SEC 1 §3.6.1) with SHA-256.</summary>
        internal static byte[] ReferenceKdf(byte[] z, byte[] info, int length)
        {
            var output = new System.Collections.Generic.List<byte>();
            for (uint counter = 1; output.Count < length; counter++)
            {
                byte[] c = { (byte)(counter >> 24), (byte)(counter >> 16), (byte)(counter >> 8), (byte)counter };
                output.AddRange(SHA256.HashData(z.Concat(c).Concat(info).ToArray()));
            }
            return output.Take(length).ToArray();
        }

        private static byte[] ReferenceCtr(byte[] key, byte[] data)
        {
            using var aes = Aes.Create();
            aes.Key = key;
            var counter = new byte[16];
            var result = new byte[data.Length];
            for (int i = 0; i < data.Length; i += 16)
            {
                byte[] ks = aes.EncryptEcb(counter, PaddingMode.None);
                for (int j = 0; j < 16 && i + j < data.Length; j++) result[i + j] = (byte)(data[i + j] ^ ks[j]);
                for (int j = 15; j >= 0 && ++counter[j] == 0; j--) { }
            }
            return result;
        }

        /// <summary>SEC 1 §2.3.3 octet string of a point, uncompressed (04 || X || Y) or compressed (02/03 by the parity of y || X).</summary>
        private static byte[] Encode(BigInteger[] p, bool compressed) => compressed
            ? new byte[] { (byte)(p[1].IsEven ? 2 : 3) }.Concat(Ref.Bytes32(p[0])).ToArray()
            : new byte[] { 4 }.Concat(Ref.Bytes32(p[0])).Concat(Ref.Bytes32(p[1])).ToArray();

        /// <summary>
        /// SEC 1 §5.1.3 with the profile of <see cref="EciesP256"/>: K = X9.63-KDF(Z, 48, R̄ || S1), R̄ the octet string of R as
        /// sent; R̄ || AES-128-CTR(EK, M) || HMAC(MK, C || S2)[..tag].
        /// </summary>
        private static byte[] ReferenceEncrypt(BigInteger k, BigInteger[] q, byte[] m, byte[] s1, byte[] s2, int tagLength, bool compressed)
        {
            byte[] rBar = Encode(Ref.Mul(k, Ref.G)!, compressed);
            byte[] z = Ref.Bytes32(Ref.Mul(k, q)![0]);
            byte[] keys = ReferenceKdf(z, rBar.Concat(s1).ToArray(), 48);
            byte[] c = ReferenceCtr(keys.Take(16).ToArray(), m);
            byte[] d = HMACSHA256.HashData(keys.Skip(16).ToArray(), c.Concat(s2).ToArray()).Take(tagLength).ToArray();
            return rBar.Concat(c).Concat(d).ToArray();
        }

        [Theory]
        [InlineData(0, 32, 0, 0, false)]
        [InlineData(1, 32, 5, 0, false)]
        [InlineData(16, 16, 0, 7, true)]
        [InlineData(45, 20, 11, 3, false)]
        [InlineData(300, 32, 40, 40, true)]
        public void EciesMatchesReferenceAndRoundTrips(int length, int tagLength, int s1Length, int s2Length, bool compressed)
        {
            var rng = new System.Random(length + tagLength);
            BigInteger dV = RandomScalar(rng), k = RandomScalar(rng);
            var m = new byte[length]; rng.NextBytes(m);
            var s1 = new byte[s1Length]; rng.NextBytes(s1);
            var s2 = new byte[s2Length]; rng.NextBytes(s2);
            P256PrivateKey recipient = Key(dV), ephemeral = Key(k);
            var ecies = new EciesP256(new SoftwareAesFactory().Create(16)!, 256, tagLength, compressed);
            var ct = new byte[ecies.GetCiphertextLength(length)];
            int n = ecies.Encrypt(ephemeral, recipient.PublicKey, m, 0, m.Length, s1, 0, s1.Length, s2, 0, s2.Length, ct, 0);
            Assert.Equal(ct.Length, n);
            byte[] expected = ReferenceEncrypt(k, Ref.Mul(dV, Ref.G)!, m, s1, s2, tagLength, compressed);
            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(ct));

            var pt = new byte[length];
            Assert.True(ecies.TryDecrypt(recipient, ct, 0, ct.Length, s1, 0, s1.Length, s2, 0, s2.Length, pt, 0, out int written));
            Assert.Equal(length, written);
            Assert.Equal(m, pt);

            // any flipped bit in R, C or D, or another SharedInfo, is refused, and nothing is written
            for (int i = 0; i < ct.Length; i += 1 + ct.Length / 9)
            {
                ct[i] ^= 0x10;
                Array.Fill(pt, (byte)0xAA);
                Assert.False(ecies.TryDecrypt(recipient, ct, 0, ct.Length, s1, 0, s1.Length, s2, 0, s2.Length, pt, 0, out written));
                Assert.Equal(0, written);
                Assert.All(pt, b => Assert.Equal(0xAA, b));
                ct[i] ^= 0x10;
            }
            var otherS2 = s2.Concat(new byte[] { 1 }).ToArray();
            Assert.False(ecies.TryDecrypt(recipient, ct, 0, ct.Length, s1, 0, s1.Length, otherS2, 0, otherS2.Length, pt, 0, out _));
        }

        /// <summary>
        /// Issue 8 §6: R, -R and R's other encoding all give the same Z = x(dR). Bound into the KDF as received, every
        /// re-encoding of R derives other keys, so only the encoding that was sent decrypts.
        /// </summary>
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void EciesRefusesEveryReencodingOfR(bool compressed)
        {
            var rng = new System.Random(compressed ? 31 : 32);
            BigInteger dV = RandomScalar(rng), k = RandomScalar(rng);
            P256PrivateKey recipient = Key(dV), ephemeral = Key(k);
            var ecies = new EciesP256(new SoftwareAesFactory().Create(16)!, 64, 16, compressed);
            var m = new byte[40];
            rng.NextBytes(m);
            var ct = new byte[ecies.GetCiphertextLength(m.Length)];
            ecies.Encrypt(ephemeral, recipient.PublicKey, m, 0, m.Length, null, 0, 0, null, 0, 0, ct, 0);
            int rLength = ecies.EphemeralLength;
            byte[] body = ct.Skip(rLength).ToArray();

            BigInteger[] r = Ref.Mul(k, Ref.G)!;
            BigInteger[] minusR = { r[0], Ref.Mod(-r[1], Ref.P) };
            Assert.Equal(Encode(r, compressed), ct.Take(rLength).ToArray());
            var pt = new byte[m.Length];
            Assert.True(ecies.TryDecrypt(recipient, ct, 0, ct.Length, null, 0, 0, null, 0, 0, pt, 0, out int written));
            Assert.Equal(m, pt);

            // The other encoding of R, and -R in both encodings: each a valid point with the same Z.
            foreach (byte[] rBar in new[] { Encode(r, !compressed), Encode(minusR, compressed), Encode(minusR, !compressed) })
            {
                byte[] forged = rBar.Concat(body).ToArray();
                var z1 = new byte[32];
                var z2 = new byte[32];
                Assert.True(EcdhP256.ComputeSharedSecret(recipient, forged, 0, rBar.Length, z1, 0));
                Assert.True(EcdhP256.ComputeSharedSecret(recipient, ct, 0, rLength, z2, 0));
                Assert.Equal(z2, z1);
                Array.Fill(pt, (byte)0xAA);
                Assert.False(ecies.TryDecrypt(recipient, forged, 0, forged.Length, null, 0, 0, null, 0, 0, pt, 0, out written));
                Assert.Equal(0, written);
                Assert.All(pt, b => Assert.Equal(0xAA, b));
            }
        }

        [Fact]
        public void EciesWithDrbgAndCompressedEphemeral()
        {
            var drbg = new HmacDrbg(new HostEntropySource(), null);
            var recipient = new P256PrivateKey();
            recipient.Generate(drbg);
            var ecies = new EciesP256(new HostAesEngineFactory().Create(16)!, 64, 32, true);
            byte[] m = System.Text.Encoding.ASCII.GetBytes("MIKEY envelope key, 16..32 bytes");
            var ct = new byte[ecies.GetCiphertextLength(m.Length)];
            Assert.Equal(33 + m.Length + 32, ecies.Encrypt(drbg, recipient.PublicKey, m, 0, m.Length, null, 0, 0, null, 0, 0, ct, 0));
            Assert.True(ct[0] == 2 || ct[0] == 3);
            var pt = new byte[m.Length];
            Assert.True(ecies.TryDecrypt(recipient, ct, 0, ct.Length, null, 0, 0, null, 0, 0, pt, 0, out int written));
            Assert.Equal(m, pt);
            // too short to hold R and a tag
            Assert.False(ecies.TryDecrypt(recipient, ct, 0, 40, null, 0, 0, null, 0, 0, pt, 0, out written));
        }
    }
}
