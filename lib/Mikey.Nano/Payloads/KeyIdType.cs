namespace NanoMikey.Mikey.Payloads
{
    /// <summary>Key ID Type of a Key ID sub-payload (RFC 4563 §4 table 2).</summary>
    public enum KeyIdType : byte
    {
        /// <summary>MBMS key domain ID.</summary>
        MbmsKeyDomainId = 0,

        /// <summary>MBMS service key ID (MSK ID).</summary>
        MbmsServiceKeyId = 1,

        /// <summary>MBMS traffic key ID (MTK ID).</summary>
        MbmsTrafficKeyId = 2,
    }
}
