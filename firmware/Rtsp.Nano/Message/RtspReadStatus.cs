namespace NanoMikey.Rtsp.Message
{
    /// <summary>Outcome of <see cref="RtspRequestReader.Read"/> over the bytes received so far on a connection.</summary>
    public enum RtspReadStatus
    {
        /// <summary>A whole request (headers and body) is in the buffer; <see cref="RtspRequestReader.Consumed"/> says how long.</summary>
        Complete = 0,

        /// <summary>The request is not complete yet: receive more and read again from the same start.</summary>
        Incomplete = 1,

        /// <summary>
        /// An interleaved binary frame (RFC 2326 §10.12: '$', channel, 16-bit length, data) is complete at the start:
        /// <see cref="RtspRequestReader.Channel"/>, <see cref="RtspRequestReader.BodyOffset"/>, <see cref="RtspRequestReader.BodyLength"/>.
        /// </summary>
        InterleavedFrame = 2,

        /// <summary>The request is not RTSP syntax (RFC 2326 §6): answer 400 and close, the framing is lost.</summary>
        Malformed = 3,

        /// <summary>The Request-URI is longer than the reader's limit (RFC 2326 §11.3.5: 414).</summary>
        UriTooLong = 4,

        /// <summary>A header line, the header count or the header section exceeds the reader's limits (answered 413 here).</summary>
        HeadersTooLarge = 5,

        /// <summary>Content-Length exceeds the reader's body limit (RFC 2326 §11.3.4: 413).</summary>
        BodyTooLarge = 6,

        /// <summary>The request line names a version other than RTSP/1.0 (RFC 2326 §7.1.1: 505).</summary>
        VersionNotSupported = 7,
    }
}
