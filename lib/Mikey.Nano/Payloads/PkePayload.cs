namespace NanoMikey.Mikey.Payloads
{
    /// <summary>PKE, envelope data payload (RFC 3830 §6.3): the envelope key encrypted with the peer's public key.</summary>
    public sealed class PkePayload : PayloadView
    {
        /// <summary>C: envelope key cache indicator (top 2 bits).</summary>
        public EnvelopeCacheType Cache
        {
            get { return (EnvelopeCacheType)(U8(1) >> 6); }
        }

        /// <summary>Absolute offset of Data.</summary>
        public int DataOffset
        {
            get { return _offset + 3; }
        }

        /// <summary>Data len (14 bits).</summary>
        public int DataLength
        {
            get { return U16(1) & 0x3FFF; }
        }
    }
}
