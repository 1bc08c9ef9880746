using System;
using NanoMikey.Crypto;
using NanoMikey.Crypto.Cipher;
using NanoMikey.Crypto.Hal;
using NanoMikey.Crypto.Mac;
using NanoMikey.Crypto.Random;

namespace NanoMikey.Ecc
{
    /// <summary>
    /// ECIES on P-256 (SEC 1 §5.1): ephemeral key R = kG, Z = x(k * Q), K = X9.63-KDF-SHA-256(Z, 48, R̄ || SharedInfo1),
    /// EK = K[0..16) for AES-128-CTR (initial counter block zero: every key is used once), MK = K[16..48) for HMAC-SHA-256 over
    /// C || SharedInfo2 with a configurable tag length. Output R̄ || C || D. Decryption checks the tag in constant time
    /// before decrypting anything. Owns all buffers; allocates nothing per message; not thread-safe.
    /// </summary>
    /// <remarks>
    /// Profile choice: R̄ is the octet string of R exactly as sent or received (65 bytes uncompressed or 33 compressed,
    /// SEC 1 §2.3.3), placed in front of SharedInfo1, so the KDF hashes Z || Counter || R̄ || SharedInfo1 (SEC 1 §3.6.1).
    /// SEC 1 §5.1.3 step 5 and §5.1.4 step 5 derive K from Z and SharedInfo1 and leave SharedInfo1's content to the
    /// application (ISO/IEC 18033-2's ECIES-KEM likewise hashes the ephemeral key's encoding). Z is x(kQ) alone, so -R and
    /// the other encoding of R give the same Z: without R̄ in the KDF, all of them would decrypt one ciphertext
    /// (malleability). With it, any other encoding of R, or -R, derives other keys and fails the tag check. Peers must use
    /// this profile: it does not interoperate with ECIES that derives K from Z and SharedInfo1 alone.
    /// </remarks>
    public sealed class EciesP256
    {
        /// <summary>AES-128 encryption key length (EK).</summary>
        public const int EncryptionKeyLength = 16;

        /// <summary>HMAC-SHA-256 key length (MK).</summary>
        public const int MacKeyLength = 32;

        private readonly IAesEngine _engine;
        private readonly AesCtr _ctr;
        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly X963Kdf _kdf = new X963Kdf();
        private readonly P256PrivateKey _ephemeral = new P256PrivateKey();
        private readonly byte[] _z = new byte[32];
        private readonly byte[] _keys = new byte[EncryptionKeyLength + MacKeyLength];
        private readonly byte[] _counterBlock = new byte[16];
        private readonly byte[] _tag = new byte[HmacSha256.HashSize];
        private readonly int _tagLength;
        private readonly bool _compressEphemeral;

        /// <summary>Creates an ECIES instance.</summary>
        /// <param name="engine">AES engine used for AES-128-CTR; keys are loaded and cleared per message.</param>
        /// <param name="maxMessageLength">Largest message handled in one engine call (longer ones are split).</param>
        /// <param name="tagLength">MAC tag length in bytes, 8 to 32.</param>
        /// <param name="compressEphemeral">True to send R compressed (33 bytes) instead of uncompressed (65 bytes).</param>
        public EciesP256(IAesEngine engine, int maxMessageLength, int tagLength, bool compressEphemeral)
        {
            if (engine == null)
            {
                throw new ArgumentNullException(nameof(engine));
            }

            if (!engine.SupportsKeyLength(EncryptionKeyLength))
            {
                throw new ArgumentException("The engine does not support AES-128.", nameof(engine));
            }

            if (tagLength < 8 || tagLength > HmacSha256.HashSize)
            {
                throw new ArgumentOutOfRangeException(nameof(tagLength));
            }

            if (maxMessageLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxMessageLength));
            }

