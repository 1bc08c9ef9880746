using NanoMikey.Rtsp.Client;

namespace NanoMikey.Firmware.Hal
{
    /// <summary>The board's microphone as the RTSP client's audio source (the same 8 kHz 16-bit frames; silence without a microphone).</summary>
    internal sealed class RtspMicrophone : IRtspAudioSource
    {
        private readonly IAudioSource? _mic;

        internal RtspMicrophone(IAudioSource? mic)
        {
            _mic = mic;
        }

        public void Read(short[] samples, int offset, int count)
        {
            if (_mic != null)
            {
                _mic.Read(samples, offset, count);
                return;
            }

            for (int i = 0; i < count; i++) samples[offset + i] = 0;
        }
    }
}
