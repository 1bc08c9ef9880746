using NanoMikey.Firmware.Hal;

namespace NanoMikey.OnDevice.Emulated
{
    /// <summary>A speaker that plays nothing: counts the samples and keeps their sum of absolute values (non-silence check).</summary>
    internal sealed class NullSink : IAudioSink
    {
        public long Samples;

        public long Energy;

        public void Write(short[] samples, int offset, int count)
        {
            long e = 0;
            for (int i = 0; i < count; i++)
            {
                int s = samples[offset + i];
                e += s < 0 ? -s : s;
            }

            Samples += count;
            Energy += e;
        }
    }
}
