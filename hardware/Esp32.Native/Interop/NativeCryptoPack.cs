using System.Runtime.CompilerServices;

namespace NanoMikey.Esp32.NativeCrypto
{
    /// <summary>
    /// The native crypto pack: AES, AES-CM/HMAC-SHA-1 SRTP packets, AES-GCM, HMAC, the MIKEY PRF and P-256, in C over
    /// mbedTLS compiled into a custom firmware image (hardware/Esp32.Native/native). Externs only: every method works on
    /// caller arrays (array, offset, length) and allocates nothing on the managed heap.
    /// Caller bugs throw: a null array NullReferenceException, a range outside its array IndexOutOfRangeException, a bad
    /// length, key size or handle ArgumentException, a cipher call before its key InvalidOperationException. Protocol
    /// failures (a wrong tag, an invalid peer point) are return values that leave every output unchanged.
    /// Handles come from <see cref="Open"/>: a context slot in static storage that caches the AES key schedule (and the GCM
    /// tables) and the HMAC-SHA-1 inner/outer states; a handle is valid until <see cref="Close"/>, stale handles are
    /// rejected. A handle must not be used by two threads at once.
    /// On an image without this pack (or with another generation of it) every method throws NotSupportedException.
    /// Any change here changes the native checksum: bump NativeCryptoGeneration (Interop.csproj) and the glue.
    /// </summary>
    public static class NativeCryptoPack
    {
        /// <summary>Opens a context slot (the pack has 16).</summary>
        /// <returns>A handle (&gt;= 0), or -1 when every slot is in use.</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Open();

        /// <summary>Wipes the slot's keys and state and frees it; the handle becomes invalid.</summary>
        /// <param name="h">A handle from <see cref="Open"/>.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Close(int h);

        /// <summary>Sets the slot's AES key (16, 24 or 32 bytes) for ECB, CTR, the SRTP AES-CM calls and GCM; caches the
        /// encryption and decryption schedules and the GCM tables. Replaces (and wipes) a previous key.</summary>
        /// <param name="h">Slot handle.</param>
        /// <param name="key">Key buffer.</param>
        /// <param name="off">Offset of the key.</param>
        /// <param name="len">Key length: 16, 24 or 32.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SetAesKey(int h, byte[] key, int off, int len);

        /// <summary>Sets the slot's HMAC-SHA-1 key (any length; the SRTP auth key is 20 bytes) and caches the inner and
        /// outer hash states after ipad/opad (RFC 2104), so a tag costs two SHA-1 runs over the data plus two blocks.</summary>
        /// <param name="h">Slot handle.</param>
        /// <param name="key">Key buffer.</param>
        /// <param name="off">Offset of the key.</param>
        /// <param name="len">Key length in bytes (&gt;= 0).</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SetHmacSha1Key(int h, byte[] key, int off, int len);

        /// <summary>AES-ECB encryption of whole blocks with the slot's key; <paramref name="src"/> and <paramref name="dst"/>
        /// ranges may be the same (in place).</summary>
        /// <param name="h">Slot handle.</param>
        /// <param name="src">Input buffer.</param>
        /// <param name="srcOff">Input offset.</param>
        /// <param name="dst">Output buffer.</param>
        /// <param name="dstOff">Output offset.</param>
        /// <param name="len">Length, a multiple of 16.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void AesEncryptBlocks(int h, byte[] src, int srcOff, byte[] dst, int dstOff, int len);

        /// <summary>AES-ECB decryption of whole blocks with the slot's key (in place allowed).</summary>
        /// <param name="h">Slot handle.</param>
        /// <param name="src">Input buffer.</param>
        /// <param name="srcOff">Input offset.</param>
        /// <param name="dst">Output buffer.</param>
        /// <param name="dstOff">Output offset.</param>
        /// <param name="len">Length, a multiple of 16.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void AesDecryptBlocks(int h, byte[] src, int srcOff, byte[] dst, int dstOff, int len);

        /// <summary>XORs the AES counter-mode keystream over buf[off, off+len) in place: blocks E(IV), E(IV+1), ... with a
        /// 128-bit big-endian counter (SP 800-38A §6.5; SRTP AES-CM, RFC 3711 §4.1.1, IV = (salt·2^16) XOR (SSRC·2^64) XOR
        /// (index·2^16)). The IV is not modified; a partial last block uses the leading keystream bytes.</summary>
        /// <param name="h">Slot handle.</param>
        /// <param name="iv16">Initial counter block buffer.</param>
        /// <param name="ivOff">Offset of its 16 bytes.</param>
        /// <param name="buf">Data, encrypted or decrypted in place.</param>
        /// <param name="off">Offset of the data.</param>
        /// <param name="len">Length of the data (any, &gt;= 0).</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void AesCtrXor(int h, byte[] iv16, int ivOff, byte[] buf, int off, int len);

