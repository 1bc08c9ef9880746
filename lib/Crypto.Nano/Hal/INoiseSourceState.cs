namespace NanoMikey.Crypto.Hal
{
    /// <summary>
    /// Whether a noise source is in the state in which it produces entropy (NIST SP 800-90B §2.2: the noise source's
    /// operating conditions). The ESP32's RNG is a true RNG only while the radio is on or the bootloader random source
    /// is enabled; otherwise it outputs pseudo-random numbers that no statistical health test can tell apart.
    /// </summary>
    public interface INoiseSourceState
    {
        /// <summary>True when samples read now carry the entropy the source claims.</summary>
        bool ProducesEntropy { get; }
    }
}
