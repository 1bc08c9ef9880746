using System.Numerics;

namespace NanoMikey.Mikey.Rsa.Tests.DhHmac
{
    /// <summary>
    /// The OAKLEY primes computed from their definition, independent of NanoMikey.BigNum: p = 2^n - 2^(n-64) - 1 +
    /// 2^64 · (floor(2^(n-130) · π) + k) with (n, k) = (768, 149686) for OAKLEY 1 (RFC 2409 §6.1), (1024, 129093) for
    /// OAKLEY 2 (§6.2), (1536, 741804) for OAKLEY 5 (RFC 3526 §2); generator 2.
    /// </summary>
    internal static class OakleyReference
    {
        internal static BigInteger Prime(DhHmacGroup group)
        {
            (int n, int k) = group switch
            {
                DhHmacGroup.Oakley1 => (768, 149686),
                DhHmacGroup.Oakley2 => (1024, 129093),
                _ => (1536, 741804),
            };
            return (BigInteger.One << n) - (BigInteger.One << (n - 64)) - 1 + ((Pi(n - 130) + k) << 64);
        }

        internal static int Length(DhHmacGroup group) => group == DhHmacGroup.Oakley1 ? 96 : group == DhHmacGroup.Oakley2 ? 128 : 192;

        /// <summary>y^x mod p as the group's fixed-length hex, y the value at <paramref name="at"/> of <paramref name="message"/>.</summary>
        internal static string SharedSecret(DhHmacGroup group, byte[] x, byte[] message, int at)
        {
            int vl = Length(group);
            var y = new BigInteger(message.AsSpan(at, vl), true, true);
            BigInteger secret = BigInteger.ModPow(y, new BigInteger(x, true, true), Prime(group));
            return Convert.ToHexString(Bytes(secret, vl)).ToLowerInvariant();
        }

        internal static byte[] Bytes(BigInteger v, int length)
        {
            byte[] raw = v.ToByteArray(true, true), r = new byte[length];
            Array.Copy(raw, 0, r, length - raw.Length, raw.Length);
            return r;
        }

        // floor(2^bits · π) by Machin's formula π = 16 atan(1/5) - 4 atan(1/239), with 64 guard bits.
        private static BigInteger Pi(int bits)
        {
            BigInteger one = BigInteger.One << (bits + 64);
            return (16 * Atan(5, one) - 4 * Atan(239, one)) >> 64;
        }

        private static BigInteger Atan(int x, BigInteger one)
        {
            BigInteger sum = 0, term = one / x, x2 = x * x;
            for (int i = 0; term != 0; i++)
            {
                sum += i % 2 == 0 ? term / (2 * i + 1) : -(term / (2 * i + 1));
                term /= x2;
            }

            return sum;
        }
    }
}
