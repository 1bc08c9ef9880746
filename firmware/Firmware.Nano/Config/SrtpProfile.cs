using NanoMikey.Srtp.Policy;

namespace NanoMikey.Firmware.Config
{
    /// <summary>The SRTP protection profiles a device offers, by their RFC 4568/RFC 7714 names.</summary>
    public enum SrtpProfile
    {
        /// <summary>AES_CM_128_HMAC_SHA1_80 (RFC 3711 default, RFC 4568 §6.2.1).</summary>
        AesCm128HmacSha1_80 = 0,

        /// <summary>AES_CM_128_HMAC_SHA1_32 (RFC 4568 §6.2.1; 32-bit tag for narrow links).</summary>
        AesCm128HmacSha1_32 = 1,

        /// <summary>AEAD_AES_128_GCM (RFC 7714).</summary>
        AeadAes128Gcm = 2,

        /// <summary>AES_256_CM_HMAC_SHA1_80 (RFC 6188 §6).</summary>
        AesCm256HmacSha1_80 = 3,

        /// <summary>AEAD_AES_256_GCM (RFC 7714).</summary>
        AeadAes256Gcm = 4,
    }
}
