namespace NanoMikey.Firmware.Call
{
    /// <summary>Counters of one call's media, for the device's status and the emulator's summary. Plain counters: no allocation.</summary>
    public sealed class MediaStatistics
    {
        /// <summary>SRTP packets sent.</summary>
        public int PacketsSent;

        /// <summary>SRTP packets received that authenticated and were new.</summary>
        public int PacketsReceived;

        /// <summary>Packets dropped because their authentication tag did not verify (RFC 3711 §3.4).</summary>
        public int AuthenticationFailures;

        /// <summary>Packets dropped by the replay window (RFC 3711 §3.3.2): duplicates and too old.</summary>
        public int ReplaysDropped;

        /// <summary>Datagrams dropped before SRTP: too short, not RTP/RTCP, from the wrong address, another SSRC.</summary>
        public int Malformed;

        /// <summary>Packets lost as RTP counts them (expected − received, RFC 3550 §6.4.1).</summary>
        public int Lost;

        /// <summary>Frames played from received packets.</summary>
        public int FramesPlayed;

        /// <summary>Frames concealed (repetition of the last frame, or silence after several in a row).</summary>
        public int FramesConcealed;

        /// <summary>Packets that arrived after their frame was played.</summary>
        public int Late;

        /// <summary>SRTCP reports sent.</summary>
        public int ReportsSent;

        /// <summary>SRTCP reports received and authenticated.</summary>
        public int ReportsReceived;

        /// <summary>SRTCP reports dropped (authentication or replay).</summary>
        public int ReportsDropped;

        /// <summary>Cumulative loss the peer reported for our stream (its last report block).</summary>
        public int PeerReportedLost;

        /// <summary>Adds <paramref name="other"/>'s counters to these (a device's totals over calls).</summary>
        /// <param name="other">Counters to add.</param>
        public void Add(MediaStatistics other)
        {
            PacketsSent += other.PacketsSent;
            PacketsReceived += other.PacketsReceived;
            AuthenticationFailures += other.AuthenticationFailures;
            ReplaysDropped += other.ReplaysDropped;
            Malformed += other.Malformed;
            Lost += other.Lost;
            FramesPlayed += other.FramesPlayed;
            FramesConcealed += other.FramesConcealed;
            Late += other.Late;
            ReportsSent += other.ReportsSent;
            ReportsReceived += other.ReportsReceived;
            ReportsDropped += other.ReportsDropped;
            PeerReportedLost += other.PeerReportedLost;
        }

        /// <summary>Sets every counter to 0.</summary>
        public void Reset()
        {
            PacketsSent = PacketsReceived = AuthenticationFailures = ReplaysDropped = Malformed = Lost = 0;
            FramesPlayed = FramesConcealed = Late = ReportsSent = ReportsReceived = ReportsDropped = PeerReportedLost = 0;
        }
    }
}
