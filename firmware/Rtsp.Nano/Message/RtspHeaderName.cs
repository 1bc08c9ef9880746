namespace NanoMikey.Rtsp.Message
{
    /// <summary>
    /// Header names and tokens of RFC 2326 §12 and RFC 4567 §3.2. Static fields, not constants: on nanoFramework every
    /// executed string literal allocates, a static field is loaded once.
    /// </summary>
    public static class RtspHeaderName
    {
        /// <summary>CSeq (RFC 2326 §12.17).</summary>
        public static readonly string CSeq = "CSeq";

        /// <summary>Session (RFC 2326 §12.37).</summary>
        public static readonly string Session = "Session";

        /// <summary>Transport (RFC 2326 §12.39).</summary>
        public static readonly string Transport = "Transport";

        /// <summary>Content-Length (RFC 2326 §12.14).</summary>
        public static readonly string ContentLength = "Content-Length";

        /// <summary>Content-Type (RFC 2326 §12.16).</summary>
        public static readonly string ContentType = "Content-Type";

        /// <summary>Content-Base (RFC 2326 §12.11).</summary>
        public static readonly string ContentBase = "Content-Base";

        /// <summary>Public (RFC 2326 §12.28): the methods OPTIONS answers with.</summary>
        public static readonly string Public = "Public";

        /// <summary>Accept (RFC 2326 §12.1).</summary>
        public static readonly string Accept = "Accept";

        /// <summary>Range (RFC 2326 §12.29).</summary>
        public static readonly string Range = "Range";

        /// <summary>RTP-Info (RFC 2326 §12.33).</summary>
        public static readonly string RtpInfo = "RTP-Info";

        /// <summary>Require (RFC 2326 §12.32).</summary>
        public static readonly string Require = "Require";

        /// <summary>Unsupported (RFC 2326 §12.41).</summary>
        public static readonly string Unsupported = "Unsupported";

        /// <summary>Server (RFC 2326 §12.36).</summary>
        public static readonly string Server = "Server";

        /// <summary>KeyMgmt (RFC 4567 §3.2).</summary>
        public static readonly string KeyMgmt = "KeyMgmt";

        /// <summary>Connection (RFC 2326 §12.10; <c>close</c> on answers after which the server closes).</summary>
        public static readonly string Connection = "Connection";
    }
}
