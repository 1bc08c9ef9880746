namespace NanoMikey.Mikey.Payloads
{
    /// <summary>ERR, error payload (RFC 3830 §6.12).</summary>
    public sealed class ErrorPayload : PayloadView
    {
        /// <summary>Error no.</summary>
        public ErrorCode ErrorNo
        {
            get { return (ErrorCode)U8(1); }
        }

        /// <summary>Reserved 16 bits (sent as 0).</summary>
        public int Reserved
        {
            get { return U16(2); }
        }
    }
}
