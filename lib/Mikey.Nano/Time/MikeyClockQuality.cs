namespace NanoMikey.Mikey.Time
{
    /// <summary>Values of <see cref="IMikeyClock.OffsetBoundSeconds"/> with a meaning of their own.</summary>
    public static class MikeyClockQuality
    {
        /// <summary>The clock has no known relation to UTC (never synchronised).</summary>
        public const uint Unsynchronised = 0xFFFFFFFF;
    }
}
