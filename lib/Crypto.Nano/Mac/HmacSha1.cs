using NanoMikey.Crypto.Hash;

namespace NanoMikey.Crypto.Mac
{
    /// <summary>HMAC-SHA-1 (RFC 2104) with a reusable keyed state: ipad/opad are compressed once per key, each MAC after that allocates nothing.</summary>
    public sealed class HmacSha1 : Hmac
    {
        /// <summary>Full MAC size in bytes.</summary>
        public const int HashSize = Sha1.HashSize;

        /// <summary>Creates an instance without a key; call <see cref="Hmac.SetKey"/> before use.</summary>
        public HmacSha1() : base(new Sha1())
        {
        }

        /// <summary>Creates an instance keyed with <paramref name="length"/> bytes of <paramref name="key"/>.</summary>
        /// <param name="key">Key buffer.</param>
        /// <param name="offset">Offset of the key.</param>
        /// <param name="length">Key length in bytes (any length; longer than 64 is hashed first, RFC 2104 §2).</param>
        public HmacSha1(byte[] key, int offset, int length) : base(new Sha1())
        {
            SetKey(key, offset, length);
        }
    }
}
