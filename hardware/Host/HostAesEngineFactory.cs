using NanoMikey.Crypto.Hal;

namespace NanoMikey.Hardware.Host
{
    /// <summary>Creates <see cref="HostAesEngine"/>s; optionally limited to AES-128 like the ESP32 engine.</summary>
    public sealed class HostAesEngineFactory : IAesEngineFactory
    {
        private readonly bool _esp32Like;

        /// <summary>Creates the factory.</summary>
        /// <param name="esp32Like">When true, engines accept 16-byte keys only, as the ESP32 binding does.</param>
        public HostAesEngineFactory(bool esp32Like = false)
        {
            _esp32Like = esp32Like;
        }

        /// <inheritdoc />
        public IAesEngine? Create(int keyLength)
        {
            var engine = new HostAesEngine(_esp32Like ? 16 : 0);
            if (engine.SupportsKeyLength(keyLength)) return engine;
            engine.Dispose();
            return null;
        }
    }
}
