namespace NanoMikey.Mikey.Payloads
{
    /// <summary>TR, timestamp with role (RFC 6043 §6.4).</summary>
    public sealed class TrPayload : PayloadView
    {
        /// <summary>TS Role.</summary>
        public TimestampRole Role
        {
            get { return (TimestampRole)U8(1); }
        }

        /// <summary>TS type.</summary>
        public TimestampType TimestampType
        {
            get { return (TimestampType)U8(2); }
        }

        /// <summary>Absolute offset of the TS value.</summary>
        public int ValueOffset
        {
            get { return _offset + 3; }
        }

        /// <summary>TS value length in bytes.</summary>
        public int ValueLength
        {
            get { return _length - 3; }
        }

        /// <summary>The TS value as an integer.</summary>
        public ulong Value
        {
            get { return ReadValue(_offset + 3, _length - 3); }
        }
    }
}
