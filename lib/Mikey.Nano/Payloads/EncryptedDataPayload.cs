namespace NanoMikey.Mikey.Payloads
{
    /// <summary>IBAKE (22) and ESK (23) payloads (RFC 6267 §6.1.1, §6.1.2): IBE-encrypted sub-payloads, kept raw.</summary>
    public sealed class EncryptedDataPayload : PayloadView
    {
        /// <summary>Absolute offset of Encr data.</summary>
        public int EncrDataOffset
        {
            get { return _offset + 3; }
        }

        /// <summary>Encr data len in bytes.</summary>
        public int EncrDataLength
        {
            get { return U16(1); }
        }
    }
}
