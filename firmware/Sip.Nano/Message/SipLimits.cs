namespace NanoMikey.Sip.Message
{
    /// <summary>
    /// The bounds <see cref="SipMessageReader"/> holds a peer to, so a hostile datagram costs a fixed amount of memory and
    /// time. A message beyond them is <see cref="SipReadStatus.TooLarge"/>.
    /// </summary>
    public static class SipLimits
    {
        /// <summary>Largest datagram read, in bytes (RFC 3261 §18.1.1 keeps UDP requests below the path MTU; 4 KB leaves room for SDP with MIKEY).</summary>
        public const int MaxDatagram = 4096;

        /// <summary>Longest physical header line (or start line), line end excluded.</summary>
        public const int MaxLine = 1024;

        /// <summary>Most header lines (a folded field counts once).</summary>
        public const int MaxHeaders = 48;

        /// <summary>Most Via values (RFC 3261 §20.42), counting every comma-separated value.</summary>
        public const int MaxVia = 8;

        /// <summary>Most Record-Route values (RFC 3261 §20.30), counting every comma-separated value.</summary>
        public const int MaxRecordRoute = 8;
    }
}
