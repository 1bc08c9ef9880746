namespace NanoMikey.Firmware.Hal
{
    /// <summary>
    /// Where a device's received audio goes (ESP32: an I2S amplifier; emulator: a WAV file): 16-bit linear PCM, mono,
    /// 8 kHz, written one 20 ms frame (160 samples) per playout tick, concealed frames included.
    /// </summary>
    public interface IAudioSink
    {
        /// <summary>Plays <paramref name="count"/> samples.</summary>
        /// <param name="samples">Source buffer.</param>
        /// <param name="offset">Offset in <paramref name="samples"/>.</param>
        /// <param name="count">Number of samples.</param>
        void Write(short[] samples, int offset, int count);
    }
}
