namespace NanoMikey.Rtsp.Message
{
    /// <summary>The RTSP status codes this implementation sends or reads (RFC 2326 §7.1.1, §11; RFC 4567 §5.4: 463).</summary>
    public enum RtspStatusCode
    {
        /// <summary>200 OK.</summary>
        Ok = 200,

        /// <summary>400 Bad Request: the request is not RTSP syntax, or misses CSeq.</summary>
        BadRequest = 400,

        /// <summary>401 Unauthorized.</summary>
        Unauthorized = 401,

        /// <summary>403 Forbidden (RFC 4567 §3.2: an expected KeyMgmt is missing).</summary>
        Forbidden = 403,

        /// <summary>404 Not Found: no such presentation or stream.</summary>
        NotFound = 404,

        /// <summary>405 Method Not Allowed (for this resource).</summary>
        MethodNotAllowed = 405,

        /// <summary>408 Request Time-out.</summary>
        RequestTimeout = 408,

        /// <summary>413 Request Entity Too Large (RFC 2326 §11.3.4).</summary>
        RequestEntityTooLarge = 413,

        /// <summary>414 Request-URI Too Large (RFC 2326 §11.3.5).</summary>
        RequestUriTooLarge = 414,

        /// <summary>415 Unsupported Media Type.</summary>
        UnsupportedMediaType = 415,

        /// <summary>451 Parameter Not Understood (RFC 2326 §11.3.6).</summary>
        ParameterNotUnderstood = 451,

        /// <summary>453 Not Enough Bandwidth (RFC 2326 §11.3.8).</summary>
        NotEnoughBandwidth = 453,

        /// <summary>454 Session Not Found (RFC 2326 §11.3.9).</summary>
        SessionNotFound = 454,

        /// <summary>455 Method Not Valid in This State (RFC 2326 §11.3.10).</summary>
        MethodNotValidInThisState = 455,

        /// <summary>456 Header Field Not Valid for Resource (RFC 2326 §11.3.11).</summary>
        HeaderFieldNotValid = 456,

        /// <summary>457 Invalid Range (RFC 2326 §11.3.12).</summary>
        InvalidRange = 457,

        /// <summary>459 Aggregate Operation Not Allowed (RFC 2326 §11.3.14).</summary>
        AggregateOperationNotAllowed = 459,

        /// <summary>460 Only Aggregate Operation Allowed (RFC 2326 §11.3.15).</summary>
        OnlyAggregateOperationAllowed = 460,

        /// <summary>461 Unsupported Transport (RFC 2326 §11.3.16).</summary>
        UnsupportedTransport = 461,

        /// <summary>463 Key Management Failure (RFC 4567 §5.4, registered for RTSP).</summary>
        KeyManagementFailure = 463,

        /// <summary>500 Internal Server Error.</summary>
        InternalServerError = 500,

        /// <summary>501 Not Implemented: a method this server does not know (RFC 2326 §7.1.1).</summary>
        NotImplemented = 501,

        /// <summary>503 Service Unavailable: the client limit is reached.</summary>
        ServiceUnavailable = 503,

        /// <summary>505 RTSP Version Not Supported (RFC 2326 §7.1.1).</summary>
        VersionNotSupported = 505,
    }
}
