namespace NanoMikey.Net.Sntp
{
    /// <summary>The verdict on the last datagram an <see cref="SntpClient"/> received (RFC 4330 §5 checks, in order).</summary>
    public enum SntpAnswerStatus
    {
        /// <summary>Nothing received yet.</summary>
        None = 0,

        /// <summary>A valid answer: its sample entered the burst.</summary>
        Accepted,

        /// <summary>No request was out (late, duplicate or unsolicited datagram).</summary>
        NotExpected,

        /// <summary>It did not come from the address and port the request went to.</summary>
        WrongSource,

        /// <summary>Shorter than the 48-byte header, or truncated.</summary>
        Malformed,

        /// <summary>Mode is not 4 (server).</summary>
        WrongMode,

        /// <summary>Version is neither 3 nor 4.</summary>
        WrongVersion,

        /// <summary>The originate timestamp is not the transmit timestamp of the request out (stale or spoofed).</summary>
        WrongOriginate,

        /// <summary>A kiss-o'-death (stratum 0, RFC 4330 §8); its code is in <see cref="SntpClient.LastKissCode"/>.</summary>
        KissOfDeath,

        /// <summary>Leap indicator 3: the server is not synchronised.</summary>
        ServerUnsynchronised,

        /// <summary>Stratum above 15.</summary>
        WrongStratum,

        /// <summary>Transmit timestamp 0.</summary>
        ZeroTransmit,
    }
}
