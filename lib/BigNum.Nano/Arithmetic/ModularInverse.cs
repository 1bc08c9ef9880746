using System;

namespace NanoMikey.BigNum.Arithmetic
{
    /// <summary>
    /// Modular inverses and greatest common divisors for key provisioning (deriving RSA CRT components, RFC 8017 §3.2).
    /// Binary extended Euclid: VARIABLE TIME in the values. That is acceptable because it runs once when a key is imported
    /// or checked, never per message; per-message paths use <see cref="MontgomeryModulus"/> only. Scratch is owned by the
    /// object, sized at construction; all values have the same limb count (zero-padded).
    /// </summary>
    internal sealed class ModularInverse
    {
        private readonly int _maxLimbs;
        private readonly uint[] _u;
        private readonly uint[] _v;
        private readonly uint[] _x1;
        private readonly uint[] _x2;
        private readonly uint[] _wide;
        private readonly uint[] _quotient;
        private readonly uint[] _difference;
        private readonly uint[] _r;

        /// <summary>Creates scratch for values of up to <paramref name="maxLimbs"/> limbs.</summary>
        internal ModularInverse(int maxLimbs)
        {
            _maxLimbs = maxLimbs;
            _u = new uint[maxLimbs];
            _v = new uint[maxLimbs];
            _x1 = new uint[maxLimbs];
            _x2 = new uint[maxLimbs];
            _wide = new uint[(2 * maxLimbs) + 1];
            _quotient = new uint[(2 * maxLimbs) + 1];
            _difference = new uint[maxLimbs];
            _r = new uint[maxLimbs];
        }

        /// <summary>
        /// result = a^-1 mod m for an odd modulus m &gt; 1 and 0 &lt;= a &lt; m; false when gcd(a, m) != 1.
        /// result may alias a.
        /// </summary>
        internal bool TryInvertOdd(uint[] result, uint[] a, uint[] m, int count)
        {
            bool ok = InvertOdd(result, a, m, count);
            Wipe();
            return ok;
        }

        private bool InvertOdd(uint[] result, uint[] a, uint[] m, int count)
        {
            Array.Copy(a, _u, count);
            Array.Copy(m, _v, count);
            Limbs.SetWord(_x1, count, 1);
            Array.Clear(_x2, 0, count);
            bool ok = false;
            while (LimbComparison.IsZero(_u, count) == 0 && LimbComparison.IsZero(_v, count) == 0)
            {
                // invariants: x1*a = u, x2*a = v (mod m)
                while ((_u[0] & 1) == 0)
                {
                    Limbs.ShiftRight1(_u, count, 0);
                    Halve(_x1, m, count);
                }

                while ((_v[0] & 1) == 0)
                {
                    Limbs.ShiftRight1(_v, count, 0);
                    Halve(_x2, m, count);
                }

                if (LimbComparison.IsOne(_u, count) != 0)
                {
                    Array.Copy(_x1, result, count);
                    ok = true;
                    break;
                }

                if (LimbComparison.IsOne(_v, count) != 0)
                {
                    Array.Copy(_x2, result, count);
                    ok = true;
                    break;
                }

                if (LimbComparison.LessThan(_u, _v, count) == 0)
                {
                    LimbSubtraction.Subtract(_u, _u, _v, count);
                    SubtractModular(_x1, _x2, m, count);
                }
                else
                {
                    LimbSubtraction.Subtract(_v, _v, _u, count);
                    SubtractModular(_x2, _x1, m, count);
                }
            }

            return ok;
        }

        /// <summary>
        /// result = a^-1 mod m for an even modulus m and an odd 0 &lt; a &lt; m; false when gcd(a, m) != 1. With
        /// u = (m mod a)^-1 mod a (odd modulus), 1 + m*(a - u) is divisible by a and the quotient is the inverse.
        /// </summary>
        internal bool TryInvertOddElement(uint[] result, uint[] a, uint[] m, int count)
        {
            if (LimbComparison.IsOne(a, count) != 0)
            {
                Limbs.SetWord(result, count, 1);
                return true;
            }

            LimbDivision.DivideRemainder(null, _difference, m, count, a, count, _x1);
            if (!InvertOdd(_r, _difference, a, count))
            {
                Wipe();
                return false;
            }

            LimbSubtraction.Subtract(_difference, a, _r, count);
            LimbMultiplication.Multiply(_wide, m, count, _difference, count);
            _wide[2 * count] = 0;
            LimbAddition.AddWord(_wide, (2 * count) + 1, 1);
            LimbDivision.DivideRemainder(_quotient, _r, _wide, (2 * count) + 1, a, count, _x1);
            Array.Copy(_quotient, result, count);
            Wipe();
            return true;
        }

        /// <summary>result = gcd(a, b) for non-zero a and b (Stein's binary algorithm). result may alias a or b.</summary>
        internal void Gcd(uint[] result, uint[] a, uint[] b, int count)
        {
            Array.Copy(a, _u, count);
            Array.Copy(b, _v, count);
            int shift = 0;
            while (((_u[0] | _v[0]) & 1) == 0)
            {
                Limbs.ShiftRight1(_u, count, 0);
                Limbs.ShiftRight1(_v, count, 0);
                shift++;
            }

            while ((_u[0] & 1) == 0)
            {
                Limbs.ShiftRight1(_u, count, 0);
            }

            while (LimbComparison.IsZero(_v, count) == 0)
            {
                while ((_v[0] & 1) == 0)
                {
                    Limbs.ShiftRight1(_v, count, 0);
                }

                if (LimbComparison.LessThan(_v, _u, count) != 0)
                {
                    // u, v = v, u - v
                    LimbSubtraction.Subtract(_difference, _u, _v, count);
                    Array.Copy(_v, _u, count);
                    Array.Copy(_difference, _v, count);
                }
                else
                {
                    LimbSubtraction.Subtract(_v, _v, _u, count);
                }
            }

            Array.Copy(_u, result, count);
            for (int i = 0; i < shift; i++)
            {
                Limbs.ShiftLeft1(result, count, 0);
            }

            Wipe();
        }

        /// <summary>quotient = a div b (a of 2*count limbs, b non-zero of count limbs; quotient 2*count limbs).</summary>
        internal void Divide(uint[] quotient, uint[] a, uint[] b, int count)
        {
            LimbDivision.DivideRemainder(quotient, _difference, a, 2 * count, b, count, _x1);
            Wipe();
        }

        /// <summary>Wipes the scratch.</summary>
        internal void Wipe()
        {
            Array.Clear(_u, 0, _maxLimbs);
            Array.Clear(_v, 0, _maxLimbs);
            Array.Clear(_x1, 0, _maxLimbs);
            Array.Clear(_x2, 0, _maxLimbs);
            Array.Clear(_wide, 0, _wide.Length);
            Array.Clear(_quotient, 0, _quotient.Length);
            Array.Clear(_difference, 0, _maxLimbs);
            Array.Clear(_r, 0, _maxLimbs);
        }

        /// <summary>x = x / 2 mod m (m odd): add m first when x is odd.</summary>
        private static void Halve(uint[] x, uint[] m, int count)
        {
            uint carry = LimbAddition.ConditionalAdd(x, m, count, 0u - (x[0] & 1u));
            Limbs.ShiftRight1(x, count, carry);
        }

        /// <summary>x = x - y mod m for x, y &lt; m.</summary>
        private static void SubtractModular(uint[] x, uint[] y, uint[] m, int count)
        {
            uint borrow = LimbSubtraction.Subtract(x, x, y, count);
            LimbAddition.ConditionalAdd(x, m, count, 0u - borrow);
        }
    }
}
