using NanoMikey.Crypto.Hash;

namespace NanoMikey.Crypto.Mac
{
    /// <summary>HMAC-SHA-256 (RFC 2104, RFC 4231) with a reusable keyed state: ipad/opad are compressed once per key, each MAC after that allocates nothing.</summary>
    public sealed class HmacSha256 : Hmac
    {
        /// <summary>Full MAC size in bytes.</summary>
        public const int HashSize = Sha256.HashSize;

        /// <summary>Creates an instance without a key; call <see cref="Hmac.SetKey"/> before use.</summary>
        public HmacSha256() : base(new Sha256())
        {
        }

        /// <summary>Creates an instance keyed with <paramref name="length"/> bytes of <paramref name="key"/>.</summary>
        /// <param name="key">Key buffer.</param>
        /// <param name="offset">Offset of the key.</param>
        /// <param name="length">Key length in bytes (any length; longer than 64 is hashed first, RFC 2104 §2).</param>
        public HmacSha256(byte[] key, int offset, int length) : base(new Sha256())
        {
            SetKey(key, offset, length);
        }
    }
}
