using NanoMikey.Crypto.Hal;

namespace NanoMikey.Hardware.Esp32
{
    /// <summary>Creates <see cref="Esp32AesEngine"/>s: AES-128 only (the platform's limit); other lengths get null (use the software AES).</summary>
    public sealed class Esp32AesEngineFactory : IAesEngineFactory
    {
        /// <inheritdoc />
        public IAesEngine? Create(int keyLength)
        {
            return keyLength == 16 ? new Esp32AesEngine() : null;
        }
    }
}