        /// <summary>
        /// Protects one SRTP or SRTCP packet in place (RFC 3711 §3.3, §3.4, §4.1.1, §4.2): XORs the AES-CM keystream (slot
        /// AES key, counter block <paramref name="iv16"/>) over buf[encOff, encOff+encLen), then writes the HMAC-SHA-1 tag
        /// (slot HMAC key) over buf[authOff, authOff+authLen) followed, when <paramref name="appendRoc"/>, by the ROC as 4
        /// big-endian bytes, truncated to <paramref name="tagLen"/> bytes at buf[tagOff]. encLen 0 = NULL cipher (no AES key
        /// needed); tagLen 0 = no authentication (no HMAC key needed). The tag range must not overlap the auth range.
        /// </summary>
        /// <param name="h">Slot handle.</param>
        /// <param name="iv16">Counter block buffer.</param>
        /// <param name="ivOff">Offset of its 16 bytes.</param>
        /// <param name="buf">The packet.</param>
        /// <param name="encOff">Start of the encrypted portion.</param>
        /// <param name="encLen">Length of the encrypted portion (0: NULL cipher).</param>
        /// <param name="authOff">Start of the authenticated portion.</param>
        /// <param name="authLen">Length of the authenticated portion.</param>
        /// <param name="appendRoc">Whether the ROC is appended to the authenticated data (SRTP: yes; SRTCP: no).</param>
        /// <param name="roc">The rollover counter (as the 32 bits of a uint).</param>
        /// <param name="tagOff">Where the tag is written.</param>
        /// <param name="tagLen">Tag length, 0 to 20 (SRTP: 10 or 4).</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SrtpProtect(int h, byte[] iv16, int ivOff, byte[] buf, int encOff, int encLen, int authOff, int authLen, bool appendRoc, int roc, int tagOff, int tagLen);

        /// <summary>
        /// Unprotects one SRTP or SRTCP packet in place: first compares, in constant time, the tag at buf[tagOff] with
        /// HMAC-SHA-1 over buf[authOff, authOff+authLen) (|| ROC when <paramref name="appendRoc"/>) truncated to
        /// <paramref name="tagLen"/> (RFC 3711 §3.3 step 5); only when it matches XORs the AES-CM keystream over
        /// buf[encOff, encOff+encLen) (step 6). Arguments as <see cref="SrtpProtect"/>.
        /// </summary>
        /// <param name="h">Slot handle.</param>
        /// <param name="iv16">Counter block buffer.</param>
        /// <param name="ivOff">Offset of its 16 bytes.</param>
        /// <param name="buf">The packet.</param>
        /// <param name="encOff">Start of the encrypted portion.</param>
        /// <param name="encLen">Length of the encrypted portion (0: NULL cipher).</param>
        /// <param name="authOff">Start of the authenticated portion.</param>
        /// <param name="authLen">Length of the authenticated portion.</param>
        /// <param name="appendRoc">Whether the ROC is appended to the authenticated data.</param>
        /// <param name="roc">The rollover counter guessed for this packet.</param>
        /// <param name="tagOff">Where the received tag is.</param>
        /// <param name="tagLen">Tag length, 0 to 20.</param>
        /// <returns>1 when the tag matched (payload decrypted); 0 on an authentication failure (buffer unchanged).</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int SrtpUnprotect(int h, byte[] iv16, int ivOff, byte[] buf, int encOff, int encLen, int authOff, int authLen, bool appendRoc, int roc, int tagOff, int tagLen);

        /// <summary>AES-GCM seal in place with the slot's AES key (NIST SP 800-38D; SRTP AEAD, RFC 7714 §7-§9): encrypts
        /// buf[off, off+len) and writes the tag at tag[tagOff].</summary>
        /// <param name="h">Slot handle.</param>
        /// <param name="iv">Nonce buffer.</param>
        /// <param name="ivOff">Nonce offset.</param>
        /// <param name="ivLen">Nonce length (&gt;= 1; RFC 7714: 12).</param>
        /// <param name="aad">Associated data buffer (may be null when aadLen is 0).</param>
        /// <param name="aadOff">Associated data offset.</param>
        /// <param name="aadLen">Associated data length.</param>
        /// <param name="buf">Plaintext, encrypted in place.</param>
        /// <param name="off">Offset of the plaintext.</param>
        /// <param name="len">Length of the plaintext.</param>
        /// <param name="tag">Tag output buffer (may be buf).</param>
        /// <param name="tagOff">Tag offset.</param>
        /// <param name="tagLen">Tag length: 4, 8 or 12 to 16 (RFC 7714: 16).</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void GcmSeal(int h, byte[] iv, int ivOff, int ivLen, byte[] aad, int aadOff, int aadLen, byte[] buf, int off, int len, byte[] tag, int tagOff, int tagLen);

