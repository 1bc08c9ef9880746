namespace NanoMikey.Rtsp.Client
{
    /// <summary>Why an RTSP client stopped (or <see cref="None"/> while it has not failed). Network and peer faults are statuses.</summary>
    public enum RtspClientStatus
    {
        /// <summary>No failure.</summary>
        None = 0,

        /// <summary>The TCP connection to the server could not be made.</summary>
        ConnectFailed,

        /// <summary>The server closed the connection or the network failed before the exchange ended.</summary>
        ConnectionLost,

        /// <summary>No whole answer came within the response timeout.</summary>
        Timeout,

        /// <summary>The answer is not an RTSP/1.0 response (RFC 2326 §7), or its CSeq is not the request's.</summary>
        ResponseMalformed,

        /// <summary>The answer does not fit the client's receive buffer.</summary>
        ResponseTooLarge,

        /// <summary>The server answered with a status other than 2xx (the code is in <c>LastStatusCode</c>).</summary>
        RequestRefused,

        /// <summary>A request did not fit the client's send buffer (a URI or key message too long for it).</summary>
        RequestTooLarge,

        /// <summary>The server's key (KeyMgmt header or SDP a=key-mgmt:mikey) is missing.</summary>
        KeyMgmtMissing,

        /// <summary>The server's key is not well-formed: not prot=mikey, not strict base64, or too long.</summary>
        KeyMgmtMalformed,

        /// <summary>The server's MIKEY message was refused (authentication, freshness, policy, unsupported), see the MIKEY status.</summary>
        KeyRejected,

        /// <summary>Our own MIKEY offer could not be written (DRBG needs reseeding, policy not writable).</summary>
        OfferFailed,

        /// <summary>The SDP has no usable audio stream: not RTP/SAVP, no PCMU, no a=control.</summary>
        SdpUnusable,

        /// <summary>The SETUP answer has no Session, or its Transport has no usable server ports.</summary>
        TransportUnusable,
    }
}
