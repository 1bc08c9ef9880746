namespace NanoMikey.Mikey.Payloads
{
    /// <summary>TR payload TS Role (RFC 6043 §6.4).</summary>
    public enum TimestampRole : byte
    {
        /// <summary>Time of issue (TRi).</summary>
        TimeOfIssue = 1,

        /// <summary>Start of validity (TRs).</summary>
        StartOfValidity = 2,

        /// <summary>End of validity (TRe).</summary>
        EndOfValidity = 3,

        /// <summary>Rekeying interval (TRr).</summary>
        RekeyingInterval = 4,
    }
}
