namespace NanoMikey.Mikey.Payloads
{
    /// <summary>TESLA policy parameter types in an SP payload (RFC 4442 §4.2).</summary>
    public enum TeslaPolicyParameter : byte
    {
        /// <summary>PRF identifier for f and f'.</summary>
        PrfIdentifier = 1,

        /// <summary>Length of f' output.</summary>
        PrfOutputLength = 2,

        /// <summary>TESLA MAC identifier.</summary>
        MacIdentifier = 3,

        /// <summary>TESLA MAC output length.</summary>
        MacOutputLength = 4,

        /// <summary>Start of session (NTP-UTC).</summary>
        StartOfSession = 5,

        /// <summary>Interval duration in ms.</summary>
        IntervalDuration = 6,

        /// <summary>Key disclosure delay in intervals.</summary>
        KeyDisclosureDelay = 7,

        /// <summary>Key chain length in intervals.</summary>
        KeyChainLength = 8,

        /// <summary>Local timestamp of the media receiver (NTP-UTC).</summary>
        LocalTimestamp = 9,
    }
}
