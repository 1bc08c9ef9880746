using System.Collections.Generic;

namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>What <see cref="RtspDemoScenario"/> saw: the sensor's RTSP server counters and, when it played the stream, GStreamer's audio.</summary>
    public sealed class RtspDemoReport
    {
        /// <summary>The stream's URL.</summary>
        public string Url { get; init; } = "";

        /// <summary>The gst-launch-1.0 line that plays it.</summary>
        public string PlayCommand { get; init; } = "";

        /// <summary>The sensor synchronised its clock and served.</summary>
        public bool Served { get; init; }

        /// <summary>Frames read from the microphone while serving.</summary>
        public int FramesRead { get; init; }

        /// <summary>Frames that reached at least one playing client.</summary>
        public int FramesServed { get; init; }

        /// <summary>SRTP packets sent (all clients).</summary>
        public long PacketsSent { get; init; }

        /// <summary>SRTCP sender reports sent.</summary>
        public long ReportsSent { get; init; }

        /// <summary>SRTCP receiver reports from clients that authenticated.</summary>
        public long ReportsReceived { get; init; }

        /// <summary>Datagrams dropped (rtspsrc's NAT-punching packets, anything that fails SRTCP authentication).</summary>
        public long DatagramsDropped { get; init; }

        /// <summary>Connections refused (client limit).</summary>
        public long Refused { get; init; }

        /// <summary>Whether the demo played the stream itself (<see cref="DemoOptions.PlayWithGStreamer"/>).</summary>
        public bool Played { get; init; }

        /// <summary>Seconds of audio GStreamer decoded (0 when not played).</summary>
        public double PlayedSeconds { get; init; }

        /// <summary>SNR of GStreamer's audio against the microphone from the first frame served (NaN when not played).</summary>
        public double SnrDecibels { get; init; } = double.NaN;

        /// <summary>What went wrong (empty when everything passed).</summary>
        public List<string> Failures { get; } = new List<string>();

        /// <summary>Everything passed.</summary>
        public bool Passed => Failures.Count == 0;
    }
}
