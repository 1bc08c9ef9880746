using System;

namespace NanoMikey.Crypto.Hal
{
    /// <summary>
    /// Adapts a platform AES-ECB whose calls take and return whole arrays (nanoFramework's <c>Aes.Encrypt(byte[])</c>:
    /// the input array is the data, a new array comes back) to <see cref="IAesEngine"/>'s ranges, with one platform call
    /// per request. The device binding supplies the two calls and hands <see cref="KeyBytes"/> to the platform once.
    /// </summary>
    /// <remarks>
    /// A range that is not a whole array is copied into an array of exactly that size, kept per block count (up to
    /// 96 blocks, 1536 bytes) so each size is allocated once; the platform's result is copied out and wiped, since Key
    /// Wrap unwrap results are key material. The key lives in one array, rewritten in place by <see cref="SetKey"/> and
    /// zeroed by <see cref="ClearKey"/>, so no copy of an old key stays behind in managed memory.
    /// </remarks>
    public abstract class WholeArrayAesEngine : IAesEngine
    {
        private const int MaxStagedBlocks = 96;

        private readonly byte[] _key;
        private readonly byte[]?[] _staging = new byte[MaxStagedBlocks + 1][];
        private bool _keyed;

        /// <summary>Creates an engine for one key length.</summary>
        /// <param name="keyLength">The only key length the platform accepts (16, 24 or 32).</param>
        protected WholeArrayAesEngine(int keyLength)
        {
            if (keyLength != 16 && keyLength != 24 && keyLength != 32) throw new ArgumentOutOfRangeException();
            _key = new byte[keyLength];
        }

        /// <summary>The key array the platform reads: give it to the platform once; its contents change with <see cref="SetKey"/>.</summary>
        protected byte[] KeyBytes
        {
            get { return _key; }
        }

        /// <inheritdoc />
        public bool SupportsKeyLength(int keyLength)
        {
            return keyLength == _key.Length;
        }

        /// <inheritdoc />
        public void SetKey(byte[] key, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException();
            if (length != _key.Length) throw new ArgumentException();
            if (offset < 0 || offset > key.Length - length) throw new ArgumentOutOfRangeException();
            Array.Copy(key, offset, _key, 0, length);
            _keyed = true;
        }

        /// <inheritdoc />
        public void EncryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            Check(input, inputOffset, output, outputOffset, length);
            if (length == 0) return;
            Deliver(EncryptWhole(Stage(input, inputOffset, length)), output, outputOffset, length);
        }

        /// <inheritdoc />
        public void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length)
        {
            Check(input, inputOffset, output, outputOffset, length);
            if (length == 0) return;
            Deliver(DecryptWhole(Stage(input, inputOffset, length)), output, outputOffset, length);
        }

        /// <inheritdoc />
        public void ClearKey()
        {
            Array.Clear(_key, 0, _key.Length);
            _keyed = false;
        }

        /// <summary>The platform's AES-ECB encryption of a whole array (a multiple of 16 bytes) under <see cref="KeyBytes"/>.</summary>
        /// <param name="data">The blocks; not modified.</param>
        /// <returns>The encrypted blocks, at least as long as <paramref name="data"/>.</returns>
        protected abstract byte[] EncryptWhole(byte[] data);

        /// <summary>The platform's AES-ECB decryption of a whole array under <see cref="KeyBytes"/>.</summary>
        /// <param name="data">The blocks; not modified.</param>
        /// <returns>The decrypted blocks, at least as long as <paramref name="data"/>.</returns>
        protected abstract byte[] DecryptWhole(byte[] data);

        private byte[] Stage(byte[] input, int offset, int length)
        {
            if (offset == 0 && input.Length == length) return input;
            int blocks = length >> 4;
            byte[]? staged;
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
            if (result == null || result.Length < length) throw new InvalidOperationException();
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
