namespace NanoMikey.Sip.Sdp
{
    /// <summary>The transport protocol of an <c>m=</c> line (RFC 4566 §5.14).</summary>
    public enum SdpMediaProfile
    {
        /// <summary>No audio stream read.</summary>
        None = 0,

        /// <summary><c>RTP/AVP</c>: plain RTP (RFC 3551), no SRTP.</summary>
        RtpAvp = 1,

        /// <summary><c>RTP/SAVP</c>: SRTP (RFC 3711 §7), the profile MIKEY keys.</summary>
        RtpSavp = 2,

        /// <summary>Anything else (<c>RTP/SAVPF</c>, <c>UDP/TLS/RTP/SAVP</c>, ...): not supported here.</summary>
        Other = 3,
    }
}
