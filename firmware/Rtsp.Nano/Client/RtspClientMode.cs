namespace NanoMikey.Rtsp.Client
{
    /// <summary>Which way the client's media goes (RFC 2326 §1.1: recording into a server, or playing from it).</summary>
    public enum RtspClientMode
    {
        /// <summary>
        /// Push our stream to a recorder: ANNOUNCE (SDP with our MIKEY), SETUP mode=record, RECORD, media, TEARDOWN
        /// (RFC 2326 §10.3, §10.11, Appendix A.1).
        /// </summary>
        Record = 0,

        /// <summary>Play the server's stream: DESCRIBE (its MIKEY in the SDP), SETUP with our KeyMgmt, PLAY, media, TEARDOWN.</summary>
        Play = 1,
    }
}
