namespace NanoMikey.Mikey.Payloads
{
    /// <summary>KEMAC, key data transport payload (RFC 3830 §6.2): encrypted sub-payload chain followed by a MAC.</summary>
    public sealed class KemacPayload : PayloadView
    {
        /// <summary>Encr alg.</summary>
        public EncryptionAlgorithm EncryptionAlgorithm
        {
            get { return (EncryptionAlgorithm)U8(1); }
        }

        /// <summary>Absolute offset of Encr data.</summary>
        public int EncrDataOffset
        {
            get { return _offset + 4; }
        }

        /// <summary>Encr data len in bytes.</summary>
        public int EncrDataLength
        {
            get { return U16(2); }
        }

        /// <summary>MAC alg.</summary>
        public MacAlgorithm MacAlgorithm
        {
            get { return (MacAlgorithm)U8(4 + EncrDataLength); }
        }

        /// <summary>Absolute offset of the MAC field (the bytes before it, from the message start, are MAC-covered in PSK mode).</summary>
        public int MacOffset
        {
            get { return _offset + 5 + EncrDataLength; }
        }

        /// <summary>Length of the MAC field in bytes.</summary>
        public int MacLength
        {
            get { return _length - 5 - EncrDataLength; }
        }

        /// <summary>MAC length implied by a MAC alg, or -1 when unknown (RFC 3830 table 6.2.b, RFC 6043 §6.2).</summary>
        public static int MacLengthOf(MacAlgorithm algorithm)
        {
            switch (algorithm)
            {
                case MacAlgorithm.Null: return 0;
                case MacAlgorithm.HmacSha1160: return 20;
                case MacAlgorithm.HmacSha256256: return 32;
                default: return -1;
            }
        }

        /// <summary>
        /// The implicit type of the first sub-payload in Encr data: ID in public-key mode and RSA-R R_MESSAGE,
        /// Key data otherwise (RFC 3830 §6.2, RFC 4738 §3.6).
        /// </summary>
        public static PayloadType FirstSubPayload(DataType dataType)
        {
            return dataType == DataType.PublicKey || dataType == DataType.RsaRResponse ? PayloadType.Id : PayloadType.KeyData;
        }
    }
}
