namespace NanoMikey.Mikey.Payloads
{
    /// <summary>ID payload (RFC 3830 §6.7).</summary>
    public sealed class IdPayload : PayloadView
    {
        /// <summary>ID type.</summary>
        public IdType IdType
        {
            get { return (IdType)U8(1); }
        }

        /// <summary>Absolute offset of the ID data.</summary>
        public int DataOffset
        {
            get { return _offset + 4; }
        }

        /// <summary>ID len in bytes.</summary>
        public int DataLength
        {
            get { return U16(2); }
        }
    }
}
