namespace NanoMikey.BigNum
{
    /// <summary>
    /// Diagnostics only: counts Montgomery products (multiplications and squarings modulo any <see cref="MontgomeryModulus"/>),
    /// so benchmarks can show the modular work of an exchange beside P-256's field operations and project device time.
    /// One static increment per product; not synchronised across threads.
    /// </summary>
    public static class MontgomeryOperationCounter
    {
        private static long s_products;
        private static long s_limbProducts;

        /// <summary>Montgomery products since the last <see cref="Reset"/>.</summary>
        public static long Products
        {
            get { return s_products; }
        }

        /// <summary>
        /// Their cost in 32×32-bit limb multiplications (2·limbs² per product: the product and the reduction), which compares
        /// products of different sizes (an RSA-2048 CRT half has 32 limbs, OAKLEY 5 has 48).
        /// </summary>
        public static long LimbProducts
        {
            get { return s_limbProducts; }
        }

        /// <summary>Sets both counts to zero.</summary>
        public static void Reset()
        {
            s_products = 0;
            s_limbProducts = 0;
        }

        internal static void Count(int limbs)
        {
            s_products++;
            s_limbProducts += 2L * limbs * limbs;
        }
    }
}
