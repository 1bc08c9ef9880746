namespace NanoMikey.Mikey.Time
{
    /// <summary>
    /// Wall-clock time for MIKEY freshness (RFC 3830 §5.4): the one way time enters portable code. On the device an
    /// SNTP-synchronised clock implements it; on the host, the system clock or a test clock.
    /// </summary>
    public interface IMikeyClock
    {
        /// <summary>Now as a 64-bit NTP timestamp (seconds since 1900 in the upper 32 bits, era wrapped as on the wire).</summary>
        ulong NtpNow { get; }

        /// <summary>
        /// Bound on how far <see cref="NtpNow"/> may be from UTC, in seconds; <see cref="MikeyClockQuality.Unsynchronised"/>
        /// when the clock has never been synchronised (or has lost it).
        /// </summary>
        uint OffsetBoundSeconds { get; }
    }
}
