using NanoMikey.Firmware.Hal;

namespace NanoMikey.OnDevice.Emulated
{
    /// <summary>A 400 Hz sine at 8 kHz (one period = 20 samples, computed once by rotation, no Math on the device).</summary>
    internal sealed class ToneSource : IAudioSource
    {
        private readonly short[] _period = new short[20];
        private int _phase;

        public ToneSource(int amplitude)
        {
            // cos/sin of 2π/20 = 18°.
            const double C = 0.95105651629515357, S = 0.30901699437494742;
            double x = 1, y = 0;
            for (int i = 0; i < _period.Length; i++)
            {
                _period[i] = (short)(y * amplitude);
                double nx = x * C - y * S;
                y = x * S + y * C;
                x = nx;
            }
        }

        public void Read(short[] samples, int offset, int count)
        {
            int p = _phase;
            for (int i = 0; i < count; i++)
            {
                samples[offset + i] = _period[p];
                if (++p == _period.Length) p = 0;
            }

            _phase = p;
        }
    }
}