        /// <summary>AES-GCM open in place: computes the tag, compares it with tag[tagOff] in constant time, and only when it
        /// matches decrypts buf[off, off+len). Arguments as <see cref="GcmSeal"/>.</summary>
        /// <param name="h">Slot handle.</param>
        /// <param name="iv">Nonce buffer.</param>
        /// <param name="ivOff">Nonce offset.</param>
        /// <param name="ivLen">Nonce length.</param>
        /// <param name="aad">Associated data buffer (may be null when aadLen is 0).</param>
        /// <param name="aadOff">Associated data offset.</param>
        /// <param name="aadLen">Associated data length.</param>
        /// <param name="buf">Ciphertext, decrypted in place on success.</param>
        /// <param name="off">Offset of the ciphertext.</param>
        /// <param name="len">Length of the ciphertext.</param>
        /// <param name="tag">Buffer holding the received tag.</param>
        /// <param name="tagOff">Tag offset.</param>
        /// <param name="tagLen">Tag length.</param>
        /// <returns>1 when authentic (decrypted); 0 when not (buffer unchanged).</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int GcmOpen(int h, byte[] iv, int ivOff, int ivLen, byte[] aad, int aadOff, int aadLen, byte[] buf, int off, int len, byte[] tag, int tagOff, int tagLen);

        /// <summary>HMAC-SHA-1 (RFC 2104) of data with the slot's cached key, truncated to macLen bytes at mac[macOff].</summary>
        /// <param name="h">Slot handle.</param>
        /// <param name="data">Data buffer.</param>
        /// <param name="off">Data offset.</param>
        /// <param name="len">Data length.</param>
        /// <param name="mac">Output buffer (may overlap the data).</param>
        /// <param name="macOff">Output offset.</param>
        /// <param name="macLen">Output length, 0 to 20.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void HmacSha1Keyed(int h, byte[] data, int off, int len, byte[] mac, int macOff, int macLen);

        /// <summary>HMAC-SHA-1 (RFC 2104), 20 bytes at mac[macOff]; the key may have any length.</summary>
        /// <param name="key">Key buffer.</param>
        /// <param name="keyOff">Key offset.</param>
        /// <param name="keyLen">Key length.</param>
        /// <param name="data">Data buffer.</param>
        /// <param name="off">Data offset.</param>
        /// <param name="len">Data length.</param>
        /// <param name="mac">Output buffer (may overlap the inputs).</param>
        /// <param name="macOff">Offset of the 20 output bytes.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void HmacSha1(byte[] key, int keyOff, int keyLen, byte[] data, int off, int len, byte[] mac, int macOff);

        /// <summary>HMAC-SHA-256 (RFC 2104, RFC 4231), 32 bytes at mac[macOff]; the key may have any length.</summary>
        /// <param name="key">Key buffer.</param>
        /// <param name="keyOff">Key offset.</param>
        /// <param name="keyLen">Key length.</param>
        /// <param name="data">Data buffer.</param>
        /// <param name="off">Data offset.</param>
        /// <param name="len">Data length.</param>
        /// <param name="mac">Output buffer (may overlap the inputs).</param>
        /// <param name="macOff">Offset of the 32 output bytes.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void HmacSha256(byte[] key, int keyOff, int keyLen, byte[] data, int off, int len, byte[] mac, int macOff);

        /// <summary>SHA-256 (FIPS 180-4), 32 bytes at digest[digestOff].</summary>
        /// <param name="data">Data buffer.</param>
        /// <param name="off">Data offset.</param>
        /// <param name="len">Data length.</param>
        /// <param name="digest">Output buffer (may overlap the data).</param>
        /// <param name="digestOff">Offset of the 32 output bytes.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void Sha256(byte[] data, int off, int len, byte[] digest, int digestOff);

        /// <summary>
        /// The MIKEY PRF (RFC 3830 §4.1.2): inkey is split into 256-bit pieces (the last one shorter), each piece runs
        /// P-SHA1(piece, label, outLen) (§4.1.3) and the results are XORed into output[outOff, outOff+outLen).
        /// </summary>
        /// <param name="inkey">Input key buffer.</param>
        /// <param name="inkeyOff">Input key offset.</param>
        /// <param name="inkeyLen">Input key length (&gt;= 0).</param>
        /// <param name="label">Label buffer (constant || cs_id || RAND, RFC 3830 §4.1.3/§4.1.4).</param>
        /// <param name="labelOff">Label offset.</param>
        /// <param name="labelLen">Label length.</param>
        /// <param name="output">Output buffer (must not overlap the inputs).</param>
        /// <param name="outOff">Output offset.</param>
        /// <param name="outLen">Output length in bytes.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void MikeyPrf(byte[] inkey, int inkeyOff, int inkeyLen, byte[] label, int labelOff, int labelLen, byte[] output, int outOff, int outLen);

