using System;
using NanoMikey.BigNum;
using NanoMikey.BigNum.Arithmetic;
using NanoMikey.Crypto;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// An RSA private key in CRT form (RFC 8017 §3.2) and the primitive RSADP / RSASP1 (§5.1.2, §5.2.1) by the Chinese
    /// remainder theorem with Garner's recombination. Each result is checked by re-applying the public exponent (a fault
    /// in the CRT halves would otherwise reveal a prime). Allocation-free after construction; not thread-safe.
    /// <para>
    /// Key provisioning (<see cref="TryComplete"/>, <see cref="TryImportPrimes"/>) derives or checks d, dP, dQ and qInv
    /// with a binary extended Euclid that is NOT constant time: it runs once per key, never per message. The private
    /// operation itself is constant time in the secrets (fixed-window exponentiation over the full prime length, limb
    /// reductions by masks). Primes may have up to maxBits/2 + 64 bits each.
    /// </para>
    /// </summary>
    public sealed class RsaPrivateKey
    {
        private const int ComponentCount = 8;

        private readonly int _maxBits;
        private readonly int _maxBytes;
        private readonly int _limbs;
        private readonly RsaPublicKey _public;
        private readonly MontgomeryModulus _p;
        private readonly MontgomeryModulus _q;
        private readonly ModularInverse _inverse;
        private readonly byte[][] _components;
        private readonly bool[] _present;

        // provisioning scratch (_limbs limbs, wide ones 2*_limbs + 1)
        private readonly uint[] _wp;
        private readonly uint[] _wq;
        private readonly uint[] _we;
        private readonly uint[] _pm1;
        private readonly uint[] _qm1;
        private readonly uint[] _t1;
        private readonly uint[] _t2;
        private readonly uint[] _dp;
        private readonly uint[] _dq;
        private readonly uint[] _qInv;
        private readonly uint[] _wide;
        private readonly uint[] _quotient;

        // private-operation scratch
        private readonly uint[] _c;
        private readonly uint[] _cp;
        private readonly uint[] _cq;
        private readonly uint[] _m1;
        private readonly uint[] _m2;
        private readonly uint[] _h;
        private readonly uint[] _coefficient;
        private readonly uint[] _difference;
        private readonly uint[] _m;
        private readonly uint[] _check;
        private bool _hasValue;

        /// <summary>Creates an empty key holder for moduli of up to <paramref name="maxBits"/> bits.</summary>
        /// <param name="maxBits">Largest modulus size, <see cref="RsaPublicKey.MinBits"/> to <see cref="RsaPublicKey.MaxBits"/>.</param>
        public RsaPrivateKey(int maxBits)
        {
            _public = new RsaPublicKey(maxBits);
            _maxBits = maxBits;
            _maxBytes = (maxBits + 7) >> 3;
            _limbs = (maxBits + 31) >> 5;
            int primeBits = (maxBits >> 1) + 64;
            _p = new MontgomeryModulus(primeBits);
            _q = new MontgomeryModulus(primeBits);
            _inverse = new ModularInverse(_limbs);
            _components = new byte[ComponentCount][];
            for (int i = 0; i < ComponentCount; i++)
            {
                _components[i] = new byte[_maxBytes];
            }

            _present = new bool[ComponentCount];
            int wide = (2 * _limbs) + 1;
            _wp = new uint[_limbs];
            _wq = new uint[_limbs];
            _we = new uint[_limbs];
            _pm1 = new uint[_limbs];
            _qm1 = new uint[_limbs];
            _t1 = new uint[_limbs];
            _t2 = new uint[_limbs];
            _dp = new uint[_limbs];
            _dq = new uint[_limbs];
            _qInv = new uint[_limbs];
            _wide = new uint[wide];
            _quotient = new uint[wide];
            _c = new uint[_limbs];
            _cp = new uint[_limbs];
            _cq = new uint[_limbs];
            _m1 = new uint[_limbs];
            _m2 = new uint[wide];
            _h = new uint[_limbs];
            _coefficient = new uint[_limbs];
            _difference = new uint[_limbs];
            _m = new uint[wide];
            _check = new uint[_limbs];
        }

        /// <summary>True once a complete, consistent key is held.</summary>
        public bool HasValue
        {
            get { return _hasValue; }
        }

        /// <summary>The public half (n, e); valid once <see cref="HasValue"/> is true.</summary>
        public RsaPublicKey PublicKey
        {
            get { return _public; }
        }

        /// <summary>Length k of the modulus in bytes.</summary>
        public int ModulusLength
        {
            get { return _public.ModulusLength; }
        }

        /// <summary>
        /// Stores one component (big-endian, leading zero bytes allowed) for <see cref="TryComplete"/>; the key is
        /// incomplete until then. Throws when the value does not fit maxBits (a caller bug).
        /// </summary>
        /// <param name="component">Which component.</param>
        /// <param name="data">Buffer holding the value.</param>
        /// <param name="offset">Offset of the value.</param>
        /// <param name="length">Length of the value.</param>
        public void SetComponent(RsaPrivateComponent component, byte[] data, int offset, int length)
        {
            int index = (int)component;
            if (index < 0 || index >= ComponentCount)
            {
                throw new ArgumentOutOfRangeException(nameof(component));
            }

            MontgomeryModulus.CheckRange(data, offset, length);
            int start = RsaPublicKey.SkipZeros(data, offset, length);
            int significant = offset + length - start;
            if (significant > _maxBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            _hasValue = false;
            byte[] target = _components[index];
            Array.Clear(target, 0, _maxBytes);
            Array.Copy(data, start, target, _maxBytes - significant, significant);
            _present[index] = true;
        }

        /// <summary>
        /// Validates the stored components and makes the key usable. Needs n, e, p and q; d, dP, dQ and qInv are derived
        /// when missing and checked when given (RFC 8017 §3.2: dP = d mod (p-1) with e*dP = 1 mod (p-1), likewise dQ,
        /// q*qInv = 1 mod p, p*q = n, e odd and 3 &lt;= e &lt; n; a given d must agree with dP and dQ). Primality is not
        /// tested. Returns false when the key is unusable; every component is then wiped.
        /// </summary>
        /// <returns>True when the key is complete and consistent.</returns>
        public bool TryComplete()
        {
            bool ok = Build(true);
            if (!ok)
            {
                Clear();
            }

            return ok;
        }

        /// <summary>
        /// Builds the key from its primes and public exponent, deriving n, d = e^-1 mod lambda(n) (lambda = lcm(p-1, q-1),
        /// RFC 8017 §3.2), dP, dQ and qInv. Returns false (holder wiped) for values that do not form a key: a prime
        /// even or too long, n outside <see cref="RsaPublicKey.MinBits"/> to maxBits, e even, below 3 or not invertible.
        /// </summary>
        /// <param name="p">Buffer holding p.</param>
        /// <param name="pOffset">Offset of p.</param>
        /// <param name="pLength">Length of p.</param>
        /// <param name="q">Buffer holding q.</param>
        /// <param name="qOffset">Offset of q.</param>
        /// <param name="qLength">Length of q.</param>
        /// <param name="e">Buffer holding e.</param>
        /// <param name="eOffset">Offset of e.</param>
        /// <param name="eLength">Length of e.</param>
        /// <returns>True when the key was built.</returns>
        public bool TryImportPrimes(byte[] p, int pOffset, int pLength, byte[] q, int qOffset, int qLength, byte[] e, int eOffset, int eLength)
        {
            MontgomeryModulus.CheckRange(p, pOffset, pLength);
            MontgomeryModulus.CheckRange(q, qOffset, qLength);
            MontgomeryModulus.CheckRange(e, eOffset, eLength);
            Clear();
            if (TooLong(p, pOffset, pLength) || TooLong(q, qOffset, qLength) || TooLong(e, eOffset, eLength))
            {
                return false;
            }

            SetComponent(RsaPrivateComponent.Prime1, p, pOffset, pLength);
            SetComponent(RsaPrivateComponent.Prime2, q, qOffset, qLength);
            SetComponent(RsaPrivateComponent.PublicExponent, e, eOffset, eLength);
            bool ok = Build(false);
            if (!ok)
            {
                Clear();
            }

            return ok;
        }

        /// <summary>
        /// Writes one component as minimal big-endian bytes (at least one byte) and returns its length. Throws when the key
        /// is not complete or the destination is too short (caller bugs).
        /// </summary>
        /// <param name="component">Which component.</param>
        /// <param name="destination">Output buffer.</param>
        /// <param name="offset">Offset in <paramref name="destination"/>.</param>
        /// <returns>The number of bytes written.</returns>
        public int ExportComponent(RsaPrivateComponent component, byte[] destination, int offset)
        {
            int index = (int)component;
            if (index < 0 || index >= ComponentCount)
            {
                throw new ArgumentOutOfRangeException(nameof(component));
            }

            EnsureValue();
            byte[] source = _components[index];
            int start = RsaPublicKey.SkipZeros(source, 0, _maxBytes);
            if (start == _maxBytes)
            {
                start = _maxBytes - 1;
            }

            int length = _maxBytes - start;
            MontgomeryModulus.CheckRange(destination, offset, length);
            Array.Copy(source, start, destination, offset, length);
            return length;
        }

        /// <summary>
        /// RSADP / RSASP1 (RFC 8017 §5.1.2, §5.2.1) by CRT: m1 = c^dP mod p, m2 = c^dQ mod q, h = qInv*(m1 - m2) mod p,
        /// m = m2 + q*h, both k bytes big-endian. The result is checked by m^e mod n == c before it is written; on a
        /// mismatch (a fault) or when input &gt;= n the output is wiped and false returned.
        /// </summary>
        /// <param name="input">Buffer holding the k-byte input.</param>
        /// <param name="inputOffset">Offset of the input.</param>
        /// <param name="output">Output buffer (may be the input buffer).</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <returns>True when the result was written.</returns>
        [HotPath]
        public bool ApplyPrivate(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            EnsureValue();
            int k = ModulusLength;
            MontgomeryModulus.CheckRange(input, inputOffset, k);
            MontgomeryModulus.CheckRange(output, outputOffset, k);
            MontgomeryModulus n = _public.Modulus;
            int nl = n.LimbCount;
            int pl = _p.LimbCount;
            int ql = _q.LimbCount;
            int pBytes = _p.ByteLength;
            int qBytes = _q.ByteLength;
            bool ok = n.TryLoad(_c, input, inputOffset, k);
            if (ok)
            {
                // RFC 8017 §5.1.2 step 2.b: m1 = c^dP mod p, m2 = c^dQ mod q (every bit of the prime-length exponents)
                LimbDivision.DivideRemainder(null, _cp, _c, nl, _p.Modulus, pl, _difference);
                _p.ModPowLimbs(_m1, _cp, _components[(int)RsaPrivateComponent.Exponent1], _maxBytes - pBytes, pBytes, true);
                LimbDivision.DivideRemainder(null, _cq, _c, nl, _q.Modulus, ql, _difference);
                _q.ModPowLimbs(_m2, _cq, _components[(int)RsaPrivateComponent.Exponent2], _maxBytes - qBytes, qBytes, true);

                // h = (m1 - m2) * qInv mod p, with m2 first reduced mod p (q may exceed p)
                LimbDivision.DivideRemainder(null, _h, _m2, ql, _p.Modulus, pl, _difference);
                uint borrow = LimbSubtraction.Subtract(_h, _m1, _h, pl);
                LimbAddition.ConditionalAdd(_h, _p.Modulus, pl, 0u - borrow);
                Limbs.FromBytes(_coefficient, pl, _components[(int)RsaPrivateComponent.Coefficient], 0, _maxBytes);
                _p.MultiplyModular(_h, _h, _coefficient);

                // m = m2 + q*h (< p*q = n for a consistent key)
                int wide = ql + pl;
                LimbMultiplication.Multiply(_m, _q.Modulus, ql, _h, pl);
                Array.Clear(_m2, ql, _m2.Length - ql);
                LimbAddition.Add(_m, _m, _m2, wide);

                // Fault check (RFC 8017 §5.2.1 note; Boneh-DeMillo-Lipton): m must be below n and m^e mod n must be c.
                uint high = 0;
                for (int i = nl; i < wide; i++)
                {
                    high |= _m[i];
                }

                uint good = Limbs.ZeroMask(high) & LimbComparison.LessThan(_m, n.Modulus, nl);
                n.ModPowLimbs(_check, _m, _public.Exponent, 0, _public.ExponentLength, false);
                good &= LimbComparison.Equal(_check, _c, nl);
                ok = good != 0;
            }

            if (ok)
            {
                Limbs.ToBytes(_m, nl, output, outputOffset, k);
            }
            else
            {
                Array.Clear(output, outputOffset, k);
            }

            WipeOperation();
            return ok;
        }

        /// <summary>Wipes every component and all scratch; the holder can be filled again.</summary>
        public void Clear()
        {
            _hasValue = false;
            _public.Clear();
            _p.Clear();
            _q.Clear();
            for (int i = 0; i < ComponentCount; i++)
            {
                Array.Clear(_components[i], 0, _maxBytes);
                _present[i] = false;
            }

            WipeProvisioning();
            WipeOperation();
        }

        /// <summary>The stored big-endian component (maxBits/8 bytes, right-aligned); tests corrupt it to inject faults.</summary>
        internal byte[] ComponentBuffer(RsaPrivateComponent component)
        {
            return _components[(int)component];
        }

        private void EnsureValue()
        {
            if (!_hasValue)
            {
                throw new InvalidOperationException();
            }
        }

        private bool TooLong(byte[] data, int offset, int length)
        {
            return offset + length - RsaPublicKey.SkipZeros(data, offset, length) > _maxBytes;
        }

        private bool Build(bool modulusGiven)
        {
            bool ok = BuildCore(modulusGiven);
            WipeProvisioning();
            return ok;
        }

        private bool BuildCore(bool modulusGiven)
        {
            int count = _limbs;
            if (!_present[(int)RsaPrivateComponent.PublicExponent] || !_present[(int)RsaPrivateComponent.Prime1] ||
                !_present[(int)RsaPrivateComponent.Prime2] || (modulusGiven && !_present[(int)RsaPrivateComponent.Modulus]))
            {
                return false;
            }

            // p and q: odd, at least 3, within the prime capacity (public sizes; values stay secret)
            byte[] pBytes = _components[(int)RsaPrivateComponent.Prime1];
            byte[] qBytes = _components[(int)RsaPrivateComponent.Prime2];
            if (!_p.TrySet(pBytes, 0, _maxBytes) || !_q.TrySet(qBytes, 0, _maxBytes))
            {
                return false;
            }

            Load(_wp, RsaPrivateComponent.Prime1);
            Load(_wq, RsaPrivateComponent.Prime2);
            Load(_we, RsaPrivateComponent.PublicExponent);

            // n = p*q must fit maxBits and equal a given n
            LimbMultiplication.Multiply(_wide, _wp, count, _wq, count);
            for (int i = count; i < 2 * count; i++)
            {
                if (_wide[i] != 0)
                {
                    return false;
                }
            }

            if (modulusGiven)
            {
                Load(_t1, RsaPrivateComponent.Modulus);
                if (LimbComparison.Equal(_t1, _wide, count) == 0)
                {
                    return false;
                }
            }
            else
            {
                Store(_wide, RsaPrivateComponent.Modulus);
            }

            // the public half checks n's size and parity and 3 <= e < n, e odd (RFC 8017 §3.1)
            if (!_public.TryImport(_components[(int)RsaPrivateComponent.Modulus], 0, _maxBytes, _components[(int)RsaPrivateComponent.PublicExponent], 0, _maxBytes))
            {
                return false;
            }

            Array.Copy(_wp, _pm1, count);
            LimbSubtraction.SubtractWord(_pm1, count, 1);
            Array.Copy(_wq, _qm1, count);
            LimbSubtraction.SubtractWord(_qm1, count, 1);

            // dP = e^-1 mod (p-1), dQ = e^-1 mod (q-1), qInv = q^-1 mod p (RFC 8017 §3.2)
            LimbDivision.DivideRemainder(null, _t1, _we, count, _pm1, count, _t2);
            if (!_inverse.TryInvertOddElement(_dp, _t1, _pm1, count))
            {
                return false;
            }

            LimbDivision.DivideRemainder(null, _t1, _we, count, _qm1, count, _t2);
            if (!_inverse.TryInvertOddElement(_dq, _t1, _qm1, count))
            {
                return false;
            }

            LimbDivision.DivideRemainder(null, _t1, _wq, count, _wp, count, _t2);
            if (!_inverse.TryInvertOdd(_qInv, _t1, _wp, count))
            {
                return false;
            }

            if (!Agrees(_dp, RsaPrivateComponent.Exponent1) || !Agrees(_dq, RsaPrivateComponent.Exponent2) || !Agrees(_qInv, RsaPrivateComponent.Coefficient))
            {
                return false;
            }

            if (_present[(int)RsaPrivateComponent.PrivateExponent])
            {
                // a given d: d < n, d mod (p-1) == dP and d mod (q-1) == dQ, i.e. e*d = 1 mod lcm(p-1, q-1)
                Load(_t2, RsaPrivateComponent.PrivateExponent);
                if (LimbComparison.LessThan(_t2, _wide, count) == 0)
                {
                    return false;
                }

                LimbDivision.DivideRemainder(null, _t1, _t2, count, _pm1, count, _h);
                if (LimbComparison.Equal(_t1, _dp, count) == 0)
                {
                    return false;
                }

                LimbDivision.DivideRemainder(null, _t1, _t2, count, _qm1, count, _h);
                if (LimbComparison.Equal(_t1, _dq, count) == 0)
                {
                    return false;
                }
            }
            else
            {
                // d = e^-1 mod lambda(n), lambda = (p-1)(q-1) / gcd(p-1, q-1)
                _inverse.Gcd(_t1, _pm1, _qm1, count);
                LimbMultiplication.Multiply(_wide, _pm1, count, _qm1, count);
                _inverse.Divide(_quotient, _wide, _t1, count);
                LimbDivision.DivideRemainder(null, _t1, _we, count, _quotient, count, _t2);
                if (!_inverse.TryInvertOddElement(_t2, _t1, _quotient, count))
                {
                    return false;
                }

                Store(_t2, RsaPrivateComponent.PrivateExponent);
            }

            Store(_dp, RsaPrivateComponent.Exponent1);
            Store(_dq, RsaPrivateComponent.Exponent2);
            Store(_qInv, RsaPrivateComponent.Coefficient);
            _hasValue = true;
            return true;
        }

        /// <summary>True when the component is absent or equals <paramref name="derived"/>.</summary>
        private bool Agrees(uint[] derived, RsaPrivateComponent component)
        {
            if (!_present[(int)component])
            {
                return true;
            }

            Load(_t1, component);
            return LimbComparison.Equal(_t1, derived, _limbs) != 0;
        }

        private void Load(uint[] destination, RsaPrivateComponent component)
        {
            Limbs.FromBytes(destination, _limbs, _components[(int)component], 0, _maxBytes);
        }

        private void Store(uint[] source, RsaPrivateComponent component)
        {
            Limbs.ToBytes(source, _limbs, _components[(int)component], 0, _maxBytes);
            _present[(int)component] = true;
        }

        private void WipeProvisioning()
        {
            Array.Clear(_wp, 0, _limbs);
            Array.Clear(_wq, 0, _limbs);
            Array.Clear(_we, 0, _limbs);
            Array.Clear(_pm1, 0, _limbs);
            Array.Clear(_qm1, 0, _limbs);
            Array.Clear(_t1, 0, _limbs);
            Array.Clear(_t2, 0, _limbs);
            Array.Clear(_dp, 0, _limbs);
            Array.Clear(_dq, 0, _limbs);
            Array.Clear(_qInv, 0, _limbs);
            Array.Clear(_wide, 0, _wide.Length);
            Array.Clear(_quotient, 0, _quotient.Length);
            _inverse.Wipe();
        }

        private void WipeOperation()
        {
            Array.Clear(_c, 0, _limbs);
            Array.Clear(_cp, 0, _limbs);
            Array.Clear(_cq, 0, _limbs);
            Array.Clear(_m1, 0, _limbs);
            Array.Clear(_m2, 0, _m2.Length);
            Array.Clear(_h, 0, _limbs);
            Array.Clear(_coefficient, 0, _limbs);
            Array.Clear(_difference, 0, _limbs);
            Array.Clear(_m, 0, _m.Length);
            Array.Clear(_check, 0, _limbs);
        }
    }
}
