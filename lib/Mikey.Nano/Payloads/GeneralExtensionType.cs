namespace NanoMikey.Mikey.Payloads
{
    /// <summary>General extension Type (RFC 3830 §6.15, RFC 4442, 4563, 4738, 4909).</summary>
    public enum GeneralExtensionType : byte
    {
        /// <summary>Vendor ID.</summary>
        VendorId = 0,

        /// <summary>SDP IDs (RFC 4567 §7).</summary>
        SdpIds = 1,

        /// <summary>TESLA I-Key (RFC 4442).</summary>
        TeslaIKey = 2,

        /// <summary>Key ID (RFC 4563).</summary>
        KeyId = 3,

        /// <summary>Responder's new CSB ID (RFC 4738).</summary>
        CsbId = 4,

        /// <summary>OMA BCAST (RFC 4909, RFC 5410).</summary>
        OmaBcast = 5,
    }
}
