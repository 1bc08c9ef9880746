using System;
using System.Collections.Generic;
using System.IO;
using NanoMikey.Mikey.Modes;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>What a demo run measured, and whether it passed.</summary>
    public sealed class DemoReport
    {
        /// <summary>SNR a direction must reach, dB: G.711 gives ~37 dB on the demo tones; the tones repeat every 20 ms frame, so concealment by repetition keeps them, and anything wrong in content (keys, codec, order) falls far below.</summary>
        public const double SnrThresholdDecibels = 20;

        /// <summary>The mode that keyed the call.</summary>
        public MikeyMode Mode { get; init; }

        /// <summary>True when the exchange completed.</summary>
        public bool Keyed { get; init; }

        /// <summary>Handshake time (I_MESSAGE out to answer processed), virtual ms.</summary>
        public double HandshakeMilliseconds { get; init; }

        /// <summary>MIKEY messages of the exchange (sent and received by the initiator).</summary>
        public int HandshakeMessages { get; init; }

        /// <summary>I_MESSAGE retransmissions.</summary>
        public int Retransmissions { get; init; }

        /// <summary>Messages the answerer rejected (replays, forgeries, malformed).</summary>
        public int MikeyRejected { get; init; }

        /// <summary>Duplicates the answerer answered from its cache.</summary>
        public int MikeyDuplicates { get; init; }

        /// <summary>Media directions.</summary>
        public List<DirectionReport> Directions { get; } = new();

        /// <summary>Bytes allocated per packet in the devices' steady state (device code and emulated sockets).</summary>
        public double BytesPerPacket { get; init; }

        /// <summary>Packets in the measured steady state (0: the run ended before it; the per-packet figures are then 0).</summary>
        public int MeasuredPackets { get; init; }

        /// <summary>Host CPU per packet in the devices' steady state, µs.</summary>
        public double MicrosecondsPerPacket { get; init; }

        /// <summary>Seconds of virtual time the run took.</summary>
        public double VirtualSeconds { get; init; }

        /// <summary>Seconds of host time the run took.</summary>
        public double HostSeconds { get; private set; }

        /// <summary>Sets <see cref="HostSeconds"/> once the run has ended.</summary>
        /// <param name="seconds">Host seconds.</param>
        public void HostSecondsSet(double seconds) => HostSeconds = seconds;

        /// <summary>Datagrams the network sent, lost, duplicated, corrupted.</summary>
        public string NetworkSummary { get; init; } = "";

        /// <summary>Files written (WAV, pcap).</summary>
        public List<string> Files { get; } = new();

        /// <summary>What went wrong (empty when the run passed).</summary>
        public List<string> Failures { get; } = new();

        /// <summary>True when nothing failed.</summary>
        public bool Passed => Failures.Count == 0;
    }
}
