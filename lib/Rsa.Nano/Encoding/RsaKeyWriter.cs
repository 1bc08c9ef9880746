using System;
using NanoMikey.Crypto;
using NanoMikey.BigNum;
using NanoMikey.X509;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// Exports RSA keys as DER: PKCS #1 RSAPublicKey and RSAPrivateKey (RFC 8017 A.1.1, A.1.2, version 0),
    /// SubjectPublicKeyInfo with rsaEncryption (RFC 3279 §2.3.1) and PKCS #8 PrivateKeyInfo version 0 (RFC 5208 §5).
    /// The same bytes as OpenSSL and .NET write for the same key.
    /// </summary>
    /// <remarks>
    /// Each call allocates a scratch buffer for one component (wiped before returning); keys are exported at
    /// provisioning, not per message. On failure nothing usable is written and the output range is wiped.
    /// </remarks>
    public static class RsaKeyWriter
    {
        private const int MaxComponentBytes = RsaPublicKey.MaxBits >> 3;

        private static readonly RsaPrivateComponent[] PrivateKeyOrder =
        {
            RsaPrivateComponent.Modulus, RsaPrivateComponent.PublicExponent, RsaPrivateComponent.PrivateExponent,
            RsaPrivateComponent.Prime1, RsaPrivateComponent.Prime2, RsaPrivateComponent.Exponent1,
            RsaPrivateComponent.Exponent2, RsaPrivateComponent.Coefficient,
        };

        /// <summary>Writes a PKCS #1 RSAPublicKey.</summary>
        /// <param name="key">A key holding a value.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>.</param>
        /// <param name="written">Bytes written; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/>.</returns>
        /// <exception cref="InvalidOperationException">The key holds no value.</exception>
        public static Asn1Status WriteRsaPublicKey(RsaPublicKey key, byte[] output, int outputOffset, int capacity, out int written)
        {
            return WritePublic(false, key, output, outputOffset, capacity, out written);
        }

        /// <summary>Writes a SubjectPublicKeyInfo with rsaEncryption.</summary>
        /// <param name="key">A key holding a value.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>.</param>
        /// <param name="written">Bytes written; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/>.</returns>
        /// <exception cref="InvalidOperationException">The key holds no value.</exception>
        public static Asn1Status WriteSubjectPublicKeyInfo(RsaPublicKey key, byte[] output, int outputOffset, int capacity, out int written)
        {
            return WritePublic(true, key, output, outputOffset, capacity, out written);
        }

        /// <summary>Writes a PKCS #1 RSAPrivateKey (version 0, two primes).</summary>
        /// <param name="key">A complete key.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>.</param>
        /// <param name="written">Bytes written; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/>.</returns>
        /// <exception cref="InvalidOperationException">The key is not complete.</exception>
        public static Asn1Status WriteRsaPrivateKey(RsaPrivateKey key, byte[] output, int outputOffset, int capacity, out int written)
        {
            return WritePrivate(false, key, output, outputOffset, capacity, out written);
        }

        /// <summary>Writes a PKCS #8 PrivateKeyInfo (version 0, rsaEncryption, no attributes).</summary>
        /// <param name="key">A complete key.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>.</param>
        /// <param name="written">Bytes written; 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/>.</returns>
        /// <exception cref="InvalidOperationException">The key is not complete.</exception>
        public static Asn1Status WritePkcs8(RsaPrivateKey key, byte[] output, int outputOffset, int capacity, out int written)
        {
            return WritePrivate(true, key, output, outputOffset, capacity, out written);
        }

        private static Asn1Status WritePublic(bool spki, RsaPublicKey key, byte[] output, int outputOffset, int capacity, out int written)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            MontgomeryModulus.CheckRange(output, outputOffset, capacity);
            if (!key.HasValue)
            {
                throw new InvalidOperationException("The key holds no value.");
            }

            var n = new byte[key.ModulusLength];
            var e = new byte[key.ExponentLength];
            key.ExportModulus(n, 0);
            key.ExportExponent(e, 0);
            return spki
                ? RsaSubjectPublicKeyInfo.Write(n, 0, n.Length, e, 0, e.Length, output, outputOffset, capacity, out written)
                : RsaSubjectPublicKeyInfo.WriteRsaPublicKey(n, 0, n.Length, e, 0, e.Length, output, outputOffset, capacity, out written);
        }

        private static Asn1Status WritePrivate(bool pkcs8, RsaPrivateKey key, byte[] output, int outputOffset, int capacity, out int written)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            MontgomeryModulus.CheckRange(output, outputOffset, capacity);
            if (!key.HasValue)
            {
                throw new InvalidOperationException("The key is not complete.");
            }

            written = 0;
            var scratch = new byte[MaxComponentBytes];
            var w = new DerWriter(4);
            w.Reset(output, outputOffset, capacity);
            if (pkcs8)
            {
                // RFC 5208 §5: version 0, privateKeyAlgorithm, privateKey OCTET STRING { RSAPrivateKey }.
                w.PushSequence();
                w.WriteInteger(0);
                RsaSubjectPublicKeyInfo.WriteAlgorithmIdentifier(w);
                w.Push(Asn1Tag.OctetString);
            }

            // RFC 8017 A.1.2: version 0 (two-prime), n, e, d, p, q, dP, dQ, qInv.
            w.PushSequence();
            w.WriteInteger(0);
            for (int i = 0; i < PrivateKeyOrder.Length; i++)
            {
                int n = key.ExportComponent(PrivateKeyOrder[i], scratch, 0);
                w.WriteUnsignedInteger(scratch, 0, n);
            }

            w.Pop();
            if (pkcs8)
            {
                w.Pop();
                w.Pop();
            }

            SecureMemory.Wipe(scratch);
            if (w.Status != Asn1Status.Ok)
            {
                SecureMemory.Wipe(output, outputOffset, capacity);
                return w.Status;
            }

            written = w.Length;
            return Asn1Status.Ok;
        }
    }
}
