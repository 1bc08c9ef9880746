namespace NanoMikey.Firmware.Hal
{
    /// <summary>
    /// Where a device's outgoing audio comes from (ESP32: an I2S microphone; emulator: a tone or a WAV file): 16-bit linear
    /// PCM, mono, 8 kHz, read one 20 ms frame (160 samples) at a time into the caller's buffer.
    /// </summary>
    public interface IAudioSource
    {
        /// <summary>Reads the next <paramref name="count"/> samples; a source that has run dry writes silence.</summary>
        /// <param name="samples">Destination buffer.</param>
        /// <param name="offset">Offset in <paramref name="samples"/>.</param>
        /// <param name="count">Number of samples.</param>
        void Read(short[] samples, int offset, int count);
    }
}
