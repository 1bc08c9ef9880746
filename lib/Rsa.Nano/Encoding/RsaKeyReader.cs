using System;
using NanoMikey.BigNum;
using NanoMikey.X509;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// Imports RSA keys from strict DER: PKCS #1 RSAPublicKey and RSAPrivateKey (RFC 8017 A.1.1, A.1.2; two-prime
    /// version 0 only), SubjectPublicKeyInfo (RFC 5280 §4.1.2.7, RFC 3279 §2.3.1) and PKCS #8 PrivateKeyInfo (RFC 5208 §5)
    /// into <see cref="RsaPublicKey"/> / <see cref="RsaPrivateKey"/>.
    /// </summary>
    /// <remarks>
    /// Every INTEGER must be minimal and positive (a negative modulus, a redundant leading octet or a zero value fails), and
    /// nothing may follow the structure. The key holders then check the numbers (sizes, parity, p*q = n, CRT values).
    /// Each call allocates its small DER reader; keys are imported at provisioning, not per message. The input still holds
    /// private keys afterwards: the caller wipes it. On failure a private key holder is wiped and a public one unchanged.
    /// </remarks>
    public static class RsaKeyReader
    {
        // RFC 8017 A.1.2 order of the RSAPrivateKey INTEGERs after the version.
        private static readonly RsaPrivateComponent[] PrivateKeyOrder =
        {
            RsaPrivateComponent.Modulus, RsaPrivateComponent.PublicExponent, RsaPrivateComponent.PrivateExponent,
            RsaPrivateComponent.Prime1, RsaPrivateComponent.Prime2, RsaPrivateComponent.Exponent1,
            RsaPrivateComponent.Exponent2, RsaPrivateComponent.Coefficient,
        };

        /// <summary>Reads a PKCS #1 RSAPublicKey that must occupy exactly the given range.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="key">Key holder to fill; unchanged on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.InvalidPublicKey"/> for numbers that are no RSA key
        /// this holder takes (size, parity, exponent), or the first DER error.</returns>
        public static Asn1Status ReadRsaPublicKey(byte[] der, int offset, int length, RsaPublicKey key)
        {
            CheckKey(key);
            int mo;
            int ml;
            int eo;
            int el;
            Asn1Status s = RsaSubjectPublicKeyInfo.ReadRsaPublicKey(der, offset, length, out mo, out ml, out eo, out el);
            return s == Asn1Status.Ok ? Import(key, der, mo, ml, eo, el) : s;
        }

        /// <summary>Reads an RSA SubjectPublicKeyInfo (rsaEncryption, or id-RSASSA-PSS without parameters) that must occupy exactly the range.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="key">Key holder to fill; unchanged on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/>, <see cref="Asn1Status.UnsupportedAlgorithm"/> for another key type,
        /// <see cref="Asn1Status.InvalidPublicKey"/>, or the first DER error.</returns>
        public static Asn1Status ReadSubjectPublicKeyInfo(byte[] der, int offset, int length, RsaPublicKey key)
        {
            CheckKey(key);
            X509PublicKeyAlgorithm alg;
            int mo;
            int ml;
            int eo;
            int el;
            Asn1Status s = RsaSubjectPublicKeyInfo.Read(der, offset, length, out alg, out mo, out ml, out eo, out el);
            return s == Asn1Status.Ok ? Import(key, der, mo, ml, eo, el) : s;
        }

        /// <summary>Reads a PKCS #1 RSAPrivateKey (version 0, two primes) that must occupy exactly the given range.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="key">Key holder to fill; wiped on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/>; <see cref="Asn1Status.UnsupportedVersion"/> for a multi-prime key;
        /// <see cref="Asn1Status.InvalidPrivateKey"/> for numbers that are no consistent key (or too large for the holder);
        /// or the first DER error.</returns>
        public static Asn1Status ReadRsaPrivateKey(byte[] der, int offset, int length, RsaPrivateKey key)
        {
            CheckPrivateKey(key);
            MontgomeryModulus.CheckRange(der, offset, length);
            var r = new DerReader(2);
            r.Reset(der, offset, length);
            return Complete(r, ReadPrivateKey(r, key), key);
        }

        /// <summary>Reads a PKCS #8 PrivateKeyInfo (version 0, rsaEncryption) that must occupy exactly the given range.</summary>
        /// <param name="der">Buffer holding the DER.</param>
        /// <param name="offset">Offset of the structure.</param>
        /// <param name="length">Exact length of the structure.</param>
        /// <param name="key">Key holder to fill; wiped on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/>; <see cref="Asn1Status.UnsupportedAlgorithm"/> for another key type;
        /// <see cref="Asn1Status.UnsupportedVersion"/>; <see cref="Asn1Status.InvalidPrivateKey"/>; or the first DER error.</returns>
        public static Asn1Status ReadPkcs8(byte[] der, int offset, int length, RsaPrivateKey key)
        {
            CheckPrivateKey(key);
            MontgomeryModulus.CheckRange(der, offset, length);
            var r = new DerReader(3);
            r.Reset(der, offset, length);

            // RFC 5208 §5: SEQUENCE { version 0, privateKeyAlgorithm, privateKey OCTET STRING, attributes [0] IMPLICIT OPTIONAL }.
            bool ok = false;
            int version;
            X509PublicKeyAlgorithm alg;
            int keyOffset;
            int keyLength;
            int start = r.Position;
            if (r.EnterSequence() && r.ReadNonNegativeInt32(out version))
            {
                if (version != 0)
                {
                    r.Fail(Asn1Status.UnsupportedVersion, start);
                }
                else if (RsaSubjectPublicKeyInfo.ReadAlgorithmIdentifier(r, out alg) && r.ReadOctetString(out keyOffset, out keyLength))
                {
                    var inner = new DerReader(2);
                    inner.Reset(der, keyOffset, keyLength);
                    ok = ReadPrivateKey(inner, key) && inner.Finish();
                    if (!inner.IsOk)
                    {
                        r.Fail(inner.Status, inner.ErrorOffset);
                    }

                    if (r.PeekTag() == Asn1Tag.ContextConstructed(0))
                    {
                        r.Skip(); // attributes: none is used for RSA keys
                    }

                    r.Exit();
                }
            }

            return Complete(r, ok, key);
        }

        // RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dP, dQ, qInv, otherPrimeInfos OPTIONAL } (RFC 8017 A.1.2).
        private static bool ReadPrivateKey(DerReader r, RsaPrivateKey key)
        {
            int start = r.Position;
            int version;
            if (!r.EnterSequence() || !r.ReadNonNegativeInt32(out version))
            {
                return false;
            }

            // Version 1 carries otherPrimeInfos (multi-prime): not supported.
            if (version != 0)
            {
                return r.Fail(Asn1Status.UnsupportedVersion, start);
            }

            int modulusLength = 0;
            for (int i = 0; i < PrivateKeyOrder.Length; i++)
            {
                int at = r.Position;
                int off;
                int len;
                if (!ReadPositive(r, out off, out len))
                {
                    return false;
                }

                if (i == 0)
                {
                    // The modulus bounds every other component; beyond the holder's size the key is unusable here.
                    if (len > (RsaPublicKey.MaxBits >> 3) || !key.PublicKey.TryImport(r.Data, off, len, OddExponent, 0, 1))
                    {
                        return r.Fail(Asn1Status.InvalidPrivateKey, at);
                    }

                    modulusLength = len;
                }
                else if (len > modulusLength)
                {
                    return r.Fail(Asn1Status.InvalidPrivateKey, at);
                }

                key.SetComponent(PrivateKeyOrder[i], r.Data, off, len);
            }

            return r.Exit();
        }

        // A placeholder exponent that lets RsaPublicKey.TryImport check the modulus size and parity alone.
        private static readonly byte[] OddExponent = { 3 };

        // One minimal, positive INTEGER; out: its magnitude without the sign octet.
        private static bool ReadPositive(DerReader r, out int offset, out int length)
        {
            int at = r.Position;
            if (!r.ReadInteger(out offset, out length))
            {
                return false;
            }

            byte[] d = r.Data;
            if (d[offset] >= 0x80)
            {
                return r.Fail(Asn1Status.NegativeInteger, at);
            }

            if (length == 1 && d[offset] == 0)
            {
                return r.Fail(Asn1Status.InvalidPrivateKey, at);
            }

            if (d[offset] == 0)
            {
                offset++;
                length--;
            }

            return true;
        }

        private static Asn1Status Complete(DerReader r, bool read, RsaPrivateKey key)
        {
            if (read && r.Finish() && !key.TryComplete())
            {
                r.Fail(Asn1Status.InvalidPrivateKey, 0);
            }

            if (!r.IsOk || !read)
            {
                key.Clear();
                return r.IsOk ? Asn1Status.InvalidPrivateKey : r.Status;
            }

            return Asn1Status.Ok;
        }

        private static Asn1Status Import(RsaPublicKey key, byte[] der, int mo, int ml, int eo, int el)
        {
            return key.TryImport(der, mo, ml, der, eo, el) ? Asn1Status.Ok : Asn1Status.InvalidPublicKey;
        }

        private static void CheckKey(RsaPublicKey key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }
        }

        private static void CheckPrivateKey(RsaPrivateKey key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }
        }
    }
}
