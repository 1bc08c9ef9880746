using NanoMikey.Crypto.Hal;
using NanoMikey.Srtp.Transforms;

namespace NanoMikey.Esp32.Native.Srtp
{
    /// <summary>
    /// AES engines and whole-packet SRTP engines of the native crypto pack (<see cref="NativePacketEngine"/>). Passed as the
    /// AES factory of an SRTP context (or of <c>DevicePlatform</c>), it makes every SRTP/SRTCP packet one native call.
    /// Obtain it from <see cref="Selection.NativeCryptoSelection.Select"/>, which checks the image carries the matching pack.
    /// </summary>
    public sealed class NativeAesEngineFactory : IAesEngineFactory, ISrtpPacketEngineFactory
    {
        /// <summary>Creates an engine on a free slot, or null when the key length is not AES or every slot is in use.</summary>
        /// <param name="keyLength">Key length in bytes (16, 24 or 32).</param>
        /// <returns>A fresh engine without a key, or null (the caller then uses the software AES).</returns>
        public IAesEngine? Create(int keyLength)
        {
            if (keyLength != 16 && keyLength != 24 && keyLength != 32) return null;
            return NativePacketEngine.TryCreate();
        }

        /// <inheritdoc />
        public ISrtpPacketEngine? CreatePacketEngine(int encryptionKeyLength, int authenticationKeyLength, bool aead)
        {
            bool aes = encryptionKeyLength == 16 || encryptionKeyLength == 24 || encryptionKeyLength == 32;
            if (!aes && (encryptionKeyLength != 0 || aead)) return null;
            if (authenticationKeyLength < 0) return null;
            return NativePacketEngine.TryCreate();
        }
    }
}
