using NanoMikey.Emulator.Network;
using NanoMikey.Firmware.Config;
using NanoMikey.Mikey.Modes;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>What a demo run does: scenario, mode, network impairments, clock errors, length, outputs.</summary>
    public sealed class DemoOptions
    {
        /// <summary>The scenario.</summary>
        public DemoScenarioKind Scenario { get; set; } = DemoScenarioKind.Intercom;

        /// <summary>The MIKEY mode, or <see cref="MikeyMode.None"/> for what the key material selects (ECDH-SIGN for the stations, PSK for the sensor).</summary>
        public MikeyMode Mode { get; set; }

        /// <summary>The SRTP profile.</summary>
        public SrtpProfile Profile { get; set; } = SrtpProfile.AesCm128HmacSha1_80;

        /// <summary>The seed of the network's impairments and the devices' entropy: the same seed gives the same run and pcap.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>Seconds of audio each way.</summary>
        public int Seconds { get; set; } = 10;

        /// <summary>Impairments of every datagram (null: a clean network with 10 ms delay).</summary>
        public Impairments? Network { get; set; }

        /// <summary>Drop the first I_MESSAGE (the handshake then completes through retransmission).</summary>
        public bool LoseFirstOffer { get; set; }

        /// <summary>RTC error of the calling device (door station, sensor) at start, µs.</summary>
        public long CallerClockOffsetMicros { get; set; }

        /// <summary>RTC error of the answering device (indoor unit, collector) at start, µs.</summary>
        public long AnswererClockOffsetMicros { get; set; }

        /// <summary>Crystal drift of both devices, ppm (opposite signs).</summary>
        public double DriftPpm { get; set; }

        /// <summary>Flip one bit in every Nth SRTP packet of the caller's stream (0: none); the flipped packets must be exactly the ones dropped.</summary>
        public int FlipEveryNthMediaPacket { get; set; }

        /// <summary>
        /// Replay the first I_MESSAGE, captured on the wire, to the answerer at this virtual second (after the call when that is
        /// later; 0: no replay). Beyond the answerer's duplicate window (64 s) the replay is processed, and must be refused.
        /// </summary>
        public int ReplayOfferAfterSeconds { get; set; }

        /// <summary>A WAV file (16-bit mono 8 kHz) the caller's microphone plays, looped, instead of the test tones (null: tones).</summary>
        public string? CallerWav { get; set; }

        /// <summary>Wake-key-stream-sleep cycles of the sensor (each keys afresh).</summary>
        public int SensorCycles { get; set; } = 1;

        /// <summary>Seconds the sensor sleeps between cycles.</summary>
        public int SensorSleepSeconds { get; set; } = 5;

        /// <summary>Folder for the WAV files and the pcap (null: nothing written).</summary>
        public string? OutputDirectory { get; set; }

        /// <summary>Longest virtual time the run may take before it counts as failed, in seconds beyond <see cref="Seconds"/>.</summary>
        public int TimeoutSeconds { get; set; } = 60;

        /// <summary>Sensor over RTSP: the sensor serves its microphone on this TCP port of 127.0.0.1 (0: the sensor streams to its collector).</summary>
        public int RtspPort { get; set; }

        /// <summary>RTSP: the demo itself plays the stream with GStreamer's rtspsrc and checks the audio it decodes.</summary>
        public bool PlayWithGStreamer { get; set; }

        /// <summary>RTSP with <see cref="PlayWithGStreamer"/>: rtspsrc asks for interleaved TCP instead of UDP.</summary>
        public bool RtspOverTcp { get; set; }
    }
}
