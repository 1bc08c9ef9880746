namespace NanoMikey.Ecc
{
    /// <summary>
    /// Precomputed multiples of the P-256 generator G, built once on first use (about 3 KB each table):
    /// the fixed-base combs (entries b = b0 + 2 b1 + 4 b2 + 8 b3 -> sum of bk * 2^(64k) * G, and the same times 2^32)
    /// and the plain multiples j * G (j = 0..15) for verification.
    /// </summary>
    internal static class P256BaseTable
    {
        /// <summary>Gx, FIPS 186-4 D.1.2.3, as plain limbs.</summary>
        private static readonly uint[] Gx = { 0xD898C296, 0xF4A13945, 0x2DEB33A0, 0x77037D81, 0x63A440F2, 0xF8BCE6E5, 0xE12C4247, 0x6B17D1F2 };

        /// <summary>Gy, FIPS 186-4 D.1.2.3, as plain limbs.</summary>
        private static readonly uint[] Gy = { 0x37BF51F5, 0xCBB64068, 0x6B315ECE, 0x2BCE3357, 0x7C0F9E16, 0x8EE7EB4A, 0xFE1A7F9B, 0x4FE342E2 };

        private static readonly object s_lock = new object();
        private static P256Point[]? s_comb;
        private static P256Point[]? s_multiples;

        /// <summary>Sets p to the generator G.</summary>
        internal static void SetGenerator(P256Point p)
        {
            P256Field.ToMontgomery(p.X, Gx);
            P256Field.ToMontgomery(p.Y, Gy);
            P256Field.Copy(p.Z, P256Field.One);
        }

        /// <summary>The 32 comb entries (two tables of 16), built on first use.</summary>
        internal static P256Point[] GetComb()
        {
            P256Point[]? t = s_comb;
            if (t == null)
            {
                lock (s_lock)
                {
                    t = s_comb;
                    if (t == null)
                    {
                        t = BuildComb();
                        s_comb = t;
                    }
                }
            }

            return t;
        }

        /// <summary>The multiples j * G for j = 0..15, built on first use.</summary>
        internal static P256Point[] GetMultiples()
        {
            P256Point[]? t = s_multiples;
            if (t == null)
            {
                lock (s_lock)
                {
                    t = s_multiples;
                    if (t == null)
                    {
                        t = BuildMultiples();
                        s_multiples = t;
                    }
                }
            }

            return t;
        }

        private static P256Point[] BuildComb()
        {
            var engine = new P256Engine();

            // powers[m] = 2^(32 m) * G, m = 0..7
            var powers = new P256Point[8];
            var running = new P256Point();
            SetGenerator(running);
            for (int m = 0; m < 8; m++)
            {
                powers[m] = new P256Point();
                powers[m].CopyFrom(running);
                for (int d = 0; d < 32; d++)
                {
                    engine.Double(running, running);
                }
            }

            var table = new P256Point[32];
            for (int half = 0; half < 2; half++)
            {
                for (int b = 0; b < 16; b++)
                {
                    var e = new P256Point();
                    e.SetInfinity();
                    for (int k = 0; k < 4; k++)
                    {
                        if (((b >> k) & 1) != 0)
                        {
                            engine.Add(e, e, powers[(2 * k) + half]);
                        }
                    }

                    Normalize(engine, e);
                    table[(half * 16) + b] = e;
                }
            }

            return table;
        }

        private static P256Point[] BuildMultiples()
        {
            var engine = new P256Engine();
            var table = new P256Point[16];
            table[0] = new P256Point();
            table[0].SetInfinity();
            table[1] = new P256Point();
            SetGenerator(table[1]);
            for (int j = 2; j < 16; j++)
            {
                table[j] = new P256Point();
                engine.Add(table[j], table[j - 1], table[1]);
                Normalize(engine, table[j]);
            }

            return table;
        }

        /// <summary>Scales a finite point to Z = 1 (keeps infinity as is); table entries then read faster and compare easily.</summary>
        private static void Normalize(P256Engine engine, P256Point p)
        {
            if (p.IsInfinity() != 0)
            {
                p.SetInfinity();
                return;
            }

            var x = new uint[8];
            var y = new uint[8];
            engine.ToAffine(p, x, y);
            p.SetAffine(x, y);
        }
    }
}
