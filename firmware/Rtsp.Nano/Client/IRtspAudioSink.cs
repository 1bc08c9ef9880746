namespace NanoMikey.Rtsp.Client
{
    /// <summary>
    /// Where a playing client's decrypted, decoded audio goes: 16-bit linear PCM, mono, 8 kHz, one RTP packet's samples at a
    /// time in arrival order (the caller's jitter buffer, if any, sits behind it).
    /// </summary>
    public interface IRtspAudioSink
    {
        /// <summary>Takes <paramref name="count"/> samples.</summary>
        /// <param name="samples">Source buffer.</param>
        /// <param name="offset">Offset in <paramref name="samples"/>.</param>
        /// <param name="count">Number of samples.</param>
        void Write(short[] samples, int offset, int count);
    }
}
