namespace NanoMikey.Cli.Decode
{
    /// <summary>One MIKEY message found in the user's input, with where it came from.</summary>
    public sealed class DecodeItem
    {
        /// <summary>Where the message was found (e.g. "SDP session level", "RTSP KeyMgmt"), for text output.</summary>
        public required string Source { get; init; }

        /// <summary>The message bytes.</summary>
        public required byte[] Message { get; init; }

        /// <summary>"session" or "media" for an SDP a=key-mgmt attribute (RFC 4567 §3.1), else null.</summary>
        public string? SdpLevel { get; init; }

        /// <summary>For a media-level attribute, which m= line it follows, counted from 1; else 0.</summary>
        public int MediaLine { get; init; }
    }
}
