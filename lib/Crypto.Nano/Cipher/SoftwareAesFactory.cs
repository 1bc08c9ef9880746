using NanoMikey.Crypto.Hal;

namespace NanoMikey.Crypto.Cipher
{
    /// <summary>Creates <see cref="SoftwareAes"/> engines: every key size, for devices without a usable AES engine.</summary>
    public sealed class SoftwareAesFactory : IAesEngineFactory
    {
        /// <inheritdoc />
        public IAesEngine? Create(int keyLength)
        {
            if (keyLength != 16 && keyLength != 24 && keyLength != 32) return null;
            return new SoftwareAes();
        }
    }
}
