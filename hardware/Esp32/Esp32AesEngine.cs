using System;
using System.Security.Cryptography;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// AES-128-ECB on the ESP32 through nanoFramework's <see cref="Aes"/> (mbedTLS, hardware AES): one native call per
    /// <see cref="EncryptBlocks"/>, so an SRTP packet's whole keystream costs one call.
    /// </summary>
    /// <remarks>
    /// What the platform allocates per call (nanoFramework.System.Security.Cryptography 1.0.x, <c>Aes.Encrypt</c>/<c>Decrypt</c>):
    /// on the managed heap, the returned array (<c>length</c> bytes plus an array header); on the native heap, briefly, a
    /// work buffer of <c>length</c> + 16 bytes and the mbedTLS cipher context, with the key schedule recomputed each
    /// call. So each packet leaves one array of garbage (about 176 bytes for a 172-byte SRTP packet) until the next
    /// collection. This engine copies the result out and wipes it (Key Wrap unwrap results are key material), reuses one
    /// input array per block count (first use of each length allocates it once), and rewrites one key array in place.
    /// The native code takes keys of 16 bytes only (AES-128); the key stays referenced by the <see cref="Aes"/> object,
    /// wiped by <see cref="ClearKey"/>.
    /// </remarks>
    public sealed class Esp32AesEngine : IAesEngine
    {
        private const int KeyLength = 16;
        private const int MaxStagedBlocks = 96; // 1536 bytes: the keystream of any packet that fits an Ethernet frame

        private readonly Aes _aes = new Aes(CipherMode.ECB);
        private readonly byte[] _key = new byte[KeyLength];
        private readonly byte[]?[] _staging = new byte[MaxStagedBlocks + 1][];
        private bool _keyed;

        /// <summary>Creates an engine without a key.</summary>
        public Esp32AesEngine()
        {
            // Aes.Key keeps the reference: SetKey rewrites this array, so no key copy is ever left behind.
            _aes.Key = _key;
        }

        /// <inheritdoc />
        public bool SupportsKeyLength(int keyLength)
        {
            return keyLength == KeyLength;
        }

        /// <inheritdoc />
        public void SetKey(byte[] key, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException();
            if (length != KeyLength) throw new ArgumentException();
            if (offset < 0 || offset > key.Length - length) throw new ArgumentOutOfRangeException();
            Array.Copy(key, offset, _key, 0, KeyLength);
            _keyed = true;
        }

        /// <inheritdoc />
        public void EncryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            Check(input, inputOffset, output, outputOffset, length);
            if (length == 0) return;
            byte[] result = _aes.Encrypt(Stage(input, inputOffset, length));
            Deliver(result, output, outputOffset, length);
        }

        /// <inheritdoc />
        public void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            Check(input, inputOffset, output, outputOffset, length);
            if (length == 0) return;
            byte[] result = _aes.Decrypt(Stage(input, inputOffset, length));
            Deliver(result, output, outputOffset, length);
        }

        /// <inheritdoc />
        public void ClearKey()
        {
            Array.Clear(_key, 0, KeyLength);
            _keyed = false;
        }

        // Aes.Encrypt takes a whole array: pass the caller's when it is exactly the range, else a reused array of that size.
        private byte[] Stage(byte[] input, int offset, int length)
        {
            if (offset == 0 && input.Length == length) return input;
            int blocks = length >> 4;
            byte[]? staged = null;
            if (blocks <= MaxStagedBlocks)
            {
                staged = _staging[blocks];
                if (staged == null)
                {
                    staged = new byte[length];
                    _staging[blocks] = staged;
                }
            }
            else
            {
                staged = new byte[length];
            }

            Array.Copy(input, offset, staged, 0, length);
            return staged;
        }

        private static void Deliver(byte[] result, byte[] output, int outputOffset, int length)
        {
            Array.Copy(result, 0, output, outputOffset, length);
            Array.Clear(result, 0, result.Length);
        }

        private void Check(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            if (input == null || output == null) throw new ArgumentNullException();
            if (!_keyed) throw new InvalidOperationException();
            if (length < 0 || (length & 15) != 0) throw new ArgumentException();
            if (inputOffset < 0 || inputOffset > input.Length - length) throw new ArgumentOutOfRangeException();
            if (outputOffset < 0 || outputOffset > output.Length - length) throw new ArgumentOutOfRangeException();
        }
    }
}
