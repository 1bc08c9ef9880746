namespace NanoMikey.Mikey.Payloads
{
    /// <summary>RANDR, RAND with role (RFC 6043 §6.8).</summary>
    public sealed class RandrPayload : PayloadView
    {
        /// <summary>RAND Role.</summary>
        public RandRole Role
        {
            get { return (RandRole)U8(1); }
        }

        /// <summary>Absolute offset of the RAND value.</summary>
        public int RandOffset
        {
            get { return _offset + 3; }
        }

        /// <summary>RAND length in bytes.</summary>
        public int RandLength
        {
            get { return U8(2); }
        }
    }
}
