namespace NanoMikey.Emulator.Audio
{
    /// <summary>The waveform of a <see cref="ToneSource"/>.</summary>
    public enum ToneShape
    {
        /// <summary>One sine at the first frequency.</summary>
        Sine = 0,

        /// <summary>Two sines (first and second frequency) at half the amplitude each.</summary>
        TwoTone = 1,

        /// <summary>A linear sweep from the first to the second frequency, restarting every period: unambiguous alignment for SNR.</summary>
        Chirp = 2,
    }
}
