using System;
using NanoMikey.X509;
using NanoMikey.X509.Asn1;

namespace NanoMikey.Rsa
{
    /// <summary>Loads the RSA subject key of a parsed <see cref="X509Certificate"/> into an <see cref="RsaPublicKey"/>.</summary>
    public static class RsaCertificateKey
    {
        /// <summary>
        /// Loads <paramref name="certificate"/>'s rsaEncryption or id-RSASSA-PSS key (RFC 3279 §2.3.1, RFC 4055 §3.1).
        /// Allocates nothing.
        /// </summary>
        /// <param name="certificate">A successfully parsed certificate.</param>
        /// <param name="key">Key holder to fill; unchanged on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/>; <see cref="Asn1Status.UnsupportedAlgorithm"/> for a key that is not RSA;
        /// <see cref="Asn1Status.InvalidPublicKey"/> for numbers the holder refuses (size, parity, exponent); or the DER error of the key.</returns>
        /// <exception cref="InvalidOperationException">The certificate was not parsed successfully.</exception>
        public static Asn1Status Read(X509Certificate certificate, RsaPublicKey key)
        {
            if (certificate == null)
            {
                throw new ArgumentNullException("certificate");
            }

            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            int mo;
            int ml;
            int eo;
            int el;
            Asn1Status s = certificate.ReadRsaPublicKey(out mo, out ml, out eo, out el);
            if (s != Asn1Status.Ok)
            {
                return s;
            }

            byte[] d = certificate.Data;
            return key.TryImport(d, mo, ml, d, eo, el) ? Asn1Status.Ok : Asn1Status.InvalidPublicKey;
        }
    }
}
