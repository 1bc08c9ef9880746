namespace NanoMikey.Emulator.Scenarios
{
    /// <summary>One direction of media in a demo run.</summary>
    public sealed class DirectionReport
    {
        /// <summary>"door → indoor" and the like.</summary>
        public string Name { get; init; } = "";

        /// <summary>SRTP packets the sender sent.</summary>
        public int Sent { get; init; }

        /// <summary>Packets the receiver accepted.</summary>
        public int Received { get; init; }

        /// <summary>Packets lost (RTP's count at the receiver).</summary>
        public int Lost { get; init; }

        /// <summary>Frames the receiver concealed.</summary>
        public int Concealed { get; init; }

        /// <summary>Packets whose authentication failed.</summary>
        public int AuthenticationFailures { get; init; }

        /// <summary>Packets the replay window dropped.</summary>
        public int ReplaysDropped { get; init; }

        /// <summary>SRTCP reports the receiver of this stream received from its sender.</summary>
        public int Reports { get; init; }

        /// <summary>SNR of what was played against what was sent, dB.</summary>
        public double SnrDecibels { get; init; }

        /// <summary>The lag at which the received audio matched, ms.</summary>
        public double LagMilliseconds { get; init; }
    }
}
