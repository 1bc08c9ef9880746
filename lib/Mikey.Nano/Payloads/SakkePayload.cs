namespace NanoMikey.Mikey.Payloads
{
    /// <summary>SAKKE payload (RFC 6509 §4.2): parameter set, identifier scheme and the SAKKE encapsulated data, raw.</summary>
    public sealed class SakkePayload : PayloadView
    {
        /// <summary>SAKKE params (1 = parameter set 1).</summary>
        public int SakkeParams
        {
            get { return U8(1); }
        }

        /// <summary>ID scheme (1 = tel URI with monthly keys).</summary>
        public int IdScheme
        {
            get { return U8(2); }
        }

        /// <summary>Absolute offset of the SAKKE data.</summary>
        public int DataOffset
        {
            get { return _offset + 5; }
        }

        /// <summary>SAKKE data length in bytes.</summary>
        public int DataLength
        {
            get { return U16(3); }
        }
    }
}
