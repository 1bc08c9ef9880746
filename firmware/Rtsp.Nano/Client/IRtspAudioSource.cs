namespace NanoMikey.Rtsp.Client
{
    /// <summary>
    /// Where a recording client's audio comes from (a microphone, a tone): 16-bit linear PCM, mono, 8 kHz, one 20 ms frame
    /// (160 samples) at a time. The same shape as the firmware's audio source, so a board's source adapts in one line.
    /// </summary>
    public interface IRtspAudioSource
    {
        /// <summary>Reads the next <paramref name="count"/> samples; a source that has run dry writes silence.</summary>
        /// <param name="samples">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="samples"/>.</param>
        /// <param name="count">Number of samples.</param>
        void Read(short[] samples, int offset, int count);
    }
}
