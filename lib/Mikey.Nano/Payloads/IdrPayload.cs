namespace NanoMikey.Mikey.Payloads
{
    /// <summary>IDR, identity with role (RFC 6043 §6.6).</summary>
    public sealed class IdrPayload : PayloadView
    {
        /// <summary>ID Role.</summary>
        public IdRole Role
        {
            get { return (IdRole)U8(1); }
        }

        /// <summary>ID type.</summary>
        public IdType IdType
        {
            get { return (IdType)U8(2); }
        }

        /// <summary>Absolute offset of the ID data.</summary>
        public int DataOffset
        {
            get { return _offset + 5; }
        }

        /// <summary>ID len in bytes.</summary>
        public int DataLength
        {
            get { return U16(3); }
        }
    }
}
