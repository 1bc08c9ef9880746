namespace NanoMikey.Mikey.Payloads
{
    /// <summary>RAND payload (RFC 3830 §6.11).</summary>
    public sealed class RandPayload : PayloadView
    {
        /// <summary>Absolute offset of the RAND value.</summary>
        public int RandOffset
        {
            get { return _offset + 2; }
        }

        /// <summary>RAND len in bytes.</summary>
        public int RandLength
        {
            get { return U8(1); }
        }
    }
}
