using System.Security.Cryptography;
using NanoMikey.Crypto.Hal;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>
    /// AES-128-ECB on the ESP32 through nanoFramework's <see cref="Aes"/> (mbedTLS with the ESP32's AES accelerator):
    /// one native call per <see cref="WholeArrayAesEngine.EncryptBlocks"/>, so an SRTP packet's whole keystream costs one
    /// call. Ranges, staging, key handling and wiping are the portable <see cref="WholeArrayAesEngine"/>.
    /// </summary>
    /// <remarks>
    /// What the platform allocates per call (nanoFramework.System.Security.Cryptography 1.0.x, <c>Aes.Encrypt</c>/<c>Decrypt</c>):
    /// on the managed heap, the returned array (<c>length</c> bytes plus an array header: about 176 bytes for a 172-byte
    /// SRTP packet's keystream); on the native heap, for the duration of the call, a work buffer of <c>length</c> + 16
    /// bytes and the mbedTLS cipher context, with the key schedule recomputed on every call. The returned array is garbage
    /// after the copy (wiped first) until the next collection. The native code takes 16-byte keys only
    /// (<c>MBEDTLS_CIPHER_AES_128_ECB</c>): AES-192/256 stay with the software AES.
    /// </remarks>
    public sealed class Esp32AesEngine : WholeArrayAesEngine
    {
        private readonly Aes _aes = new Aes(CipherMode.ECB);

        /// <summary>Creates an engine without a key.</summary>
        public Esp32AesEngine() : base(16)
        {
            // Aes.Key keeps the reference: SetKey rewrites this one array, ClearKey zeroes it.
            _aes.Key = KeyBytes;
        }

        /// <inheritdoc />
        protected override byte[] EncryptWhole(byte[] data)
        {
            return _aes.Encrypt(data);
        }

        /// <inheritdoc />
        protected override byte[] DecryptWhole(byte[] data)
        {
            return _aes.Decrypt(data);
        }
    }
}
