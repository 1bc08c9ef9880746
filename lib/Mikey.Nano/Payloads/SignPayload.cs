namespace NanoMikey.Mikey.Payloads
{
    /// <summary>SIGN payload (RFC 3830 §6.5): no next-payload field, always the last payload.</summary>
    public sealed class SignPayload : PayloadView
    {
        /// <summary>SIGN has no next-payload field; always <see cref="PayloadType.Last"/>.</summary>
        public override PayloadType NextPayload
        {
            get { return PayloadType.Last; }
        }

        /// <summary>S type (top 4 bits).</summary>
        public SignatureType SignatureType
        {
            get { return (SignatureType)(U8(0) >> 4); }
        }

        /// <summary>Absolute offset of the signature (everything before it, from the message start, is signed).</summary>
        public int SignatureOffset
        {
            get { return _offset + 2; }
        }

        /// <summary>Signature len (12 bits).</summary>
        public int SignatureLength
        {
            get { return U16(0) & 0x0FFF; }
        }
    }
}
