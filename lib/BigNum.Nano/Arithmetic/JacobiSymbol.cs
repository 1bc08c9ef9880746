using System;

namespace NanoMikey.BigNum.Arithmetic
{
    /// <summary>
    /// The Jacobi symbol (a/n) for odd n by the binary algorithm (quadratic reciprocity and the rule for 2), in about
    /// 2*bits passes over the limbs instead of a full exponentiation. VARIABLE TIME: for public values only (a peer's
    /// Diffie-Hellman value). For a prime p it is the Legendre symbol: 1 exactly when a is a non-zero square mod p.
    /// </summary>
    internal sealed class JacobiSymbol
    {
        private readonly int _maxLimbs;
        private readonly uint[] _a;
        private readonly uint[] _n;

        /// <summary>Creates scratch for values of up to <paramref name="maxLimbs"/> limbs.</summary>
        internal JacobiSymbol(int maxLimbs)
        {
            _maxLimbs = maxLimbs;
            _a = new uint[maxLimbs];
            _n = new uint[maxLimbs];
        }

        /// <summary>(a/n) for 0 &lt;= a &lt; n, n odd: 1, -1, or 0 when gcd(a, n) != 1.</summary>
        internal int Compute(uint[] a, uint[] n, int count)
        {
            Array.Copy(a, _a, count);
            Array.Copy(n, _n, count);
            int t = 1;
            while (LimbComparison.IsZero(_a, count) == 0)
            {
                while ((_a[0] & 1) == 0)
                {
                    // (2/n) = -1 when n = 3 or 5 mod 8
                    Limbs.ShiftRight1(_a, count, 0);
                    uint r = _n[0] & 7;
                    if (r == 3 || r == 5)
                    {
                        t = -t;
                    }
                }

                if (LimbComparison.LessThan(_a, _n, count) != 0)
                {
                    // reciprocity for odd a, n: (a/n) = -(n/a) when both are 3 mod 4
                    for (int i = 0; i < count; i++)
                    {
                        uint w = _a[i];
                        _a[i] = _n[i];
                        _n[i] = w;
                    }

                    if ((_a[0] & 3) == 3 && (_n[0] & 3) == 3)
                    {
                        t = -t;
                    }
                }

                // a >= n, both odd: (a/n) = ((a-n)/n)
                LimbSubtraction.Subtract(_a, _a, _n, count);
            }

            int result = LimbComparison.IsOne(_n, count) != 0 ? t : 0;
            Array.Clear(_a, 0, _maxLimbs);
            Array.Clear(_n, 0, _maxLimbs);
            return result;
        }
    }
}
