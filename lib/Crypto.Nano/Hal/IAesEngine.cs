namespace NanoMikey.Crypto.Hal
{
    /// <summary>
    /// An AES-ECB block engine: encrypts a whole buffer of 16-byte blocks in one call under a key it holds.
    /// The shape of nanoFramework's <c>Aes.Encrypt(byte[])</c> on ESP32, so one SRTP packet costs one call.
    /// </summary>
    /// <remarks>
    /// Only encryption is needed: CTR, GCM, Key Wrap unwrap aside (see <see cref="DecryptBlocks"/>), all
    /// modes of MIKEY and SRTP use the forward cipher. Engines are not thread-safe; one per key and user.
    /// </remarks>
    public interface IAesEngine
    {
        /// <summary>True when this engine accepts keys of <paramref name="keyLength"/> bytes (16, 24 or 32).</summary>
        /// <param name="keyLength">Key length in bytes.</param>
        /// <returns>Whether <see cref="SetKey"/> accepts that length.</returns>
        bool SupportsKeyLength(int keyLength);

        /// <summary>Loads (and schedules) a key; the engine keeps its own copy.</summary>
        /// <param name="key">Buffer holding the key.</param>
        /// <param name="offset">Offset of the key in <paramref name="key"/>.</param>
        /// <param name="length">Key length in bytes.</param>
        /// <exception cref="System.ArgumentException">The length is not supported by this engine.</exception>
        void SetKey(byte[] key, int offset, int length);

        /// <summary>AES-ECB encrypts <paramref name="length"/> bytes (a multiple of 16). Input and output may be the same range.</summary>
        /// <param name="input">Source buffer.</param>
        /// <param name="inputOffset">Offset in <paramref name="input"/>.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="length">Byte count, a multiple of 16.</param>
        /// <exception cref="System.InvalidOperationException">No key is loaded.</exception>
        void EncryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length);

        /// <summary>AES-ECB decrypts <paramref name="length"/> bytes (a multiple of 16); used by Key Wrap unwrap only.</summary>
        /// <param name="input">Source buffer.</param>
        /// <param name="inputOffset">Offset in <paramref name="input"/>.</param>
        /// <param name="output">Destination buffer.</param>
        /// <param name="outputOffset">Offset in <paramref name="output"/>.</param>
        /// <param name="length">Byte count, a multiple of 16.</param>
        /// <exception cref="System.InvalidOperationException">No key is loaded.</exception>
        void DecryptBlocks(byte[] input, int inputOffset, byte[] output, int outputOffset, int length);

        /// <summary>Wipes the key schedule; the engine needs <see cref="SetKey"/> before its next use.</summary>
        void ClearKey();
    }
}
