namespace NanoMikey.Mikey.Payloads
{
    /// <summary>CHASH Hash func (RFC 3830 §6.8, RFC 6043 §6.7).</summary>
    public enum HashFunction : byte
    {
        /// <summary>SHA-1 (20 bytes).</summary>
        Sha1 = 0,

        /// <summary>MD5 (16 bytes).</summary>
        Md5 = 1,

        /// <summary>SHA-256 (32 bytes, RFC 6043).</summary>
        Sha256 = 2,
    }
}
