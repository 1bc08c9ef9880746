namespace NanoMikey.Crypto.Random
{
    /// <summary>Result of a request to a health-tested entropy source (NIST SP 800-90B §4).</summary>
    public enum EntropyStatus
    {
        /// <summary>The output holds conditioned entropy.</summary>
        Ok = 0,

        /// <summary>The noise source is not in its entropic state (ESP32: radio off); nothing was read. Try again later.</summary>
        NotReady = 1,

        /// <summary>The repetition count test failed (SP 800-90B §4.4.1): a stuck source. Permanent for this instance.</summary>
        RepetitionCountFailure = 2,

        /// <summary>The adaptive proportion test failed (SP 800-90B §4.4.2): a biased source. Permanent for this instance.</summary>
        AdaptiveProportionFailure = 3,
    }
}
