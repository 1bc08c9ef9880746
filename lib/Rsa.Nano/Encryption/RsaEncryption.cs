using System;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Rsa
{
    /// <summary>
    /// RSA encryption schemes (RFC 8017 §7): RSAES-OAEP (§7.1, MGF1 with the label hash, empty label unless one is
    /// given) and RSAES-PKCS1-v1_5 (§7.2). Allocation-free after construction (scratch sized by maxBits); not
    /// thread-safe. Bad ciphertexts give -1 or the implicit-rejection message, never an exception; null buffers, bad
    /// ranges, an empty key or one larger than maxBits throw.
    /// </summary>
    /// <remarks>
    /// PKCS#1 v1.5 decryption uses implicit rejection (draft-irtf-cfrg-rsa-guidance §7.2, byte-for-byte the algorithm of
    /// OpenSSL 3.2 and later): when the padding is wrong it returns, in the same time and through the same code path, a
    /// synthetic message derived from the private exponent and the ciphertext (HMAC-SHA256), the same for the same
    /// ciphertext every time. A caller cannot tell a padding failure from success, so there is no Bleichenbacher oracle
    /// to build, not even from an application's later reaction, and no caller-side constant-time handling to get
    /// wrong. It fits MIKEY PK mode (RFC 3830 §3.2, §5.2): a bad PKE payload decrypts to a wrong envelope key, the
    /// KEMAC key derived from it does not verify the MAC, and the message fails exactly as any other forged MAC
    /// does. Only a caller that passes a message capacity below k - 11 can see a shorter result (the copy stops at the
    /// capacity).
    /// </remarks>
    public sealed class RsaEncryption
    {
        private readonly int _maxBytes;
        private readonly RsaDigest _digest;
        private readonly EmeOaep _oaep;
        private readonly ImplicitRejection _rejection;
        private readonly byte[] _em;
        private readonly byte[] _d;
        private readonly byte[] _synthetic;

        /// <summary>Creates an encryptor/decryptor for moduli of up to <paramref name="maxBits"/> bits.</summary>
        /// <param name="maxBits">Largest modulus size, <see cref="RsaPublicKey.MinBits"/> to <see cref="RsaPublicKey.MaxBits"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException">maxBits is out of range.</exception>
        public RsaEncryption(int maxBits)
        {
            RsaArgument.CheckMaxBits(maxBits);
            _maxBytes = (maxBits + 7) >> 3;
            _digest = new RsaDigest();
            _oaep = new EmeOaep(_digest);
            _rejection = new ImplicitRejection();
            _em = new byte[_maxBytes];
            _d = new byte[_maxBytes];
            _synthetic = new byte[_maxBytes];
        }

        /// <summary>RSAES-PKCS1-V1_5-ENCRYPT (§7.2.1): writes the k-byte ciphertext.</summary>
        /// <param name="key">The recipient's public key.</param>
        /// <param name="message">Message buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="length">Message length, at most k - 11.</param>
        /// <param name="random">Generator of the non-zero padding bytes.</param>
        /// <param name="ciphertext">Destination of the k-byte ciphertext.</param>
        /// <param name="ciphertextOffset">Offset of the ciphertext.</param>
        /// <returns>False when the message is too long or the generator needs a reseed it cannot do.</returns>
        public bool EncryptPkcs1(RsaPublicKey key, byte[] message, int offset, int length, HmacDrbg random, byte[] ciphertext,
            int ciphertextOffset)
        {
            int k = RsaArgument.CheckKey(key, _maxBytes);
            RsaArgument.CheckRange(message, offset, length);
            if (random == null) throw new ArgumentNullException(nameof(random));
            RsaArgument.CheckRange(ciphertext, ciphertextOffset, k);
            bool ok = EmePkcs1.Encode(message, offset, length, random, _em, 0, k) && key.ApplyPublic(_em, 0, ciphertext, ciphertextOffset);
            Array.Clear(_em, 0, k);
            return ok;
        }

        /// <summary>
        /// RSAES-PKCS1-V1_5-DECRYPT (§7.2.2) with implicit rejection (see the remarks): returns the length of the message
        /// written, which for a wrongly padded ciphertext is a synthetic message indistinguishable from a real one.
        /// </summary>
        /// <param name="key">The private key.</param>
        /// <param name="ciphertext">Ciphertext buffer.</param>
        /// <param name="offset">Offset of the ciphertext.</param>
        /// <param name="length">Ciphertext length; anything but k gives -1.</param>
        /// <param name="message">Destination of the message.</param>
        /// <param name="messageOffset">Offset of the message.</param>
        /// <param name="messageCapacity">Bytes available at <paramref name="messageOffset"/>; pass at least k - 11.</param>
        /// <returns>The message length, or -1 for a publicly invalid ciphertext (length not k, value not below n).</returns>
        public int DecryptPkcs1(RsaPrivateKey key, byte[] ciphertext, int offset, int length, byte[] message, int messageOffset,
            int messageCapacity)
        {
            bool valid;
            return DecryptPkcs1(key, ciphertext, offset, length, message, messageOffset, messageCapacity, out valid);
        }

        /// <summary>The decryption above, also reporting padding validity: for tests only (it is the oracle the public method hides).</summary>
        internal int DecryptPkcs1(RsaPrivateKey key, byte[] ciphertext, int offset, int length, byte[] message, int messageOffset,
            int messageCapacity, out bool valid)
        {
            int k = RsaArgument.CheckKey(key, _maxBytes);
            RsaArgument.CheckRange(ciphertext, offset, length);
            RsaArgument.CheckRange(message, messageOffset, messageCapacity);
            valid = false;
            // §7.2.2 step 1 and 2b: the length and the range c < n are public properties of the ciphertext.
            if (length != k || k < EmePkcs1.Overhead) return -1;
            if (!key.ApplyPrivate(ciphertext, offset, _em, 0))
            {
                Array.Clear(_em, 0, k);
                return -1;
            }
            // D = I2OSP(d, k): the exponent right-aligned in k bytes (staged in _synthetic, overwritten below).
            int dLength = key.ExportComponent(RsaPrivateComponent.PrivateExponent, _synthetic, 0);
            Array.Clear(_d, 0, k);
            Array.Copy(_synthetic, 0, _d, k - dLength, dLength);
            int syntheticLength = _rejection.Derive(_d, 0, ciphertext, offset, k, _synthetic, 0);
            Array.Clear(_d, 0, k);
            int written = EmePkcs1.Decode(_em, 0, k, _synthetic, 0, syntheticLength, message, messageOffset, messageCapacity, out valid);
            Array.Clear(_em, 0, k);
            Array.Clear(_synthetic, 0, k);
            return written;
        }

        /// <summary>RSAES-OAEP-ENCRYPT (§7.1.1) with the empty label: writes the k-byte ciphertext.</summary>
        /// <param name="key">The recipient's public key.</param>
        /// <param name="hash">Hash of the label and of MGF1.</param>
        /// <param name="message">Message buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="length">Message length, at most k - 2hLen - 2.</param>
        /// <param name="random">Generator of the seed.</param>
        /// <param name="ciphertext">Destination of the k-byte ciphertext.</param>
        /// <param name="ciphertextOffset">Offset of the ciphertext.</param>
        /// <returns>False when the message is too long or the generator needs a reseed it cannot do.</returns>
        public bool EncryptOaep(RsaPublicKey key, RsaHash hash, byte[] message, int offset, int length, HmacDrbg random, byte[] ciphertext,
            int ciphertextOffset)
        {
            return EncryptOaep(key, hash, null, 0, 0, message, offset, length, random, ciphertext, ciphertextOffset);
        }

        /// <summary>RSAES-OAEP-ENCRYPT (§7.1.1) with a label L: writes the k-byte ciphertext.</summary>
        /// <param name="key">The recipient's public key.</param>
        /// <param name="hash">Hash of the label and of MGF1.</param>
        /// <param name="label">Label buffer, or null for the empty label.</param>
        /// <param name="labelOffset">Offset of the label.</param>
        /// <param name="labelLength">Label length.</param>
        /// <param name="message">Message buffer.</param>
        /// <param name="offset">Offset of the message.</param>
        /// <param name="length">Message length, at most k - 2hLen - 2.</param>
        /// <param name="random">Generator of the seed.</param>
        /// <param name="ciphertext">Destination of the k-byte ciphertext.</param>
        /// <param name="ciphertextOffset">Offset of the ciphertext.</param>
        /// <returns>False when the message is too long or the generator needs a reseed it cannot do.</returns>
        public bool EncryptOaep(RsaPublicKey key, RsaHash hash, byte[]? label, int labelOffset, int labelLength, byte[] message, int offset,
            int length, HmacDrbg random, byte[] ciphertext, int ciphertextOffset)
        {
            int k = RsaArgument.CheckKey(key, _maxBytes);
            RsaDigest.Length(hash);
            if (label != null || labelLength != 0) RsaArgument.CheckRange(label!, labelOffset, labelLength);
            RsaArgument.CheckRange(message, offset, length);
            if (random == null) throw new ArgumentNullException(nameof(random));
            RsaArgument.CheckRange(ciphertext, ciphertextOffset, k);
            bool ok = _oaep.Encode(hash, label, labelOffset, labelLength, message, offset, length, random, _em, 0, k)
                && key.ApplyPublic(_em, 0, ciphertext, ciphertextOffset);
            Array.Clear(_em, 0, k);
            return ok;
        }

        /// <summary>RSAES-OAEP-DECRYPT (§7.1.2) with the empty label.</summary>
        /// <param name="key">The private key.</param>
        /// <param name="hash">Hash of the label and of MGF1.</param>
        /// <param name="ciphertext">Ciphertext buffer.</param>
        /// <param name="offset">Offset of the ciphertext.</param>
        /// <param name="length">Ciphertext length; anything but k gives -1.</param>
        /// <param name="message">Destination of the message.</param>
        /// <param name="messageOffset">Offset of the message.</param>
        /// <param name="messageCapacity">Bytes available at <paramref name="messageOffset"/>.</param>
        /// <returns>The message length, or -1 ("decryption error", one answer for every cause, found in constant time).</returns>
        public int DecryptOaep(RsaPrivateKey key, RsaHash hash, byte[] ciphertext, int offset, int length, byte[] message, int messageOffset,
            int messageCapacity)
        {
            return DecryptOaep(key, hash, null, 0, 0, ciphertext, offset, length, message, messageOffset, messageCapacity);
        }

        /// <summary>RSAES-OAEP-DECRYPT (§7.1.2) with a label L.</summary>
        /// <param name="key">The private key.</param>
        /// <param name="hash">Hash of the label and of MGF1.</param>
        /// <param name="label">Label buffer, or null for the empty label.</param>
        /// <param name="labelOffset">Offset of the label.</param>
        /// <param name="labelLength">Label length.</param>
        /// <param name="ciphertext">Ciphertext buffer.</param>
        /// <param name="offset">Offset of the ciphertext.</param>
        /// <param name="length">Ciphertext length; anything but k gives -1.</param>
        /// <param name="message">Destination of the message.</param>
        /// <param name="messageOffset">Offset of the message.</param>
        /// <param name="messageCapacity">Bytes available at <paramref name="messageOffset"/>.</param>
        /// <returns>The message length, or -1 ("decryption error", one answer for every cause, found in constant time).</returns>
        public int DecryptOaep(RsaPrivateKey key, RsaHash hash, byte[]? label, int labelOffset, int labelLength, byte[] ciphertext, int offset,
            int length, byte[] message, int messageOffset, int messageCapacity)
        {
            int k = RsaArgument.CheckKey(key, _maxBytes);
            RsaDigest.Length(hash);
            if (label != null || labelLength != 0) RsaArgument.CheckRange(label!, labelOffset, labelLength);
            RsaArgument.CheckRange(ciphertext, offset, length);
            RsaArgument.CheckRange(message, messageOffset, messageCapacity);
            // §7.1.2 step 1: public length checks.
            if (length != k || EmeOaep.MaxMessageLength(hash, k) < 0) return -1;
            // Step 2: c < n is public too.
            int written = -1;
            if (key.ApplyPrivate(ciphertext, offset, _em, 0))
            {
                written = _oaep.Decode(hash, label, labelOffset, labelLength, _em, 0, k, message, messageOffset, messageCapacity);
            }
            Array.Clear(_em, 0, k);
            return written;
        }

        /// <summary>Wipes the scratch, hash states and derived keys.</summary>
        public void Clear()
        {
            Array.Clear(_em, 0, _maxBytes);
            Array.Clear(_d, 0, _maxBytes);
            Array.Clear(_synthetic, 0, _maxBytes);
            _oaep.Clear();
            _rejection.Clear();
            _digest.Clear();
        }
    }
}
