using System;
using NanoMikey.Crypto;
using NanoMikey.Ecc;

namespace NanoMikey.X509.Asn1
{
    /// <summary>
    /// Writes P-256 private keys as SEC 1 <c>ECPrivateKey</c> (RFC 5915, with namedCurve and public key) or as PKCS #8
    /// <c>PrivateKeyInfo</c> v1 (RFC 5208) wrapping one. The output holds the secret scalar: the caller wipes it.
    /// </summary>
    public static class EcPrivateKeyWriter
    {
        /// <summary>Length of the ECPrivateKey this writer produces (with parameters and an uncompressed public key).</summary>
        public const int EcPrivateKeyLength = 121;

        /// <summary>Length of the PKCS #8 PrivateKeyInfo this writer produces (inner ECPrivateKey without parameters).</summary>
        public const int Pkcs8Length = 138;

        /// <summary>Writes the key as an RFC 5915 ECPrivateKey with parameters [0] and publicKey [1].</summary>
        /// <param name="key">A key holding a scalar.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>.</param>
        /// <param name="written">Bytes written (<see cref="EcPrivateKeyLength"/>); 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/> (buffer range wiped).</returns>
        public static Asn1Status WriteEcPrivateKey(P256PrivateKey key, byte[] output, int outputOffset, int capacity, out int written)
        {
            return Write(key, false, output, outputOffset, capacity, out written);
        }

        /// <summary>Writes the key as PKCS #8 v1: id-ecPublicKey with secp256r1, then an ECPrivateKey with publicKey [1] (as .NET and OpenSSL do).</summary>
        /// <param name="key">A key holding a scalar.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="capacity">Room in <paramref name="output"/>.</param>
        /// <param name="written">Bytes written (<see cref="Pkcs8Length"/>); 0 on failure.</param>
        /// <returns><see cref="Asn1Status.Ok"/> or <see cref="Asn1Status.BufferTooSmall"/> (buffer range wiped).</returns>
        public static Asn1Status WritePkcs8(P256PrivateKey key, byte[] output, int outputOffset, int capacity, out int written)
        {
            return Write(key, true, output, outputOffset, capacity, out written);
        }

        private static Asn1Status Write(P256PrivateKey key, bool pkcs8, byte[] output, int outputOffset, int capacity, out int written)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            if (!key.HasValue)
            {
                throw new InvalidOperationException("The key holds no scalar.");
            }

            DerReader.CheckRange(output, outputOffset, capacity);
            written = 0;
            byte[] scratch = new byte[P256PublicKey.UncompressedLength];
            var w = new DerWriter(4);
            w.Reset(output, outputOffset, capacity);
            if (pkcs8)
            {
                // RFC 5208 §5: version 0, privateKeyAlgorithm, privateKey OCTET STRING { ECPrivateKey }.
                w.PushSequence();
                w.WriteInteger(0);
                EcAlgorithmIdentifier.Write(w);
                w.Push(Asn1Tag.OctetString);
            }

            // RFC 5915 §3: version 1, privateKey (32 octets), [0] parameters (omitted inside PKCS #8), [1] publicKey.
            w.PushSequence();
            w.WriteInteger(1);
            key.ExportScalar(scratch, 0);
            w.WriteOctetString(scratch, 0, P256PrivateKey.ScalarLength);
            if (!pkcs8)
            {
                w.Push(Asn1Tag.ContextConstructed(0));
                w.WriteObjectIdentifier(Asn1Oid.Prime256v1, 0, Asn1Oid.Prime256v1.Length);
                w.Pop();
            }

            key.PublicKey.ExportUncompressed(scratch, 0);
            w.Push(Asn1Tag.ContextConstructed(1));
            w.WriteBitString(scratch, 0, P256PublicKey.UncompressedLength);
            w.Pop();
            w.Pop();
            SecureMemory.Wipe(scratch);
            if (pkcs8)
            {
                w.Pop();
                w.Pop();
            }

            if (w.Status != Asn1Status.Ok)
            {
                Array.Clear(output, outputOffset, capacity);
                return w.Status;
            }

            written = w.Length;
            return Asn1Status.Ok;
        }
    }
}
