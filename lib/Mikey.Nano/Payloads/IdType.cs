namespace NanoMikey.Mikey.Payloads
{
    /// <summary>ID payload ID type (RFC 3830 table 6.7.a, RFC 6043 §6.5).</summary>
    public enum IdType : byte
    {
        /// <summary>Network access identifier (RFC 2486).</summary>
        Nai = 0,

        /// <summary>URI.</summary>
        Uri = 1,

        /// <summary>Byte string (RFC 6043).</summary>
        ByteString = 2,
    }
}
