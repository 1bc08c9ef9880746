using System.Numerics;
using System.Security.Cryptography;

namespace NanoMikey.Rsa.Tests.Keys
{
    /// <summary>.NET's RSA key generation and BigInteger as the reference for the key tests; keys cached per size.</summary>
    internal static class RsaKeyReference
    {
        private static readonly object Sync = new object();
        private static readonly Dictionary<int, RSAParameters> Keys = new Dictionary<int, RSAParameters>();

        internal static RSAParameters Key(int bits)
        {
            lock (Sync)
            {
                if (!Keys.TryGetValue(bits, out RSAParameters p))
                {
                    using RSA rsa = RSA.Create(bits);
                    p = rsa.ExportParameters(true);
                    Keys[bits] = p;
                }

                return p;
            }
        }

        internal static BigInteger Big(byte[] b) => new BigInteger(b, isUnsigned: true, isBigEndian: true);

        internal static byte[] Bytes(BigInteger v, int length)
        {
            byte[] raw = v.IsZero ? new byte[0] : v.ToByteArray(isUnsigned: true, isBigEndian: true);
            var r = new byte[length];
            Array.Copy(raw, 0, r, length - raw.Length, raw.Length);
            return r;
        }

        internal static BigInteger ModInverse(BigInteger a, BigInteger m)
        {
            BigInteger r0 = m, r1 = a % m, s0 = 0, s1 = 1;
            while (!r1.IsZero)
            {
                BigInteger q = r0 / r1;
                (r0, r1) = (r1, r0 - (q * r1));
                (s0, s1) = (s1, s0 - (q * s1));
            }

            Assert.Equal(BigInteger.One, r0);
            return ((s0 % m) + m) % m;
        }

        internal static BigInteger Lambda(RSAParameters p)
        {
            BigInteger p1 = Big(p.P!) - 1, q1 = Big(p.Q!) - 1;
            return p1 * q1 / BigInteger.GreatestCommonDivisor(p1, q1);
        }

        /// <summary>Loads all eight components into a fresh holder (not yet completed).</summary>
        internal static RsaPrivateKey Holder(RSAParameters p, int maxBits)
        {
            var key = new RsaPrivateKey(maxBits);
            key.SetComponent(RsaPrivateComponent.Modulus, p.Modulus!, 0, p.Modulus!.Length);
            key.SetComponent(RsaPrivateComponent.PublicExponent, p.Exponent!, 0, p.Exponent!.Length);
            key.SetComponent(RsaPrivateComponent.PrivateExponent, p.D!, 0, p.D!.Length);
            key.SetComponent(RsaPrivateComponent.Prime1, p.P!, 0, p.P!.Length);
            key.SetComponent(RsaPrivateComponent.Prime2, p.Q!, 0, p.Q!.Length);
            key.SetComponent(RsaPrivateComponent.Exponent1, p.DP!, 0, p.DP!.Length);
            key.SetComponent(RsaPrivateComponent.Exponent2, p.DQ!, 0, p.DQ!.Length);
            key.SetComponent(RsaPrivateComponent.Coefficient, p.InverseQ!, 0, p.InverseQ!.Length);
            return key;
        }

        internal static RsaPrivateKey Complete(RSAParameters p, int maxBits)
        {
            RsaPrivateKey key = Holder(p, maxBits);
            Assert.True(key.TryComplete());
            return key;
        }
    }
}
