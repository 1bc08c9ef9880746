namespace NanoMikey.Mikey.Payloads
{
    /// <summary>OMA BCAST general extension subtype (RFC 4909 §3, RFC 5410 §3).</summary>
    public enum OmaBcastSubtype : byte
    {
        /// <summary>Reserved.</summary>
        Reserved = 0,

        /// <summary>LTKM.</summary>
        Ltkm = 1,

        /// <summary>STKM.</summary>
        Stkm = 2,

        /// <summary>LTKM reporting.</summary>
        LtkmReporting = 3,

        /// <summary>Parental control.</summary>
        ParentalControl = 4,
    }
}
