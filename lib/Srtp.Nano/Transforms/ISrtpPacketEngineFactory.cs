namespace NanoMikey.Srtp.Transforms
{
    /// <summary>
    /// Creates <see cref="ISrtpPacketEngine"/>s. An <see cref="NanoMikey.Crypto.Hal.IAesEngineFactory"/> that also implements
    /// this interface makes <see cref="NanoMikey.Srtp.Context.SrtpCryptoContext"/> hand each packet's whole transform to one
    /// engine call; any other factory keeps the managed transforms (the default).
    /// </summary>
    public interface ISrtpPacketEngineFactory
    {
        /// <summary>
        /// Creates an engine for one protocol's session keys, or returns null (no engine for this combination, or none free):
        /// the context then uses its managed transforms for these keys.
        /// </summary>
        /// <param name="encryptionKeyLength">AES key length in bytes (16, 24 or 32), or 0 for the NULL cipher.</param>
        /// <param name="authenticationKeyLength">HMAC-SHA-1 key length in bytes, or 0 without HMAC authentication.</param>
        /// <param name="aead">True for AES-GCM (RFC 7714): no HMAC key, the AES key serves GCM.</param>
        /// <returns>A fresh engine without keys, or null.</returns>
        ISrtpPacketEngine? CreatePacketEngine(int encryptionKeyLength, int authenticationKeyLength, bool aead);
    }
}
