namespace NanoMikey.Sip.Sdp
{
    /// <summary>The media direction attribute of a stream (RFC 4566 §6, RFC 3264 §5.1); sendrecv when none is given.</summary>
    public enum SdpDirection
    {
        /// <summary><c>a=sendrecv</c> (the default).</summary>
        SendRecv = 0,

        /// <summary><c>a=sendonly</c>.</summary>
        SendOnly = 1,

        /// <summary><c>a=recvonly</c>.</summary>
        RecvOnly = 2,

        /// <summary><c>a=inactive</c>.</summary>
        Inactive = 3,
    }
}
