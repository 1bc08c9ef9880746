namespace NanoMikey.Mikey.Payloads
{
    /// <summary>CHASH, certificate hash payload (RFC 3830 §6.8, RFC 6043 §6.7).</summary>
    public sealed class ChashPayload : PayloadView
    {
        /// <summary>Hash func.</summary>
        public HashFunction HashFunction
        {
            get { return (HashFunction)U8(1); }
        }

        /// <summary>Absolute offset of the hash.</summary>
        public int HashOffset
        {
            get { return _offset + 2; }
        }

        /// <summary>Hash length, implied by the hash function.</summary>
        public int HashLength
        {
            get { return _length - 2; }
        }

        /// <summary>Hash length for a hash function, or -1 when unknown.</summary>
        public static int HashLengthOf(HashFunction function)
        {
            switch (function)
            {
                case HashFunction.Sha1: return 20;
                case HashFunction.Md5: return 16;
                case HashFunction.Sha256: return 32;
                default: return -1;
            }
        }
    }
}
