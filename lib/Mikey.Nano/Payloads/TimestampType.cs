namespace NanoMikey.Mikey.Payloads
{
    /// <summary>T payload TS type (RFC 3830 §6.6, RFC 6043 §6.3).</summary>
    public enum TimestampType : byte
    {
        /// <summary>64-bit NTP-UTC.</summary>
        NtpUtc = 0,

        /// <summary>64-bit NTP.</summary>
        Ntp = 1,

        /// <summary>32-bit counter.</summary>
        Counter = 2,

        /// <summary>32-bit NTP-UTC seconds (RFC 6043).</summary>
        NtpUtc32 = 3,
    }
}
