namespace NanoMikey.Mikey.Payloads
{
    /// <summary>CERT payload (RFC 3830 §6.7).</summary>
    public sealed class CertPayload : PayloadView
    {
        /// <summary>Cert type.</summary>
        public CertType CertType
        {
            get { return (CertType)U8(1); }
        }

        /// <summary>Absolute offset of the certificate data.</summary>
        public int DataOffset
        {
            get { return _offset + 4; }
        }

        /// <summary>Cert len in bytes.</summary>
        public int DataLength
        {
            get { return U16(2); }
        }
    }
}
