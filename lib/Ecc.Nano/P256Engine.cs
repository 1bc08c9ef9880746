using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// P-256 group arithmetic with its own scratch: complete point addition and doubling (Renes–Costello–Batina 2016,
    /// Algorithms 4 and 6 for a = -3), constant-time scalar multiplication (variable base, 4-bit fixed window; fixed base,
    /// two 4-tooth combs), variable-time double-scalar multiplication for verification, affine conversion and scalar
    /// inversion. One engine per key object; not thread-safe. Allocates only in its constructor.
    /// </summary>
    internal sealed class P256Engine
    {
        private readonly uint[] _t0 = new uint[8];
        private readonly uint[] _t1 = new uint[8];
        private readonly uint[] _t2 = new uint[8];
        private readonly uint[] _t3 = new uint[8];
        private readonly uint[] _t4 = new uint[8];
        private readonly uint[] _x3 = new uint[8];
        private readonly uint[] _y3 = new uint[8];
        private readonly uint[] _z3 = new uint[8];
        private readonly P256Point[] _table = new P256Point[16];
        private readonly P256Point _selected = new P256Point();
        private readonly P256Point _acc = new P256Point();
        private readonly uint[][] _scalarTable = new uint[16][];
        private readonly uint[] _s0 = new uint[8];
        private readonly uint[] _s1 = new uint[8];

        /// <summary>Creates an engine and all of its scratch.</summary>
        internal P256Engine()
        {
            for (int i = 0; i < 16; i++)
            {
                _table[i] = new P256Point();
                _scalarTable[i] = new uint[8];
            }
        }

        /// <summary>r = p + q for any points, including infinity, p = q and p = -q (RCB 2016 Algorithm 4, a = -3, 12M + 2 mul by b).</summary>
        internal void Add(P256Point r, P256Point p, P256Point q)
        {
            uint[] t0 = _t0, t1 = _t1, t2 = _t2, t3 = _t3, t4 = _t4, x3 = _x3, y3 = _y3, z3 = _z3;
            P256Field.Mul(t0, p.X, q.X);       // t0 = X1 * X2
            P256Field.Mul(t1, p.Y, q.Y);       // t1 = Y1 * Y2
            P256Field.Mul(t2, p.Z, q.Z);       // t2 = Z1 * Z2
            P256Field.Add(t3, p.X, p.Y);       // t3 = X1 + Y1
            P256Field.Add(t4, q.X, q.Y);       // t4 = X2 + Y2
            P256Field.Mul(t3, t3, t4);         // t3 = t3 * t4
            P256Field.Add(t4, t0, t1);         // t4 = t0 + t1
            P256Field.Sub(t3, t3, t4);         // t3 = t3 - t4
            P256Field.Add(t4, p.Y, p.Z);       // t4 = Y1 + Z1
            P256Field.Add(x3, q.Y, q.Z);       // X3 = Y2 + Z2
            P256Field.Mul(t4, t4, x3);         // t4 = t4 * X3
            P256Field.Add(x3, t1, t2);         // X3 = t1 + t2
            P256Field.Sub(t4, t4, x3);         // t4 = t4 - X3
            P256Field.Add(x3, p.X, p.Z);       // X3 = X1 + Z1
            P256Field.Add(y3, q.X, q.Z);       // Y3 = X2 + Z2
            P256Field.Mul(x3, x3, y3);         // X3 = X3 * Y3
            P256Field.Add(y3, t0, t2);         // Y3 = t0 + t2
            P256Field.Sub(y3, x3, y3);         // Y3 = X3 - Y3
            P256Field.Mul(z3, P256Field.B, t2); // Z3 = b * t2
            P256Field.Sub(x3, y3, z3);         // X3 = Y3 - Z3
            P256Field.Add(z3, x3, x3);         // Z3 = X3 + X3
            P256Field.Add(x3, x3, z3);         // X3 = X3 + Z3
            P256Field.Sub(z3, t1, x3);         // Z3 = t1 - X3
            P256Field.Add(x3, t1, x3);         // X3 = t1 + X3
            P256Field.Mul(y3, P256Field.B, y3); // Y3 = b * Y3
            P256Field.Add(t1, t2, t2);         // t1 = t2 + t2
            P256Field.Add(t2, t1, t2);         // t2 = t1 + t2
            P256Field.Sub(y3, y3, t2);         // Y3 = Y3 - t2
            P256Field.Sub(y3, y3, t0);         // Y3 = Y3 - t0
            P256Field.Add(t1, y3, y3);         // t1 = Y3 + Y3
            P256Field.Add(y3, t1, y3);         // Y3 = t1 + Y3
            P256Field.Add(t1, t0, t0);         // t1 = t0 + t0
            P256Field.Add(t0, t1, t0);         // t0 = t1 + t0
            P256Field.Sub(t0, t0, t2);         // t0 = t0 - t2
            P256Field.Mul(t1, t4, y3);         // t1 = t4 * Y3
            P256Field.Mul(t2, t0, y3);         // t2 = t0 * Y3
            P256Field.Mul(y3, x3, z3);         // Y3 = X3 * Z3
            P256Field.Add(y3, y3, t2);         // Y3 = Y3 + t2
            P256Field.Mul(x3, t3, x3);         // X3 = t3 * X3
            P256Field.Sub(x3, x3, t1);         // X3 = X3 - t1
            P256Field.Mul(z3, t4, z3);         // Z3 = t4 * Z3
            P256Field.Mul(t1, t3, t0);         // t1 = t3 * t0
            P256Field.Add(z3, z3, t1);         // Z3 = Z3 + t1
            P256Field.Copy(r.X, x3);
            P256Field.Copy(r.Y, y3);
            P256Field.Copy(r.Z, z3);
        }

        /// <summary>r = 2p for any point, including infinity (RCB 2016 Algorithm 6, a = -3, 8M + 3S + 2 mul by b).</summary>
        internal void Double(P256Point r, P256Point p)
        {
            uint[] t0 = _t0, t1 = _t1, t2 = _t2, t3 = _t3, x3 = _x3, y3 = _y3, z3 = _z3;
            P256Field.Sqr(t0, p.X);            // t0 = X^2
            P256Field.Sqr(t1, p.Y);            // t1 = Y^2
            P256Field.Sqr(t2, p.Z);            // t2 = Z^2
            P256Field.Mul(t3, p.X, p.Y);       // t3 = X * Y
            P256Field.Add(t3, t3, t3);         // t3 = t3 + t3
            P256Field.Mul(z3, p.X, p.Z);       // Z3 = X * Z
            P256Field.Add(z3, z3, z3);         // Z3 = Z3 + Z3
            P256Field.Mul(y3, P256Field.B, t2); // Y3 = b * t2
            P256Field.Sub(y3, y3, z3);         // Y3 = Y3 - Z3
            P256Field.Add(x3, y3, y3);         // X3 = Y3 + Y3
            P256Field.Add(y3, x3, y3);         // Y3 = X3 + Y3
            P256Field.Sub(x3, t1, y3);         // X3 = t1 - Y3
            P256Field.Add(y3, t1, y3);         // Y3 = t1 + Y3
            P256Field.Mul(y3, x3, y3);         // Y3 = X3 * Y3
            P256Field.Mul(x3, x3, t3);         // X3 = X3 * t3
            P256Field.Add(t3, t2, t2);         // t3 = t2 + t2
            P256Field.Add(t2, t2, t3);         // t2 = t2 + t3
            P256Field.Mul(z3, P256Field.B, z3); // Z3 = b * Z3
            P256Field.Sub(z3, z3, t2);         // Z3 = Z3 - t2
            P256Field.Sub(z3, z3, t0);         // Z3 = Z3 - t0
            P256Field.Add(t3, z3, z3);         // t3 = Z3 + Z3
            P256Field.Add(z3, z3, t3);         // Z3 = Z3 + t3
            P256Field.Add(t3, t0, t0);         // t3 = t0 + t0
            P256Field.Add(t0, t3, t0);         // t0 = t3 + t0
            P256Field.Sub(t0, t0, t2);         // t0 = t0 - t2
            P256Field.Mul(t0, t0, z3);         // t0 = t0 * Z3
            P256Field.Add(y3, y3, t0);         // Y3 = Y3 + t0
            P256Field.Mul(t0, p.Y, p.Z);       // t0 = Y * Z
            P256Field.Add(t0, t0, t0);         // t0 = t0 + t0
            P256Field.Mul(z3, t0, z3);         // Z3 = t0 * Z3
            P256Field.Sub(x3, x3, z3);         // X3 = X3 - Z3
            P256Field.Mul(z3, t0, t1);         // Z3 = t0 * t1
            P256Field.Add(z3, z3, z3);         // Z3 = Z3 + Z3
            P256Field.Add(z3, z3, z3);         // Z3 = Z3 + Z3
            P256Field.Copy(r.X, x3);
            P256Field.Copy(r.Y, y3);
            P256Field.Copy(r.Z, z3);
        }

        /// <summary>
        /// r = k * p in constant time for a plain scalar k (any 256-bit value): table j*p for j = 0..15, then 64 windows of
        /// four doublings and one complete addition of the entry chosen by a select over all 16 entries.
        /// r may alias p.
        /// </summary>
        internal void ScalarMult(P256Point r, P256Point p, uint[] k)
        {
            P256Point[] table = _table;
            table[0].SetInfinity();
            table[1].CopyFrom(p);
            for (int j = 2; j < 16; j++)
            {
                if ((j & 1) == 0)
                {
                    Double(table[j], table[j >> 1]);
                }
                else
                {
                    Add(table[j], table[j - 1], table[1]);
                }
            }

            P256Point acc = _acc;
            acc.SetInfinity();
            for (int w = 63; w >= 0; w--)
            {
                Double(acc, acc);
                Double(acc, acc);
                Double(acc, acc);
                Double(acc, acc);
                uint digit = (k[w >> 3] >> ((w & 7) * 4)) & 15;
                SelectEntry(_selected, table, 0, digit);
                Add(acc, acc, _selected);
            }

            r.CopyFrom(acc);
            acc.Wipe();
            _selected.Wipe();
        }

        /// <summary>
        /// r = k * G in constant time for a plain scalar k, with two precomputed 4-tooth combs (bits i, i+64, i+128, i+192
        /// and the same shifted by 32): 32 doublings and 64 complete additions of entries read by full-table selects.
        /// </summary>
        internal void ScalarMultBase(P256Point r, uint[] k)
        {
            P256Point[] comb = P256BaseTable.GetComb();
            P256Point acc = _acc;
            acc.SetInfinity();
            for (int i = 31; i >= 0; i--)
            {
                Double(acc, acc);
                uint d0 = CombDigit(k, i);
                SelectEntry(_selected, comb, 0, d0);
                Add(acc, acc, _selected);
                uint d1 = CombDigit(k, i + 32);
                SelectEntry(_selected, comb, 16, d1);
                Add(acc, acc, _selected);
            }

            r.CopyFrom(acc);
            acc.Wipe();
            _selected.Wipe();
        }

        /// <summary>
        /// r = u1 * G + u2 * q, variable time (public inputs only: ECDSA verification). Interleaved 4-bit windows (Shamir's trick)
        /// over a static table of j*G and a per-call table of j*q.
        /// </summary>
        internal void DoubleScalarMultVartime(P256Point r, uint[] u1, uint[] u2, P256Point q)
        {
            P256Point[] table = _table;
            table[0].SetInfinity();
            table[1].CopyFrom(q);
            for (int j = 2; j < 16; j++)
            {
                if ((j & 1) == 0)
                {
                    Double(table[j], table[j >> 1]);
                }
                else
                {
                    Add(table[j], table[j - 1], table[1]);
                }
            }

            P256Point[] g = P256BaseTable.GetMultiples();
            P256Point acc = _acc;
            acc.SetInfinity();
            bool started = false;
            for (int w = 63; w >= 0; w--)
            {
                if (started)
                {
                    Double(acc, acc);
                    Double(acc, acc);
                    Double(acc, acc);
                    Double(acc, acc);
                }

                int d1 = (int)((u1[w >> 3] >> ((w & 7) * 4)) & 15);
                if (d1 != 0)
                {
                    Add(acc, acc, g[d1]);
                    started = true;
                }

                int d2 = (int)((u2[w >> 3] >> ((w & 7) * 4)) & 15);
                if (d2 != 0)
                {
                    Add(acc, acc, table[d2]);
                    started = true;
                }
            }

            r.CopyFrom(acc);
        }

        /// <summary>
        /// Converts p to affine (x, y) in Montgomery form with one constant-time inversion of Z. Returns all-ones when p is
        /// a finite point; for infinity x and y come out zero and the result is zero.
        /// </summary>
        internal uint ToAffine(P256Point p, uint[] x, uint[] y)
        {
            uint finite = ~p.IsInfinity();
            P256Field.Invert(_t0, p.Z, _t1, _t2, _t3, _t4);
            P256Field.Mul(x, p.X, _t0);
            P256Field.Mul(y, p.Y, _t0);
            return finite;
        }

        /// <summary>r = a^-1 mod n for a plain scalar a, in constant time (Fermat).</summary>
        internal void InvertScalar(uint[] r, uint[] a)
        {
            P256Scalar.Invert(r, a, _scalarTable, _s0, _s1);
        }

        /// <summary>r = a * b * R^-1 mod n (Montgomery product of scalars, see <see cref="P256Scalar.Mul"/>).</summary>
        internal void ScalarMul(uint[] r, uint[] a, uint[] b)
        {
            P256Scalar.Mul(r, a, b);
        }

        /// <summary>r = a * R mod n: a plain scalar into Montgomery form.</summary>
        internal void ScalarToMontgomery(uint[] r, uint[] a)
        {
            P256Scalar.ToMontgomery(r, a);
        }

        /// <summary>
        /// All-ones when (x, y), Montgomery form, satisfies y^2 = x^3 - 3x + b (SEC 1 §3.2.2.1 step 3); the coordinate range
        /// check (&lt; p) happens when the bytes are read.
        /// </summary>
        internal uint IsOnCurve(uint[] x, uint[] y)
        {
            CurveRhs(_t1, x);
            P256Field.Sqr(_t0, y);
            return P256Field.Equal(_t0, _t1);
        }

        /// <summary>r = x^3 - 3x + b for x in Montgomery form.</summary>
        internal void CurveRhs(uint[] r, uint[] x)
        {
            P256Field.Sqr(_t2, x);
            P256Field.Mul(_t2, _t2, x);
            P256Field.Add(_t3, x, x);
            P256Field.Add(_t3, _t3, x);
            P256Field.Sub(_t2, _t2, _t3);
            P256Field.Add(r, _t2, P256Field.B);
        }

        /// <summary>
        /// Solves y^2 = x^3 - 3x + b for y with the parity <paramref name="odd"/> (SEC 1 §2.3.4 step 2.4). Returns false when
        /// x^3 - 3x + b is not a square (no such point). x and y in Montgomery form; variable time (public point).
        /// </summary>
        internal bool Decompress(uint[] x, uint odd, uint[] y)
        {
            CurveRhs(_t1, x);
            P256Field.Sqrt(y, _t1, _t4);
            P256Field.Sqr(_t0, y);
            if (P256Field.Equal(_t0, _t1) == 0)
            {
                return false;
            }

            P256Field.FromMontgomery(_t0, y);
            if ((_t0[0] & 1) != odd)
            {
                P256Field.SetZero(_t0);
                P256Field.Sub(y, _t0, y);
            }

            return true;
        }

        /// <summary>Wipes the scratch that may hold secret-dependent values.</summary>
        internal void Wipe()
        {
            Array.Clear(_t0, 0, 8);
            Array.Clear(_t1, 0, 8);
            Array.Clear(_t2, 0, 8);
            Array.Clear(_t3, 0, 8);
            Array.Clear(_t4, 0, 8);
            Array.Clear(_x3, 0, 8);
            Array.Clear(_y3, 0, 8);
            Array.Clear(_z3, 0, 8);
            Array.Clear(_s0, 0, 8);
            Array.Clear(_s1, 0, 8);
            for (int i = 0; i < 16; i++)
            {
                _table[i].Wipe();
            }

            _acc.Wipe();
            _selected.Wipe();
        }

        /// <summary>dst = table[offset + index] for a secret index in [0, 16), reading all 16 entries with masked copies.</summary>
        private static void SelectEntry(P256Point dst, P256Point[] table, int offset, uint index)
        {
            dst.CopyFrom(table[offset]);
            for (int e = 1; e < 16; e++)
            {
                // mask = all-ones exactly when e == index (index - e is zero); no branch, no secret index.
                uint diff = (uint)e ^ index;
                uint mask = (uint)(((ulong)diff - 1) >> 32);
                dst.Select(table[offset + e], mask);
            }
        }

        /// <summary>The comb digit for column i: bits i, i+64, i+128 and i+192 of k (public positions, secret values).</summary>
        private static uint CombDigit(uint[] k, int i)
        {
            return ((k[i >> 5] >> (i & 31)) & 1)
                | (((k[(i + 64) >> 5] >> (i & 31)) & 1) << 1)
                | (((k[(i + 128) >> 5] >> (i & 31)) & 1) << 2)
                | (((k[(i + 192) >> 5] >> (i & 31)) & 1) << 3);
        }
    }
}
