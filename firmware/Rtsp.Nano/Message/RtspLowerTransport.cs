namespace NanoMikey.Rtsp.Message
{
    /// <summary>The lower transport of a Transport specification (RFC 2326 §12.39; UDP when the spec names none).</summary>
    public enum RtspLowerTransport
    {
        /// <summary>RTP and RTCP over UDP to client_port/server_port.</summary>
        Udp = 0,

        /// <summary>RTP and RTCP interleaved on the RTSP connection (RFC 2326 §10.12).</summary>
        Tcp = 1,
    }
}
