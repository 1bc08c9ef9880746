namespace NanoMikey.Mikey.Payloads
{
    /// <summary>Key validity type KV (RFC 3830 table 6.13.b).</summary>
    public enum KvType : byte
    {
        /// <summary>No specific usage rule.</summary>
        Null = 0,

        /// <summary>SPI or SRTP MKI.</summary>
        Spi = 1,

        /// <summary>Validity interval (from/to).</summary>
        Interval = 2,
    }
}
