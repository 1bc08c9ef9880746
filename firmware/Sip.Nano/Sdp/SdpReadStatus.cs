namespace NanoMikey.Sip.Sdp
{
    /// <summary>Outcome of <see cref="SdpSessionReader.Read"/>; anything but <see cref="Ok"/> leaves the reader as it was.</summary>
    public enum SdpReadStatus
    {
        /// <summary>Read; the audio stream's fields are set.</summary>
        Ok = 0,

        /// <summary>Not an SDP session description (no <c>v=0</c> first, a line without <c>type=</c>, an unreadable m= or c= line).</summary>
        Malformed = 1,

        /// <summary>Longer than <see cref="SdpSessionReader.MaxLength"/> or more lines than <see cref="SdpSessionReader.MaxLines"/>.</summary>
        TooLarge = 2,

        /// <summary>No <c>m=audio</c> line.</summary>
        NoAudio = 3,

        /// <summary>The audio stream has no IPv4 connection address (IPv6, or no c= line at either level; RFC 4566 §5.7).</summary>
        NoConnection = 4,
    }
}
