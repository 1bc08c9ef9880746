using System.Numerics;

namespace NanoMikey.Ecc.Tests
{
    /// <summary>
    /// An independent, slow, affine P-256 in System.Numerics.BigInteger straight from SEC 1 §2.2.1 (textbook chord and
    /// tangent), the reference for group, MQV and ECIES tests. Infinity is null.
    /// </summary>
    internal static class P256ReferenceCurve
    {
        internal static readonly BigInteger P = P256FieldTests.P;
        internal static readonly BigInteger N = P256FieldTests.N;
        internal static readonly BigInteger B = Parse("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B");
        internal static readonly BigInteger[] G =
        {
            Parse("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"),
            Parse("4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5"),
        };

        internal static BigInteger Parse(string hex) => BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber);

        internal static BigInteger Mod(BigInteger a, BigInteger m) => ((a % m) + m) % m;

        /// <summary>a^-1 mod m by the extended Euclidean algorithm.</summary>
        internal static BigInteger Inv(BigInteger a, BigInteger m)
        {
            BigInteger r0 = m, r1 = Mod(a, m), t0 = 0, t1 = 1;
            while (r1 != 0)
            {
                BigInteger q = r0 / r1;
                (r0, r1) = (r1, r0 - q * r1);
                (t0, t1) = (t1, t0 - q * t1);
            }
            if (r0 != 1) throw new ArgumentException("not invertible");
            return Mod(t0, m);
        }

        internal static BigInteger[]? Add(BigInteger[]? a, BigInteger[]? b)
        {
            if (a == null) return b;
            if (b == null) return a;
            BigInteger l;
            if (a[0] == b[0])
            {
                if (Mod(a[1] + b[1], P) == 0) return null;
                l = Mod((3 * a[0] * a[0] - 3) * Inv(2 * a[1], P), P);
            }
            else
            {
                l = Mod((b[1] - a[1]) * Inv(b[0] - a[0], P), P);
            }
            BigInteger x = Mod(l * l - a[0] - b[0], P);
            BigInteger y = Mod(l * (a[0] - x) - a[1], P);
            return new[] { x, y };
        }

        internal static BigInteger[]? Mul(BigInteger k, BigInteger[]? p)
        {
            BigInteger[]? r = null;
            for (int i = (int)k.GetBitLength() - 1; i >= 0; i--)
            {
                r = Add(r, r);
                if (((k >> i) & 1) == 1) r = Add(r, p);
            }
            return r;
        }

        internal static bool OnCurve(BigInteger x, BigInteger y) => Mod(y * y - (x * x * x - 3 * x + B), P) == 0;

        internal static byte[] Bytes32(BigInteger v)
        {
            byte[] b = v.ToByteArray(isUnsigned: true, isBigEndian: true);
            var r = new byte[32];
            Array.Copy(b, 0, r, 32 - b.Length, b.Length);
            return r;
        }

        internal static BigInteger FromBytes(byte[] b, int offset, int length) => new BigInteger(new ReadOnlySpan<byte>(b, offset, length), isUnsigned: true, isBigEndian: true);
    }
}
