namespace NanoMikey.LibSrtp.Interop
{
    /// <summary>libsrtp crypto policies the tests and benchmarks use (one <c>srtp_crypto_policy_set_*</c> each).</summary>
    public enum LibSrtpProfile
    {
        /// <summary>AES_CM_128_HMAC_SHA1_80 (SRTP and SRTCP).</summary>
        AesCm128HmacSha1_80,
        /// <summary>AES_CM_128_HMAC_SHA1_32 (SRTCP keeps the 80-bit tag).</summary>
        AesCm128HmacSha1_32,
        /// <summary>AES_192_CM_HMAC_SHA1_80 (Debian 2.5.0 derives its keys wrongly, libsrtp #763).</summary>
        AesCm192HmacSha1_80,
        /// <summary>AES_256_CM_HMAC_SHA1_80.</summary>
        AesCm256HmacSha1_80,
        /// <summary>NULL cipher, HMAC-SHA1 80-bit tag.</summary>
        NullHmacSha1_80,
        /// <summary>NULL cipher, NULL auth.</summary>
        NullNull,
        /// <summary>AEAD_AES_128_GCM with a 16-byte tag.</summary>
        AeadAes128Gcm,
        /// <summary>AEAD_AES_256_GCM with a 16-byte tag.</summary>
        AeadAes256Gcm,
        /// <summary>AES-128-GCM with an 8-byte tag (libsrtp extension).</summary>
        AeadAes128Gcm8,
        /// <summary>AES-128-GCM authentication only (no encryption, SRTCP E flag 0), 8-byte tag.</summary>
        AeadAes128Gcm8OnlyAuth,
    }
}
