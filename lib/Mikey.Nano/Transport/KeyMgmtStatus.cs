namespace NanoMikey.Mikey.Transport
{
    /// <summary>Why an RTSP <c>KeyMgmt</c> header (RFC 4567 §3.2) was not accepted, so RTSP code can answer it (e.g. 400).</summary>
    public enum KeyMgmtStatus
    {
        /// <summary>prot and a strict base64 data value were found.</summary>
        Ok = 0,

        /// <summary>Not a list of <c>name=value</c> parameters separated by <c>;</c> (e.g. an unterminated quote).</summary>
        Malformed = 1,

        /// <summary>No <c>prot</c> parameter.</summary>
        MissingProtocol = 2,

        /// <summary>No <c>data</c> parameter, or an empty one.</summary>
        MissingData = 3,

        /// <summary>The data value is not strict base64 (RFC 4648 §4: alphabet, length, padding, zero trailing bits).</summary>
        InvalidBase64 = 4,
    }
}
