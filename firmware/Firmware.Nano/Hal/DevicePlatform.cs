using System;
using NanoMikey.Crypto.Hal;
using NanoMikey.Net.Time;

namespace NanoMikey.Firmware.Hal
{
    /// <summary>
    /// Everything the firmware needs from the board, in one object: the AES engine, the entropy source, the clock (RTC and
    /// monotonic tick), the network and the audio path. hardware/Esp32 fills it from the board; the emulator with its twins.
    /// </summary>
    public sealed class DevicePlatform
    {
        /// <summary>Creates the platform description.</summary>
        /// <param name="aes">AES engines (hardware where the board has one).</param>
        /// <param name="entropy">Seed material for the DRBG (health-tested on the board).</param>
        /// <param name="clock">The RTC (<see cref="IPlatformClock.UtcTicks"/>) and the monotonic tick.</param>
        /// <param name="network">The network interface.</param>
        /// <param name="audioSource">Microphone, or null for a device without one.</param>
        /// <param name="audioSink">Speaker, or null for a device without one.</param>
        public DevicePlatform(IAesEngineFactory aes, IEntropySource entropy, IPlatformClock clock, INetworkInterface network,
            IAudioSource? audioSource, IAudioSink? audioSink)
        {
            if (aes == null || entropy == null || clock == null || network == null) throw new ArgumentNullException();
            Aes = aes;
            Entropy = entropy;
            Clock = clock;
            Network = network;
            AudioSource = audioSource;
            AudioSink = audioSink;
        }

        /// <summary>AES engines.</summary>
        public IAesEngineFactory Aes { get; private set; }

        /// <summary>Entropy for seeding.</summary>
        public IEntropySource Entropy { get; private set; }

        /// <summary>RTC and monotonic tick.</summary>
        public IPlatformClock Clock { get; private set; }

        /// <summary>The network.</summary>
        public INetworkInterface Network { get; private set; }

        /// <summary>Microphone (null when absent).</summary>
        public IAudioSource? AudioSource { get; private set; }

        /// <summary>Speaker (null when absent).</summary>
        public IAudioSink? AudioSink { get; private set; }
    }
}
