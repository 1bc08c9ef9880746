namespace NanoMikey.Rtsp.Message
{
    /// <summary>The RTSP 1.0 methods (RFC 2326 §10); <see cref="Unknown"/> for any other token (answered 501).</summary>
    public enum RtspMethod
    {
        /// <summary>A method token this codec does not know (RFC 2326 §11.3.1: 501 Not Implemented).</summary>
        Unknown = 0,

        /// <summary>OPTIONS (RFC 2326 §10.1).</summary>
        Options = 1,

        /// <summary>DESCRIBE (RFC 2326 §10.2).</summary>
        Describe = 2,

        /// <summary>ANNOUNCE (RFC 2326 §10.3).</summary>
        Announce = 3,

        /// <summary>SETUP (RFC 2326 §10.4).</summary>
        Setup = 4,

        /// <summary>PLAY (RFC 2326 §10.5).</summary>
        Play = 5,

        /// <summary>PAUSE (RFC 2326 §10.6).</summary>
        Pause = 6,

        /// <summary>TEARDOWN (RFC 2326 §10.7).</summary>
        Teardown = 7,

        /// <summary>GET_PARAMETER (RFC 2326 §10.8), the keep-alive rtspsrc sends.</summary>
        GetParameter = 8,

        /// <summary>SET_PARAMETER (RFC 2326 §10.9).</summary>
        SetParameter = 9,

        /// <summary>REDIRECT (RFC 2326 §10.10).</summary>
        Redirect = 10,

        /// <summary>RECORD (RFC 2326 §10.11).</summary>
        Record = 11,
    }
}
