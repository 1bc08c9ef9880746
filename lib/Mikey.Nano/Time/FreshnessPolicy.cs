namespace NanoMikey.Mikey.Time
{
    /// <summary>
    /// How far a received timestamp may be from the local clock (RFC 3830 §5.4, §9.3): a base skew for the peer's clock plus
    /// the local clock's own offset bound. An unsynchronised local clock accepts nothing unless an explicit skew is given for
    /// that case (a manually set clock with a generous window, §9.3).
    /// </summary>
    public sealed class FreshnessPolicy
    {
        /// <summary>Creates the default: 5 minutes base skew (the peer's clock error), nothing while unsynchronised.</summary>
        public FreshnessPolicy()
        {
            BaseSkewSeconds = 300;
            UnsynchronisedSkewSeconds = 0;
        }

        /// <summary>Allowed difference for the peer's clock error alone, in seconds.</summary>
        public uint BaseSkewSeconds { get; set; }

        /// <summary>Allowed difference while the local clock is unsynchronised; 0 refuses every timestamp then.</summary>
        public uint UnsynchronisedSkewSeconds { get; set; }

        /// <summary>The skew in force for a clock with the given offset bound; 0 means "accept nothing".</summary>
        /// <param name="offsetBoundSeconds">The clock's <see cref="IMikeyClock.OffsetBoundSeconds"/>.</param>
        /// <returns>Allowed |T − now| in seconds, saturated at 2^31 − 1.</returns>
        public uint AllowedSkewSeconds(uint offsetBoundSeconds)
        {
            if (offsetBoundSeconds == MikeyClockQuality.Unsynchronised) return UnsynchronisedSkewSeconds;
            ulong skew = (ulong)BaseSkewSeconds + offsetBoundSeconds;
            return skew > 0x7FFFFFFF ? 0x7FFFFFFFu : (uint)skew;
        }
    }
}
