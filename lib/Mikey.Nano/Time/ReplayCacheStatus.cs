namespace NanoMikey.Mikey.Time
{
    /// <summary>Result of a freshness check or of remembering a message in the <see cref="ReplayCache"/>.</summary>
    public enum ReplayCacheStatus
    {
        /// <summary>Within the allowed skew and not seen before (or remembered).</summary>
        Fresh = 0,

        /// <summary>The same message was accepted before (RFC 3830 §5.4).</summary>
        Replayed = 1,

        /// <summary>The timestamp lies outside the allowed skew, or the clock allows no skew (unsynchronised).</summary>
        OutsideSkew = 2,

        /// <summary>No room left: every entry is still within its window. Refused rather than forgetting (RFC 3830 §5.4).</summary>
        Full = 3,
    }
}
