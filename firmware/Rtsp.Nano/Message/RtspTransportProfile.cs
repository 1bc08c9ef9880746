namespace NanoMikey.Rtsp.Message
{
    /// <summary>The RTP profile of a Transport specification (RFC 2326 §12.39).</summary>
    public enum RtspTransportProfile
    {
        /// <summary>None parsed, or a profile this codec does not know (answer 461).</summary>
        Unknown = 0,

        /// <summary><c>RTP/AVP</c>: plain RTP (RFC 3551).</summary>
        Avp = 1,

        /// <summary><c>RTP/SAVP</c>: SRTP (RFC 3711 §7, RFC 4567 §3.1).</summary>
        Savp = 2,
    }
}
