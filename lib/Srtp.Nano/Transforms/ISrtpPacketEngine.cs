using NanoMikey.Crypto.Hal;

namespace NanoMikey.Srtp.Transforms
{
    /// <summary>
    /// An engine that applies the whole cryptographic transform of one SRTP or SRTCP packet in a single call: AES-CM keystream
    /// and HMAC-SHA-1 tag (RFC 3711 §3.3, §3.4, §4.1.1, §4.2) or AES-GCM (RFC 7714 §8, §9). The context still does everything
    /// else (index, ROC, replay, key selection, IVs, MKI); the engine only transforms bytes it is pointed at, in place.
    /// </summary>
    /// <remarks>
    /// It is also the session's <see cref="IAesEngine"/>: <see cref="IAesEngine.SetKey"/> loads the session encryption key
    /// (or, for the key derivation, the master key) and <see cref="IAesEngine.ClearKey"/> wipes every key it holds.
    /// A native crypto pack implements it so a packet costs one native call instead of thousands of interpreted instructions.
    /// </remarks>
    public interface ISrtpPacketEngine : IAesEngine
    {
        /// <summary>Loads the HMAC-SHA-1 session authentication key (RFC 3711 §4.2); the AES key is left as it is.</summary>
        /// <param name="key">Buffer holding the key.</param>
        /// <param name="offset">Offset of the key.</param>
        /// <param name="length">Key length in bytes.</param>
        void SetAuthenticationKey(byte[] key, int offset, int length);

        /// <summary>
        /// Encrypts <paramref name="packet"/>[<paramref name="encryptOffset"/>..+<paramref name="encryptLength"/>] with the AES-CM
        /// keystream of <paramref name="iv"/> (length 0: NULL cipher), then writes HMAC-SHA-1(packet[<paramref name="authOffset"/>..
        /// +<paramref name="authLength"/>] ‖ ROC when <paramref name="appendRoc"/>) truncated to <paramref name="tagLength"/> bytes
        /// at <paramref name="tagOffset"/> (length 0: no tag).
        /// </summary>
        /// <param name="iv">16-byte initial counter block (RFC 3711 §4.1.1).</param>
        /// <param name="ivOffset">Offset of the IV.</param>
        /// <param name="packet">The packet, transformed in place.</param>
        /// <param name="encryptOffset">Offset of the bytes to encrypt.</param>
        /// <param name="encryptLength">Number of bytes to encrypt.</param>
        /// <param name="authOffset">Offset of the authenticated portion.</param>
        /// <param name="authLength">Length of the authenticated portion.</param>
        /// <param name="appendRoc">Whether the 4-byte big-endian ROC follows the authenticated portion in the MAC (SRTP, not SRTCP).</param>
        /// <param name="roc">The rollover counter.</param>
        /// <param name="tagOffset">Where the tag goes.</param>
        /// <param name="tagLength">Tag length in bytes (at most 20).</param>
        void Protect(byte[] iv, int ivOffset, byte[] packet, int encryptOffset, int encryptLength, int authOffset, int authLength,
            bool appendRoc, uint roc, int tagOffset, int tagLength);

        /// <summary>
        /// Verifies the tag at <paramref name="tagOffset"/> in constant time first and, only when it matches, decrypts in place;
        /// the arguments mean what they mean for <see cref="Protect"/>.
        /// </summary>
        /// <param name="iv">16-byte initial counter block.</param>
        /// <param name="ivOffset">Offset of the IV.</param>
        /// <param name="packet">The packet, transformed in place on success, untouched otherwise.</param>
        /// <param name="encryptOffset">Offset of the encrypted bytes.</param>
        /// <param name="encryptLength">Number of encrypted bytes.</param>
        /// <param name="authOffset">Offset of the authenticated portion.</param>
        /// <param name="authLength">Length of the authenticated portion.</param>
        /// <param name="appendRoc">Whether the ROC follows the authenticated portion in the MAC.</param>
        /// <param name="roc">The rollover counter.</param>
        /// <param name="tagOffset">Where the received tag is.</param>
        /// <param name="tagLength">Tag length in bytes.</param>
        /// <returns>False when the tag does not match (the packet is unchanged).</returns>
        bool Unprotect(byte[] iv, int ivOffset, byte[] packet, int encryptOffset, int encryptLength, int authOffset, int authLength,
            bool appendRoc, uint roc, int tagOffset, int tagLength);

        /// <summary>AES-GCM seal in place (RFC 7714 §8.2, §9.2): encrypts the data and writes the tag.</summary>
        /// <param name="iv">The nonce.</param>
        /// <param name="ivOffset">Offset of the nonce.</param>
        /// <param name="ivLength">Nonce length (12 for SRTP).</param>
        /// <param name="aad">Additional authenticated data.</param>
        /// <param name="aadOffset">Offset of the AAD.</param>
        /// <param name="aadLength">Length of the AAD.</param>
        /// <param name="data">The plaintext, encrypted in place.</param>
        /// <param name="offset">Offset of the data.</param>
        /// <param name="length">Length of the data (0: authentication only).</param>
        /// <param name="tag">Destination of the tag.</param>
        /// <param name="tagOffset">Offset of the tag.</param>
        /// <param name="tagLength">Tag length in bytes (16).</param>
        void Seal(byte[] iv, int ivOffset, int ivLength, byte[] aad, int aadOffset, int aadLength, byte[] data, int offset, int length,
            byte[] tag, int tagOffset, int tagLength);

        /// <summary>AES-GCM open in place: verifies the tag in constant time and decrypts only when it matches.</summary>
        /// <param name="iv">The nonce.</param>
        /// <param name="ivOffset">Offset of the nonce.</param>
        /// <param name="ivLength">Nonce length.</param>
        /// <param name="aad">Additional authenticated data.</param>
        /// <param name="aadOffset">Offset of the AAD.</param>
        /// <param name="aadLength">Length of the AAD.</param>
        /// <param name="data">The ciphertext, decrypted in place on success.</param>
        /// <param name="offset">Offset of the data.</param>
        /// <param name="length">Length of the data.</param>
        /// <param name="tag">Buffer holding the received tag.</param>
        /// <param name="tagOffset">Offset of the tag.</param>
        /// <param name="tagLength">Tag length in bytes.</param>
        /// <returns>False when the tag does not match (the data is unchanged).</returns>
        bool Open(byte[] iv, int ivOffset, int ivLength, byte[] aad, int aadOffset, int aadLength, byte[] data, int offset, int length,
            byte[] tag, int tagOffset, int tagLength);
    }
}
