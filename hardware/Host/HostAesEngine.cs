using System;
using System.Security.Cryptography;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Hardware.Host
{
    /// <summary>The emulated twin of the ESP32 AES engine: AES-ECB over .NET's <see cref="Aes"/> (AES-NI on the host).</summary>
    public sealed class HostAesEngine : IAesEngine, IDisposable
    {
        private readonly Aes _aes = Aes.Create();
        private readonly int _onlyKeyLength;
        private ICryptoTransform? _encryptor;
        private ICryptoTransform? _decryptor;
        private bool _keyed;

        /// <summary>Creates an engine for every AES key size.</summary>
        public HostAesEngine() : this(0) { }

        /// <summary>Creates an engine limited to one key length, e.g. 16 to behave like the ESP32 binding.</summary>
        /// <param name="onlyKeyLength">The only key length accepted, or 0 for 16, 24 and 32.</param>
        public HostAesEngine(int onlyKeyLength)
        {
            _onlyKeyLength = onlyKeyLength;
            _aes.Mode = CipherMode.ECB;
            _aes.Padding = PaddingMode.None;
        }

        /// <inheritdoc />
        public bool SupportsKeyLength(int keyLength)
        {
            if (_onlyKeyLength != 0) return keyLength == _onlyKeyLength;
            return keyLength == 16 || keyLength == 24 || keyLength == 32;
        }

        /// <inheritdoc />
        public void SetKey(byte[] key, int offset, int length)
        {
            ArgumentNullException.ThrowIfNull(key);
            if (!SupportsKeyLength(length)) throw new ArgumentException("Unsupported AES key length.", nameof(length));
            if (offset < 0 || offset > key.Length - length) throw new ArgumentOutOfRangeException(nameof(offset));
            byte[] copy = key.AsSpan(offset, length).ToArray();
            // Cached ECB transforms: the one-shot EncryptEcb builds a native cipher context (and a managed handle) per call.
            DisposeTransforms();
            _keyed = false;
            // The key goes straight into the native cipher contexts (cleansed when disposed) and never into Aes.Key, where it
            // would stay in a key box after ClearKey (on older runtimes, in a managed array nobody wipes).
            _encryptor = _aes.CreateEncryptor(copy, null);
            _decryptor = _aes.CreateDecryptor(copy, null);
            CryptographicOperations.ZeroMemory(copy);
            _keyed = true;
        }

        /// <inheritdoc />
        public void EncryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            Check(input, inputOffset, output, outputOffset, length);
            if (length != 0) _encryptor!.TransformBlock(input, inputOffset, length, output, outputOffset);
        }

        /// <inheritdoc />
        public void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            Check(input, inputOffset, output, outputOffset, length);
            if (length != 0) _decryptor!.TransformBlock(input, inputOffset, length, output, outputOffset);
        }

        /// <inheritdoc />
        public void ClearKey()
        {
            DisposeTransforms();
            _keyed = false;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            ClearKey();
            _aes.Dispose();
        }

        private void DisposeTransforms()
        {
            _encryptor?.Dispose();
            _decryptor?.Dispose();
            _encryptor = null;
            _decryptor = null;
        }

        private void Check(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            ArgumentNullException.ThrowIfNull(input);
            ArgumentNullException.ThrowIfNull(output);
            if (!_keyed) throw new InvalidOperationException("No key loaded.");
            if (length < 0 || (length & 15) != 0) throw new ArgumentException("Length must be a multiple of 16.", nameof(length));
            if (inputOffset < 0 || inputOffset > input.Length - length) throw new ArgumentOutOfRangeException(nameof(inputOffset));
            if (outputOffset < 0 || outputOffset > output.Length - length) throw new ArgumentOutOfRangeException(nameof(outputOffset));
        }
    }
}