        /// <summary>P-256 public key Q = dG (SEC 1 §3.2.1) as the uncompressed point 04 || X || Y.</summary>
        /// <param name="priv">Buffer holding the private scalar d, 32 bytes big-endian.</param>
        /// <param name="privOff">Offset of d.</param>
        /// <param name="pub">Output buffer.</param>
        /// <param name="pubOff">Offset of the 65 output bytes.</param>
        /// <returns>0 ok; 1 d is not in [1, n-1] (nothing written); 3 internal failure (e.g. out of memory).</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int P256PublicKey(byte[] priv, int privOff, byte[] pub, int pubOff);

        /// <summary>
        /// P-256 ECDH (SEC 1 §3.3.1; RFC 5903 §7 encoding): the x-coordinate of d·Q, 32 bytes. The peer point is validated
        /// first (SEC 1 §3.2.2.1: uncompressed 04 || X || Y of exactly 65 bytes, coordinates below p, on the curve, not the
        /// point at infinity).
        /// </summary>
        /// <param name="priv">Buffer holding d, 32 bytes big-endian.</param>
        /// <param name="privOff">Offset of d.</param>
        /// <param name="peer">Buffer holding the peer's point.</param>
        /// <param name="peerOff">Offset of the point.</param>
        /// <param name="peerLen">Length of the point as received (must be 65 to be valid).</param>
        /// <param name="secret">Output buffer.</param>
        /// <param name="secretOff">Offset of the 32 output bytes.</param>
        /// <returns>0 ok; 1 invalid private scalar; 2 invalid peer point; 3 internal failure. Nothing written unless 0.</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int P256Ecdh(byte[] priv, int privOff, byte[] peer, int peerOff, int peerLen, byte[] secret, int secretOff);

        /// <summary>
        /// ECDSA P-256 signature r || s (SEC 1 §4.1.3) with the RFC 6979 §3.2 nonce over HMAC-SHA-256, hedged with extra data
        /// k' (§3.6: K = HMAC_K(V || 0x00 || int2octets(x) || bits2octets(h1) || k')), byte-identical to
        /// NanoMikey.Ecc.EcdsaP256.SignHedged; extraLen 0 gives plain RFC 6979 (EcdsaP256.Sign).
        /// </summary>
        /// <param name="priv">Buffer holding d, 32 bytes big-endian.</param>
        /// <param name="privOff">Offset of d.</param>
        /// <param name="hash">Buffer holding the message hash.</param>
        /// <param name="hashOff">Offset of the hash.</param>
        /// <param name="hashLen">Hash length (1 to 64; longer than 32 is truncated to its leftmost 256 bits).</param>
        /// <param name="extra">Buffer holding k' (may be null when extraLen is 0).</param>
        /// <param name="extraOff">Offset of k'.</param>
        /// <param name="extraLen">Length of k' (0 to 256).</param>
        /// <param name="sig">Output buffer.</param>
        /// <param name="sigOff">Offset of the 64 output bytes.</param>
        /// <returns>0 ok; 1 invalid private scalar; 3 internal failure. Nothing written unless 0.</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int P256Sign(byte[] priv, int privOff, byte[] hash, int hashOff, int hashLen, byte[] extra, int extraOff, int extraLen, byte[] sig, int sigOff);

        /// <summary>Verifies an ECDSA P-256 signature r || s (SEC 1 §4.1.4) over a hash.</summary>
        /// <param name="pub">Buffer holding the public key 04 || X || Y.</param>
        /// <param name="pubOff">Offset of the key.</param>
        /// <param name="pubLen">Length of the key (must be 65 to be valid).</param>
        /// <param name="hash">Buffer holding the hash.</param>
        /// <param name="hashOff">Offset of the hash.</param>
        /// <param name="hashLen">Hash length (1 to 64).</param>
        /// <param name="sig">Buffer holding r || s.</param>
        /// <param name="sigOff">Offset of the signature.</param>
        /// <param name="sigLen">Length of the signature (must be 64 to be valid).</param>
        /// <returns>1 valid; 0 not valid (bad signature, r or s outside [1, n-1], invalid key or lengths).</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int P256Verify(byte[] pub, int pubOff, int pubLen, byte[] hash, int hashOff, int hashLen, byte[] sig, int sigOff, int sigLen);
    }
}
