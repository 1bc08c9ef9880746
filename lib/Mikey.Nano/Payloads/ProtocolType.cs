namespace NanoMikey.Mikey.Payloads
{
    /// <summary>SP payload Prot type (RFC 3830 §6.10, RFC 4442 §4.1).</summary>
    public enum ProtocolType : byte
    {
        /// <summary>SRTP.</summary>
        Srtp = 0,

        /// <summary>TESLA (RFC 4442).</summary>
        Tesla = 1,
    }
}
