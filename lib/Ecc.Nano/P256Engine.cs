using System;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// P-256 group arithmetic in Jacobian coordinates with its own scratch: doubling for a = -3, full and mixed (affine)
    /// additions, constant-time scalar multiplication (variable base: signed 5-bit windows; fixed base: a 5-tooth comb
    /// over four precomputed affine tables), variable-time double-scalar multiplication for verification (interleaved
    /// wNAF), affine conversion and scalar inversion. One engine per key object; not thread-safe. Allocates only in
    /// its constructor.
    /// </summary>
    /// <remarks>
    /// The Jacobian formulas are not complete: adding P to itself needs the doubling formula. The variable-time
    /// additions check for it; the masked (constant-time) additions handle infinity by selects and rely on the scalar
    /// multiplications never adding a point to itself, which holds for every scalar below n (see the remarks at
    /// <see cref="ScalarMult"/> and <see cref="ScalarMultBase"/>); scalars are reduced mod n first.
    /// </remarks>
    internal sealed class P256Engine
    {
        /// <summary>Window width of the variable-base signed windows (digits -16..16).</summary>
        private const int Window = 5;

        /// <summary>wNAF width for the verifier's public point (odd multiples 1..15).</summary>
        private const int PointWnaf = 5;

        private readonly uint[] _t0 = new uint[8];
        private readonly uint[] _t1 = new uint[8];
        private readonly uint[] _t2 = new uint[8];
        private readonly uint[] _t3 = new uint[8];
        private readonly uint[] _t4 = new uint[8];
        private readonly uint[] _t5 = new uint[8];
        private readonly uint[] _t6 = new uint[8];
        private readonly uint[] _x3 = new uint[8];
        private readonly uint[] _y3 = new uint[8];
        private readonly uint[] _z3 = new uint[8];
        private readonly uint[] _ax = new uint[8];
        private readonly uint[] _ay = new uint[8];
        private readonly uint[] _zero = new uint[8];
        private readonly uint[] _k = new uint[8];
        // The per-call multiples of the variable base, flat (X, Y, Z per entry, 24 limbs): one array instead of 16 point
        // objects, which cost 5.4 KB more on the interpreter's heap (issue 10 §2).
        private readonly uint[] _flat = new uint[16 * 24];
        private readonly P256Point _selected = new P256Point();
        private readonly P256Point _acc = new P256Point();
        private readonly sbyte[] _naf1 = new sbyte[257];
        private readonly sbyte[] _naf2 = new sbyte[257];
        // The scalar inversion's table (a^1, a^3, ..., a^15 and two more): the point-arithmetic temporaries, idle while a
        // scalar is inverted (between k·G and the signature; before u1·G + u2·Q), not ten arrays more (~0.7 KB, issue 10 §2).
        private readonly uint[][] _scalarTable;
        private readonly uint[] _s0 = new uint[8];
        private readonly uint[] _s1 = new uint[8];

        /// <summary>Creates an engine and all of its scratch.</summary>
        internal P256Engine()
        {
            _scalarTable = new uint[][] { _t0, _t1, _t2, _t3, _t4, _t5, _t6, _x3, _y3, _z3 };
        }

        /// <summary>
        /// r = 2p for any point, infinity included (Z = 0 stays 0), for a = -3: 4M + 4S and 10 additions (dbl-1998-cmo-2
        /// in Bernstein–Lange's EFD, with 2Y squared so that 4 beta and Z3 = 2YZ come straight out of products; on this code
        /// a multiplication costs about a squaring plus an addition, so this beats dbl-2001-b's 3M + 5S and 16
        /// additions). r may alias p.
        /// </summary>
        internal void Double(P256Point r, P256Point p)
        {
            uint[] delta = _t0, y2 = _t1, beta4 = _t2, alpha = _t3, t = _t4;
            P256Field.Sqr(delta, p.Z);          // delta = Z^2
            P256Field.Sub(t, p.X, delta);
            P256Field.Add(alpha, p.X, delta);
            P256Field.Mul(alpha, t, alpha);
            P256Field.Add(t, alpha, alpha);
            P256Field.Add(alpha, t, alpha);     // alpha = 3 (X - delta)(X + delta)
            P256Field.Add(y2, p.Y, p.Y);        // 2Y
            P256Field.Mul(r.Z, y2, p.Z);        // Z3 = 2 Y Z
            P256Field.Sqr(y2, y2);              // 4 Y^2
            P256Field.Mul(beta4, p.X, y2);      // 4 beta = 4 X Y^2
            P256Field.Sqr(y2, y2);
            P256Field.Halve(y2, y2);            // 8 Y^4
            P256Field.Sqr(r.X, alpha);
            P256Field.Sub(r.X, r.X, beta4);
            P256Field.Sub(r.X, r.X, beta4);     // X3 = alpha^2 - 8 beta
            P256Field.Sub(t, beta4, r.X);
            P256Field.Mul(t, alpha, t);
            P256Field.Sub(r.Y, t, y2);          // Y3 = alpha (4 beta - X3) - 8 Y^4
        }

        /// <summary>
        /// r = p + q for any points: infinity, p = q and p = -q included. Variable time (public points only).
        /// r may alias p or q.
        /// </summary>
        internal void Add(P256Point r, P256Point p, P256Point q)
        {
            if (p.IsInfinity() != 0)
            {
                r.CopyFrom(q);
                return;
            }

            if (q.IsInfinity() != 0)
            {
                r.CopyFrom(p);
                return;
            }

            AddCore(p, q);
            FinishAdd(r, p);
        }

        /// <summary>
        /// r = p + (x, y) for an affine point (x, y) in Montgomery form, any p; variable time (public points only).
        /// r may alias p.
        /// </summary>
        internal void AddAffine(P256Point r, P256Point p, uint[] x, uint[] y)
        {
            if (p.IsInfinity() != 0)
            {
                r.SetAffine(x, y);
                return;
            }

            AddAffineCore(p, x, y);
            FinishAdd(r, p);
        }

        /// <summary>
        /// r = the sum in (_x3, _y3, _z3), or 2p when H (_t3) = 0 and R (_t5) = 0: the addition was a doubling (H = 0
        /// alone is p = -q, and Z3 = 0 already says infinity). Variable time.
        /// </summary>
        private void FinishAdd(P256Point r, P256Point p)
        {
            if ((P256Field.IsZero(_t3) & P256Field.IsZero(_t5)) != 0)
            {
                Double(r, p);
                return;
            }

            P256Field.Copy(r.X, _x3);
            P256Field.Copy(r.Y, _y3);
            P256Field.Copy(r.Z, _z3);
        }

        /// <summary>
        /// r = p + q in constant time, infinity on either side handled by selects. p = q must not occur (the caller
        /// guarantees it); p = -q gives infinity. r may alias p or q.
        /// </summary>
        private void AddMasked(P256Point r, P256Point p, P256Point q)
        {
            uint pInf = p.IsInfinity();
            uint qInf = q.IsInfinity();
            AddCore(p, q);
            FinishMasked(r, q.X, q.Y, q.Z, pInf, p, qInf);
        }

        /// <summary>
        /// r = p + (x, y) in constant time; <paramref name="none"/> all-ones means "add nothing" (the table's zero digit),
        /// p at infinity is handled by a select. p = (x, y) must not occur (the caller guarantees it). r may alias p.
        /// </summary>
        private void AddAffineMasked(P256Point r, P256Point p, uint[] x, uint[] y, uint none)
        {
            uint pInf = p.IsInfinity();
            AddAffineCore(p, x, y);
            FinishMasked(r, x, y, P256Field.One, pInf, p, none);
        }

        /// <summary>
        /// r = (x, y, z) when <paramref name="pInf"/> (p was infinity), else p when <paramref name="qNone"/> (nothing to
        /// add), else the sum in (_x3, _y3, _z3); by selects, so the same operations run in every case.
        /// </summary>
        private void FinishMasked(P256Point r, uint[] x, uint[] y, uint[] z, uint pInf, P256Point p, uint qNone)
        {
            P256Field.Select(_x3, x, pInf);
            P256Field.Select(_y3, y, pInf);
            P256Field.Select(_z3, z, pInf);
            P256Field.Select(_x3, p.X, qNone);
            P256Field.Select(_y3, p.Y, qNone);
            P256Field.Select(_z3, p.Z, qNone);
            P256Field.Copy(r.X, _x3);
            P256Field.Copy(r.Y, _y3);
            P256Field.Copy(r.Z, _z3);
        }

        /// <summary>
        /// (_x3, _y3, _z3) = p + q for finite p != q (add-1998-cmo-2, EFD: 12M + 4S); leaves H in _t3 and R in _t5
        /// for the caller's p = q check. Reads p and q only before writing scratch.
        /// </summary>
        private void AddCore(P256Point p, P256Point q)
        {
            uint[] z1z1 = _t0, z2z2 = _t1, u1 = _t2, h = _t3, s1 = _t4, rr = _t5;
            P256Field.Sqr(z1z1, p.Z);
            P256Field.Sqr(z2z2, q.Z);
            P256Field.Mul(u1, p.X, z2z2);       // U1 = X1 Z2^2
            P256Field.Mul(h, q.X, z1z1);        // U2 = X2 Z1^2
            P256Field.Sub(h, h, u1);            // H = U2 - U1
            P256Field.Mul(s1, p.Y, q.Z);
            P256Field.Mul(s1, s1, z2z2);        // S1 = Y1 Z2^3
            P256Field.Mul(rr, q.Y, p.Z);
            P256Field.Mul(rr, rr, z1z1);        // S2 = Y2 Z1^3
            P256Field.Sub(rr, rr, s1);          // R = S2 - S1
            P256Field.Mul(_z3, p.Z, q.Z);
            P256Field.Mul(_z3, _z3, h);         // Z3 = Z1 Z2 H
            AddTail(u1, s1);
        }

        /// <summary>
        /// (_x3, _y3, _z3) = p + (x, y) for finite p != (x, y) (madd-2004-hmv, EFD: 8M + 3S); leaves H in _t3 and R in
        /// _t5 for the caller's p = (x, y) check.
        /// </summary>
        private void AddAffineCore(P256Point p, uint[] x, uint[] y)
        {
            uint[] z1z1 = _t0, h = _t3, rr = _t5;
            P256Field.Sqr(z1z1, p.Z);
            P256Field.Mul(h, x, z1z1);          // U2 = x Z1^2
            P256Field.Sub(h, h, p.X);           // H = U2 - X1
            P256Field.Mul(rr, y, p.Z);
            P256Field.Mul(rr, rr, z1z1);        // S2 = y Z1^3
            P256Field.Sub(rr, rr, p.Y);         // R = S2 - Y1
            P256Field.Mul(_z3, p.Z, h);         // Z3 = Z1 H
            AddTail(p.X, p.Y);
        }

        /// <summary>
        /// The common end of both additions, from H (_t3), R (_t5), U1 and S1: X3 = R^2 - H^3 - 2 U1 H^2,
        /// Y3 = R (U1 H^2 - X3) - S1 H^3 (4M + 2S). Writes _t0, _t1, _t6, _x3 and _y3 only.
        /// </summary>
        private void AddTail(uint[] u1, uint[] s1)
        {
            uint[] hh = _t0, hhh = _t1, h = _t3, rr = _t5, v = _t6;
            P256Field.Sqr(hh, h);               // HH
            P256Field.Mul(hhh, h, hh);          // HHH
            P256Field.Mul(v, u1, hh);           // V = U1 HH
            P256Field.Sqr(_x3, rr);
            P256Field.Sub(_x3, _x3, hhh);
            P256Field.Sub(_x3, _x3, v);
            P256Field.Sub(_x3, _x3, v);         // X3 = R^2 - HHH - 2V
            P256Field.Sub(_y3, v, _x3);
            P256Field.Mul(_y3, rr, _y3);
            P256Field.Mul(hh, s1, hhh);
            P256Field.Sub(_y3, _y3, hh);        // Y3 = R (V - X3) - S1 HHH
        }

        /// <summary>
        /// r = k * p in constant time for a plain scalar k (any 256-bit value, reduced mod n first): a table of
        /// 1p..16p, then 52 signed 5-bit windows (Booth recoding, digits -16..16), each five doublings and one masked
        /// addition of the entry chosen by a select over all 16 entries and a conditional negation. r may alias p.
        /// </summary>
        /// <remarks>
        /// Why no addition doubles: before window j is added the accumulator is 32 m P for the Booth prefix
        /// m = floor(k / 32^(j+1)) + (bit 5j+4 of k), 0 &lt;= m, and the digit d has |d| &lt;= 16. For j &gt;= 1,
        /// 32 m lies in [32, n - 16) when m &gt; 0, so 32 m = ±d mod n is impossible. For j = 0, 32 m = k - d, and
        /// k - d = d mod n with k &lt; n needs k = n + 2d with d in [-8, -1]; those k (n - 2 .. n - 16) have bit 4
        /// clear (n = 17 mod 32), hence d &gt;= 0. k - d = -d needs k = 0 mod n. m = 0 is infinity, handled by selects.
        /// </remarks>
        internal void ScalarMult(P256Point r, P256Point p, uint[] k)
        {
            // Entry j is (j + 1) p, from public values: variable time is fine. _selected carries the last entry.
            P256Point t = _selected;
            Store(0, p);
            Double(t, p);
            Store(1, t);
            for (int j = 2; j < 16; j++)
            {
                if ((j & 1) != 0)
                {
                    Load(t, j >> 1);
                    Double(t, t);
                }
                else
                {
                    Add(t, t, p);
                }

                Store(j, t);
            }

            uint[] flat = _flat;
            P256Scalar.ReduceOnce(_k, k);
            P256Point acc = _acc;
            acc.SetInfinity();
            for (int w = 51; w >= 0; w--)
            {
                if (w != 51)
                {
                    for (int d = 0; d < Window; d++)
                    {
                        Double(acc, acc);
                    }
                }

                // Booth recoding of bits 5w-1 .. 5w+4 (bit -1 is 0), constant time.
                uint bits = w == 0 ? (Bits(_k, 0, 5) << 1) : Bits(_k, (5 * w) - 1, 6);
                uint negative = 0u - (bits >> 5);
                uint digit = ((63 - bits) & negative) | (bits & ~negative);
                digit = (digit >> 1) + (digit & 1);

                // Entry |d| (all zeros, so Z = 0, infinity, for d = 0), then negated when d < 0.
                SelectLimbs(flat, 0, 24, 16, digit, _selected.X);
                SelectLimbs(flat, 8, 24, 16, digit, _selected.Y);
                SelectLimbs(flat, 16, 24, 16, digit, _selected.Z);
                P256Field.Sub(_t0, _zero, _selected.Y);
                P256Field.Select(_selected.Y, _t0, negative);
                AddMasked(acc, acc, _selected);
            }

            r.CopyFrom(acc);
            acc.Wipe();
            _selected.Wipe();
            Array.Clear(_k, 0, 8);
        }

        /// <summary>
        /// r = k * G in constant time for a plain scalar k (reduced mod n first): a comb of 5 teeth 52 bits apart over
        /// four tables of 31 affine entries (<see cref="P256BaseTable.GetComb"/>): 12 doublings and 52 masked mixed
        /// additions of entries read by full-table selects; <see cref="ScalarMult"/> over G when the comb is off
        /// (<see cref="P256.FixedBaseComb"/>).
        /// </summary>
        /// <remarks>
        /// Why no addition doubles: column j (0..51) adds 2^j T(Dj) with T(D) = sum of bits Dm 2^(52m) G, so as integers
        /// the accumulator and the entry added are sums of disjoint sets of k's bits, each shifted down by the same
        /// amount: both are non-negative, their sum is at most k &lt; n, so they are neither equal nor opposite mod n
        /// unless one is zero (infinity or digit 0, handled by selects).
        /// </remarks>
        internal void ScalarMultBase(P256Point r, uint[] k)
        {
            uint[]? comb = P256BaseTable.GetComb();
            if (comb == null)
            {
                // P256.FixedBaseComb off: the variable-base ladder over G, no table on the heap.
                P256BaseTable.SetGenerator(r);
                ScalarMult(r, r, k);
                return;
            }

            P256Scalar.ReduceOnce(_k, k);
            P256Point acc = _acc;
            acc.SetInfinity();
            for (int j = P256BaseTable.CombColumns - 1; j >= 0; j--)
            {
                if (j != P256BaseTable.CombColumns - 1)
                {
                    Double(acc, acc);
                }

                for (int c = 0; c < P256BaseTable.CombTables; c++)
                {
                    uint digit = CombDigit(_k, j + (c * P256BaseTable.CombColumns));
                    int offset = c * P256BaseTable.CombEntries * 16;
                    SelectLimbs(comb, offset, 16, P256BaseTable.CombEntries, digit, _ax);
                    SelectLimbs(comb, offset + 8, 16, P256BaseTable.CombEntries, digit, _ay);
                    AddAffineMasked(acc, acc, _ax, _ay, (uint)(((ulong)digit - 1) >> 32));
                }
            }

            r.CopyFrom(acc);
            acc.Wipe();
            Array.Clear(_ax, 0, 8);
            Array.Clear(_ay, 0, 8);
            Array.Clear(_k, 0, 8);
        }

        /// <summary>
        /// r = u1 * G + u2 * q, variable time (public inputs only: ECDSA verification, MQV's public point). Interleaved
        /// wNAF (Straus/Shamir): width 7 over the static affine odd multiples of G, width 5 over odd multiples of q
        /// built per call; one shared chain of doublings.
        /// </summary>
        internal void DoubleScalarMultVartime(P256Point r, uint[] u1, uint[] u2, P256Point q)
        {
            // With the tables off (P256.FixedBaseComb) G's odd multiples 1G..15G are built per call in entries 8..15
            // instead of the 2 KB static table of 1G..63G: width 5 for G too.
            uint[]? g = P256.FixedBaseComb ? P256BaseTable.GetOddMultiples() : null;
            int len1 = Wnaf(_naf1, u1, g != null ? P256BaseTable.GeneratorWnaf : PointWnaf);
            int len2 = Wnaf(_naf2, u2, PointWnaf);

            // entry i = (2i + 1) q, i = 0..7 (2q in _acc until the loop starts)
            Store(0, q);
            Double(_acc, q);
            _selected.CopyFrom(q);
            for (int i = 1; i < 8; i++)
            {
                Add(_selected, _selected, _acc);
                Store(i, _selected);
            }

            if (g == null)
            {
                // entry 8 + i = (2i + 1) G
                P256BaseTable.SetGenerator(_selected);
                Store(8, _selected);
                Double(_acc, _selected);
                for (int i = 1; i < 8; i++)
                {
                    Add(_selected, _selected, _acc);
                    Store(8 + i, _selected);
                }
            }

            P256Point acc = _acc;
            acc.SetInfinity();
            for (int i = (len1 > len2 ? len1 : len2) - 1; i >= 0; i--)
            {
                if (acc.IsInfinity() == 0)
                {
                    Double(acc, acc);
                }

                int d = _naf1[i];
                if (d != 0 && g == null)
                {
                    Load(_selected, 8 + ((d < 0 ? -d : d) >> 1));
                    if (d < 0)
                    {
                        P256Field.Sub(_selected.Y, _zero, _selected.Y);
                    }

                    Add(acc, acc, _selected);
                }
                else if (d != 0)
                {
                    int o = ((d < 0 ? -d : d) >> 1) * 16;
                    Array.Copy(g!, o, _ax, 0, 8);
                    Array.Copy(g!, o + 8, _ay, 0, 8);
                    if (d < 0)
                    {
                        P256Field.Sub(_ay, _zero, _ay);
                    }

                    AddAffine(acc, acc, _ax, _ay);
                }

                d = _naf2[i];
                if (d != 0)
                {
                    Load(_selected, (d < 0 ? -d : d) >> 1);
                    if (d < 0)
                    {
                        P256Field.Sub(_selected.Y, _zero, _selected.Y);
                    }

                    Add(acc, acc, _selected);
                }
            }

            r.CopyFrom(acc);
        }

        /// <summary>
        /// Converts p to affine (x, y) in Montgomery form with one constant-time inversion of Z (x = X/Z^2,
        /// y = Y/Z^3). Returns all-ones when p is a finite point; for infinity x and y come out zero and the result is zero.
        /// </summary>
        internal uint ToAffine(P256Point p, uint[] x, uint[] y)
        {
            uint finite = ~p.IsInfinity();
            P256Field.Invert(_t0, p.Z, _t1, _t2, _t3, _t4);
            P256Field.Sqr(_t1, _t0);
            P256Field.Mul(x, p.X, _t1);
            P256Field.Mul(_t1, _t1, _t0);
            P256Field.Mul(y, p.Y, _t1);
            return finite;
        }

        /// <summary>r = a^-1 mod n for a plain scalar a, in constant time (Fermat).</summary>
        internal void InvertScalar(uint[] r, uint[] a)
        {
            P256Scalar.Invert(r, a, _scalarTable, _s0, _s1);
        }

        /// <summary>r = a^-1 mod n for a plain public scalar a in [1, n-1], variable time (binary extended Euclid).</summary>
        internal void InvertScalarVartime(uint[] r, uint[] a)
        {
            P256Scalar.InvertVartime(r, a, _s0, _s1, _scalarTable[0]);
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
                P256Field.Sub(y, _zero, y);
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
            Array.Clear(_t5, 0, 8);
            Array.Clear(_t6, 0, 8);
            Array.Clear(_x3, 0, 8);
            Array.Clear(_y3, 0, 8);
            Array.Clear(_z3, 0, 8);
            Array.Clear(_ax, 0, 8);
            Array.Clear(_ay, 0, 8);
            Array.Clear(_k, 0, 8);
            Array.Clear(_s0, 0, 8);
            Array.Clear(_s1, 0, 8);
            Array.Clear(_flat, 0, _flat.Length);

            _acc.Wipe();
            _selected.Wipe();
        }

        /// <summary>Writes p as entry j of the flat table (X, Y, Z at j * 24).</summary>
        private void Store(int j, P256Point p)
        {
            Array.Copy(p.X, 0, _flat, j * 24, 8);
            Array.Copy(p.Y, 0, _flat, (j * 24) + 8, 8);
            Array.Copy(p.Z, 0, _flat, (j * 24) + 16, 8);
        }

        /// <summary>Reads entry j of the flat table into p (public index: variable-time callers only).</summary>
        private void Load(P256Point p, int j)
        {
            Array.Copy(_flat, j * 24, p.X, 0, 8);
            Array.Copy(_flat, (j * 24) + 8, p.Y, 0, 8);
            Array.Copy(_flat, (j * 24) + 16, p.Z, 0, 8);
        }

        /// <summary>
        /// dst = the 8 limbs at offset + (digit - 1) * stride of table for a secret digit in [1, count], or zeros for digit 0,
        /// reading every entry's limbs with masks (no secret index, no branch). Counted as one select per entry.
        /// </summary>
        private static void SelectLimbs(uint[] table, int offset, int stride, int count, uint digit, uint[] dst)
        {
            uint x0 = 0, x1 = 0, x2 = 0, x3 = 0, x4 = 0, x5 = 0, x6 = 0, x7 = 0;
            int o = offset;
            for (uint e = 1; e <= count; e++)
            {
                P256OperationCounter.CountSelect();
                uint m = (uint)(((ulong)(e ^ digit) - 1) >> 32);
                x0 |= table[o] & m;
                x1 |= table[o + 1] & m;
                x2 |= table[o + 2] & m;
                x3 |= table[o + 3] & m;
                x4 |= table[o + 4] & m;
                x5 |= table[o + 5] & m;
                x6 |= table[o + 6] & m;
                x7 |= table[o + 7] & m;
                o += stride;
            }

            dst[0] = x0;
            dst[1] = x1;
            dst[2] = x2;
            dst[3] = x3;
            dst[4] = x4;
            dst[5] = x5;
            dst[6] = x6;
            dst[7] = x7;
        }

        /// <summary>The comb digit for column j: bits j, j+52, j+104, j+156 and j+208 of k (public positions, secret values).</summary>
        private static uint CombDigit(uint[] k, int j)
        {
            uint d = 0;
            for (int m = P256BaseTable.CombTeeth - 1; m >= 0; m--)
            {
                int pos = j + (m * P256BaseTable.CombSpacing);
                uint bit = pos < 256 ? (k[pos >> 5] >> (pos & 31)) & 1 : 0;
                d = (d << 1) | bit;
            }

            return d;
        }

        /// <summary>
        /// Bits pos .. pos+count-1 of k (count &lt;= 25), bits at 256 and above read as 0. The position is public; no
        /// branch depends on k.
        /// </summary>
        private static uint Bits(uint[] k, int pos, int count)
        {
            int limb = pos >> 5;
            int shift = pos & 31;
            uint v = limb < 8 ? k[limb] >> shift : 0;
            if (shift != 0 && limb + 1 < 8)
            {
                v |= k[limb + 1] << (32 - shift);
            }

            return v & ((1u << count) - 1);
        }

        /// <summary>
        /// Width-w NAF of a public scalar k &lt; 2^256 (odd digits |d| &lt; 2^(w-1), at least w-1 zeros after each):
        /// naf[0..256] with k = sum naf[i] 2^i. Returns the number of digits up to the highest non-zero one (0 for k = 0).
        /// Variable time.
        /// </summary>
        private static int Wnaf(sbyte[] naf, uint[] k, int w)
        {
            Array.Clear(naf, 0, 257);
            int carry = 0;
            int bit = 0;
            int length = 0;
            while (bit < 257)
            {
                if ((int)Bits(k, bit, 1) == carry)
                {
                    bit++;
                    continue;
                }

                int now = 257 - bit < w ? 257 - bit : w;
                int word = (int)Bits(k, bit, now) + carry;
                carry = (word >> (w - 1)) & 1;
                word -= carry << w;
                naf[bit] = (sbyte)word;
                bit += now;
                length = bit > 257 ? 257 : bit;
            }

            // length counts past the last window; trim to the last non-zero digit.
            while (length > 0 && naf[length - 1] == 0)
            {
                length--;
            }

            return length;
        }
    }
}
