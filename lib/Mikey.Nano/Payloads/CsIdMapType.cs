namespace NanoMikey.Mikey.Payloads
{
    /// <summary>HDR CS ID map type (RFC 3830 table 6.1.d, RFC 4563 §5, RFC 6043 §6.1).</summary>
    public enum CsIdMapType : byte
    {
        /// <summary>SRTP-ID: 9 bytes per crypto session.</summary>
        SrtpId = 0,

        /// <summary>Empty map: policy conveyed outside MIKEY (RFC 4563).</summary>
        Empty = 1,

        /// <summary>GENERIC-ID: variable block per crypto session (RFC 6043 §6.1.1).</summary>
        GenericId = 2,
    }
}