            _engine = engine;
            _ctr = new AesCtr(maxMessageLength);
            _tagLength = tagLength;
            _compressEphemeral = compressEphemeral;
        }

        /// <summary>MAC tag length in bytes.</summary>
        public int TagLength
        {
            get { return _tagLength; }
        }

        /// <summary>Bytes of the encoded ephemeral point R this instance writes (65 or 33).</summary>
        public int EphemeralLength
        {
            get { return _compressEphemeral ? P256PublicKey.CompressedLength : P256PublicKey.UncompressedLength; }
        }

        /// <summary>Total ciphertext length R || C || D for a message of <paramref name="messageLength"/> bytes.</summary>
        /// <param name="messageLength">Message length.</param>
        /// <returns>Ciphertext length.</returns>
        public int GetCiphertextLength(int messageLength)
        {
            return EphemeralLength + messageLength + _tagLength;
        }

        /// <summary>Encrypts with a fresh ephemeral key drawn from the DRBG (SEC 1 §5.1.3 step 1).</summary>
        /// <param name="drbg">The DRBG for the ephemeral key.</param>
        /// <param name="recipient">The recipient's validated public key.</param>
        /// <param name="message">Buffer holding the message.</param>
        /// <param name="messageOffset">Offset of the message.</param>
        /// <param name="messageLength">Message length.</param>
        /// <param name="sharedInfo1">SharedInfo1 for the KDF, or null.</param>
        /// <param name="sharedInfo1Offset">Offset of SharedInfo1.</param>
        /// <param name="sharedInfo1Length">Length of SharedInfo1.</param>
        /// <param name="sharedInfo2">SharedInfo2 for the MAC, or null.</param>
        /// <param name="sharedInfo2Offset">Offset of SharedInfo2.</param>
        /// <param name="sharedInfo2Length">Length of SharedInfo2.</param>
        /// <param name="output">Output buffer for R || C || D (see <see cref="GetCiphertextLength"/>).</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <returns>Bytes written.</returns>
        public int Encrypt(HmacDrbg drbg, P256PublicKey recipient, byte[] message, int messageOffset, int messageLength,
            byte[]? sharedInfo1, int sharedInfo1Offset, int sharedInfo1Length,
            byte[]? sharedInfo2, int sharedInfo2Offset, int sharedInfo2Length, byte[] output, int outputOffset)
        {
            _ephemeral.Generate(drbg);
            int n = Encrypt(_ephemeral, recipient, message, messageOffset, messageLength, sharedInfo1, sharedInfo1Offset, sharedInfo1Length,
                sharedInfo2, sharedInfo2Offset, sharedInfo2Length, output, outputOffset);
            _ephemeral.Clear();
            return n;
        }

        /// <summary>Encrypts with a caller-supplied ephemeral key (known-answer tests; never reuse an ephemeral key).</summary>
        /// <param name="ephemeral">The ephemeral key pair (k, R).</param>
        /// <param name="recipient">The recipient's validated public key.</param>
        /// <param name="message">Buffer holding the message.</param>
        /// <param name="messageOffset">Offset of the message.</param>
        /// <param name="messageLength">Message length.</param>
        /// <param name="sharedInfo1">SharedInfo1 for the KDF, or null.</param>
        /// <param name="sharedInfo1Offset">Offset of SharedInfo1.</param>
        /// <param name="sharedInfo1Length">Length of SharedInfo1.</param>
        /// <param name="sharedInfo2">SharedInfo2 for the MAC, or null.</param>
        /// <param name="sharedInfo2Offset">Offset of SharedInfo2.</param>
        /// <param name="sharedInfo2Length">Length of SharedInfo2.</param>
        /// <param name="output">Output buffer for R || C || D.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <returns>Bytes written.</returns>
        public int Encrypt(P256PrivateKey ephemeral, P256PublicKey recipient, byte[] message, int messageOffset, int messageLength,
            byte[]? sharedInfo1, int sharedInfo1Offset, int sharedInfo1Length,
            byte[]? sharedInfo2, int sharedInfo2Offset, int sharedInfo2Length, byte[] output, int outputOffset)
        {
            if (ephemeral == null)
            {
                throw new ArgumentNullException(nameof(ephemeral));
            }

            if (recipient == null)
            {
                throw new ArgumentNullException(nameof(recipient));
            }

            P256PublicKey.CheckRange(message, messageOffset, messageLength);
            P256PublicKey.CheckRange(output, outputOffset, GetCiphertextLength(messageLength));
            CheckOptional(sharedInfo1, sharedInfo1Offset, sharedInfo1Length);
            CheckOptional(sharedInfo2, sharedInfo2Offset, sharedInfo2Length);

            // Steps 2-4: R, Z = x(kQ). A validated recipient key and k in [1, n-1] never give infinity.
            int rLength = _compressEphemeral
                ? ephemeral.PublicKey.ExportCompressed(output, outputOffset)
                : ephemeral.PublicKey.ExportUncompressed(output, outputOffset);
            if (!EcdhP256.ComputeSharedSecret(ephemeral, recipient, _z, 0))
            {
                throw new InvalidOperationException("ECDH gave an invalid shared point.");
            }

            // Steps 5-8: keys (bound to R̄ as written), C = AES-128-CTR(EK, M) in place in the output, D = HMAC(MK, C || SharedInfo2).
            DeriveKeys(output, outputOffset, rLength, sharedInfo1, sharedInfo1Offset, sharedInfo1Length);
            int c = outputOffset + rLength;
            Array.Copy(message, messageOffset, output, c, messageLength);
            Crypt(output, c, messageLength);
            ComputeTag(output, c, messageLength, sharedInfo2, sharedInfo2Offset, sharedInfo2Length);
            Array.Copy(_tag, 0, output, c + messageLength, _tagLength);
            Wipe();
            return rLength + messageLength + _tagLength;
        }

        /// <summary>
        /// Decrypts R || C || D (SEC 1 §5.1.4). Returns false, writing nothing, when R is not a valid point (it is fully
        /// validated), the output cannot hold the implied message length, the shared point is invalid, or the tag does not match (compared in constant time before decryption).
        /// </summary>
        /// <param name="recipient">The recipient's private key.</param>
        /// <param name="ciphertext">Buffer holding R || C || D.</param>
        /// <param name="ciphertextOffset">Offset of the ciphertext.</param>
        /// <param name="ciphertextLength">Ciphertext length.</param>
        /// <param name="sharedInfo1">SharedInfo1 for the KDF, or null.</param>
        /// <param name="sharedInfo1Offset">Offset of SharedInfo1.</param>
        /// <param name="sharedInfo1Length">Length of SharedInfo1.</param>
        /// <param name="sharedInfo2">SharedInfo2 for the MAC, or null.</param>
        /// <param name="sharedInfo2Offset">Offset of SharedInfo2.</param>
        /// <param name="sharedInfo2Length">Length of SharedInfo2.</param>
        /// <param name="output">Output buffer for the message (room for ciphertext length minus R and tag).</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="written">Message length on success, else 0.</param>
        /// <returns>True when the ciphertext was authentic and has been decrypted.</returns>
        public bool TryDecrypt(P256PrivateKey recipient, byte[] ciphertext, int ciphertextOffset, int ciphertextLength,
            byte[]? sharedInfo1, int sharedInfo1Offset, int sharedInfo1Length,
            byte[]? sharedInfo2, int sharedInfo2Offset, int sharedInfo2Length, byte[] output, int outputOffset, out int written)
        {
            if (recipient == null)
            {
                throw new ArgumentNullException(nameof(recipient));
            }

            P256PublicKey.CheckRange(ciphertext, ciphertextOffset, ciphertextLength);
            CheckOptional(sharedInfo1, sharedInfo1Offset, sharedInfo1Length);
            CheckOptional(sharedInfo2, sharedInfo2Offset, sharedInfo2Length);
            written = 0;
            if (ciphertextLength < 1)
            {
                return false;
            }

            // Step 1: R's length follows from its first octet (SEC 1 §2.3.4); anything else is refused by the point decoder.
            byte form = ciphertext[ciphertextOffset];
            int rLength;
            if (form == 0x04)
            {
                rLength = P256PublicKey.UncompressedLength;
            }
            else if (form == 0x02 || form == 0x03)
            {
                rLength = P256PublicKey.CompressedLength;
            }
            else
            {
                return false;
            }

            int messageLength = ciphertextLength - rLength - _tagLength;
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            // A corrupted first octet changes the implied message length: a length the output cannot hold is a bad
            // ciphertext, reported as a value like any other.
            if (messageLength < 0 || outputOffset < 0 || outputOffset > output.Length - messageLength)
            {
                return false;
            }

            // Steps 2-3: validate R, Z = x(d R).
            if (!EcdhP256.ComputeSharedSecret(recipient, ciphertext, ciphertextOffset, rLength, _z, 0))
            {
                return false;
            }

            // Steps 4-6: keys (bound to R̄ as received), then the tag over C || SharedInfo2, checked before anything is decrypted.
            DeriveKeys(ciphertext, ciphertextOffset, rLength, sharedInfo1, sharedInfo1Offset, sharedInfo1Length);
            int c = ciphertextOffset + rLength;
            ComputeTag(ciphertext, c, messageLength, sharedInfo2, sharedInfo2Offset, sharedInfo2Length);
            if (!ConstantTime.AreEqual(_tag, 0, ciphertext, c + messageLength, _tagLength))
            {
                Wipe();
                return false;
            }

            Array.Copy(ciphertext, c, output, outputOffset, messageLength);
            Crypt(output, outputOffset, messageLength);
            Wipe();
            written = messageLength;
            return true;
        }

        private static void CheckOptional(byte[]? buffer, int offset, int length)
        {
            if (buffer != null)
            {
                P256PublicKey.CheckRange(buffer, offset, length);
            }
        }

        // This profile's SharedInfo for the KDF: R̄ || SharedInfo1 (see the remarks on the class).
        private void DeriveKeys(byte[] r, int rOffset, int rLength, byte[]? sharedInfo1, int offset, int length)
        {
            _kdf.Derive(_z, 0, _z.Length, r, rOffset, rLength, sharedInfo1, offset, length, _keys, 0, _keys.Length);
        }

        private void Crypt(byte[] data, int offset, int length)
        {
            if (length == 0)
            {
                return;
            }

            Array.Clear(_counterBlock, 0, 16);
            _engine.SetKey(_keys, 0, EncryptionKeyLength);
            _ctr.XorKeystream(_engine, _counterBlock, 0, data, offset, length);
            _engine.ClearKey();
        }

        private void ComputeTag(byte[] c, int offset, int length, byte[]? sharedInfo2, int sharedInfo2Offset, int sharedInfo2Length)
        {
            _hmac.SetKey(_keys, EncryptionKeyLength, MacKeyLength);
            _hmac.Update(c, offset, length);
            if (sharedInfo2 != null && sharedInfo2Length > 0)
            {
                _hmac.Update(sharedInfo2, sharedInfo2Offset, sharedInfo2Length);
            }

            _hmac.Final(_tag, 0, HmacSha256.HashSize);
        }

        private void Wipe()
        {
            Array.Clear(_z, 0, _z.Length);
            Array.Clear(_keys, 0, _keys.Length);
            Array.Clear(_tag, 0, _tag.Length);
            _hmac.Clear();
        }
    }
}
