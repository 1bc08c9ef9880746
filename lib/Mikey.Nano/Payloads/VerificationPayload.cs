namespace NanoMikey.Mikey.Payloads
{
    /// <summary>V, verification payload (RFC 3830 §6.9): Auth alg and the MAC of the response.</summary>
    public sealed class VerificationPayload : PayloadView
    {
        /// <summary>Auth alg (MAC alg values of RFC 3830 table 6.2.b).</summary>
        public MacAlgorithm AuthAlgorithm
        {
            get { return (MacAlgorithm)U8(1); }
        }

        /// <summary>Absolute offset of Ver data (everything before it, from the message start, is MAC-covered).</summary>
        public int VerDataOffset
        {
            get { return _offset + 2; }
        }

        /// <summary>Ver data length in bytes.</summary>
        public int VerDataLength
        {
            get { return _length - 2; }
        }
    }
}
