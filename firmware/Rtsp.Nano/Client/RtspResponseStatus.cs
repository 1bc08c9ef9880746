namespace NanoMikey.Rtsp.Client
{
    /// <summary>Outcome of reading an RTSP response (RFC 2326 §7) from the bytes received so far.</summary>
    public enum RtspResponseStatus
    {
        /// <summary>A whole response (status line, headers, body of Content-Length bytes) is there.</summary>
        Complete = 0,

        /// <summary>The response is not complete yet: receive more and read again.</summary>
        Incomplete = 1,

        /// <summary>Not an RTSP/1.0 response: bad status line, a header line without a colon, a bad number, control bytes.</summary>
        Malformed = 2,

        /// <summary>The response (headers or the body its Content-Length announces) does not fit the client's buffer.</summary>
        TooLarge = 3,
    }
}
